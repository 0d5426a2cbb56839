"""`gka-docgen build`: agendas -> out/<slug>/<attachment name>.{docx,pdf}.

Readers, renderers and writers stay apart: an agenda is loaded and validated,
turned into one context, rendered to bytes by each format's renderer, and only
then written, atomically, inside the output folder.

A batch is planned in this process (hash every YAML, skip what the manifest
says is current, without parsing it) and rendered in a pool of worker
processes. The pool forks its workers from a server that has already imported
the renderers, and replaces each worker after a number of agendas so memory
stays flat over hundreds of documents. One bad agenda never stops the batch.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from gka_docgen import manifest
from gka_docgen.context import Context, bouw
from gka_docgen.errors import DocgenError, OngeldigeAgenda, Probleem
from gka_docgen.formatting import bestandsnaam, slug
from gka_docgen.load import GeladenAgenda, laad_bytes, lees_bron
from gka_docgen.writers import binnen, schrijf_atomair

Formaat = Literal["docx", "pdf"]
FORMATEN: tuple[Formaat, ...] = ("docx", "pdf")
_RENDERERS = ("gka_docgen.render_docx", "gka_docgen.render_pdf")
# After about this many agendas per worker the pool is replaced (flat memory).
TAKEN_PER_WERKER = 100

Status = Literal["gebouwd", "ongewijzigd", "mislukt"]


@dataclass
class Uitslag:
    """What happened to one agenda file."""

    bron: str
    status: Status
    gemeente: str = ""
    bestanden: dict[str, str] = field(default_factory=dict)  # path in out/ -> sha256
    problemen: list[Probleem] = field(default_factory=list)
    seconden: float = 0.0
    piekgeheugen_kb: int = 0  # the worker process's peak resident memory


@dataclass
class Resultaat:
    uitslagen: list[Uitslag] = field(default_factory=list)
    seconden: float = 0.0

    def met_status(self, status: Status) -> list[Uitslag]:
        return [u for u in self.uitslagen if u.status == status]

    @property
    def problemen(self) -> list[Probleem]:
        return [p for u in self.uitslagen for p in u.problemen]


def render(formaat: Formaat, context: Context, geladen: GeladenAgenda) -> bytes:
    """One format's bytes; the renderers are imported only when needed (start-up time)."""
    if formaat == "docx":
        from gka_docgen.render_docx import render_docx

        return render_docx(context)
    from gka_docgen.render_pdf import render_pdf

    return render_pdf(context, geladen.bron, geladen.pad.name)


def _piekgeheugen_kb() -> int:
    try:
        with Path("/proc/self/status").open() as f:
            for regel in f:
                if regel.startswith("VmHWM:"):
                    return int(regel.split()[1])
    except OSError:  # pragma: no cover - not Linux
        pass
    return 0


def bouw_een(pad: Path, bron: bytes, formaten: Sequence[Formaat], uit: Path) -> Uitslag:
    """Load, render every format, then write them all. Runs in a worker process."""
    begin = time.perf_counter()
    uitslag = Uitslag(str(pad), "mislukt")
    try:
        geladen = laad_bytes(bron, naam=str(pad), pad=pad)
        agenda = geladen.agenda
        uitslag.gemeente = agenda.gemeente
        context = bouw(agenda)
        inhoud = {f: render(f, context, geladen) for f in formaten}
        map_ = binnen(uit, slug(agenda.gemeente))
        for formaat, data in inhoud.items():
            naam = bestandsnaam(agenda.soort, agenda.periode, agenda.gemeente, formaat)
            doel = binnen(map_, naam)
            schrijf_atomair(doel, data)
            uitslag.bestanden[doel.relative_to(uit.resolve()).as_posix()] = hashlib.sha256(
                data
            ).hexdigest()
        uitslag.status = "gebouwd"
    except OngeldigeAgenda as fout:
        uitslag.problemen = list(fout.problemen)
    except DocgenError as fout:
        uitslag.problemen = [Probleem(str(pad), None, None, (), str(fout))]
    uitslag.seconden = time.perf_counter() - begin
    uitslag.piekgeheugen_kb = _piekgeheugen_kb()
    return uitslag


def _sleutel(pad: Path) -> str:
    absoluut = pad.resolve()
    try:
        return absoluut.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return absoluut.as_posix()


def _warm_op() -> None:
    """Worker start: make sure the renderers are imported before the first agenda."""
    import importlib

    for module in _RENDERERS:
        importlib.import_module(module)


def _pool(jobs: int) -> ProcessPoolExecutor:
    # forkserver: each worker forks from a server that already imported the
    # renderers (weasyprint alone takes 0.7 s to import), without the parent's state.
    # Not max_tasks_per_child: on Python 3.11 a pool can stop replacing the workers
    # that leave and then waits forever; `_voer_uit` recycles whole pools instead.
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(list(_RENDERERS))
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_warm_op)


def bouw_alles(
    paden: Iterable[Path],
    formaten: Sequence[Formaat],
    uit: Path,
    *,
    jobs: int | None = None,
    forceer: bool = False,
    bij_uitslag: Callable[[Uitslag], None] | None = None,
) -> Resultaat:
    """Build every agenda in `paden`; unchanged ones are skipped unless `forceer`."""
    begin = time.perf_counter()
    formaten = tuple(formaten)
    uit.mkdir(parents=True, exist_ok=True)
    vorige = manifest.lees(uit)
    resultaat = Resultaat()
    te_bouwen: list[tuple[Path, bytes, str]] = []

    def klaar(u: Uitslag) -> None:
        resultaat.uitslagen.append(u)
        if bij_uitslag:
            bij_uitslag(u)

    for pad in paden:
        try:
            bron = lees_bron(pad, str(pad))
        except OngeldigeAgenda as fout:
            klaar(Uitslag(str(pad), "mislukt", problemen=list(fout.problemen)))
            continue
        afdruk = manifest.vingerafdruk(bron, formaten)
        if not forceer and manifest.actueel(uit, vorige.get(_sleutel(pad)), afdruk):
            klaar(Uitslag(str(pad), "ongewijzigd"))
        else:
            te_bouwen.append((pad, bron, afdruk))

    afdrukken = {str(pad): afdruk for pad, _, afdruk in te_bouwen}
    nieuw: dict[str, manifest.Vermelding] = {}
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(te_bouwen)))
    try:
        for u in _voer_uit(te_bouwen, formaten, uit, jobs):
            if u.status == "gebouwd":
                nieuw[_sleutel(Path(u.bron))] = manifest.Vermelding(afdrukken[u.bron], u.bestanden)
            klaar(u)
    finally:
        # Whatever finished is recorded, even when the build is interrupted.
        if nieuw:
            manifest.werk_bij(uit, nieuw)
    _meld_botsingen(resultaat)
    resultaat.seconden = time.perf_counter() - begin
    return resultaat


def _voer_uit(
    taken: list[tuple[Path, bytes, str]], formaten: tuple[Formaat, ...], uit: Path, jobs: int
) -> Iterable[Uitslag]:
    if jobs == 1:  # in this process: no pool to start for one agenda or --jobs 1
        for pad, bron, _ in taken:
            yield bouw_een(pad, bron, formaten, uit)
        return
    # Generations: a fresh pool for every TAKEN_PER_WERKER agendas per worker keeps
    # memory flat over hundreds of documents (font and layout caches grow).
    generatie = jobs * TAKEN_PER_WERKER
    for begin in range(0, len(taken), generatie):
        with _pool(jobs) as pool:
            futures: list[Future[Uitslag]] = [
                pool.submit(bouw_een, pad, bron, formaten, uit)
                for pad, bron, _ in taken[begin : begin + generatie]
            ]
            try:
                for future in as_completed(futures):
                    yield future.result()
            except BaseException:
                for f in futures:
                    f.cancel()
                raise


def _meld_botsingen(resultaat: Resultaat) -> None:
    """Two agendas that write the same file (same municipality, kind and period)."""
    eigenaar: dict[str, str] = {}
    for u in sorted(resultaat.met_status("gebouwd"), key=lambda u: u.bron):
        for pad in u.bestanden:
            if pad in eigenaar:
                u.status = "mislukt"
                u.problemen.append(
                    Probleem(
                        u.bron,
                        None,
                        None,
                        (),
                        f"maakt hetzelfde bestand als {eigenaar[pad]} ({pad}); "
                        "twee agenda's voor dezelfde gemeente, soort en periode",
                    )
                )
            else:
                eigenaar[pad] = u.bron
