"""Pages a reader trusts (issue 12): nothing crosses its border, tables keep together.

The machine check (`tests/layoutcheck.py`) runs over the examples and over agendas made
to strain the layout (`tests/data/opmaak/`: long Dutch compounds and names, the largest
amounts, a concept's placeholders and incomplete totals, many tables at page feet).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from gka_docgen.document.paragraphs import Blok, Regel
from gka_docgen.render.context import Rij, bouw
from gka_docgen.render.pdf import LANG_WOORD, opmaak
from gka_docgen.source.load import laad
from tests.conftest import DATA, VOORBEELDEN
from tests.layoutcheck import gebroken_woorden, pdf_bevindingen

OPMAAK = DATA / "opmaak"
AGENDAS = [
    *VOORBEELDEN,
    *sorted((DATA / "docx").glob("*.yaml")),
    *sorted((DATA / "pdf").glob("*.yaml")),
    *sorted(OPMAAK.glob("*.yaml")),
]


def naam(pad: Path) -> str:
    """A unique name for an agenda of `AGENDAS` (two folders hold an almere-definitief)."""
    return f"{pad.parent.name}-{pad.stem}"


@pytest.mark.parametrize("pad", AGENDAS, ids=naam)
def test_pdf_nothing_crosses_its_border(pad: Path) -> None:
    assert pdf_bevindingen(opmaak(bouw(laad(pad).agenda))) == []


def _met_eerste_cel(tekst: str) -> list[str]:
    """The layout check's findings with `tekst` in the first cell of an intervention table."""
    context = bouw(laad(OPMAAK / "lange-woorden.yaml").agenda)
    tabel = context.afspraak.interventies[1]
    rij = Rij(tabel.rijen[0].label, (Blok("alinea", (Regel(tekst),)),))
    tabel = replace(tabel, rijen=(rij, *tabel.rijen[1:]))
    afspraak = replace(context.afspraak, interventies=(context.afspraak.interventies[0], tabel))
    return pdf_bevindingen(opmaak(replace(context, afspraak=afspraak)))


def test_the_check_sees_text_over_a_cell_border() -> None:
    """The check can fail: a word with no place to break, wider than its cell, is found."""
    # As long as a word may be, wide, and nothing to hyphenate: it overflows, as it should.
    bevindingen = _met_eerste_cel("@" * LANG_WOORD)
    assert len(bevindingen) == 1
    assert bevindingen[0].startswith("pagina 3: '@@@@") and "buiten zijn cel" in bevindingen[0]


def test_a_run_longer_than_any_word_breaks_anywhere_inside_its_cell() -> None:
    """A pasted code or path (no spaces) wraps in its cell, without a hyphenation search."""
    assert _met_eerste_cel("@" * (LANG_WOORD + 1)) == []
    assert _met_eerste_cel("ab" * 3000) == []


def test_dutch_words_break_only_where_dutch_hyphenation_allows() -> None:
    bron = "Brugfunctionaris Cofinanciering Brûlé-Ĳsselmuiden https://www.almere.nl/onderwijs"
    assert gebroken_woorden(bron, "Brug- functionaris Cofinan- ciering Brûlé- Ĳsselmuiden") == []
    assert gebroken_woorden(bron, "https://www.al mere.nl/onderwijs") == []
    bron = "Brugfunctionaris Cofinanciering"
    assert gebroken_woorden(bron, "Brugfunctionari s Cofinancieri ng") == [
        "Brugfunctionari",
        "Cofinancieri",
        "ng",
        "s",
    ]
