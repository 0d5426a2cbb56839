"""Where an unexpected error's full story goes: a log file the user can send along."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path


def _map() -> Path:
    basis = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(basis) / "gka-docgen"


def schrijf(fout: BaseException) -> Path | None:
    """Write the traceback, the command and the versions to a new log file; its path.

    None if no log could be written anywhere (the message then says so).
    """
    from gka_docgen.versions import versies

    tekst = (
        f"{', '.join(versies())}\n{platform.platform()}\n"
        f"opdracht: {' '.join(sys.argv)}\nmap: {Path.cwd()}\n\n"
        + "".join(traceback.format_exception(fout))
    )
    naam = f"fout-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"
    for map_ in (_map(), Path(tempfile.gettempdir())):
        try:
            map_.mkdir(parents=True, exist_ok=True)
            pad = map_ / naam
            pad.write_text(tekst, encoding="utf-8")
            return pad
        except OSError:
            continue
    return None


def vastgelegd(fout: BaseException) -> tuple[str, str]:
    """The log written, and the two halves of the one line that tells the user:
    'onverwachte fout (X): dit is een fout in gka-docgen zelf' and where the details are."""
    log = schrijf(fout)
    waar = f"de details staan in {log}" if log else "de details konden nergens worden bewaard"
    return f"onverwachte fout ({type(fout).__name__}): dit is een fout in gka-docgen zelf", waar
