"""Putting bytes on disk: atomically, only inside the output folder, every failure in Dutch.

This is the one module that writes files; `build`, `new`, `extract` and `sign`
all write through it. A write goes to a hidden temporary file beside the target
(`.<name>.<random>.tmp`), locked while it is written, and is renamed into place:
a reader, or a crash at any moment, sees either the old file or the new one.
A temporary file whose writer died (its lock is free) is removed by the next
build (`ruim_tijdelijke_op`).
"""

from __future__ import annotations

import errno
import fcntl
import os
import tempfile
from pathlib import Path

from gka_docgen.errors import DocgenError


class SchrijfFout(DocgenError):
    """An output file could not be written; the message names the path and why."""


TIJDELIJK_PATROON = ".*.tmp"
# A second attempt when a cleaner removed the temporary file between its creation
# and its lock (a window of microseconds; see `ruim_tijdelijke_op`).
_POGINGEN = 2


def binnen(map_: Path, naam: str) -> Path:
    """`map_/naam`, refusing any name that would lead outside `map_`."""
    doel = (map_ / naam).resolve()
    if doel.parent != map_.resolve() or naam in {"", ".", ".."}:
        raise SchrijfFout(f"weigert te schrijven buiten {map_}: {naam!r}")
    return doel


def schrijf_fout(pad: Path, exc: OSError) -> SchrijfFout:
    """A Dutch message for an OSError while writing `pad`, saying what to do."""
    waar = Path(exc.filename) if exc.filename else pad
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        reden = "de schijf is vol; maak ruimte vrij en probeer het opnieuw"
    elif exc.errno == errno.EROFS:
        reden = "die map is alleen-lezen; kies met --uit een andere map"
    elif exc.errno in {errno.EACCES, errno.EPERM}:
        reden = "geen toestemming om daar te schrijven; pas de rechten aan of kies een andere map"
    elif exc.errno in {errno.EEXIST, errno.ENOTDIR}:
        waar = _bestand_in_de_weg(pad) or waar
        reden = f"{waar} is een bestand waar een map hoort; verplaats of verwijder het"
        return SchrijfFout(f"kan {pad} niet schrijven: {reden}")
    elif exc.errno == errno.EISDIR:
        reden = "daar staat een map met die naam; verplaats of verwijder die"
    else:
        reden = exc.strerror or str(exc)
    return SchrijfFout(f"kan {waar} niet schrijven: {reden}")


def _bestand_in_de_weg(pad: Path) -> Path | None:
    """The nearest ancestor of `pad` that exists as something other than a folder."""
    for ouder in pad.parents:
        if ouder.exists():
            return None if ouder.is_dir() else ouder
    return None


def schrijf_atomair(doel: Path, inhoud: bytes) -> None:
    """Write `inhoud` to `doel` atomically; any OSError becomes a `SchrijfFout`.

    Two writers racing each produce a complete file; the last rename wins.
    """
    try:
        doel.parent.mkdir(parents=True, exist_ok=True)
        for poging in range(_POGINGEN):
            try:
                _schrijf_via_tijdelijk(doel, inhoud)
                return
            except FileNotFoundError:
                if poging == _POGINGEN - 1 or not doel.parent.is_dir():
                    raise
    except OSError as exc:
        raise schrijf_fout(doel, exc) from None


def _schrijf_via_tijdelijk(doel: Path, inhoud: bytes) -> None:
    fd, naam = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=doel.parent)
    tijdelijk = Path(naam)
    try:
        with os.fdopen(fd, "wb") as f:
            # Locked while it is written: a cleaner leaves a locked file alone.
            fcntl.flock(f, fcntl.LOCK_EX)
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
            os.fchmod(f.fileno(), 0o644)
            tijdelijk.replace(doel)
    except BaseException:
        tijdelijk.unlink(missing_ok=True)
        raise


def ruim_tijdelijke_op(map_: Path) -> int:
    """Remove the temporary files a killed writer left in `map_` and its subfolders.

    Only files nobody holds locked: a build running beside this one keeps its own.
    Returns how many were removed; a file that cannot be removed stays, silently.
    """
    verwijderd = 0
    for pad in [*map_.glob(TIJDELIJK_PATROON), *map_.glob(f"*/{TIJDELIJK_PATROON}")]:
        try:
            with pad.open("rb") as f:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                pad.unlink()
                verwijderd += 1
        except OSError:
            continue  # locked by a live writer, or already gone
    return verwijderd


def maak_nieuw(doel: Path, inhoud: bytes) -> None:
    """Create `doel` with `inhoud`, refusing (FileExistsError) if it exists, even a moment ago."""
    try:
        doel.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(doel, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise
    except OSError as exc:
        raise schrijf_fout(doel, exc) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
    except OSError as exc:
        doel.unlink(missing_ok=True)
        raise schrijf_fout(doel, exc) from None


def verwijder(pad: Path) -> None:
    """Remove `pad`, and its folder when that is left empty."""
    try:
        pad.unlink(missing_ok=True)
        if pad.parent.is_dir() and not any(pad.parent.iterdir()):
            pad.parent.rmdir()
    except OSError as exc:
        raise SchrijfFout(f"kan {pad} niet verwijderen: {exc.strerror}") from None
