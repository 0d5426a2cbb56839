"""Putting bytes on disk: atomically, and only inside the output folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from gka_docgen.errors import DocgenError


class SchrijfFout(DocgenError):
    """An output file could not be written."""


def binnen(map_: Path, naam: str) -> Path:
    """`map_/naam`, refusing any name that would lead outside `map_`."""
    doel = (map_ / naam).resolve()
    if doel.parent != map_.resolve() or naam in {"", ".", ".."}:
        raise SchrijfFout(f"weigert te schrijven buiten {map_}: {naam!r}")
    return doel


def schrijf_atomair(doel: Path, inhoud: bytes) -> None:
    """Write `inhoud` to a temporary file beside `doel`, then rename it into place.

    A reader (or a crash at any moment) sees either the old file or the new,
    complete one, never a truncated file. Two writers racing each produce a
    complete file; the last rename wins.
    """
    doel.parent.mkdir(parents=True, exist_ok=True)
    fd, naam = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=doel.parent)
    tijdelijk = Path(naam)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        tijdelijk.chmod(0o644)
        tijdelijk.replace(doel)
    except BaseException:
        tijdelijk.unlink(missing_ok=True)
        raise
