"""Two sequences side by side: which items stayed, which changed, which went and came.

The tracked-changes DOCX (`docx_changes`) aligns paragraphs, tables, rows and words of two
versions with this. Equal items are anchors (difflib's longest matches); between two
anchors, items of the old and the new version that are alike enough are paired, in order,
so that a changed paragraph reads as its changed words, not as one paragraph removed and
one added. What is left is removed (old only) or added (new only), removals first.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Generic, Literal, TypeVar

T = TypeVar("T")

Stand = Literal["zelfde", "paar", "weg", "bij"]

# Between two anchors, pairing compares every old item with every new one; above this
# many comparisons nothing there is paired: the old items are removed, the new added.
_MAX_VERGELIJKINGEN = 2500


@dataclass(frozen=True)
class Stap(Generic[T]):
    """One step through both sequences: an item kept, paired, removed or added."""

    stand: Stand
    oud: T | None
    nieuw: T | None


def uitlijnen(
    oud: Sequence[T],
    nieuw: Sequence[T],
    sleutel: Callable[[T], Hashable],
    gelijkenis: Callable[[T, T], float],
    drempel: float,
) -> list[Stap[T]]:
    """`oud` and `nieuw` aligned: equal keys kept, alike items (at least `drempel`) paired."""
    a, b = [sleutel(x) for x in oud], [sleutel(x) for x in nieuw]
    stappen: list[Stap[T]] = []
    for soort, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if soort == "equal":
            stappen += [
                Stap("zelfde", oud[i], nieuw[j])
                for i, j in zip(range(i1, i2), range(j1, j2), strict=False)
            ]
        else:
            stappen += _koppel(oud[i1:i2], nieuw[j1:j2], gelijkenis, drempel)
    return stappen


def _koppel(
    oud: Sequence[T], nieuw: Sequence[T], gelijkenis: Callable[[T, T], float], drempel: float
) -> list[Stap[T]]:
    """The pairs (in order) with the largest sum of likeness; the rest removed or added."""
    n, m = len(oud), len(nieuw)
    if n * m == 0 or n * m > _MAX_VERGELIJKINGEN:
        return [Stap("weg", x, None) for x in oud] + [Stap("bij", None, y) for y in nieuw]
    maat = [[gelijkenis(x, y) for y in nieuw] for x in oud]
    # beste[i][j]: the best sum over oud[i:] and nieuw[j:].
    beste = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            paar = beste[i + 1][j + 1] + maat[i][j] if maat[i][j] >= drempel else -1.0
            beste[i][j] = max(paar, beste[i + 1][j], beste[i][j + 1])
    stappen: list[Stap[T]] = []
    weg: list[Stap[T]] = []
    bij: list[Stap[T]] = []
    i = j = 0
    while i < n and j < m:
        if maat[i][j] >= drempel and beste[i][j] == beste[i + 1][j + 1] + maat[i][j]:
            stappen += weg + bij + [Stap("paar", oud[i], nieuw[j])]
            weg, bij = [], []
            i, j = i + 1, j + 1
        elif beste[i][j] == beste[i + 1][j]:
            weg.append(Stap("weg", oud[i], None))
            i += 1
        else:
            bij.append(Stap("bij", None, nieuw[j]))
            j += 1
    weg += [Stap("weg", x, None) for x in oud[i:]]
    bij += [Stap("bij", None, y) for y in nieuw[j:]]
    return stappen + weg + bij


def woordgelijkenis(a: Sequence[str], b: Sequence[str]) -> float:
    """How alike two word lists are, 0 to 1 (difflib's ratio; its quick bound first)."""
    if not a and not b:
        return 1.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    # Far apart by the quick upper bounds: the bound is returned, as it is below any
    # threshold a caller pairs at (the ratio itself is the slow part).
    if matcher.real_quick_ratio() < 0.3 or matcher.quick_ratio() < 0.3:
        return matcher.quick_ratio()
    return matcher.ratio()
