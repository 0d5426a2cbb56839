"""Property tests of rendering: any valid agenda becomes a DOCX and a PDF that hold
every value; any mutation of a valid file gives documents or located problems."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from pypdf import PdfReader

from gka_docgen.document import structure
from gka_docgen.document.structure import Soort
from gka_docgen.errors import OngeldigeAgenda
from gka_docgen.render.context import bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.render.pdf import render_pdf
from gka_docgen.source.load import valideer
from tests.agenda_strategies import agenda, als_yaml, document_tekst, gemuteerd
from tests.conftest import DATA
from tests.teksthulp import docx_alineas, links_naar_rechts, pdf_tekst, zonder_witruimte
from tests.wordcheck import controleer_voor_word

pytestmark = pytest.mark.slow

# Rendering both formats takes about half a second: a bounded number of examples.
# No shrinking: it would render hundreds more documents; a failure prints its example.
_RENDER = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)

# Amounts and dates are printed formatted; the kinds (soort, status) print as other words.
_GEFORMATTEERD = structure.sleutels_van(Soort.BEDRAG, Soort.DATUM, Soort.KEUZE)


def _teksten(data: object, sleutel: str = "") -> list[str]:
    """Every text a person typed, line by line, as the documents should show it."""
    if isinstance(data, dict):
        return [t for k, v in data.items() for t in _teksten(v, k)]
    if isinstance(data, list):
        return [t for v in data for t in _teksten(v, sleutel)]
    if not isinstance(data, str) or sleutel in _GEFORMATTEERD:
        return []
    uit = []
    for regel in data.splitlines():
        r = regel.strip()
        r = r[2:] if r.startswith(("- ", "• ")) else r  # a list item: the marker is layout
        if r and r != "-":
            uit.append(zonder_witruimte(r))
    return uit


def _render(bron: bytes) -> tuple[bytes, bytes, Any]:
    ctx = bouw(valideer(bron, naam="x.yaml"))
    return render_docx(ctx), render_pdf(ctx, bron, "x.yaml"), ctx


@_RENDER
@given(agenda(max_interventies=3, tekst=document_tekst))
def test_any_valid_agenda_renders_with_every_value_in_both_formats(data: dict[str, Any]) -> None:
    bron = als_yaml(data)
    docx, pdf, ctx = _render(bron)
    controleer_voor_word(docx)
    docx_tekst = "".join(docx_alineas(docx))
    pdf_text = pdf_tekst(pdf, ctx)
    pdf_tekens = Counter(_gespiegeld(pdf_text))
    for tekst in _teksten(data):
        assert tekst in docx_tekst, tekst
        if links_naar_rechts(tekst) == tekst:
            # On a page with right-to-left text, pdftotext may mirror brackets even in a
            # left-to-right line ('{' read as '}'), though the page draws them right.
            assert tekst in pdf_text or _gespiegeld(tekst) in _gespiegeld(pdf_text), tekst
        else:
            # Around a right-to-left run a PDF's text layer holds even the neutral
            # characters in visual order: check they are all there (a bracket may be
            # read mirrored here too, as above).
            assert Counter(_gespiegeld(tekst)) <= pdf_tekens, tekst


_SPIEGEL = str.maketrans("}])>", "{[(<")


def _gespiegeld(tekst: str) -> str:
    """Each bracket pair as one character, so a mirrored bracket compares equal."""
    return tekst.translate(_SPIEGEL)


def _leesbaar(docx: bytes, pdf: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert z.testzip() is None
    controleer_voor_word(docx)
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 3


@_RENDER
@given(gemuteerd())
def test_any_mutation_renders_or_is_refused_with_located_problems(data: object) -> None:
    bron = als_yaml(data)
    try:
        docx, pdf, _ = _render(bron)
    except OngeldigeAgenda as fout:
        assert all(p.regel is not None and p.melding for p in fout.problemen)
        return
    _leesbaar(docx, pdf)


@pytest.mark.parametrize("lang", ["x" * 10_000, "woord " * 1_700, "\u202e" + "ab" * 3000])
def test_a_10000_character_line_renders(lang: str) -> None:
    basis = (DATA / "valid" / "minimaal.yaml").read_text(encoding="utf-8")
    bron = basis.replace("bestuurlijk_overleg:\n", f"bestuurlijk_overleg: {lang}\n").encode()
    docx, pdf, _ = _render(bron)
    _leesbaar(docx, pdf)
    assert zonder_witruimte(lang)[:200] in "".join(docx_alineas(docx))
