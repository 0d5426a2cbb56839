"""The build's progress bar (rich), on standard error, naming each municipality."""

from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from gka_docgen.build.batch import BouwUitslag, Status

_KLEUR = {"gebouwd": "green", "ongewijzigd": "dim", "mislukt": "red"}


class Voortgang:
    def __init__(self, totaal: int) -> None:
        console = Console(stderr=True)
        # Only draw a bar for a person at a terminal; CI logs get the summary alone.
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not sys.stderr.isatty(),
        )
        self._taak = self._progress.add_task("agenda's maken", total=totaal)
        self._tellingen: dict[Status, int] = {"gebouwd": 0, "ongewijzigd": 0, "mislukt": 0}

    def __enter__(self) -> Voortgang:
        self._progress.start()
        return self

    def __exit__(
        self,
        soort: type[BaseException] | None,
        fout: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._progress.stop()

    @property
    def klaar(self) -> int:
        """How many agendas have an outcome so far."""
        return sum(self._tellingen.values())

    def aantal(self, status: Status) -> int:
        return self._tellingen[status]

    def stap(self, uitslag: BouwUitslag) -> None:
        self._tellingen[uitslag.status] += 1
        naam = uitslag.gemeente or uitslag.bron
        kleur = _KLEUR[uitslag.status]
        self._progress.update(
            self._taak, advance=1, description=f"[{kleur}]{uitslag.status}[/]: {naam}"
        )
