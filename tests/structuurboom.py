"""What a screen reader gets from a PDF: its structure tree in reading order, as text.

One line per structure element, indented by depth: its type and, for an element that
holds text but no further blocks, that text (inline Span, Link and NonStruct folded in).
A table cell says whether it is a header (TH, with its scope) and which header cells a
data cell points to; a form field gives its description (/TU), what is announced.
Artifacts (running header and footer, the CONCEPT mark) are not in it.

Regenerate a golden dump after a deliberate change, and review the diff:
    .venv/bin/python -m tests.structuurboom tests/data/pdf/almere-definitief.yaml \
        > tests/data/pdf/almere-definitief.structuur.txt
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from io import BytesIO
from pathlib import Path
from typing import Any

INLINE = {"/Span", "/Link", "/NonStruct"}


def _tekst_per_mcid(pdf: bytes) -> dict[tuple[int, int], str]:
    """(page index, MCID) -> the text drawn in that marked content."""
    import pdfplumber

    uit: dict[tuple[int, int], str] = defaultdict(str)
    with pdfplumber.open(BytesIO(pdf)) as document:
        for index, pagina in enumerate(document.pages):
            for teken in pagina.chars:
                if teken.get("mcid") is not None:
                    uit[index, teken["mcid"]] += teken["text"]
    return uit


def structuur(pdf: bytes) -> str:
    """The structure tree of `pdf`, read as a screen reader walks it."""
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(pdf))
    paginas = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}  # type: ignore[union-attr]
    teksten = _tekst_per_mcid(pdf)
    koppen: dict[str, str] = {}
    regels: list[str] = []

    def pagina_van(element: Any, pagina: int) -> int:
        pg = element.get("/Pg")
        return paginas[pg.idnum] if pg is not None else pagina

    def tekst(element: Any, pagina: int) -> str:
        delen = []
        for kind in _kinderen(element):
            if isinstance(kind, int):
                delen.append(teksten.get((pagina, kind), ""))
            elif kind.get("/Type") == "/StructElem":
                delen.append(tekst(kind, pagina_van(kind, pagina)))
        # Each line is its own Span; a reader puts a space between them, and a word
        # WeasyPrint hyphenated at a line's end (U+2010) is whole again.
        return " ".join(delen).replace("\u2010 ", "")

    def blokken(element: Any) -> bool:
        return any(
            not isinstance(k, int) and k.get("/Type") == "/StructElem" and k["/S"] not in INLINE
            for k in _kinderen(element)
        )

    def loop(element: Any, diepte: int, pagina: int) -> None:
        pagina = pagina_van(element, pagina)
        soort = str(element["/S"])[1:]
        kenmerken = _kenmerken(element, koppen)
        if soort == "Form":
            widget = _kinderen(element)[0]["/Obj"]
            regels.append(f"{'  ' * diepte}Form ({widget['/FT'][1:]}): {widget['/TU']}")
            return
        if blokken(element) or soort in ("Document", "Sect", "Table", "TR", "L", "LI"):
            regels.append(f"{'  ' * diepte}{soort}{kenmerken}")
            for kind in _kinderen(element):
                if not isinstance(kind, int) and kind.get("/Type") == "/StructElem":
                    loop(kind, diepte + 1, pagina)
            return
        inhoud = re.sub(r"\s+", " ", tekst(element, pagina)).strip()
        regels.append(f"{'  ' * diepte}{soort}{kenmerken}: {inhoud}")
        if element.get("/ID") is not None:
            koppen[str(element["/ID"])] = inhoud

    wortel: Any = reader.trailer["/Root"]
    wortel = wortel["/StructTreeRoot"]
    for kind in _kinderen(wortel):
        loop(kind, 0, 0)
    return "\n".join(regels) + "\n"


def _kinderen(element: Any) -> list[Any]:
    k = element.get("/K", [])
    k = k.get_object() if hasattr(k, "get_object") else k
    kinderen = k if isinstance(k, list) else [k]
    return [c.get_object() if hasattr(c, "get_object") else c for c in kinderen]


def _kenmerken(element: Any, koppen: dict[str, str]) -> str:
    """' (kop van rij)', ' (kop: Naam)': what a reader says about a table cell."""
    a = element.get("/A")
    a = a.get_object() if a is not None else None
    if element["/S"] == "/TH" and a is not None:
        return " (kop)"
    if element["/S"] == "/TD" and a is not None and a.get("/Headers"):
        return " (kop: " + " | ".join(koppen.get(str(h), "?") for h in a["/Headers"]) + ")"
    return ""


def main() -> None:
    from tests.pdfhulp import render

    sys.stdout.write(structuur(render(Path(sys.argv[1]))[2]))


if __name__ == "__main__":
    main()
