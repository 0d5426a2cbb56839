"""An agenda with 200 interventions renders in both formats, every table in place."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from benchmarks.bench_scale import groot_agenda
from gka_docgen.context import bouw
from gka_docgen.load import laad
from gka_docgen.render_docx import render_docx
from gka_docgen.render_pdf import render_pdf
from tests.teksthulp import docx_alineas
from tests.wordcheck import controleer_voor_word

pytestmark = pytest.mark.slow


def test_200_interventions_render_in_docx_and_pdf(tmp_path: Path) -> None:
    geladen = laad(groot_agenda(tmp_path, 200))
    ctx = bouw(geladen.agenda)
    assert len(ctx.interventies) == 200
    docx = render_docx(ctx)
    controleer_voor_word(docx)
    tekst = "".join(docx_alineas(docx))
    assert "Interventie200" in tekst
    assert tekst.count("Naam/titelinterventie") == 200
    pdf = PdfReader(io.BytesIO(render_pdf(ctx, geladen.bron, "grootstad.yaml")))
    assert len(pdf.pages) > 100
    laatste = "".join(p.extract_text() for p in pdf.pages[-3:])
    assert "€ 100.000" in laatste.replace("\u00a0", " ")  # 200 x 500: the OCW total
