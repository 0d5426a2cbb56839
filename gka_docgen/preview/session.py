"""`gka-docgen bekijk`: one agenda file, followed save by save, as page images.

One thread watches the file (its size, time and inode, then its bytes) and
renders each new version: load and check it exactly as `check` does, lay it
out with `render_pdf.opmaak`, and make the images of the pages that changed
(`preview_pages`). Each result is published as a new `Stand` with a higher
version number; a render that a newer save overtook is dropped, not
published. An invalid version publishes its located problems with the pages
of the last valid one. The PDF and DOCX to download are rendered only when
asked for, in memory, with the same renderers `build` uses. Nothing is
written to disk.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from gka_docgen.document.formatting import bestandsnaam
from gka_docgen.errors import DocgenError, OngeldigeAgenda, Probleem
from gka_docgen.preview.pages import Beelden, Pagina
from gka_docgen.render.context import Context, bouw
from gka_docgen.source.load import laad_bytes, lees_bron

# How often the file is looked at: a save shows up within this time.
INTERVAL = 0.03
# Layouts made while the user reads the first pages: a process's first layouts are
# the slowest (WeasyPrint's and Pango's caches fill), and the first save should not be.
WARMLOPEN = 2
# Some editors save by moving the old file away and writing a new one: a file that is
# gone for less than this is not yet reported.
WEG_GEDULD = 0.5

# WeasyPrint shares fonts and a stylesheet per process (`render_pdf.motor`): one
# layout at a time, whether for the pages or for a PDF to download.
_WEASYPRINT = threading.Lock()


class Documenten:
    """The PDF and DOCX of one valid version, rendered once when first asked for."""

    def __init__(self, context: Context, bron: bytes, bron_naam: str) -> None:
        self.context = context
        self._bron = bron
        self._bron_naam = bron_naam
        self._klaar: dict[str, bytes] = {}
        self._slot = threading.Lock()

    def naam(self, formaat: str) -> str:
        c = self.context
        return bestandsnaam(c.document.soort, c.document.periode, c.document.gemeente, formaat)

    def inhoud(self, formaat: str) -> bytes:
        with self._slot:
            if formaat not in self._klaar:
                self._klaar[formaat] = self._render(formaat)
            return self._klaar[formaat]

    def _render(self, formaat: str) -> bytes:
        if formaat == "docx":
            from gka_docgen.render.docx import render_docx

            return render_docx(self.context)
        from gka_docgen.render.pdf import render_pdf

        with _WEASYPRINT:
            return render_pdf(self.context, self._bron, self._bron_naam)


@dataclass(frozen=True)
class Stand:
    """What the preview shows: one published version."""

    versie: int
    problemen: tuple[str, ...] = ()  # located, exactly as `check` prints them
    paginas: tuple[Pagina, ...] = ()  # of the last valid version
    documenten: Documenten | None = None  # of the last valid version
    seconden: float = 0.0  # from noticing the save to this result
    cpu: float = 0.0  # processor time of that work (the benchmark reports it)


class Volger:
    """Follows one agenda file and publishes each version as a `Stand`."""

    def __init__(self, pad: Path) -> None:
        self.pad = pad
        self.naam = str(pad)  # as `check` names the file in its messages
        self.ingehaald = 0  # renders dropped because a newer save came in
        self._beelden = Beelden()
        self._stand = Stand(versie=0)
        self._veranderd = threading.Condition()
        self._stop = threading.Event()
        self._handtekening: tuple[int, int, int] | None = None
        self._bron: bytes | None = None
        self._weg_sinds: float | None = None
        self._draad = threading.Thread(target=self._volg, name="bekijk-volger", daemon=True)

    def start(self) -> None:
        """Render the file as it is now, then follow it in the background."""
        self._bekijk()
        self._draad.start()

    def stop(self) -> None:
        self._stop.set()
        with self._veranderd:
            self._veranderd.notify_all()

    @property
    def stand(self) -> Stand:
        with self._veranderd:
            return self._stand

    def wacht(self, na_versie: int, seconden: float) -> Stand:
        """The first `Stand` newer than `na_versie`, or the current one after `seconden`."""
        with self._veranderd:
            self._veranderd.wait_for(
                lambda: self._stand.versie > na_versie or self._stop.is_set(), seconden
            )
            return self._stand

    @property
    def gestopt(self) -> bool:
        return self._stop.is_set()

    def _volg(self) -> None:
        for _ in range(WARMLOPEN):
            self._bekijk()
            documenten = self._stand.documenten
            if documenten is not None and not self._stop.is_set():
                from gka_docgen.render.pdf import opmaak

                with _WEASYPRINT:
                    opmaak(documenten.context)
        while not self._stop.wait(INTERVAL):
            self._bekijk()

    def _bekijk(self) -> None:
        begin, begin_cpu = time.perf_counter(), time.thread_time()
        bron = self._nieuwe_bron()
        while bron is not None and not self._stop.is_set():
            self._bron = bron if isinstance(bron, bytes) else None
            stand = self._verwerk(bron)
            bron = self._nieuwe_bron()
            if bron is not None:  # overtaken by a newer save: drop, render that one
                self.ingehaald += 1
                continue
            seconden, cpu = time.perf_counter() - begin, time.thread_time() - begin_cpu
            self._publiceer(replace(stand, seconden=seconden, cpu=cpu))

    def _nieuwe_bron(self) -> bytes | OngeldigeAgenda | None:
        """The file's bytes if they differ from the version last taken up, else None.

        A file that cannot be read (removed, say) gives its problem instead.
        """
        try:
            st = self.pad.stat()
            handtekening = (st.st_mtime_ns, st.st_size, st.st_ino)
            self._weg_sinds = None
        except OSError:
            self._weg_sinds = self._weg_sinds or time.monotonic()
            if time.monotonic() - self._weg_sinds < WEG_GEDULD:
                return None
            handtekening = (0, -1, 0)
        if handtekening == self._handtekening:
            return None
        self._handtekening = handtekening
        try:
            bron = lees_bron(self.pad, self.naam)
        except OngeldigeAgenda as fout:
            return fout
        return None if bron == self._bron else bron

    def _verwerk(self, bron: bytes | OngeldigeAgenda) -> Stand:
        vorige = self._stand
        versie = vorige.versie + 1
        try:
            if isinstance(bron, OngeldigeAgenda):
                raise bron
            geladen = laad_bytes(bron, naam=self.naam, pad=self.pad)
            context = bouw(geladen.agenda)
            from gka_docgen.render.pdf import opmaak

            with _WEASYPRINT:
                document = opmaak(context)
                paginas = self._beelden.van(document)
        except OngeldigeAgenda as fout:
            return replace(vorige, versie=versie, problemen=tuple(map(str, fout.problemen)))
        except DocgenError as fout:
            probleem = Probleem(self.naam, None, None, (), str(fout))
            return replace(vorige, versie=versie, problemen=(str(probleem),))
        except Exception as fout:  # a bug: this thread is its own boundary and goes on
            return replace(vorige, versie=versie, problemen=(_fout_in_gka_docgen(fout),))
        return Stand(versie, (), paginas, Documenten(context, bron, self.pad.name))

    def _publiceer(self, stand: Stand) -> None:
        with self._veranderd:
            self._stand = stand
            self._veranderd.notify_all()


def _fout_in_gka_docgen(fout: Exception) -> str:
    """The one line that says so, as `cli.main` says it; the details go to a log file."""
    from gka_docgen import crashlog

    kop, waar = crashlog.vastgelegd(fout)
    return f"{kop}; {waar}"
