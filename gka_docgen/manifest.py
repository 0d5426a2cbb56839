"""What was built from what: `out/.gka-manifest.json`, for incremental builds.

An agenda is rebuilt when its YAML bytes, the templates, the tool's code or the
requested formats changed, or when an output file is missing. Content hashes,
not timestamps, decide. The manifest is merged and replaced under a lock, so
two builds at once never corrupt it (the worst case is one needless rebuild).
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import gka_docgen
from gka_docgen.sjablonen import SJABLONEN
from gka_docgen.writers import schrijf_atomair

MANIFEST = ".gka-manifest.json"
_PAKKET = Path(gka_docgen.__file__).resolve().parent


@dataclass(frozen=True)
class Vermelding:
    """One agenda in the manifest."""

    vingerafdruk: str  # hash of YAML + templates + code + formats
    bestanden: dict[str, str]  # output path (relative to out/) -> sha256 of its bytes


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
    code = sorted(_PAKKET.glob("*.py"))
    sjablonen = sorted(p for p in SJABLONEN.rglob("*") if p.is_file()) if SJABLONEN.is_dir() else []
    return _hash_bestanden(code + sjablonen) + gka_docgen.__version__


def vingerafdruk(bron: bytes, formaten: tuple[str, ...]) -> str:
    h = hashlib.sha256(bron)
    h.update(gereedschap_hash().encode())
    h.update(",".join(formaten).encode())
    return h.hexdigest()


def lees(uit: Path) -> dict[str, Vermelding]:
    try:
        ruw = json.loads((uit / MANIFEST).read_text(encoding="utf-8"))
        return {sleutel: Vermelding(**v) for sleutel, v in ruw["agendas"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # no manifest, or an unreadable one: everything is rebuilt


def actueel(uit: Path, vermelding: Vermelding | None, afdruk: str) -> bool:
    return (
        vermelding is not None
        and vermelding.vingerafdruk == afdruk
        and all((uit / pad).is_file() for pad in vermelding.bestanden)
    )


@contextmanager
def _slot(uit: Path) -> Iterator[None]:
    uit.mkdir(parents=True, exist_ok=True)
    with (uit / ".gka-manifest.lock").open("a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def werk_bij(uit: Path, nieuw: Mapping[str, Vermelding], weg: Iterable[str] = ()) -> None:
    """Merge this build's entries into the manifest on disk, under the lock."""
    with _slot(uit):
        alles = lees(uit)
        alles.update(nieuw)
        for sleutel in weg:
            alles.pop(sleutel, None)
        tekst = json.dumps(
            {"agendas": {k: asdict(v) for k, v in sorted(alles.items())}},
            ensure_ascii=False,
            indent=1,
        )
        schrijf_atomair(uit / MANIFEST, tekst.encode("utf-8") + b"\n")
