"""The loader hands every text field exactly what was written, or a located error."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from gka_docgen.errors import OngeldigeAgenda
from gka_docgen.source.load import MAX_BYTES, laad, valideer
from tests.conftest import DATA

MINIMAAL = DATA / "valid" / "minimaal.yaml"


def test_yaml_11_lookalikes_stay_text() -> None:
    agenda = laad(DATA / "valid" / "valkuilen.yaml").agenda
    # PyYAML's safe_load gives False, 243, '19:30', 1170, '1e5', 100000.0, True, 31, inf, date.
    assert agenda.themas == [
        "NO",
        "0363",
        "19:30",
        "19:30",
        "1e5",
        "1.0e5",
        "yes",
        "0x1F",
        ".inf",
        "2019-11-24",
    ]
    assert agenda.bestuurlijk_overleg == "0363"
    contact = agenda.interventies[0].contactpersoon
    assert contact.naam == "NO"
    assert contact.telefoon == "0363 123 456"


def test_an_alias_repeats_the_text_of_its_anchor() -> None:
    interventie = laad(DATA / "valid" / "valkuilen.yaml").agenda.interventies[0]
    assert interventie.locatie == interventie.financiering == "De Wijk"


def test_bom_and_windows_line_endings_read_like_the_plain_file() -> None:
    plain = laad(MINIMAAL).agenda
    assert laad(DATA / "valid" / "bom-crlf.yaml").agenda == plain


def test_amounts_are_decimal_and_the_cap_defaults_to_100000() -> None:
    agenda = laad(MINIMAAL).agenda
    regel = agenda.begroting.regels[0]
    assert regel.bijdrage_ocw == Decimal(40000)
    assert regel.cofinanciering == Decimal(10000)
    assert agenda.begroting.maximum_ocw == Decimal(100000)


def test_decimal_comma_and_point_are_both_cents() -> None:
    tekst = MINIMAAL.read_text(encoding="utf-8")
    for geschreven in ('"12500,50"', "12500.50"):
        bron = tekst.replace("bijdrage_ocw: 40000", f"bijdrage_ocw: {geschreven}").encode()
        agenda = valideer(bron, naam="x.yaml")
        assert agenda.begroting.regels[0].bijdrage_ocw == Decimal("12500.50")


@pytest.mark.parametrize(
    ("geschreven", "bedrag"),
    [
        ("€ 30000", "30000"),
        ("€ 25.000", "25000"),
        ("€25.000,50", "25000.50"),
        ("€ 100.000,-", "100000"),
        ("25000,-", "25000"),
    ],
)
def test_a_euro_sign_means_dutch_notation_whatever_the_digits(geschreven: str, bedrag: str) -> None:
    tekst = MINIMAAL.read_text(encoding="utf-8")
    bron = tekst.replace("bijdrage_ocw: 40000", f'bijdrage_ocw: "{geschreven}"').encode()
    assert valideer(bron, naam="x.yaml").begroting.regels[0].bijdrage_ocw == Decimal(bedrag)


def test_signing_date_is_a_date() -> None:
    tekst = MINIMAAL.read_text(encoding="utf-8").replace("  datum:\n", "  datum: 2019-11-24\n")
    agenda = valideer(tekst.encode(), naam="x.yaml")
    assert agenda.ondertekening.datum == date(2019, 11, 24)


def test_a_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    groot = tmp_path / "groot.yaml"
    groot.write_bytes(MINIMAAL.read_bytes() + b"# " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(OngeldigeAgenda) as info:
        laad(groot)
    (probleem,) = info.value.problemen
    assert probleem.bestand == str(groot)
    assert "groter dan 2 MB" in probleem.melding


def test_deep_nesting_is_refused_without_exhausting_the_stack() -> None:
    bron = b"gemeente: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"
    with pytest.raises(OngeldigeAgenda) as info:
        valideer(bron, naam="diep.yaml")
    assert "dieper genest dan 64 niveaus" in str(info.value)


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(OngeldigeAgenda) as info:
        laad(tmp_path / "bestaat-niet.yaml")
    assert "kan het bestand niet lezen" in str(info.value)


def test_definitief_flag_demands_completeness_of_a_concept() -> None:
    laad(MINIMAAL)  # valid as a concept
    with pytest.raises(OngeldigeAgenda) as info:
        laad(MINIMAAL, definitief=True)
    assert any(p.pad == ("bestuurlijk_overleg",) for p in info.value.problemen)


def test_a_complete_definitief_agenda_is_valid() -> None:
    agenda = laad(DATA / "valid" / "volledig.yaml").agenda
    assert agenda.status == "definitief"
    assert len(agenda.interventies) == 2
    assert len(agenda.ondertekening.ondertekenaars) == 3
