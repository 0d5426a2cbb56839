"""The errors core modules raise; only `cli.py` turns them into output and exit codes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Pad = tuple[str | int, ...]


@dataclass(frozen=True)
class Probleem:
    """One problem in an input file, located as precisely as we can."""

    bestand: str
    regel: int | None  # 1-based
    kolom: int | None  # 1-based
    pad: Pad
    melding: str  # Dutch, for the person who edits the file

    def __str__(self) -> str:
        plaats = self.bestand
        if self.regel is not None:
            plaats += f":{self.regel}"
            if self.kolom is not None:
                plaats += f":{self.kolom}"
        veld = pad_tekst(self.pad)
        return f"{plaats}: {veld}: {self.melding}" if veld else f"{plaats}: {self.melding}"


def pad_tekst(pad: Pad) -> str:
    """('interventies', 1, 'doelgroep') -> 'interventies[2].doelgroep' (lists count from 1)."""
    out = ""
    for deel in pad:
        if isinstance(deel, int):
            out += f"[{deel + 1}]"
        else:
            out += f".{deel}" if out else deel
    return out


class DocgenError(Exception):
    """Base of every error that is meant for the user, not a bug."""


class OngeldigeAgenda(DocgenError):
    """An agenda file has one or more problems; all of them are listed."""

    def __init__(self, problemen: Sequence[Probleem]) -> None:
        self.problemen = tuple(problemen)
        super().__init__("\n".join(str(p) for p in self.problemen))


class Weigering(DocgenError):
    """We refuse to do what was asked (a file exists, a field is signed, ...)."""


class Onvergelijkbaar(DocgenError):
    """`compare` could not read a version: exit 2 (as `diff` does), not 1 (they differ)."""

    def __init__(self, oorzaak: DocgenError) -> None:
        super().__init__(str(oorzaak))
        self.oorzaak = oorzaak


class RenderFout(DocgenError):
    """Rendering failed for a reason the user can act on."""


class Onderbroken(BaseException):
    """Ctrl-C or SIGTERM: the command stops cleanly; `stand` says what was finished.

    A BaseException like KeyboardInterrupt, so no `except Exception` swallows it,
    but not a KeyboardInterrupt, so Click does not turn it into its own "Aborted!".
    """

    def __init__(self, signaal: int, stand: str = "") -> None:
        super().__init__(signaal)
        self.signaal = signaal
        self.stand = stand
