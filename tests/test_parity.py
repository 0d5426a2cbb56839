"""The DOCX and the PDF say the same thing, in the same order.

Both formats are rendered from one context, but each has its own template; this
test reads both files back and compares what a reader sees.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from gka_docgen.context import Context, bouw
from gka_docgen.docx_tekst import alineas
from gka_docgen.load import laad
from gka_docgen.render_docx import render_docx
from tests.conftest import AGENDAS, DATA
from tests.pdfhulp import pdftotext, render

# DejaVu Sans, the embedded font, has no emoji: WeasyPrint draws a box for them
# (and warns) but keeps the character in the text layer. Known limitation, see NOTES.md.
_ZONDER_EMOJI_GLYPH = "bijzondere-tekens"

GEVALLEN = [
    *sorted(AGENDAS.glob("*.yaml")),
    DATA / "valid" / "volledig.yaml",
    DATA / "docx" / "bijzondere-tekens.yaml",
]


def _zonder_witruimte(tekst: str) -> str:
    # Line breaks fall differently in Word and WeasyPrint (even after a hyphen, as in
    # 's- / Hertogenbosch), so text is compared without any white space; invisible
    # format characters (the joiner in 👩‍🎓) do not survive a PDF's text layer either.
    return "".join(c for c in "".join(tekst.split()) if unicodedata.category(c) != "Cf")


def _pdf_tekst(pdf_tekst: str, ctx: Context) -> str:
    """The PDF's text without what each page repeats (header, footer, CONCEPT mark)
    and without list markers, which are layout: Word numbers its list paragraphs itself."""
    regels = []
    for regel in pdf_tekst.splitlines():
        r = " ".join(regel.replace("\u00a0", " ").split())
        if r in {ctx.korte_titel, ctx.concept_mark} or re.fullmatch(
            rf"{ctx.pagina} \d+ {ctx.van} \d+", r
        ):
            continue
        regels.append(re.sub(r"^(•|\d+\.)( |$)", "", r))
    return _zonder_witruimte("".join(regels))


def _links_naar_rechts(tekst: str) -> str:
    return "".join(c for c in tekst if unicodedata.bidirectional(c) not in {"R", "AL"})


@pytest.mark.parametrize("pad", GEVALLEN, ids=lambda p: p.stem)
def test_docx_and_pdf_hold_the_same_text_in_the_same_order(pad: Path, tmp_path: Path) -> None:
    ctx = bouw(laad(pad).agenda)
    docx = [_zonder_witruimte(a.tekst) for a in alineas(render_docx(ctx)) if a.tekst.strip()]
    if pad.stem == _ZONDER_EMOJI_GLYPH:
        from gka_docgen.render_pdf import render_pdf

        geladen = laad(pad)
        pdf = render_pdf(ctx, geladen.bron, pad.name)
    else:
        _, _, pdf = render(pad)  # fails on any WeasyPrint warning
    (tmp_path / "a.pdf").write_bytes(pdf)
    pdf_tekst = _pdf_tekst(pdftotext(tmp_path / "a.pdf", "-raw"), ctx)

    # Every paragraph of the DOCX stands in the PDF, in the same order (right-to-left
    # runs leave out: a PDF's text layer holds them in visual order)...
    plek = 0
    pdf_ltr = _links_naar_rechts(pdf_tekst)
    for alinea in map(_links_naar_rechts, docx):
        gevonden = pdf_ltr.find(alinea, plek)
        assert gevonden >= 0, f"not in the PDF after position {plek}: {alinea!r}"
        plek = gevonden + len(alinea)
    # ...and the PDF says nothing the DOCX does not, nor the other way round.
    assert Counter(pdf_tekst) == Counter("".join(docx))
