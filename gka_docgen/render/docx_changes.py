"""compare --word: the new version's DOCX, with every change since the old one tracked.

Both versions are rendered by `render_docx` from the one Word template, so their bodies
have the same shape: the same headings, one table per intervention, the same rows. This
walks both side by side (`alignment`): paragraphs and tables, then rows, then cells,
then words. What stayed is the new document untouched; a changed word is a `w:del` of the
old word and a `w:ins` of the new one at its place; a paragraph, row or table that came or
went is tracked whole. "Accept all" in Word or LibreOffice therefore gives the new
version's document and "reject all" the old one's.

Paragraph marks are tracked as Word tracks them: a container (the body, a cell, a header)
is a stream of words and paragraph marks, and a removed mark joins its paragraph to the
next. The last mark of a cell or header cannot be removed, so where a container ends in
tracked paragraphs one mark of each version moves to its end (`_laatste_alinea`); the text
of both versions stays exact, the style of the old version's last paragraph there may not.
"""

from __future__ import annotations

import copy
import hashlib
import io
import uuid
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from typing import Any, Literal

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.part import Part
from lxml import etree

from gka_docgen.document.model import Agenda
from gka_docgen.document.word_diff import woorden
from gka_docgen.render.alignment import Stap, uitlijnen, woordgelijkenis
from gka_docgen.render.context import bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.render.docx_zip import vaste_zip

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML = "http://www.w3.org/XML/1998/namespace"
_R = f"{{{R}}}"

# The attributes that name a drawing (VML shape, shape type, signature line) or refer to one.
_VORMNAMEN = ("id", "type", "{urn:schemas-microsoft-com:office:office}spid")
# Who made the changes, as Word shows it beside each one.
AUTEUR = "gka-docgen"
# Paragraphs this alike (in words) are one paragraph changed; tables and rows likewise.
_ALIKE = 0.5

Spoor = Literal["zelfde", "weg", "bij"]


def _w(naam: str) -> str:
    return f"{{{W}}}{naam}"


# What a paragraph's properties hold besides its look: its mark, its section, a change.
_MERKDELEN = (_w("rPr"), _w("sectPr"), _w("pPrChange"))


@dataclass(frozen=True)
class Revisie:
    """Who made the changes and when, as Word shows it beside each change."""

    auteur: str
    datum: datetime

    @property
    def datum_xml(self) -> str:
        return self.datum.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------- reading a version


@dataclass
class _Versie:
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
                if naam.startswith(_R):
                    el.set(naam, self.doel(waarde))
        return bytes(etree.tostring(kopie, method="c14n", exclusive=True))


@dataclass(frozen=True)
class _Atoom:
    """What a paragraph holds, in pieces to compare: a word or the white space between
    words, another part of a run (a tab, a signature line), or a part of the paragraph
    that is not a run (a hyperlink), whole."""

    sleutel: Hashable
    bron: etree._Element  # the run of a word or run part; else the paragraph part itself
    deel: etree._Element | None = None  # a run part; None for a word or a paragraph part
    tekst: str = ""


@dataclass(frozen=True)
class _Blok:
    """A paragraph or a table of one version, with its key (equal keys, equal blocks)."""

    element: etree._Element
    versie: _Versie
    sleutel: Hashable
    woorden: tuple[str, ...]
    atomen: tuple[_Atoom, ...] = ()

    @property
    def alinea(self) -> bool:
        return bool(self.element.tag == _w("p"))

    @property
    def opmaak(self) -> bytes:
        return _xml(self.element.find(_w("pPr")))


def _xml(element: etree._Element | None) -> bytes:
    return b"" if element is None else etree.tostring(element, method="c14n", exclusive=True)


def _tekst(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(_w("t")))


def _atomen(p: etree._Element, versie: _Versie) -> tuple[_Atoom, ...]:
    uit: list[_Atoom] = []
    for kind in p:
        if kind.tag == _w("pPr"):
            continue
        if kind.tag != _w("r"):
            uit.append(_Atoom(("los", versie.xml(kind)), kind))
            continue
        opmaak = _xml(kind.find(_w("rPr")))
        for deel in kind:
            if deel.tag == _w("rPr"):
                continue
            if deel.tag == _w("t"):
                uit += [_Atoom(("t", opmaak, w), kind, None, w) for w in woorden(deel.text or "")]
            else:
                uit.append(_Atoom(("r", opmaak, versie.xml(deel)), kind, deel))
    return tuple(uit)


def _blok(element: etree._Element, versie: _Versie) -> _Blok:
    woordenlijst = tuple(w for w in woorden(_tekst(element)) if not w.isspace())
    if element.tag == _w("p"):
        atomen = _atomen(element, versie)
        opmaak = _xml(element.find(_w("pPr")))
        return _Blok(
            element, versie, ("p", opmaak, tuple(a.sleutel for a in atomen)), woordenlijst, atomen
        )
    return _Blok(element, versie, ("tbl", versie.xml(element)), woordenlijst)


def _blokken(container: etree._Element, versie: _Versie) -> list[_Blok]:
    return [_blok(k, versie) for k in container if k.tag in (_w("p"), _w("tbl"))]


def _rijen(tabel: etree._Element) -> list[etree._Element]:
    return list(tabel.findall(_w("tr")))


def _cellen(rij: etree._Element) -> list[etree._Element]:
    return list(rij.findall(_w("tc")))


def _waardewoorden(tabel: etree._Element) -> list[str]:
    """The words of a table's cells besides the first of each row (its label or name)."""
    return [
        w
        for rij in _rijen(tabel)
        for cel in _cellen(rij)[1:]
        for w in woorden(_tekst(cel))
        if not w.isspace()
    ]


def _bloklijkenis(a: _Blok, b: _Blok) -> float:
    if a.element.tag != b.element.tag:
        return 0.0
    if a.alinea:
        return woordgelijkenis(a.woorden, b.woorden) if a.opmaak == b.opmaak else 0.0
    rij_a, rij_b = _rijen(a.element)[:1], _rijen(b.element)[:1]
    if rij_a and rij_b and a.versie.xml(rij_a[0]) == b.versie.xml(rij_b[0]):
        return 1.0  # the same first row: the same intervention, community or signatory
    return woordgelijkenis(_waardewoorden(a.element), _waardewoorden(b.element))


@dataclass(frozen=True)
class _Rij:
    element: etree._Element
    versie: _Versie
    sleutel: Hashable
    woorden: tuple[str, ...]
    label: bytes  # the first cell


def _rij(element: etree._Element, versie: _Versie) -> _Rij:
    cellen = _cellen(element)
    return _Rij(
        element,
        versie,
        versie.xml(element),
        tuple(w for w in woorden(_tekst(element)) if not w.isspace()),
        versie.xml(cellen[0]) if cellen else b"",
    )


def _rijlijkenis(a: _Rij, b: _Rij) -> float:
    if len(_cellen(a.element)) != len(_cellen(b.element)):
        return 0.0
    if a.label == b.label:
        return 1.0  # the same label, or the same name in the budget
    return woordgelijkenis(a.woorden, b.woorden)


# ---------------------------------------------------------------- a container as a stream


@dataclass
class _Stuk:
    """One item of a container's stream: a piece of a paragraph, a paragraph mark (with
    the paragraph's properties), a whole unchanged paragraph, or a finished table."""

    soort: Literal["atoom", "merk", "alinea", "tabel"]
    spoor: Spoor
    versie: _Versie | None = None
    atoom: _Atoom | None = None
    element: etree._Element | None = None  # a mark's pPr, an unchanged paragraph, a table
    # A container's last mark: the old version's last paragraph, whose properties it takes
    # when the changes are rejected.
    was: _Blok | None = None

    @property
    def is_merk(self) -> bool:
        return self.soort in ("merk", "alinea")


def _heel(blok: _Blok, spoor: Spoor) -> list[_Stuk]:
    """A paragraph whole, as pieces and its mark, all with one track."""
    stukken = [_Stuk("atoom", spoor, blok.versie, a) for a in blok.atomen]
    return [*stukken, _Stuk("merk", spoor, blok.versie, element=blok.element.find(_w("pPr")))]


def _woordverschil(oud: _Blok, nieuw: _Blok) -> list[_Stuk]:
    """A changed paragraph: its pieces word by word, removed before added, then its mark."""
    a, b = oud.atomen, nieuw.atomen
    uit: list[_Stuk] = []
    matcher = SequenceMatcher(None, [x.sleutel for x in a], [x.sleutel for x in b], autojunk=False)
    for soort, i1, i2, j1, j2 in matcher.get_opcodes():
        if soort == "equal":
            uit += [_Stuk("atoom", "zelfde", nieuw.versie, x) for x in b[j1:j2]]
        else:
            uit += [_Stuk("atoom", "weg", oud.versie, x) for x in a[i1:i2]]
            uit += [_Stuk("atoom", "bij", nieuw.versie, x) for x in b[j1:j2]]
    return [*uit, _Stuk("merk", "zelfde", nieuw.versie, element=nieuw.element.find(_w("pPr")))]


def _laatste_alinea(stroom: list[_Stuk], slot: _Stuk) -> None:
    """Make the container end in an untracked paragraph mark (`slot`, the new version's
    last paragraph's properties) without changing what accepting or rejecting gives.

    After the last untracked mark, the new version has as many added marks as it has
    paragraphs there, the old as many removed ones; the container's own last mark ends
    both. So the last added and the last removed mark give way to `slot`; where one
    version has no paragraph there, the last untracked mark is tracked in its stead.
    """
    laatste = max(
        (i for i, s in enumerate(stroom) if s.is_merk and s.spoor == "zelfde"), default=-1
    )
    staart = stroom[laatste + 1 :]
    if any(s.soort == "tabel" for s in staart):
        return  # a table in a cell: not in the agenda's template
    bij = [i for i, s in enumerate(stroom) if i > laatste and s.is_merk and s.spoor == "bij"]
    weg = [i for i, s in enumerate(stroom) if i > laatste and s.is_merk and s.spoor == "weg"]
    if not bij and not weg:
        return
    if bij and weg:
        for i in sorted((bij[-1], weg[-1]), reverse=True):
            del stroom[i]
    elif laatste >= 0:
        spoor: Spoor = "bij" if bij else "weg"
        del stroom[(bij or weg)[-1]]
        onveranderd = stroom[laatste]
        if onveranderd.soort == "alinea":
            assert onveranderd.versie is not None and onveranderd.element is not None
            stroom[laatste : laatste + 1] = _heel(
                _blok(onveranderd.element, onveranderd.versie), "zelfde"
            )
            laatste = max(i for i, s in enumerate(stroom) if s.is_merk and s.spoor == "zelfde")
        stroom[laatste].spoor = spoor
    else:
        return
    stroom.append(slot)


# ---------------------------------------------------------------- writing the changes


class _Schrijver:
    """Writes the tracked changes of one document: numbered, with author and date, and
    with what a removed piece of the old version relates to copied into the new."""

    def __init__(self, revisie: Revisie) -> None:
        self.revisie = revisie
        self._volgende = 1
        self._rids: dict[tuple[int, str], str] = {}
        self._nieuw: _Versie | None = None

    @property
    def gewijzigd(self) -> bool:
        return self._volgende > 1

    def markering(self, spoor: Spoor) -> etree._Element:
        el = etree.Element(_w("ins" if spoor == "bij" else "del"))
        el.set(_w("id"), str(self._volgende))
        el.set(_w("author"), self.revisie.auteur)
        el.set(_w("date"), self.revisie.datum_xml)
        self._volgende += 1
        return el

    # -- one part: the body, a header or a footer

    def deel(
        self, oud: _Versie, nieuw: _Versie, oude: etree._Element, nieuwe: etree._Element
    ) -> None:
        """Rewrite the container `nieuwe` (of `nieuw`) as `oude` (of `oud`) with the changes."""
        self._nieuw = nieuw
        a, b = _blokken(oude, oud), _blokken(nieuwe, nieuw)
        vast = bool(a and b and a[-1].alinea and b[-1].alinea)
        self._vervang(nieuwe, self._container(a, b, vast_einde=vast))

    def _vervang(self, container: etree._Element, kinderen: list[etree._Element]) -> None:
        rest = [k for k in container if k.tag not in (_w("p"), _w("tbl"))]
        for k in list(container):
            container.remove(k)
        voor = [k for k in rest if k.tag in (_w("tcPr"),)]
        na = [k for k in rest if k.tag not in (_w("tcPr"),)]
        for k in voor + kinderen + na:
            container.append(k)

    def _container(
        self, oud: list[_Blok], nieuw: list[_Blok], *, vast_einde: bool
    ) -> list[etree._Element]:
        stroom: list[_Stuk] = []
        for stap in uitlijnen(oud, nieuw, lambda b: b.sleutel, _bloklijkenis, _ALIKE):
            stroom += self._stap(stap)
        if vast_einde:
            laatste = nieuw[-1]
            slot = _Stuk(
                "merk",
                "zelfde",
                laatste.versie,
                element=laatste.element.find(_w("pPr")),
                was=oud[-1] if oud and oud[-1].alinea else None,
            )
            _laatste_alinea(stroom, slot)
        return self._bouw(stroom)

    def _stap(self, stap: Stap[_Blok]) -> list[_Stuk]:
        oud, nieuw = stap.oud, stap.nieuw
        if stap.stand == "zelfde":
            assert nieuw is not None
            soort: Literal["alinea", "tabel"] = "alinea" if nieuw.alinea else "tabel"
            return [_Stuk(soort, "zelfde", nieuw.versie, element=nieuw.element)]
        if stap.stand == "paar":
            assert oud is not None and nieuw is not None
            if nieuw.alinea:
                return _woordverschil(oud, nieuw)
            return [_Stuk("tabel", "zelfde", nieuw.versie, element=self._tabel(oud, nieuw))]
        blok = oud if stap.stand == "weg" else nieuw
        assert blok is not None
        spoor: Spoor = "weg" if stap.stand == "weg" else "bij"
        if blok.alinea:
            return _heel(blok, spoor)
        return [
            _Stuk(
                "tabel",
                spoor,
                blok.versie,
                element=self._gemarkeerd(blok.element, blok.versie, spoor),
            )
        ]

    def _tabel(self, oud: _Blok, nieuw: _Blok) -> etree._Element:
        """A table of both versions: its rows aligned, a changed row's cells compared."""
        tabel = nieuw.element
        rijen = [_rij(r, oud.versie) for r in _rijen(oud.element)]
        nieuwe = [_rij(r, nieuw.versie) for r in _rijen(tabel)]
        for r in _rijen(tabel):
            tabel.remove(r)
        for stap in uitlijnen(rijen, nieuwe, lambda r: r.sleutel, _rijlijkenis, _ALIKE):
            if stap.stand == "zelfde":
                assert stap.nieuw is not None
                tabel.append(stap.nieuw.element)
            elif stap.stand == "paar":
                assert stap.oud is not None and stap.nieuw is not None
                rij = stap.nieuw.element
                for cel_oud, cel in zip(_cellen(stap.oud.element), _cellen(rij), strict=True):
                    inhoud = self._container(
                        _blokken(cel_oud, oud.versie), _blokken(cel, nieuw.versie), vast_einde=True
                    )
                    self._vervang(cel, inhoud)
                tabel.append(rij)
            else:
                r = stap.oud if stap.stand == "weg" else stap.nieuw
                assert r is not None
                spoor: Spoor = "weg" if stap.stand == "weg" else "bij"
                tabel.append(self._gemarkeerd(r.element, r.versie, spoor))
        return tabel

    # -- tracking whole pieces

    def _gemarkeerd(self, element: etree._Element, versie: _Versie, spoor: Spoor) -> etree._Element:
        """A table or row of one version, whole, as added or removed: each row marked, each
        run and paragraph mark in it too."""
        el = self._van(element, versie)
        rijen = [el] if el.tag == _w("tr") else list(el.iter(_w("tr")))
        for rij in rijen:
            eigenschappen = rij.find(_w("trPr"))
            if eigenschappen is None:
                eigenschappen = etree.Element(_w("trPr"))
                cel = rij.find(_w("tc"))
                (cel.addprevious(eigenschappen) if cel is not None else rij.append(eigenschappen))
            wijziging = eigenschappen.find(_w("trPrChange"))
            if wijziging is not None:
                wijziging.addprevious(self.markering(spoor))
            else:
                eigenschappen.append(self.markering(spoor))
        for p in list(el.iter(_w("p"))):
            self._markeer_merk(p, spoor)
            for kind in list(p):
                if kind.tag == _w("r"):
                    self._omhul(kind, spoor)
                elif kind.tag != _w("pPr"):
                    self._markeer_los(kind, spoor)
        return el

    def _van(self, element: etree._Element, versie: _Versie) -> etree._Element:
        """The element itself if it is the new version's, else a copy made at home in it."""
        if versie is self._nieuw:
            return element
        return self._uit_oud(element, versie)

    def _uit_oud(self, element: etree._Element, versie: _Versie) -> etree._Element:
        kopie = copy.deepcopy(element)
        for el in list(kopie.iter()):
            if el.tag in (_w("bookmarkStart"), _w("bookmarkEnd")) and el is not kopie:
                el.getparent().remove(el)  # the new version may name the same bookmark
                continue
            for naam, waarde in el.attrib.items():
                if naam.startswith(_R):
                    el.set(naam, self._rid(versie, waarde))
                elif naam in _VORMNAMEN and (naam != "type" or waarde.startswith("#")):
                    el.set(naam, _vorige_naam(waarde))
        return kopie

    def _rid(self, versie: _Versie, rid: str) -> str:
        """The new version's relationship to what the old one's `rid` points at."""
        assert self._nieuw is not None
        sleutel = (id(versie.deel), rid)
        if sleutel not in self._rids:
            rel = versie.deel.rels[rid]
            deel = self._nieuw.deel
            if rel.is_external:
                self._rids[sleutel] = deel.relate_to(rel.target_ref, rel.reltype, is_external=True)
            else:
                bron = rel.target_part
                naam = deel.package.next_partname(f"/word/media/vorige%d.{bron.partname.ext}")
                kopie = Part(naam, bron.content_type, bron.blob, deel.package)
                self._rids[sleutel] = deel.relate_to(kopie, rel.reltype)
        return self._rids[sleutel]

    def _markeer_merk(self, p: etree._Element, spoor: Spoor) -> None:
        eigenschappen = p.find(_w("pPr"))
        if eigenschappen is None:
            eigenschappen = etree.Element(_w("pPr"))
            p.insert(0, eigenschappen)
        opmaak = eigenschappen.find(_w("rPr"))
        if opmaak is None:
            opmaak = etree.Element(_w("rPr"))
            na = [k for k in eigenschappen if k.tag in (_w("sectPr"), _w("pPrChange"))]
            (na[0].addprevious(opmaak) if na else eigenschappen.append(opmaak))
        opmaak.insert(0, self.markering(spoor))

    def _opmaak_was(self, p: etree._Element, was: _Blok) -> None:
        """Record (`w:pPrChange`) the old paragraph's properties where they differ, so that
        rejecting gives them back."""
        oud = was.element.find(_w("pPr"))
        eigen = [k for k in (oud if oud is not None else ()) if k.tag not in _MERKDELEN]
        eigenschappen = p.find(_w("pPr"))
        nu = [
            k
            for k in (eigenschappen if eigenschappen is not None else ())
            if k.tag not in _MERKDELEN
        ]
        if [_xml(k) for k in eigen] == [_xml(k) for k in nu]:
            return
        if eigenschappen is None:
            eigenschappen = etree.Element(_w("pPr"))
            p.insert(0, eigenschappen)
        wijziging = self.markering("bij")
        wijziging.tag = _w("pPrChange")
        vorige = etree.SubElement(wijziging, _w("pPr"))
        for k in eigen:
            vorige.append(self._kopie(k, was.versie))
        eigenschappen.append(wijziging)

    def _omhul(self, run: etree._Element, spoor: Spoor) -> None:
        """Put a run (in place) inside a new `w:ins` or `w:del`; a removed run's text
        becomes deleted text."""
        if spoor == "weg":
            _als_verwijderd(run)
        vorige = run.getprevious()
        if vorige is not None and vorige.tag == _w("ins" if spoor == "bij" else "del"):
            vorige.append(run)  # one change with the run before it
            return
        omhulsel = self.markering(spoor)
        run.addprevious(omhulsel)
        omhulsel.append(run)

    def _markeer_los(self, element: etree._Element, spoor: Spoor) -> None:
        """A hyperlink or field of a paragraph, added or removed: the runs inside it."""
        for run in list(element.iter(_w("r"))):
            self._omhul(run, spoor)

    # -- building the paragraphs of a stream

    def _bouw(self, stroom: list[_Stuk]) -> list[etree._Element]:
        uit: list[etree._Element] = []
        wachtend: list[_Stuk] = []
        for stuk in stroom:
            if stuk.soort == "atoom":
                wachtend.append(stuk)
            elif stuk.soort == "alinea" and not wachtend:
                assert stuk.element is not None
                uit.append(stuk.element)
            elif stuk.soort == "alinea":
                assert stuk.element is not None and stuk.versie is not None
                *inhoud, merk = _heel(_blok(stuk.element, stuk.versie), "zelfde")
                uit.append(self._alinea(wachtend + inhoud, merk))
                wachtend = []
            elif stuk.soort == "merk":
                uit.append(self._alinea(wachtend, stuk))
                wachtend = []
            else:
                if wachtend:  # not in the agenda's template: a removed mark before a table
                    uit.append(self._alinea(wachtend, _Stuk("merk", "zelfde")))
                    wachtend = []
                assert stuk.element is not None
                uit.append(stuk.element)
        if wachtend:
            uit.append(self._alinea(wachtend, _Stuk("merk", "zelfde")))
        return uit

    def _alinea(self, inhoud: list[_Stuk], merk: _Stuk) -> etree._Element:
        """A paragraph from pieces of either version and a mark."""
        p = etree.Element(_w("p"))
        if merk.element is not None:
            assert merk.versie is not None
            p.append(self._kopie(merk.element, merk.versie))
        if merk.spoor != "zelfde":
            self._markeer_merk(p, merk.spoor)
        if merk.was is not None:
            self._opmaak_was(p, merk.was)
        vorige: tuple[int, Spoor] | None = None
        omhulsel: etree._Element | None = None
        run: etree._Element | None = None
        for stuk in inhoud:
            atoom, versie = stuk.atoom, stuk.versie
            assert atoom is not None and versie is not None
            if atoom.bron.tag != _w("r"):  # a hyperlink or field, whole
                los = self._kopie(atoom.bron, versie)
                if stuk.spoor != "zelfde":
                    self._markeer_los(los, stuk.spoor)
                p.append(los)
                vorige = omhulsel = run = None
                continue
            if vorige != (id(atoom.bron), stuk.spoor) or run is None:
                run = etree.Element(_w("r"))
                eigenschappen = atoom.bron.find(_w("rPr"))
                if eigenschappen is not None:
                    run.append(self._kopie(eigenschappen, versie))
                if stuk.spoor == "zelfde":
                    p.append(run)
                    omhulsel = None
                else:
                    if omhulsel is None or omhulsel.tag != _w(
                        "ins" if stuk.spoor == "bij" else "del"
                    ):
                        omhulsel = self.markering(stuk.spoor)
                        p.append(omhulsel)
                    omhulsel.append(run)
                vorige = (id(atoom.bron), stuk.spoor)
            self._voeg_toe(run, atoom, versie, stuk.spoor)
        return p

    def _voeg_toe(self, run: etree._Element, atoom: _Atoom, versie: _Versie, spoor: Spoor) -> None:
        """One piece into a run being built: a word joins the run's last text."""
        if atoom.deel is None:
            tag = _w("delText" if spoor == "weg" else "t")
            laatste = run[-1] if len(run) else None
            if laatste is None or laatste.tag != tag:
                laatste = etree.SubElement(run, tag)
                laatste.set(f"{{{_XML}}}space", "preserve")
                laatste.text = ""
            laatste.text = (laatste.text or "") + atoom.tekst
            return
        deel = self._kopie(atoom.deel, versie)
        if spoor == "weg":
            _als_verwijderd(deel)
        run.append(deel)

    def _kopie(self, element: etree._Element, versie: _Versie) -> etree._Element:
        if versie is self._nieuw:
            return copy.deepcopy(element)
        return self._uit_oud(element, versie)


def _vorige_naam(waarde: str) -> str:
    """A drawing's name (a VML shape's id, a signature line's GUID) for its copy from the
    old version: its own, as the new version may hold the same drawing."""
    if waarde.startswith("{") and waarde.endswith("}"):
        return "{" + str(uuid.uuid5(uuid.NAMESPACE_OID, waarde)).upper() + "}"
    if waarde.startswith("#"):
        return f"#{waarde[1:]}_vorige"
    return f"{waarde}_vorige"


def _als_verwijderd(element: etree._Element) -> None:
    """Text and field codes inside a removed piece are deleted text, as the schema has it."""
    for el in element.iter(_w("t"), _w("instrText")):
        el.tag = _w("delText" if el.tag == _w("t") else "delInstrText")


# ---------------------------------------------------------------- the package


def _kopteksten(document: Any) -> dict[str, Any]:
    """The headers and footers of a document part, by part name."""
    soorten = (RELATIONSHIP_TYPE.HEADER, RELATIONSHIP_TYPE.FOOTER)
    return {
        str(rel.target_part.partname): rel.target_part
        for rel in document.part.rels.values()
        if rel.reltype in soorten
    }


def met_wijzigingen(oud: bytes, nieuw: bytes, revisie: Revisie) -> bytes:
    """The DOCX `nieuw` with every difference from `oud` a tracked change by `revisie`.

    Both are DOCX files `render_docx` made. Accepting all changes gives `nieuw`'s text,
    rejecting all gives `oud`'s. Reproducible: the same inputs give the same bytes.
    """
    doc_oud, doc_nieuw = Document(io.BytesIO(oud)), Document(io.BytesIO(nieuw))
    schrijver = _Schrijver(revisie)
    schrijver.deel(
        _Versie(doc_oud.part), _Versie(doc_nieuw.part), doc_oud.element.body, doc_nieuw.element.body
    )
    oude_koppen = _kopteksten(doc_oud)
    for naam, deel in sorted(_kopteksten(doc_nieuw).items()):
        if naam in oude_koppen:
            schrijver.deel(
                _Versie(oude_koppen[naam]), _Versie(deel), oude_koppen[naam].element, deel.element
            )
    if not schrijver.gewijzigd:
        return nieuw  # as `build` made it, byte for byte
    uit = io.BytesIO()
    doc_nieuw.save(uit)
    return vaste_zip(uit.getvalue())


def gevolgd(oud: Agenda, nieuw: Agenda, revisie: Revisie) -> bytes:
    """`compare --word`: the DOCX `build` makes of `nieuw`, with the changes since `oud`
    tracked; without changes, exactly that DOCX."""
    voor, na = render_docx(bouw(oud)), render_docx(bouw(nieuw))
    return met_wijzigingen(voor, na, revisie)
