"""Every file in tests/data/invalid/ gives exactly the messages in its .expected file.

A new case is a new pair of files, not new code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gka_docgen.source.check import controleer
from tests.conftest import DATA, ROOT, run_cli

INVALID = sorted((DATA / "invalid").glob("*.yaml"))


def _expected(path: Path) -> list[str]:
    return path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_file_gives_exact_located_messages(path: Path, in_root: Path) -> None:
    relative = path.relative_to(ROOT)
    result = controleer([relative])
    assert [str(p) for p in result.problemen] == _expected(path)


def test_every_invalid_case_has_expectations() -> None:
    assert len(INVALID) >= 35
    for path in INVALID:
        lines = _expected(path)
        assert lines, f"{path.name}: an invalid file must give at least one message"
        assert all(line.startswith(f"tests/data/invalid/{path.name}:") for line in lines)


def test_cli_reports_all_files_exits_1_and_never_shows_a_traceback() -> None:
    result = run_cli("check", "tests/data/invalid")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    for path in INVALID:
        for line in _expected(path):
            assert line in result.stderr.splitlines()
    assert f"{len(INVALID)} bestanden gecontroleerd: {len(INVALID)} met problemen" in result.stdout
