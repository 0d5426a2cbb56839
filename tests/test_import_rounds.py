"""`import` over several rounds and with what partners add: nothing lost, nothing damaged.

A partner's documents come back month after month into one agenda file; the file must stay
valid YAML in its author's style, and every word a partner added outside the template's
fields is named in the report instead of vanishing.
"""

from __future__ import annotations

import copy
import difflib
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from gka_docgen.document.compare import verschillen
from gka_docgen.importing.docx_reader import lees_docx
from gka_docgen.importing.from_docx import naar_data
from gka_docgen.render.context import bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.source.load import laad, valideer
from gka_docgen.source.yaml_read import lees
from tests.agenda_strategies import als_yaml
from tests.conftest import DATA, run_cli
from tests.importhulp import bewerk, kopieer_tabel
from tests.test_yaml_update import _handgeschreven


def _docx(data: dict[str, Any]) -> bytes:
    return render_docx(bouw(valideer(als_yaml(data), naam="x.yaml")))


def _almere() -> dict[str, Any]:
    data = lees((DATA / "pdf" / "almere-definitief.yaml").read_text("utf-8")).data
    assert isinstance(data, dict)
    return data


def _kopie(doc: Any) -> None:
    """The partner copies an intervention's table and fills in a new one."""
    kopieer_tabel(doc, 1).rows[0].cells[1].paragraphs[0].text = "Zomerschool Almere"


def _zonder_begroting(doc: Any) -> None:
    """The partner deletes every budget line (the table keeps its header and total)."""
    begroting = doc.tables[-1]
    for rij in list(begroting.rows)[1:-1]:
        begroting._tbl.remove(rij._tr)


def _commentaren(tekst: str) -> Counter[str]:
    return Counter(r.strip() for r in tekst.splitlines() if r.lstrip().startswith("#"))


@pytest.mark.slow
def test_three_documents_into_one_file_keep_it_valid_without_repeated_comments(
    tmp_path: Path,
) -> None:
    almere = _almere()
    x = _docx(almere)
    y = bewerk(x, _kopie)
    kleiner = copy.deepcopy(almere)
    del kleiner["interventies"][1:]
    naam = kleiner["interventies"][0]["naam"]
    kleiner["begroting"]["regels"] = [
        r for r in kleiner["begroting"]["regels"] if r["interventie"] == naam
    ]
    z = bewerk(_docx(kleiner), _zonder_begroting)
    for naam, inhoud in (("x", x), ("y", y), ("z", z)):
        (tmp_path / f"{naam}.docx").write_bytes(inhoud)
    agenda = tmp_path / "a.yaml"

    eerste = run_cli("import", "x.docx", "--uit", "a.yaml", cwd=tmp_path)
    assert eerste.returncode == 0, eerste.stderr
    begin = agenda.read_text(encoding="utf-8")
    for naam in ("y", "z"):
        ronde = run_cli("import", f"{naam}.docx", "--uit", "a.yaml", "--force", cwd=tmp_path)
        assert ronde.returncode == 0, ronde.stderr
        assert "a.yaml bijgewerkt" in ronde.stdout
        tekst = agenda.read_text(encoding="utf-8")
        assert all(_commentaren(tekst)[c] <= n for c, n in _commentaren(begin).items())
        assert run_cli("check", "a.yaml", cwd=tmp_path).returncode == 0
    # The file holds exactly the last document.
    laatste = naar_data(lees_docx(z, "z.docx")).data
    gelezen: Any = lees(agenda.read_text(encoding="utf-8")).data
    assert [str(v) for v in verschillen(gelezen, laatste)] == []
    assert "  regels: []" in agenda.read_text(encoding="utf-8").splitlines()
    again = run_cli("import", "z.docx", "--uit", "a.yaml", cwd=tmp_path)
    assert again.stdout.startswith("geen verschillen"), again.stdout


def test_a_broken_agenda_file_gets_checks_message_and_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "x.docx").write_bytes(_docx(_almere()))
    kapot = "gemeente: Almere\nsoort: addendum\n  periode: 2021-2024\n"
    (tmp_path / "a.yaml").write_text(kapot, encoding="utf-8")
    check = run_cli("check", "a.yaml", cwd=tmp_path)
    result = run_cli("import", "x.docx", "--uit", "a.yaml", "--force", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    melding = next(r for r in check.stderr.splitlines() if r.startswith("a.yaml:"))
    assert melding in result.stderr.splitlines()
    assert "a.yaml:3:" in melding
    assert "Traceback" not in result.stderr and "onverwachte fout" not in result.stderr
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == kapot


def _regels_anders(oud: str, nieuw: str) -> list[str]:
    return [
        r
        for r in difflib.unified_diff(oud.splitlines(), nieuw.splitlines(), lineterm="", n=0)
        if r[:1] in "+-" and not r.startswith(("+++", "---"))
    ]


def test_a_two_field_change_to_a_hand_written_agenda_changes_two_lines(tmp_path: Path) -> None:
    oud, data = _handgeschreven()  # lists indented under their key, amounts and dates plain
    agenda = tmp_path / "zaanstad.yaml"
    agenda.write_text(oud, encoding="utf-8")

    def partner(doc: Any) -> None:
        doc.tables[1].rows[3].cells[1].paragraphs[0].text = "Peuters en kleuters"
        doc.tables[-1].rows[1].cells[2].paragraphs[0].text = "€ 65.000"

    (tmp_path / "z.docx").write_bytes(bewerk(_docx(data), partner))
    result = run_cli("import", "z.docx", "--uit", "zaanstad.yaml", "--force", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _regels_anders(oud, agenda.read_text(encoding="utf-8")) == [
        "-    doelgroep: Peuters",
        "+    doelgroep: Peuters en kleuters",
        "-      bijdrage_ocw: 60000",
        "+      bijdrage_ocw: 65000",
    ]
    assert laad(agenda).agenda.begroting.regels[0].bijdrage_ocw == 65000


def _na(doc: Any, begin: str, tekst: str) -> None:
    """A paragraph the partner types right after the one that starts with `begin`."""
    alinea = next(p for p in doc.paragraphs if p.text.startswith(begin))
    nieuw = doc.add_paragraph(tekst)
    alinea._p.addnext(nieuw._p)


def _partner_schrijft_erbij(doc: Any) -> None:
    _na(doc, "Gelijke Kansen voor alle", "Besproken in de gemeenteraad van 12 mei 2021.")
    _na(doc, "Ondertekening bevoegd gezag", "Getekend onder voorbehoud van de begroting 2022.")
    doc.add_heading("Bijlage 2. Planning", level=1)
    doc.add_paragraph("In het eerste jaar starten vier scholen, daarna alle scholen in Haven.")
    rij = doc.tables[0].add_row()
    rij.cells[0].text = "Opmerking"
    rij.cells[-1].text = "De school in Haven doet pas vanaf 2023 mee."


def test_what_a_partner_adds_outside_the_fields_is_reported_with_where_it_stood(
    tmp_path: Path,
) -> None:
    (tmp_path / "agendas").mkdir()
    yaml = tmp_path / "agendas" / "almere.yaml"
    shutil.copy(DATA / "pdf" / "almere-definitief.yaml", yaml)
    voor = yaml.read_bytes()
    docx = bewerk(_docx(_almere()), _partner_schrijft_erbij)
    (tmp_path / "almere.docx").write_bytes(docx)
    verwacht = [
        "gka-docgen: niet ingelezen: deze tekst staat in geen veld van het sjabloon; zet wat "
        "erin hoort zelf in het agendabestand:",
        "  titelpagina: Besproken in de gemeenteraad van 12 mei 2021.",
        "  tabel 1 onder 'Bestuurlijk overleg', rij 'Opmerking': "
        "De school in Haven doet pas vanaf 2023 mee.",
        "  onder 'Ondertekening bevoegd gezag': Getekend onder voorbehoud van de begroting 2022.",
        "  onder 'Bijlage 1. Activiteitenplan & begroting': Bijlage 2. Planning",
        "  onder 'Bijlage 2. Planning': In het eerste jaar starten vier scholen, daarna alle "
        "scholen in Haven.",
    ]
    for opties in ((), ("--force",)):
        result = run_cli("import", "almere.docx", *opties, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        regels = result.stderr.splitlines()
        begin = regels.index(verwacht[0])
        assert regels[begin : begin + len(verwacht)] == verwacht
        assert result.stdout.startswith("geen verschillen")
    assert yaml.read_bytes() == voor


def test_a_long_text_outside_the_fields_is_shown_by_its_first_80_characters(
    tmp_path: Path,
) -> None:
    lang = "Een opmerking van de partner die veel langer is dan één regel van het verslag. " * 3

    def erbij(doc: Any) -> None:
        _na(doc, "Ondertekening bevoegd gezag", lang)

    (tmp_path / "a.docx").write_bytes(bewerk(_docx(_almere()), erbij))
    result = run_cli("import", "a.docx", "--uit", "a.yaml", cwd=tmp_path)
    regel = next(r for r in result.stderr.splitlines() if "Ondertekening bevoegd gezag'" in r)
    assert regel == "  onder 'Ondertekening bevoegd gezag': " + lang[:79].rstrip() + "…"
