"""Free text as the documents print it: paragraphs and bulleted lists of lines.

One reading of a YAML text for every part that needs it: the renderers print
these blocks, and the comparison counts two texts the same when they print the
same blocks (a line wrapped differently is no change).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Regel:
    """One line of text."""

    tekst: str
    open: bool = False  # an empty field of a concept: the placeholder, highlighted
    url: str = ""  # the line is a hyperlink to this address


@dataclass(frozen=True)
class Blok:
    """A paragraph (`alinea`, one line) or a bulleted list (`opsomming`, one line per item)."""

    soort: Literal["alinea", "opsomming"]
    regels: tuple[Regel, ...]


Tekstblokken = tuple[Blok, ...]


def blokken_van(waarde: str) -> Tekstblokken:
    blokken: list[Blok] = []
    alinea: list[str] = []
    punten: list[str] = []

    def sluit() -> None:
        if alinea:
            blokken.append(Blok("alinea", (Regel(" ".join(alinea)),)))
            alinea.clear()
        if punten:
            blokken.append(Blok("opsomming", tuple(Regel(p) for p in punten)))
            punten.clear()

    for ruw in waarde.splitlines():
        r = ruw.strip()
        if not r:
            sluit()
        elif r == "-" or r.startswith(("- ", "• ")):
            if alinea:
                sluit()
            punten.append(r[1:].strip())
        elif punten and ruw[:1].isspace():
            punten[-1] = f"{punten[-1]} {r}".strip()
        else:
            if punten:
                sluit()
            alinea.append(r)
    sluit()
    return tuple(blokken)
