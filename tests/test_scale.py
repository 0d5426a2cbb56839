"""An agenda with 200 interventions renders in both formats, every table in place;
its PDF (about 400 pages) is PDF/A-3u and PDF/UA-1 by veraPDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from gka_docgen.render.context import bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.render.pdf import render_pdf
from gka_docgen.source.load import laad
from tests.synthetic import groot_agenda
from tests.teksthulp import docx_alineas
from tests.verapdf import afwijkingen, valideer
from tests.wordcheck import controleer_voor_word

pytestmark = pytest.mark.slow


def test_200_interventions_in_one_docx(tmp_path: Path) -> None:
    geladen = laad(groot_agenda(tmp_path, 200))
    ctx = bouw(geladen.agenda)
    assert len(ctx.afspraak.interventies) == 200
    docx = render_docx(ctx)
    controleer_voor_word(docx)
    tekst = "".join(docx_alineas(docx))
    assert "Interventie200" in tekst
    assert tekst.count("Naam/titelinterventie") == 200


def test_200_interventions_in_one_pdf_that_verapdf_accepts(tmp_path: Path) -> None:
    geladen = laad(groot_agenda(tmp_path, 200))
    ctx = bouw(geladen.agenda)
    pad = tmp_path / "grootstad.pdf"
    pad.write_bytes(render_pdf(ctx, geladen.bron, "grootstad.yaml"))
    pdf = PdfReader(pad)
    assert len(pdf.pages) > 100
    laatste = "".join(p.extract_text() for p in pdf.pages[-3:])
    assert "€ 100.000" in laatste.replace("\u00a0", " ")  # 200 x 500: the OCW total
    # Validated here, where it is made: its own JVM, about 35 s of CPU for 400 pages.
    fouten = afwijkingen(valideer([pad]))
    assert not fouten, "\n".join(fouten)
