"""The one output channel: results on standard output, messages on standard error.

Results are what a command made or found to be in order (a path, a summary);
messages are problems and what to do about them, prefixed with the tool's name
unless they are located problems (`file:line:col: field: ...`). No command
prints any other way.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

from gka_docgen.errors import Probleem

NAAM = "gka-docgen"


def resultaat(tekst: str) -> None:
    sys.stdout.write(tekst + "\n")
    sys.stdout.flush()


def melding(tekst: str, *regels: str) -> None:
    """A message; `regels` follow it indented (a list of files, say)."""
    sys.stderr.write(f"{NAAM}: {tekst}\n" + "".join(f"  {r}\n" for r in regels))
    sys.stderr.flush()


def problemen(lijst: Iterable[Probleem]) -> None:
    for p in lijst:
        sys.stderr.write(f"{p}\n")
    sys.stderr.flush()


def meervoud(n: int, een: str, meer: str) -> str:
    """'1 bestand', '4 bestanden'."""
    return f"{n} {een if n == 1 else meer}"


def tabel(koppen: Sequence[str], rijen: Iterable[Sequence[str]]) -> None:
    """A table on standard output: drawn with rich in a terminal, tab-separated in a pipe."""
    if not sys.stdout.isatty():
        for rij in (koppen, *rijen):
            sys.stdout.write("\t".join(rij) + "\n")
        sys.stdout.flush()
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(*koppen)
    for rij in rijen:
        t.add_row(*rij)
    Console().print(t)
