"""Shared test helpers: paths, running the real CLI in a subprocess, the WeasyPrint guard."""

from __future__ import annotations

import functools
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from hypothesis import settings

from gka_docgen.render.templates import FONTS

# In CI the property tests draw the same examples every run, so a red build is
# reproducible; on a developer's machine they explore new ones each run.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
# The shipped examples users edit (and keep their own files beside): only
# tests/test_voorbeelden.py reads them, and it asserts that they check and build,
# never what they say.
AGENDAS = ROOT / "agendas"
# Copies of the four examples as they were when the tests were written: every test
# that asserts what an example says reads these, so editing agendas/ breaks no test.
VOORBEELDEN = tuple(
    DATA / "voorbeelden" / f"{n}.yaml" for n in ("almere", "hengelo", "s-hertogenbosch", "weert")
)


def voorbeeldmap(map_: Path, *extra: Path) -> Path:
    """`map_` with an agendas/ folder holding copies of the examples (and `extra`)."""
    agendas = map_ / "agendas"
    agendas.mkdir()
    for pad in (*VOORBEELDEN, *extra):
        shutil.copy(pad, agendas / pad.name)
    return map_


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


# The one warning WeasyPrint may give, a known limitation (NOTES.md): a character
# the embedded fonts lack is drawn as a box but stays in the text layer. Only for a
# character no font in templates/fonts/ has: an emoji of the fallback font that came
# out as a box would fail the test.
BEKENDE_BEPERKING = ".notdef glyph rendered for Unicode string unsupported by fonts"


@functools.cache
def _getekende_tekens() -> frozenset[int]:
    """What the PDF's fonts draw in every style: DejaVu Sans in all four faces, and Noto Emoji."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # no types shipped

    def tekens(naam: str) -> set[int]:
        return set(TTFont(FONTS / naam, lazy=True).getBestCmap())

    faces = ("", "-Bold", "-Oblique", "-BoldOblique")
    sans = set.intersection(*(tekens(f"DejaVuSans{face}.ttf") for face in faces))
    return frozenset(sans | tekens("NotoEmoji-Regular.ttf"))


def bekende_beperking(melding: str) -> bool:
    """A .notdef warning for a character that none of our fonts has."""
    gevonden = re.search(r"\(U\+([0-9A-F]{4,6})\)$", melding)
    return (
        melding.startswith(BEKENDE_BEPERKING)
        and gevonden is not None
        and int(gevonden[1], 16) not in _getekende_tekens()
    )


class Verzamelaar(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.meldingen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.meldingen.append(record.getMessage())


@pytest.fixture(autouse=True)
def geen_weasyprint_waarschuwingen() -> Iterator[None]:
    """Every test fails on a warning WeasyPrint logs (bad CSS, a failed fetch).

    WeasyPrint logs these instead of raising. No test can switch this off: the
    level is reset before each test, and a test that raises it fails.
    """
    logger = logging.getLogger("weasyprint")
    logger.setLevel(logging.WARNING)
    verzamelaar = Verzamelaar()
    logger.addHandler(verzamelaar)
    try:
        yield
    finally:
        logger.removeHandler(verzamelaar)
    assert logger.getEffectiveLevel() <= logging.WARNING, "a test switched the guard off"
    onbekend = [m for m in verzamelaar.meldingen if not bekende_beperking(m)]
    assert not onbekend, f"WeasyPrint waarschuwde: {onbekend}"
