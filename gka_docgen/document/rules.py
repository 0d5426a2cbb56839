"""Rules that span more than one field, and the completeness of a definitief document.

Each rule returns (path, Dutch message); `load.py` adds file, line and column.
Each rule also names the fields it reads (`*` for any list position): when the
file was invalid, `load.py` hands over a model whose invalid values were
replaced (`partial`), and a rule that reads a replaced value stays silent.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from decimal import Decimal

from pydantic import BaseModel

from gka_docgen.document import structure
from gka_docgen.document.formatting import bedrag
from gka_docgen.document.model import Agenda
from gka_docgen.document.text import STANDAARD_PERIODE
from gka_docgen.errors import Pad

Bevinding = tuple[Pad, str]

# The fields only an addendum holds, each with the reason (structure.py).
_ALLEEN_ADDENDUM = tuple((pad, r) for pad, r in structure.alle() if r.alleen_addendum)


def controleer(
    agenda: Agenda, *, definitief: bool = False, vervangen: frozenset[Pad] = frozenset()
) -> list[Bevinding]:
    """Every finding of every rule whose fields are all valid (none in `vervangen`)."""
    bevindingen: list[Bevinding] = []
    for regel, leest in _REGELS:
        if not any(_raakt(veld, pad) for veld in leest for pad in vervangen):
            bevindingen += regel(agenda)
    if definitief or agenda.status == "definitief":
        bevindingen += [
            b for b in _volledig(agenda) if not any(_raakt(b[0], pad) for pad in vervangen)
        ]
    return bevindingen


def _raakt(veld: Pad, pad: Pad) -> bool:
    """Whether `veld` (which may hold `*`) and `pad` lie on one branch: one contains the other."""
    return all(v == p or (v == "*" and isinstance(p, int)) for v, p in zip(veld, pad, strict=False))


def _alleen_in_addendum(agenda: Agenda) -> Iterator[Bevinding]:
    if agenda.soort != "agenda":
        return
    for pad, r in _ALLEEN_ADDENDUM:
        if _waarde(agenda, pad) is not None:
            yield (
                pad,
                f"hoort alleen in een addendum ({r.alleen_addendum}); "
                "verwijder dit veld of kies soort: addendum",
            )


def _waarde(model: BaseModel, pad: Pad) -> object:
    """The value at a path of named fields (no list positions)."""
    waarde: object = model
    for sleutel in pad:
        waarde = getattr(waarde, str(sleutel))
    return waarde


def _unieke_interventies(agenda: Agenda) -> Iterator[Bevinding]:
    gezien: dict[str, int] = {}
    for i, interventie in enumerate(agenda.interventies):
        if not interventie.naam:
            continue
        if interventie.naam in gezien:
            yield (
                ("interventies", i, "naam"),
                f"de interventie '{interventie.naam}' staat er al als interventie "
                f"{gezien[interventie.naam] + 1}; geef elke interventie een eigen naam",
            )
        else:
            gezien[interventie.naam] = i


def _soort_past_bij_periode(agenda: Agenda) -> Iterator[Bevinding]:
    for andere, periode in STANDAARD_PERIODE.items():
        if andere != agenda.soort and agenda.periode == periode:
            yield (
                ("periode",),
                f"{periode} is de periode van een {andere}, maar dit is een {agenda.soort}; "
                f"kies soort: {andere} of periode: {STANDAARD_PERIODE[agenda.soort]}",
            )


def _begroting_namen(agenda: Agenda) -> Iterator[Bevinding]:
    namen = [i.naam for i in agenda.interventies if i.naam]
    for i, regel in enumerate(agenda.begroting.regels):
        if regel.interventie and regel.interventie not in namen:
            gelijkend = difflib.get_close_matches(regel.interventie, namen, n=1, cutoff=0.6)
            if gelijkend:
                hint = f"bedoelde u '{gelijkend[0]}'?"
            elif namen:
                hint = "kies uit: " + ", ".join(f"'{n}'" for n in namen)
            elif agenda.interventies:
                hint = "geef de interventies hierboven eerst een naam (naam:)"
            else:
                hint = "er staan nog geen interventies in dit bestand"
            yield (
                ("begroting", "regels", i, "interventie"),
                f"'{regel.interventie}' is geen interventie in dit bestand; {hint}",
            )


def _begroting_totaal(agenda: Agenda) -> Iterator[Bevinding]:
    maximum = agenda.begroting.maximum_ocw
    if maximum is None or maximum <= 0:
        yield (("begroting", "maximum_ocw"), "moet een bedrag boven nul zijn, bijvoorbeeld 100000")
        return
    totaal = sum((r.bijdrage_ocw or Decimal(0) for r in agenda.begroting.regels), Decimal(0))
    if totaal > maximum:
        yield (
            ("begroting", "regels"),
            f"de bijdragen van OCW tellen op tot {bedrag(totaal)}, meer dan het maximum van "
            f"{bedrag(maximum)}; verlaag de bijdrage_ocw van een of meer regels",
        )


def _ondertekenaars(agenda: Agenda) -> Iterator[Bevinding]:
    if not agenda.ondertekening.ondertekenaars:
        yield (
            ("ondertekening", "ondertekenaars"),
            "noem minstens één ondertekenaar (naam, functie, organisatie)",
        )


# Each rule with the fields it reads.
_REGELS: tuple[tuple[Callable[[Agenda], Iterator[Bevinding]], tuple[Pad, ...]], ...] = (
    (_alleen_in_addendum, (("soort",), *(pad for pad, _ in _ALLEEN_ADDENDUM))),
    (_soort_past_bij_periode, (("soort",), ("periode",))),
    (_unieke_interventies, (("interventies", "*", "naam"),)),
    (
        _begroting_namen,
        (("interventies", "*", "naam"), ("begroting", "regels", "*", "interventie")),
    ),
    (
        _begroting_totaal,
        (("begroting", "maximum_ocw"), ("begroting", "regels", "*", "bijdrage_ocw")),
    ),
    (_ondertekenaars, (("ondertekening", "ondertekenaars"),)),
)


def _volledig(agenda: Agenda) -> Iterator[Bevinding]:
    yield from _lege_velden(agenda, ())
    if not agenda.interventies:
        yield (("interventies",), "een definitief document noemt minstens één interventie")


def _lege_velden(model: BaseModel, pad: Pad) -> Iterator[Bevinding]:
    for naam in type(model).model_fields:
        waarde = getattr(model, naam)
        veld_pad = (*pad, naam)
        r = structure.rubriek(veld_pad)
        if r is not None and r.mag_leeg:
            continue
        if isinstance(waarde, BaseModel):
            yield from _lege_velden(waarde, veld_pad)
        elif isinstance(waarde, list):
            for i, item in enumerate(waarde):
                if isinstance(item, BaseModel):
                    yield from _lege_velden(item, (*veld_pad, i))
        elif waarde == "" or (waarde is None and not (r is not None and r.alleen_addendum)):
            yield (veld_pad, "is leeg; in een definitief document moet dit ingevuld zijn")
