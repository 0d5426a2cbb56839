"""`gka-docgen bekijk` run as a user runs it, and a client of its server.

The tests and benchmarks/bench_preview.py share it: a fresh process (`--poort 0
--niet-openen`), its URL read from its first line, the event stream read in a thread,
and saves written as editors write them (a new file renamed over the old one).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Loopback only: no proxy from the environment may stand in between.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_OPTIES = ("--poort", "0", "--niet-openen")


def bewaar(pad: Path, tekst: str) -> float:
    """Save `tekst` into `pad` as an editor does (write beside it, rename over it)."""
    tijdelijk = pad.with_name(f".{pad.name}.opslaan")
    tijdelijk.write_text(tekst, encoding="utf-8")
    moment = time.perf_counter()
    tijdelijk.replace(pad)
    return moment


class Bekijker:
    """One `gka-docgen bekijk` process and its event stream."""

    def __init__(self, agenda: Path, cwd: Path, start_seconden: float = 60) -> None:
        self.proces = subprocess.Popen(
            [sys.executable, "-m", "gka_docgen.cli", "preview", str(agenda), *_OPTIES],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        self.eerste_regel = self._eerste_regel(start_seconden)
        self.url = self.eerste_regel.split(" op ", 1)[1].split(" ", 1)[0]
        self.gebeurtenissen: list[tuple[float, dict[str, Any]]] = []
        self._nieuw = threading.Condition()
        self._lezer = threading.Thread(target=self._lees_stroom, daemon=True)
        self._lezer.start()

    def _eerste_regel(self, seconden: float) -> str:
        assert self.proces.stdout is not None
        uitkomst: list[str] = []
        lezer = threading.Thread(target=lambda: uitkomst.append(self.proces.stdout.readline()))  # type: ignore[union-attr]
        lezer.start()
        lezer.join(seconden)
        if not uitkomst or " op http://" not in uitkomst[0]:
            self.proces.kill()
            _, fout = self.proces.communicate()
            raise RuntimeError(f"gka-docgen bekijk started badly: {uitkomst} {fout[-2000:]}")
        return uitkomst[0].strip()

    def _lees_stroom(self) -> None:
        try:
            with _OPENER.open(self.url + "gebeurtenissen", timeout=120) as antwoord:
                for ruw in antwoord:
                    regel = ruw.decode()
                    if regel.startswith("data: "):
                        gegevens = json.loads(regel[6:])
                        with self._nieuw:
                            self.gebeurtenissen.append((time.perf_counter(), gegevens))
                            self._nieuw.notify_all()
        except OSError:  # the server stopped
            return

    def laatste(self) -> dict[str, Any]:
        """The newest event received (waiting for the first one if need be)."""
        self.wacht(0)
        with self._nieuw:
            return self.gebeurtenissen[-1][1]

    def wacht(self, na_versie: int, seconden: float = 30) -> tuple[float, dict[str, Any]]:
        """The first event with a version above `na_versie`: when it came, and its data."""
        with self._nieuw:
            gelukt = self._nieuw.wait_for(
                lambda: any(g["versie"] > na_versie for _, g in self.gebeurtenissen), seconden
            )
            if not gelukt:
                raise TimeoutError(f"no version after {na_versie} within {seconden} s")
            return next((t, g) for t, g in self.gebeurtenissen if g["versie"] > na_versie)

    def haal(self, pad: str, host: str | None = None) -> tuple[int, dict[str, str], bytes]:
        """GET `pad` (relative to the server's URL): status, headers, body."""
        verzoek = urllib.request.Request(self.url + pad.lstrip("/"))
        if host is not None:
            verzoek.add_header("Host", host)
        try:
            with _OPENER.open(verzoek, timeout=60) as antwoord:
                return antwoord.status, dict(antwoord.headers), antwoord.read()
        except urllib.error.HTTPError as fout:
            return fout.code, dict(fout.headers), fout.read()

    def stop(self, signaal: int = signal.SIGINT) -> tuple[int, str, str]:
        """Stop the process as Ctrl-C does: its exit code, standard output and error."""
        self.proces.send_signal(signaal)
        uit, fout = self.proces.communicate(timeout=30)
        return self.proces.returncode, uit, fout
