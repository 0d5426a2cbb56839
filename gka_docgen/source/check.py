"""`gka-docgen check`: validate agenda files and collect every problem."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from gka_docgen.errors import OngeldigeAgenda, Probleem
from gka_docgen.source.load import laad, laad_bytes


@dataclass
class CheckUitslag:
    gecontroleerd: int = 0
    problemen: list[Probleem] = field(default_factory=list)
    # Per valid concept: what a definitief version still needs (empty fields, located).
    nog_in_te_vullen: dict[str, list[Probleem]] = field(default_factory=dict)

    @property
    def ongeldig(self) -> int:
        return len({p.bestand for p in self.problemen})


def controleer(paden: Iterable[Path], *, definitief: bool = False) -> CheckUitslag:
    uitslag = CheckUitslag()
    for pad in paden:
        uitslag.gecontroleerd += 1
        try:
            geladen = laad(pad, definitief=definitief)
        except OngeldigeAgenda as fout:
            uitslag.problemen += fout.problemen
            continue
        if geladen.agenda.status == "concept" and not definitief:
            try:
                laad_bytes(geladen.bron, naam=str(pad), definitief=True)
            except OngeldigeAgenda as fout:
                uitslag.nog_in_te_vullen[str(pad)] = list(fout.problemen)
    return uitslag
