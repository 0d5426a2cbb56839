"""What `import` read but put in no field: the template's own text, or text to report.

Every paragraph and table cell of a document's body either ends up in a field or passes
through here. The template's fixed sentences (from `text.py`, with the municipality's
name, kind and period filled in as the document has them) are recognised and dropped;
anything else is reported with where it stood, so a partner's added sentence, remark or
appendix is never lost without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gka_docgen.document import text

TOON = 80  # characters of a text shown in the report


@dataclass(frozen=True)
class NietIngelezen:
    plek: str  # Dutch: section, table and row, e.g. "onder 'Ondertekening bevoegd gezag'"
    tekst: str
    positie: int = 0  # the paragraph's or table's place in the document, to report in order

    def __str__(self) -> str:
        tekst = " ".join(self.tekst.split())
        if len(tekst) > TOON:
            tekst = tekst[: TOON - 1].rstrip() + "…"
        return f"{self.plek}: {tekst}"


def _norm(tekst: str) -> str:
    tekst = tekst.replace("\u00a0", " ").replace("…", "...").replace("’", "'").lower()
    return re.sub(r"\s+", " ", tekst).strip().rstrip(":").strip()


def vaste_zinnen(gemeente: str, soort: str, periode: str) -> list[str]:
    """The template's fixed text a document's body holds, as `_norm` compares it."""
    zinnen = [
        text.MOTTO,
        text.INTRO,
        *(deel for pijler in text.PIJLERS for deel in pijler),
        *text.VERPLICHTINGEN,
        *text.VASTE_KOPPEN,
        text.CONCEPT_MARK,
    ]
    if gemeente:
        zinnen += [
            text.titel(gemeente),
            text.themas_zin(gemeente),
            text.gelijke_kansen_kop(gemeente),
            text.gemeente_kop(gemeente),
        ]
        if periode:
            zinnen.append(text.periode_zin(periode, gemeente))
    if soort in text.SOORT_NAAM and periode:
        zinnen.append(text.documentnaam(soort, periode))
        if gemeente:
            zinnen.append(text.korte_titel(soort, periode, gemeente))
    return [_norm(z) for z in zinnen]


def is_vast(tekst: str, zinnen: list[str]) -> bool:
    """Whether `tekst` is (a line of) the template's fixed text: a PDF's paragraph may be
    part of a sentence, so a long enough piece of one counts."""
    n = _norm(tekst)
    return not n or any(n == z or (len(n) >= 20 and n in z) for z in zinnen)
