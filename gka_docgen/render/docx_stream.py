"""A container (the body, a cell, a header) of two versions as one stream, as Word reads
tracked changes: pieces of paragraphs and paragraph marks, each kept, removed or added,
and whole tables. A removed mark joins its paragraph to the next one.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from lxml import etree

from gka_docgen.render.docx_blocks import Atoom, Blok, VersieDeel, lees_blok, wml

Spoor = Literal["zelfde", "weg", "bij"]


@dataclass
class Stuk:
    """One item of a container's stream: a piece of a paragraph, a paragraph mark (with
    the paragraph's properties), a whole unchanged paragraph, or a finished table."""

    soort: Literal["atoom", "merk", "alinea", "tabel"]
    spoor: Spoor
    versie: VersieDeel | None = None
    atoom: Atoom | None = None
    element: etree._Element | None = None  # a mark's pPr, an unchanged paragraph, a table
    # A container's last mark: the old version's last paragraph, whose properties it takes
    # when the changes are rejected.
    was: Blok | None = None

    @property
    def is_merk(self) -> bool:
        return self.soort in ("merk", "alinea")


def heel(blok: Blok, spoor: Spoor) -> list[Stuk]:
    """A paragraph whole, as pieces and its mark, all with one track."""
    stukken = [Stuk("atoom", spoor, blok.versie, a) for a in blok.atomen]
    return [*stukken, Stuk("merk", spoor, blok.versie, element=blok.element.find(wml("pPr")))]


def woorden_vergeleken(oud: Blok, nieuw: Blok) -> list[Stuk]:
    """A changed paragraph: its pieces word by word, removed before added, then its mark."""
    a, b = oud.atomen, nieuw.atomen
    uit: list[Stuk] = []
    matcher = SequenceMatcher(None, [x.sleutel for x in a], [x.sleutel for x in b], autojunk=False)
    for soort, i1, i2, j1, j2 in matcher.get_opcodes():
        if soort == "equal":
            uit += [Stuk("atoom", "zelfde", nieuw.versie, x) for x in b[j1:j2]]
        else:
            uit += [Stuk("atoom", "weg", oud.versie, x) for x in a[i1:i2]]
            uit += [Stuk("atoom", "bij", nieuw.versie, x) for x in b[j1:j2]]
    return [*uit, Stuk("merk", "zelfde", nieuw.versie, element=nieuw.element.find(wml("pPr")))]


def laatste_alinea(stroom: list[Stuk], slot: Stuk) -> None:
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
            stroom[laatste : laatste + 1] = heel(
                lees_blok(onveranderd.element, onveranderd.versie), "zelfde"
            )
            laatste = max(i for i, s in enumerate(stroom) if s.is_merk and s.spoor == "zelfde")
        stroom[laatste].spoor = spoor
    else:
        return
    stroom.append(slot)
