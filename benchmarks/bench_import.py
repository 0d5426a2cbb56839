"""How long `import` takes to read an 11-page DOCX back, warm, against rendering it.

Both run in this one process, interleaved, so the machine's noise hits them alike:
the figure to read is the median and the ratio import / render.

    .venv/bin/python -m benchmarks.bench_import
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from benchmarks.synthetic import agenda
from gka_docgen.context import bouw
from gka_docgen.docx_lezen import lees_docx
from gka_docgen.import_docx import naar_data
from gka_docgen.importer import yaml_tekst
from gka_docgen.model import Agenda
from gka_docgen.render_docx import render_docx

RONDES = 15


def _tijd(stap: Callable[[], object]) -> float:
    begin = time.perf_counter()
    stap()
    return time.perf_counter() - begin


def main() -> None:
    data = agenda("Zaanstad", random.Random(11))
    model = Agenda.model_validate(data)
    docx = render_docx(bouw(model))

    def importeer() -> object:
        return yaml_tekst(naar_data(lees_docx(docx, "x.docx")), "x.docx")

    def render() -> object:
        return render_docx(bouw(model))

    importeer(), render()  # warm: imports, templates
    importeren, renderen = [], []
    for _ in range(RONDES):
        importeren.append(_tijd(importeer))
        renderen.append(_tijd(render))
    i, r = statistics.median(importeren), statistics.median(renderen)
    print(f"{len(model.interventies)} interventies, DOCX {len(docx) // 1024} kB")
    print(f"import (DOCX -> YAML), median of {RONDES}: {i * 1000:.0f} ms")
    print(f"render (agenda -> DOCX), median of {RONDES}: {r * 1000:.0f} ms")
    print(f"ratio import / render: {i / r:.2f}")


if __name__ == "__main__":
    main()
