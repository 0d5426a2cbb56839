"""How long `compare --word` takes to track the changes between two DOCX files, against
rendering one of them: an 11-page synthetic agenda with a few edits (words changed, an
intervention added, one removed), and two unrelated agendas (every block differs).

The render and the tracking run in this one process, interleaved, so the machine's noise
hits them alike: the figures to read are the medians and the ratio tracking / render.

    .venv/bin/python -m benchmarks.bench_compare_word
"""

from __future__ import annotations

import copy
import functools
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from gka_docgen.document.model import Agenda
from gka_docgen.render.context import bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.render.docx_changes import AUTEUR, Revisie, met_wijzigingen
from tests.synthetic import agenda

RONDES = 9
REVISIE = Revisie(AUTEUR, datetime(2026, 12, 3, tzinfo=UTC))


def _tijd(stap: Callable[[], object]) -> float:
    begin = time.perf_counter()
    stap()
    return time.perf_counter() - begin


def _bewerkt(data: dict[str, Any]) -> dict[str, Any]:
    nieuw = copy.deepcopy(data)
    interventies = nieuw["interventies"]
    interventies[0]["doel"] = "Alle " + interventies[0]["doel"]
    interventies[2]["omschrijving_activiteiten"] += "\n\nEen nieuwe alinea."
    weg = interventies.pop(1)["naam"]
    nieuw["begroting"]["regels"] = [
        r for r in nieuw["begroting"]["regels"] if r["interventie"] != weg
    ]
    interventies.append(dict(interventies[0], naam="Nieuwe aanpak"))
    nieuw["begroting"]["regels"].append(
        dict(nieuw["begroting"]["regels"][0], interventie="Nieuwe aanpak")
    )
    return nieuw


def _docx(data: dict[str, Any]) -> bytes:
    return render_docx(bouw(Agenda.model_validate(data)))


def main() -> None:
    oud = agenda("Zaanstad", random.Random(11))
    paren = {
        "a few edits": (oud, _bewerkt(oud)),
        "unrelated": (oud, agenda("Weert", random.Random(12))),
    }
    for naam, (a, b) in paren.items():
        voor, na = _docx(a), _docx(b)
        render, volgen = [], []
        for _ in range(RONDES):
            render.append(_tijd(functools.partial(_docx, b)))
            volgen.append(_tijd(functools.partial(met_wijzigingen, voor, na, REVISIE)))
        r, v = statistics.median(render), statistics.median(volgen)
        print(
            f"{naam}: {len(a['interventies'])} -> {len(b['interventies'])} interventions; "
            f"render one DOCX {r * 1000:.0f} ms, track the changes {v * 1000:.0f} ms "
            f"(median of {RONDES}), ratio {v / r:.2f}"
        )


if __name__ == "__main__":
    main()
