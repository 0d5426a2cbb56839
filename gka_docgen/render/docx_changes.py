"""compare --word: the new version's DOCX, with every change since the old one tracked.

Both versions are rendered by `render_docx` from the one Word template, so their bodies
have the same shape: the same headings, one table per intervention, the same rows. This
walks both side by side (`alignment`): paragraphs and tables, then rows, then cells,
then words. What stayed is the new document untouched; a changed word is a `w:del` of the
old word and a `w:ins` of the new one at its place; a paragraph, row or table that came or
went is tracked whole. "Accept all" in Word or LibreOffice therefore gives the new
version's document and "reject all" the old one's.

The versions are read into blocks and pieces by `docx_blocks`; paragraph marks are
tracked as Word tracks them (`docx_stream`): a container is a stream of pieces and marks,
a removed mark joining its paragraph to the next. The last mark of a cell or header
cannot be removed, so where a container ends in tracked paragraphs one untracked mark
takes over, the old paragraph's properties kept in a `w:pPrChange`.
"""

from __future__ import annotations

import copy
import io
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.part import Part
from lxml import etree

from gka_docgen.document.model import Agenda
from gka_docgen.render.alignment import Stap, uitlijnen
from gka_docgen.render.context import bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.render.docx_blocks import (
    ALIKE,
    R_ATTR,
    Atoom,
    Blok,
    VersieDeel,
    bloklijkenis,
    cellen_van,
    lees_blok,
    lees_blokken,
    lees_rij,
    rijen_van,
    rijlijkenis,
    wml,
    xml_sleutel,
)
from gka_docgen.render.docx_stream import Spoor, Stuk, heel, laatste_alinea, woorden_vergeleken
from gka_docgen.render.docx_zip import vaste_zip

_XML = "http://www.w3.org/XML/1998/namespace"
# The attributes that name a drawing (VML shape, shape type, signature line) or refer to one.
_VORMNAMEN = ("id", "type", "{urn:schemas-microsoft-com:office:office}spid")
_BLADWIJZERS = (wml("bookmarkStart"), wml("bookmarkEnd"))
# Who made the changes, as Word shows it beside each one.
AUTEUR = "gka-docgen"
# What properties hold besides the look they record: a paragraph's mark and section, a
# row's being added or removed, an earlier change.
_BUITEN_EIGENSCHAPPEN = {
    "pPr": (wml("rPr"), wml("sectPr"), wml("pPrChange")),
    "tblPr": (wml("tblPrChange"),),
    "trPr": (wml("ins"), wml("del"), wml("trPrChange")),
    "tcPr": (wml("tcPrChange"),),
}


@dataclass(frozen=True)
class Revisie:
    """Who made the changes and when, as Word shows it beside each change."""

    auteur: str
    datum: datetime

    @property
    def datum_xml(self) -> str:
        return self.datum.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------- writing the changes


class _Schrijver:
    """Writes the tracked changes of one document: numbered, with author and date, and
    with what a removed piece of the old version relates to copied into the new."""

    def __init__(self, revisie: Revisie) -> None:
        self.revisie = revisie
        self._volgende = 1
        self._rids: dict[tuple[int, str], str] = {}
        self._nieuw: VersieDeel | None = None

    @property
    def gewijzigd(self) -> bool:
        return self._volgende > 1

    def markering(self, spoor: Spoor) -> etree._Element:
        el = etree.Element(wml("ins" if spoor == "bij" else "del"))
        el.set(wml("id"), str(self._volgende))
        el.set(wml("author"), self.revisie.auteur)
        el.set(wml("date"), self.revisie.datum_xml)
        self._volgende += 1
        return el

    # -- one part: the body, a header or a footer

    def vergelijk_deel(
        self, oud: VersieDeel, nieuw: VersieDeel, oude: etree._Element, nieuwe: etree._Element
    ) -> None:
        """Rewrite the container `nieuwe` (of `nieuw`) as `oude` (of `oud`) with the changes."""
        self._nieuw = nieuw
        a, b = lees_blokken(oude, oud), lees_blokken(nieuwe, nieuw)
        vast = bool(a and b and a[-1].alinea and b[-1].alinea)
        self._vervang(nieuwe, self._container(a, b, vast_einde=vast))

    def _vervang(self, container: etree._Element, kinderen: list[etree._Element]) -> None:
        rest = [k for k in container if k.tag not in (wml("p"), wml("tbl"))]
        for k in list(container):
            container.remove(k)
        voor = [k for k in rest if k.tag in (wml("tcPr"),)]
        na = [k for k in rest if k.tag not in (wml("tcPr"),)]
        for k in voor + kinderen + na:
            container.append(k)

    def _container(
        self, oud: list[Blok], nieuw: list[Blok], *, vast_einde: bool
    ) -> list[etree._Element]:
        stroom: list[Stuk] = []
        for stap in uitlijnen(oud, nieuw, lambda b: b.sleutel, bloklijkenis, ALIKE):
            stroom += self._stap(stap)
        if vast_einde:
            laatste = nieuw[-1]
            slot = Stuk(
                "merk",
                "zelfde",
                laatste.versie,
                element=laatste.element.find(wml("pPr")),
                was=oud[-1] if oud and oud[-1].alinea else None,
            )
            laatste_alinea(stroom, slot)
        return self._bouw(stroom)

    def _stap(self, stap: Stap[Blok]) -> list[Stuk]:
        oud, nieuw = stap.oud, stap.nieuw
        if stap.stand == "zelfde":
            assert nieuw is not None
            soort: Literal["alinea", "tabel"] = "alinea" if nieuw.alinea else "tabel"
            return [Stuk(soort, "zelfde", nieuw.versie, element=nieuw.element)]
        if stap.stand == "paar":
            assert oud is not None and nieuw is not None
            if nieuw.alinea:
                return woorden_vergeleken(oud, nieuw)
            return [Stuk("tabel", "zelfde", nieuw.versie, element=self._tabel(oud, nieuw))]
        blok = oud if stap.stand == "weg" else nieuw
        assert blok is not None
        spoor: Spoor = "weg" if stap.stand == "weg" else "bij"
        if blok.alinea:
            return heel(blok, spoor)
        return [
            Stuk(
                "tabel",
                spoor,
                blok.versie,
                element=self._gemarkeerd(blok.element, blok.versie, spoor),
            )
        ]

    def _tabel(self, oud: Blok, nieuw: Blok) -> etree._Element:
        """A table of both versions: its rows aligned, a changed row's cells compared."""
        tabel = nieuw.element
        self._eigenschappen_was(tabel, oud.element, oud.versie, "tblPr")
        rijen = [lees_rij(r, oud.versie) for r in rijen_van(oud.element)]
        nieuwe = [lees_rij(r, nieuw.versie) for r in rijen_van(tabel)]
        for r in rijen_van(tabel):
            tabel.remove(r)
        for stap in uitlijnen(rijen, nieuwe, lambda r: r.sleutel, rijlijkenis, ALIKE):
            if stap.stand == "zelfde":
                assert stap.nieuw is not None
                tabel.append(stap.nieuw.element)
            elif stap.stand == "paar":
                assert stap.oud is not None and stap.nieuw is not None
                rij = stap.nieuw.element
                self._eigenschappen_was(rij, stap.oud.element, oud.versie, "trPr")
                for cel_oud, cel in zip(cellen_van(stap.oud.element), cellen_van(rij), strict=True):
                    self._eigenschappen_was(cel, cel_oud, oud.versie, "tcPr")
                    inhoud = self._container(
                        lees_blokken(cel_oud, oud.versie),
                        lees_blokken(cel, nieuw.versie),
                        vast_einde=True,
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

    def _gemarkeerd(
        self, element: etree._Element, versie: VersieDeel, spoor: Spoor
    ) -> etree._Element:
        """A table or row of one version, whole, as added or removed: each row marked, each
        run and paragraph mark in it too."""
        el = self._van(element, versie)
        rijen = [el] if el.tag == wml("tr") else list(el.iter(wml("tr")))
        for rij in rijen:
            eigenschappen = rij.find(wml("trPr"))
            if eigenschappen is None:
                eigenschappen = etree.Element(wml("trPr"))
                cel = rij.find(wml("tc"))
                (cel.addprevious(eigenschappen) if cel is not None else rij.append(eigenschappen))
            wijziging = eigenschappen.find(wml("trPrChange"))
            if wijziging is not None:
                wijziging.addprevious(self.markering(spoor))
            else:
                eigenschappen.append(self.markering(spoor))
        for p in list(el.iter(wml("p"))):
            self._markeer_merk(p, spoor)
            for kind in list(p):
                if kind.tag == wml("r"):
                    self._omhul(kind, spoor)
                elif kind.tag != wml("pPr"):
                    self._markeer_los(kind, spoor)
        return el

    def _van(self, element: etree._Element, versie: VersieDeel) -> etree._Element:
        """The element itself if it is the new version's, else a copy made at home in it."""
        if versie is self._nieuw:
            return element
        return self._uit_oud(element, versie)

    def _uit_oud(self, element: etree._Element, versie: VersieDeel) -> etree._Element:
        kopie = copy.deepcopy(element)
        for el in list(kopie.iter()):
            if el.tag in _BLADWIJZERS and el is not kopie:
                el.getparent().remove(el)  # the new version may name the same bookmark
                continue
            for naam, waarde in el.attrib.items():
                if naam.startswith(R_ATTR):
                    el.set(naam, self._rid(versie, waarde))
                elif naam in _VORMNAMEN and (naam != "type" or waarde.startswith("#")):
                    el.set(naam, _vorige_naam(waarde))
        return kopie

    def _rid(self, versie: VersieDeel, rid: str) -> str:
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
        eigenschappen = p.find(wml("pPr"))
        if eigenschappen is None:
            eigenschappen = etree.Element(wml("pPr"))
            p.insert(0, eigenschappen)
        opmaak = eigenschappen.find(wml("rPr"))
        if opmaak is None:
            opmaak = etree.Element(wml("rPr"))
            na = [k for k in eigenschappen if k.tag in (wml("sectPr"), wml("pPrChange"))]
            (na[0].addprevious(opmaak) if na else eigenschappen.append(opmaak))
        opmaak.insert(0, self.markering(spoor))

    def _opmaak_was(self, p: etree._Element, was: Blok) -> None:
        """Record (`w:pPrChange`) the old paragraph's properties where they differ, so that
        rejecting gives them back."""
        self._eigenschappen_was(p, was.element, was.versie, "pPr")

    def _eigenschappen_was(
        self, nieuw: etree._Element, oud: etree._Element, versie: VersieDeel, naam: str
    ) -> None:
        """Record the old version's properties (`naam`: pPr, tblPr, trPr or tcPr) of a
        paragraph, table, row or cell in a `w:…Change` where they differ."""
        buiten = _BUITEN_EIGENSCHAPPEN[naam]
        was, nu = oud.find(wml(naam)), nieuw.find(wml(naam))
        eigen = [k for k in (was if was is not None else ()) if k.tag not in buiten]
        huidig = [k for k in (nu if nu is not None else ()) if k.tag not in buiten]
        if [xml_sleutel(k) for k in eigen] == [xml_sleutel(k) for k in huidig]:
            return
        if nu is None:
            nu = etree.Element(wml(naam))
            voor = nieuw.find(wml("tblPrEx"))  # a row's exceptions come before its properties
            (voor.addnext(nu) if voor is not None else nieuw.insert(0, nu))
        wijziging = self.markering("bij")
        wijziging.tag = wml(f"{naam}Change")
        vorige = etree.SubElement(wijziging, wml(naam))
        for k in eigen:
            vorige.append(self._kopie(k, versie))
        nu.append(wijziging)  # the schema has the change last

    def _omhul(self, run: etree._Element, spoor: Spoor) -> None:
        """Put a run (in place) inside a new `w:ins` or `w:del`; a removed run's text
        becomes deleted text."""
        if spoor == "weg":
            _als_verwijderd(run)
        vorige = run.getprevious()
        if vorige is not None and vorige.tag == wml("ins" if spoor == "bij" else "del"):
            vorige.append(run)  # one change with the run before it
            return
        omhulsel = self.markering(spoor)
        run.addprevious(omhulsel)
        omhulsel.append(run)

    def _markeer_los(self, element: etree._Element, spoor: Spoor) -> None:
        """A hyperlink or field of a paragraph, added or removed: the runs inside it."""
        for run in list(element.iter(wml("r"))):
            self._omhul(run, spoor)

    # -- building the paragraphs of a stream

    def _bouw(self, stroom: list[Stuk]) -> list[etree._Element]:
        uit: list[etree._Element] = []
        wachtend: list[Stuk] = []
        for stuk in stroom:
            if stuk.soort == "atoom":
                wachtend.append(stuk)
            elif stuk.soort == "alinea" and not wachtend:
                assert stuk.element is not None
                uit.append(stuk.element)
            elif stuk.soort == "alinea":
                assert stuk.element is not None and stuk.versie is not None
                *inhoud, merk = heel(lees_blok(stuk.element, stuk.versie), "zelfde")
                uit.append(self._alinea(wachtend + inhoud, merk))
                wachtend = []
            elif stuk.soort == "merk":
                uit.append(self._alinea(wachtend, stuk))
                wachtend = []
            else:
                if wachtend:  # not in the agenda's template: a removed mark before a table
                    uit.append(self._alinea(wachtend, Stuk("merk", "zelfde")))
                    wachtend = []
                assert stuk.element is not None
                uit.append(stuk.element)
        if wachtend:
            uit.append(self._alinea(wachtend, Stuk("merk", "zelfde")))
        return uit

    def _alinea(self, inhoud: list[Stuk], merk: Stuk) -> etree._Element:
        """A paragraph from pieces of either version and a mark."""
        p = etree.Element(wml("p"))
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
            if atoom.bron.tag in _BLADWIJZERS and versie is not self._nieuw:
                continue  # the new version may name the same bookmark
            if atoom.bron.tag != wml("r"):  # a hyperlink or field, whole
                los = self._kopie(atoom.bron, versie)
                if stuk.spoor != "zelfde":
                    self._markeer_los(los, stuk.spoor)
                p.append(los)
                vorige = omhulsel = run = None
                continue
            if vorige != (id(atoom.bron), stuk.spoor) or run is None:
                run = etree.Element(wml("r"))
                eigenschappen = atoom.bron.find(wml("rPr"))
                if eigenschappen is not None:
                    run.append(self._kopie(eigenschappen, versie))
                if stuk.spoor == "zelfde":
                    p.append(run)
                    omhulsel = None
                else:
                    if omhulsel is None or omhulsel.tag != wml(
                        "ins" if stuk.spoor == "bij" else "del"
                    ):
                        omhulsel = self.markering(stuk.spoor)
                        p.append(omhulsel)
                    omhulsel.append(run)
                vorige = (id(atoom.bron), stuk.spoor)
            self._voeg_toe(run, atoom, versie, stuk.spoor)
        return p

    def _voeg_toe(
        self, run: etree._Element, atoom: Atoom, versie: VersieDeel, spoor: Spoor
    ) -> None:
        """One piece into a run being built: a word joins the run's last text."""
        if atoom.deel is None:
            tag = wml("delText" if spoor == "weg" else "t")
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

    def _kopie(self, element: etree._Element, versie: VersieDeel) -> etree._Element:
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
    for el in element.iter(wml("t"), wml("instrText")):
        el.tag = wml("delText" if el.tag == wml("t") else "delInstrText")


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
    schrijver.vergelijk_deel(
        VersieDeel(doc_oud.part),
        VersieDeel(doc_nieuw.part),
        doc_oud.element.body,
        doc_nieuw.element.body,
    )
    oude_koppen = _kopteksten(doc_oud)
    for naam, deel in sorted(_kopteksten(doc_nieuw).items()):
        if naam in oude_koppen:
            schrijver.vergelijk_deel(
                VersieDeel(oude_koppen[naam]),
                VersieDeel(deel),
                oude_koppen[naam].element,
                deel.element,
            )
    if not schrijver.gewijzigd:
        return nieuw  # as `build` made it, byte for byte
    uit = io.BytesIO()
    doc_nieuw.save(uit)
    return vaste_zip(uit.getvalue())


def agendas_met_wijzigingen(oud: Agenda, nieuw: Agenda, revisie: Revisie) -> bytes:
    """`compare --word`: the DOCX `build` makes of `nieuw`, with the changes since `oud`
    tracked; without changes, exactly that DOCX."""
    voor, na = render_docx(bouw(oud)), render_docx(bouw(nieuw))
    return met_wijzigingen(voor, na, revisie)
