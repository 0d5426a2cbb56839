"""LibreOffice opens every example DOCX and converts it to PDF without error."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from gka_docgen.context import bouw
from gka_docgen.load import laad
from gka_docgen.render_docx import render_docx
from tests.conftest import DATA, VOORBEELDEN

SOFFICE = shutil.which("soffice")
AGENDA_BESTANDEN = [*VOORBEELDEN, *sorted((DATA / "docx").glob("*.yaml"))]


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_every_example_to_pdf(tmp_path: Path) -> None:
    assert SOFFICE is not None
    docx_map, pdf_map = tmp_path / "docx", tmp_path / "pdf"
    docx_map.mkdir()
    titels = {}
    for pad in AGENDA_BESTANDEN:
        context = bouw(laad(pad).agenda)
        (docx_map / f"{pad.stem}.docx").write_bytes(render_docx(context))
        titels[pad.stem] = context.korte_titel
    # One soffice call for all files, with a profile of its own (no clash with a running one).
    profiel = (tmp_path / "lo-profiel").as_uri()
    uitvoer = subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation={profiel}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(pdf_map),
            *sorted(str(p) for p in docx_map.iterdir()),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert uitvoer.returncode == 0, uitvoer.stderr
    for stem, titel in titels.items():
        pdf = pdf_map / f"{stem}.pdf"
        assert pdf.is_file(), f"{stem}: {uitvoer.stdout}\n{uitvoer.stderr}"
        assert pdf.read_bytes().startswith(b"%PDF")
        if shutil.which("pdftotext"):
            tekst = subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            # The header is on the first page: LibreOffice read the document, not an empty shell.
            assert titel in tekst
