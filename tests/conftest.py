"""Shared test helpers: paths and running the real CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the property tests draw the same examples every run, so a red build is
# reproducible; on a developer's machine they explore new ones each run.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
AGENDAS = ROOT / "agendas"


def run_cli(
    *args: str, cwd: Path = ROOT, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `gka-docgen ARGS` as a user would, in a fresh process.

    `env` adds variables to this process's environment. Standard input is empty, so
    a command that prompts fails instead of waiting.
    """
    return subprocess.run(
        [sys.executable, "-m", "gka_docgen.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test with the repository as working directory (paths as users type them)."""
    monkeypatch.chdir(ROOT)
    return ROOT
