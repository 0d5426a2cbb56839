"""`gka-docgen check`: validate agenda files and collect every problem."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from gka_docgen.errors import OngeldigeAgenda, Probleem
from gka_docgen.load import laad


@dataclass
class CheckUitslag:
    gecontroleerd: int = 0
    problemen: list[Probleem] = field(default_factory=list)

    @property
    def ongeldig(self) -> int:
        return len({p.bestand for p in self.problemen})


def controleer(paden: Iterable[Path], *, definitief: bool = False) -> CheckUitslag:
    uitslag = CheckUitslag()
    for pad in paden:
        uitslag.gecontroleerd += 1
        try:
            laad(pad, definitief=definitief)
        except OngeldigeAgenda as fout:
            uitslag.problemen += fout.problemen
    return uitslag
