"""Hypothesis strategies: valid agendas as plain data, and mutations of them."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import strategies as st

from gka_docgen.document import structure
from gka_docgen.document.structure import Groep, Rubriek, Soort

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


def _waarde(r: Rubriek, tekst: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    """A valid value of one field, by its kind (structure.py)."""
    if r.deel is not None and r.soort is Soort.GROEP:
        return st.fixed_dictionaries({sub.sleutel: _waarde(sub, tekst) for sub in r.deel})
    return {
        Soort.TEKST: tekst,
        Soort.KORT: tekst.map(_regel),
        Soort.DATUM: st.sampled_from(["", "2019-11-24", "2021-12-15"]),
        Soort.BEDRAG: bedrag,
        Soort.WEBADRES: st.sampled_from(["", "https://www.almere.nl/onderwijs?a=1&b=2"]),
        Soort.EMAIL: st.sampled_from(["", "naam@gemeente.nl"]),
        Soort.TELEFOON: st.sampled_from(["", "036 539 9999", "+31 6 1234 5678"]),
    }[r.soort]


def _item(
    draw: st.DrawFn, groep: Groep, tekst: st.SearchStrategy[str], **vast: Any
) -> dict[str, Any]:
    """One table's values: every field of `groep` drawn by its kind, `vast` as given."""
    return {
        r.sleutel: vast[r.sleutel] if r.sleutel in vast else draw(_waarde(r, tekst)) for r in groep
    }


@st.composite
def interventie(
    draw: st.DrawFn, naam: str, tekst: st.SearchStrategy[str] = tekst
) -> dict[str, Any]:
    return _item(draw, structure.INTERVENTIE, tekst, naam=naam)


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
        r.sleutel: draw(tekst)
        for r in structure.TOELICHTING
        if not r.alleen_addendum or (soort == "addendum" and draw(st.booleans()))
    }
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
            _item(draw, structure.COMMUNITY, tekst) for _ in range(draw(st.integers(0, 2)))
        ],
        "ondertekening": {
            "plaats": draw(regel),
            "datum": draw(_waarde(structure.ONDERTEKENING["datum"], tekst)),
            "ondertekenaars": [
                _item(draw, structure.ONDERTEKENAAR, tekst) for _ in range(draw(st.integers(1, 3)))
            ],
        },
        "begroting": {
            "maximum_ocw": structure.BEGROTING["maximum_ocw"].standaard,
            "regels": [
                _item(draw, structure.BEGROTINGSREGEL, tekst, interventie=n)
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


# What fills an empty field of each kind in a definitief agenda.
_INGEVULD = {
    Soort.EMAIL: "naam@gemeente.nl",
    Soort.TELEFOON: "036 539 9999",
    Soort.WEBADRES: "https://www.gelijkekansen.nl",
    Soort.DATUM: "2021-09-01",
    Soort.BEDRAG: "1000",
}


def als_definitief(data: dict[str, Any]) -> dict[str, Any]:
    """The same agenda as `status: definitief`: every empty field filled in.

    Fields a definitief document may leave empty (place and date of signing) stay as drawn.
    """

    def vul(waarde: Any, pad: tuple[str | int, ...]) -> Any:
        if isinstance(waarde, dict):
            return {k: vul(v, (*pad, k)) for k, v in waarde.items()}
        if isinstance(waarde, list):
            return [vul(v, (*pad, i)) for i, v in enumerate(waarde)]
        r = structure.rubriek(pad)
        if isinstance(waarde, str) and not waarde.strip() and not (r and r.mag_leeg):
            return _INGEVULD.get(r.soort, "ingevuld") if r else "ingevuld"
        return waarde

    gevuld: dict[str, Any] = vul(data, ())
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
