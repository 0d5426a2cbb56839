"""Ctrl-C and SIGTERM: this process stops cleanly; worker processes stay silent.

The command's process turns either signal into `Onderbroken`, once (a second
one while it tidies up is ignored). Worker processes stay silent
(`build.workers`).
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType, TracebackType

from gka_docgen.cli.output import melding
from gka_docgen.errors import Onderbroken

_SIGNALEN = {signal.SIGINT, signal.SIGTERM}


def _bij_signaal(signaal: int, _frame: FrameType | None) -> None:
    for s in _SIGNALEN:
        signal.signal(s, signal.SIG_IGN)  # a second Ctrl-C must not cut the tidying short
    raise Onderbroken(signaal)


def vang() -> None:
    """In the command's process: Ctrl-C and SIGTERM raise `Onderbroken`.

    Called before the command's heavy imports; one that arrives while they run
    never reaches `cli.main`'s boundary, so the last-resort hook says it the same way.
    """
    for s in _SIGNALEN:
        signal.signal(s, _bij_signaal)
    sys.excepthook = _laatste_redmiddel


def beschrijf(onderbroken: Onderbroken) -> str:
    naam = "Ctrl-C" if onderbroken.signaal == signal.SIGINT else "SIGTERM"
    return f"onderbroken ({naam})" + (f"; {onderbroken.stand}" if onderbroken.stand else "")


def afsluitcode(onderbroken: Onderbroken) -> int:
    return 128 + onderbroken.signaal  # as a shell reports a process a signal ended


def _laatste_redmiddel(
    soort: type[BaseException], fout: BaseException, tb: TracebackType | None
) -> None:
    if isinstance(fout, Onderbroken):
        melding(beschrijf(fout))
        os._exit(afsluitcode(fout))
    sys.__excepthook__(soort, fout, tb)
