"""Running header and footer: margin-box strings (today) against running elements (before).

    .venv/bin/python -m benchmarks.bench_kopvoet [--processen 6] [--herhaal 3]  # ~3 min

The baseline, running elements (`position: running()` divs in the body, `element()` in
the margin boxes), is rebuilt here from today's templates by swapping the few lines that
differ. Each variant runs in fresh processes, alternated (A B, B A, ...): the stylesheet
and fonts are set up, the four examples and a definitief are rendered once to warm up,
then --herhaal times each; and a synthetic agenda of 20 interventions (45 pages),
where the header and footer are laid out on many pages. CPU time (the machine is shared), layout and layout + writing
the PDF (with `render_pdf`'s finisher). Prints, per document, the median over processes of
each process's median and the ratio of today's variant to the baseline.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTEN = [
    *(ROOT / "agendas" / f"{n}.yaml" for n in ("almere", "hengelo", "s-hertogenbosch", "weert")),
    ROOT / "tests" / "data" / "pdf" / "almere-definitief.yaml",
]
GROOT = 20  # interventions in the synthetic agenda also measured (grootstad, 45 pages)
MARGE_STRINGS = "marge-strings"
LOPENDE_ELEMENTEN = "lopende-elementen"

# Today's lines -> the running-element lines they replaced (issue 23).
_HTML_BODY = (
    ' data-kopregel="{{ document.korte_titel }}" data-pagina="{{ document.pagina }}"'
    ' data-van="{{ document.van }}">\n',
    """>
<div class="kopregel">{{ document.korte_titel }}</div>
<div class="voetregel">{{ document.pagina }} <span class="paginanummer"></span> {{ document.van }} <span class="paginatotaal"></span></div>
""",
)
_CSS_KOP = (
    """    content: string(kopregel);""",
    """    content: element(kopregel);""",
)
_CSS_VOET = (
    """    content: string(pagina) " " counter(page) " " string(van) " " counter(pages);""",
    """    content: element(voetregel);""",
)
_CSS_BODY = (
    """body { string-set: kopregel attr(data-kopregel), pagina attr(data-pagina), van attr(data-van); }""",
    """.kopregel { position: running(kopregel); font-size: 8pt; color: #555; }
.voetregel { position: running(voetregel); font-size: 8pt; color: #555; text-align: right; }
.paginanummer::before { content: counter(page); }
.paginatotaal::before { content: counter(pages); }""",
)


def _bron(variant: str) -> tuple[str, str]:
    """(HTML template, stylesheet) of `variant`."""
    from gka_docgen.render.pdf import CSS_BESTAND, HTML_SJABLOON
    from gka_docgen.render.templates import SJABLONEN

    html = (SJABLONEN / HTML_SJABLOON).read_text(encoding="utf-8")
    css = (SJABLONEN / CSS_BESTAND).read_text(encoding="utf-8")
    if variant == LOPENDE_ELEMENTEN:
        if _HTML_BODY[0] not in html:
            raise SystemExit("agenda.html.j2 changed: update _HTML_BODY")
        html = html.replace(*_HTML_BODY)
        for nu, toen in (_CSS_KOP, _CSS_VOET, _CSS_BODY):
            if nu not in css:
                raise SystemExit(f"agenda.css changed: {nu!r} is gone")
            css = css.replace(nu, toen)
    return html, css


def _meet(variant: str, herhaal: int) -> dict[str, dict[str, float]]:
    """In this process: per document, the median CPU time of layout and of layout + PDF."""
    import functools
    import tempfile

    import jinja2
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    from gka_docgen.render.context import als_dict, bouw
    from gka_docgen.render.pdf import (
        CSS_BESTAND,
        HTML_SJABLOON,
        SjabloonFetcher,
        jinja_omgeving,
        pdf_opties,
        sjabloon_url,
    )
    from gka_docgen.render.pdf_ua import maak_af
    from gka_docgen.source.load import laad
    from tests.synthetic import groot_agenda

    html_bron, css_bron = _bron(variant)
    fetcher = SjabloonFetcher(allowed_protocols=["gka-sjabloon"])
    fonts = FontConfiguration()
    css = weasyprint.CSS(
        string=css_bron, base_url=sjabloon_url(CSS_BESTAND), url_fetcher=fetcher, font_config=fonts
    )
    sjabloon: jinja2.Template = jinja_omgeving().from_string(html_bron)
    uit: dict[str, dict[str, float]] = {}
    map_ = Path(tempfile.mkdtemp())
    for pad in [*DOCUMENTEN, groot_agenda(map_, GROOT)]:
        context = bouw(laad(pad).agenda)
        html = sjabloon.render(als_dict(context))
        af = functools.partial(maak_af, concept=context.document.concept)
        opmaak, geheel = [], []
        for ronde in range(herhaal + 1):
            begin = time.process_time()
            document = weasyprint.HTML(
                string=html, base_url=sjabloon_url(HTML_SJABLOON), url_fetcher=fetcher
            ).render(font_config=fonts, stylesheets=[css], **pdf_opties())
            midden = time.process_time()
            document.write_pdf(finisher=af, **pdf_opties())
            einde = time.process_time()
            if ronde:  # the first round warms up
                opmaak.append(midden - begin)
                geheel.append(einde - begin)
        uit[pad.stem] = {"opmaak": statistics.median(opmaak), "pdf": statistics.median(geheel)}
    return uit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processen", type=int, default=6)
    parser.add_argument("--herhaal", type=int, default=3)
    parser.add_argument("--variant", help=argparse.SUPPRESS)  # one process's share
    args = parser.parse_args()
    if args.variant:
        json.dump(_meet(args.variant, args.herhaal), sys.stdout)
        return
    metingen: dict[str, list[dict[str, dict[str, float]]]] = {
        MARGE_STRINGS: [],
        LOPENDE_ELEMENTEN: [],
    }
    volgorde = [LOPENDE_ELEMENTEN, MARGE_STRINGS]
    for ronde in range(args.processen):
        for variant in volgorde if ronde % 2 == 0 else volgorde[::-1]:
            uit = subprocess.run(
                [sys.executable, "-m", "benchmarks.bench_kopvoet", "--variant", variant,
                 "--herhaal", str(args.herhaal)],
                check=True, capture_output=True, text=True, cwd=ROOT,
            ).stdout  # fmt: skip
            metingen[variant].append(json.loads(uit))
    print(f"{'document':<24}{'wat':<8}{LOPENDE_ELEMENTEN:>20}{MARGE_STRINGS:>16}{'verhouding':>12}")
    for pad in [*DOCUMENTEN, Path("grootstad")]:
        for wat in ("opmaak", "pdf"):
            basis, nieuw = (
                statistics.median(m[pad.stem][wat] for m in metingen[v])
                for v in (LOPENDE_ELEMENTEN, MARGE_STRINGS)
            )
            print(f"{pad.stem:<24}{wat:<8}{basis:>19.3f}s{nieuw:>15.3f}s{nieuw / basis:>12.2f}")


if __name__ == "__main__":
    main()
