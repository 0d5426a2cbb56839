"""YAML out: the one place agenda files are written (`new` and `import`).

A new file is written in the scaffold's layout (`yamlwrite`); an existing one is changed
field by field in its author's style (`yamlupdate`), keeping a byte-order mark and Windows
line endings if it had them. Either way the text is first read back with the project's own
loader: if it does not parse, or the data read back is not the data meant (as the documents
print it), nothing is written and the message names the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gka_docgen.document.compare import verschillen
from gka_docgen.errors import OngeldigeAgenda, Weigering
from gka_docgen.source.load import lees_bron, lees_gegevens
from gka_docgen.source.yaml_read import YamlProbleem, lees
from gka_docgen.writers import maak_nieuw, schrijf_atomair

_BOM = "\ufeff"


class NietTerugTeLezen(Weigering):
    """The text meant for a file would not read back as the data meant: nothing written."""


@dataclass(frozen=True)
class Bestaand:
    """An agenda file as found: its text ('\\n' line ends), data, and how it was saved."""

    pad: Path
    tekst: str
    data: dict[str, Any]
    bom: bool
    crlf: bool


def lees_bestaand(pad: Path) -> Bestaand:
    """An existing agenda file, read as `check` reads it; a file that cannot be read as
    fields gets check's located message (`OngeldigeAgenda`)."""
    naam = str(pad)
    bron = lees_bron(pad, naam)
    gelezen, problemen = lees_gegevens(bron, naam=naam)
    if problemen:
        raise OngeldigeAgenda(problemen)
    ruw = bron.decode("utf-8")
    tekst = ruw.removeprefix(_BOM)
    assert isinstance(gelezen.data, dict)
    return Bestaand(
        pad,
        tekst.replace("\r\n", "\n"),
        gelezen.data,
        bom=ruw.startswith(_BOM),
        crlf="\r\n" in tekst,
    )


def controleer_terug(tekst: str, data: Mapping[str, Any], naam: str) -> None:
    """Raise `NietTerugTeLezen` unless `tekst` reads back as `data`."""

    def weiger(wat: str) -> NietTerugTeLezen:
        return NietTerugTeLezen(
            f"{naam} is niet geschreven: {wat}. Dit is een fout in gka-docgen; het bestand "
            "is onveranderd. Meld het, met het document en het agendabestand"
        )

    try:
        gelezen = lees(tekst)
    except YamlProbleem as p:
        raise weiger(f"de nieuwe tekst zou op regel {p.regel} geen geldige YAML zijn") from None
    if gelezen.problemen:
        raise weiger(f"de nieuwe tekst zou op regel {gelezen.problemen[0].regel} fout zijn")
    verschil = next(iter(verschillen(gelezen.data, data)), None)
    if verschil is not None:
        raise weiger(f"teruggelezen zou {verschil} anders zijn dan bedoeld")


def schrijf_nieuw(doel: Path, tekst: str, data: Mapping[str, Any]) -> None:
    """Create `doel`; FileExistsError if it exists (the caller says what to do)."""
    controleer_terug(tekst, data, str(doel))
    maak_nieuw(doel, tekst.encode("utf-8"))


def bijgewerkt(bestaand: Bestaand, data: Mapping[str, Any]) -> bytes:
    """The file's bytes with only the fields that differ from `data` changed, checked."""
    from gka_docgen.source.yaml_update import werk_bij

    tekst = werk_bij(bestaand.tekst, data)
    controleer_terug(tekst, data, str(bestaand.pad))
    if bestaand.crlf:
        tekst = tekst.replace("\n", "\r\n")
    return ((_BOM if bestaand.bom else "") + tekst).encode("utf-8")


def schrijf_bijgewerkt(bestaand: Bestaand, data: Mapping[str, Any]) -> None:
    schrijf_atomair(bestaand.pad, bijgewerkt(bestaand, data))
