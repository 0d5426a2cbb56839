"""Batch builds as a coordinator runs them: incremental, reproducible, crash-safe."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import DATA, ROOT, VOORBEELDEN, run_cli, voorbeeldmap
from tests.wordcheck import controleer_voor_word

pytestmark = pytest.mark.slow

VERWACHT = {
    "almere/GKA-Addendum-2021-2024-Almere.docx",
    "almere/GKA-Addendum-2021-2024-Almere.pdf",
    "hengelo/GKA-Agenda-2019-2021-Hengelo.docx",
    "hengelo/GKA-Agenda-2019-2021-Hengelo.pdf",
    "s-hertogenbosch/GKA-Agenda-2019-2021-s-Hertogenbosch.docx",
    "s-hertogenbosch/GKA-Agenda-2019-2021-s-Hertogenbosch.pdf",
    "weert/GKA-Addendum-2021-2024-Weert.docx",
    "weert/GKA-Addendum-2021-2024-Weert.pdf",
}


def _uitvoer(uit: Path) -> dict[str, bytes]:
    return {
        p.relative_to(uit).as_posix(): p.read_bytes()
        for p in sorted(uit.rglob("*"))
        if p.is_file() and p.suffix in {".docx", ".pdf"}
    }


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four examples built once, as `make build` does, in a fresh directory."""
    werk = voorbeeldmap(tmp_path_factory.mktemp("build"))
    result = run_cli("build", cwd=werk)
    assert result.returncode == 0, result.stderr
    assert "4 gemaakt, 0 ongewijzigd, 0 mislukt" in result.stdout
    return werk


def test_build_writes_docx_and_pdf_with_attachment_names(gebouwd: Path) -> None:
    assert set(_uitvoer(gebouwd / "out")) == VERWACHT


def test_the_docx_files_a_build_writes_are_valid_for_word(gebouwd: Path) -> None:
    for pad in sorted((gebouwd / "out").rglob("*.docx")):
        controleer_voor_word(pad.read_bytes(), str(pad.relative_to(gebouwd)))


def test_a_second_build_renders_nothing_and_touches_nothing(gebouwd: Path) -> None:
    uit = gebouwd / "out"
    tijden = {p: p.stat().st_mtime_ns for p in uit.rglob("*.*") if p.suffix in {".docx", ".pdf"}}
    result = run_cli("build", cwd=gebouwd)
    assert result.returncode == 0, result.stderr
    assert "0 gemaakt, 4 ongewijzigd, 0 mislukt" in result.stdout
    assert {p: p.stat().st_mtime_ns for p in tijden} == tijden


def test_only_the_changed_agenda_is_rebuilt_and_force_rebuilds_all(tmp_path: Path) -> None:
    werk = voorbeeldmap(tmp_path)
    assert run_cli("build", "--format", "docx", cwd=werk).returncode == 0
    weert = werk / "agendas" / "weert.yaml"
    weert.write_text(weert.read_text(encoding="utf-8").replace("Soepele", "Snelle"), "utf-8")
    result = run_cli("build", "--format", "docx", cwd=werk)
    assert "1 gemaakt, 3 ongewijzigd, 0 mislukt" in result.stdout
    forced = run_cli("build", "--format", "docx", "--force", cwd=werk)
    assert "4 gemaakt, 0 ongewijzigd, 0 mislukt" in forced.stdout
    manifest = json.loads((werk / "out" / ".gka-manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["agendas"]) == [f"agendas/{p.name}" for p in VOORBEELDEN]


def test_same_input_gives_byte_identical_files_in_separate_processes(
    gebouwd: Path, tmp_path: Path
) -> None:
    werk = voorbeeldmap(tmp_path)
    assert run_cli("build", "--jobs", "1", cwd=werk).returncode == 0
    assert _uitvoer(werk / "out") == _uitvoer(gebouwd / "out")


def test_one_bad_file_does_not_stop_the_batch_and_keeps_old_output(tmp_path: Path) -> None:
    werk = voorbeeldmap(tmp_path)
    assert run_cli("build", "--format", "docx", cwd=werk).returncode == 0
    voor = _uitvoer(werk / "out")
    almere = werk / "agendas" / "almere.yaml"
    almere.write_text(
        almere.read_text(encoding="utf-8").replace("soort: addendum", "soort: boek"), "utf-8"
    )
    shutil.copy(DATA / "invalid" / "dubbel-veld.yaml", werk / "agendas" / "kapot.yaml")
    result = run_cli("build", "--format", "docx", "--force", cwd=werk)
    assert result.returncode == 1
    assert "3 gemaakt, 0 ongewijzigd, 2 mislukt" in result.stdout
    assert "agendas/almere.yaml:5:8: soort: 'boek' is niet toegestaan" in result.stderr
    assert "agendas/kapot.yaml:18:5: interventies[1].locatie: het veld 'locatie'" in result.stderr
    assert "Traceback" not in result.stderr
    # The previous good Almere document is still there, untouched.
    na = _uitvoer(werk / "out")
    almere_docx = "almere/GKA-Addendum-2021-2024-Almere.docx"
    assert na[almere_docx] == voor[almere_docx]


def _heel(pad: Path) -> bool:
    try:
        if pad.suffix == ".docx":
            with zipfile.ZipFile(pad) as z:
                return z.testzip() is None and "word/document.xml" in z.namelist()
        return len(PdfReader(pad).pages) > 0
    except Exception:
        return False


def test_killing_a_build_at_any_moment_leaves_only_complete_files(tmp_path: Path) -> None:
    werk = voorbeeldmap(tmp_path)
    assert run_cli("build", cwd=werk).returncode == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for wacht in (0.3, 0.9, 1.6, 2.4):
        proces = subprocess.Popen(
            [sys.executable, "-m", "gka_docgen.cli", "build", "--force"],
            cwd=werk,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(wacht)
        os.killpg(proces.pid, signal.SIGKILL)  # the CLI and its worker processes
        proces.wait()
        bestanden = [p for p in (werk / "out").rglob("*") if p.suffix in {".docx", ".pdf"}]
        assert len(bestanden) == 8
        assert all(_heel(p) for p in bestanden), wacht
    # And the next build repairs whatever the kills left half-done.
    assert run_cli("build", cwd=werk).returncode == 0


def test_two_builds_at_once_do_not_corrupt_each_other(tmp_path: Path) -> None:
    werk = voorbeeldmap(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "gka_docgen.cli", "build", "--force", "--jobs", "1"],
            cwd=werk,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    for p in procs:
        assert p.wait(timeout=300) == 0
    bestanden = _uitvoer(werk / "out")
    assert set(bestanden) == VERWACHT
    assert all(_heel(werk / "out" / naam) for naam in bestanden)
    manifest = json.loads((werk / "out" / ".gka-manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["agendas"]) == 4


def test_a_reserved_windows_name_gets_a_safe_folder(tmp_path: Path) -> None:
    (tmp_path / "agendas").mkdir()
    bron = (DATA / "valid" / "minimaal.yaml").read_text(encoding="utf-8")
    (tmp_path / "agendas" / "con.yaml").write_text(
        bron.replace("gemeente: Súdwest-Fryslân", "gemeente: Con"), encoding="utf-8"
    )
    result = run_cli("build", "--format", "docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        tmp_path / "out" / "gemeente-con" / "GKA-Addendum-2021-2024-gemeente-Con.docx"
    ).is_file()


def test_a_batch_of_several_pool_generations_completes(tmp_path: Path) -> None:
    """Workers are recycled by replacing the pool; a batch spanning five pools finishes.

    Run in its own process with a time limit: the failure this guards against
    (Python 3.11's max_tasks_per_child) is a pool that waits forever.
    """
    bron = (DATA / "valid" / "minimaal.yaml").read_text(encoding="utf-8")
    for naam in ["Almere", "Weert", "Hengelo", "Breda", "Delft", "Ede", "Epe", "Oss", "Urk"]:
        (tmp_path / f"{naam.lower()}.yaml").write_text(
            bron.replace("Súdwest-Fryslân", naam), encoding="utf-8"
        )
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from gka_docgen.build import batch as build\n"
        "build.TAKEN_PER_WERKER = 1\n"
        "paden = sorted(Path('.').glob('*.yaml'))\n"
        "r = build.bouw_alles(paden, ['docx'], Path('out'), jobs=2)\n"
        "print(sorted(u.status for u in r.uitslagen))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.strip() == str(["gebouwd"] * 9)
    assert len(list((tmp_path / "out").rglob("*.docx"))) == 9
