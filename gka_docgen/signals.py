"""Ctrl-C and SIGTERM: this process stops cleanly; worker processes stay silent.

The command's process turns either signal into `Onderbroken`, once (a second
one while it tidies up is ignored). Worker processes start with both signals
held back, inherit that from the process that started them, and are stopped
by this process (`stop_werkers`): they write nothing, so nothing is lost.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType, TracebackType

from gka_docgen.errors import Onderbroken
from gka_docgen.uitvoer import melding

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


@contextmanager
def uitgesteld() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back for a moment; they take effect when it ends.

    Processes started inside inherit the held-back signals. Blocking alone would
    not do: another thread (the progress bar's) may still receive the signal, and
    Python then runs the handler in this thread at once; so the handlers only note
    the signal here, and the real one runs afterwards.
    """
    ontvangen: list[signal.Signals] = []

    def onthoud(signaal: int, _frame: FrameType | None) -> None:
        ontvangen.append(signal.Signals(signaal))

    vorige = {s: signal.signal(s, onthoud) for s in _SIGNALEN}
    masker = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALEN)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, masker)
        for s, handler in vorige.items():
            signal.signal(s, handler)
        if ontvangen:
            handler = vorige[ontvangen[0]]
            if callable(handler):
                handler(ontvangen[0], None)


def laat_aan_ouder() -> None:
    """In a worker: never react to Ctrl-C itself; the parent decides."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALEN)


def stop_werkers() -> None:
    """Stop every worker process at once (they hold no state worth keeping)."""
    for proces in multiprocessing.active_children():
        proces.kill()


def ruim_semaforen_op() -> None:
    """Before `os._exit`: run multiprocessing's exit finalizers (they unlink the
    pool's named semaphores) without joining any thread or process."""
    from multiprocessing import util

    getattr(util, "_run_finalizers")(0)  # noqa: B009 (private, not in the stubs)
