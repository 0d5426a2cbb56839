"""`gka-docgen extend` (verleng): the addendum drafted from its agenda.

Everything that carries over is taken as the agenda's file has it (the exact text typed):
municipality, themes, the Toelichting texts, every intervention and community in order,
the signatories, the place of signing and the budget lines with their amounts. New are the
kind (`addendum`), the period, `status: concept`, an empty NPO section and the maximum of
the new period's rules. Every carried-over value gets a `# verleng:` comment to check it.
The file is written by the one YAML writer (`yamlout`), never over an existing file
unless asked.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gka_docgen.document import structure, text
from gka_docgen.document.formatting import slug
from gka_docgen.document.model import Agenda
from gka_docgen.errors import OngeldigeAgenda, Pad, Weigering
from gka_docgen.source.load import laad, lees_gegevens
from gka_docgen.source.scaffold import SCHEMA_BESTAND, schema_json
from gka_docgen.source.yaml_out import controleer_terug, schrijf_nieuw
from gka_docgen.source.yaml_write import blok
from gka_docgen.writers import schrijf_atomair

# The addendum's own sections (the Nationaal Programma Onderwijs): to write anew.
EIGEN = tuple(r for r in structure.TOELICHTING if r.alleen_addendum)
# The OCW maximum of the period's rules (DOMAIN.md): 100.000 from 2021-2024 on.
MAXIMUM = structure.BEGROTING["maximum_ocw"].standaard


@dataclass(frozen=True)
class Verlenging:
    doel: Path
    periode: str
    problemen: tuple[str, ...]  # what `check` says of the new file (a budget over the new cap)


def volgende_periode(periode: str) -> str:
    """The period after `periode`: 2021-2024 after the first agenda's 2019-2021, else one
    as long as it, starting where it ends."""
    if periode == text.STANDAARD_PERIODE["agenda"]:
        return text.STANDAARD_PERIODE["addendum"]
    begin, eind = (int(j) for j in periode.split("-"))
    return f"{eind}-{eind + (eind - begin)}"


def _addendum(agenda: dict[str, Any], periode: str) -> tuple[dict[str, Any], dict[Pad, list[str]]]:
    """The addendum's data and a comment for every value carried over."""
    herkomst = f"verleng: uit de {text.documentnaam('agenda', str(agenda['periode']))}"
    opmerkingen: dict[Pad, list[str]] = {}

    def over(pad: Pad, waarde: Any, zeg: str = "controleer of dit nog klopt") -> Any:
        if waarde not in (None, "", [], {}):
            opmerkingen[pad] = [f"{herkomst}; {zeg}"]
        return copy.deepcopy(waarde)

    toelichting = agenda.get("toelichting") or {}
    data: dict[str, Any] = {
        "gemeente": agenda["gemeente"],
        "soort": "addendum",
        "periode": periode,
        "status": "concept",
        "themas": over(("themas",), agenda.get("themas") or []),
        "toelichting": {
            r.sleutel: ""
            if r in EIGEN
            else over(("toelichting", r.sleutel), toelichting.get(r.sleutel))
            for r in structure.TOELICHTING
        },
        "bestuurlijk_overleg": over(("bestuurlijk_overleg",), agenda.get("bestuurlijk_overleg")),
        "interventies": [
            over(("interventies", i, "naam"), item) for i, item in enumerate(agenda["interventies"])
        ],
        "communities": [
            over(("communities", i, "naam"), item)
            for i, item in enumerate(agenda.get("communities") or [])
        ],
    }
    ondertekening = agenda["ondertekening"]
    data["ondertekening"] = {
        "plaats": over(("ondertekening", "plaats"), ondertekening.get("plaats")),
        "datum": "",  # a new signing
        "ondertekenaars": [
            over(
                ("ondertekening", "ondertekenaars", i, "naam"),
                persoon,
                "controleer: is dit nog de wethouder/minister?",
            )
            for i, persoon in enumerate(ondertekening["ondertekenaars"])
        ],
    }
    data["begroting"] = {
        "maximum_ocw": MAXIMUM,
        "regels": [
            over(("begroting", "regels", i, "interventie"), regel, "controleer de bedragen")
            for i, regel in enumerate(agenda["begroting"]["regels"])
        ],
    }
    for r in EIGEN:
        opmerkingen[("toelichting", r.sleutel)] = [
            "verleng: nieuw in het addendum; schrijf dit zelf"
        ]
    opmerkingen[("begroting", "maximum_ocw")] = [
        f"verleng: het maximum van OCW voor {periode} (de agenda had "
        f"{agenda['begroting'].get('maximum_ocw') or MAXIMUM})"
    ]
    for lege in ("themas", "communities"):  # a list the agenda left out stays empty
        data[lege] = data[lege] or []
    return data, opmerkingen


def _tekst(data: dict[str, Any], opmerkingen: dict[Pad, list[str]], bron: Path) -> str:
    hoofd = [
        f"# yaml-language-server: $schema={SCHEMA_BESTAND}",
        f"# {text.documentnaam('addendum', data['periode'])} van gemeente {data['gemeente']}.",
        f"# Verlengd uit {bron.name} met gka-docgen extend; status: concept tot alles klopt.",
        "# Regels met '# verleng:' zeggen wat uit de agenda komt: controleer ze. Nieuw te",
        "# schrijven: " + ", ".join(f"{r.label} (toelichting.{r.sleutel})" for r in EIGEN) + ".",
        "",
    ]
    return "\n".join(hoofd + blok(Agenda, data, "", opmerkingen=opmerkingen)) + "\n"


def verleng(
    bron: Path, *, uit: Path | None = None, periode: str | None = None, vervang: bool = False
) -> Verlenging:
    """Write the addendum of the agenda in `bron`; refuse an addendum or a file with errors."""
    geladen = laad(bron)  # a file with errors: check's located messages, exit 1
    if geladen.agenda.soort != "agenda":
        raise Weigering(
            f"{bron} is al een addendum ({geladen.agenda.periode}); verleng de agenda waar "
            "het uit komt, of maak een nieuw addendum met gka-docgen new"
        )
    agenda: Any = lees_gegevens(geladen.bron, naam=str(bron))[0].data
    periode = periode or volgende_periode(geladen.agenda.periode)
    if not re.fullmatch(r"\d{4}-\d{4}", periode) or periode <= geladen.agenda.periode:
        raise Weigering(
            f"--periode {periode!r}: schrijf de looptijd na {geladen.agenda.periode} als "
            "JJJJ-JJJJ, bijvoorbeeld 2021-2024"
        )
    data, opmerkingen = _addendum(agenda, periode)
    doel = uit or bron.parent / f"{slug(data['gemeente'])}-addendum-{periode}.yaml"
    if doel.resolve() == bron.resolve():
        raise Weigering(f"{doel} is de agenda zelf; kies met --uit een ander bestand")
    tekst = _tekst(data, opmerkingen, bron)
    if vervang and doel.exists():
        controleer_terug(tekst, data, str(doel))
        schrijf_atomair(doel, tekst.encode("utf-8"))
    else:
        try:
            schrijf_nieuw(doel, tekst, data)
        except FileExistsError:
            raise Weigering(
                f"{doel} bestaat al en blijft zoals het is; kies met --uit een andere naam, "
                "of vervang het met --force"
            ) from None
    schema = doel.parent / SCHEMA_BESTAND
    if not schema.exists():
        schrijf_atomair(schema, schema_json().encode("utf-8"))
    try:
        laad(doel)
    except OngeldigeAgenda as fout:
        return Verlenging(doel, periode, tuple(str(p) for p in fout.problemen))
    return Verlenging(doel, periode, ())
