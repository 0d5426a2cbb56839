"""Two texts word by word: what was deleted and what inserted, as marked-up text.

The words are compared, not the characters or the lines, so one sentence added to a
paragraph shows as that sentence, and a word changed shows as that word. The markup
is plain by default (`[-oud-]{+nieuw+}`, as `git diff --word-diff` writes it), or
colour for a terminal (red struck through, green underlined).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_WOORDEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Opmaak:
    weg_begin: str
    weg_eind: str
    bij_begin: str
    bij_eind: str


PLAT = Opmaak("[-", "-]", "{+", "+}")
KLEUR = Opmaak("\x1b[31;9m", "\x1b[0m", "\x1b[32;4m", "\x1b[0m")


def woorden(tekst: str) -> list[str]:
    """The text as words and the white space between them (joined they give it back)."""
    return _WOORDEN.findall(tekst)


def woordverschil(oud: str, nieuw: str, opmaak: Opmaak = PLAT) -> str:
    """`nieuw` with what changed since `oud` marked: deleted words, then inserted ones."""
    a, b = woorden(oud), woorden(nieuw)
    uit: list[str] = []
    for soort, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if soort == "equal":
            uit.append("".join(b[j1:j2]))
            continue
        weg_heel, bij = "".join(a[i1:i2]), "".join(b[j1:j2])
        weg, kern = weg_heel.strip(), bij.strip()
        # White space at the edges of a change stays outside its markup, so the words
        # around it stay apart in both texts.
        rand = bij if kern else weg_heel
        voor = rand[: len(rand) - len(rand.lstrip())]
        na = rand[len(rand.rstrip()) :] if rand.strip() else ""
        if not kern and not weg:  # white space only
            voor, na = bij, ""
        uit.append(voor)
        if weg:
            uit.append(f"{opmaak.weg_begin}{weg}{opmaak.weg_eind}")
        if kern:
            uit.append(f"{opmaak.bij_begin}{kern}{opmaak.bij_eind}")
        uit.append(na)
    return "".join(uit)


def terug(gemarkeerd: str, opmaak: Opmaak = PLAT) -> tuple[str, str]:
    """The old and the new text out of plain markup (the tests' way to check it)."""
    weg = re.escape(opmaak.weg_begin) + r"(.*?)" + re.escape(opmaak.weg_eind)
    bij = re.escape(opmaak.bij_begin) + r"(.*?)" + re.escape(opmaak.bij_eind)
    oud = re.sub(bij, "", re.sub(weg, r"\1", gemarkeerd, flags=re.S), flags=re.S)
    nieuw = re.sub(weg, "", re.sub(bij, r"\1", gemarkeerd, flags=re.S), flags=re.S)
    return oud, nieuw
