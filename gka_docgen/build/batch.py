"""`gka-docgen build`: agendas -> out/<slug>/<attachment name>.{docx,pdf}.

Readers, renderers and the writer stay apart. This process plans the batch:
it hashes every YAML and skips each format the manifest says is current
(without parsing the file), validates the rest, decides every output path and
refuses two agendas that map to one output before anything is rendered. Worker
processes only render bytes (`render_een`); this process writes them, each
atomically, and records in the manifest exactly what it wrote. One bad agenda,
or one file that cannot be written, never stops the batch.

The pool forks its workers from a server that has already imported the
renderers, and replaces each worker after a number of agendas so memory stays
flat over hundreds of documents.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from gka_docgen.build import manifest, workers
from gka_docgen.document.formatting import bestandsnaam, slug
from gka_docgen.errors import DocgenError, OngeldigeAgenda, Probleem
from gka_docgen.render.context import Context, bouw
from gka_docgen.source.load import GeladenAgenda, laad_bytes, lees_bron
from gka_docgen.writers import (
    SchrijfFout,
    binnen,
    ruim_tijdelijke_op,
    schrijf_atomair,
    schrijf_fout,
    verwijder,
)

Formaat = Literal["docx", "pdf"]
FORMATEN: tuple[Formaat, ...] = ("docx", "pdf")
_RENDERERS = ("gka_docgen.render.docx", "gka_docgen.render.pdf")
# After about this many agendas per worker the pool is replaced (flat memory).
TAKEN_PER_WERKER = 100

Status = Literal["gebouwd", "ongewijzigd", "mislukt"]


@dataclass
class BouwUitslag:
    """What happened to one agenda file."""

    bron: str
    status: Status
    gemeente: str = ""
    bestanden: dict[str, str] = field(default_factory=dict)  # path in out/ -> sha256, written
    problemen: list[Probleem] = field(default_factory=list)
    seconden: float = 0.0
    piekgeheugen_kb: int = 0  # the worker process's peak resident memory


@dataclass
class BouwResultaat:
    uitslagen: list[BouwUitslag] = field(default_factory=list)
    seconden: float = 0.0
    verweesd: list[str] = field(default_factory=list)  # files in out/ no agenda makes any more
    algemeen: list[str] = field(default_factory=list)  # problems of the batch, not of one agenda

    def met_status(self, status: Status) -> list[BouwUitslag]:
        return [u for u in self.uitslagen if u.status == status]

    @property
    def problemen(self) -> list[Probleem]:
        return [p for u in self.uitslagen for p in u.problemen]


@dataclass(frozen=True)
class Taak:
    """One agenda to render: its validated data and where each format goes in out/."""

    geladen: GeladenAgenda
    afdruk: str
    doelen: dict[Formaat, str]  # format -> path relative to out/, only the formats to make


@dataclass
class Gerenderd:
    """A worker's answer: the bytes of each format, or the problems."""

    bron: str
    inhoud: dict[str, bytes] = field(default_factory=dict)  # path in out/ -> bytes
    problemen: list[Probleem] = field(default_factory=list)
    seconden: float = 0.0
    piekgeheugen_kb: int = 0


def render(formaat: Formaat, context: Context, geladen: GeladenAgenda) -> bytes:
    """One format's bytes; the renderers are imported only when needed (start-up time)."""
    if formaat == "docx":
        from gka_docgen.render.docx import render_docx

        return render_docx(context)
    from gka_docgen.render.pdf import render_pdf

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


def render_een(taak: Taak) -> Gerenderd:
    """Render every format of one agenda to bytes. Runs in a worker; writes nothing."""
    begin = time.perf_counter()
    bron = str(taak.geladen.pad)
    gerenderd = Gerenderd(bron)
    try:
        context = bouw(taak.geladen.agenda)
        gerenderd.inhoud = {
            pad: render(formaat, context, taak.geladen) for formaat, pad in taak.doelen.items()
        }
    except DocgenError as fout:
        gerenderd.problemen = [Probleem(bron, None, None, (), str(fout))]
    gerenderd.seconden = time.perf_counter() - begin
    gerenderd.piekgeheugen_kb = _piekgeheugen_kb()
    return gerenderd


def _sleutel(pad: Path) -> str:
    absoluut = pad.resolve()
    try:
        return absoluut.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return absoluut.as_posix()


def uitvoerpaden(geladen: GeladenAgenda, formaten: Iterable[Formaat]) -> dict[Formaat, str]:
    """Where each format of this agenda goes, relative to out/."""
    agenda = geladen.agenda
    map_ = slug(agenda.gemeente)
    return {
        f: f"{map_}/{bestandsnaam(agenda.soort, agenda.periode, agenda.gemeente, f)}"
        for f in formaten
    }


def bouw_alles(
    paden: Iterable[Path],
    formaten: Sequence[Formaat],
    uit: Path,
    *,
    jobs: int | None = None,
    forceer: bool = False,
    bij_uitslag: Callable[[BouwUitslag], None] | None = None,
) -> BouwResultaat:
    """Build every agenda in `paden`; formats already current are skipped unless `forceer`."""
    begin = time.perf_counter()
    resultaat = BouwResultaat()

    def klaar(u: BouwUitslag) -> None:
        resultaat.uitslagen.append(u)
        if bij_uitslag:
            bij_uitslag(u)

    try:
        uit.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise schrijf_fout(uit, exc) from None
    ruim_tijdelijke_op(uit)
    vorige = manifest.lees(uit)
    taken, ongewijzigd = _plan(paden, tuple(formaten), uit, vorige, forceer, klaar)
    taken = _zonder_botsingen(taken, ongewijzigd, vorige, klaar)
    for u in ongewijzigd:
        klaar(u)

    nieuw: dict[str, dict[str, manifest.Bestand]] = {}
    try:
        for taak, gerenderd in _voer_uit(taken, jobs):
            u = _schrijf(uit, taak, gerenderd)
            if u.bestanden:
                nieuw[_sleutel(taak.geladen.pad)] = {
                    pad: manifest.Bestand(sha, taak.afdruk) for pad, sha in u.bestanden.items()
                }
            klaar(u)
    finally:
        # What was written is recorded, even when the build is interrupted; a second
        # interruption waits until the manifest is whole.
        with workers.uitgesteld():
            try:
                resultaat.verweesd = sorted(manifest.werk_bij(uit, nieuw).verweesd)
            except SchrijfFout as fout:
                resultaat.algemeen.append(str(fout))
    resultaat.seconden = time.perf_counter() - begin
    return resultaat


def _plan(
    paden: Iterable[Path],
    formaten: tuple[Formaat, ...],
    uit: Path,
    vorige: manifest.Manifest,
    forceer: bool,
    klaar: Callable[[BouwUitslag], None],
) -> tuple[list[Taak], list[BouwUitslag]]:
    """Read, compare with the manifest, validate what must be made: (tasks, unchanged)."""
    taken: list[Taak] = []
    ongewijzigd: list[BouwUitslag] = []
    for pad in paden:
        try:
            bron = lees_bron(pad, str(pad))
            afdruk = manifest.vingerafdruk(bron)
            bestanden = vorige.agendas.get(_sleutel(pad))
            nodig = [
                f
                for f in formaten
                if forceer or not manifest.actueel(uit, bestanden, afdruk, f".{f}")
            ]
            if not nodig:
                ongewijzigd.append(BouwUitslag(str(pad), "ongewijzigd"))
                continue
            geladen = laad_bytes(bron, naam=str(pad), pad=pad)
        except OngeldigeAgenda as fout:
            klaar(BouwUitslag(str(pad), "mislukt", problemen=list(fout.problemen)))
            continue
        taken.append(Taak(geladen, afdruk, uitvoerpaden(geladen, nodig)))
    return taken, ongewijzigd


def _zonder_botsingen(
    taken: list[Taak],
    ongewijzigd: list[BouwUitslag],
    vorige: manifest.Manifest,
    klaar: Callable[[BouwUitslag], None],
) -> list[Taak]:
    """Refuse, before anything is rendered, every agenda that maps to another's output.

    An agenda to be built claims its outputs in every format; an unchanged one
    claims the files the manifest lists for it.
    """
    claims: dict[str, list[str]] = {}
    for taak in taken:
        for pad in uitvoerpaden(taak.geladen, FORMATEN).values():
            claims.setdefault(pad, []).append(str(taak.geladen.pad))
    for u in ongewijzigd:
        for pad in vorige.agendas.get(_sleutel(Path(u.bron)), {}):
            claims.setdefault(pad, []).append(u.bron)
    botsend: dict[str, tuple[str, str]] = {}  # source -> (output, the other sources)
    for pad, bronnen in claims.items():
        if len(set(bronnen)) > 1:
            for bron in bronnen:
                anderen = ", ".join(sorted(set(bronnen) - {bron}))
                botsend.setdefault(bron, (pad, anderen))

    def melding(bron: str) -> Probleem:
        pad, anderen = botsend[bron]
        return Probleem(
            bron,
            None,
            None,
            (),
            f"maakt hetzelfde bestand als {anderen} ({pad}); twee agenda's voor dezelfde "
            "gemeente, soort en periode: geen van beide is gemaakt, pas er één aan of "
            "verwijder er één",
        )

    for u in ongewijzigd:
        if u.bron in botsend:
            u.status = "mislukt"
            u.problemen.append(melding(u.bron))
    over = []
    for taak in taken:
        bron = str(taak.geladen.pad)
        if bron in botsend:
            klaar(
                BouwUitslag(
                    bron, "mislukt", taak.geladen.agenda.gemeente, problemen=[melding(bron)]
                )
            )
        else:
            over.append(taak)
    return over


def _schrijf(uit: Path, taak: Taak, gerenderd: Gerenderd) -> BouwUitslag:
    """The one place a build writes a document: atomically, inside `uit`."""
    u = BouwUitslag(
        gerenderd.bron,
        "mislukt",
        taak.geladen.agenda.gemeente,
        problemen=list(gerenderd.problemen),
        seconden=gerenderd.seconden,
        piekgeheugen_kb=gerenderd.piekgeheugen_kb,
    )
    for pad, data in gerenderd.inhoud.items():
        try:
            map_naam, naam = pad.split("/")
            binnen(binnen(uit, map_naam), naam)  # refuses anything that leads outside
            schrijf_atomair(uit / map_naam / naam, data)
        except SchrijfFout as fout:
            u.problemen.append(Probleem(u.bron, None, None, (), str(fout)))
            continue
        u.bestanden[pad] = hashlib.sha256(data).hexdigest()
    if not u.problemen:
        u.status = "gebouwd"
    return u


def opruimen(uit: Path) -> tuple[list[str], list[str]]:
    """Remove the orphans the manifest lists: (removed, kept because someone changed them)."""
    vorige = manifest.lees(uit)
    weg: list[str] = []
    gewijzigd: list[str] = []
    for pad, bestand in sorted(vorige.verweesd.items()):
        doel = uit / pad
        try:
            inhoud = doel.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(inhoud).hexdigest() != bestand.sha256:
            gewijzigd.append(pad)
            continue
        verwijder(doel)
        weg.append(pad)
    manifest.werk_bij(uit, {})
    return weg, gewijzigd


def _warm_op() -> None:
    """Worker start: the renderers imported before the first agenda, signals left to the parent."""
    import importlib

    workers.laat_aan_ouder()
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


def _voer_uit(taken: list[Taak], jobs: int | None) -> Iterator[tuple[Taak, Gerenderd]]:
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(taken)))
    if jobs == 1:  # in this process: no pool to start for one agenda or --jobs 1
        for taak in taken:
            yield taak, render_een(taak)
        return
    # Generations: a fresh pool for every TAKEN_PER_WERKER agendas per worker keeps
    # memory flat over hundreds of documents (font and layout caches grow).
    generatie = jobs * TAKEN_PER_WERKER
    for begin in range(0, len(taken), generatie):
        pool = _pool(jobs)
        try:
            # The workers and their server start with Ctrl-C and SIGTERM held back
            # (they inherit that), so only this process hears them.
            with workers.uitgesteld():
                futures: dict[Future[Gerenderd], Taak] = {
                    pool.submit(render_een, taak): taak for taak in taken[begin : begin + generatie]
                }
            for future in as_completed(futures):
                yield futures[future], future.result()
        except BaseException:
            workers.stop_werkers()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
