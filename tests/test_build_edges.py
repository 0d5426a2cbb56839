"""The edges of a build: files in the way, full or read-only disks, two agendas for one
output, leftovers of a killed build, renamed agendas, switching formats."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, run_cli, voorbeeldmap

pytestmark = pytest.mark.slow

ALMERE = "almere/GKA-Addendum-2021-2024-Almere"


def _manifest(werk: Path) -> dict[str, dict[str, object]]:
    tekst = (werk / "out" / ".gka-manifest.json").read_text(encoding="utf-8")
    agendas: dict[str, dict[str, object]] = json.loads(tekst)["agendas"]
    return agendas


def _geen_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr


def test_a_file_where_a_folder_belongs_fails_that_agenda_only(tmp_path: Path) -> None:
    werk = voorbeeldmap(tmp_path)
    (werk / "out").mkdir()
    (werk / "out" / "almere").write_text("in de weg\n", encoding="utf-8")
    result = run_cli("build", "--format", "docx", cwd=werk)
    assert result.returncode == 1
    _geen_traceback(result)
    assert (
        f"agendas/almere.yaml: kan out/{ALMERE}.docx niet schrijven: out/almere is een "
        "bestand waar een map hoort; verplaats of verwijder het"
    ) in result.stderr.splitlines()
    assert "3 gemaakt, 0 ongewijzigd, 1 mislukt" in result.stdout
    assert "agendas/almere.yaml" not in _manifest(werk)
    (werk / "out" / "almere").unlink()
    again = run_cli("build", "--format", "docx", cwd=werk)
    assert "1 gemaakt, 3 ongewijzigd, 0 mislukt" in again.stdout


def test_two_agendas_for_one_output_are_both_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    werk = voorbeeldmap(tmp_path)
    assert run_cli("build", "--format", "docx", cwd=werk).returncode == 0
    voor = (werk / "out" / f"{ALMERE}.docx").read_bytes()
    manifest_voor = _manifest(werk)
    kopie = werk / "agendas" / "almere-kopie.yaml"
    tekst = (werk / "agendas" / "almere.yaml").read_text(encoding="utf-8")
    kopie.write_text(tekst.replace("Soepele", "Andere"), encoding="utf-8")
    for _ in range(2):  # and the next build says so again: nothing was recorded
        result = run_cli("build", "--format", "docx", cwd=werk)
        assert result.returncode == 1
        _geen_traceback(result)
        assert "0 gemaakt, 3 ongewijzigd, 2 mislukt" in result.stdout
        for bron, ander in (("almere-kopie", "almere"), ("almere", "almere-kopie")):
            assert (
                f"agendas/{bron}.yaml: maakt hetzelfde bestand als agendas/{ander}.yaml "
                f"({ALMERE}.docx)"
            ) in result.stderr
    assert (werk / "out" / f"{ALMERE}.docx").read_bytes() == voor
    assert _manifest(werk) == manifest_voor


def _in_eigen_mount(werk: Path, opties: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`gka-docgen ARGS` with out/ a fresh tmpfs mounted with `opties`, in a private namespace.

    The command must fail (exit 1) without a traceback; where no tmpfs can be mounted, skip.
    """
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed")
    (werk / "out").mkdir(exist_ok=True)
    script = f'mount -t tmpfs -o {opties} tmpfs out && exec "$0" -m gka_docgen.cli "$@"'
    result = subprocess.run(
        ["unshare", "-Urm", "sh", "-c", script, sys.executable, *args],
        cwd=werk,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if "mislukt in" not in result.stdout:  # the tool never ran: the mount failed
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    return result


def test_a_full_disk_ends_with_a_summary_and_exit_1(tmp_path: Path) -> None:
    werk = voorbeeldmap(tmp_path)
    # Room for the DOCX files (about 26 kB each), not for the PDFs.
    result = _in_eigen_mount(werk, "size=160k", "build", "--jobs", "1")
    assert "niet schrijven: de schijf is vol; maak ruimte vrij en probeer het opnieuw" in (
        result.stderr
    )
    assert "0 ongewijzigd" in result.stdout and "mislukt in" in result.stdout


def test_a_read_only_out_ends_with_a_summary_and_exit_1(tmp_path: Path) -> None:
    werk = voorbeeldmap(tmp_path)
    result = _in_eigen_mount(werk, "ro", "build", "--format", "docx")
    assert "die map is alleen-lezen; kies met --uit een andere map" in result.stderr
    assert "0 gemaakt, 0 ongewijzigd, 4 mislukt" in result.stdout


def test_leftovers_of_a_killed_build_are_removed_but_not_a_live_writers(tmp_path: Path) -> None:
    werk = voorbeeldmap(tmp_path)
    assert run_cli("build", "--format", "docx", cwd=werk).returncode == 0
    dood = werk / "out" / "almere" / ".GKA-Addendum-2021-2024-Almere.docx.abc123.tmp"
    dood.write_bytes(b"half")
    levend = werk / "out" / "weert" / ".GKA-Addendum-2021-2024-Weert.docx.def456.tmp"
    with levend.open("wb") as f:
        fcntl.flock(f, fcntl.LOCK_EX)  # as the writer of a build running beside this one
        assert run_cli("build", "--format", "docx", cwd=werk).returncode == 0
        assert not dood.exists()
        assert levend.exists()


def test_renamed_agendas_leave_orphans_that_are_listed_and_removed_on_request(
    tmp_path: Path,
) -> None:
    werk = voorbeeldmap(tmp_path)
    assert run_cli("build", "--format", "docx", cwd=werk).returncode == 0
    weert = werk / "agendas" / "weert.yaml"
    weert.write_text(
        weert.read_text(encoding="utf-8").replace("gemeente: Weert", "gemeente: Weert-Noord"),
        encoding="utf-8",
    )
    (werk / "agendas" / "hengelo.yaml").unlink()
    hengelo = werk / "out" / "hengelo" / "GKA-Agenda-2019-2021-Hengelo.docx"
    hengelo.write_bytes(hengelo.read_bytes() + b"\n")  # someone changed it after the build
    result = run_cli("build", "--format", "docx", cwd=werk)
    assert result.returncode == 0, result.stderr
    assert "deze bestanden maakt geen agenda meer" in result.stderr
    assert "  out/weert/GKA-Addendum-2021-2024-Weert.docx" in result.stderr.splitlines()
    assert "  out/hengelo/GKA-Agenda-2019-2021-Hengelo.docx" in result.stderr.splitlines()
    assert (werk / "out" / "weert" / "GKA-Addendum-2021-2024-Weert.docx").exists()

    opgeruimd = run_cli("build", "--format", "docx", "--opruimen", cwd=werk)
    assert opgeruimd.returncode == 0, opgeruimd.stderr
    assert "verwijderd: out/weert/GKA-Addendum-2021-2024-Weert.docx" in opgeruimd.stdout
    assert not (werk / "out" / "weert").exists()
    assert "out/hengelo/GKA-Agenda-2019-2021-Hengelo.docx is na het maken veranderd" in (
        opgeruimd.stderr
    )
    assert hengelo.exists()
    assert (werk / "out" / "weert-noord" / "GKA-Addendum-2021-2024-Weert-Noord.docx").exists()


def test_switching_format_builds_only_the_missing_one(tmp_path: Path) -> None:
    werk = voorbeeldmap(tmp_path)
    assert run_cli("build", "--format", "docx", cwd=werk).returncode == 0
    docx = sorted((werk / "out").rglob("*.docx"))
    tijden = [p.stat().st_mtime_ns for p in docx]
    pdf = run_cli("build", "--format", "pdf", cwd=werk)
    assert "4 gemaakt, 0 ongewijzigd" in pdf.stdout
    assert [p.stat().st_mtime_ns for p in docx] == tijden
    assert len(list((werk / "out").rglob("*.pdf"))) == 4
    beide = run_cli("build", cwd=werk)
    assert "0 gemaakt, 4 ongewijzigd" in beide.stdout
    # A change makes both stale; building one format leaves the other to rebuild later.
    almere = werk / "agendas" / "almere.yaml"
    almere.write_text(almere.read_text(encoding="utf-8") + "# gewijzigd\n", encoding="utf-8")
    assert "1 gemaakt" in run_cli("build", "--format", "docx", cwd=werk).stdout
    assert "1 gemaakt, 3 ongewijzigd" in run_cli("build", "--format", "pdf", cwd=werk).stdout


def test_an_unexpected_error_is_one_line_and_a_log_file(tmp_path: Path) -> None:
    # A fault injected where no user input can cause one: the boundary must still hold.
    code = (
        "import sys\n"
        "import gka_docgen.source.check\n"
        "def kapot(*a, **k):\n    raise ZeroDivisionError('division by zero')\n"
        "gka_docgen.source.check.controleer = kapot\n"
        "from gka_docgen.cli.app import main\n"
        "sys.argv = ['gka-docgen', *sys.argv[1:]]\n"
        "main()\n"
    )
    werk = voorbeeldmap(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run(
        [sys.executable, "-c", code, "check"], cwd=werk, env=env, capture_output=True, text=True
    )
    assert result.returncode == 3
    assert result.stdout == ""
    regels = result.stderr.splitlines()
    assert len(regels) == 1, result.stderr
    assert regels[0].startswith("gka-docgen: onverwachte fout (ZeroDivisionError)")
    logs = list((tmp_path / "state" / "gka-docgen").glob("fout-*.log"))
    assert len(logs) == 1
    assert str(logs[0]) in regels[0]
    assert "ZeroDivisionError: division by zero" in logs[0].read_text(encoding="utf-8")

    debug = subprocess.run(
        [sys.executable, "-c", code, "--debug", "check"],
        cwd=werk,
        env=env,
        capture_output=True,
        text=True,
    )
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr and "ZeroDivisionError" in debug.stderr


def test_no_python_warning_reaches_the_user(tmp_path: Path) -> None:
    werk = voorbeeldmap(tmp_path, DATA / "docx" / "bijzondere-tekens.yaml")
    # Warnings switched on as loudly as Python allows; the file holds emoji and RTL text.
    result = run_cli("build", "--jobs", "1", cwd=werk, env={"PYTHONWARNINGS": "always"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
