"""Accept or reject every tracked change of a DOCX, as Word's "accept all" does.

The quick stand-in for Word and LibreOffice in the property tests of `compare --word`
(tests/test_compare_word.py also has LibreOffice do it): a `w:ins` kept and unwrapped,
a `w:del` dropped with what it holds (or the reverse), a row marked as removed dropped,
and a paragraph whose mark is removed joined to the next paragraph.
"""

from __future__ import annotations

import io
from typing import Literal

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(naam: str) -> str:
    return f"{{{W}}}{naam}"


def _verwerk(root: etree._Element, houd: str, weg: str) -> None:
    # Rows first: a row marked as removed goes whole.
    for rij in list(root.iter(_w("tr"))):
        eigenschappen = rij.find(_w("trPr"))
        if eigenschappen is None:
            continue
        if eigenschappen.find(_w(weg)) is not None:
            rij.getparent().remove(rij)
        for m in eigenschappen.findall(_w(houd)):
            eigenschappen.remove(m)
    # A paragraph's former properties: given back when rejecting, dropped when accepting.
    for wijziging in list(root.iter(_w("pPrChange"))):
        eigenschappen = wijziging.getparent()
        if houd == "del":
            vorige = wijziging.find(_w("pPr"))
            for k in list(eigenschappen):
                if k.tag not in (_w("rPr"), _w("sectPr")):
                    eigenschappen.remove(k)
            for k in reversed(list(vorige)):
                eigenschappen.insert(0, k)
        else:
            eigenschappen.remove(wijziging)
    # Paragraph marks: note which are removed, then drop every mark.
    weg_merk = []
    for p in list(root.iter(_w("p"))):
        opmaak = p.find(f"{_w('pPr')}/{_w('rPr')}")
        if opmaak is None:
            continue
        if opmaak.find(_w(weg)) is not None:
            weg_merk.append(p)
        for m in opmaak.findall(_w(houd)) + opmaak.findall(_w(weg)):
            opmaak.remove(m)
    # Runs: the removed ones go, the added ones stay.
    for el in list(root.iter(_w(weg))):
        el.getparent().remove(el)
    for el in list(root.iter(_w(houd))):
        ouder = el.getparent()
        plek = ouder.index(el)
        for k in reversed(list(el)):
            ouder.insert(plek, k)
        ouder.remove(el)
    if houd == "del":
        for el in root.iter(_w("delText"), _w("delInstrText")):
            el.tag = _w("t" if el.tag == _w("delText") else "instrText")
    # A removed mark joins its paragraph to the next; an empty one before a table goes.
    for p in weg_merk:
        volgende = p.getnext()
        inhoud = [k for k in p if k.tag != _w("pPr")]
        if volgende is not None and volgende.tag == _w("p"):
            plek = 1 if volgende.find(_w("pPr")) is not None else 0
            for k in reversed(inhoud):
                volgende.insert(plek, k)
            p.getparent().remove(p)
        elif not inhoud:
            p.getparent().remove(p)


def alles(docx: bytes, hoe: Literal["aanvaard", "verwerp"]) -> bytes:
    """The document with every tracked change accepted or rejected."""
    houd, weg = ("ins", "del") if hoe == "aanvaard" else ("del", "ins")
    doc = Document(io.BytesIO(docx))
    _verwerk(doc.element.body, houd, weg)
    for rel in doc.part.rels.values():
        if rel.reltype in (RELATIONSHIP_TYPE.HEADER, RELATIONSHIP_TYPE.FOOTER):
            _verwerk(rel.target_part.element, houd, weg)
    uit = io.BytesIO()
    doc.save(uit)
    return uit.getvalue()


def wijzigingen(docx: bytes) -> int:
    """How many tracked changes (insertions and deletions) the document holds."""
    doc = Document(io.BytesIO(docx))
    return sum(1 for _ in doc.element.body.iter(_w("ins"), _w("del")))
