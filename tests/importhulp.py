"""Test material for `import`: documents filled in by hand on the blank template, and the
edits a Word user makes to a DOCX gka-docgen wrote, made with python-docx as Word would.

The blank template's text is ../shared/seeds/003_fba1af3f8a98e840.txt; these documents use
its headings and labels the way people type them: in other case, with a trailing colon,
extra spaces, bold paragraphs instead of heading styles, merged cells, "Label: waarde" in
one cell, and an empty row left in. The third style, "omkaderd", is what the official
template looks like filled in: Word's heading styles (with a colon and extra spaces),
tables with borders and bold labels, "Meer informatie" across the whole row and the
contact person on three lines; the tests pass it through LibreOffice (saved as DOCX, and
exported to PDF as the alliance published its agendas).
"""

from __future__ import annotations

import copy
import io
from typing import Any, Literal

from docx import Document
from docx.shared import Inches, Pt

Stijl = Literal["keurig", "slordig", "omkaderd"]


def _kop(doc: Any, tekst: str, stijl: Stijl, niveau: int) -> None:
    if stijl == "keurig":
        doc.add_heading(tekst, level=niveau)
    elif stijl == "omkaderd":
        doc.add_heading(tekst.replace(" en ", "  en ") + ":", level=niveau)
    else:  # a bold paragraph, other case, a trailing colon
        run = doc.add_paragraph().add_run(f"{tekst.upper() if niveau == 1 else tekst}:")
        run.bold = True


def _tabel(doc: Any, rijen: list[tuple[str, str]], stijl: Stijl) -> None:
    if stijl == "keurig":
        tabel = doc.add_table(rows=0, cols=2)
        for label, waarde in rijen:
            cellen = tabel.add_row().cells
            cellen[0].text = label
            cellen[1].text = waarde
        return
    if stijl == "omkaderd":
        tabel = doc.add_table(rows=0, cols=2)
        tabel.style = "Table Grid"
        for label, waarde in rijen:
            cellen = tabel.add_row().cells
            if not waarde:  # a label row over the whole width
                cellen[0].merge(cellen[1]).paragraphs[0].add_run(label).bold = True
                continue
            cellen[0].paragraphs[0].add_run(label).bold = True
            for i, regel in enumerate(waarde.split(", ") if "@" in waarde else [waarde]):
                alinea = cellen[1].paragraphs[0] if i == 0 else cellen[1].add_paragraph()
                alinea.add_run(regel)
        tabel.add_row()  # an empty row left in
        return
    tabel = doc.add_table(rows=0, cols=3)
    for i, (label, waarde) in enumerate(rijen):
        cellen = tabel.add_row().cells
        if i == 2:  # "Label: waarde" in one merged cell
            samen = cellen[0].merge(cellen[2])
            samen.text = f"{label}: {waarde}"
            continue
        cellen[0].text = f"  {label.lower()} :"
        samen = cellen[1].merge(cellen[2])  # the value spans two columns
        samen.text = waarde
    tabel.add_row()  # an empty row left in


ONDERTEKENAARS = [
    ("Songül Mutluer", "Wethouder Onderwijs", "Gemeente Zaanstad"),
    ("Dennis Wiersma", "Minister voor Primair en Voortgezet Onderwijs", "Ministerie van OCW"),
    ("Jan de Vries", "Voorzitter College van Bestuur", "Stichting Zaanstad Onderwijs"),
]
Ondertekening = Literal["per tabel", "kolommen", "cellen"]


def _naast_elkaar(doc: Any, vorm: Ondertekening, stijl: Stijl) -> None:
    """The signatories side by side in one table: a label column and a column each, or a
    cell each with 'Naam: …' lines (as many hand-filled agendas have them)."""
    if vorm == "kolommen":
        tabel = doc.add_table(rows=3, cols=1 + len(ONDERTEKENAARS))
        for r, label in enumerate(("Naam", "Functie", "Organisatie")):
            tabel.rows[r].cells[0].text = label
            for k, persoon in enumerate(ONDERTEKENAARS, 1):
                tabel.rows[r].cells[k].text = persoon[r]
    else:
        tabel = doc.add_table(rows=1, cols=len(ONDERTEKENAARS))
        for cel, (naam, functie, organisatie) in zip(
            tabel.rows[0].cells, ONDERTEKENAARS, strict=True
        ):
            cel.text = f"Naam: {naam}"
            cel.add_paragraph(f"Functie: {functie}")
            cel.add_paragraph(f"Organisatie: {organisatie}")
    if stijl == "omkaderd":
        tabel.style = "Table Grid"
    doc.add_paragraph("Plaats: Zaandam")
    doc.add_paragraph("Datum: 3 maart 2022")


def hand_ingevuld(
    stijl: Stijl,
    ondertekening: Ondertekening = "per tabel",
    begroting_koppen: tuple[str, ...] = (
        "Interventie",
        "Omschrijving",
        "Bijdrage OCW",
        "Cofinanciering",
        "Totaal",
    ),
) -> bytes:
    """The agenda of Zaanstad, filled in by hand on the blank template; its signatories
    one table each, or side by side; its budget table with the template's headers or
    those given (in any order: the rows follow them)."""
    doc = Document()
    doc.add_paragraph("Gelijke Kansen voor alle kinderen en jongeren in gemeente Zaanstad")
    doc.add_paragraph("“It takes a village to raise a child.”")
    doc.add_paragraph(
        "Wij voeren in de periode 2021-2024 samen een GKA-agenda uit om kansengelijkheid te "
        "bevorderen en talent maximaal te ontwikkelen in gemeente Zaanstad. Wij zetten in op:"
    )
    _kop(doc, "Gelijke Kansen in Gemeente Zaanstad", stijl, 1)
    _kop(doc, "Toelichting", stijl, 2)
    _kop(doc, "Aanleiding en uitdagingen", stijl, 3)
    doc.add_paragraph("In Zaanstad groeit een op de vijf kinderen op in armoede.")
    doc.add_paragraph("Wij zien drie opgaven:")
    for punt in ("taal", "armoede", "overgangen"):
        doc.add_paragraph(punt, style="List Bullet")
    _kop(doc, "Inzet gemeente", stijl, 3)
    doc.add_paragraph("Extra leertijd op twaalf scholen.")
    _kop(doc, "Inzet vanuit het Nationaal Programma Onderwijs", stijl, 3)
    doc.add_paragraph("Zomerscholen in Poelenburg.")
    _kop(doc, "Samenwerking met de Gelijke Kansen Alliantie", stijl, 3)
    doc.add_paragraph("Wij delen kennis in de regio.")
    _kop(doc, "Kennis", stijl, 3)
    _kop(doc, "En verder…", stijl, 3)
    _kop(doc, "Agenda Afspraak", stijl, 1)
    _kop(doc, "Bestuurlijk overleg", stijl, 2)
    doc.add_paragraph("De wethouder overlegt twee keer per jaar.")
    _tabel(
        doc,
        [
            ("Naam/titel interventie", "Onderwijsachterstandenbeleid Zaanstad"),
            ("Betrokken partijen", "Schoolbesturen, GGD"),
            ("Doel interventie", "Minder taalachterstand bij de start van groep 3."),
            ("Doelgroep", "Peuters en kleuters"),
            ("Locatie (wijk, school)", "Poelenburg, Peldersveld"),
            ("Omschrijving activiteiten", "Voorschoolse educatie, 16 uur per week."),
            ("Monitoring en evaluatie", "Jaarlijkse taaltoets."),
            ("Financiering", "OAB-middelen en OCW-bijdrage."),
            ("Meer informatie", ""),
            ("- Website", "https://www.zaanstad.nl/oab"),
            ("- Contactpersoon (project en/of gemeente)", "Fatima El Amrani, f.elamrani@zaanstad.nl, 075 681 6811"),
        ],
        stijl,
    )  # fmt: skip
    _kop(doc, "Taken en Rollen", stijl, 1)
    _kop(doc, "Ondertekening bevoegd gezag", stijl, 1)
    if ondertekening == "per tabel":
        _tabel(
            doc,
            [("Naam", "Songül Mutluer"), ("Functie", "Wethouder Onderwijs"),
             ("Organisatie", "Gemeente Zaanstad"), ("Plaats", "Zaandam"), ("Datum", "3 maart 2022")],
            stijl,
        )  # fmt: skip
    else:
        _naast_elkaar(doc, ondertekening, stijl)
    _kop(doc, "Bijlage 1. Activiteitenplan & begroting", stijl, 1)
    doc.add_paragraph(
        "Voor het uitvoeren van de in deze Gelijke Kansen Alliantie Addendum opgenomen "
        "interventies, stelt het Ministerie van Onderwijs, Cultuur en Wetenschap aanvullend "
        "maximaal 100.000,- beschikbaar."
    )
    begroting = doc.add_table(rows=1, cols=len(begroting_koppen))
    if stijl == "omkaderd":
        begroting.style = "Table Grid"
    standaard = ("Interventie", "Omschrijving", "Bijdrage OCW", "Cofinanciering", "Totaal")
    waarden = {
        "Interventie": ("Onderwijsachterstandenbeleid Zaanstad", "Totaal"),
        "Omschrijving": ("Pedagogisch medewerkers", ""),
        "Bijdrage OCW": ("€ 60.000", "€ 60.000"),
        "Cofinanciering": ("€ 25.000,50", "€ 25.000,50"),
        "Totaal": ("€ 85.000,50", "€ 85.000,50"),
    }
    for cel, kop in zip(begroting.rows[0].cells, begroting_koppen, strict=True):
        cel.text = kop if stijl != "slordig" else f"{kop.upper()}:"
    for r in range(2):
        for cel, kop in zip(begroting.add_row().cells, begroting_koppen, strict=True):
            cel.text = waarden[standaard[[_kolom(k) for k in standaard].index(_kolom(kop))]][r]
    if stijl == "omkaderd":  # columns made to fit, in a smaller font
        breedte_van = {"int": 2.0, "om": 1.1, "ocw": 0.95, "co": 1.0, "tot": 0.95}
        breedtes = [breedte_van[_kolom(k)] for k in begroting_koppen]
        for kolom, breedte in zip(begroting._tbl.tblGrid.gridCol_lst, breedtes, strict=True):
            kolom.w = Inches(breedte)
        for cel in begroting._cells:
            for run in (r for a in cel.paragraphs for r in a.runs):
                run.font.size = Pt(8)
    uit = io.BytesIO()
    doc.save(uit)
    return uit.getvalue()


def _kolom(kop: str) -> str:
    """Which of the template's budget columns a header of the tests stands for."""
    kop = kop.lower()
    for sleutel, woorden in (
        ("ocw", ("ocw",)),
        ("co", ("cofin", "eigen")),
        ("om", ("omschr", "toelicht")),
        ("tot", ("totaal",)),
    ):
        if any(w in kop for w in woorden):
            return sleutel
    return "int"


def bewerk(docx: bytes, wijzig: Any) -> bytes:
    """`docx` opened with python-docx, changed by `wijzig(document)`, saved: as Word does."""
    doc = Document(io.BytesIO(docx))
    wijzig(doc)
    uit = io.BytesIO()
    doc.save(uit)
    return uit.getvalue()


def kopieer_tabel(doc: Any, index: int) -> Any:
    """A copy of table `index` right after it (an intervention copied to fill in anew)."""
    origineel = doc.tables[index]._tbl
    kopie = copy.deepcopy(origineel)
    origineel.addnext(kopie)
    return doc.tables[index + 1]
