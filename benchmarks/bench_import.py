"""How long `import` takes to read an 11-page DOCX back, warm, against rendering it; and
an 11-page PDF made elsewhere (the same DOCX exported by LibreOffice, as Word exports it).

Both DOCX steps run in this one process, interleaved, so the machine's noise hits them
alike: the figure to read is the median and the ratio import / render. The PDF is made
once, before timing, by one LibreOffice call (skipped, with a note, without `soffice`).

    .venv/bin/python -m benchmarks.bench_import
"""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from gka_docgen.document.model import Agenda
from gka_docgen.importing.docx_reader import lees_docx
from gka_docgen.importing.from_docx import naar_data
from gka_docgen.importing.from_pdf import lees_pdf_opmaak
from gka_docgen.importing.importer import yaml_tekst
from gka_docgen.render.context import bouw
from gka_docgen.render.docx import render_docx
from tests.synthetic import agenda

RONDES = 15


def _tijd(stap: Callable[[], object]) -> float:
    begin = time.perf_counter()
    stap()
    return time.perf_counter() - begin


def _als_pdf(docx: bytes) -> bytes | None:
    """The DOCX exported to PDF by LibreOffice: a PDF with no YAML inside."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as map_:
        (Path(map_) / "a.docx").write_bytes(docx)
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation={Path(map_, 'lo').as_uri()}",
             "--convert-to", "pdf", "--outdir", map_, str(Path(map_) / "a.docx")],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        return (Path(map_) / "a.pdf").read_bytes()


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

    # Seed 12: 6 interventions, 11 pages as LibreOffice lays them out (seed 11's: 17).
    pdf = _als_pdf(render_docx(bouw(Agenda.model_validate(agenda("Zaanstad", random.Random(12))))))
    if pdf is None:
        print("import of a PDF made elsewhere: skipped (LibreOffice is not installed)")
        return
    from io import BytesIO

    from pypdf import PdfReader

    def importeer_pdf() -> object:
        return yaml_tekst(naar_data(lees_pdf_opmaak(pdf, "x.pdf")), "x.pdf", uit_pdf=True)

    importeer_pdf()  # warm
    p = statistics.median(_tijd(importeer_pdf) for _ in range(RONDES))
    paginas = len(PdfReader(BytesIO(pdf)).pages)
    print(f"import (PDF from LibreOffice, {paginas} pages, {len(pdf) // 1024} kB -> YAML), "
          f"median of {RONDES}: {p * 1000:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
