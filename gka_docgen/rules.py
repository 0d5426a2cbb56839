"""Rules that span more than one field, and the completeness of a definitief document.

Each rule returns (path, Dutch message); `load.py` adds file, line and column.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from decimal import Decimal

from pydantic import BaseModel

from gka_docgen.errors import Pad
from gka_docgen.formatting import bedrag
from gka_docgen.model import Agenda

Bevinding = tuple[Pad, str]

# Fields a definitief document may leave empty, and why.
_MAG_LEEG_IN_DEFINITIEF: frozenset[Pad] = frozenset(
    {
        # Place and date are written by hand at signing: the document prints lines for them.
        ("ondertekening", "plaats"),
        ("ondertekening", "datum"),
    }
)


def controleer(agenda: Agenda, *, definitief: bool = False) -> list[Bevinding]:
    bevindingen = [
        *_npo_alleen_in_addendum(agenda),
        *_unieke_interventies(agenda),
        *_begroting(agenda),
        *_ondertekenaars(agenda),
    ]
    if definitief or agenda.status == "definitief":
        bevindingen += _volledig(agenda)
    return bevindingen


def _npo_alleen_in_addendum(agenda: Agenda) -> Iterator[Bevinding]:
    if (
        agenda.soort == "agenda"
        and agenda.toelichting.inzet_nationaal_programma_onderwijs is not None
    ):
        yield (
            ("toelichting", "inzet_nationaal_programma_onderwijs"),
            "hoort alleen in een addendum (het Nationaal Programma Onderwijs begon in 2021); "
            "verwijder dit veld of kies soort: addendum",
        )


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


def _begroting(agenda: Agenda) -> Iterator[Bevinding]:
    namen = [i.naam for i in agenda.interventies if i.naam]
    for i, regel in enumerate(agenda.begroting.regels):
        if regel.interventie and regel.interventie not in namen:
            gelijkend = difflib.get_close_matches(regel.interventie, namen, n=1, cutoff=0.6)
            if gelijkend:
                hint = f"bedoelde u '{gelijkend[0]}'?"
            elif namen:
                hint = "kies uit: " + ", ".join(f"'{n}'" for n in namen)
            else:
                hint = "er staan nog geen interventies in dit bestand"
            yield (
                ("begroting", "regels", i, "interventie"),
                f"'{regel.interventie}' is geen interventie in dit bestand; {hint}",
            )
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


def _volledig(agenda: Agenda) -> Iterator[Bevinding]:
    yield from _lege_velden(agenda, ())
    if not agenda.interventies:
        yield (("interventies",), "een definitief document noemt minstens één interventie")


def _lege_velden(model: BaseModel, pad: Pad) -> Iterator[Bevinding]:
    for naam in type(model).model_fields:
        waarde = getattr(model, naam)
        veld_pad = (*pad, naam)
        if veld_pad in _MAG_LEEG_IN_DEFINITIEF:
            continue
        if isinstance(waarde, BaseModel):
            yield from _lege_velden(waarde, veld_pad)
        elif isinstance(waarde, list):
            for i, item in enumerate(waarde):
                if isinstance(item, BaseModel):
                    yield from _lege_velden(item, (*veld_pad, i))
        elif waarde == "" or (waarde is None and naam != "inzet_nationaal_programma_onderwijs"):
            yield (veld_pad, "is leeg; in een definitief document moet dit ingevuld zijn")
