"""`gka-docgen compare`: two versions of an agenda, word by word, items matched by name."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gka_docgen.document.versions_compare import regels, samenvatting, vergelijk
from gka_docgen.document.word_diff import terug, woordverschil
from gka_docgen.source.load import laad
from gka_docgen.source.yaml_read import lees
from tests.agenda_strategies import agenda, tekst
from tests.conftest import DATA, ROOT

ALMERE = DATA / "pdf" / "almere-definitief.yaml"


def _data() -> Any:
    return lees(ALMERE.read_text(encoding="utf-8")).data


def _normaal(t: str) -> str:
    return " ".join(t.split())


@settings(max_examples=200, deadline=None)
@given(tekst, tekst)
def test_the_markup_gives_back_both_texts(oud: str, nieuw: str) -> None:
    a, b = terug(woordverschil(oud, nieuw))
    assert (_normaal(a), _normaal(b)) == (_normaal(oud), _normaal(nieuw))


def test_one_sentence_added_is_that_sentence() -> None:
    oud = "Wij werken samen met scholen. Zo maken we het verschil."
    nieuw = "Wij werken samen met scholen en ouders. Zo maken we het verschil."
    assert woordverschil(oud, nieuw) == (
        "Wij werken samen met [-scholen.-]{+scholen en ouders.+} Zo maken we het verschil."
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agenda())
def test_a_version_is_the_same_as_itself(data: dict[str, Any]) -> None:
    uitslag = vergelijk(data, copy.deepcopy(data))
    assert uitslag.zelfde
    assert samenvatting(uitslag) == "geen verschillen"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agenda(max_interventies=4), st.data())
def test_items_added_removed_and_moved_read_as_such(data: dict[str, Any], keuze: Any) -> None:
    nieuw = copy.deepcopy(data)
    items = nieuw["interventies"]
    weg = keuze.draw(st.lists(st.sampled_from(range(len(items))), unique=True)) if items else []
    for i in sorted(weg, reverse=True):
        del items[i]
    items.reverse()
    # New: its own name and texts (an item with another's texts would be that one renamed).
    items.append({"naam": "Geheel nieuw project", "doel": "Een doel dat nergens anders staat."})
    uitslag = vergelijk(data, nieuw)
    soorten = {(w.soort, w.waar) for w in uitslag.wijzigingen if w.waar.startswith("Interventie")}
    verwijderd = {data["interventies"][i]["naam"] for i in weg}
    assert {w for s, w in soorten if s == "verwijderd"} == {
        f"Interventie '{n}'" for n in verwijderd
    }
    assert ("nieuw", "Interventie 'Geheel nieuw project'") in soorten
    # What stayed is moved at most, never removed and added again, never renamed.
    assert not any(s == "hernoemd" for s, _ in soorten)
    assert {w for s, w in soorten if s == "gewijzigd"} == set()


def test_a_renamed_intervention_reads_as_renamed() -> None:
    oud = _data()
    nieuw = copy.deepcopy(oud)
    nieuw["interventies"][1]["naam"] = "Taalhuis Almere-Zuid"
    uitslag = vergelijk(oud, nieuw)
    assert [str(r) for r in regels(uitslag)] == [
        "Interventie 'Taalhuis Almere-Zuid': hernoemd, heette 'Taalhuis Ĳsselmonde-Zuid'"
    ]
    assert samenvatting(uitslag) == "1 interventie gewijzigd"


def test_the_summary_names_counts_and_the_ocw_total() -> None:
    oud = _data()
    nieuw = copy.deepcopy(oud)
    nieuw["begroting"]["regels"][0]["bijdrage_ocw"] = "45000"
    nieuw["interventies"][0]["doel"] += " Ook in de vakanties."
    nieuw["communities"].append({"naam": "Loopbaanleren"})
    nieuw["toelichting"]["kennis"] = "Iets anders."
    uitslag = vergelijk(oud, nieuw)
    # Amounts as the documents print them: a no-break space after the euro sign.
    assert samenvatting(uitslag).replace("\xa0", " ") == (
        "1 interventie gewijzigd; 1 community nieuw; 1 begrotingsregel gewijzigd; "
        "1 ander veld gewijzigd; OCW-bijdrage € 75.000,50 → € 80.000,50"
    )
    uit = [r.replace("\xa0", " ") for r in regels(uitslag)]
    # In document order: the Toelichting before the interventions, the budget last.
    assert uit[0] == "Toelichting — Kennis:"
    assert uit[-1] == "Begrotingsregel 'Rijke Schooldag Almere' — Bijdrage OCW: € 40.000 → € 45.000"
    assert (
        "  Kinderen krijgen na schooltijd een breed aanbod van sport, cultuur en taal. {+Ook in de vakanties.+}"
        in uit
    )


def _gka(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gka_docgen.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )


@pytest.mark.slow
def test_the_command_exits_as_diff_does_and_reads_a_docx_and_a_pdf(tmp_path: Path) -> None:
    from gka_docgen.render.context import bouw
    from gka_docgen.render.docx import render_docx
    from gka_docgen.render.pdf import render_pdf

    bron = ALMERE.read_bytes()
    (tmp_path / "oud.yaml").write_bytes(bron)
    context = bouw(laad(ALMERE).agenda)
    (tmp_path / "oud.docx").write_bytes(render_docx(context))
    (tmp_path / "oud.pdf").write_bytes(render_pdf(context, bron, "oud.yaml"))
    nieuw = bron.decode().replace("bijdrage_ocw: 40000", "bijdrage_ocw: 45000")
    (tmp_path / "nieuw.yaml").write_text(nieuw, encoding="utf-8")

    for versie in ("oud.yaml", "oud.docx", "oud.pdf"):
        zelfde = _gka("compare", "oud.yaml", versie, cwd=tmp_path)
        assert (zelfde.returncode, zelfde.stderr) == (0, ""), versie
        assert zelfde.stdout == f"oud.yaml → {versie}: geen verschillen\n"
    anders = _gka("compare", "oud.docx", "nieuw.yaml", cwd=tmp_path)
    assert anders.returncode == 1, anders.stderr
    assert anders.stdout.replace("\xa0", " ").splitlines() == [
        "oud.docx → nieuw.yaml: 1 begrotingsregel gewijzigd; "
        "OCW-bijdrage € 75.000,50 → € 80.000,50",
        "Begrotingsregel 'Rijke Schooldag Almere' — Bijdrage OCW: € 40.000 → € 45.000",
    ]
    (tmp_path / "kapot.yaml").write_text("gemeente: [\n", encoding="utf-8")
    kapot = _gka("vergelijk", "oud.yaml", "kapot.yaml", cwd=tmp_path)
    assert kapot.returncode == 2
    assert kapot.stderr.startswith("kapot.yaml:2:"), kapot.stderr
    weg = _gka("compare", "oud.yaml", "er-niet.yaml", cwd=tmp_path)
    assert weg.returncode == 2
    assert "er-niet.yaml" in weg.stderr and "Traceback" not in weg.stderr


@pytest.mark.slow
def test_the_report_as_pdf_is_archival_accessible_and_says_what_changed(tmp_path: Path) -> None:
    from gka_docgen.render import report
    from tests.verapdf import afwijkingen, valideer

    oud = _data()
    nieuw = copy.deepcopy(oud)
    nieuw["toelichting"]["kennis"] = oud["toelichting"]["kennis"].replace(
        "onderzoeken wij", "onderzoeken wij samen"
    )
    nieuw["begroting"]["regels"][0]["bijdrage_ocw"] = "45000"
    (tmp_path / "oud.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "nieuw.yaml").write_text("x", encoding="utf-8")
    uitslag = vergelijk(oud, nieuw)
    html = report.html(
        uitslag,
        report.versie(tmp_path / "oud.yaml", oud),
        report.versie(tmp_path / "nieuw.yaml", nieuw),
    )
    # User text is data: the Almere agenda's '<img src="file:///etc/passwd">' stays text.
    assert '<img src="file:///etc/passwd">' not in html
    assert "&lt;img src=" in html
    assert "<ins>samen</ins>" in html
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(report.pdf(html))
    tekst = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\xa0", " ")
    assert "Vergelijking van twee versies" in tekst
    assert "1 begrotingsregel gewijzigd; 1 ander veld gewijzigd" in tekst
    assert "GKA-Addendum 2021-2024 ge" in tekst  # the document's name, in the title table
    assert "€ 40.000 → € 45.000" in tekst
    assert afwijkingen(valideer([pdf])) == []


@pytest.mark.slow
def test_the_report_is_written_as_asked_or_refused(tmp_path: Path) -> None:
    (tmp_path / "oud.yaml").write_bytes(ALMERE.read_bytes())
    nieuw = ALMERE.read_text(encoding="utf-8").replace("bijdrage_ocw: 40000", "bijdrage_ocw: 45000")
    (tmp_path / "nieuw.yaml").write_text(nieuw, encoding="utf-8")
    html = _gka("compare", "oud.yaml", "nieuw.yaml", "--rapport", "r.html", cwd=tmp_path)
    assert html.returncode == 1 and "rapport gemaakt: r.html" in html.stderr
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    fout = _gka("compare", "oud.yaml", "nieuw.yaml", "--rapport", "r.txt", cwd=tmp_path)
    assert fout.returncode == 2
    assert "kies een bestandsnaam op .pdf of .html" in fout.stderr
    assert not (tmp_path / "r.txt").exists()
