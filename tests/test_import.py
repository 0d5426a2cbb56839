"""`gka-docgen import`: documents come back into YAML, field by field."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from gka_docgen.document.compare import verschillen
from gka_docgen.importing.docx_reader import OngeldigDocument, lees_docx
from gka_docgen.importing.from_docx import naar_data
from gka_docgen.importing.importer import yaml_tekst
from gka_docgen.render.context import bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.source.load import laad, valideer
from gka_docgen.source.yaml_read import lees
from tests.agenda_strategies import agenda, als_definitief, als_yaml, opgemaakte_tekst
from tests.conftest import DATA, VOORBEELDEN, run_cli
from tests.importhulp import bewerk, hand_ingevuld, kopieer_tabel

GEVALLEN = [*VOORBEELDEN, *sorted((DATA / "docx").glob("*.yaml")), DATA / "valid" / "volledig.yaml"]


def _zonder_status(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "status"}  # import always writes concept


def _importeer(docx: bytes) -> dict[str, Any]:
    data: dict[str, Any] = naar_data(lees_docx(docx, "x.docx")).data
    return data


def _terug(bron: bytes) -> list[str]:
    """The differences between an agenda and the import of its own DOCX, and every text of
    that DOCX the import put in no field (none: the rest is the template's own)."""
    origineel: Any = lees(bron.decode("utf-8-sig")).data
    imp = naar_data(lees_docx(render_docx(bouw(valideer(bron, naam="x.yaml"))), "x.docx"))
    verschil = verschillen(_zonder_status(origineel), _zonder_status(imp.data))
    return [str(v) for v in verschil] + [f"niet ingelezen: {r}" for r in imp.niet_ingelezen]


@pytest.mark.parametrize("pad", GEVALLEN, ids=lambda p: p.stem)
def test_importing_a_rendered_docx_gives_the_same_agenda(pad: Path) -> None:
    assert _terug(pad.read_bytes()) == []


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(agenda(max_interventies=4, tekst=opgemaakte_tekst()))
def test_round_trip_property_over_generated_agendas(data: dict[str, Any]) -> None:
    assert _terug(als_yaml(data)) == []


@pytest.mark.slow
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    agenda(max_interventies=3, tekst=opgemaakte_tekst())
    .filter(lambda d: bool(d["interventies"]))
    .map(als_definitief)
)
def test_round_trip_property_over_generated_definitief_agendas(data: dict[str, Any]) -> None:
    assert _terug(als_yaml(data)) == []


@pytest.mark.slow
def test_round_trip_through_libreoffice(tmp_path: Path) -> None:
    bron = (DATA / "pdf" / "almere-definitief.yaml").read_bytes()
    (tmp_path / "a.docx").write_bytes(render_docx(bouw(valideer(bron, naam="a.yaml"))))
    profiel = f"-env:UserInstallation=file://{tmp_path / 'lo'}"
    for doel, map_ in (("odt", tmp_path / "odt"), ("docx", tmp_path / "terug")):
        invoer = tmp_path / "a.docx" if doel == "odt" else tmp_path / "odt" / "a.odt"
        subprocess.run(
            ["soffice", profiel, "--headless", "--convert-to", doel, "--outdir", str(map_), str(invoer)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    terug = _importeer((tmp_path / "terug" / "a.docx").read_bytes())
    origineel: Any = lees(bron.decode()).data
    assert [str(v) for v in verschillen(_zonder_status(origineel), _zonder_status(terug))] == []


@pytest.mark.parametrize("stijl", ["keurig", "slordig"])
def test_a_hand_filled_template_imports_to_its_expected_yaml(stijl: str) -> None:
    imp = naar_data(lees_docx(hand_ingevuld(stijl), "zaanstad.docx"))  # type: ignore[arg-type]
    verwacht = (DATA / "import" / "zaanstad.yaml").read_text(encoding="utf-8")
    assert yaml_tekst(imp, "zaanstad.docx") == verwacht
    assert valideer(verwacht.encode(), naam="zaanstad.yaml").gemeente == "Zaanstad"


def _werkmap(tmp_path: Path) -> tuple[Path, Path]:
    """A folder with the Almere agenda (the author's own file, comments and all) and its DOCX."""
    (tmp_path / "agendas").mkdir()
    yaml = tmp_path / "agendas" / "almere.yaml"
    shutil.copy(DATA / "pdf" / "almere-definitief.yaml", yaml)
    docx = tmp_path / "almere.docx"
    docx.write_bytes(render_docx(bouw(laad(yaml).agenda)))
    return yaml, docx


def _partner_bewerkt(doc: Any) -> None:
    """What a partner does in Word: edit a cell, add a bullet, copy a table, delete one, add a row."""
    eerste = doc.tables[0]
    eerste.rows[3].cells[1].paragraphs[0].text = "Alle leerlingen van groep 5 tot en met 8"
    kopie = kopieer_tabel(doc, 1)
    kopie.rows[0].cells[1].paragraphs[0].text = "Zomerschool Almere"
    community = doc.tables[3]  # after the copy: the community table
    community._tbl.getparent().remove(community._tbl)
    begroting = doc.tables[-1]
    nieuw = begroting.add_row().cells  # a budget row added at the end, before the total
    begroting._tbl.remove(begroting.rows[-1]._tr)
    begroting.rows[-1]._tr.addprevious(nieuw[0]._tc.getparent())
    for cel, waarde in zip(
        nieuw, ["Zomerschool Almere", "Docenten", "€ 5.000", "€ 1.000", ""], strict=True
    ):
        cel.text = waarde


@pytest.mark.slow
def test_compare_then_force_writes_only_what_changed(tmp_path: Path) -> None:
    yaml, docx = _werkmap(tmp_path)
    docx.write_bytes(bewerk(docx.read_bytes(), _partner_bewerkt))
    voor = yaml.read_text(encoding="utf-8")

    vergelijk = run_cli("import", "almere.docx", cwd=tmp_path)
    assert vergelijk.returncode == 0, vergelijk.stderr
    regels = vergelijk.stdout.splitlines()
    assert (
        "interventies[1].doelgroep: Leerlingen van groep 5 tot en met 8 in Almere Haven → "
        "Alle leerlingen van groep 5 tot en met 8"
    ) in regels
    assert "interventies[3]: nieuw" in regels
    assert "communities[1]: verwijderd" in regels
    assert "begroting.regels[3]: nieuw" in regels
    assert (
        regels[-1]
        == "4 verschillen met agendas/almere.yaml; schrijf ze met: gka-docgen import almere.docx --force"
    )
    assert yaml.read_text(encoding="utf-8") == voor  # comparing writes nothing

    schrijf = run_cli("import", "almere.docx", "--force", cwd=tmp_path)
    assert schrijf.returncode == 0, schrijf.stderr
    assert "agendas/almere.yaml bijgewerkt" in schrijf.stdout
    na = yaml.read_text(encoding="utf-8")
    # The author's comments and the untouched fields' lines stay as they were.
    for regel in voor.splitlines():
        if regel.lstrip().startswith("#"):
            assert regel in na.splitlines(), regel
    agenda = laad(yaml).agenda
    assert agenda.interventies[0].doelgroep == "Alle leerlingen van groep 5 tot en met 8"
    assert [i.naam for i in agenda.interventies][-1] == "Zomerschool Almere"
    assert agenda.communities == []
    assert agenda.begroting.regels[-1].interventie == "Zomerschool Almere"
    assert run_cli("import", "almere.docx", cwd=tmp_path).stdout.startswith("geen verschillen")
    assert run_cli("check", "agendas/almere.yaml", cwd=tmp_path).returncode == 0


@pytest.mark.slow
def test_a_new_import_writes_the_scaffold_layout_and_build_accepts_it(tmp_path: Path) -> None:
    (tmp_path / "zaanstad.docx").write_bytes(hand_ingevuld("slordig"))
    result = run_cli("import", "zaanstad.docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "let op: soort: afgeleid uit de periode 2021-2024" in result.stderr
    tekst = (tmp_path / "agendas" / "zaanstad.yaml").read_text(encoding="utf-8")
    assert tekst.startswith("# yaml-language-server: $schema=gka-agenda.schema.json\n")
    assert (tmp_path / "agendas" / "gka-agenda.schema.json").is_file()
    assert run_cli("check", cwd=tmp_path).returncode == 0
    assert run_cli("build", "--format", "docx", cwd=tmp_path).returncode == 0


@pytest.mark.slow
def test_a_gka_pdf_gives_its_yaml_byte_for_byte(tmp_path: Path) -> None:
    yaml, _ = _werkmap(tmp_path)
    assert run_cli("build", "--format", "pdf", cwd=tmp_path).returncode == 0
    origineel = yaml.read_bytes()
    yaml.unlink()
    result = run_cli("import", "out/almere/GKA-Addendum-2021-2024-Almere.pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "(precies de YAML uit de PDF)" in result.stdout
    assert yaml.read_bytes() == origineel


def _met_wijzigingen(docx: bytes) -> bytes:
    """A pending insertion and deletion (Track Changes) in the first Toelichting paragraph."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def wijzig(doc: Any) -> None:
        from lxml import etree

        alinea = next(p for p in doc.paragraphs if p.text.startswith("Almere is een jonge stad"))
        ins = etree.SubElement(
            alinea._p, f"{{{w}}}ins", {f"{{{w}}}id": "1", f"{{{w}}}author": "Partner"}
        )
        run = etree.SubElement(ins, f"{{{w}}}r")
        etree.SubElement(run, f"{{{w}}}t").text = " Nieuw erbij."
        oud = next(r for r in alinea._p.findall(f"{{{w}}}r") if "".join(r.itertext()).strip())
        weg = etree.Element(f"{{{w}}}del", {f"{{{w}}}id": "2", f"{{{w}}}author": "Partner"})
        oud.addprevious(weg)
        weg.append(oud)
        for t in oud.findall(f"{{{w}}}t"):
            t.tag = f"{{{w}}}delText"

    return bewerk(docx, wijzig)


@pytest.mark.slow
def test_pending_tracked_changes_stop_the_import_unless_told_what_to_do(tmp_path: Path) -> None:
    _, docx = _werkmap(tmp_path)
    docx.write_bytes(_met_wijzigingen(docx.read_bytes()))
    geweigerd = run_cli("import", "almere.docx", cwd=tmp_path)
    assert geweigerd.returncode == 1
    assert "2 wijzigingen die nog niet zijn geaccepteerd of geweigerd" in geweigerd.stderr
    assert "ingevoegd: 'Nieuw erbij.'" in geweigerd.stderr
    geaccepteerd = run_cli("import", "almere.docx", "--wijzigingen", "accepteren", cwd=tmp_path)
    assert "aanleiding_en_uitdagingen: gewijzigd" in geaccepteerd.stdout
    assert "+ Nieuw erbij." in geaccepteerd.stdout
    geweigerd_ = run_cli("import", "almere.docx", "--wijzigingen", "weigeren", cwd=tmp_path)
    assert geweigerd_.stdout.startswith("geen verschillen"), geweigerd_.stdout


def _zip(leden: dict[str, bytes]) -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, inhoud in leden.items():
            z.writestr(naam, inhoud)
    return uit.getvalue()


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"gewoon tekst", "is geen Word-document (DOCX) en geen PDF"),
        (b"PK\x03\x04kapot", "is geen Word-document (DOCX) en geen PDF"),
        (_zip({"a.txt": b"x"}), "is geen Word-document (DOCX)"),
        (_zip({"word/document.xml": b"0" * (65 * 1024 * 1024)}), "is te groot of bevat te veel delen"),
        (_zip({f"x/{i}": b"" for i in range(2001)}), "is te groot of bevat te veel delen"),
        (_zip({"word/document.xml": b"<x/>", "word/vbaProject.bin": b"macro"}), "bevat macro's (.docm)"),
        (b"%PDF-1.7\n%%EOF\n", "is geen leesbaar PDF-bestand"),
    ],
    ids=["tekst", "kapotte-zip", "geen-docx", "zip-bom", "te-veel-delen", "macro", "kapotte-pdf"],
)  # fmt: skip
def test_bad_input_is_refused_in_dutch_and_nothing_is_written(
    inhoud: bytes, melding: str, tmp_path: Path
) -> None:
    (tmp_path / "document.docx").write_bytes(inhoud)
    result = run_cli("import", "document.docx", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert melding in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "agendas").exists()


def test_an_unrelated_document_or_pdf_is_refused(tmp_path: Path) -> None:
    from docx import Document

    ander = io.BytesIO()
    Document().save(ander)
    with pytest.raises(OngeldigDocument, match="lijkt niet op de GKA-sjabloon"):
        naar_data(lees_docx(ander.getvalue(), "brief.docx"), "brief.docx")
    from pypdf import PdfWriter

    brief = PdfWriter()
    brief.add_blank_page(595, 842)  # a PDF from anywhere else: no agenda inside
    with (tmp_path / "brief.pdf").open("wb") as f:
        brief.write(f)
    result = run_cli("import", "brief.pdf", cwd=tmp_path)
    assert result.returncode == 1
    assert "is een PDF die niet door gka-docgen is gemaakt" in result.stderr
