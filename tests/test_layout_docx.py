"""The DOCX as LibreOffice lays it out (issue 12): words break only where Dutch
hyphenation breaks them, intervention tables keep together, and its pages match the
PDF's (page count, and each heading's page, within one page).

One LibreOffice call converts every agenda; LibreOffice hyphenates with the Debian
package hyphen-nl (scripts/setup-system.sh), as Word does with its own Dutch.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document

from gka_docgen.document import text
from gka_docgen.render.context import Context, bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.render.pdf import render_pdf
from gka_docgen.source.load import laad
from tests.docx_tekst import alineas
from tests.layoutcheck import gebroken_woorden
from tests.pdfhulp import EMOJI, pdftotext
from tests.teksthulp import zonder_witruimte
from tests.test_layout import AGENDAS, naam
from tests.wordcheck import controleer_voor_word

SOFFICE = shutil.which("soffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed"),
]


@dataclass(frozen=True)
class Weergave:
    context: Context
    docx: bytes
    pdf_paginas: list[str]  # our PDF, page by page (pdftotext)
    lo_paginas: list[str]  # LibreOffice's render of the DOCX, page by page


def _paginas(pdf: Path) -> list[str]:
    return pdftotext(pdf).split("\f")[:-1]


@pytest.fixture(scope="module")
def weergaven(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Weergave]:
    assert SOFFICE is not None
    map_ = tmp_path_factory.mktemp("layout-docx")
    (map_ / "docx").mkdir()
    (map_ / "pdf").mkdir()
    gemaakt = {}
    for pad in AGENDAS:
        geladen = laad(pad)
        context = bouw(geladen.agenda)
        docx = render_docx(context)
        controleer_voor_word(docx)
        (map_ / "docx" / f"{naam(pad)}.docx").write_bytes(docx)
        pdf = map_ / "pdf" / f"{naam(pad)}.pdf"
        pdf.write_bytes(render_pdf(context, geladen.bron, pad.name))
        gemaakt[naam(pad)] = (context, docx, pdf)
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation={(map_ / 'lo-profiel').as_uri()}",
            *("--convert-to", "pdf", "--outdir", str(map_ / "lo")),
            *map(str, sorted((map_ / "docx").iterdir())),
        ],
        capture_output=True,
        timeout=300,
        check=True,
        env={**os.environ, "HOME": str(map_)},
    )
    return {
        stem: Weergave(context, docx, _paginas(pdf), _paginas(map_ / "lo" / f"{stem}.pdf"))
        for stem, (context, docx, pdf) in gemaakt.items()
    }


NAMEN = [naam(p) for p in AGENDAS]
# LibreOffice here has no emoji font: its render drops emoji and garbles the text around
# them (NOTES.md), which the word check would read as broken words. The PDF's layout check
# covers the emoji agenda; in the DOCX it is laid out like any other text.
NAMEN_ZONDER_EMOJI = [n for n in NAMEN if n != naam(EMOJI)]


def _brontekst(w: Weergave) -> str:
    """Every word the DOCX holds: its paragraphs, header and footer, the CONCEPT mark."""
    import io

    sectie = Document(io.BytesIO(w.docx)).sections[0]
    delen = [a.tekst for a in alineas(w.docx)]
    delen += [p.text for p in (*sectie.header.paragraphs, *sectie.footer.paragraphs)]
    # The CONCEPT watermark and the signature lines' pictures (an X, name, title).
    delen += [w.context.document.concept_mark, "X"]
    delen += [
        t
        for o in w.context.ondertekening.ondertekenaars
        for t in (o.functie.tekst, o.organisatie.tekst)
    ]
    return "\n".join(delen)


@pytest.mark.parametrize("stem", NAMEN_ZONDER_EMOJI)
def test_docx_words_break_only_where_dutch_hyphenation_allows(
    weergaven: dict[str, Weergave], stem: str
) -> None:
    w = weergaven[stem]
    assert gebroken_woorden(_brontekst(w), "\n".join(w.lo_paginas)) == []


def _paginas_van(label: str, paginas: list[str]) -> list[int]:
    """The page of every occurrence of `label`, in order."""
    gezocht = zonder_witruimte(label)
    # Not inside a concept's placeholder, which names the label it stands for.
    begin, eind = zonder_witruimte(text.nog_in_te_vullen("\0")).split("\0")
    plaatshouder = re.compile(re.escape(begin) + ".*?" + re.escape(eind))
    uit = []
    for nummer, pagina in enumerate(paginas, start=1):
        uit += [nummer] * plaatshouder.sub("", zonder_witruimte(pagina)).count(gezocht)
    return uit


@pytest.mark.parametrize("stem", NAMEN)
def test_docx_intervention_tables_keep_together(weergaven: dict[str, Weergave], stem: str) -> None:
    """Every table of these agendas fits on a page: its first and last label share one,
    and "Meer informatie" stands on the page of the row after it."""
    paginas = weergaven[stem].lo_paginas
    eerste = _paginas_van(text.INTERVENTIE_LABELS["naam"], paginas)
    assert eerste == _paginas_van(text.CONTACTPERSOON, paginas)
    assert _paginas_van(text.MEER_INFORMATIE, paginas) == _paginas_van(text.WEBSITE, paginas)


def _koppen(c: Context) -> list[str]:
    return [
        c.toelichting.titel,
        c.toelichting.kop,
        *(s.kop for s in c.toelichting.secties),
        c.afspraak.kop,
        c.afspraak.bestuurlijk_overleg_kop,
        c.taken.kop,
        c.taken.samenwerking_kop,
        c.taken.gemeente_kop,
        c.ondertekening.kop,
        c.bijlage.kop,
    ]


def _kop_paginas(koppen: list[str], paginas: list[str]) -> list[int]:
    """The page of each heading, searched in document order."""
    uit, vanaf = [], 0
    teksten = [zonder_witruimte(p) for p in paginas]
    for kop in koppen:
        gezocht = zonder_witruimte(kop)
        vanaf = next(i for i in range(vanaf, len(teksten)) if gezocht in teksten[i])
        uit.append(vanaf + 1)
    return uit


@pytest.mark.parametrize("stem", NAMEN)
def test_docx_and_pdf_break_pages_alike(weergaven: dict[str, Weergave], stem: str) -> None:
    w = weergaven[stem]
    assert abs(len(w.lo_paginas) - len(w.pdf_paginas)) <= 1
    koppen = _koppen(w.context)
    pdf, lo = _kop_paginas(koppen, w.pdf_paginas), _kop_paginas(koppen, w.lo_paginas)
    verschil = [(k, p, d) for k, p, d in zip(koppen, pdf, lo, strict=True) if abs(p - d) > 1]
    assert verschil == [], "(kop, pagina in de PDF, pagina in de DOCX)"
