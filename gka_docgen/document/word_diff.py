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


def stukken(oud: str, nieuw: str) -> list[tuple[str, str]]:
    """`nieuw` in pieces: ("zelfde", text), ("weg", deleted words), ("bij", inserted words).

    White space at the edges of a change stays outside it, so the words around it stay
    apart in both texts; joined without the deleted pieces the pieces give `nieuw` (up to
    white space), without the inserted ones `oud`.
    """
    a, b = woorden(oud), woorden(nieuw)
    uit: list[tuple[str, str]] = []
    for soort, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if soort == "equal":
            uit.append(("zelfde", "".join(b[j1:j2])))
            continue
        weg_heel, bij = "".join(a[i1:i2]), "".join(b[j1:j2])
        weg, kern = weg_heel.strip(), bij.strip()
        rand = bij if kern else weg_heel
        voor = rand[: len(rand) - len(rand.lstrip())]
        na = rand[len(rand.rstrip()) :] if rand.strip() else ""
        if not kern and not weg:  # white space only
            voor, na = bij, ""
        uit.append(("zelfde", voor))
        if weg:
            uit.append(("weg", weg))
        if kern:
            uit.append(("bij", kern))
        uit.append(("zelfde", na))
    return [(soort, t) for soort, t in uit if t]


def woordverschil(oud: str, nieuw: str, opmaak: Opmaak = PLAT) -> str:
    """`nieuw` with what changed since `oud` marked: deleted words, then inserted ones."""
    rand = {"weg": (opmaak.weg_begin, opmaak.weg_eind), "bij": (opmaak.bij_begin, opmaak.bij_eind)}
    return "".join(
        t if soort == "zelfde" else f"{rand[soort][0]}{t}{rand[soort][1]}"
        for soort, t in stukken(oud, nieuw)
    )


def terug(gemarkeerd: str, opmaak: Opmaak = PLAT) -> tuple[str, str]:
    """The old and the new text out of plain markup (the tests' way to check it)."""
    weg = re.escape(opmaak.weg_begin) + r"(.*?)" + re.escape(opmaak.weg_eind)
    bij = re.escape(opmaak.bij_begin) + r"(.*?)" + re.escape(opmaak.bij_eind)
    oud = re.sub(bij, "", re.sub(weg, r"\1", gemarkeerd, flags=re.S), flags=re.S)
    nieuw = re.sub(weg, "", re.sub(bij, r"\1", gemarkeerd, flags=re.S), flags=re.S)
    return oud, nieuw
