"""The machine check of issue 12: does anything cross its border after layout?

PDF: WeasyPrint's own laid-out boxes (the very layout the PDF is written from).
Every piece of text lies inside its table cell and inside the page's content area
(header and footer: inside the page); an intervention or community table that fits
on a page is not split, and no label row without a value ("Meer informatie")
ends a page.

DOCX: LibreOffice's render of it (a PDF, read back with pdftotext). Every word
in it is a word of the document, or a piece of one broken where Dutch hyphenation
(pyphen's nl_NL patterns) allows, at a hyphen, or anywhere in a web or e-mail
address; a word broken anywhere else ("Brugfunctionari|s") is a finding.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyphen  # type: ignore[import-untyped]  # WeasyPrint's hyphenation; ships no types
from weasyprint.formatting_structure import boxes

# Sub-pixel rounding of text widths; a real overflow is a character's width or more.
SPELING_PX = 0.5
LAATSTE_KANS = ("://", "@", "www.")  # addresses may break anywhere (overflow-wrap)
# What a renderer draws that is no word: list numbers and bullets.
LIJSTTEKEN = re.compile(r"\d+\.?|[\u2022\uf0b7]")


# --- PDF -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plek:
    pagina: int
    cel: Any  # the nearest TableCellBox, or None
    rand: bool  # in a page-margin box (header, footer)


def _teksten(box: Any, plek: _Plek) -> Iterator[tuple[Any, _Plek]]:
    if isinstance(box, boxes.TableCellBox):
        plek = _Plek(plek.pagina, box, plek.rand)
    elif isinstance(box, boxes.MarginBox):
        plek = _Plek(plek.pagina, None, True)
    if isinstance(box, boxes.TextBox):
        if box.text.strip():
            yield box, plek
        return
    for kind in getattr(box, "children", ()):
        yield from _teksten(kind, plek)


def _buiten(x1: float, x2: float, links: float, rechts: float) -> float:
    """How far [x1, x2] sticks out of [links, rechts] (0 when inside)."""
    return max(links - x1, x2 - rechts, 0.0)


def tekst_buiten_rand(document: Any) -> list[str]:
    """Every piece of text that sticks out of its cell or out of the page."""
    bevindingen = []
    for nummer, pagina in enumerate(document.pages, start=1):
        page = pagina._page_box
        for tekst, plek in _teksten(page, _Plek(nummer, None, False)):
            x1, x2 = tekst.position_x, tekst.position_x + tekst.width
            y1, y2 = tekst.position_y, tekst.position_y + tekst.height
            if plek.cel is not None:
                c = plek.cel
                waar = "cel"
                over = _buiten(x1, x2, c.padding_box_x(), c.padding_box_x() + c.padding_width())
            elif plek.rand:
                waar = "pagina"
                over = _buiten(x1, x2, 0, page.margin_width())
            else:
                waar = "tekstvak van de pagina"
                links = page.content_box_x()
                over = _buiten(x1, x2, links, links + page.width)
            over = max(over, _buiten(y1, y2, 0, page.margin_height()))
            if over > SPELING_PX:
                bevindingen.append(
                    f"pagina {nummer}: {tekst.text!r} steekt {over:.1f} px buiten zijn {waar}"
                )
    return bevindingen


def _tabellen(box: Any) -> Iterator[Any]:
    if isinstance(box, boxes.TableBox):
        yield box
        return
    for kind in getattr(box, "children", ()):
        yield from _tabellen(kind)


def _rijen(tabel: Any) -> list[Any]:
    return [rij for groep in tabel.children for rij in groep.children]


def _tekst(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def gesplitste_tabellen(document: Any) -> list[str]:
    """Two-column tables split though they fit on a page, or with a label row at a foot."""
    delen: dict[int, list[tuple[int, Any]]] = {}
    hoogte = 0.0
    for nummer, pagina in enumerate(document.pages, start=1):
        hoogte = pagina._page_box.height
        for tabel in _tabellen(pagina._page_box):
            if "velden" in (tabel.element.get("class") or "").split():
                delen.setdefault(id(tabel.element), []).append((nummer, tabel))
    bevindingen = []
    for stukken in delen.values():
        eerste = _rijen(stukken[0][1])[0]
        naam = _tekst(eerste.children[-1].element)
        if len(stukken) > 1 and sum(t.margin_height() for _, t in stukken) <= hoogte:
            paginas = ", ".join(str(n) for n, _ in stukken)
            bevindingen.append(f"tabel {naam!r} past op een pagina maar staat op {paginas}")
        for nummer, tabel in stukken[:-1]:
            laatste = _rijen(tabel)[-1]
            if "tussenkop" in (laatste.element.get("class") or "").split():
                label = _tekst(laatste.children[0].element)
                bevindingen.append(f"pagina {nummer}: rij {label!r} van {naam!r} staat alleen")
    return bevindingen


def pdf_bevindingen(document: Any) -> list[str]:
    return tekst_buiten_rand(document) + gesplitste_tabellen(document)


# --- DOCX through LibreOffice ---------------------------------------------------------


@functools.cache
def _pyphen() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


def _breekpunten(woord: str) -> list[int]:
    """Where `woord` may break: Dutch hyphenation points and after a hyphen or slash."""
    punten = set(_pyphen().positions(woord))
    punten |= {i + 1 for i, c in enumerate(woord[:-1]) if c in "-/\u2010"}
    if any(teken in woord for teken in LAATSTE_KANS):
        punten |= set(range(1, len(woord)))
    return sorted(punten)


def _stukken(woord: str) -> set[str]:
    """Every piece a line may hold of `woord`, broken only where it may break."""
    grenzen = [0, *_breekpunten(woord), len(woord)]
    stukken = set()
    for i, begin in enumerate(grenzen):
        for eind in grenzen[i + 1 :]:
            stuk = woord[begin:eind]
            # LibreOffice adds a hyphen at a hyphenation point, not after an existing one
            # or inside an address.
            if eind < len(woord) and woord[eind - 1] not in "-/\u2010":
                stukken.add(stuk + "-")
            stukken.add(stuk)
    return stukken


def gebroken_woorden(brontekst: str, weergave: str) -> list[str]:
    """Words of `weergave` (LibreOffice's render) that are no word of `brontekst`
    nor a piece of one broken where a Dutch reader accepts a break."""
    brontekst, weergave = _zichtbaar(brontekst), _zichtbaar(weergave)
    # An amount's no-break space may come out of a PDF as nothing.
    woorden = set(brontekst.split()) | set(brontekst.replace("\u00a0", "").split())
    toegestaan = set(woorden)
    for woord in woorden:
        if len(woord) > 3:
            toegestaan |= _stukken(woord)
        # pdftotext joins a word broken after its own hyphen, and drops that hyphen.
        toegestaan |= {woord[:i] + woord[i + 1 :] for i, c in enumerate(woord) if c == "-"}
    # pdftotext also runs a few short words into one ("A & B" -> "A&B"): that is no break.
    reeks = brontekst.split()
    toegestaan |= {"".join(reeks[i : i + n]) for n in range(2, 6) for i in range(len(reeks))}
    return sorted(
        {w for w in weergave.split() if w not in toegestaan and not LIJSTTEKEN.fullmatch(w)}
    )


def _zichtbaar(tekst: str) -> str:
    """Without invisible format characters (bidi marks, joiners): a PDF's text layer
    keeps some of them and drops others."""
    return "".join(c for c in tekst if unicodedata.category(c) != "Cf")
