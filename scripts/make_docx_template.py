"""Build `templates/gka-agenda.docx`, the Word template of the DOCX, reproducibly.

    python scripts/make_docx_template.py [OUTPUT]

The result is an ordinary .docx: a coordinator may open it in Word and change
fonts, colours, spacing, the header or add a logo, and the renderer keeps
working as long as the `{{ ... }}` and `{%... %}` tags stay. It holds no
Dutch sentence: every text is a tag filled from the rendering context
(`gka_docgen/context.py`), so the DOCX and the PDF say the same.

Tags used (docxtpl): `{%p ... %}` removes its paragraph, `{%tr ... %}` its
table row, `{%r ... %}` its run; `{{r item|regel }}` prints one `Regel` as runs
(placeholder highlighting, hyperlinks: see `gka_docgen/docx_jinja.py`).
"""

from __future__ import annotations

import io
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, this must use the package of this checkout, not an installed one.
sys.path.insert(0, str(ROOT))

from gka_docgen.docx_jinja import STIJL_HYPERLINK, STIJL_OPEN_VELD  # noqa: E402
from gka_docgen.docx_zip import vaste_zip  # noqa: E402

UIT = ROOT / "templates" / "gka-agenda.docx"

FONT = "Arial"  # everywhere in Word; LibreOffice uses the metric-compatible Liberation Sans
KLEUR = RGBColor(0x15, 0x42, 0x73)  # dark blue of the headings
LABEL_ACHTERGROND = "E8EEF5"
OPEN_VELD = "FFFF00"  # the yellow of a highlighter pen
TEKSTBREEDTE = Cm(16.0)  # A4 (21 cm) minus two margins of 2.5 cm
TAAL = "nl-NL"

APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Template>Normal.dotm</Template><Application>gka-docgen</Application></Properties>"
)

Container = Any  # a Document or a table cell: both have add_paragraph()


# --- Styles -----------------------------------------------------------------------


def _stijlen(doc: Any) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    # Fonts for all scripts, and Dutch as the language of every run (spell-check).
    rpr_default = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))[0]
    _lettertype(rpr_default)
    rpr_default.find(qn("w:lang")).set(qn("w:val"), TAAL)

    for naam, grootte, voor in (
        ("Heading 1", 16, 18),
        ("Heading 2", 13, 12),
        ("Heading 3", 11, 10),
    ):
        kop = styles[naam]
        _lettertype(kop.element.get_or_add_rPr())
        kop.font.size = Pt(grootte)
        kop.font.bold = True
        kop.font.italic = False
        kop.font.color.rgb = KLEUR
        kop.paragraph_format.space_before = Pt(voor)
        kop.paragraph_format.space_after = Pt(6)
        kop.paragraph_format.keep_with_next = True

    titel = styles["Title"]
    _lettertype(titel.element.get_or_add_rPr())
    titel.font.size = Pt(24)
    titel.font.color.rgb = KLEUR
    titel.paragraph_format.space_before = Pt(36)
    titel.paragraph_format.space_after = Pt(12)
    ondertitel = styles["Subtitle"]
    _lettertype(ondertitel.element.get_or_add_rPr())
    ondertitel.font.size = Pt(14)
    ondertitel.font.italic = False
    ondertitel.font.color.rgb = KLEUR
    ondertitel.paragraph_format.space_after = Pt(24)
    motto = styles["Quote"]
    motto.font.size = Pt(12)
    motto.paragraph_format.space_after = Pt(18)

    label = styles.add_style("Tabellabel", WD_STYLE_TYPE.PARAGRAPH)
    label.base_style = normal
    label.font.bold = True
    label.font.size = Pt(9.5)
    label.paragraph_format.space_before = Pt(1)
    label.paragraph_format.space_after = Pt(2)
    label.paragraph_format.line_spacing = 1.0
    tabeltekst = styles.add_style("Tabeltekst", WD_STYLE_TYPE.PARAGRAPH)
    tabeltekst.base_style = normal
    tabeltekst.font.size = Pt(9.5)
    tabeltekst.paragraph_format.space_before = Pt(1)
    tabeltekst.paragraph_format.space_after = Pt(2)
    tabeltekst.paragraph_format.line_spacing = 1.0
    # Bullets inside a table: the numbering of List Bullet, the size of the table text.
    opsomming = styles.add_style("Tabelopsomming", WD_STYLE_TYPE.PARAGRAPH)
    opsomming.base_style = styles["List Bullet"]
    opsomming.font.size = Pt(9.5)
    opsomming.paragraph_format.space_after = Pt(2)
    opsomming.paragraph_format.line_spacing = 1.0
    bedrag = styles.add_style("Tabelbedrag", WD_STYLE_TYPE.PARAGRAPH)
    bedrag.base_style = tabeltekst
    bedrag.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    totaal = styles.add_style("Tabeltotaal", WD_STYLE_TYPE.PARAGRAPH)
    totaal.base_style = bedrag
    totaal.font.bold = True

    # Yellow shading, not a highlight: the schema allows no w:highlight in a style
    # (Word may repair such a file), and Word and LibreOffice both show the shading.
    open_veld = styles.add_style("Open veld", WD_STYLE_TYPE.CHARACTER)
    _eigenschap(
        open_veld.element.get_or_add_rPr(), "w:shd", val="clear", color="auto", fill=OPEN_VELD
    )
    assert open_veld.style_id == STIJL_OPEN_VELD
    # Word's own built-in "Hyperlink" style (no customStyle flag), which Word applies to links.
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER, builtin=True)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True
    assert link.style_id == STIJL_HYPERLINK
    concept = styles.add_style("Conceptmarkering", WD_STYLE_TYPE.CHARACTER)
    concept.font.bold = True
    concept.font.size = Pt(14)
    concept.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)

    for naam in ("Header", "Footer"):
        styles[naam].font.size = Pt(8.5)
        styles[naam].font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        tabs = styles[naam].paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(TEKSTBREEDTE, WD_TAB_ALIGNMENT.RIGHT)


def _lettertype(rpr: Any) -> None:
    """One font for every script, replacing the theme fonts of python-docx's styles."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _instellingen(doc: Any) -> None:
    settings = doc.settings.element
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), TAAL)
    settings.find(qn("w:decimalSymbol")).set(qn("w:val"), ",")
    settings.find(qn("w:listSeparator")).set(qn("w:val"), ";")


def _eigenschappen(doc: Any) -> None:
    # Filled per document by the renderer; empty here, with a fixed date.
    props = doc.core_properties
    for naam in ("title", "subject", "author", "keywords", "comments", "category"):
        setattr(props, naam, "")
    props.last_modified_by = ""
    props.revision = 1
    props.created = props.modified = datetime(2021, 1, 1)


def _opruimen(doc: Any) -> None:
    """Drop what python-docx's default package carries that is not ours."""
    pakket = doc.part.package.rels
    for rid, rel in list(pakket.items()):
        if rel.reltype.endswith("/thumbnail"):  # a picture of an unrelated page
            pakket.pop(rid)
        elif rel.reltype.endswith("/extended-properties"):  # claims "Microsoft Macintosh Word"
            rel.target_part._blob = APP_XML
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):  # a stale copy of the styles (Word 2010)
            doc.part.rels.pop(rid)


# --- Building blocks ------------------------------------------------------------


def par(c: Container, tekst: str = "", stijl: str | None = None) -> Any:
    return c.add_paragraph(tekst, style=stijl)


def tag(c: Container, inhoud: str) -> None:
    """A paragraph holding only a `{%p %}` tag: it disappears when rendered."""
    c.add_paragraph("{%p " + inhoud + " %}")


def regel(c: Container, expr: str, stijl: str | None = None) -> Any:
    """A paragraph printing one `Regel`."""
    return c.add_paragraph("{{r " + expr + "|regel }}", style=stijl)


def veld(c: Container, expr: str, stijl: str | None = None, opsomming: str = "List Bullet") -> None:
    """Paragraphs printing a `Veld`: each `alinea` a paragraph, each `opsomming` bullets."""
    tag(c, f"for blok in {expr}")
    tag(c, "for item in blok.regels")
    tag(c, "if blok.soort == 'opsomming'")
    regel(c, "item", opsomming)
    tag(c, "else")
    regel(c, "item", stijl)
    tag(c, "endif")
    tag(c, "endfor")
    tag(c, "endfor")


def _eigenschap(element: Any, naam: str, **attrs: str) -> Any:
    kind = OxmlElement(naam)
    for sleutel, waarde in attrs.items():
        kind.set(qn(f"w:{sleutel}"), waarde)
    element.append(kind)
    return kind


def _cel_leeg_maken(cel: Any) -> None:
    """Drop the empty paragraph a new cell starts with (after adding our own)."""
    cel._tc.remove(cel.paragraphs[0]._p)


def _arceer(cel: Any) -> None:
    _eigenschap(
        cel._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto", fill=LABEL_ACHTERGROND
    )


def _schrijflijn(cel: Any) -> None:
    """A line to write on: the cell's bottom border."""
    randen = _eigenschap(cel._tc.get_or_add_tcPr(), "w:tcBorders")
    _eigenschap(randen, "w:bottom", val="single", sz="6", space="0", color="000000")


def _rij_eigenschap(rij: Any, naam: str) -> None:
    _eigenschap(rij._tr.get_or_add_trPr(), naam)


def _tabel(doc: Any, breedtes: list[float], rijen: int, stijl: str | None = "Table Grid") -> Any:
    tabel = doc.add_table(rows=rijen, cols=len(breedtes))
    if stijl:
        tabel.style = doc.styles[stijl]
    tabel.alignment = WD_TABLE_ALIGNMENT.LEFT
    tabel.autofit = False
    for kolom, breedte in zip(tabel.columns, breedtes, strict=True):
        kolom.width = Cm(breedte)
        for cel in kolom.cells:
            cel.width = Cm(breedte)
    return tabel


def _tag_rij(tabel: Any, index: int, inhoud: str) -> None:
    """A row holding only a `{%tr %}` tag (it disappears when rendered)."""
    cel = tabel.rows[index].cells[0]
    cel.paragraphs[0].text = "{%tr " + inhoud + " %}"


def _veldcode(p: Any, instructie: str) -> None:
    """A field (PAGE, NUMPAGES) that Word and LibreOffice compute when showing the page."""

    def run_met(naam: str, **attrs: str) -> Any:
        run = p.add_run()
        return _eigenschap(run._r, naam, **attrs)

    run_met("w:fldChar", fldCharType="begin")
    instr = run_met("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instructie} "
    run_met("w:fldChar", fldCharType="separate")
    p.add_run("1")
    run_met("w:fldChar", fldCharType="end")


# --- The document, section by section --------------------------------------------


def _pagina(doc: Any) -> None:
    sectie = doc.sections[0]
    sectie.orientation = WD_ORIENT.PORTRAIT
    sectie.page_width, sectie.page_height = Cm(21.0), Cm(29.7)
    sectie.left_margin = sectie.right_margin = Cm(2.5)
    sectie.top_margin, sectie.bottom_margin = Cm(2.5), Cm(2.2)
    sectie.header_distance = sectie.footer_distance = Cm(1.2)

    kop = sectie.header.paragraphs[0]
    kop.style = doc.styles["Header"]
    kop.add_run("{{ korte_titel }}")
    kop.add_run("{%r if concept %}")
    concept = kop.add_run("\t{{ concept_mark }}", style="Conceptmarkering")
    concept.font.size = Pt(14)
    kop.add_run("{%r endif %}")

    voet = sectie.footer.paragraphs[0]
    voet.style = doc.styles["Footer"]
    voet.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    voet.add_run("{{ pagina }} ")
    _veldcode(voet, "PAGE")
    voet.add_run(" {{ van }} ")
    _veldcode(voet, "NUMPAGES")


def _opening(doc: Any) -> None:
    par(doc, "{{ titel }}", "Title")
    par(doc, "{{ documentnaam }}", "Subtitle")
    par(doc, "{{ motto }}", "Quote")
    par(doc, "{{ intro }}")
    par(doc, "{{ periode_zin }}")
    tag(doc, "for pijler in pijlers")
    par(doc, "{{ pijler.kop }}", "Heading 2")
    par(doc, "{{ pijler.tekst }}")
    tag(doc, "endfor")
    tag(doc, "if themas")
    par(doc, "{{ themas_zin }}")
    tag(doc, "for item in themas")
    regel(doc, "item", "List Bullet")
    tag(doc, "endfor")
    tag(doc, "endif")


def _toelichting(doc: Any) -> None:
    kop = par(doc, "{{ gelijke_kansen_kop }}", "Heading 1")
    kop.paragraph_format.page_break_before = True
    par(doc, "{{ toelichting_kop }}", "Heading 2")
    tag(doc, "for sectie in toelichting")
    par(doc, "{{ sectie.kop }}", "Heading 3")
    veld(doc, "sectie.tekst")
    tag(doc, "endfor")


def _tweekoloms(doc: Any, lijst: str) -> None:
    """One two-column table per item of `lijst` (interventies, communities)."""
    tag(doc, f"for tabel in {lijst}")
    tabel = _tabel(doc, [5.0, 11.0], rijen=3)
    _tag_rij(tabel, 0, "for rij in tabel.rijen")
    rij = tabel.rows[1]
    _rij_eigenschap(rij, "w:cantSplit")
    label, waarde = rij.cells
    _arceer(label)
    par(label, "{{ rij.label }}", "Tabellabel")
    _cel_leeg_maken(label)
    veld(waarde, "rij.waarde", "Tabeltekst", "Tabelopsomming")
    # A cell needs a paragraph even when the value is empty ("Meer informatie").
    tag(waarde, "if not rij.waarde")
    par(waarde, "", "Tabeltekst")
    tag(waarde, "endif")
    _cel_leeg_maken(waarde)
    _tag_rij(tabel, 2, "endfor")
    par(doc)  # keeps consecutive tables apart
    tag(doc, "endfor")


def _agenda_afspraak(doc: Any) -> None:
    par(doc, "{{ agenda_afspraak_kop }}", "Heading 1")
    par(doc, "{{ bestuurlijk_overleg_kop }}", "Heading 2")
    veld(doc, "bestuurlijk_overleg")
    _tweekoloms(doc, "interventies")
    _tweekoloms(doc, "communities")


def _taken_en_rollen(doc: Any) -> None:
    par(doc, "{{ taken_en_rollen_kop }}", "Heading 1")
    par(doc, "{{ samenwerking_kop }}", "Heading 2")
    par(doc, "{{ gemeente_kop }}", "Heading 3")
    tag(doc, "for verplichting in verplichtingen")
    par(doc, "{{ verplichting }}", "List Number")
    tag(doc, "endfor")


def _ondertekening(doc: Any) -> None:
    par(doc, "{{ ondertekening_kop }}", "Heading 1")
    tag(doc, "for ondertekenaar in ondertekenaars")
    # (label, value, a line to write on); a str alone is a `{%tr %}` tag row. The signature
    # row comes twice: a concept prints a line to sign on, a definitief document an
    # Office signature line (docx_signature.py) that the signer double-clicks in Word.
    rijen: list[tuple[str, str | None, bool] | str] = [
        ("naam_label", "ondertekenaar.naam", False),
        ("functie_label", "ondertekenaar.functie", False),
        ("organisatie_label", "ondertekenaar.organisatie", False),
        ("plaats_label", "plaats", True),
        ("datum_label", "datum", True),
        "if concept",
        ("handtekening_label", None, True),
        "else",
        ("handtekening_label", "handtekeningregel", False),
        "endif",
    ]
    tabel = _tabel(doc, [4.0, 9.0], rijen=len(rijen), stijl=None)
    for index, (rij, spec) in enumerate(zip(tabel.rows, rijen, strict=True)):
        if isinstance(spec, str):
            _tag_rij(tabel, index, spec)
            continue
        label, waarde, schrijflijn = spec
        laatste = label == "handtekening_label"
        _rij_eigenschap(rij, "w:cantSplit")
        links, rechts = rij.cells
        links.paragraphs[0].text = "{{ " + label + " }}"
        links.paragraphs[0].style = doc.styles["Tabellabel"]
        if waarde == "handtekeningregel":
            rechts.paragraphs[0].text = "{{r ondertekenaar.handtekeningregel|handtekeningregel }}"
            rechts.paragraphs[0].style = doc.styles["Tabeltekst"]
        elif waarde:
            regel(rechts, waarde, "Tabeltekst")
            _cel_leeg_maken(rechts)
        else:
            rechts.paragraphs[0].style = doc.styles["Tabeltekst"]
        if schrijflijn:
            _schrijflijn(rechts)
        if laatste:
            rij.height = Cm(2.0)  # room to sign
        # Keep each signatory's block on one page.
        for cel in (links, rechts):
            for p in cel.paragraphs:
                p.paragraph_format.keep_with_next = not laatste
                p.paragraph_format.keep_together = True
                p.paragraph_format.space_before = Pt(4)
    par(doc)
    tag(doc, "endfor")


def _bijlage(doc: Any) -> None:
    kop = par(doc, "{{ bijlage_kop }}", "Heading 1")
    kop.paragraph_format.page_break_before = True
    par(doc, "{{ bijlage_zin }}")
    breedtes = [3.0, 4.6, 2.8, 2.8, 2.8]
    tabel = _tabel(doc, breedtes, rijen=4)
    kopregel = tabel.rows[0]
    _rij_eigenschap(kopregel, "w:tblHeader")  # repeated on every page
    _rij_eigenschap(kopregel, "w:cantSplit")
    for index, cel in enumerate(kopregel.cells):
        cel.paragraphs[0].text = "{{ begroting_koppen[" + str(index) + "] }}"
        cel.paragraphs[0].style = doc.styles["Tabellabel" if index < 2 else "Tabeltotaal"]
        _arceer(cel)
    _tag_rij(tabel, 1, "for post in begroting")
    rij = tabel.rows[2]
    _rij_eigenschap(rij, "w:cantSplit")
    interventie, omschrijving, ocw, cofinanciering, totaal = rij.cells
    regel(interventie, "post.interventie", "Tabeltekst")
    veld(omschrijving, "post.omschrijving", "Tabeltekst", "Tabelopsomming")
    for cel, expr in (
        (ocw, "bijdrage_ocw"),
        (cofinanciering, "cofinanciering"),
        (totaal, "totaal"),
    ):
        regel(cel, "post." + expr, "Tabelbedrag")
    for cel in rij.cells:
        _cel_leeg_maken(cel)
    _tag_rij(tabel, 3, "endfor")
    som = tabel.add_row()
    _rij_eigenschap(som, "w:cantSplit")
    teksten = [
        "{{ totaal_label }}",
        "",
        "{{ totaal_ocw }}",
        "{{ totaal_cofinanciering }}",
        "{{ totaal }}",
    ]
    for index, (cel, tekst) in enumerate(zip(som.cells, teksten, strict=True)):
        cel.paragraphs[0].text = tekst
        cel.paragraphs[0].style = doc.styles["Tabellabel" if index < 2 else "Tabeltotaal"]
        _arceer(cel)


def maak_sjabloon() -> bytes:
    doc = Document()
    _stijlen(doc)
    _instellingen(doc)
    _eigenschappen(doc)
    _opruimen(doc)
    _pagina(doc)
    # Document() starts with no paragraphs; every section appends its own.
    _opening(doc)
    _toelichting(doc)
    _agenda_afspraak(doc)
    _taken_en_rollen(doc)
    _ondertekening(doc)
    _bijlage(doc)
    uit = io.BytesIO()
    doc.save(uit)
    return vaste_zip(uit.getvalue())


def main(argv: list[str]) -> int:
    doel = Path(argv[1]) if len(argv) > 1 else UIT
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(maak_sjabloon())
    print(f"{doel}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
