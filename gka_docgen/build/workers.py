"""Signals and the worker processes of a parallel build.

Worker processes start with Ctrl-C and SIGTERM held back, inherit that from the
process that started them, and are stopped by the command's process
(`stop_werkers`): they write nothing, so nothing is lost. How the command's
process itself turns a signal into `Onderbroken` is `cli.signals`' part.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_SIGNALEN = {signal.SIGINT, signal.SIGTERM}


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
