"""The files shipped in agendas/ are valid and build: the one test module that reads them.

Users edit these examples and keep their own agendas beside them, so nothing here
asserts what they say; the tests that do read the copies in tests/data/voorbeelden/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import AGENDAS, run_cli


def _kopie(map_: Path) -> tuple[Path, list[Path]]:
    """`map_` with a copy of agendas/ (the YAML files and the schema), and those files."""
    paden = sorted(AGENDAS.glob("*.yaml"))
    assert paden, f"no agendas in {AGENDAS}"
    (map_ / "agendas").mkdir()
    for pad in [*paden, AGENDAS / "gka-agenda.schema.json"]:
        shutil.copy(pad, map_ / "agendas" / pad.name)
    return map_, paden


def test_the_schema_beside_the_examples_is_the_current_one() -> None:
    result = run_cli("schema")
    assert result.returncode == 0, result.stderr
    # Editors check the agendas against this file (the comment on each file's first line).
    assert (AGENDAS / "gka-agenda.schema.json").read_text(encoding="utf-8") == result.stdout


def test_every_file_in_agendas_passes_check(tmp_path: Path) -> None:
    werk, paden = _kopie(tmp_path)
    result = run_cli("check", cwd=werk)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(paden)} bestand" in result.stdout
    assert "alles in orde." in result.stdout


@pytest.mark.slow
def test_every_file_in_agendas_builds(tmp_path: Path) -> None:
    werk, paden = _kopie(tmp_path)
    result = run_cli("build", cwd=werk)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(paden)} gemaakt, 0 ongewijzigd, 0 mislukt" in result.stdout
    for soort in ("docx", "pdf"):
        assert len(list((werk / "out").rglob(f"*.{soort}"))) == len(paden), soort
