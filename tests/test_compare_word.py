"""`compare --word`: the new version's DOCX with every change since the old one tracked.

The promise: accepting all changes gives the new version's document, rejecting all gives
the old one's, and each change sits at the words that changed. Checked on generated
pairs of agendas with our own accept/reject (tests/tracked.py), and on fixed pairs by
LibreOffice itself (accept all, reject all) and by Word's schema check.
"""

from __future__ import annotations

import copy
import io
import os
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gka_docgen.document import structure
from gka_docgen.document.model import Agenda
from gka_docgen.document.structure import Soort
from gka_docgen.render.context import bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.render.docx_blocks import xml_sleutel
from gka_docgen.render.docx_changes import AUTEUR, Revisie, met_wijzigingen
from gka_docgen.source.load import valideer
from gka_docgen.source.yaml_read import lees
from tests.agenda_strategies import agenda, als_definitief, als_yaml, interventie, regel
from tests.conftest import DATA, ROOT, VOORBEELDEN, run_cli
from tests.docx_tekst import alineas
from tests.tracked import alles, wijzigingen
from tests.wordcheck import controleer_voor_word

REVISIE = Revisie(AUTEUR, datetime(2026, 12, 3, 9, 30, tzinfo=UTC))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _agenda(data: dict[str, Any]) -> Agenda:
    return valideer(als_yaml(data), naam="versie.yaml")


def _docx(data: dict[str, Any]) -> bytes:
    return render_docx(bouw(_agenda(data)))


def _data(pad: Path) -> dict[str, Any]:
    data = lees(pad.read_text(encoding="utf-8")).data
    assert isinstance(data, dict)
    return data


def teksten(docx: bytes) -> list[tuple[str, str]]:
    """Every paragraph of the body (style and text), then of each header and footer."""
    uit = [(a.stijl, a.tekst) for a in alineas(docx)]
    doc = Document(io.BytesIO(docx))
    for rel in sorted(doc.part.rels.values(), key=lambda r: str(r.target_ref)):
        if rel.reltype in (RELATIONSHIP_TYPE.HEADER, RELATIONSHIP_TYPE.FOOTER):
            for p in rel.target_part.element.iter(f"{W}p"):
                uit.append(("kop", "".join(t.text or "" for t in p.iter(f"{W}t"))))
    return uit


# ---------------------------------------------------------------- generated pairs

_TEKSTSOORTEN = (Soort.TEKST, Soort.KORT)


def _tekstpaden(data: Any, pad: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths of the free texts one may edit (not names, amounts, dates or addresses)."""
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _tekstpaden(v, (*pad, k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _tekstpaden(v, (*pad, i))]
    r = structure.rubriek(pad)
    vast = pad[0] in ("gemeente", "soort", "periode", "status") or pad[-1] == "interventie"
    naam = pad[0] == "interventies" and pad[-1] == "naam"  # the budget names it too
    if isinstance(data, str) and r is not None and r.soort in _TEKSTSOORTEN and not (vast or naam):
        return [pad]
    return []


@st.composite
def _woorden_bewerkt(draw: st.DrawFn, tekst: str, meer_alineas: bool) -> str:
    woorden = tekst.split(" ")
    plek = draw(st.integers(0, len(woorden)))
    actie = draw(st.sampled_from(["erbij", "weg", "anders", "alles"]))
    nieuw = draw(regel.filter(bool))
    if actie == "erbij":
        woorden.insert(plek, nieuw)
    elif actie == "weg" and plek < len(woorden):
        del woorden[plek]
    elif actie == "anders" and plek < len(woorden):
        woorden[plek] = nieuw
    else:
        return draw(st.one_of(regel, st.just(tekst + "\n\n- " + nieuw))) if meer_alineas else nieuw
    return " ".join(woorden)


@st.composite
def bewerkt(draw: st.DrawFn, oud: dict[str, Any]) -> dict[str, Any]:
    """A later version of `oud`: texts edited word by word, interventions added, removed,
    moved and renamed, signatories added and removed, the header's name changed."""
    data = copy.deepcopy(oud)
    interventies, regels = data["interventies"], data["begroting"]["regels"]
    for _ in range(draw(st.integers(1, 5))):
        actie = draw(
            st.sampled_from(
                [
                    "tekst",
                    "tekst",
                    "tekst",
                    "weg",
                    "erbij",
                    "omkeren",
                    "hernoem",
                    "ondertekenaar",
                    "thema",
                    "gemeente",
                ]
            )
        )
        if actie == "tekst" and _tekstpaden(data):
            pad = draw(st.sampled_from(_tekstpaden(data)))
            ouder: Any = data
            for deel in pad[:-1]:
                ouder = ouder[deel]
            soort = structure.rubriek(pad)
            meer_alineas = soort is not None and soort.soort is Soort.TEKST
            ouder[pad[-1]] = draw(_woorden_bewerkt(ouder[pad[-1]], meer_alineas))
        elif actie == "weg" and interventies:
            i = draw(st.integers(0, len(interventies) - 1))
            naam = interventies.pop(i)["naam"]
            regels[:] = [r for r in regels if r["interventie"] != naam]
        elif actie == "erbij":
            naam = draw(
                regel.filter(lambda n: bool(n) and n not in {i["naam"] for i in interventies})
            )
            plek = draw(st.integers(0, len(interventies)))
            interventies.insert(plek, draw(interventie(naam)))
            regel_ = {
                "interventie": naam,
                "omschrijving": "",
                "bijdrage_ocw": "1000",
                "cofinanciering": "",
            }
            regels.insert(0, regel_)
        elif actie == "omkeren":
            interventies.reverse()
        elif actie == "hernoem" and interventies:
            i = draw(st.integers(0, len(interventies) - 1))
            oude_naam = interventies[i]["naam"]
            naam = draw(
                regel.filter(lambda n: bool(n) and n not in {i["naam"] for i in interventies})
            )
            interventies[i]["naam"] = naam
            for r in regels:
                if r["interventie"] == oude_naam:
                    r["interventie"] = naam
        elif actie == "ondertekenaar":
            ondertekenaars = data["ondertekening"]["ondertekenaars"]
            if len(ondertekenaars) > 1 and draw(st.booleans()):
                del ondertekenaars[draw(st.integers(0, len(ondertekenaars) - 1))]
            else:
                ondertekenaars.append(
                    {"naam": draw(regel), "functie": "Wethouder", "organisatie": ""}
                )
        elif actie == "thema":
            data["themas"] = draw(st.lists(regel, max_size=3))
        elif actie == "gemeente":
            data["gemeente"] = draw(
                st.sampled_from(["Weert", "Súdwest-Fryslân", "'s-Hertogenbosch"])
            )
    return data


@st.composite
def versies(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    oud = draw(agenda(max_interventies=3))
    # One time in six, two agendas with nothing in common.
    anders = draw(st.integers(0, 5)) == 0
    nieuw = draw(agenda(max_interventies=3)) if anders else draw(bewerkt(oud))
    # Concept, definitief (signature lines, no watermark), or the concept sent for signing.
    # (A definitief names at least one intervention.)
    stadium = draw(st.sampled_from(["concept", "definitief", "ter ondertekening"]))
    if stadium == "definitief" and oud["interventies"]:
        oud = als_definitief(oud)
    if stadium != "concept" and nieuw["interventies"]:
        nieuw = als_definitief(nieuw)
    return oud, nieuw


@pytest.mark.slow
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    report_multiple_bugs=False,
)
@given(versies())
def test_accepting_all_gives_the_new_version_and_rejecting_all_the_old(
    paar: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    oud, nieuw = (_docx(d) for d in paar)
    gevolgd = met_wijzigingen(oud, nieuw, REVISIE)
    assert teksten(alles(gevolgd, "accepteren")) == teksten(nieuw)
    assert teksten(alles(gevolgd, "weigeren")) == teksten(oud)
    assert (wijzigingen(gevolgd) == 0) == (teksten(oud) == teksten(nieuw))


# ---------------------------------------------------------------- fixed pairs


def test_a_changed_word_is_tracked_at_that_word_by_gka_docgen() -> None:
    oud = _data(VOORBEELDEN[0])
    nieuw = copy.deepcopy(oud)
    nieuw["interventies"][0]["doel"] = nieuw["interventies"][0]["doel"].replace(
        "Scholen worden", "Alle scholen worden"
    )
    gevolgd = met_wijzigingen(_docx(oud), _docx(nieuw), REVISIE)
    body = Document(io.BytesIO(gevolgd)).element.body
    gewist = [(_tekst(d), d) for d in body.iter(f"{W}del")]
    erbij = [(_tekst(i), i) for i in body.iter(f"{W}ins")]
    assert [t for t, _ in gewist] == ["Scholen"]
    assert [t for t, _ in erbij] == ["Alle scholen"]
    for _, el in gewist + erbij:
        assert el.get(f"{W}author") == "gka-docgen"
        assert el.get(f"{W}date") == "2026-12-03T09:30:00Z"
    # Inside the intervention's "Doel interventie" cell, the rest of it unchanged.
    rij = gewist[0][1].getparent().getparent().getparent()
    assert _tekst(rij).startswith("Doel interventie")


def _eigenschappen(docx: bytes) -> list[tuple[str, tuple[bytes, ...]]]:
    """The properties of every table, row and cell of the body, in document order."""
    body = Document(io.BytesIO(docx)).element.body
    uit = []
    for el in body.iter(f"{W}tbl", f"{W}tr", f"{W}tc"):
        naam = el.tag.rsplit("}", 1)[1] + "Pr"
        eigenschappen = el.find(f"{W}{naam}")
        kinderen = () if eigenschappen is None else tuple(xml_sleutel(k) for k in eigenschappen)
        uit.append((naam, kinderen))
    return uit


def test_table_row_and_cell_properties_come_back_when_rejecting() -> None:
    """From a concept to its definitief the signature cells change their look (the date's
    write-on line, the signature line at the bottom): tracked, so rejecting gives it back."""
    oud, nieuw = _paren()["concept-definitief"]
    a, b = _docx(oud), _docx(nieuw)
    assert _eigenschappen(a) != _eigenschappen(b)
    gevolgd = met_wijzigingen(a, b, REVISIE)
    controleer_voor_word(gevolgd)
    assert _eigenschappen(alles(gevolgd, "accepteren")) == _eigenschappen(b)
    assert _eigenschappen(alles(gevolgd, "weigeren")) == _eigenschappen(a)


def _tekst(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t", f"{W}delText"))


def test_without_changes_it_is_the_document_build_makes() -> None:
    docx = _docx(_data(VOORBEELDEN[1]))
    assert met_wijzigingen(docx, docx, REVISIE) == docx


def test_it_is_reproducible() -> None:
    oud = _data(VOORBEELDEN[0])
    nieuw = copy.deepcopy(oud)
    nieuw["interventies"].reverse()
    a, b = _docx(oud), _docx(nieuw)
    assert met_wijzigingen(a, b, REVISIE) == met_wijzigingen(a, b, REVISIE)


def _paren() -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """Versions as a coordinator meets them: a definitief (signature lines, web links)
    against a later edit of it; one example against another; a concept against its
    definitief."""
    definitief = _data(DATA / "pdf" / "almere-definitief.yaml")
    later = copy.deepcopy(definitief)
    later["interventies"][0]["doel"] += " Ook in de vakanties."
    later["interventies"][1]["naam"] = "Taalhuis Almere-Zuid"
    later["begroting"]["regels"][1]["interventie"] = "Taalhuis Almere-Zuid"
    later["interventies"][0]["website"] = "https://www.almere.nl/nieuw"
    del later["ondertekening"]["ondertekenaars"][-1]
    later["communities"].append(
        {
            "naam": "Loopbaanleren",
            "betrokken_partijen": "Scholen en bedrijven",
            "doel": "Leren over werk.",
            "doelgroep": "Jongeren",
            "activiteiten": "Stages",
        }
    )
    concept = copy.deepcopy(definitief)
    concept["status"] = "concept"
    concept["interventies"][0]["locatie"] = ""
    return {
        "definitief-later": (definitief, later),
        "later-definitief": (later, definitief),
        "hengelo-weert": (_data(VOORBEELDEN[1]), _data(VOORBEELDEN[3])),
        "concept-definitief": (concept, definitief),
    }


def test_word_finds_nothing_wrong_with_it() -> None:
    for naam, (oud, nieuw) in _paren().items():
        gevolgd = met_wijzigingen(_docx(oud), _docx(nieuw), REVISIE)
        assert wijzigingen(gevolgd) > 0, naam
        controleer_voor_word(gevolgd, naam)


SYSTEEMPYTHON = "/usr/bin/python3"


def _libreoffice(map_: Path, hoe: str, paden: dict[Path, Path]) -> None:
    """Have LibreOffice accept or reject all (or neither, `geen`) and save each file."""
    argumenten = [str(p) for paar in paden.items() for p in paar]
    subprocess.run(
        [
            SYSTEEMPYTHON,
            str(ROOT / "tests" / "libreoffice_revisions.py"),
            str(map_ / f"profiel-{hoe}"),
            hoe,
            *argumenten,
        ],
        check=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": ""},
    )


def _heeft_uno() -> bool:
    if shutil.which("soffice") is None or not Path(SYSTEEMPYTHON).exists():
        return False
    return subprocess.run([SYSTEEMPYTHON, "-c", "import uno"], capture_output=True).returncode == 0


def _met_tekst(teksten: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The paragraphs that hold text, page numbers left out (LibreOffice lays out anew)."""
    return [(stijl, re.sub(r"\d+", "#", t) if stijl == "kop" else t) for stijl, t in teksten if t]


@pytest.mark.slow
@pytest.mark.skipif(not _heeft_uno(), reason="LibreOffice with python3-uno is not installed")
def test_libreoffice_accepts_to_the_new_version_and_rejects_to_the_old(tmp_path: Path) -> None:
    """LibreOffice 7.4 gives every paragraph with text back, in order and style, and for
    changes inside paragraphs, cells and rows the whole document. Where a table comes or
    goes between two tables it keeps the empty paragraph that parted them, it keeps an
    empty row where a signature line went, and it does not give back the style of an
    empty paragraph (`w:pPrChange`): hence the comparison without empty paragraphs for
    the other pairs (NOTES.md)."""
    paren = {**_paren(), "in-de-velden": _in_de_velden()}
    gewoon: dict[Path, Path] = {}
    gevolgd: dict[Path, Path] = {}
    for naam, (oud, nieuw) in paren.items():
        a, b = _docx(oud), _docx(nieuw)
        for soort, inhoud in (
            ("oud", a),
            ("nieuw", b),
            ("gevolgd", met_wijzigingen(a, b, REVISIE)),
        ):
            pad = tmp_path / f"{naam}-{soort}.docx"
            pad.write_bytes(inhoud)
            (gevolgd if soort == "gevolgd" else gewoon)[pad] = tmp_path / f"{naam}-{soort}-lo.docx"
    # LibreOffice's own reading of both versions is the measure (it reads a list's
    # numbering or a no-break hyphen its own way), then its accept all and reject all.
    _libreoffice(tmp_path, "geen", gewoon)
    _libreoffice(
        tmp_path, "accepteren", {p: p.with_name(p.stem + "-aanvaard.docx") for p in gevolgd}
    )
    _libreoffice(
        tmp_path, "weigeren", {p: p.with_name(p.stem + "-verworpen.docx") for p in gevolgd}
    )
    for naam in paren:

        def lo(soort: str, naam: str = naam) -> list[tuple[str, str]]:
            return teksten((tmp_path / f"{naam}-{soort}.docx").read_bytes())

        if naam == "in-de-velden":
            assert lo("gevolgd-aanvaard") == lo("nieuw-lo")
            assert lo("gevolgd-verworpen") == lo("oud-lo")
        assert _met_tekst(lo("gevolgd-aanvaard")) == _met_tekst(lo("nieuw-lo")), naam
        assert _met_tekst(lo("gevolgd-verworpen")) == _met_tekst(lo("oud-lo")), naam


def _in_de_velden() -> tuple[dict[str, Any], dict[str, Any]]:
    """Changes inside fields only: words, a renamed intervention, a moved budget line."""
    oud = _data(DATA / "pdf" / "almere-definitief.yaml")
    nieuw = copy.deepcopy(oud)
    nieuw["interventies"][0]["doel"] = "Kinderen krijgen " + nieuw["interventies"][0]["doel"]
    nieuw["interventies"][1]["naam"] = "Taalhuis Almere-Zuid"
    nieuw["begroting"]["regels"][1]["interventie"] = "Taalhuis Almere-Zuid"
    nieuw["begroting"]["regels"].reverse()
    nieuw["toelichting"]["kennis"] += "\n\nEen nieuwe alinea.\n\n- met een opsomming"
    nieuw["ondertekening"]["ondertekenaars"][0]["functie"] = "Wethouder Onderwijs en Jeugd"
    return oud, nieuw


@pytest.mark.slow
def test_the_command_writes_it_and_compare_reads_it_back_either_way(tmp_path: Path) -> None:
    """`compare --word`, then `compare --wijzigingen`: accepted it is the new version,
    rejected the old one; a version the same as the other gives build's own DOCX."""
    bron = DATA / "pdf" / "almere-definitief.yaml"
    (tmp_path / "oud.yaml").write_bytes(bron.read_bytes())
    nieuw = bron.read_text(encoding="utf-8").replace("Ouders versterken", "Alle ouders versterken")
    assert nieuw != bron.read_text(encoding="utf-8")
    (tmp_path / "nieuw.yaml").write_text(nieuw, encoding="utf-8")

    gemaakt = run_cli("compare", "oud.yaml", "nieuw.yaml", "--word", "gevolgd.docx", cwd=tmp_path)
    assert gemaakt.returncode == 1, gemaakt.stderr
    assert gemaakt.stderr == "gka-docgen: DOCX met bijgehouden wijzigingen gemaakt: gevolgd.docx\n"
    docx = (tmp_path / "gevolgd.docx").read_bytes()
    assert wijzigingen(docx) == 2  # "Ouders" removed, "Alle ouders" added
    stempel = datetime.fromtimestamp(int((tmp_path / "nieuw.yaml").stat().st_mtime), tz=UTC)
    assert stempel.strftime('w:date="%Y-%m-%dT%H:%M:%SZ"') in _documentxml(docx)

    open_ = run_cli("compare", "nieuw.yaml", "gevolgd.docx", cwd=tmp_path)
    assert open_.returncode == 2
    assert "kies --wijzigingen accepteren of --wijzigingen weigeren" in open_.stderr
    for versie, keuze in (("nieuw.yaml", "accepteren"), ("oud.yaml", "weigeren")):
        terug = run_cli("compare", versie, "gevolgd.docx", "--wijzigingen", keuze, cwd=tmp_path)
        assert (terug.returncode, terug.stdout) == (
            0,
            f"{versie} → gevolgd.docx: geen verschillen\n",
        )

    zelfde = run_cli("compare", "oud.yaml", "oud.yaml", "--word", "zelfde.docx", cwd=tmp_path)
    assert zelfde.returncode == 0, zelfde.stderr
    assert (tmp_path / "zelfde.docx").read_bytes() == _docx(_data(bron))
    # A version compare reads but --word cannot make: the comparison, then why not.
    (tmp_path / "fout.yaml").write_text(
        nieuw.replace("status: definitief", "status: klaar"), encoding="utf-8"
    )
    half = run_cli("compare", "oud.yaml", "fout.yaml", "--word", "half.docx", cwd=tmp_path)
    assert half.returncode == 2
    assert half.stdout.startswith("oud.yaml → fout.yaml: ")
    assert half.stderr.splitlines()[0].startswith("gka-docgen: --word half.docx: niet gemaakt: ")
    assert "status: 'klaar' is niet toegestaan" in half.stderr
    assert not (tmp_path / "half.docx").exists()
    fout = run_cli("compare", "oud.yaml", "nieuw.yaml", "--word", "gevolgd.pdf", cwd=tmp_path)
    assert fout.returncode == 2
    assert "--word gevolgd.pdf: kies een bestandsnaam op .docx" in fout.stderr
    assert not (tmp_path / "gevolgd.pdf").exists()


def _documentxml(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return z.read("word/document.xml").decode("utf-8")
