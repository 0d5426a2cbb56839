"""`gka-docgen extract`: the YAML back out of the PDF, byte for byte, never overwriting."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli as cli
from tests.pdfhulp import DEFINITIEF, render


@pytest.mark.slow
def test_extract_writes_the_source_back_byte_for_byte(tmp_path: Path) -> None:
    geladen, _, pdf = render(DEFINITIEF)
    pad = tmp_path / "agenda.pdf"
    pad.write_bytes(pdf)

    r = cli("extract", str(pad))
    assert r.returncode == 0, r.stderr
    standaard = tmp_path / DEFINITIEF.name
    assert standaard.read_bytes() == DEFINITIEF.read_bytes() == geladen.bron

    doel = tmp_path / "terug.yaml"
    assert cli("extract", str(pad), "--uit", str(doel)).returncode == 0
    assert doel.read_bytes() == geladen.bron

    doel.write_bytes(b"van mij")
    r = cli("extract", str(pad), "--uit", str(doel))
    assert r.returncode == 1
    assert "bestaat al" in r.stderr
    assert doel.read_bytes() == b"van mij"

    assert cli("extract", str(pad), "--uit", str(doel), "--force").returncode == 0
    assert doel.read_bytes() == geladen.bron


def test_extract_refuses_a_pdf_without_agenda(tmp_path: Path) -> None:
    import weasyprint

    vreemd = tmp_path / "vreemd.pdf"
    vreemd.write_bytes(weasyprint.HTML(string="<p>x</p>").write_pdf())
    r = cli("extract", str(vreemd), "--uit", str(tmp_path / "x.yaml"))
    assert r.returncode == 1
    assert "niet door gka-docgen gemaakt" in r.stderr
    assert not (tmp_path / "x.yaml").exists()
