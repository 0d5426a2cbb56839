"""`gka-docgen import` of documents that went through LibreOffice: a hand-filled agenda
saved by it as DOCX, and PDFs it exported (as Word exports them), read from their layout;
and gka-docgen's own PDF read from its layout, as if its YAML were lost.

The material is made once per session, in two LibreOffice calls: one saves the
hand-filled DOCX again, one exports it and three gka-docgen DOCX files to PDF.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any, cast

import pytest

from gka_docgen.document.compare import verschillen
from gka_docgen.document.model import Agenda
from gka_docgen.errors import Weigering
from gka_docgen.importing.docx_reader import OngeldigDocument, lees_docx
from gka_docgen.importing.from_docx import naar_data
from gka_docgen.importing.from_pdf import lees_pdf_opmaak
from gka_docgen.importing.importer import importeer, yaml_tekst
from gka_docgen.render.context import bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.source.load import laad
from gka_docgen.source.yaml_read import lees
from tests.agenda_strategies import als_yaml
from tests.conftest import DATA, run_cli
from tests.importhulp import ONDERTEKENAARS, Ondertekening, hand_ingevuld
from tests.synthetic import agenda
from tests.test_docx_libreoffice import SOFFICE, _soffice

pytestmark = pytest.mark.slow
# gka-docgen DOCX -> LibreOffice PDF -> import; the synthetic agenda has 11 pages there.
RONDGANG = ["almere-definitief", "almere-concept", "synthetisch"]


# Signatories side by side, and a budget table with other headers in another order.
VORMEN: tuple[Ondertekening, ...] = ("kolommen", "cellen")
ANDERE_KOPPEN = ("Eigen bijdrage", "Interventie", "Bijdrage OCW (€)", "Toelichting", "Totaal")


def _agenda(naam: str) -> dict[str, Any]:
    if naam == "synthetisch":
        return agenda("Zaanstad", random.Random(12))
    return cast(dict[str, Any], lees((DATA / "pdf" / f"{naam}.yaml").read_text("utf-8")).data)


@pytest.fixture(scope="session")
def materiaal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """docx/ as made, lo/ the DOCX saved by LibreOffice, pdf/ the PDFs it exported."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    map_ = tmp_path_factory.mktemp("libreoffice")
    (map_ / "docx").mkdir()
    (map_ / "docx" / "zaanstad.docx").write_bytes(hand_ingevuld("omkaderd"))
    for vorm in VORMEN:
        docx = hand_ingevuld("omkaderd", vorm, ANDERE_KOPPEN)
        (map_ / "docx" / f"zaanstad-{vorm}.docx").write_bytes(docx)
    for naam in RONDGANG:
        model = Agenda.model_validate(_agenda(naam))
        (map_ / "docx" / f"{naam}.docx").write_bytes(render_docx(bouw(model)))
    _soffice(map_, "docx:MS Word 2007 XML", map_ / "lo", [map_ / "docx" / "zaanstad.docx"])
    _soffice(map_, "pdf", map_ / "pdf", sorted((map_ / "docx").iterdir()))
    return map_


def _zonder_status(data: Any) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "status"}


def test_a_hand_filled_docx_saved_by_libreoffice_imports_to_its_expected_yaml(
    materiaal: Path,
) -> None:
    docx = (materiaal / "lo" / "zaanstad.docx").read_bytes()
    imp = naar_data(lees_docx(docx, "zaanstad.docx"))
    verwacht = (DATA / "import" / "zaanstad.yaml").read_text(encoding="utf-8")
    assert yaml_tekst(imp, "zaanstad.docx") == verwacht


def test_a_hand_filled_pdf_exported_by_libreoffice_imports_to_its_expected_yaml(
    materiaal: Path,
) -> None:
    pdf = (materiaal / "pdf" / "zaanstad.pdf").read_bytes()
    tekst = yaml_tekst(
        naar_data(lees_pdf_opmaak(pdf, "zaanstad.pdf")), "zaanstad.pdf", uit_pdf=True
    )
    verwacht = (DATA / "import" / "zaanstad-pdf.yaml").read_text(encoding="utf-8")
    assert tekst == verwacht
    # The same agenda as the DOCX gives, only the notes of where it was read differ.
    docx: Any = lees((DATA / "import" / "zaanstad.yaml").read_text(encoding="utf-8")).data
    assert list(verschillen(docx, lees(tekst).data)) == []


@pytest.mark.parametrize("naam", RONDGANG)
def test_a_gka_docx_exported_to_pdf_imports_to_the_same_agenda(materiaal: Path, naam: str) -> None:
    """A PDF of our DOCX, as Word or LibreOffice exports it (no YAML inside): tables broken
    over pages, hyphenated words, bullets in cells, a concept's placeholders."""
    pdf = (materiaal / "pdf" / f"{naam}.pdf").read_bytes()
    terug = naar_data(lees_pdf_opmaak(pdf, f"{naam}.pdf")).data
    origineel = lees(als_yaml(_agenda(naam)).decode("utf-8")).data  # every value as text
    assert [str(v) for v in verschillen(_zonder_status(origineel), _zonder_status(terug))] == []


@pytest.mark.parametrize("naam", RONDGANG[:2])
def test_a_gka_pdf_without_its_yaml_imports_to_the_same_agenda(naam: str) -> None:
    """Our own PDF read from its layout, as when a tool that drops attachments re-saved it:
    WeasyPrint writes other hyphens, bullets and a turned CONCEPT mark of letters."""
    from gka_docgen.render.pdf import render_pdf

    bron = (DATA / "pdf" / f"{naam}.yaml").read_bytes()
    pdf = render_pdf(bouw(laad(DATA / "pdf" / f"{naam}.yaml").agenda), bron, f"{naam}.yaml")
    terug = naar_data(lees_pdf_opmaak(pdf, f"{naam}.pdf")).data
    origineel = lees(bron.decode("utf-8")).data
    assert [str(v) for v in verschillen(_zonder_status(origineel), _zonder_status(terug))] == []


def test_import_of_a_foreign_pdf_says_so_and_check_accepts_it(
    materiaal: Path, tmp_path: Path
) -> None:
    shutil.copy(materiaal / "pdf" / "zaanstad.pdf", tmp_path)
    result = run_cli("import", "zaanstad.pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "agendas/zaanstad.yaml gemaakt" in result.stdout
    meldingen = result.stderr.splitlines()
    assert (
        "gka-docgen: let op: gelezen uit de tekst en opmaak van een PDF die niet door "
        "gka-docgen is gemaakt, naar beste kunnen: controleer elk veld"
    ) in meldingen
    assert "gka-docgen: let op: gelezen van tabel 1 op pagina 1: interventies[1]" in meldingen
    yaml = tmp_path / "agendas" / "zaanstad.yaml"
    assert "\nstatus: concept\n" in yaml.read_text(encoding="utf-8")
    check = run_cli("check", "agendas/zaanstad.yaml", cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert laad(yaml).agenda.interventies[0].contactpersoon.email == "f.elamrani@zaanstad.nl"
    # A second import compares: the PDF still says the same.
    assert run_cli("import", "zaanstad.pdf", cwd=tmp_path).stdout.startswith("geen verschillen")


def _versleuteld(pdf: Path, uit: Path, gebruiker: str) -> None:
    from pypdf import PdfWriter

    schrijver = PdfWriter(clone_from=pdf)
    schrijver.encrypt(gebruiker, owner_password="eigenaar", algorithm="AES-256")
    with uit.open("wb") as f:
        schrijver.write(f)


def test_a_password_protected_pdf_is_refused_and_nothing_is_written(
    materiaal: Path, tmp_path: Path
) -> None:
    _versleuteld(materiaal / "pdf" / "zaanstad.pdf", tmp_path / "geheim.pdf", gebruiker="geheim")
    result = run_cli("import", "geheim.pdf", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stderr == (
        "gka-docgen: geheim.pdf is met een wachtwoord beveiligd; sla de PDF zonder wachtwoord op\n"
    )
    assert not (tmp_path / "agendas").exists()


def test_a_broken_pdf_from_elsewhere_is_refused(
    materiaal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bron = (materiaal / "pdf" / "zaanstad.pdf").read_bytes()
    (tmp_path / "half.pdf").write_bytes(bron[: len(bron) // 2])
    monkeypatch.chdir(tmp_path)
    with pytest.raises(Weigering, match=r"half\.pdf is geen leesbaar PDF-bestand"):
        importeer(Path("half.pdf"))
    assert not (tmp_path / "agendas").exists()


def test_a_pdf_locked_only_against_editing_is_read(materiaal: Path, tmp_path: Path) -> None:
    """An owner password alone (no printing or editing) does not keep the text from a reader."""
    _versleuteld(materiaal / "pdf" / "zaanstad.pdf", tmp_path / "z.pdf", gebruiker="")
    data = naar_data(lees_pdf_opmaak((tmp_path / "z.pdf").read_bytes(), "z.pdf")).data
    assert data["gemeente"] == "Zaanstad"
    assert data["begroting"]["regels"][0]["bijdrage_ocw"] == "60000"


def test_a_pdf_without_text_is_refused() -> None:
    from io import BytesIO

    from pypdf import PdfWriter

    leeg = PdfWriter()
    leeg.add_blank_page(595, 842)  # a scan has no text either
    uit = BytesIO()
    leeg.write(uit)
    with pytest.raises(OngeldigDocument, match="bevat geen tekst om te lezen"):
        lees_pdf_opmaak(uit.getvalue(), "scan.pdf")


@pytest.mark.parametrize("vorm", VORMEN)
@pytest.mark.parametrize("soort", ["docx", "pdf"])
def test_signatories_side_by_side_and_other_budget_headers_are_read(
    materiaal: Path, vorm: Ondertekening, soort: str
) -> None:
    inhoud = (materiaal / "docx" / f"zaanstad-{vorm}.docx").read_bytes()
    if soort == "pdf":
        gelezen = lees_pdf_opmaak((materiaal / "pdf" / f"zaanstad-{vorm}.pdf").read_bytes(), "z")
    else:
        gelezen = lees_docx(inhoud, "z")
    imp = naar_data(gelezen)
    ondertekening = imp.data["ondertekening"]
    assert [tuple(o.values()) for o in ondertekening["ondertekenaars"]] == ONDERTEKENAARS
    assert (ondertekening["plaats"], ondertekening["datum"]) == ("Zaandam", "2022-03-03")
    assert imp.data["begroting"]["regels"] == [
        {
            "interventie": "Onderwijsachterstandenbeleid Zaanstad",
            "omschrijving": "Pedagogisch medewerkers",
            "bijdrage_ocw": "60000",
            "cofinanciering": "25000,50",
        }
    ]
    assert [str(r) for r in imp.niet_ingelezen] == []
