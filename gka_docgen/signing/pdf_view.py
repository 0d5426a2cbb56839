"""What a reader of a PDF sees: the text of every page, line by line, and its form fields.

`verify` compares this between a PDF and a rebuild of its agenda when the PDF was
made by other versions (so its bytes cannot match). The text comes from PDFium
(pypdfium2, which `preview` uses too): the page content only, not the annotations,
so a signature's stamp or a filled-in place is no difference; those belong to the
signatures, which verify checks on their own. A field counts by its name, kind and
page, not its value or exact rectangle (a newer layout may move it a point).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Formulierveld:
    naam: str
    soort: str  # "handtekening", "tekst", or the PDF's own name for another kind
    pagina: int  # counted from 1; 0 when the field names no page


@dataclass(frozen=True)
class Weergave:
    paginas: list[list[str]]  # per page, its lines of text (spaces collapsed, no empty lines)
    velden: list[Formulierveld]


_SOORTEN = {"/Sig": "handtekening", "/Tx": "tekst"}


def weergave(pdf: bytes, reader: Any) -> Weergave:
    """The pages' text (PDFium) and the fields (`reader`, pyHanko's reader of the same bytes)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        paginas = []
        for index in range(len(document)):
            pagina = document[index]
            tekst = pagina.get_textpage().get_text_range()
            regels = (" ".join(r.split()) for r in tekst.splitlines())
            paginas.append([r for r in regels if r])
    finally:
        document.close()
    return Weergave(paginas, _velden(reader))


def _velden(reader: Any) -> list[Formulierveld]:
    from pyhanko.pdf_utils import generic

    root = reader.root
    if "/AcroForm" not in root or "/Fields" not in root["/AcroForm"]:
        return []
    paginanummers = {}
    for index in range(int(root["/Pages"]["/Count"])):
        pagina, _ = reader.find_page_for_modification(index)
        paginanummers[pagina.idnum] = index + 1
    uit = []
    for ref in root["/AcroForm"]["/Fields"]:
        veld = ref.get_object()
        soort = str(veld["/FT"]) if "/FT" in veld else ""
        naam = str(veld["/T"]) if "/T" in veld else ""
        plek = veld.raw_get("/P") if "/P" in veld else None
        pagina = paginanummers.get(plek.idnum, 0) if isinstance(plek, generic.IndirectObject) else 0
        uit.append(Formulierveld(naam, _SOORTEN.get(soort, soort), pagina))
    return sorted(uit, key=lambda v: (v.pagina, v.naam))


def eerste_verschil(pdf: Weergave, opnieuw: Weergave) -> str | None:
    """Where `pdf` first shows something other than `opnieuw` (a rebuild), in words; None: nowhere."""
    paren = zip(pdf.paginas, opnieuw.paginas, strict=False)  # page counts compared below
    for nummer, (regels, verwacht) in enumerate(paren, start=1):
        for regel, (gezien, hoort) in enumerate(zip(regels, verwacht, strict=False), start=1):
            if gezien != hoort:
                return f"pagina {nummer}, regel {regel}: staat er {gezien!r}, hoort {hoort!r}"
        if len(regels) != len(verwacht):
            regel = min(len(regels), len(verwacht)) + 1
            if len(regels) > len(verwacht):
                return (
                    f"pagina {nummer}, regel {regel}: staat er {regels[regel - 1]!r}, hoort niets"
                )
            return f"pagina {nummer}, regel {regel}: staat niets, hoort {verwacht[regel - 1]!r}"
    if len(pdf.paginas) != len(opnieuw.paginas):
        return (
            f"de PDF heeft {len(pdf.paginas)} pagina's, de agenda geeft er {len(opnieuw.paginas)}"
        )
    if pdf.velden != opnieuw.velden:
        in_pdf, in_agenda = set(pdf.velden), set(opnieuw.velden)
        anders = sorted(in_pdf ^ in_agenda, key=lambda v: (v.pagina, v.naam))[0]
        waar = f"{anders.soort}veld {anders.naam} op pagina {anders.pagina}"
        return f"{waar}: {'hoort er niet' if anders in in_pdf else 'ontbreekt'}"
    return None
