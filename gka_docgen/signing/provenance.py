"""Herkomst: does a PDF show its embedded agenda, as gka-docgen makes it?

The PDF records the versions that made it (`versions.versiestempel`, in its
/Creator). Made by the versions running now: the agenda built again must give
exactly the bytes the PDF starts with, and show what the PDF shows; anything
else is wrong. Made by other versions, its bytes cannot match, so what a reader
sees decides (`pdf_view`): the text of every page, in order, and the fields,
against those of the rebuild. Equal is right ("zelfde inhoud"), different is
wrong, and the first page and line that differ are named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from gka_docgen.errors import DocgenError
from gka_docgen.importing.extract import Bron, lees_pdf
from gka_docgen.signing.pdf_view import eerste_verschil, weergave
from gka_docgen.versions import uit_stempel, versies

GELIJK = "deze PDF is precies wat gka-docgen maakt van het ingesloten agendabestand"
ZELFDE_INHOUD = (
    "zelfde inhoud als wat deze versie van gka-docgen maakt van het ingesloten agendabestand"
)


@dataclass(frozen=True)
class Herkomst:
    bronnaam: str | None  # the agenda file's name, as embedded
    gelijk: bool  # the PDF shows its agenda (the verdict)
    melding: str
    gemaakt_met: list[str] = field(default_factory=list)  # recorded versions; [] if none
    vergeleken: str = ""  # "bytes" (same versions) or "inhoud" (what a reader sees)
    verschil: str | None = None  # the first difference, in words


def herkomst(pdf: bytes, reader: Any, bron: Bron, eerste_revisie: Any) -> Herkomst:
    """The verdict on `pdf` (read by `reader`), whose first revision's catalog embeds `bron`."""
    from gka_docgen.render.context import bouw
    from gka_docgen.render.pdf import render_pdf
    from gka_docgen.source.load import laad_bytes

    try:
        geladen = laad_bytes(bron.inhoud, naam=bron.naam)
    except DocgenError:
        return Herkomst(
            bron.naam,
            False,
            "het ingesloten agendabestand is geen geldige agenda (gka-docgen extract haalt het "
            "eruit, gka-docgen check zegt wat er mis is)",
        )
    datum = _bron_datum(reader.get_historical_root(0))
    opnieuw = render_pdf(bouw(geladen.agenda), bron.inhoud, bron.naam, datum=datum)
    verschil = eerste_verschil(weergave(pdf, reader), weergave(opnieuw, lees_pdf(opnieuw, "")))
    gemaakt_met = _versies_in(eerste_revisie)
    naam = bron.naam
    if gemaakt_met == versies():
        if pdf.startswith(opnieuw) and verschil is None:
            return Herkomst(naam, True, f"{GELIJK} ({naam})", gemaakt_met, "bytes")
        waarom = verschil or (
            "de tekst en de velden zijn gelijk, maar de bytes niet: tekeningen, lettertypen, "
            "opmaak of het ingesloten bestand zijn buiten gka-docgen om veranderd"
        )
        return Herkomst(
            naam,
            False,
            f"deze PDF is NIET wat deze versie van gka-docgen maakt van het ingesloten "
            f"agendabestand ({naam}), terwijl hij met deze versie gemaakt is: {waarom}",
            gemaakt_met,
            "bytes",
            waarom,
        )
    met = _gemaakt_met(gemaakt_met)
    if verschil is None:
        return Herkomst(
            naam,
            True,
            f"{ZELFDE_INHOUD} ({naam}), gemaakt met {met}: de tekst van elke pagina en de "
            "velden zijn gelijk",
            gemaakt_met,
            "inhoud",
        )
    return Herkomst(
        naam,
        False,
        f"deze PDF toont NIET wat deze versie van gka-docgen maakt van het ingesloten "
        f"agendabestand ({naam}); hij is gemaakt met {met}. Eerste verschil: {verschil}",
        gemaakt_met,
        "inhoud",
        verschil,
    )


def _bron_datum(root: Any) -> datetime | None:
    """The date the embedded agenda carries (SOURCE_DATE_EPOCH when it was built), if any."""
    from pyhanko.pdf_utils.generic import parse_pdf_date

    try:
        for spec in root["/AF"]:
            spec = spec.get_object()
            if spec.get("/AFRelationship") == "/Source":
                return parse_pdf_date(str(spec["/EF"]["/F"].get_object()["/Params"]["/ModDate"]))
    except (KeyError, TypeError, AttributeError, ValueError):
        pass
    return None


def _versies_in(eerste_revisie: Any) -> list[str]:
    """The versions the PDF's first revision recorded in its /Creator ([] if none)."""
    try:
        info = eerste_revisie.trailer_view["/Info"]
        return uit_stempel(str(info["/Creator"])) if "/Creator" in info else []
    except (KeyError, TypeError, AttributeError, ValueError):
        return []


def _gemaakt_met(gemaakt_met: list[str]) -> str:
    """'gka-docgen 0.1.0, weasyprint 69.0 (hier 70.0)': the versions that differ from ours."""
    if not gemaakt_met:
        return "een gka-docgen die zijn versies niet vastlegde (ouder dan deze)"
    hier = dict(_naam_versie(r) for r in versies())
    verschillend = []
    for regel in gemaakt_met:
        pakket, versie = _naam_versie(regel)
        if hier.get(pakket) != versie:
            verschillend.append(f"{regel} (hier {hier[pakket]})" if pakket in hier else regel)
    eerste = gemaakt_met[0]
    if eerste.startswith("gka-docgen ") and not any(v.startswith(eerste) for v in verschillend):
        verschillend.insert(0, eerste)
    return ", ".join(verschillend)


def _naam_versie(regel: str) -> tuple[str, str]:
    naam, _, versie = regel.rpartition(" ")
    return naam, versie
