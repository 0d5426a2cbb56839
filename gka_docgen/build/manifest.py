"""What was built from what: `out/.gka-manifest.json`, for incremental builds.

A format of an agenda is rebuilt when its YAML bytes, the templates or the
tool's code changed, or when its file is missing: every file carries the
fingerprint of what made it. Content hashes, not timestamps, decide. The manifest is merged and replaced under a lock, so
two builds at once never corrupt it (the worst case is one needless rebuild).
"""

from __future__ import annotations

import copy
import fcntl
import functools
import hashlib
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import gka_docgen
from gka_docgen.render.templates import SJABLONEN
from gka_docgen.writers import schrijf_atomair, schrijf_fout

MANIFEST = ".gka-manifest.json"
VERSIE = 2  # 2: a fingerprint per file, so each format is rebuilt on its own; orphans
_PAKKET = Path(gka_docgen.__file__).resolve().parent


@dataclass(frozen=True)
class Bestand:
    """One file the tool made: its bytes' hash and the fingerprint of what made it."""

    sha256: str
    vingerafdruk: str  # hash of YAML + templates + code


@dataclass
class Manifest:
    agendas: dict[str, dict[str, Bestand]] = field(
        default_factory=dict
    )  # YAML -> out/ path -> file
    # Files the tool made that no agenda makes any more (a renamed municipality, a
    # removed agenda): listed after a build, removed by `build --opruimen`.
    verweesd: dict[str, Bestand] = field(default_factory=dict)


def _hash_bestanden(paden: list[Path]) -> str:
    h = hashlib.sha256()
    for pad in paden:
        h.update(pad.as_posix().encode())
        h.update(b"\0")
        h.update(pad.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


@functools.cache
def gereedschap_hash() -> str:
    """The templates and the tool's own code: a change to either rebuilds everything."""
    code = sorted(_PAKKET.rglob("*.py"))
    sjablonen = sorted(p for p in SJABLONEN.rglob("*") if p.is_file()) if SJABLONEN.is_dir() else []
    return _hash_bestanden(code + sjablonen) + gka_docgen.__version__


def vingerafdruk(bron: bytes) -> str:
    h = hashlib.sha256(bron)
    h.update(gereedschap_hash().encode())
    return h.hexdigest()


def lees(uit: Path) -> Manifest:
    try:
        ruw = json.loads((uit / MANIFEST).read_text(encoding="utf-8"))
        if ruw.get("versie") != VERSIE:
            return Manifest()  # an older tool's manifest: everything is rebuilt once
        return Manifest(
            {
                bron: {pad: Bestand(**b) for pad, b in bestanden.items()}
                for bron, bestanden in ruw["agendas"].items()
            },
            {pad: Bestand(**b) for pad, b in ruw["verweesd"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Manifest()  # no manifest, or an unreadable one: everything is rebuilt


def actueel(uit: Path, bestanden: dict[str, Bestand] | None, afdruk: str, suffix: str) -> bool:
    """Whether a file of this format, made from exactly this input, is in out/."""
    return any(
        pad.endswith(suffix) and b.vingerafdruk == afdruk and (uit / pad).is_file()
        for pad, b in (bestanden or {}).items()
    )


@contextmanager
def _slot(uit: Path) -> Iterator[None]:
    with (uit / ".gka-manifest.lock").open("a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def werk_bij(uit: Path, nieuw: Mapping[str, dict[str, Bestand]]) -> Manifest:
    """Record this build's files in the manifest on disk, under the lock; returns the result.

    A file an agenda made before but not now (its name changed) becomes an orphan,
    as do the files of an agenda whose YAML is gone; an orphan whose file is gone
    (`build --opruimen`) is forgotten. Raises `SchrijfFout`.
    """
    try:
        with _slot(uit):
            alles = lees(uit)
            vorige = copy.deepcopy(alles)
            for bron, bestanden in nieuw.items():
                oud = alles.agendas.get(bron, {})
                samen = {
                    pad: b
                    for pad, b in oud.items()
                    if not any(pad.endswith(Path(n).suffix) for n in bestanden)
                }
                samen.update(bestanden)
                for pad, b in oud.items():
                    if pad not in samen:
                        alles.verweesd[pad] = b
                alles.agendas[bron] = samen
            for bron in [b for b in alles.agendas if not Path(b).is_file()]:
                alles.verweesd.update(alles.agendas.pop(bron, {}))
            gemaakt = {pad for bestanden in alles.agendas.values() for pad in bestanden}
            alles.verweesd = {
                pad: b
                for pad, b in alles.verweesd.items()
                if pad not in gemaakt and (uit / pad).exists()
            }
            if alles != vorige:
                schrijf(uit, alles)
            return alles
    except OSError as exc:
        raise schrijf_fout(uit / MANIFEST, exc) from None


def schrijf(uit: Path, manifest: Manifest) -> None:
    tekst = json.dumps(
        {
            "versie": VERSIE,
            "agendas": {
                bron: {pad: asdict(b) for pad, b in sorted(bestanden.items())}
                for bron, bestanden in sorted(manifest.agendas.items())
            },
            "verweesd": {pad: asdict(b) for pad, b in sorted(manifest.verweesd.items())},
        },
        ensure_ascii=False,
        indent=1,
    )
    schrijf_atomair(uit / MANIFEST, tekst.encode("utf-8") + b"\n")
