"""Which agenda files a command works on."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gka_docgen.errors import DocgenError

AGENDAS = Path("agendas")


class OngeldigPad(DocgenError):
    """A path on the command line that is not an agenda file or folder."""


class GeenAgendas(DocgenError):
    """The folders named hold no agenda file: nothing to check or build."""


def agenda_bestanden(paden: Sequence[Path] | None) -> list[Path]:
    """The YAML files named, with folders expanded; default: every file in agendas/."""
    if not paden:
        if not AGENDAS.is_dir():
            raise OngeldigPad(
                f"de map {AGENDAS}/ bestaat niet hier; geef bestanden op of "
                "maak een agenda met gka-docgen new"
            )
        paden = [AGENDAS]
    bestanden: list[Path] = []
    for pad in paden:
        if pad.is_dir():
            bestanden += sorted(p for p in pad.glob("*.y*ml") if p.suffix in {".yaml", ".yml"})
        elif pad.is_file():
            bestanden.append(pad)
        else:
            raise OngeldigPad(f"{pad} bestaat niet")
    if not bestanden:
        mappen = ", ".join(f"{p}/" for p in paden)
        raise GeenAgendas(
            f'geen agendabestanden (.yaml) in {mappen}; maak er een met: gka-docgen new "Naam"'
        )
    return bestanden
