"""A PDF that gka-docgen did not make (exported from Word or LibreOffice) as a DOCX is read.

Best effort, from the text and its layout (pdfplumber): tables are found by their ruling
lines, each cell's text becomes its paragraphs; the text outside tables becomes
paragraphs, split where the font changes, where the gap between lines is larger than
the leading, at a bullet, and where a line ends so early that the next word would have
fitted (a paragraph's end, not a wrap). Headers and footers (a line in the top or bottom
margin found on more than one page) and page numbers are left out; a table broken over
a page is joined again. The result is the same `GelezenDocx` the DOCX reader gives, so
`import_docx` finds the sections by the template's headings and labels, as it does in a
DOCX. Every piece carries its page. Nothing in the PDF is run or fetched.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass, replace
from typing import Any

from gka_docgen.importing.docx_reader import Alinea, DocxTabel, GelezenDocx, OngeldigDocument
from gka_docgen.importing.from_docx import begint_tabel

MAX_PAGINAS = 300
# Bullets as Word, LibreOffice and WeasyPrint draw them; not "-", which people type
# ("- Website" in the template's tables).
_OPSOMTEKENS = "\u2022\uf0b7\uf0a7\u25cf\u25aa\u25e6\u2013\u00b7"
_RAND = 0.09  # the part of a page at top and bottom where headers and footers sit


@dataclass(frozen=True)
class _Regel:
    tekst: str
    x0: float
    x1: float
    boven: float
    onder: float
    letter: str  # font name and size: a change starts a new paragraph
    grootte: float
    eerste_woord: float  # width of the first word (does it fit on the line above?)
    opsomming: bool


def _regel(lijn: dict[str, Any]) -> _Regel:
    tekens = [c for c in lijn["chars"] if c["text"].strip()]
    tekst = re.sub(r"\s+", " ", lijn["text"]).strip()
    opsomming = bool(tekst) and tekst[0] in _OPSOMTEKENS and tekst[1:2] in (" ", "")
    if opsomming:
        tekst = tekst[1:].strip()
        tekens = tekens[1:]
    eerste = tekens[0] if tekens else lijn["chars"][0]
    woord_eind = eerste["x1"]
    for c in tekens:  # the first word ends at the first gap wider than a quarter letter
        if c["x0"] - woord_eind > c["size"] * 0.25:
            break
        woord_eind = c["x1"]
    stijl = re.sub(r"^[A-Z]{6}\+", "", eerste["fontname"])  # drop the subset prefix
    return _Regel(
        tekst,
        eerste["x0"],
        lijn["x1"],
        lijn["top"],
        lijn["bottom"],
        f"{stijl} {round(eerste['size'], 1)}",
        eerste["size"],
        woord_eind - eerste["x0"],
        opsomming,
    )


def _plak(voor: str, na: str) -> str:
    """Two wrapped lines as one: a hyphen before a lower-case letter was a word broken, as
    is a typographic or soft hyphen (which only hyphenation writes) before anything."""
    if voor.endswith(("\u2010", "\u00ad")) or (re.search(r"\w-$", voor) and na[:1].islower()):
        return voor[:-1] + na
    if voor.endswith(("-", "/")):
        return voor + na
    return f"{voor} {na}"


def regelafstand(regels: list[_Regel]) -> float | None:
    """The space between two lines of one paragraph: the smallest between lines alike."""
    afstanden = [
        b.boven - a.onder
        for a, b in itertools.pairwise(regels)
        if a.letter == b.letter and b.boven > a.onder
    ]
    return min(afstanden, default=None)


def _loopt_door(vorige: _Regel, r: _Regel, rechts: float, inspring: float | None) -> bool:
    """Whether line `r` goes on with the paragraph whose last line is `vorige` (the space
    between them aside): no bullet, no other font, and the line above was full."""
    return not (
        r.opsomming
        or r.letter != vorige.letter
        or vorige.x1 + 0.3 * r.grootte + r.eerste_woord < rechts  # it would have fitted
        or (inspring is not None and r.x0 < inspring - 1)  # back at the margin: list ended
    )


def alineas(
    regels: list[_Regel], rechts: float, pagina: int, afstand: float | None = None
) -> list[Alinea]:
    """Lines of one column (the body or a cell) as paragraphs. `rechts`: where full lines
    end; `afstand`: the space between lines of a paragraph (None: measured from these)."""
    afstand = regelafstand(regels) if afstand is None else afstand
    uit: list[Alinea] = []
    vorige: _Regel | None = None
    inspring: float | None = None  # where the text of the list item being read starts
    for r in regels:
        if not r.tekst:
            continue
        grens = 0.6 * r.grootte if afstand is None else afstand + 0.15 * r.grootte
        if (
            vorige is not None
            and r.boven - vorige.onder <= grens
            and _loopt_door(vorige, r, rechts, inspring)
        ):
            uit[-1] = replace(uit[-1], tekst=_plak(uit[-1].tekst, r.tekst))
        else:
            uit.append(Alinea(r.tekst, r.opsomming, pagina=pagina))
            inspring = r.x0 if r.opsomming else None
        vorige = r
    return uit


def _regels(tekens: list[dict[str, Any]]) -> list[_Regel]:
    from pdfplumber.utils.text import chars_to_textmap

    if not tekens:
        return []
    lijnen = chars_to_textmap(tekens).extract_text_lines(strip=True, return_chars=True)
    return [_regel(lijn) for lijn in lijnen if lijn["chars"]]


def _midden(obj: dict[str, Any]) -> tuple[float, float]:
    return (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2


def _in(bbox: tuple[float, float, float, float], punt: tuple[float, float]) -> bool:
    return bbox[0] <= punt[0] <= bbox[2] and bbox[1] <= punt[1] <= bbox[3]


def _tabel(tekens: list[dict[str, Any]], tabel: Any, nummer: int) -> DocxTabel:
    """A table's rows and cells; a character belongs to the cell its centre is in."""
    tekens = [c for c in tekens if _in(tabel.bbox, _midden(c))]
    rijen = []
    for rij in tabel.rows:
        _, boven, _, onder = rij.bbox
        in_rij = [c for c in tekens if boven <= _midden(c)[1] <= onder]
        cellen = []
        for cel in rij.cells:
            if cel is None:  # covered by a merged cell
                continue
            inhoud = _regels([c for c in in_rij if _in(cel, _midden(c))])
            links = min((r.x0 for r in inhoud), default=cel[0])
            rechts = cel[2] - (links - cel[0])  # padding is alike left and right
            cellen.append(tuple(alineas(inhoud, rechts, nummer)))
        rijen.append(tuple(cellen))
    return DocxTabel(tuple(rijen), pagina=nummer)


def _geen_vlak(obj: dict[str, Any]) -> bool:
    """Keep text and the lines that draw tables; leave out rotated text (a watermark) and
    areas: a shaded cell or a highlight would split a cell in two, a curve is a drawing."""
    soort = obj.get("object_type")
    if soort == "char":  # pdfminer calls text turned by less than 90° upright too
        _, b, c, *_ = obj["matrix"]
        return bool(obj.get("upright", True)) and abs(b) < 1e-3 and abs(c) < 1e-3
    if soort == "rect":
        return bool(min(obj["width"], obj["height"]) <= 2)
    return soort != "curve"


def _sleutel(tekst: str) -> str:
    return re.sub(r"\d+", "#", tekst)


Kolommen = tuple[int, ...]  # the x where a table's columns start; () for a paragraph


@dataclass
class _Pagina:
    stukken: list[tuple[Alinea | DocxTabel, Kolommen]]  # top to bottom
    eerste: _Regel | None  # the first line, when the page starts with text (not a table)
    laatste: _Regel | None  # the last line, when the page ends with text
    rechts: float  # where a full line of text ends


def _in_marge(r: _Regel, hoogte: float, rand: set[str]) -> bool:
    """A header, footer or page number."""
    if hoogte * _RAND <= r.onder and r.boven <= hoogte * (1 - _RAND):
        return False
    return _sleutel(r.tekst) in rand or bool(
        re.fullmatch(r"(pagina )?\d+( van \d+)?", r.tekst.lower())
    )


def _lees_pagina(pagina: Any, nummer: int, rand: set[str]) -> _Pagina:
    pagina = pagina.filter(_geen_vlak)
    tabellen = pagina.find_tables()
    stukken: list[tuple[float, Alinea | DocxTabel, Kolommen]] = []
    for t in tabellen:
        kolommen = tuple(round(c[0]) for c in t.rows[0].cells if c is not None)
        stukken.append((t.bbox[1], _tabel(pagina.chars, t, nummer), kolommen))
    buiten = [c for c in pagina.chars if not any(_in(t.bbox, _midden(c)) for t in tabellen)]
    regels = [r for r in _regels(buiten) if not _in_marge(r, pagina.height, rand)]
    rechts = max((r.x1 for r in regels), default=pagina.width)
    rechts = min(rechts, pagina.width - min((r.x0 for r in regels), default=0))
    afstand = regelafstand(regels)
    blok: list[_Regel] = []

    def sluit() -> None:
        for a in alineas(blok, rechts, nummer, afstand):
            stukken.append((blok[0].boven, a, ()))
        blok.clear()

    for r in regels:  # paragraphs do not run across a table between them
        if blok and any(blok[-1].onder <= t.bbox[1] <= r.boven for t in tabellen):
            sluit()
        blok.append(r)
    if blok:
        sluit()
    stukken.sort(key=lambda s: s[0])  # stable: a block's paragraphs keep their order
    bovenste = min((t.bbox[1] for t in tabellen), default=pagina.height)
    onderste = max((t.bbox[3] for t in tabellen), default=0)
    return _Pagina(
        [(stuk, kolommen) for _, stuk, kolommen in stukken],
        regels[0] if regels and regels[0].boven < bovenste else None,
        regels[-1] if regels and regels[-1].onder > onderste else None,
        rechts,
    )


def _kop_en_voet(paginas: list[Any]) -> set[str]:
    """Lines in the top or bottom margin that recur on several pages (digits aside)."""
    if len(paginas) < 2:
        return set()
    gezien: dict[str, int] = {}
    for pagina in paginas:
        h = pagina.height
        rand = [c for c in pagina.chars if c["bottom"] < h * _RAND or c["top"] > h * (1 - _RAND)]
        for sleutel in {_sleutel(r.tekst) for r in _regels(rand)}:
            gezien[sleutel] = gezien.get(sleutel, 0) + 1
    return {s for s, n in gezien.items() if n > 1}


def _voeg_samen(vorige: DocxTabel, vervolg: DocxTabel) -> DocxTabel:
    """A table broken over a page: its rows again as one, a broken row as one row."""
    rijen = list(vorige.rijen)
    eerste, *rest = vervolg.rijen
    if rijen and eerste and not any(a.tekst for a in eerste[0]) and len(eerste) == len(rijen[-1]):
        rijen[-1] = tuple(a + b for a, b in zip(rijen[-1], eerste, strict=True))
    else:
        rest = [eerste, *rest]
    return DocxTabel((*rijen, *rest), pagina=vorige.pagina)


def _vervolg(vorige: _Pagina, stuk: Alinea | DocxTabel, kolommen: Kolommen, nu: _Pagina) -> bool:
    """Whether the first piece of page `nu` goes on with the last piece of page `vorige`."""
    if not vorige.stukken:
        return False
    laatste, laatste_kolommen = vorige.stukken[-1]
    if isinstance(stuk, DocxTabel) and isinstance(laatste, DocxTabel):
        eerste_cel = stuk.rijen[0][0] if stuk.rijen and stuk.rijen[0] else ()
        return kolommen == laatste_kolommen and not begint_tabel(
            " ".join(a.tekst for a in eerste_cel)
        )
    if isinstance(stuk, Alinea) and isinstance(laatste, Alinea):
        if vorige.laatste is None or nu.eerste is None:
            return False
        inspring = vorige.laatste.x0 if laatste.opsomming else None
        return _loopt_door(vorige.laatste, nu.eerste, vorige.rechts, inspring)
    return False


def lees_pdf_opmaak(inhoud: bytes, naam: str) -> GelezenDocx:
    """The PDF's paragraphs and tables in reading order, each with its page."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    gelezen = GelezenDocx()
    try:
        with pdfplumber.open(io.BytesIO(inhoud)) as pdf:
            if len(pdf.pages) > MAX_PAGINAS:
                raise OngeldigDocument(
                    f"{naam} heeft meer dan {MAX_PAGINAS} pagina's; dat is geen agenda"
                )
            rand = _kop_en_voet(pdf.pages)
            vorige = _Pagina([], None, None, 0)
            for nummer, pagina in enumerate(pdf.pages, 1):
                nu = _lees_pagina(pagina, nummer, rand)
                for i, (stuk, kolommen) in enumerate(nu.stukken):
                    if i == 0 and gelezen.stukken and _vervolg(vorige, stuk, kolommen, nu):
                        gelezen.stukken[-1] = _aaneen(gelezen.stukken[-1], stuk)
                    else:
                        gelezen.stukken.append(stuk)
                if nu.stukken:
                    vorige = nu
    except (PdfminerException, MalformedPDFException, PSException) as exc:
        oorzaak = exc.args[0] if exc.args else exc
        if isinstance(oorzaak, PDFEncryptionError):
            raise OngeldigDocument(
                f"{naam} is met een wachtwoord beveiligd; sla de PDF zonder wachtwoord op"
            ) from None
        raise OngeldigDocument(f"{naam} is een beschadigde PDF ({oorzaak})") from None
    if not gelezen.stukken:
        raise OngeldigDocument(
            f"{naam} is een PDF die niet door gka-docgen is gemaakt en bevat geen tekst om te "
            "lezen (een scan of lege pagina's); importeer het Word-document"
        )
    return gelezen


def _aaneen(vorige: Alinea | DocxTabel, vervolg: Alinea | DocxTabel) -> Alinea | DocxTabel:
    if isinstance(vorige, DocxTabel) and isinstance(vervolg, DocxTabel):
        return _voeg_samen(vorige, vervolg)
    assert isinstance(vorige, Alinea) and isinstance(vervolg, Alinea)
    return replace(vorige, tekst=_plak(vorige.tekst, vervolg.tekst))
