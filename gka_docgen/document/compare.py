"""Two versions of an agenda's data, field by field: what `import --vergelijk` reports.

Texts are compared as the documents print them (paragraphs and list items, see
`paragraphs.blokken_van`), so a line wrapped differently is no change; amounts as
amounts, so `25000` and `25.000,-` from a document are the same.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import TypeAdapter, ValidationError

from gka_docgen.document import structure
from gka_docgen.document.model import Bedrag
from gka_docgen.document.paragraphs import blokken_van
from gka_docgen.document.structure import Soort
from gka_docgen.errors import Pad, pad_tekst

_BEDRAGEN = structure.sleutels_van(Soort.BEDRAG)
# Values YAML itself would read as a number or a date: written plain, never quoted.
GETALLEN_EN_DATUMS = structure.sleutels_van(Soort.BEDRAG, Soort.DATUM)
# A key left out means its default: no difference when the other side has exactly that.
_STANDAARD = {r.sleutel: r.standaard for _, r in structure.alle() if r.standaard}
_BEDRAG: TypeAdapter[Any] = TypeAdapter(Bedrag)


@dataclass(frozen=True)
class Verschil:
    pad: Pad
    soort: str  # "gewijzigd", "nieuw", "verwijderd"
    oud: str = ""
    nieuw: str = ""

    def __str__(self) -> str:
        plek = pad_tekst(self.pad)
        if self.soort != "gewijzigd":
            return f"{plek}: {self.soort}"
        if "\n" not in self.oud + self.nieuw and len(self.oud) + len(self.nieuw) < 160:
            return f"{plek}: {self.oud or '(leeg)'} → {self.nieuw or '(leeg)'}"
        regels = [f"{plek}: gewijzigd"]
        regels += [f"  - {r}" for r in self.oud.splitlines() if r.strip()]
        regels += [f"  + {r}" for r in self.nieuw.splitlines() if r.strip()]
        return "\n".join(regels)


def _als_tekst(waarde: Any) -> str:
    return "" if waarde is None else str(waarde)


def _leeg(waarde: Any) -> bool:
    if isinstance(waarde, Mapping):
        return all(_leeg(v) for v in waarde.values())
    if isinstance(waarde, list):
        return all(_leeg(v) for v in waarde)
    return not _als_tekst(waarde).strip()


def als_bedrag(tekst: str) -> Decimal | None:
    """An amount as the model reads it ('25000', '€ 25.000,-'); None for empty or no amount."""
    try:
        waarde: Decimal | None = _BEDRAG.validate_python(tekst)
    except ValidationError:
        return None
    return waarde


def gelijk(sleutel: str | int, oud: Any, nieuw: Any) -> bool:
    """Whether two scalar values mean the same in the documents."""
    a, b = _als_tekst(oud).strip(), _als_tekst(nieuw).strip()
    if sleutel in _BEDRAGEN:
        try:
            return bool(_BEDRAG.validate_python(a) == _BEDRAG.validate_python(b))
        except ValidationError:
            return a == b
    return a == b or _gedrukt(a) == _gedrukt(b)


def _gedrukt(tekst: str) -> list[tuple[str, tuple[str, ...]]]:
    """The paragraphs and list items as printed; two lists in a row print as one."""
    uit: list[tuple[str, tuple[str, ...]]] = []
    for blok in blokken_van(tekst):
        regels = tuple(r.tekst for r in blok.regels)
        if blok.soort == "opsomming" and uit and uit[-1][0] == "opsomming":
            uit[-1] = ("opsomming", uit[-1][1] + regels)
        else:
            uit.append((blok.soort, regels))
    return uit


def verschillen(oud: Any, nieuw: Any, pad: Pad = ()) -> Iterator[Verschil]:
    if isinstance(oud, Mapping) and isinstance(nieuw, Mapping):
        for sleutel in [*oud, *(k for k in nieuw if k not in oud)]:
            if sleutel not in nieuw:
                if _als_tekst(oud[sleutel]).strip():
                    yield Verschil((*pad, sleutel), "verwijderd")
            elif sleutel not in oud:
                standaard = _STANDAARD.get(sleutel)
                if standaard is not None and gelijk(sleutel, standaard, nieuw[sleutel]):
                    continue
                if nieuw[sleutel] not in ("", None, [], {}):
                    yield Verschil((*pad, sleutel), "nieuw")
            else:
                yield from verschillen(oud[sleutel], nieuw[sleutel], (*pad, sleutel))
    elif isinstance(oud, list) and isinstance(nieuw, list):
        if not any(isinstance(x, Mapping) for x in [*oud, *nieuw]):
            # A list of texts (the themes): an empty one prints as nothing.
            oud, nieuw = [x for x in oud if not _leeg(x)], [x for x in nieuw if not _leeg(x)]
        for i in range(max(len(oud), len(nieuw))):
            if i >= len(oud):
                if not _leeg(nieuw[i]):
                    yield Verschil((*pad, i), "nieuw")
            elif i >= len(nieuw):
                if not _leeg(oud[i]):  # an empty theme prints as nothing: nothing is lost
                    yield Verschil((*pad, i), "verwijderd")
            else:
                yield from verschillen(oud[i], nieuw[i], (*pad, i))
    elif isinstance(oud, list | Mapping) or isinstance(nieuw, list | Mapping):
        if oud not in ("", None, [], {}) or nieuw not in ("", None, [], {}):
            yield Verschil(pad, "gewijzigd", _als_tekst(oud), _als_tekst(nieuw))
    elif not gelijk(pad[-1] if pad else "", oud, nieuw):
        yield Verschil(pad, "gewijzigd", _als_tekst(oud), _als_tekst(nieuw))
