"""`gka-docgen extend` (verleng): an agenda 2019-2021 becomes its addendum 2021-2024."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from gka_docgen.source.extend import EIGEN, verleng, volgende_periode
from gka_docgen.source.load import laad
from gka_docgen.source.yaml_read import lees
from tests.agenda_strategies import agenda, als_yaml
from tests.conftest import DATA, VOORBEELDEN, run_cli, voorbeeldmap

(NPO,) = (r.sleutel for r in EIGEN)  # the addendum's own section

AGENDAS_2019 = [p for p in VOORBEELDEN if "soort: agenda" in p.read_text(encoding="utf-8")]


def _data(pad: Path) -> Any:
    return lees(pad.read_text(encoding="utf-8-sig")).data


def _zelfde_tekst(a: Any, b: Any) -> bool:
    """Equal as the documents print them: a text's last line break aside."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_zelfde_tekst(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_zelfde_tekst(x, y) for x, y in zip(a, b, strict=True))
    return ("" if a is None else str(a)).rstrip("\n") == ("" if b is None else str(b)).rstrip("\n")


def _overgenomen(agenda_: Any, addendum: Any) -> None:
    """Everything that carries over is the agenda's; the rest is the addendum's own."""
    assert addendum["soort"] == "addendum" and addendum["status"] == "concept"
    assert addendum["periode"] == volgende_periode(agenda_["periode"])
    for sleutel in ("gemeente", "themas", "bestuurlijk_overleg", "interventies", "communities"):
        assert _zelfde_tekst(agenda_.get(sleutel) or [], addendum[sleutel] or []), sleutel
    for sleutel, tekst in addendum["toelichting"].items():
        assert (
            not tekst if sleutel == NPO else _zelfde_tekst(tekst, agenda_["toelichting"][sleutel])
        )
    ondertekening = addendum["ondertekening"]
    assert _zelfde_tekst(
        ondertekening["ondertekenaars"], agenda_["ondertekening"]["ondertekenaars"]
    )
    assert _zelfde_tekst(ondertekening["plaats"], agenda_["ondertekening"]["plaats"])
    assert not ondertekening["datum"]  # a new signing
    assert _zelfde_tekst(addendum["begroting"]["regels"], agenda_["begroting"]["regels"])
    assert addendum["begroting"]["maximum_ocw"] == "100000"


@pytest.mark.slow
@pytest.mark.parametrize("bron", AGENDAS_2019, ids=lambda p: p.stem)
def test_each_example_agenda_extends_to_an_addendum_that_checks_and_builds(
    tmp_path: Path, bron: Path
) -> None:
    werk = voorbeeldmap(tmp_path)
    result = run_cli("extend", f"agendas/{bron.name}", cwd=werk)
    assert result.returncode == 0, result.stderr
    doel = werk / "agendas" / f"{bron.stem}-addendum-2021-2024.yaml"
    assert f"{doel.relative_to(werk)} gemaakt" in result.stdout
    _overgenomen(_data(bron), _data(doel))
    tekst = doel.read_text(encoding="utf-8")
    assert "  # verleng: nieuw in het addendum; schrijf dit zelf\n  inzet_nationaal" in tekst
    assert "controleer: is dit nog de wethouder/minister?" in tekst
    check = run_cli("check", str(doel.relative_to(werk)), cwd=werk)
    assert check.returncode == 0, check.stderr
    assert f"toelichting.{NPO}" in check.stderr  # what still has to be written
    build = run_cli("build", "--format", "docx", cwd=werk)
    assert build.returncode == 0, build.stderr
    naam = {"hengelo": "Hengelo", "s-hertogenbosch": "s-Hertogenbosch"}[bron.stem]
    namen = sorted(p.name for p in (werk / "out" / bron.stem).iterdir())
    assert namen == [f"GKA-Addendum-2021-2024-{naam}.docx", f"GKA-Agenda-2019-2021-{naam}.docx"]


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(agenda(max_interventies=4).filter(lambda d: d["soort"] == "agenda"))
def test_generated_agendas_extend_to_valid_addenda_with_their_values(
    tmp_path_factory: pytest.TempPathFactory, data: dict[str, Any]
) -> None:
    map_ = tmp_path_factory.mktemp("verleng")
    bron = map_ / "a.yaml"
    bron.write_bytes(als_yaml(data))
    uitslag = verleng(bron)
    assert uitslag.problemen == ()
    assert laad(uitslag.doel).agenda.soort == "addendum"
    _overgenomen(data, _data(uitslag.doel))


@pytest.mark.slow
def test_extend_refuses_to_overwrite_an_addendum_or_a_broken_file(tmp_path: Path) -> None:
    werk = voorbeeldmap(tmp_path, DATA / "invalid" / "tab-inspringing.yaml")
    assert run_cli("extend", "agendas/hengelo.yaml", cwd=werk).returncode == 0
    doel = werk / "agendas" / "hengelo-addendum-2021-2024.yaml"
    doel.write_text(doel.read_text(encoding="utf-8") + "# mijn eigen aantekening\n", "utf-8")
    eigen = doel.read_bytes()

    nogmaals = run_cli("extend", "agendas/hengelo.yaml", cwd=werk)
    assert nogmaals.returncode == 1
    assert "bestaat al en blijft zoals het is" in nogmaals.stderr and "--force" in nogmaals.stderr
    assert doel.read_bytes() == eigen
    vervangen = run_cli("extend", "agendas/hengelo.yaml", "--force", cwd=werk)
    assert vervangen.returncode == 0, vervangen.stderr
    assert "mijn eigen aantekening" not in doel.read_text(encoding="utf-8")

    addendum = run_cli("verleng", "agendas/almere.yaml", cwd=werk)  # the Dutch name works too
    assert addendum.returncode == 1
    assert "agendas/almere.yaml is al een addendum (2021-2024)" in addendum.stderr
    kapot = run_cli("extend", "agendas/tab-inspringing.yaml", cwd=werk)
    assert kapot.returncode == 1
    assert kapot.stderr.startswith("agendas/tab-inspringing.yaml:"), kapot.stderr
    periode = run_cli("extend", "agendas/hengelo.yaml", "--periode", "2018-2020", cwd=werk)
    assert periode.returncode == 1 and "na 2019-2021" in periode.stderr
    assert not list((werk / "agendas").glob("*2018*"))
    assert "Traceback" not in kapot.stderr + addendum.stderr + periode.stderr


def test_a_budget_over_the_new_maximum_is_carried_over_and_named(tmp_path: Path) -> None:
    werk = voorbeeldmap(tmp_path)
    hengelo = werk / "agendas" / "hengelo.yaml"
    tekst = hengelo.read_text(encoding="utf-8").replace("bijdrage_ocw:", "bijdrage_ocw: 120000", 1)
    hengelo.write_text(tekst, encoding="utf-8")
    assert run_cli("check", "agendas/hengelo.yaml", cwd=werk).returncode == 0  # 2019: 140.000
    result = run_cli("extend", "agendas/hengelo.yaml", cwd=werk)
    assert result.returncode == 0, result.stderr
    assert "let op: check vindt in het addendum nog dit" in result.stderr
    assert "begroting.regels: de bijdragen van OCW tellen op tot" in result.stderr
    addendum = _data(werk / "agendas" / "hengelo-addendum-2021-2024.yaml")
    assert addendum["begroting"]["regels"][0]["bijdrage_ocw"] == "120000"
