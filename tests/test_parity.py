"""The DOCX and the PDF say the same thing, in the same order.

Both formats are rendered from one context, but each has its own template; this
test reads both files back and compares what a reader sees.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from gka_docgen.render.context import bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.source.load import laad
from tests.conftest import DATA, VOORBEELDEN
from tests.pdfhulp import render
from tests.teksthulp import docx_alineas, links_naar_rechts, pdf_tekst

GEVALLEN = [
    *VOORBEELDEN,
    DATA / "valid" / "volledig.yaml",
    DATA / "docx" / "bijzondere-tekens.yaml",
]


@pytest.mark.parametrize("pad", GEVALLEN, ids=lambda p: p.stem)
def test_docx_and_pdf_hold_the_same_text_in_the_same_order(pad: Path) -> None:
    ctx = bouw(laad(pad).agenda)
    docx = docx_alineas(render_docx(ctx))
    _, _, pdf = render(pad)
    tekst = pdf_tekst(pdf, ctx)

    # Every paragraph of the DOCX stands in the PDF, in the same order (right-to-left
    # runs left out: a PDF's text layer holds them in visual order)...
    plek = 0
    pdf_ltr = links_naar_rechts(tekst)
    for alinea in map(links_naar_rechts, docx):
        gevonden = pdf_ltr.find(alinea, plek)
        assert gevonden >= 0, f"not in the PDF after position {plek}: {alinea!r}"
        plek = gevonden + len(alinea)
    # ...and the PDF says nothing the DOCX does not, nor the other way round.
    assert Counter(tekst) == Counter("".join(docx))
