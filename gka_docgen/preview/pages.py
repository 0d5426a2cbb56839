"""Laid-out PDF pages -> PNG images, making only the images of pages that changed.

The preview shows WeasyPrint's own pages: the layout `render_pdf.opmaak` makes,
written as PDF by WeasyPrint and rasterised by PDFium (pypdfium2). Writing the
whole archival PDF and rasterising every page after each save would cost more
than the layout itself, so each laid-out page gets a fingerprint of what it
draws (every box's kind, place, size, text and colours); a page whose
fingerprint was seen before keeps its image, and only the new pages are written
(as one small PDF of just those pages) and rasterised.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pypdfium2

# 96 px per inch, WeasyPrint's CSS pixel: an A4 page is 794 x 1123 px, sharp at 100 %.
SCHAAL = 96 / 72
# Fast PNG compression: these images travel over loopback, not the internet.
PNG_COMPRESSIE = 1
# The box properties that decide what a page looks like, besides its text and geometry.
_STIJL = ("color", "background_color", "font_weight", "font_style", "text_decoration_line")


@dataclass(frozen=True)
class Pagina:
    kenmerk: str  # the fingerprint of what the page draws
    png: bytes
    breedte: int  # px
    hoogte: int


def kenmerk(pagina: Any) -> str:
    """A fingerprint of one WeasyPrint page: equal pages draw the same pixels.

    Reads WeasyPrint 70's box tree (`Page._page_box`); WeasyPrint is pinned, and a
    test checks these images against a rasterised `render_pdf` document.
    """
    h = hashlib.blake2b(digest_size=12)
    h.update(f"{pagina.width}x{pagina.height}".encode())
    stapel = [pagina._page_box]
    while stapel:
        box = stapel.pop()
        stijl = box.style
        element = getattr(box, "element", None)
        klasse = element.get("class", "") if element is not None else ""
        h.update(
            f"{type(box).__name__}|{box.element_tag}|{klasse}|{box.position_x:.3f}|"
            f"{box.position_y:.3f}|{box.width}|{box.height}|{getattr(box, 'text', '')}|"
            f"{'|'.join(str(stijl[s]) for s in _STIJL)}\n".encode()
        )
        stapel.extend(reversed(getattr(box, "children", ())))
    return h.hexdigest()


class Beelden:
    """Page images by fingerprint, kept for the pages of the latest layout only."""

    def __init__(self) -> None:
        self._bekend: dict[str, Pagina] = {}
        self.gemaakt = 0  # images made in this process (the benchmark reports it)

    def van(self, document: Any) -> tuple[Pagina, ...]:
        """The image of every page of `document` (a laid-out WeasyPrint Document)."""
        kenmerken = [kenmerk(p) for p in document.pages]
        nieuw = [i for i, k in enumerate(kenmerken) if k not in self._bekend]
        if nieuw:
            pdf = document.copy([document.pages[i] for i in nieuw]).write_pdf()
            for i, pagina in zip(nieuw, _rasteriseer(pdf), strict=True):
                self._bekend[kenmerken[i]] = Pagina(kenmerken[i], *pagina)
            self.gemaakt += len(nieuw)
        self._bekend = {k: self._bekend[k] for k in kenmerken}
        return tuple(self._bekend[k] for k in kenmerken)


def _rasteriseer(pdf: bytes) -> Iterable[tuple[bytes, int, int]]:
    """Each page of `pdf` as PNG bytes, width and height."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            bitmap = document[index].render(scale=SCHAAL)
            yield png(bitmap), bitmap.width, bitmap.height
    finally:
        document.close()


def png(bitmap: Any) -> bytes:
    """A PDFium bitmap as PNG (Pillow), zlib at level 1: these images only cross the loopback.

    Level 1 takes about 30 ms a page here, Pillow's default level about 56 ms.
    """
    uit = io.BytesIO()
    bitmap.to_pil().save(uit, format="PNG", compress_level=PNG_COMPRESSIE)
    return uit.getvalue()


def rasteriseer(pdf: bytes) -> list[bytes]:
    """Every page of a whole PDF as PNG, as the preview draws them (tests compare)."""
    return [p for p, _, _ in _rasteriseer(pdf)]
