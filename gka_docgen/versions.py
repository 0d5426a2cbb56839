"""The versions that decide the bytes of a document: the tool's and its libraries'.

Reproducible output holds for one set of these; `gka-docgen --version` names
them, so a rebuild can be done with the same set.
"""

from __future__ import annotations

import functools
import platform
from importlib.metadata import PackageNotFoundError, version

import gka_docgen

# The libraries whose version changes what a DOCX or PDF holds, byte for byte.
BEPALEND = (
    "python-docx",
    "docxtpl",
    "jinja2",
    "weasyprint",
    "pydyf",
    "tinycss2",
    "fonttools",
    "pyhanko",
    "babel",
    "pyyaml",
    "pydantic",
)


def _versie(pakket: str) -> str:
    try:
        return version(pakket)
    except PackageNotFoundError:
        return "niet geïnstalleerd"


def versies() -> list[str]:
    """Lines for `--version`: the tool, Python, each library, HarfBuzz subsetting."""
    from gka_docgen.harfbuzz import harfbuzz_ontbreekt

    return [
        f"gka-docgen {gka_docgen.__version__}",
        f"Python {platform.python_version()}",
        *(f"{pakket} {_versie(pakket)}" for pakket in BEPALEND),
        "libharfbuzz-subset " + ("ontbreekt" if harfbuzz_ontbreekt() else "aanwezig"),
    ]


# Between the lines of `versies()` where a PDF records them (its Creator, `versiestempel`).
SCHEIDING = "; "


@functools.cache
def versiestempel() -> str:
    """The versions that made a PDF, as one line for its /Creator and XMP CreatorTool."""
    return SCHEIDING.join(versies())


def uit_stempel(stempel: str) -> list[str]:
    """The lines of `versies()` a PDF recorded (empty for a PDF that recorded none)."""
    if not stempel.startswith("gka-docgen "):
        return []
    return stempel.split(SCHEIDING)
