"""An agenda file -> a validated `Agenda`, or every problem in it, located.

Steps: read the bytes (size limit), decode UTF-8 (a BOM is fine), read the
YAML into plain text values (`yamlread`), validate them with the model, then
apply the rules that span fields (`rules`). All problems of one file are
collected and raised together as `OngeldigeAgenda`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from gka_docgen.document import rules
from gka_docgen.document.model import Agenda
from gka_docgen.document.modelpaths import schoon_pad, velden_op
from gka_docgen.errors import OngeldigeAgenda, Pad, Probleem
from gka_docgen.source.partial import geldige_delen
from gka_docgen.source.yaml_read import Gelezen, Plek, YamlProbleem, lees

MAX_BYTES = 2 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class GeladenAgenda:
    """A valid agenda together with the exact bytes it was read from."""

    agenda: Agenda
    bron: bytes
    pad: Path


def laad(pad: Path, *, naam: str | None = None, definitief: bool = False) -> GeladenAgenda:
    """Read and validate one agenda file.

    `naam` is how the file is named in messages (default: the path as given).
    `definitief` demands completeness even when the file says `status: concept`.
    """
    naam = naam or str(pad)
    return laad_bytes(lees_bron(pad, naam), naam=naam, pad=pad, definitief=definitief)


def lees_bron(pad: Path, naam: str) -> bytes:
    """The file's bytes, at most one past the size limit (so `valideer` can refuse it)."""
    try:
        with pad.open("rb") as f:
            return f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise OngeldigeAgenda(
            [Probleem(naam, None, None, (), f"kan het bestand niet lezen ({exc.strerror})")]
        ) from None


def laad_bytes(
    bron: bytes, *, naam: str, pad: Path | None = None, definitief: bool = False
) -> GeladenAgenda:
    agenda = valideer(bron, naam=naam, definitief=definitief)
    return GeladenAgenda(agenda, bron, pad or Path(naam))


def valideer(bron: bytes, *, naam: str, definitief: bool = False) -> Agenda:
    gelezen, problemen = lees_gegevens(bron, naam=naam)
    assert isinstance(gelezen.data, dict)  # lees_gegevens refuses anything else
    vervangen: frozenset[Pad] = frozenset()
    try:
        agenda = Agenda.model_validate(gelezen.data)
    except ValidationError as exc:
        problemen += _pydantic_problemen(naam, gelezen, exc.errors())
        # The rules across fields still run, on the parts of the file that are valid.
        delen = geldige_delen(gelezen.data, exc.errors())
        if delen is None:
            raise OngeldigeAgenda(_gesorteerd(problemen)) from None
        agenda, vervangen = delen

    for regel_pad, melding in rules.controleer(agenda, definitief=definitief, vervangen=vervangen):
        plek = _plek(gelezen.plekken, regel_pad)
        problemen.append(Probleem(naam, plek.regel, plek.kolom, regel_pad, melding))
    if problemen:
        raise OngeldigeAgenda(_gesorteerd(problemen))
    return agenda


def lees_gegevens(bron: bytes, *, naam: str) -> tuple[Gelezen, list[Probleem]]:
    """The file's data and the place of every value, as `check` reads it, with the problems
    found while reading (a key written twice). Raises `OngeldigeAgenda`, located, for a file
    that cannot be read as an agenda's fields at all."""

    def fout(regel: int | None, kolom: int | None, melding: str, pad: Pad = ()) -> OngeldigeAgenda:
        return OngeldigeAgenda([Probleem(naam, regel, kolom, pad, melding)])

    if len(bron) > MAX_BYTES:
        raise fout(
            None,
            None,
            f"het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB; "
            "een agenda is hooguit enkele honderden kB",
        )
    tekst = _decodeer(bron, fout)
    if not tekst.strip():
        raise fout(
            1, 1, "het bestand is leeg; begin met 'gemeente: ...' of maak er een met gka-docgen new"
        )
    try:
        gelezen = lees(tekst)
    except YamlProbleem as p:
        raise fout(p.regel, p.kolom, p.melding, p.pad) from None

    problemen = [Probleem(naam, p.regel, p.kolom, p.pad, p.melding) for p in gelezen.problemen]
    if not isinstance(gelezen.data, dict):
        soort = "een lijst" if isinstance(gelezen.data, list) else "losse tekst"
        problemen.append(
            Probleem(
                naam,
                1,
                1,
                (),
                f"het bestand moet uit velden bestaan (gemeente: ..., soort: ...), niet uit {soort}",
            )
        )
        raise OngeldigeAgenda(problemen)
    return gelezen, problemen


def _decodeer(bron: bytes, fout: Any) -> str:
    if bron.startswith(_BOM):
        bron = bron[len(_BOM) :]
    try:
        return bron.decode("utf-8")
    except UnicodeDecodeError as exc:
        regel = bron.count(b"\n", 0, exc.start) + 1
        kolom = exc.start - (bron.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fout(
            regel,
            kolom,
            f"het bestand is niet in UTF-8 opgeslagen (byte 0x{bron[exc.start]:02x}); "
            "sla het op als UTF-8 (in Kladblok: Opslaan als, Codering UTF-8)",
        ) from None


def _gesorteerd(problemen: list[Probleem]) -> list[Probleem]:
    return sorted(problemen, key=lambda p: (p.regel or 0, p.kolom or 0))


def _plek(plekken: dict[Pad, Plek], pad: Pad) -> Plek:
    """The place of `pad`, or of its nearest ancestor that was written down."""
    while pad not in plekken:
        pad = pad[:-1]
    return plekken[pad]


def _pydantic_problemen(naam: str, gelezen: Gelezen, fouten: list[ErrorDetails]) -> list[Probleem]:
    problemen = [_probleem(naam, gelezen, f) for f in fouten]
    # A misspelt key already says "bedoelde u 'doelgroep'?"; "doelgroep: ontbreekt" adds nothing.
    gesuggereerd = {
        (*p.pad[:-1], p.melding.rsplit("'", 2)[-2])
        for p in problemen
        if p.melding.endswith("'?") and "bedoelde u" in p.melding
    }
    return [p for p in problemen if not (p.melding == "ontbreekt" and p.pad in gesuggereerd)]


def _probleem(naam: str, gelezen: Gelezen, fout: ErrorDetails) -> Probleem:
    soort = fout["type"]
    pad = schoon_pad(fout["loc"], gelezen.data, ontbreekt=soort == "missing")
    if soort == "extra_forbidden":
        plek = _plek(gelezen.plekken, pad)
        return Probleem(naam, plek.sleutel_regel, plek.sleutel_kolom, pad, _onbekend_veld(pad))
    plek = _plek(gelezen.plekken, pad)
    if soort == "missing":
        return Probleem(naam, plek.regel, plek.kolom, pad, "ontbreekt")
    return Probleem(naam, plek.regel, plek.kolom, pad, _melding(fout))


def _melding(fout: ErrorDetails) -> str:
    soort = fout["type"]
    if soort.startswith("gka_"):
        return fout["msg"]
    if soort == "literal_error":
        verwacht = str((fout.get("ctx") or {}).get("expected", "")).replace(" or ", " of ")
        return f"'{fout['input']}' is niet toegestaan; kies {verwacht}"
    if soort in {"model_type", "model_attributes_type", "dict_type"}:
        return "moet een sectie met velden zijn (ingesprongen regels 'veld: waarde')"
    if soort == "list_type":
        return "moet een lijst zijn (ingesprongen regels die met '- ' beginnen)"
    if soort == "string_type":
        return "moet tekst zijn"
    return f"ongeldige waarde ({fout['msg']})"


def _onbekend_veld(pad: Pad) -> str:
    sleutel = str(pad[-1])
    toegestaan = velden_op(pad[:-1])
    melding = f"onbekend veld '{sleutel}'"
    gelijkend = difflib.get_close_matches(sleutel.lower(), toegestaan, n=1, cutoff=0.6)
    if gelijkend:
        return f"{melding}; bedoelde u '{gelijkend[0]}'?"
    if toegestaan:
        return f"{melding}; hier horen: {', '.join(toegestaan)}"
    return melding
