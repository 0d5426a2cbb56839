"""Pages a reader trusts (issue 12): nothing crosses its border, tables keep together.

The machine check (`tests/layoutcheck.py`) runs over the examples and over agendas made
to strain the layout (`tests/data/opmaak/`: long Dutch compounds and names, the largest
amounts, a concept's placeholders and incomplete totals, many tables at page feet).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from gka_docgen.context import Blok, Regel, Rij, bouw
from gka_docgen.load import laad
from gka_docgen.render_pdf import opmaak
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


def test_the_check_sees_text_over_a_cell_border() -> None:
    """The check can fail: a word with no place to break, wider than its cell, is found."""
    context = bouw(laad(OPMAAK / "lange-woorden.yaml").agenda)
    tabel = context.interventies[1]
    lang = "0123456789" * 20  # digits: nothing to hyphenate
    rij = Rij(tabel.rijen[0].label, (Blok("alinea", (Regel(lang),)),))
    tabel = replace(tabel, rijen=(rij, *tabel.rijen[1:]))
    gewijzigd = replace(context, interventies=(context.interventies[0], tabel))
    bevindingen = pdf_bevindingen(opmaak(gewijzigd))
    assert len(bevindingen) == 1
    assert (
        bevindingen[0].startswith("pagina 3: '0123456789") and "buiten zijn cel" in bevindingen[0]
    )


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
