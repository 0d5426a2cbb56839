"""Accept or reject every tracked change of a part of a DOCX, as Word's "accept all" does.

`import --wijzigingen` and `compare --wijzigingen` read a document with its changes
accepted or rejected; the tests check `compare --word` with it (and with LibreOffice).
What ECMA-376 says each mark means:
- a run in `w:ins` (or `w:moveTo`) stays when accepting and goes when rejecting; a run
  in `w:del` (or `w:moveFrom`) the reverse, its `w:delText` becoming text again;
- a row whose `w:trPr` holds `w:ins` or `w:del` likewise, whole (a table left without
  rows goes);
- a paragraph mark (`w:pPr/w:rPr`) that goes joins its paragraph to the next one; an
  empty paragraph before a table, which it cannot join, goes;
- former properties of a paragraph, run, table, row or cell (`w:pPrChange`, `w:rPrChange`,
  `w:tblPrChange`, `w:trPrChange`, `w:tcPrChange`) come back when rejecting; a table grid's
  or a section's are dropped (the text is the same either way).
"""

from __future__ import annotations

from typing import Any, Literal

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

Keuze = Literal["accepteren", "weigeren"]

_ERBIJ = ("ins", "moveTo")
_ERAF = ("del", "moveFrom")
# The marks of a move's range, and the formatting changes that are only dropped.
_ZONDER_TEKST = (
    "moveFromRangeStart",
    "moveFromRangeEnd",
    "moveToRangeStart",
    "moveToRangeEnd",
    "tblGridChange",
    "sectPrChange",
    "numberingChange",
)


def _w(naam: str) -> str:
    return f"{{{W}}}{naam}"


def _tags(namen: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_w(n) for n in namen)


def wijzigingen(root: Any) -> list[Any]:
    """Every insertion, deletion and move under `root`, runs and marks alike."""
    return list(root.iter(*_tags(_ERBIJ + _ERAF)))


def heeft_wijzigingen(root: Any) -> bool:
    return next(root.iter(*_tags(_ERBIJ + _ERAF)), None) is not None


def verwerk(root: Any, keuze: Keuze) -> None:
    """Accept or reject every tracked change under `root` (a body, header or footer), in place."""
    houd, weg = (
        (_tags(_ERBIJ), _tags(_ERAF)) if keuze == "accepteren" else (_tags(_ERAF), _tags(_ERBIJ))
    )
    for el in list(root.iter(*_tags(_ZONDER_TEKST))):
        el.getparent().remove(el)
    _rijen(root, houd, weg)
    _eigenschappen(root, keuze)
    weg_merk = _merken(root, houd, weg)
    for el in list(root.iter(*weg)):
        el.getparent().remove(el)
    for el in list(root.iter(*houd)):
        ouder = el.getparent()
        plek = ouder.index(el)
        for kind in reversed(list(el)):
            ouder.insert(plek, kind)
        ouder.remove(el)
    if keuze == "weigeren":
        for el in root.iter(_w("delText"), _w("delInstrText")):
            el.tag = _w("t") if el.tag == _w("delText") else _w("instrText")
    _voeg_samen(weg_merk)


def _rijen(root: Any, houd: tuple[str, ...], weg: tuple[str, ...]) -> None:
    for rij in list(root.iter(_w("tr"))):
        eigenschappen = rij.find(_w("trPr"))
        if eigenschappen is None:
            continue
        if any(eigenschappen.find(t) is not None for t in weg):
            tabel = rij.getparent()
            tabel.remove(rij)
            if tabel.find(_w("tr")) is None:  # a table without rows is no table: Word drops it
                tabel.getparent().remove(tabel)
            continue
        for m in [m for t in houd for m in eigenschappen.findall(t)]:
            eigenschappen.remove(m)


# A record of former properties, what it holds, and what its properties keep either way
# (a paragraph's mark and section are not its look; a row's being added or removed).
_VORIGE = {
    "pPrChange": ("pPr", ("rPr", "sectPr")),
    "rPrChange": ("rPr", ()),
    "tblPrChange": ("tblPr", ()),
    "trPrChange": ("trPr", ()),
    "tcPrChange": ("tcPr", ()),
}


def _eigenschappen(root: Any, keuze: Keuze) -> None:
    """Former properties (`w:pPrChange` and the like): back when rejecting, the record
    dropped either way."""
    for wijziging in list(root.iter(*_tags(tuple(_VORIGE)))):
        eigenschappen = wijziging.getparent()
        eigenschappen.remove(wijziging)
        naam, blijven = _VORIGE[wijziging.tag.rsplit("}", 1)[1]]
        vorige = wijziging.find(_w(naam))
        if keuze == "accepteren" or vorige is None:
            continue
        blijft = _tags(blijven + _ERBIJ + _ERAF)
        for kind in list(eigenschappen):
            if kind.tag not in blijft:
                eigenschappen.remove(kind)
        for kind in reversed(list(vorige)):
            eigenschappen.insert(0, kind)


def _merken(root: Any, houd: tuple[str, ...], weg: tuple[str, ...]) -> list[Any]:
    """The paragraphs whose mark goes; every mark's record dropped."""
    weg_merk = []
    for p in list(root.iter(_w("p"))):
        opmaak = p.find(f"{_w('pPr')}/{_w('rPr')}")
        if opmaak is None:
            continue
        if any(opmaak.find(t) is not None for t in weg):
            weg_merk.append(p)
        for m in [m for t in houd + weg for m in opmaak.findall(t)]:
            opmaak.remove(m)
    return weg_merk


def _voeg_samen(weg_merk: list[Any]) -> None:
    for p in weg_merk:
        volgende = p.getnext()
        inhoud = [k for k in p if k.tag != _w("pPr")]
        if volgende is not None and volgende.tag == _w("p"):
            plek = 1 if volgende.find(_w("pPr")) is not None else 0
            for kind in reversed(inhoud):
                volgende.insert(plek, kind)
            p.getparent().remove(p)
        elif not inhoud:
            p.getparent().remove(p)
