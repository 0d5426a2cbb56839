"""Realistic synthetic agendas: N municipalities, 2 to 12 interventions each.

Deterministic (seeded), valid, and shaped like real ones: Toelichting paragraphs
with bullet lists, full intervention tables, communities, signatories, budget
lines that stay under the OCW cap. The tests, benchmarks/ and scripts/output_hashes.py
use them (benchmarks may import tests, never the other way round).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

_VOOR = [
    "Ooster",
    "Wester",
    "Noorder",
    "Zuider",
    "Hoog",
    "Laag",
    "Nieuw",
    "Oud",
    "Groot",
    "Klein",
    "Midden",
    "Boven",
    "Neder",
    "Over",
    "Heer",
    "Vrouwen",
    "Sint-",
    "Ter ",
]
_STAM = [
    "veen",
    "wolde",
    "broek",
    "dijk",
    "haven",
    "dam",
    "horst",
    "wijk",
    "berg",
    "beek",
    "hout",
    "zande",
    "meer",
    "loo",
    "rade",
    "hem",
    "burg",
    "vliet",
    "mond",
    "gaast",
]
_ACHTER = ["", " aan Zee", " (L.)", " (NH.)", "-Noord", "-Zuid"]
_WOORDEN = [
    "kinderen",
    "jongeren",
    "ouders",
    "school",
    "onderwijs",
    "kansen",
    "taal",
    "talent",
    "wijk",
    "samenwerking",
    "leerlingen",
    "gemeente",
    "aanpak",
    "ondersteuning",
    "bibliotheek",
    "sport",
    "cultuur",
    "overgang",
    "voortgezet",
    "basisschool",
    "kinderopvang",
    "jeugdhulp",
    "armoede",
    "gezondheid",
    "mentoren",
    "zomerschool",
    "huiswerk",
    "coaching",
    "loopbaan",
    "stage",
    "vakmanschap",
    "één",
    "café",
    "façade",
]
_COMMUNITIES = [
    "Community Urban Education",
    "Omgaan met Armoede op Scholen",
    "Extra Onderwijs",
    "Loopbaanleren",
    "Taalontwikkeling",
]


def gemeentenamen(n: int) -> list[str]:
    namen: list[str] = []
    for achter in _ACHTER:
        for voor in _VOOR:
            for stam in _STAM:
                naam = (voor + stam).replace("- ", "-")
                naam = naam[0].upper() + naam[1:] + achter
                namen.append(naam)
                if len(namen) == n:
                    return namen
    raise ValueError(f"at most {len(namen)} synthetic names")


def _zin(rng: random.Random, woorden: int) -> str:
    tekst = " ".join(rng.choice(_WOORDEN) for _ in range(woorden))
    return tekst[0].upper() + tekst[1:] + "."


def _tekst(rng: random.Random, alineas: int = 2) -> str:
    delen = [
        " ".join(_zin(rng, rng.randint(8, 18)) for _ in range(rng.randint(2, 5)))
        for _ in range(alineas)
    ]
    if rng.random() < 0.5:
        delen.append(
            "\n".join(f"- {_zin(rng, rng.randint(4, 9))}" for _ in range(rng.randint(2, 5)))
        )
    return "\n\n".join(delen) + "\n"


def agenda(naam: str, rng: random.Random) -> dict[str, Any]:
    soort = rng.choice(["agenda", "addendum"])
    n = rng.randint(2, 12)
    interventies = [f"{_zin(rng, 3)[:-1]} {i + 1}" for i in range(n)]
    toelichting = {k: _tekst(rng) for k in ("aanleiding_en_uitdagingen", "inzet_gemeente")}
    if soort == "addendum":
        toelichting["inzet_nationaal_programma_onderwijs"] = _tekst(rng, 1)
    toelichting |= {
        k: _tekst(rng, 1)
        for k in ("samenwerking_met_de_gelijke_kansen_alliantie", "kennis", "en_verder")
    }
    per_lijn = 100_000 // n
    slug = naam.lower().replace(" ", "").replace("(", "").replace(")", "").replace(".", "")
    return {
        "gemeente": naam,
        "soort": soort,
        "periode": "2019-2021" if soort == "agenda" else "2021-2024",
        "status": rng.choice(["concept", "definitief"]),
        "themas": [_zin(rng, 3)[:-1] for _ in range(rng.randint(0, 5))],
        "toelichting": toelichting,
        "bestuurlijk_overleg": _tekst(rng, 1),
        "interventies": [
            {
                "naam": titel,
                "betrokken_partijen": _zin(rng, 8),
                "doel": _tekst(rng, 1),
                "doelgroep": _zin(rng, 6),
                "locatie": _zin(rng, 4),
                "omschrijving_activiteiten": _tekst(rng, 2),
                "monitoring_en_evaluatie": _zin(rng, 12),
                "financiering": _zin(rng, 10),
                "website": f"https://www.{slug}.nl/interventie-{i + 1}",
                "contactpersoon": {
                    "naam": f"{rng.choice(['Anke', 'Pieter', 'Fatima', 'Sem', 'Ilse'])} de Vries",
                    "email": f"contact{i + 1}@{slug}.nl",
                    "telefoon": f"0{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                },
            }
            for i, titel in enumerate(interventies)
        ],
        "communities": [
            {
                "naam": c,
                "betrokken_partijen": _zin(rng, 6),
                "doel": _zin(rng, 10),
                "doelgroep": _zin(rng, 5),
                "activiteiten": _tekst(rng, 1),
            }
            for c in rng.sample(_COMMUNITIES, rng.randint(0, 2))
        ],
        "ondertekening": {
            "plaats": naam,
            "datum": "2021-12-15",
            "ondertekenaars": [
                {
                    "naam": f"{rng.choice(['M.', 'J.', 'A.'])} Jansen {j + 1}",
                    "functie": rng.choice(
                        ["Wethouder Onderwijs", "Minister van OCW", "Voorzitter"]
                    ),
                    "organisatie": f"Gemeente {naam}",
                }
                for j in range(rng.randint(1, 3))
            ],
        },
        "begroting": {
            "maximum_ocw": "100000",
            "regels": [
                {
                    "interventie": titel,
                    "omschrijving": _zin(rng, 10),
                    "bijdrage_ocw": str(rng.randint(per_lijn // 2, per_lijn)),
                    "cofinanciering": f"{rng.randint(1000, 50000)},{rng.randint(0, 99):02d}",
                }
                for titel in interventies
            ],
        },
    }


def schrijf(map_: Path, n: int, seed: int = 342) -> list[Path]:
    """Write N agendas to `map_`; returns their paths."""
    rng = random.Random(seed)
    map_.mkdir(parents=True, exist_ok=True)
    paden = []
    for i, naam in enumerate(gemeentenamen(n)):
        pad = map_ / f"gemeente-{i:03d}.yaml"
        pad.write_text(
            yaml.safe_dump(agenda(naam, rng), allow_unicode=True, sort_keys=False, width=100),
            encoding="utf-8",
        )
        paden.append(pad)
    return paden


def groot_agenda(map_: Path, interventies: int) -> Path:
    """One agenda with `interventies` interventions and a budget line each, as grootstad.yaml."""
    data = agenda("Grootstad", random.Random(200))
    voorbeeld = data["interventies"][0]
    data["interventies"] = [
        {**voorbeeld, "naam": f"Interventie {i + 1}"} for i in range(interventies)
    ]
    data["begroting"]["regels"] = [
        {"interventie": f"Interventie {i + 1}", "omschrijving": "Uitvoering.",
         "bijdrage_ocw": "500", "cofinanciering": "250"}
        for i in range(interventies)
    ]  # fmt: skip
    pad = map_ / "grootstad.yaml"
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pad
