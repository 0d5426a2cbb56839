"""The two versions `compare --word` walks side by side, read as what can be compared.

A part of a DOCX (the body, a header, a footer) is a list of blocks: paragraphs and
tables. A paragraph is a list of pieces (`Atoom`): a word or the white space between two,
another part of a run (a tab, a signature line), or a part of the paragraph that is not a
run (a hyperlink), whole. Each has a key: equal keys, equal content, with every
relationship id replaced by what it points at, so the same picture or web link in both
versions compares equal. How alike two paragraphs, tables or rows are decides which are
one item changed (`docx_changes`).
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from lxml import etree

from gka_docgen.document.word_diff import woorden
from gka_docgen.render.alignment import woordgelijkenis

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_ATTR = f"{{{R}}}"
# Paragraphs this alike (in words) are one paragraph changed; tables and rows likewise.
ALIKE = 0.5


def wml(naam: str) -> str:
    """A WordprocessingML tag or attribute name: `wml("p")` is `{…/main}p`."""
    return f"{{{W}}}{naam}"


@dataclass
class VersieDeel:
    """One version of a part (the body, a header): what its relationships point at."""

    deel: Any  # docx.opc.part.Part

    def doel(self, rid: str) -> str:
        rel = self.deel.rels.get(rid)
        if rel is None:
            return rid
        if rel.is_external:
            return f"url:{rel.target_ref}"
        return "deel:" + hashlib.sha256(rel.target_part.blob).hexdigest()

    def xml(self, element: etree._Element) -> bytes:
        """The element's XML, each relationship id replaced by what it points at."""
        kopie = copy.deepcopy(element)
        for el in kopie.iter():
            for naam, waarde in el.attrib.items():
                if naam.startswith(R_ATTR):
                    el.set(naam, self.doel(waarde))
        return bytes(etree.tostring(kopie, method="c14n", exclusive=True))


@dataclass(frozen=True)
class Atoom:
    """What a paragraph holds, in pieces to compare: a word or the white space between
    words, another part of a run (a tab, a signature line), or a part of the paragraph
    that is not a run (a hyperlink), whole."""

    sleutel: Hashable
    bron: etree._Element  # the run of a word or run part; else the paragraph part itself
    deel: etree._Element | None = None  # a run part; None for a word or a paragraph part
    tekst: str = ""


@dataclass(frozen=True)
class Blok:
    """A paragraph or a table of one version, with its key (equal keys, equal blocks)."""

    element: etree._Element
    versie: VersieDeel
    sleutel: Hashable
    woorden: tuple[str, ...]
    atomen: tuple[Atoom, ...] = ()

    @property
    def alinea(self) -> bool:
        return bool(self.element.tag == wml("p"))

    @property
    def opmaak(self) -> bytes:
        return xml_sleutel(self.element.find(wml("pPr")))


def xml_sleutel(element: etree._Element | None) -> bytes:
    return b"" if element is None else etree.tostring(element, method="c14n", exclusive=True)


def tekst_van(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(wml("t")))


def atomen_van(p: etree._Element, versie: VersieDeel) -> tuple[Atoom, ...]:
    uit: list[Atoom] = []
    for kind in p:
        if kind.tag == wml("pPr"):
            continue
        if kind.tag != wml("r"):
            uit.append(Atoom(("los", versie.xml(kind)), kind))
            continue
        opmaak = xml_sleutel(kind.find(wml("rPr")))
        for deel in kind:
            if deel.tag == wml("rPr"):
                continue
            if deel.tag == wml("t"):
                uit += [Atoom(("t", opmaak, w), kind, None, w) for w in woorden(deel.text or "")]
            else:
                uit.append(Atoom(("r", opmaak, versie.xml(deel)), kind, deel))
    return tuple(uit)


def lees_blok(element: etree._Element, versie: VersieDeel) -> Blok:
    woordenlijst = tuple(w for w in woorden(tekst_van(element)) if not w.isspace())
    if element.tag == wml("p"):
        atomen = atomen_van(element, versie)
        opmaak = xml_sleutel(element.find(wml("pPr")))
        return Blok(
            element, versie, ("p", opmaak, tuple(a.sleutel for a in atomen)), woordenlijst, atomen
        )
    return Blok(element, versie, ("tbl", versie.xml(element)), woordenlijst)


def lees_blokken(container: etree._Element, versie: VersieDeel) -> list[Blok]:
    return [lees_blok(k, versie) for k in container if k.tag in (wml("p"), wml("tbl"))]


def rijen_van(tabel: etree._Element) -> list[etree._Element]:
    return list(tabel.findall(wml("tr")))


def cellen_van(rij: etree._Element) -> list[etree._Element]:
    return list(rij.findall(wml("tc")))


def _waardewoorden(tabel: etree._Element) -> list[str]:
    """The words of a table's cells besides the first of each row (its label or name)."""
    return [
        w
        for rij in rijen_van(tabel)
        for cel in cellen_van(rij)[1:]
        for w in woorden(tekst_van(cel))
        if not w.isspace()
    ]


def bloklijkenis(a: Blok, b: Blok) -> float:
    if a.element.tag != b.element.tag:
        return 0.0
    if a.alinea:
        return woordgelijkenis(a.woorden, b.woorden) if a.opmaak == b.opmaak else 0.0
    rij_a, rij_b = rijen_van(a.element)[:1], rijen_van(b.element)[:1]
    if rij_a and rij_b and a.versie.xml(rij_a[0]) == b.versie.xml(rij_b[0]):
        return 1.0  # the same first row: the same intervention, community or signatory
    return woordgelijkenis(_waardewoorden(a.element), _waardewoorden(b.element))


@dataclass(frozen=True)
class Rij:
    element: etree._Element
    versie: VersieDeel
    sleutel: Hashable
    woorden: tuple[str, ...]
    label: bytes  # the first cell


def lees_rij(element: etree._Element, versie: VersieDeel) -> Rij:
    cellen = cellen_van(element)
    return Rij(
        element,
        versie,
        versie.xml(element),
        tuple(w for w in woorden(tekst_van(element)) if not w.isspace()),
        versie.xml(cellen[0]) if cellen else b"",
    )


def rijlijkenis(a: Rij, b: Rij) -> float:
    if len(cellen_van(a.element)) != len(cellen_van(b.element)):
        return 0.0
    if a.label == b.label:
        return 1.0  # the same label, or the same name in the budget
    return woordgelijkenis(a.woorden, b.woorden)
