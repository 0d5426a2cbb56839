"""Batch build benchmark: gka-docgen against the docxtpl + LibreOffice route, in one run.

    .venv/bin/python -m benchmarks.bench_build [--n 342] [--repeat 5] [--no-libreoffice]

Generates N synthetic agendas (tests/synthetic.py) in a temporary directory and
measures, each build in a fresh process as a user runs it:
  1. full build, DOCX + PDF, with 1 job and with all cores (speed-up = ratio);
  2. the no-op rebuild (everything current), median of --repeat runs;
  3. the rebuild after one file changed, from a cold CLI start, median;
  4. one agenda from a cold CLI start (--force), median;
  5. peak resident memory per worker process;
  6. the baseline: the same DOCX files (docx-only build, all cores) plus one
     `soffice --convert-to pdf` call over all of them;
  7. the PDF step against WeasyPrint's own time for the same HTML, per document, median.
Prints a table with medians and ratios; --json writes the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.synthetic import schrijf

ROOT = Path(__file__).resolve().parent.parent


def _cli(werk: Path, *args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    begin = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "gka_docgen.cli", *args],
        cwd=werk,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    seconden = time.perf_counter() - begin
    if result.returncode != 0:
        raise SystemExit(f"gka-docgen {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return seconden, result


def _api_build(werk: Path, uit: str, jobs: int, formaten: str) -> dict[str, Any]:
    """A full build through the API in a fresh process, for per-worker figures."""
    code = (
        "import json, sys, time\n"
        "from pathlib import Path\n"
        "from gka_docgen.build.batch import bouw_alles\n"
        "paden = sorted(Path('agendas').glob('*.yaml'))\n"
        f"r = bouw_alles(paden, {formaten}, Path({uit!r}), jobs={jobs}, forceer=True)\n"
        "assert not r.problemen, r.problemen[:3]\n"
        "json.dump({'seconden': r.seconden,\n"
        "  'per_agenda': [u.seconden for u in r.uitslagen],\n"
        "  'piek_kb': [u.piekgeheugen_kb for u in r.uitslagen]}, sys.stdout)\n"
    )
    begin = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=werk,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    data: dict[str, Any] = json.loads(result.stdout)
    data["wand"] = time.perf_counter() - begin  # wall time including interpreter start
    return data


def _libreoffice(werk: Path, docx: list[Path]) -> tuple[float, int] | None:
    """Seconds for LibreOffice to convert all `docx`, and how many calls that took.

    One call over all files, as other tools do. LibreOffice 7.4 was seen to stop
    silently (exit 0) after a few hundred files; the rest then get further calls,
    whose time is added.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    profiel = f"file://{werk / 'lo-profiel'}"
    uit = werk / "lo-pdf"
    base = [soffice, f"-env:UserInstallation={profiel}", "--headless", "--convert-to", "pdf"]
    # A first, untimed call creates the profile, as on a machine that has used LibreOffice.
    subprocess.run([*base, "--outdir", str(werk / "lo-warm"), str(docx[0])], check=True,
                   capture_output=True)  # fmt: skip
    seconden, aanroepen, over = 0.0, 0, docx
    while over and aanroepen < 10:
        begin = time.perf_counter()
        subprocess.run(
            [*base, "--outdir", str(uit), *map(str, over)], check=True, capture_output=True
        )
        seconden += time.perf_counter() - begin
        aanroepen += 1
        klaar = {p.stem for p in uit.glob("*.pdf")}
        over = [p for p in over if p.stem not in klaar]
    if over:
        raise SystemExit(f"LibreOffice did not convert {len(over)} files in {aanroepen} calls")
    return seconden, aanroepen


def _pdf_stap(paden: list[Path], aantal: int) -> dict[str, float]:
    """Our PDF step vs WeasyPrint alone on the same HTML, same process, interleaved."""
    import weasyprint

    from gka_docgen.render.context import bouw
    from gka_docgen.render.pdf import (
        HTML_SJABLOON,
        html_van,
        motor,
        pdf_opties,
        render_pdf,
        sjabloon_url,
    )
    from gka_docgen.source.load import laad

    m = motor()
    ons: list[float] = []
    kaal: list[float] = []
    for pad in paden[:aantal]:
        geladen = laad(pad)
        ctx = bouw(geladen.agenda)
        render_pdf(ctx, geladen.bron, pad.name)  # warm
        begin = time.perf_counter()
        render_pdf(ctx, geladen.bron, pad.name)
        ons.append(time.perf_counter() - begin)
        begin = time.perf_counter()
        weasyprint.HTML(
            string=html_van(ctx), base_url=sjabloon_url(HTML_SJABLOON), url_fetcher=m.fetcher
        ).write_pdf(font_config=m.font_config, stylesheets=[m.stylesheet], **pdf_opties())
        kaal.append(time.perf_counter() - begin)
    return {"ons_mediaan": statistics.median(ons), "weasyprint_mediaan": statistics.median(kaal)}


class _Meldend(dict[str, Any]):
    """The results, each printed the moment it is measured (a late failure loses none)."""

    def __setitem__(self, sleutel: str, waarde: Any) -> None:
        super().__setitem__(sleutel, waarde)
        tekst = f"{waarde:.3f}" if isinstance(waarde, float) else str(waarde)
        print(f"{sleutel:32} {tekst}", flush=True)

    def voeg_toe(self, ander: dict[str, Any]) -> None:
        for sleutel, waarde in ander.items():
            self[sleutel] = waarde


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=342)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--pdf-sample", type=int, default=20)
    parser.add_argument("--no-libreoffice", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    werk = Path(tempfile.mkdtemp(prefix="gka-bench-"))
    r = _Meldend()
    paden = schrijf(werk / "agendas", args.n)
    r["machine"] = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    r["datum"] = time.strftime("%Y-%m-%d")
    r["n"] = args.n
    print(f"{args.n} agendas in {werk}", file=sys.stderr)

    een = _api_build(werk, "out-1", 1, "('docx', 'pdf')")
    r["volledig_1_job_s"] = een["wand"]
    alle = _api_build(werk, "out", args.jobs, "('docx', 'pdf')")
    r[f"volledig_{args.jobs}_jobs_s"] = alle["wand"]
    r["versnelling"] = een["wand"] / alle["wand"]
    r["per_agenda_mediaan_s"] = statistics.median(een["per_agenda"])
    r["piekgeheugen_per_werker_mib"] = max(alle["piek_kb"]) / 1024
    r["piekgeheugen_spreiding_mib"] = (min(alle["piek_kb"]) / 1024, max(alle["piek_kb"]) / 1024)

    _cli(werk, "build")  # writes the manifest for the incremental runs below
    r["noop_mediaan_s"] = statistics.median(_cli(werk, "build")[0] for _ in range(args.repeat))
    gewijzigd = []
    for i in range(args.repeat):
        pad = paden[i]
        pad.write_text(pad.read_text(encoding="utf-8") + f"# wijziging {i}\n", encoding="utf-8")
        seconden, result = _cli(werk, "build")
        assert "1 gemaakt" in result.stdout, result.stdout
        gewijzigd.append(seconden)
    r["een_gewijzigd_mediaan_s"] = statistics.median(gewijzigd)
    r["koud_een_agenda_mediaan_s"] = statistics.median(
        _cli(werk, "build", str(paden[0].relative_to(werk)), "--uit", "out-koud", "--force")[0]
        for _ in range(args.repeat)
    )

    docx = _api_build(werk, "out-docx", args.jobs, "('docx',)")
    r["docx_alleen_s"] = docx["wand"]
    if not args.no_libreoffice:
        bestanden = sorted((werk / "out-docx").rglob("*.docx"))
        lo = _libreoffice(werk, bestanden)
        if lo is not None:
            r["libreoffice_s"], r["libreoffice_aanroepen"] = lo
            r["baseline_docx_plus_lo_s"] = docx["wand"] + lo[0]
            r["ons_vs_baseline"] = alle["wand"] / r["baseline_docx_plus_lo_s"]

    r.voeg_toe(_pdf_stap(paden, args.pdf_sample))
    r["pdf_stap_overhead"] = r["ons_mediaan"] / r["weasyprint_mediaan"] - 1

    if args.json:
        args.json.write_text(json.dumps(r, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    shutil.rmtree(werk, ignore_errors=True)


if __name__ == "__main__":
    main()
