"""The DOCX read back with python-docx: text, order, structure, properties."""

from __future__ import annotations

import functools
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn

from gka_docgen.document import text
from gka_docgen.document.formatting import bedrag_template
from gka_docgen.document.model import Agenda
from gka_docgen.document.paragraphs import Tekstblokken
from gka_docgen.render.context import Context, Veldentabel, bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.render.docx_jinja import STIJL_HYPERLINK, STIJL_OPEN_VELD
from gka_docgen.source.load import laad
from tests.conftest import DATA, VOORBEELDEN
from tests.docx_tekst import Alinea, alineas

DEFINITIEF = DATA / "docx" / "almere-definitief.yaml"
LEEG = DATA / "docx" / "concept-leeg.yaml"
ALLE = [DEFINITIEF, LEEG, *VOORBEELDEN]


@functools.cache
def gerenderd(pad: Path) -> tuple[Agenda, Context, bytes]:
    agenda = laad(pad).agenda
    context = bouw(agenda)
    return agenda, context, render_docx(context)


def document(pad: Path) -> Any:
    return Document(io.BytesIO(gerenderd(pad)[2]))


@functools.cache
def gelezen(pad: Path) -> list[Alinea]:
    return alineas(gerenderd(pad)[2])


def teksten(pad: Path) -> list[str]:
    return [a.tekst for a in gelezen(pad)]


def regels_van(veld: Tekstblokken) -> list[str]:
    return [r.tekst for blok in veld for r in blok.regels]


def vaste_zinnen(agenda: Agenda) -> list[str]:
    """Every fixed sentence of the template, in order, straight from text.py."""
    g = agenda.gemeente
    zinnen = [
        text.titel(g),
        text.documentnaam(agenda.soort, agenda.periode),
        text.MOTTO,
        text.INTRO,
        text.periode_zin(agenda.periode, g),
    ]
    for kop, zin in text.PIJLERS:
        zinnen += [kop, zin]
    if agenda.themas:
        zinnen.append(text.themas_zin(g))
    zinnen += [text.gelijke_kansen_kop(g), text.TOELICHTING_KOP]
    zinnen += [
        kop
        for sleutel, kop in text.TOELICHTING.items()
        if sleutel != "inzet_nationaal_programma_onderwijs"
        or agenda.toelichting.inzet_nationaal_programma_onderwijs is not None
    ]
    zinnen += [text.AGENDA_AFSPRAAK_KOP, text.BESTUURLIJK_OVERLEG_KOP]
    for _ in agenda.interventies:
        zinnen += [*text.INTERVENTIE_LABELS.values(), text.MEER_INFORMATIE]
        zinnen += [text.WEBSITE, text.CONTACTPERSOON]
    for _ in agenda.communities:
        zinnen += list(text.COMMUNITY_LABELS.values())
    zinnen += [text.TAKEN_EN_ROLLEN_KOP, text.SAMENWERKING_KOP, text.gemeente_kop(g)]
    zinnen += list(text.VERPLICHTINGEN)
    zinnen.append(text.ONDERTEKENING_KOP)
    for _ in agenda.ondertekening.ondertekenaars:
        zinnen += [*text.ONDERTEKENAAR_LABELS.values(), text.PLAATS, text.DATUM]
        zinnen.append(text.HANDTEKENING)
    maximum = agenda.begroting.maximum_ocw
    assert maximum is not None
    zinnen += [text.BIJLAGE_KOP, text.bijlage_zin(agenda.soort, bedrag_template(maximum))]
    zinnen += [*text.BEGROTING_KOPPEN, text.TOTAAL]
    return zinnen


def in_volgorde(verwacht: list[str], gevonden: list[str]) -> list[str]:
    """The expected texts that are not found as paragraphs, in this order."""
    rest = iter(gevonden)
    return [zin for zin in verwacht if not any(t == zin for t in rest)]


@pytest.mark.parametrize("pad", ALLE, ids=lambda p: p.stem)
def test_every_fixed_sentence_in_order(pad: Path) -> None:
    agenda = gerenderd(pad)[0]
    assert in_volgorde(vaste_zinnen(agenda), teksten(pad)) == []


def _tabellen(pad: Path) -> list[Any]:
    return list(document(pad).tables)


def _rijen(tabel: Any) -> list[tuple[str, list[str]]]:
    return [
        (rij.cells[0].text, [p.text for p in rij.cells[1].paragraphs if p.text])
        for rij in tabel.rows
    ]


def _verwacht(tabel: Veldentabel) -> list[tuple[str, list[str]]]:
    # An optional field left empty prints an empty line: in the DOCX, no text.
    return [(rij.label, [r for r in regels_van(rij.waarde) if r]) for rij in tabel.rijen]


@pytest.mark.parametrize("pad", ALLE, ids=lambda p: p.stem)
def test_one_table_per_intervention_and_community(pad: Path) -> None:
    _, context, _ = gerenderd(pad)
    tabellen = _tabellen(pad)
    n = len(context.afspraak.interventies) + len(context.afspraak.communities)
    assert [_rijen(t) for t in tabellen[:n]] == [
        _verwacht(t) for t in (*context.afspraak.interventies, *context.afspraak.communities)
    ]
    # Then one table per signatory and the budget.
    assert len(tabellen) == n + len(context.ondertekening.ondertekenaars) + 1


def test_intervention_values_from_the_yaml_in_their_rows() -> None:
    agenda = gerenderd(DEFINITIEF)[0]
    tabel = _tabellen(DEFINITIEF)[0]
    rijen = dict(_rijen(tabel))
    i = agenda.interventies[0]
    labels = text.INTERVENTIE_LABELS
    assert rijen[labels["naam"]] == [i.naam]
    assert rijen[labels["doel"]] == [i.doel]
    assert rijen[labels["doelgroep"]] == [i.doelgroep]
    assert rijen[labels["locatie"]] == [i.locatie]
    assert rijen[labels["betrokken_partijen"]] == [
        "Stichting Almeerse Scholen Groep",
        "Bibliotheek Almere",
    ]
    assert rijen[labels["omschrijving_activiteiten"]] == [
        "Drie weken zomerschool met taal, rekenen en sport.",
        "Ouders worden uitgenodigd voor de slotdag.",
    ]
    assert rijen[text.WEBSITE] == [i.website]
    c = i.contactpersoon
    assert rijen[text.CONTACTPERSOON] == [c.naam, c.email, c.telefoon]
    assert rijen[text.MEER_INFORMATIE] == []


def test_the_website_is_a_clickable_hyperlink() -> None:
    agenda = gerenderd(DEFINITIEF)[0]
    links = [
        link
        for tabel in _tabellen(DEFINITIEF)
        for rij in tabel.rows
        for p in rij.cells[1].paragraphs
        for link in p.hyperlinks
    ]
    assert [link.address for link in links] == [i.website for i in agenda.interventies]
    assert [link.text for link in links] == [i.website for i in agenda.interventies]
    for link in links:
        assert link.runs[0].style.style_id == STIJL_HYPERLINK


def test_budget_table_with_correct_totals() -> None:
    begroting = _tabellen(DEFINITIEF)[-1]
    rijen = [[cel.text for cel in rij.cells] for rij in begroting.rows]
    nbsp = "\u00a0"
    assert rijen == [
        list(text.BEGROTING_KOPPEN),
        [
            "Zomerschool Almere",
            "Inzet van leerkrachten en materiaal voor drie weken zomerschool.",
            f"€{nbsp}60.000",
            f"€{nbsp}45.000,50",
            f"€{nbsp}105.000,50",
        ],
        [
            "Verlengde schooldag",
            "Vakdocenten cultuur en sport.",
            f"€{nbsp}40.000",
            f"€{nbsp}20.000",
            f"€{nbsp}60.000",
        ],
        [text.TOTAAL, "", f"€{nbsp}100.000", f"€{nbsp}65.000,50", f"€{nbsp}165.000,50"],
    ]
    # The header row repeats on every page the table spans.
    assert begroting.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def _stijl_van(pad: Path, tekst: str) -> str:
    return next(a.stijl for a in gelezen(pad) if a.tekst == tekst)


def test_headings_use_word_heading_styles() -> None:
    _, c, _ = gerenderd(DEFINITIEF)
    assert _stijl_van(DEFINITIEF, c.opening.titel) == "Title"
    assert _stijl_van(DEFINITIEF, c.document.documentnaam) == "Subtitle"
    for kop in (c.toelichting.titel, c.afspraak.kop, c.taken.kop):
        assert _stijl_van(DEFINITIEF, kop) == "Heading 1"
    for kop in (c.ondertekening.kop, c.bijlage.kop):
        assert _stijl_van(DEFINITIEF, kop) == "Heading 1"
    for kop in (c.toelichting.kop, c.afspraak.bestuurlijk_overleg_kop, c.taken.samenwerking_kop):
        assert _stijl_van(DEFINITIEF, kop) == "Heading 2"
    for pijler in c.opening.pijlers:
        assert _stijl_van(DEFINITIEF, pijler.kop) == "Heading 2"
    for sectie in c.toelichting.secties:
        assert _stijl_van(DEFINITIEF, sectie.kop) == "Heading 3"
    assert _stijl_van(DEFINITIEF, c.taken.gemeente_kop) == "Heading 3"


def _nummering(doc: Any, stijl: Any) -> str:
    """The number format behind a paragraph style (via numbering.xml), '' if none."""
    while stijl is not None:
        ppr = stijl.element.pPr
        numpr = ppr.numPr if ppr is not None else None
        if numpr is not None:
            num_id = numpr.numId.val
            numbering = doc.part.numbering_part.element
            num = next(n for n in numbering.num_lst if n.numId == num_id)
            abstract = next(
                a
                for a in numbering.findall(qn("w:abstractNum"))
                if a.get(qn("w:abstractNumId")) == str(num.abstractNumId.val)
            )
            lvl = abstract.find(qn("w:lvl"))
            return str(lvl.find(qn("w:numFmt")).get(qn("w:val")))
        stijl = stijl.base_style
    return ""


def test_obligations_are_a_real_numbered_list() -> None:
    doc = document(DEFINITIEF)
    verplichtingen = [p for p in doc.paragraphs if p.text in text.VERPLICHTINGEN]
    assert [p.text for p in verplichtingen] == list(text.VERPLICHTINGEN)
    for p in verplichtingen:
        assert p.style.name == "List Number"
        assert _nummering(doc, p.style) == "decimal"


def test_bullets_are_a_real_bulleted_list_in_body_and_tables() -> None:
    doc = document(DEFINITIEF)
    body = [p for p in doc.paragraphs if p.text.startswith("kinderarmoede in een op de zes")]
    cel = [
        p
        for t in doc.tables
        for r in t.rows
        for c in r.cells
        for p in c.paragraphs
        if p.text == "Bibliotheek Almere"
    ]
    assert body and cel
    for p in (*body, *cel):
        assert _nummering(doc, p.style) == "bullet"
    assert body[0].style.name == "List Bullet"
    assert cel[0].style.base_style.name == "List Bullet"


def test_themes_only_when_the_municipality_has_them() -> None:
    _, c, _ = gerenderd(DEFINITIEF)
    themas = [a.tekst for a in gelezen(DEFINITIEF) if a.stijl == "List Bullet"]
    assert themas[:3] == [t.tekst for t in c.opening.themas]
    _, leeg, _ = gerenderd(LEEG)
    assert leeg.opening.themas == ()
    assert leeg.opening.themas_zin not in teksten(LEEG)


def test_toelichting_and_appendix_start_on_a_new_page() -> None:
    _, c, _ = gerenderd(DEFINITIEF)
    doc = document(DEFINITIEF)
    koppen = {p.text: p for p in doc.paragraphs}
    assert koppen[c.toelichting.titel].paragraph_format.page_break_before
    assert koppen[c.bijlage.kop].paragraph_format.page_break_before


def test_signature_block_per_signatory_kept_together() -> None:
    _, c, _ = gerenderd(DEFINITIEF)
    tabellen = _tabellen(DEFINITIEF)
    n = len(c.afspraak.interventies) + len(c.afspraak.communities)
    blokken = tabellen[n : n + len(c.ondertekening.ondertekenaars)]
    for blok, o in zip(blokken, c.ondertekening.ondertekenaars, strict=True):
        rijen = [(r.cells[0].text, r.cells[1].text) for r in blok.rows]
        assert rijen == [
            (c.ondertekening.naam_label, o.naam.tekst),
            (c.ondertekening.functie_label, o.functie.tekst),
            (c.ondertekening.organisatie_label, o.organisatie.tekst),
            (c.ondertekening.plaats_label, "Almere"),
            (c.ondertekening.datum_label, ""),  # no date in the YAML: a blank line to write on
            (c.ondertekening.handtekening_label, ""),
        ]
        for index, rij in enumerate(blok.rows):
            assert rij._tr.trPr.find(qn("w:cantSplit")) is not None
            laatste = index == len(blok.rows) - 1
            for cel in rij.cells:
                for p in cel.paragraphs:
                    assert bool(p.paragraph_format.keep_with_next) is not laatste
        # A line to write the empty date on (the place is filled); the signature gets an
        # Office signature line in a definitief document (test_docx_signature.py).
        stijlen = [[p.style.name for p in rij.cells[1].paragraphs] for rij in blok.rows[3:5]]
        assert stijlen == [["Tabeltekst"], ["Schrijflijn"]]
        # A table with the PDF's look: rules around every cell, shaded labels.
        assert blok.style.name == "Table Grid"
        assert all(r.cells[0]._tc.tcPr.find(qn("w:shd")) is not None for r in blok.rows)


def test_a4_page_with_margins() -> None:
    sectie = document(DEFINITIEF).sections[0]
    # Word stores twips: compare to the tenth of a millimetre.
    assert (round(sectie.page_width.mm, 1), round(sectie.page_height.mm, 1)) == (210.0, 297.0)
    # The PDF's page (agenda.css), so both formats break their pages alike.
    assert round(sectie.left_margin.mm, 1) == round(sectie.right_margin.mm, 1) == 20.0
    assert round(sectie.top_margin.mm, 1) == round(sectie.bottom_margin.mm, 1) == 22.0


def _kop_en_voet(pad: Path) -> tuple[str, str, str]:
    sectie = document(pad).sections[0]
    voet = sectie.footer.paragraphs[0]
    return sectie.header.paragraphs[0].text, voet.text, voet._p.xml


def test_header_has_short_title_and_footer_page_x_of_y_fields() -> None:
    _, c, _ = gerenderd(DEFINITIEF)
    kop, voet, voet_xml = _kop_en_voet(DEFINITIEF)
    assert kop == c.document.korte_titel
    assert voet.startswith(f"{c.document.pagina} ") and f" {c.document.van} " in voet
    instructies = [i.strip() for i in voet_xml.split("<w:instrText")[1:]]
    assert [i.split(">", 1)[1].split("<", 1)[0].strip() for i in instructies] == [
        "PAGE",
        "NUMPAGES",
    ]


def test_concept_mark_on_every_page_of_a_concept_only() -> None:
    for pad in (LEEG, *VOORBEELDEN):
        _, c, _ = gerenderd(pad)
        assert c.document.concept
        # Word's text watermark: WordArt in the header, turned, on every page.
        kop_xml = document(pad).sections[0].header._element.xml
        assert kop_xml.count('string="' + c.document.concept_mark + '"') == 1
        assert "rotation:315" in kop_xml and "PowerPlusWaterMarkObject" in kop_xml
        assert _kop_en_voet(pad)[0] == c.document.korte_titel
    _, c, _ = gerenderd(DEFINITIEF)
    assert not c.document.concept
    kop = _kop_en_voet(DEFINITIEF)[0]
    assert c.document.concept_mark not in kop
    assert c.document.concept_mark not in document(DEFINITIEF).sections[0].header._element.xml
    assert all(c.document.concept_mark not in a.tekst for a in gelezen(DEFINITIEF))


def _runs(doc: Any) -> list[Any]:
    cellen = [c for t in doc.tables for r in t.rows for c in r.cells]
    paragrafen = [*doc.paragraphs, *(p for c in cellen for p in c.paragraphs)]
    return [r for p in paragrafen for r in p.runs]


def test_placeholders_of_a_concept_are_highlighted() -> None:
    doc = document(LEEG)
    placeholders = [r for r in _runs(doc) if r.text.startswith("[nog in te vullen:")]
    assert len(placeholders) > 20
    for run in placeholders:
        assert run.style.style_id == STIJL_OPEN_VELD
    # Marked by the style's yellow shading (a highlight in a style breaks Word's schema).
    shading = doc.styles["Open veld"].element.rPr.find(qn("w:shd"))
    assert shading.get(qn("w:fill")) == "FFFF00"
    # Filled values are not highlighted.
    gevuld = [r for r in _runs(doc) if r.text == "Wethouder Onderwijs"]
    assert gevuld and all(r.style.style_id != STIJL_OPEN_VELD for r in gevuld)


def test_a_definitief_document_has_no_highlight() -> None:
    assert all(r.style.style_id != STIJL_OPEN_VELD for r in _runs(document(DEFINITIEF)))


def test_core_properties_and_dutch_language() -> None:
    _, c, _ = gerenderd(DEFINITIEF)
    doc = document(DEFINITIEF)
    props = doc.core_properties
    assert props.title == c.opening.titel
    assert props.subject == c.document.onderwerp
    assert props.author == c.document.auteur
    assert props.keywords == ", ".join(c.document.trefwoorden)
    assert props.language == c.document.taal == "nl-NL"
    assert props.created == props.modified == datetime(2021, 1, 1, tzinfo=UTC)
    standaard = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))[0]
    assert standaard.find(qn("w:lang")).get(qn("w:val")) == "nl-NL"
    instellingen = doc.settings.element
    assert instellingen.find(qn("w:themeFontLang")).get(qn("w:val")) == "nl-NL"


def test_npo_section_only_when_present() -> None:
    npo = text.TOELICHTING["inzet_nationaal_programma_onderwijs"]
    for pad in ALLE:
        agenda = gerenderd(pad)[0]
        heeft = agenda.toelichting.inzet_nationaal_programma_onderwijs is not None
        assert (npo in teksten(pad)) is heeft
