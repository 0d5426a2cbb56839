"""What the emoji fallback font costs a PDF: with it, without it, and with unicode-range.

    .venv/bin/python -m benchmarks.bench_emoji [--processen 6] [--herhaal 3]  # ~4 min

Each variant runs in fresh processes, alternated (A B C, B C A, ...): in one variant's
process the stylesheet and its fonts are set up, every example agenda and one agenda full
of emoji (tests/data/pdf/emoji.yaml) are rendered and written once to warm up, then
--herhaal times each. Times are CPU time (the machine is shared; wall-clock time swung
by 30 %). Prints, per document, the median over processes of each process's median, its
ratio to the variant without the fallback font, and the PDF's size; and the set-up.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import weasyprint
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # fontTools ships no types
from weasyprint.text.fonts import FontConfiguration

from gka_docgen.render.context import bouw
from gka_docgen.render.pdf import (
    CSS_BESTAND,
    HTML_SJABLOON,
    SjabloonFetcher,
    html_van,
    pdf_opties,
    sjabloon_url,
)
from gka_docgen.render.templates import FONTS, SJABLONEN
from gka_docgen.source.load import laad

ROOT = Path(__file__).resolve().parent.parent
AGENDAS = [
    ROOT / "agendas" / f"{n}.yaml" for n in ("almere", "hengelo", "s-hertogenbosch", "weert")
]
EMOJI = ROOT / "tests" / "data" / "pdf" / "emoji.yaml"
FAMILIES = '"GKA Sans", "GKA Emoji"'


def _bereiken() -> str:
    """The emoji font's characters as CSS unicode-range runs."""
    tekens = sorted(TTFont(FONTS / "NotoEmoji-Regular.ttf", lazy=True).getBestCmap())
    runs: list[list[int]] = []
    for t in tekens:
        if runs and t == runs[-1][1] + 1:
            runs[-1][1] = t
        else:
            runs.append([t, t])
    return ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in runs)


def varianten() -> dict[str, str]:
    css = (SJABLONEN / CSS_BESTAND).read_text(encoding="utf-8")
    assert FAMILIES in css
    emoji_face = 'src: url("gka-sjabloon:fonts/NotoEmoji-Regular.ttf");'
    # Without the @font-face too: a font it loads is also Fontconfig's last resort.
    regel = re.search(r"@font-face \{[^}]*" + re.escape(emoji_face) + r"[^}]*\}", css)
    assert regel is not None
    zonder = css.replace(regel[0], "").replace(FAMILIES, '"GKA Sans"')
    bereik = css.replace(emoji_face, f"{emoji_face}\n  unicode-range: {_bereiken()};")
    return {"zonder": zonder, "met": css, "unicode-range": bereik}


def motor(css: str) -> tuple[float, Any, Any, Any]:
    begin = time.process_time()
    fetcher = SjabloonFetcher(allowed_protocols=["gka-sjabloon"])
    fonts = FontConfiguration()
    sheet = weasyprint.CSS(
        string=css, base_url=sjabloon_url(CSS_BESTAND), url_fetcher=fetcher, font_config=fonts
    )
    return time.process_time() - begin, fetcher, fonts, sheet


def pdf(html: str, m: tuple[float, Any, Any, Any]) -> bytes:
    _, fetcher, fonts, sheet = m
    doc = weasyprint.HTML(string=html, base_url=sjabloon_url(HTML_SJABLOON), url_fetcher=fetcher)
    uit: bytes = doc.render(font_config=fonts, stylesheets=[sheet], **pdf_opties()).write_pdf(
        **pdf_opties()
    )
    return uit


def meet(variant: str, herhaal: int) -> dict[str, Any]:
    """In this (fresh) process: set-up of one variant, then each document `herhaal` times."""
    opzet, *m = motor(varianten()[variant])
    htmls = {p.stem: html_van(bouw(laad(p).agenda)) for p in (*AGENDAS, EMOJI)}
    tijden: dict[str, list[float]] = {agenda: [] for agenda in htmls}
    groottes = {agenda: len(pdf(html, (opzet, *m))) for agenda, html in htmls.items()}  # warm
    for _ in range(herhaal):
        for agenda, html in htmls.items():
            begin = time.process_time()
            pdf(html, (opzet, *m))
            tijden[agenda].append(time.process_time() - begin)
    mediaan = {agenda: statistics.median(t) for agenda, t in tijden.items()}
    return {"opzet": opzet, "tijden": mediaan, "groottes": groottes}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processen", type=int, default=6, help="fresh processes per variant")
    parser.add_argument("--herhaal", type=int, default=3, help="renders per document per process")
    parser.add_argument("--variant", help=argparse.SUPPRESS)  # a child process's one variant
    args = parser.parse_args()
    if args.variant:
        json.dump(meet(args.variant, args.herhaal), sys.stdout)
        return
    namen = list(varianten())
    uitslagen: dict[str, list[dict[str, Any]]] = {naam: [] for naam in namen}
    for ronde in range(args.processen):
        for naam in namen[ronde % len(namen) :] + namen[: ronde % len(namen)]:
            kind = [sys.executable, "-m", "benchmarks.bench_emoji", "--variant", naam]
            uit = subprocess.run(
                [*kind, "--herhaal", str(args.herhaal)],
                cwd=ROOT, capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            uitslagen[naam].append(json.loads(uit))
    opzet = {n: round(statistics.median(u["opzet"] for u in us), 3) for n, us in uitslagen.items()}
    print("set-up of stylesheet and fonts, once per process (s):", opzet)
    print(f"{'agenda':<16}" + "".join(f"{n:>28}" for n in namen))
    for agenda in uitslagen["zonder"][0]["tijden"]:
        basis = statistics.median(u["tijden"][agenda] for u in uitslagen["zonder"])
        cellen = []
        for naam in namen:
            med = statistics.median(u["tijden"][agenda] for u in uitslagen[naam])
            grootte = uitslagen[naam][0]["groottes"][agenda]
            cellen.append(f"{med:.3f} s {med / basis:.3f} {grootte:>7} B")
        print(f"{agenda:<16}" + "".join(f"{c:>28}" for c in cellen))


if __name__ == "__main__":
    main()
