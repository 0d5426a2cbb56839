"""Reading generated documents back as comparable text (DOCX and PDF)."""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

from gka_docgen.render.context import Context
from tests.docx_tekst import alineas
from tests.pdfhulp import pdftotext


def zonder_witruimte(tekst: str) -> str:
    """Text without white space or invisible format characters.

    Line breaks fall differently in Word and WeasyPrint (even after a hyphen, as in
    's- / Hertogenbosch), and the joiner in 👩‍🎓 does not survive a PDF's text layer.
    """
    return "".join(c for c in "".join(tekst.split()) if unicodedata.category(c) != "Cf")


def links_naar_rechts(tekst: str) -> str:
    """Without right-to-left letters: a PDF's text layer holds those in visual order."""
    return "".join(c for c in tekst if unicodedata.bidirectional(c) not in {"R", "AL"})


def docx_alineas(docx: bytes) -> list[str]:
    return [zonder_witruimte(a.tekst) for a in alineas(docx) if a.tekst.strip()]


def pdf_tekst(pdf: bytes, ctx: Context) -> str:
    """The PDF's text less what each page repeats (header, footer, CONCEPT mark) and
    less list markers, which are layout: Word numbers its list paragraphs itself."""
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "a.pdf"
        pad.write_bytes(pdf)
        ruw = pdftotext(pad, "-raw")
    regels = []
    for regel in ruw.splitlines():
        r = " ".join(regel.replace("\u00a0", " ").split())
        if r in {ctx.document.korte_titel, ctx.document.concept_mark} or re.fullmatch(
            rf"{ctx.document.pagina} \d+ {ctx.document.van} \d+", r
        ):
            continue
        r = re.sub(r"^(•|\d+\.)( |$)", "", r)
        # A line broken at a soft hyphen (U+00AD, invisible in the source) ends in the
        # hyphen WeasyPrint draws there (U+2010).
        regels.append(r.removesuffix("\u2010"))
    return zonder_witruimte("".join(regels))
