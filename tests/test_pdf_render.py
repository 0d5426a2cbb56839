"""The PDF read back as a reader and an archive would: text, order, fonts, PDF/A, tags, source."""

from __future__ import annotations

import re
import subprocess
import sys
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from gka_docgen.importing.extract import bron_van_pdf
from gka_docgen.render.context import Context
from gka_docgen.render.pdf import HTML_SJABLOON, html_van, jinja_omgeving
from gka_docgen.render.templates import SJABLONEN
from gka_docgen.source.load import GeladenAgenda
from tests.conftest import ROOT
from tests.pdfhulp import (
    CONCEPT,
    DEFINITIEF,
    EMOJI,
    normaal,
    pdffonts,
    pdftotext,
    render,
    verwachte_teksten,
    zonder_paginarand,
)
from tests.sjabloonhulp import controleer

Gemaakt = tuple[GeladenAgenda, Context, bytes, Path]


def _maak(pad: Path, tmp: Path) -> Gemaakt:
    geladen, context, pdf = render(pad)
    doel = tmp / f"{pad.stem}.pdf"
    doel.write_bytes(pdf)
    return geladen, context, pdf, doel


@pytest.fixture(scope="module")
def definitief(tmp_path_factory: pytest.TempPathFactory) -> Gemaakt:
    return _maak(DEFINITIEF, tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="module")
def concept(tmp_path_factory: pytest.TempPathFactory) -> Gemaakt:
    return _maak(CONCEPT, tmp_path_factory.mktemp("pdf"))


@pytest.fixture(params=["definitief", "concept"])
def gemaakt(request: pytest.FixtureRequest) -> Gemaakt:
    resultaat: Gemaakt = request.getfixturevalue(request.param)
    return resultaat


def test_every_sentence_and_value_in_context_order(gemaakt: Gemaakt) -> None:
    _, context, _, pad = gemaakt
    # -raw keeps content-stream order, which is document order, cell by cell.
    tekst = normaal(zonder_paginarand(pdftotext(pad, "-raw"), context))
    positie = 0
    for verwacht in verwachte_teksten(context):
        gevonden = tekst.find(normaal(verwacht), positie)
        assert gevonden >= 0, (
            f"{verwacht!r} ontbreekt na positie {positie}: {tekst[positie : positie + 200]!r}"
        )
        positie = gevonden + len(normaal(verwacht))


def test_dutch_letters_and_euro_survive(definitief: Gemaakt) -> None:
    tekst = pdftotext(definitief[3])
    for woord in ("Brûlé-", "Ĳsselmuiden", "Joëlle", "Núria de Vrëe", "Dûrrenhâld", "€ 75.000,50"):
        assert woord in tekst


def test_fonts_are_ours_and_embedded(gemaakt: Gemaakt) -> None:
    fonts = pdffonts(gemaakt[3])
    assert fonts
    for regel in fonts:
        assert regel[0].split("+")[-1].startswith("GKA-Sans"), regel
        assert regel[-5:-2] == ["yes", "yes", "yes"], regel  # emb sub uni


def _reader(pdf: bytes) -> PdfReader:
    return PdfReader(BytesIO(pdf))


def _root(pdf: bytes) -> Any:
    """The catalog, untyped: pypdf types every dictionary value as a bare PdfObject."""
    return _reader(pdf).trailer["/Root"]


def test_pdfa3_tagged_language_metadata_outline(gemaakt: Gemaakt) -> None:
    _, context, pdf, _ = gemaakt
    reader = _reader(pdf)
    root = _root(pdf)
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part="3"|<pdfaid:part>3</pdfaid:part>', xmp)
    assert re.search(r'pdfaid:conformance="U"|<pdfaid:conformance>U</pdfaid:conformance>', xmp)
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "nl"
    meta: Any = reader.metadata
    assert meta is not None
    assert meta.title == context.document.korte_titel
    assert meta.author == context.document.auteur
    assert meta.subject == context.document.onderwerp
    assert meta["/Keywords"] == ", ".join(context.document.trefwoorden)
    titels = [o.title for o in reader.outline if not isinstance(o, list)]
    assert context.opening.titel in titels
    assert context.bijlage.kop in titels
    assert context.ondertekening.kop in titels


def test_source_yaml_inside_byte_for_byte(gemaakt: Gemaakt) -> None:
    geladen, _, pdf, _ = gemaakt
    bron = bron_van_pdf(pdf, "test")
    assert bron.inhoud == geladen.bron
    assert bron.naam == geladen.pad.name
    # WeasyPrint 70 lists the one file spec twice in /AF (from /EmbeddedFiles and again).
    specs = {s.idnum: s.get_object() for s in _root(pdf)["/AF"]}
    assert [s["/AFRelationship"] for s in specs.values()] == ["/Source"]


def test_concept_mark_on_every_page_of_a_concept_only(
    definitief: Gemaakt, concept: Gemaakt
) -> None:
    for (_, context, _, pad), verwacht in ((concept, True), (definitief, False)):
        paginas = pdftotext(pad, "-raw").split("\f")[:-1]  # -raw: the rotated mark too
        assert len(paginas) >= 3
        for nummer, pagina in enumerate(paginas, start=1):
            assert (context.document.concept_mark in pagina) is verwacht
            assert context.document.korte_titel in pagina
            assert re.search(
                rf"{context.document.pagina} {nummer} {context.document.van} {len(paginas)}", pagina
            )


def test_placeholders_of_a_concept_are_highlighted(concept: Gemaakt) -> None:
    _, context, _, pad = concept
    assert '<mark class="open">[nog in te vullen:' in html_van(context)
    assert "[nog in te vullen: Aanleiding en uitdagingen]" in pdftotext(pad)


def test_appendix_starts_a_page(gemaakt: Gemaakt) -> None:
    _, context, _, pad = gemaakt
    paginas = pdftotext(pad).split("\f")
    (pagina,) = [p for p in paginas if context.bijlage.kop in p]
    kop = (
        pagina.replace(context.document.korte_titel, "")
        .replace(context.document.concept_mark, "")
        .strip()
    )
    assert kop.startswith(context.bijlage.kop)


def _velden(pdf: bytes) -> list[Any]:
    root = _root(pdf)
    if "/AcroForm" not in root:
        return []
    return [f.get_object() for f in root["/AcroForm"]["/Fields"]]


def test_definitief_has_one_empty_signature_field_per_signatory_on_its_line(
    definitief: Gemaakt,
) -> None:
    _, context, pdf, pad = definitief
    reader = _reader(pdf)
    # Beside them a text field per signatory for the date this agenda leaves empty
    # (test_sign_place_date.py has the rest).
    assert [v["/T"] for v in _velden(pdf) if v["/FT"] == "/Tx"] == [
        "Datum_Helene_Brule-IJsselmuiden",
        "Datum_Dennis_Wiersma",
        "Datum_Nuria_de_Vree",
    ]
    velden_ = [v for v in _velden(pdf) if v["/FT"] == "/Sig"]
    assert [v["/T"] for v in velden_] == [
        "Handtekening_Helene_Brule-IJsselmuiden",
        "Handtekening_Dennis_Wiersma",
        "Handtekening_Nuria_de_Vree",
    ]
    paginas = pdftotext(pad).split("\f")
    vorige_y = None
    for veld, o in zip(velden_, context.ondertekening.ondertekenaars, strict=True):
        assert veld["/FT"] == "/Sig" and "/V" not in veld
        pagina = next(
            i
            for i, p in enumerate(reader.pages)
            if p.indirect_reference is not None
            and p.indirect_reference.idnum == veld.raw_get("/P").idnum
        )
        assert o.naam.tekst in paginas[pagina]
        x1, y1, x2, y2 = (float(v) for v in veld["/Rect"])
        assert 0 < x1 < x2 < 595 and 0 < y1 < y2 < 842 and y2 - y1 > 40
        if vorige_y is not None:
            assert y2 < vorige_y  # signatories top to bottom
        vorige_y = y1


def test_concept_has_no_signature_fields(concept: Gemaakt) -> None:
    assert _velden(concept[2]) == []


def test_user_markup_is_text_and_nothing_is_fetched(definitief: Gemaakt) -> None:
    _, context, _, pad = definitief
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html_van(context)
    assert normaal('<img src="file:///etc/passwd">') in normaal(pdftotext(pad))


def test_url_fetcher_serves_only_templates() -> None:
    from gka_docgen.render.pdf import motor, sjabloon_pad

    assert sjabloon_pad("gka-sjabloon:agenda.css") == SJABLONEN / "agenda.css"
    assert sjabloon_pad("gka-sjabloon:fonts/DejaVuSans.ttf") is not None
    for url in (
        "file:///etc/passwd",
        "https://example.org/x.css",
        "data:text/css,body{}",
        "gka-sjabloon:../pyproject.toml",
        "gka-sjabloon:/etc/passwd",
        "gka-sjabloon:agenda.html.j2",  # not a resource type we serve
        "gka-sjabloon:bestaat-niet.css",
    ):
        assert sjabloon_pad(url) is None, url
        with pytest.raises(ValueError):
            motor().fetcher.fetch(url)


def test_stylesheet_parses_without_warnings() -> None:
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    from gka_docgen.render.pdf import CSS_BESTAND, motor, sjabloon_url

    weasyprint.CSS(  # the guard in conftest fails the test on any warning
        url=sjabloon_url(CSS_BESTAND),
        url_fetcher=motor().fetcher,
        font_config=FontConfiguration(),
    )


def test_template_uses_only_context_fields_and_holds_no_sentences() -> None:
    bron = (SJABLONEN / HTML_SJABLOON).read_text(encoding="utf-8")
    omgeving = jinja_omgeving()  # the renderer's own, with its filters
    gebruikt = controleer(omgeving.parse(bron), omgeving)
    assert {"opening.titel", "afspraak.interventies", "bijlage.begroting"} <= gebruikt
    kaal = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", " ", bron, flags=re.S)
    kaal = re.sub(r"<[^>]*>", " ", kaal)
    assert kaal.strip() == "", f"tekst in het sjabloon: {kaal.split()[:10]}"


# The emoji agenda embeds the fallback font too (tests/test_pdf_emoji.py).
@pytest.mark.slow
@pytest.mark.parametrize("agenda", [DEFINITIEF, EMOJI], ids=["almere", "emoji"])
def test_reproducible_across_processes(tmp_path: Path, agenda: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from gka_docgen.render.context import bouw\n"
        "from gka_docgen.source.load import laad\n"
        "from gka_docgen.render.pdf import render_pdf\n"
        "g = laad(Path(sys.argv[1]))\n"
        "Path(sys.argv[2]).write_bytes(render_pdf(bouw(g.agenda), g.bron, g.pad.name))\n"
    )
    uitvoer = []
    for i in range(2):
        doel = tmp_path / f"{i}.pdf"
        subprocess.run([sys.executable, "-c", script, str(agenda), str(doel)], cwd=ROOT, check=True)
        uitvoer.append(doel.read_bytes())
    assert uitvoer[0] == uitvoer[1]
