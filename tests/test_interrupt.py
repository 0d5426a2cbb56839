"""Ctrl-C and SIGTERM at any moment: one Dutch line, exit 130/143, out/ whole, nothing left over.

A terminal sends Ctrl-C to the whole process group (the command, the forkserver
and the workers); a service manager sends SIGTERM to the command.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli, voorbeeldmap

pytestmark = pytest.mark.slow


def _onderbreek(
    werk: Path,
    wacht: float | Callable[[], object],
    *args: str,
    signaal: int = signal.SIGINT,
    groep: bool = True,
) -> subprocess.CompletedProcess[str]:
    """Run `gka-docgen ARGS` and signal it after `wacht` seconds, or at the moment
    `wacht()` first returns something true (a file the process made, say)."""
    proces = subprocess.Popen(
        [sys.executable, "-m", "gka_docgen.cli", *args],
        cwd=werk,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    if callable(wacht):
        grens = time.monotonic() + 60
        while not wacht():
            assert proces.poll() is None, "the command ended before the moment came"
            assert time.monotonic() < grens, "the moment did not come within 60 s"
            time.sleep(0.005)
    else:
        time.sleep(wacht)
    if groep:
        os.killpg(proces.pid, signaal)
    else:
        os.kill(proces.pid, signaal)
    # communicate() waits until every process holding the pipes (workers too) is gone.
    stdout, stderr = proces.communicate(timeout=120)
    return subprocess.CompletedProcess(proces.args, proces.returncode, stdout, stderr)


def _out_is_heel(werk: Path) -> None:
    uit = werk / "out"
    assert not list(uit.rglob("*.tmp")), "temporary files left behind"
    manifest_pad = uit / ".gka-manifest.json"
    if not manifest_pad.exists():
        return
    manifest = json.loads(manifest_pad.read_text(encoding="utf-8"))
    for bestanden in manifest["agendas"].values():
        for pad, bestand in bestanden.items():  # recorded means really written, whole
            assert hashlib.sha256((uit / pad).read_bytes()).hexdigest() == bestand["sha256"]


def _een_regel(result: subprocess.CompletedProcess[str], code: int, naam: str) -> str:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    regels = result.stderr.splitlines()
    assert len(regels) == 1, result.stderr
    assert regels[0].startswith(f"gka-docgen: onderbroken ({naam})"), regels[0]
    return regels[0]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_at_any_moment_of_a_build(tmp_path: Path, jobs: str) -> None:
    werk = voorbeeldmap(tmp_path)
    # Before, during and after the pool starts (imports take ~1 s, an agenda ~0.5-1.5 s);
    # not in the first moments, while Python itself starts (NOTES.md).
    for wacht in (0.5, 0.9, 1.4, 2.0, 2.8, 3.8):
        result = _onderbreek(werk, wacht, "build", "--force", "--jobs", jobs)
        if result.returncode == 0:  # finished before the signal: fine, nothing to see
            continue
        _een_regel(result, 130, "Ctrl-C")
        _out_is_heel(werk)
    # And once at a known moment: the first agenda's files are written, three are not.
    shutil.rmtree(werk / "out")
    result = _onderbreek(
        werk, lambda: list((werk / "out").glob("*/*.pdf")), "build", "--jobs", jobs
    )
    regel = _een_regel(result, 130, "Ctrl-C")
    assert "gemaakt" in regel, regel
    _out_is_heel(werk)
    afmaken = run_cli("build", cwd=werk)
    assert afmaken.returncode == 0, afmaken.stderr
    assert "0 mislukt" in afmaken.stdout
    assert len(list((werk / "out").rglob("*.pdf"))) == 4


def test_sigterm_stops_a_build_with_143(tmp_path: Path) -> None:
    werk = voorbeeldmap(tmp_path)
    result = _onderbreek(werk, 2.0, "build", "--force", signaal=signal.SIGTERM, groep=False)
    regel = _een_regel(result, 143, "SIGTERM")
    assert "gka-docgen build maakt de rest" in regel
    _out_is_heel(werk)
    assert run_cli("build", cwd=werk).returncode == 0


def test_ctrl_c_during_check(tmp_path: Path) -> None:
    werk = voorbeeldmap(tmp_path)
    bron = (werk / "agendas" / "almere.yaml").read_text(encoding="utf-8")
    for i in range(20):
        (werk / "agendas" / f"kopie-{i:02}.yaml").write_text(bron, encoding="utf-8")
    # A named pipe among the files: check waits at it to read, after the files before it,
    # until the signal comes. Opening it for writing succeeds once check has opened it.
    pijp = werk / "agendas" / "kopie-10-pijp.yaml"
    os.mkfifo(pijp)
    schrijver: list[int] = []

    def bij_de_pijp() -> bool:
        try:
            schrijver.append(os.open(pijp, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:  # ENXIO: no reader yet
            return False
        return True

    try:
        _een_regel(_onderbreek(werk, bij_de_pijp, "check"), 130, "Ctrl-C")
    finally:
        for fd in schrijver:
            os.close(fd)
