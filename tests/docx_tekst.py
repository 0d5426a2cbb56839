"""A DOCX read back as text: every paragraph in reading order, with its style.

Used by the tests (is every sentence there, in order, in the right style?) and
handy for a reviewable text dump of a generated document.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


@dataclass(frozen=True)
class Alinea:
    stijl: str
    tekst: str
    in_tabel: bool


def _alineas(container: Any, in_tabel: bool) -> Iterator[Alinea]:
    for blok in container.iter_inner_content():
        if isinstance(blok, Paragraph):
            yield Alinea(blok.style.name if blok.style is not None else "", blok.text, in_tabel)
        elif isinstance(blok, Table):
            for rij in blok.rows:
                for cel in rij.cells:
                    yield from _alineas(cel, True)


def alineas(docx: bytes) -> list[Alinea]:
    """The body's paragraphs, table cells included (row by row), in document order."""
    return list(_alineas(Document(io.BytesIO(docx)), False))


def tekstdump(docx: bytes) -> str:
    """One line per non-empty paragraph: 'style | text'."""
    return "\n".join(f"{a.stijl} | {a.tekst}" for a in alineas(docx) if a.tekst)
