"""Hypothesis strategies: valid agendas as plain data, and mutations of them."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import strategies as st

# Text as people paste it: letters with accents, Dutch ĳ, euro, quotes, markup and
# template syntax, emoji and right-to-left script; no control characters.
_ALFABET = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"),
)
_SPECIAAL = st.sampled_from(
    [
        "A & B",
        "<BV>",
        "{{ 7*7 }}",
        "{% if x %}",
        '"citaat"',
        "’s-Hertogenbosch",
        "ĳs",
        "€ 5",
        "🎓",
        "مرحبا",
        '<img src="file:///etc/passwd">',
        "http://example.org",
        "\\n",
        "---",
    ]
)
tekst = st.lists(st.one_of(st.text(_ALFABET, max_size=40), _SPECIAAL), max_size=4).map(" ".join)
# What documents are read back with: Latin letters with all European accents, digits,
# punctuation, plus the special cases above. Wider Unicode (presentation forms,
# compatibility characters) is covered by the loader properties; a PDF text layer
# normalises those, so reading them back would test pdftotext, not us.
_DOCUMENT_ALFABET = st.characters(
    min_codepoint=0x20, max_codepoint=0x24F, exclude_categories=("Cc", "Cs", "Co", "Cn")
)
document_tekst = st.lists(
    st.one_of(st.text(_DOCUMENT_ALFABET, max_size=40), _SPECIAAL), max_size=4
).map(" ".join)


def _regel(t: str) -> str:
    return " ".join(t.split())


regel = tekst.map(_regel)
namen = st.sampled_from(
    [
        "Almere",
        "Weert",
        "Hengelo",
        "'s-Hertogenbosch",
        "Súdwest-Fryslân",
        "Sittard-Geleen",
        "Bergen (NH.)",
        "Nuenen, Gerwen en Nederwetten",
        "IJsselstein",
    ]
)
bedrag = st.integers(min_value=0, max_value=20_000).map(str)


@st.composite
def interventie(
    draw: st.DrawFn, naam: str, tekst: st.SearchStrategy[str] = tekst
) -> dict[str, Any]:
    regel = tekst.map(_regel)
    return {
        "naam": naam,
        **{
            veld: draw(tekst)
            for veld in (
                "betrokken_partijen",
                "doel",
                "doelgroep",
                "locatie",
                "omschrijving_activiteiten",
                "monitoring_en_evaluatie",
                "financiering",
            )
        },
        "website": draw(st.sampled_from(["", "https://www.almere.nl/onderwijs?a=1&b=2"])),
        "contactpersoon": {
            "naam": draw(regel),
            "email": draw(st.sampled_from(["", "naam@gemeente.nl"])),
            "telefoon": draw(st.sampled_from(["", "036 539 9999", "+31 6 1234 5678"])),
        },
    }


@st.composite
def agenda(
    draw: st.DrawFn, max_interventies: int = 4, tekst: st.SearchStrategy[str] = tekst
) -> dict[str, Any]:
    """A valid concept agenda as the plain data a YAML file holds."""
    regel = tekst.map(_regel)
    soort = draw(st.sampled_from(["agenda", "addendum"]))
    interventie_namen = draw(
        st.lists(regel.filter(bool), min_size=0, max_size=max_interventies, unique=True)
    )
    toelichting = {
        veld: draw(tekst)
        for veld in (
            "aanleiding_en_uitdagingen",
            "inzet_gemeente",
            "samenwerking_met_de_gelijke_kansen_alliantie",
            "kennis",
            "en_verder",
        )
    }
    if soort == "addendum" and draw(st.booleans()):
        toelichting["inzet_nationaal_programma_onderwijs"] = draw(tekst)
    return {
        "gemeente": draw(namen),
        "soort": soort,
        "periode": "2019-2021" if soort == "agenda" else "2021-2024",
        "status": "concept",
        "themas": draw(st.lists(regel, max_size=3)),
        "toelichting": toelichting,
        "bestuurlijk_overleg": draw(tekst),
        "interventies": [draw(interventie(n, tekst)) for n in interventie_namen],
        "communities": [
            {
                "naam": draw(regel),
                "betrokken_partijen": draw(tekst),
                "doel": draw(tekst),
                "doelgroep": draw(tekst),
                "activiteiten": draw(tekst),
            }
            for _ in range(draw(st.integers(0, 2)))
        ],
        "ondertekening": {
            "plaats": draw(regel),
            "datum": draw(st.sampled_from(["", "2019-11-24", "2021-12-15"])),
            "ondertekenaars": [
                {"naam": draw(regel), "functie": draw(regel), "organisatie": draw(regel)}
                for _ in range(draw(st.integers(1, 3)))
            ],
        },
        "begroting": {
            "maximum_ocw": "100000",
            "regels": [
                {
                    "interventie": n,
                    "omschrijving": draw(tekst),
                    "bijdrage_ocw": draw(bedrag),
                    "cofinanciering": draw(bedrag),
                }
                for n in interventie_namen
            ],
        },
    }


@st.composite
def opgemaakte_tekst(draw: st.DrawFn) -> str:
    """Text over several lines, as in a `|` block: paragraphs and bulleted lists."""
    alinea = tekst.map(_regel)
    opsomming = st.lists(regel.filter(bool), min_size=1, max_size=3).map(
        lambda punten: "\n".join(f"- {punt}" for punt in punten)
    )
    return "\n\n".join(draw(st.lists(st.one_of(alinea, opsomming), max_size=3)))


_INGEVULD = {
    "email": "naam@gemeente.nl",
    "telefoon": "036 539 9999",
    "website": "https://www.gelijkekansen.nl",
}


def als_definitief(data: dict[str, Any]) -> dict[str, Any]:
    """The same agenda as `status: definitief`: every empty field filled in.

    Place and date of signing stay as drawn: a definitief document may leave them empty.
    """

    def vul(waarde: Any, sleutel: Any = None) -> Any:
        if isinstance(waarde, dict):
            return {k: vul(v, k) for k, v in waarde.items()}
        if isinstance(waarde, list):
            return [vul(v, sleutel) for v in waarde]
        if isinstance(waarde, str) and not waarde.strip() and sleutel not in {"plaats", "datum"}:
            return _INGEVULD.get(sleutel, "ingevuld")
        return waarde

    gevuld: dict[str, Any] = vul(data)
    gevuld["status"] = "definitief"
    return gevuld


def als_yaml(data: object) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=80).encode("utf-8")


def _paden(data: object, pad: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    uit = [pad] if pad else []
    if isinstance(data, dict):
        for k, v in data.items():
            uit += _paden(v, (*pad, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            uit += _paden(v, (*pad, i))
    return uit


_VREEMD = st.one_of(
    st.text(max_size=30),  # any unicode, control characters included
    st.just("x" * 10_000),
    st.just([]),
    st.just({"a": "b"}),
    st.integers(-(10**6), 10**6),
    st.just(None),
    st.just("\u202eomgekeerd"),
    st.just("\x00\x07\x1b"),
)


@st.composite
def gemuteerd(draw: st.DrawFn) -> object:
    """A valid agenda with one thing broken: a key removed or renamed, a value replaced."""
    data = draw(agenda())
    pad = draw(st.sampled_from(_paden(data)))
    data = copy.deepcopy(data)
    ouder: Any = data
    for deel in pad[:-1]:
        ouder = ouder[deel]
    laatste = pad[-1]
    actie = draw(st.sampled_from(["verwijder", "hernoem", "vervang"]))
    if actie == "verwijder":
        del ouder[laatste]
    elif actie == "hernoem" and isinstance(laatste, str):
        ouder[laatste + draw(st.sampled_from(["s", "_", "X", ""]))[:1] or "x"] = ouder.pop(laatste)
    else:
        ouder[laatste] = draw(_VREEMD)
    return data
