from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from gka_docgen.document.formatting import bedrag, bedrag_template, bestandsnaam, datum, slug

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        ("100000", "€ 100.000"),
        ("12500.5", "€ 12.500,50"),
        ("0", "€ 0"),
        ("1234567.89", "€ 1.234.567,89"),
    ],
)
def test_amounts_are_dutch(waarde: str, verwacht: str) -> None:
    assert bedrag(Decimal(waarde)) == verwacht.replace(" ", NBSP)


def test_the_template_writes_the_cap_as_100000_dash() -> None:
    assert bedrag_template(Decimal(100000)) == "100.000,-"
    assert bedrag_template(Decimal(140000)) == "140.000,-"


def test_dates_are_dutch() -> None:
    assert datum(date(2019, 11, 24)) == "24 november 2019"
    assert datum(date(2021, 3, 1)) == "1 maart 2021"


@pytest.mark.parametrize(
    ("naam", "verwacht"),
    [
        ("'s-Hertogenbosch", "s-hertogenbosch"),
        ("Súdwest-Fryslân", "sudwest-fryslan"),
        ("Sittard-Geleen", "sittard-geleen"),
        ("Bergen (NH.)", "bergen-nh"),
        ("IJsselstein", "ijsselstein"),
        ("ĳsselstein", "ijsselstein"),
        ("CON", "gemeente-con"),
        ("Nul", "gemeente-nul"),
    ],
)
def test_slugs_survive_apostrophes_accents_and_windows(naam: str, verwacht: str) -> None:
    assert slug(naam) == verwacht


def test_file_names_read_as_attachments() -> None:
    assert bestandsnaam("addendum", "2021-2024", "Almere", "docx") == (
        "GKA-Addendum-2021-2024-Almere.docx"
    )
    assert bestandsnaam("agenda", "2019-2021", "'s-Hertogenbosch", "pdf") == (
        "GKA-Agenda-2019-2021-s-Hertogenbosch.pdf"
    )
    assert bestandsnaam("agenda", "2019-2021", "Súdwest-Fryslân", "pdf") == (
        "GKA-Agenda-2019-2021-Sudwest-Fryslan.pdf"
    )
