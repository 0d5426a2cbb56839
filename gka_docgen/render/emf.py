"""A tiny Enhanced Metafile (EMF) writer: lines and text, nothing else.

Word draws an unsigned Office signature line as an EMF picture (an X, a line,
the signer's name and title under it); Word and LibreOffice both show that
picture until someone signs. This writes such a picture from scratch, in the
same bytes every time. One logical unit is a tenth of a millimetre.

Text is placed with explicit glyph advances, measured in a font the project
ships (DejaVu Sans), so a reader that lacks the font still spaces it right.
"""

from __future__ import annotations

import functools
import struct
from dataclasses import dataclass

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # fontTools ships no types

from gka_docgen.render.templates import SJABLONEN

LETTERTYPE = "DejaVu Sans"
_LETTERTYPEN = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}

# Record types (MS-EMF 2.1.1)
_HEADER, _EOF = 1, 14
_SETBKMODE, _SETTEXTALIGN, _SETTEXTCOLOR = 18, 22, 24
_MOVETOEX, _LINETO = 27, 54
_SELECTOBJECT, _CREATEPEN, _DELETEOBJECT = 37, 38, 40
_CREATEFONTINDIRECTW, _EXTTEXTOUTW = 82, 84
_TRANSPARANT, _TA_BASELINE, _GM_COMPATIBLE = 1, 24, 1


@dataclass(frozen=True)
class Tekst:
    x: int
    y: int  # the baseline
    hoogte: int  # the em size
    tekst: str
    vet: bool = False


@dataclass(frozen=True)
class Lijn:
    x1: int
    y1: int
    x2: int
    y2: int
    dikte: int


@functools.cache
def _metriek(vet: bool) -> tuple[dict[int, str], dict[str, tuple[int, int]], int]:
    font = TTFont(SJABLONEN / "fonts" / _LETTERTYPEN[vet], lazy=True)
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def breedte(tekst: str, hoogte: int, vet: bool = False) -> list[int]:
    """The advance of each UTF-16 code unit of `tekst` at em size `hoogte`."""
    cmap, hmtx, em = _metriek(vet)
    uit: list[int] = []
    for teken in tekst:
        advance = hmtx[cmap.get(ord(teken), ".notdef")][0]
        uit.append(round(advance * hoogte / em))
        if ord(teken) > 0xFFFF:  # a surrogate pair: the second unit moves nothing
            uit.append(0)
    return uit


def _record(soort: int, inhoud: bytes) -> bytes:
    return struct.pack("<II", soort, 8 + len(inhoud)) + inhoud


def _lettertype(index: int, hoogte: int, vet: bool) -> bytes:
    naam = LETTERTYPE.encode("utf-16-le").ljust(64, b"\0")
    logfont = struct.pack("<iiiii8B", -hoogte, 0, 0, 0, 700 if vet else 400, 0, 0, 0, 1, 0, 0, 0, 0)
    return _record(_CREATEFONTINDIRECTW, struct.pack("<I", index) + logfont + naam)


def _tekst(t: Tekst) -> bytes:
    eenheden = t.tekst.encode("utf-16-le")
    n = len(eenheden) // 2
    eenheden += b"\0" * (-len(eenheden) % 4)
    voorloop = 8 + 16 + 4 + 8 + 40  # record header, bounds, mode, scales, EMRTEXT
    emrtext = struct.pack(
        "<iiIII4iI", t.x, t.y, n, voorloop, 0, 0, 0, -1, -1, voorloop + len(eenheden)
    )
    kop = struct.pack("<4iIff", 0, 0, -1, -1, _GM_COMPATIBLE, 0.0, 0.0)
    dx = struct.pack(f"<{n}i", *breedte(t.tekst, t.hoogte, t.vet))
    return _record(_EXTTEXTOUTW, kop + emrtext + eenheden + dx)


def emf(breed: int, hoog: int, lijnen: list[Lijn], teksten: list[Tekst]) -> bytes:
    """A picture of `breed` x `hoog` tenths of a millimetre."""
    records = [
        _record(_SETBKMODE, struct.pack("<I", _TRANSPARANT)),
        _record(_SETTEXTALIGN, struct.pack("<I", _TA_BASELINE)),
        _record(_SETTEXTCOLOR, struct.pack("<I", 0)),
    ]
    for lijn in lijnen:  # object 1: a solid black pen
        records += [
            _record(_CREATEPEN, struct.pack("<IIiiI", 1, 0, lijn.dikte, 0, 0)),
            _record(_SELECTOBJECT, struct.pack("<I", 1)),
            _record(_MOVETOEX, struct.pack("<ii", lijn.x1, lijn.y1)),
            _record(_LINETO, struct.pack("<ii", lijn.x2, lijn.y2)),
            _record(_SELECTOBJECT, struct.pack("<I", 0x80000007)),  # BLACK_PEN
            _record(_DELETEOBJECT, struct.pack("<I", 1)),
        ]
    for t in teksten:  # object 2: the font of this text
        records += [
            _lettertype(2, t.hoogte, t.vet),
            _record(_SELECTOBJECT, struct.pack("<I", 2)),
            _tekst(t),
            _record(_SELECTOBJECT, struct.pack("<I", 0x8000000D)),  # SYSTEM_FONT
            _record(_DELETEOBJECT, struct.pack("<I", 2)),
        ]
    records.append(_record(_EOF, struct.pack("<III", 0, 16, 20)))
    kop_grootte = 88
    totaal = kop_grootte + sum(len(r) for r in records)
    # Reference device: 1000 x 1000 pixels on 100 x 100 mm, so a pixel is 0.1 mm.
    kop = struct.pack(
        "<II4i4iIIIIHHIIIiiii",
        _HEADER,
        kop_grootte,
        *(0, 0, breed - 1, hoog - 1),
        *(0, 0, breed * 10 - 1, hoog * 10 - 1),
        0x464D4520,
        0x10000,
        totaal,
        len(records) + 1,
        3,  # handles: the reserved 0, the pen, the font
        0,
        0,
        0,
        0,
        1000,
        1000,
        100,
        100,
    )
    return kop + b"".join(records)
