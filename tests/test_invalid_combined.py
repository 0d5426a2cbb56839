"""Every problem in one run: two independent defects in one file give both messages.

The cases in tests/data/invalid/ are tests/data/valid/minimaal.yaml with one line
changed. Any two whose YAML still reads and that are independent (neither speaks
of the line the other changes) are combined into one file: its messages must be
the union of theirs. So a rule across
fields (a budget name, a total, the NPO section) is never hidden behind a field error.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from gka_docgen.errors import OngeldigeAgenda
from gka_docgen.source.load import valideer
from gka_docgen.source.yaml_read import YamlProbleem, lees
from tests.conftest import DATA

BASIS = (DATA / "valid" / "minimaal.yaml").read_text(encoding="utf-8").splitlines()


def _een_regel_anders(pad: Path) -> tuple[int, str] | None:
    """(line index, new line) when `pad` is the base with one line changed and still reads."""
    try:
        tekst = pad.read_bytes().decode("utf-8")
        lees(tekst)
    except (UnicodeDecodeError, YamlProbleem):
        return None
    regels = tekst.splitlines()
    if len(regels) != len(BASIS):
        return None
    anders = [i for i, (a, b) in enumerate(zip(regels, BASIS, strict=True)) if a != b]
    return (anders[0], regels[anders[0]]) if len(anders) == 1 else None


def _meldingen(pad: Path) -> list[str]:
    """The expected messages without the file name (line:col: field: message)."""
    regels = pad.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    return [r.split(":", 1)[1] for r in regels]


CASES = {
    pad.stem: (wijziging, _meldingen(pad))
    for pad in sorted((DATA / "invalid").glob("*.yaml"))
    if (wijziging := _een_regel_anders(pad)) is not None
}


def _onafhankelijk(a: str, b: str) -> bool:
    (regel_a, nieuw_a), meldingen_a = CASES[a]
    (regel_b, nieuw_b), meldingen_b = CASES[b]
    # A case that empties a field meets one that demands every field filled.
    leeg_en_definitief = {nieuw_a.rstrip()[-1:], nieuw_b.rstrip()[-1:]} >= {":"} and (
        "status: definitief" in (nieuw_a, nieuw_b)
    )
    return (
        not leeg_en_definitief
        and not any(m.startswith(f"{regel_b + 1}:") for m in meldingen_a)
        and not any(m.startswith(f"{regel_a + 1}:") for m in meldingen_b)
    )


PAREN = [(a, b) for a, b in itertools.combinations(CASES, 2) if _onafhankelijk(a, b)]


def test_enough_cases_combine() -> None:
    assert len(CASES) >= 25
    assert len(PAREN) >= 300


@pytest.mark.parametrize(("a", "b"), PAREN, ids=[f"{a}+{b}" for a, b in PAREN])
def test_two_defects_give_the_union_of_their_messages(a: str, b: str) -> None:
    regels = list(BASIS)
    for (index, nieuw), _ in (CASES[a], CASES[b]):
        regels[index] = nieuw
    with pytest.raises(OngeldigeAgenda) as fout:
        valideer(("\n".join(regels) + "\n").encode(), naam="x.yaml")
    gekregen = sorted(str(p).split(":", 1)[1] for p in fout.value.problemen)
    assert gekregen == sorted(CASES[a][1] + CASES[b][1])
