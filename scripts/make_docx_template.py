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
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, this must use the package of this checkout, not an installed one.
sys.path.insert(0, str(ROOT))

from gka_docgen.render.docx_jinja import STIJL_HYPERLINK, STIJL_OPEN_VELD  # noqa: E402
from gka_docgen.render.docx_zip import vaste_zip  # noqa: E402

UIT = ROOT / "templates" / "gka-agenda.docx"

FONT = "Arial"  # everywhere in Word; LibreOffice uses the metric-compatible Liberation Sans
KLEUR = RGBColor(0x15, 0x42, 0x73)  # dark blue of the headings
LABEL_ACHTERGROND = "E8EEF5"
TABELRAND = "9AA7B4"
# Line spacing in tables: the PDF's 1.25 (agenda.css) over the font's own line height.
TABEL_REGELAFSTAND = 1.08
OPEN_VELD = "FFFF00"  # the yellow of a highlighter pen
TEKSTBREEDTE = Cm(17.0)  # A4 (21 cm) minus two margins of 2 cm: the PDF's page
TAAL = "nl-NL"
# Label and value columns of the two-column tables: 34 % and 66 %, as in the PDF.
TWEEKOLOMS = [5.8, 11.2]

APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Template>Normal.dotm</Template><Application>gka-docgen</Application></Properties>"
)

Container = Any  # a Document or a table cell: both have add_paragraph()

VML = "urn:schemas-microsoft-com:vml"
OFFICE = "urn:schemas-microsoft-com:office:office"
# The CONCEPT mark as Word makes a text watermark (Design > Watermark): a WordArt VML
# shape in the header, so it is on every page, centred on the page and turned 45°,
# behind the text. Its word comes from the context; the colour is the PDF's.
WATERMERK = (
    f'<w:r {nsdecls("w")} xmlns:v="{VML}" xmlns:o="{OFFICE}"><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"'
    ' path="m@7,l@8,m@5,21600l@6,21600e">'
    "<v:formulas>"
    + "".join(
        f'<v:f eqn="{f}"/>'
        for f in (
            "sum #0 0 10800",
            "prod #0 2 1",
            "sum 21600 0 @1",
            "sum 0 0 @2",
            "sum 21600 0 @3",
            "if @0 @3 0",
            "if @0 21600 @1",
            "if @0 0 @2",
            "if @0 @4 21600",
            "mid @5 @6",
            "mid @8 @5",
            "mid @7 @8",
            "mid @6 @7",
            "sum @6 0 @5",
        )
    )
    + "</v:formulas>"
    '<v:path textpathok="t" o:connecttype="custom"'
    ' o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/>'
    '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/>'
    "</v:shapetype>"
    '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136"'
    ' style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:110pt;'
    "rotation:315;z-index:-251657216;mso-position-horizontal:center;"
    "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
    'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#C81E1E"'
    ' stroked="f">'
    '<v:fill opacity="10486f"/>'
    f'<v:textpath style="font-family:&quot;{FONT}&quot;;font-size:1pt;font-weight:bold"'
    ' string="{{ document.concept_mark }}"/>'
    "</v:shape></w:pict></w:r>"
)


# --- Styles -----------------------------------------------------------------------


def _stijlen(doc: Any) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    # Sizes and spacing as in the PDF (agenda.css), so both formats break pages alike.
    normal.font.size = Pt(9.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.2
    # Fonts for all scripts, and Dutch as the language of every run (spell-check).
    rpr_default = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))[0]
    _lettertype(rpr_default)
    rpr_default.find(qn("w:lang")).set(qn("w:val"), TAAL)

    for naam, grootte, voor in (
        ("Heading 1", 16, 18),
        ("Heading 2", 12.5, 12),
        ("Heading 3", 10.5, 10),
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
        _geen_afbreking(kop)

    titel = styles["Title"]
    _lettertype(titel.element.get_or_add_rPr())
    # No rule under the title (python-docx's default has one; the PDF has none).
    for rand in titel.element.get_or_add_pPr().findall(qn("w:pBdr")):
        rand.getparent().remove(rand)
    titel.font.size = Pt(22)
    titel.font.bold = True  # as the PDF's title
    titel.font.color.rgb = KLEUR
    titel.paragraph_format.space_before = Pt(72)  # the PDF's 2.5 cm
    _geen_afbreking(titel)
    titel.paragraph_format.space_after = Pt(12)
    ondertitel = styles["Subtitle"]
    _lettertype(ondertitel.element.get_or_add_rPr())
    ondertitel.font.size = Pt(14)
    ondertitel.font.italic = False
    ondertitel.font.bold = True
    ondertitel.font.color.rgb = KLEUR
    ondertitel.paragraph_format.space_after = Pt(24)
    motto = styles["Quote"]
    motto.font.size = Pt(12)
    motto.paragraph_format.space_after = Pt(18)

    # Table rules in the PDF's thin grey-blue (agenda.css), not black.
    randen = styles["Table Grid"].element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    for rand in randen:
        rand.set(qn("w:color"), TABELRAND)
        rand.set(qn("w:sz"), "6")

    label = styles.add_style("Tabellabel", WD_STYLE_TYPE.PARAGRAPH)
    label.base_style = normal
    label.font.bold = True
    label.font.size = Pt(9.5)
    label.paragraph_format.space_before = Pt(1)
    label.paragraph_format.space_after = Pt(2)
    label.paragraph_format.line_spacing = TABEL_REGELAFSTAND
    tabeltekst = styles.add_style("Tabeltekst", WD_STYLE_TYPE.PARAGRAPH)
    tabeltekst.base_style = normal
    tabeltekst.font.size = Pt(9.5)
    tabeltekst.paragraph_format.space_before = Pt(1)
    tabeltekst.paragraph_format.space_after = Pt(2)
    tabeltekst.paragraph_format.line_spacing = TABEL_REGELAFSTAND
    # Bullets inside a table: the numbering of List Bullet, the size of the table text.
    opsomming = styles.add_style("Tabelopsomming", WD_STYLE_TYPE.PARAGRAPH)
    opsomming.base_style = styles["List Bullet"]
    opsomming.font.size = Pt(9.5)
    opsomming.paragraph_format.space_after = Pt(2)
    opsomming.paragraph_format.line_spacing = TABEL_REGELAFSTAND
    bedrag = styles.add_style("Tabelbedrag", WD_STYLE_TYPE.PARAGRAPH)
    bedrag.base_style = tabeltekst
    bedrag.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # Amount columns hold "€ 19.999.999,98" in bold (two amounts of € 9.999.999,99).
    bedrag.font.size = Pt(9)
    _geen_afbreking(bedrag)
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
    # A line to write on by hand (an empty place or date, a concept's signature).
    schrijflijn = styles.add_style("Schrijflijn", WD_STYLE_TYPE.PARAGRAPH)
    schrijflijn.base_style = tabeltekst
    schrijflijn.paragraph_format.space_before = Pt(12)
    schrijflijn.paragraph_format.right_indent = Cm(3.3)  # a line of 7.5 cm, as in the PDF
    randen = _ppr_eigenschap(schrijflijn.element.get_or_add_pPr(), "w:pBdr")
    _eigenschap(randen, "w:bottom", val="single", sz="6", space="1", color="1A1A1A")

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


def _geen_afbreking(stijl: Any) -> None:
    """No automatic hyphenation in this paragraph style (headings, amounts)."""
    _ppr_eigenschap(stijl.element.get_or_add_pPr(), "w:suppressAutoHyphens")


def _instellingen(doc: Any) -> None:
    settings = doc.settings.element
    # Hyphenate automatically (in the document's language, Dutch), as the PDF does: a
    # long compound in a narrow column breaks at a syllable, not at its last letter.
    tab = settings.find(qn("w:defaultTabStop"))
    afbreken = OxmlElement("w:autoHyphenation")
    if tab is not None:
        tab.addnext(afbreken)
    else:
        settings.append(afbreken)
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
    """Paragraphs printing `Tekstblokken`: each `alinea` a paragraph, each `opsomming` bullets."""
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


# The order of a paragraph's properties in the schema (CT_PPrBase, ECMA-376 17.3.1.26):
# Word refuses them in any other.
_PPR_VOLGORDE = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


def _ppr_eigenschap(ppr: Any, naam: str, **attrs: str) -> Any:
    """Add `naam` to a paragraph's properties at its place in the schema's order."""
    kind = OxmlElement(naam)
    for sleutel, waarde in attrs.items():
        kind.set(qn(f"w:{sleutel}"), waarde)
    plek = _PPR_VOLGORDE.index(naam.removeprefix("w:"))
    for bestaand in ppr:
        lokaal = bestaand.tag.rsplit("}", 1)[-1]
        if lokaal in _PPR_VOLGORDE and _PPR_VOLGORDE.index(lokaal) > plek:
            bestaand.addprevious(kind)
            return kind
    ppr.append(kind)
    return kind


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
    # The PDF's page (agenda.css): margins of 2.2 cm top and bottom, 2 cm at the sides.
    sectie.left_margin = sectie.right_margin = Cm(2.0)
    sectie.top_margin, sectie.bottom_margin = Cm(2.2), Cm(2.2)
    sectie.header_distance = sectie.footer_distance = Cm(1.2)

    kop = sectie.header.paragraphs[0]
    kop.style = doc.styles["Header"]
    kop.add_run("{{ document.korte_titel }}")
    kop.add_run("{%r if document.concept %}")
    kop._p.append(parse_xml(WATERMERK))
    kop.add_run("{%r endif %}")

    voet = sectie.footer.paragraphs[0]
    voet.style = doc.styles["Footer"]
    voet.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    voet.add_run("{{ document.pagina }} ")
    _veldcode(voet, "PAGE")
    voet.add_run(" {{ document.van }} ")
    _veldcode(voet, "NUMPAGES")


def _opening(doc: Any) -> None:
    par(doc, "{{ opening.titel|heel(document.gemeente) }}", "Title")
    par(doc, "{{ document.documentnaam }}", "Subtitle")
    par(doc, "{{ opening.motto }}", "Quote")
    par(doc, "{{ opening.intro }}")
    par(doc, "{{ opening.periode_zin }}")
    tag(doc, "for pijler in opening.pijlers")
    par(doc, "{{ pijler.kop }}", "Heading 2")
    par(doc, "{{ pijler.tekst }}")
    tag(doc, "endfor")
    tag(doc, "if opening.themas")
    par(doc, "{{ opening.themas_zin }}")
    tag(doc, "for item in opening.themas")
    regel(doc, "item", "List Bullet")
    tag(doc, "endfor")
    tag(doc, "endif")


def _toelichting(doc: Any) -> None:
    kop = par(doc, "{{ toelichting.titel|heel(document.gemeente) }}", "Heading 1")
    kop.paragraph_format.page_break_before = True
    par(doc, "{{ toelichting.kop }}", "Heading 2")
    tag(doc, "for sectie in toelichting.secties")
    par(doc, "{{ sectie.kop }}", "Heading 3")
    veld(doc, "sectie.tekst")
    tag(doc, "endfor")


def _tweekoloms(doc: Any, lijst: str) -> None:
    """One two-column table per item of `lijst` (interventies, communities)."""
    tag(doc, f"for tabel in {lijst}")
    tabel = _tabel(doc, TWEEKOLOMS, rijen=3)
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
    # Word's way to keep a table on one page (and a label row with the next row): every
    # paragraph keeps with the next. A table longer than a page is split anyway.
    for cel in (label, waarde):
        for p in cel.paragraphs:
            p.paragraph_format.keep_with_next = True
    _tag_rij(tabel, 2, "endfor")
    par(doc)  # keeps consecutive tables apart; ends the chain of keep-with-next
    tag(doc, "endfor")


def _agenda_afspraak(doc: Any) -> None:
    par(doc, "{{ afspraak.kop }}", "Heading 1")
    par(doc, "{{ afspraak.bestuurlijk_overleg_kop }}", "Heading 2")
    veld(doc, "afspraak.bestuurlijk_overleg")
    _tweekoloms(doc, "afspraak.interventies")
    _tweekoloms(doc, "afspraak.communities")


def _taken_en_rollen(doc: Any) -> None:
    par(doc, "{{ taken.kop }}", "Heading 1")
    par(doc, "{{ taken.samenwerking_kop }}", "Heading 2")
    par(doc, "{{ taken.gemeente_kop|heel(document.gemeente) }}", "Heading 3")
    tag(doc, "for verplichting in taken.verplichtingen")
    par(doc, "{{ verplichting }}", "List Number")
    tag(doc, "endfor")


def _ondertekening(doc: Any) -> None:
    par(doc, "{{ ondertekening.kop }}", "Heading 1")
    tag(doc, "for ondertekenaar in ondertekening.ondertekenaars")
    # (label, value, a line to write on when empty); a str alone is a `{%tr %}` tag row.
    # A table with the PDF's borders and shaded labels. The signature row comes twice:
    # a concept prints a line to sign on, a definitief document an Office signature
    # line (docx_signature.py) that the signer double-clicks in Word.
    rijen: list[tuple[str, str | None, bool] | str] = [
        ("ondertekening.naam_label", "ondertekenaar.naam", False),
        ("ondertekening.functie_label", "ondertekenaar.functie", False),
        ("ondertekening.organisatie_label", "ondertekenaar.organisatie", False),
        ("ondertekening.plaats_label", "ondertekening.plaats", True),
        ("ondertekening.datum_label", "ondertekening.datum", True),
        "if document.concept",
        ("ondertekening.handtekening_label", None, True),
        "else",
        ("ondertekening.handtekening_label", "handtekeningregel", False),
        "endif",
    ]
    tabel = _tabel(doc, TWEEKOLOMS, rijen=len(rijen))
    for index, (rij, spec) in enumerate(zip(tabel.rows, rijen, strict=True)):
        if isinstance(spec, str):
            _tag_rij(tabel, index, spec)
            continue
        label, waarde, schrijflijn = spec
        laatste = label == "ondertekening.handtekening_label"
        _rij_eigenschap(rij, "w:cantSplit")
        links, rechts = rij.cells
        links.paragraphs[0].text = "{{ " + label + " }}"
        links.paragraphs[0].style = doc.styles["Tabellabel"]
        _arceer(links)
        if waarde == "handtekeningregel":
            rechts.paragraphs[0].text = "{{r ondertekenaar.handtekeningregel|handtekeningregel }}"
            rechts.paragraphs[0].style = doc.styles["Tabeltekst"]
        elif waarde and schrijflijn:
            # The value, or a line to write it on by hand.
            tag(rechts, f"if {waarde}.tekst")
            regel(rechts, waarde, "Tabeltekst")
            tag(rechts, "else")
            par(rechts, "", "Schrijflijn")
            tag(rechts, "endif")
            _cel_leeg_maken(rechts)
        elif waarde:
            regel(rechts, waarde, "Tabeltekst")
            _cel_leeg_maken(rechts)
        else:  # a concept's line to sign on, at the foot of its cell
            rechts.paragraphs[0].style = doc.styles["Schrijflijn"]
            _eigenschap(rechts._tc.get_or_add_tcPr(), "w:vAlign", val="bottom")
        if laatste:
            rij.height = Cm(2.0)  # room to sign
        # Keep each signatory's block on one page.
        for cel in (links, rechts):
            for p in cel.paragraphs:
                p.paragraph_format.keep_with_next = not laatste
                p.paragraph_format.keep_together = True
                if p.style.name != "Schrijflijn":
                    p.paragraph_format.space_before = Pt(4)
    par(doc)
    tag(doc, "endfor")


def _bijlage(doc: Any) -> None:
    kop = par(doc, "{{ bijlage.kop }}", "Heading 1")
    kop.paragraph_format.page_break_before = True
    par(doc, "{{ bijlage.zin }}")
    # The PDF's columns (agenda.css): the amounts hold "€ 19.999.999,98" in bold.
    breedtes = [3.5, 3.6, 3.3, 3.3, 3.3]
    tabel = _tabel(doc, breedtes, rijen=4)
    kopregel = tabel.rows[0]
    _rij_eigenschap(kopregel, "w:tblHeader")  # repeated on every page
    _rij_eigenschap(kopregel, "w:cantSplit")
    for index, cel in enumerate(kopregel.cells):
        cel.paragraphs[0].text = "{{ bijlage.koppen[" + str(index) + "] }}"
        cel.paragraphs[0].style = doc.styles["Tabellabel" if index < 2 else "Tabeltotaal"]
        _arceer(cel)
    _tag_rij(tabel, 1, "for post in bijlage.begroting")
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
        "{{ bijlage.totaal_label }}",
        "",
        "{{r bijlage.totaal_ocw|regel }}",
        "{{r bijlage.totaal_cofinanciering|regel }}",
        "{{r bijlage.totaal|regel }}",
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
