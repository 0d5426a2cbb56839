"""LibreOffice opens every example DOCX and converts it to PDF without error; it shows
and keeps the signature lines of a definitief DOCX."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from gka_docgen.render.context import bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.source.load import laad
from tests.conftest import DATA, VOORBEELDEN

SOFFICE = shutil.which("soffice")
AGENDA_BESTANDEN = [*VOORBEELDEN, *sorted((DATA / "docx").glob("*.yaml"))]


def _soffice(
    tmp_path: Path, doel: str, uit: Path, bestanden: list[Path]
) -> subprocess.CompletedProcess[str]:
    """Convert with LibreOffice, on a profile of its own (no clash with a running one)."""
    assert SOFFICE is not None
    profiel = (tmp_path / "lo-profiel").as_uri()
    uitvoer = subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation={profiel}",
            *("--convert-to", doel, "--outdir", str(uit)),
            *map(str, bestanden),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert uitvoer.returncode == 0, uitvoer.stderr
    return uitvoer


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
        titels[pad.stem] = context.document.korte_titel
    # One soffice call for all files.
    uitvoer = _soffice(tmp_path, "pdf", pdf_map, sorted(docx_map.iterdir()))
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


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_libreoffice_shows_and_keeps_the_signature_lines(tmp_path: Path) -> None:
    context = bouw(laad(DATA / "docx" / "almere-definitief.yaml").agenda)
    regels = [o.handtekeningregel for o in context.ondertekening.ondertekenaars]
    docx = tmp_path / "definitief.docx"
    docx.write_bytes(render_docx(context))

    # Shown: the text of each line's picture (X, name, function, organisation, in that
    # order) is in LibreOffice's PDF; the organisation appears nowhere else after the name.
    _soffice(tmp_path, "pdf", tmp_path / "pdf", [docx])
    tekst = subprocess.run(
        ["pdftotext", str(tmp_path / "pdf" / "definitief.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    regels_pdf = [r.strip() for r in tekst.splitlines() if r.strip()]
    for regel in regels:
        begin = regels_pdf.index(regel.ondertekenaar, regels_pdf.index("X"))
        assert regels_pdf[begin - 1 : begin + 3] == [
            "X",
            regel.ondertekenaar,
            regel.functie,
            regel.organisatie,
        ]
        regels_pdf = regels_pdf[begin + 3 :]

    # Kept: saved as DOCX again, every signature line is still there, with its signer.
    _soffice(tmp_path, "docx:MS Word 2007 XML", tmp_path / "weer", [docx])
    xml = Document(str(tmp_path / "weer" / "definitief.docx")).element
    o = "urn:schemas-microsoft-com:office:office"
    lijnen = list(xml.iter(f"{{{o}}}signatureline"))
    assert [(x.get("id"), x.get(f"{{{o}}}suggestedsigner")) for x in lijnen] == [
        (r.id, r.ondertekenaar) for r in regels
    ]
    assert [x.get(f"{{{o}}}suggestedsigner2") for x in lijnen] == [r.titel for r in regels]
