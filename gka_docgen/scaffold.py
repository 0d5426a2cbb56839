"""`gka-docgen new`: a YAML scaffold with every field and a Dutch comment on each.

The scaffold is generated from the model (field order and descriptions), so it
cannot fall behind the schema. Its first line points editors at the JSON Schema.
"""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from gka_docgen import text
from gka_docgen.errors import Weigering
from gka_docgen.formatting import slug
from gka_docgen.load import valideer
from gka_docgen.model import Agenda, Community
from gka_docgen.text import STANDAARD_PERIODE
from gka_docgen.writers import maak_nieuw, schrijf_atomair

SCHEMA_BESTAND = "gka-agenda.schema.json"


def schema_json() -> str:
    schema = Agenda.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "GKA-Agenda of Addendum"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _q(waarde: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar, whatever it contains.
    return json.dumps(waarde, ensure_ascii=False)


def _submodel(annotatie: Any) -> tuple[type[BaseModel] | None, bool]:
    """(model class, is it a list of them) for a field annotation, else (None, False)."""
    for kandidaat in (annotatie, *typing.get_args(annotatie)):
        if isinstance(kandidaat, type) and issubclass(kandidaat, BaseModel):
            return kandidaat, False
        if typing.get_origin(kandidaat) is list:
            (item,) = typing.get_args(kandidaat)
            if isinstance(item, type) and issubclass(item, BaseModel):
                return item, True
        if isinstance(kandidaat, types.UnionType) or typing.get_origin(kandidaat) is typing.Union:
            continue
    return None, False


def _blok(model: type[BaseModel], waarden: dict[str, Any], inspring: str, item: bool) -> list[str]:
    """YAML lines for `model`: every field, its description as a comment above it.

    `waarden` prefills fields: a string is written as the value, a dict prefills a
    nested section (or the single example item of a list).
    """
    regels: list[str] = []
    for i, (naam, info) in enumerate(model.model_fields.items()):
        prefix = inspring + ("- " if item and i == 0 else "  " if item else "")
        diep = inspring + ("  " if item else "")
        if info.description:
            regels.append(f"{inspring if item and i == 0 else diep}# {info.description}")
        waarde = waarden.get(naam)
        sub, is_lijst = _submodel(info.annotation)
        if isinstance(waarde, str):
            regels.append(f"{prefix}{naam}: {waarde}")
        elif sub is not None:
            regels.append(f"{prefix}{naam}:")
            regels += _blok(sub, waarde or {}, diep + "  ", item=is_lijst)
        else:
            regels.append(f"{prefix}{naam}:")
    return regels


def scaffold(gemeente: str, soort: str, periode: str) -> str:
    """The text of a new, valid concept agenda for `gemeente`."""
    community_voorbeeld = "\n".join(
        "#" + r[1:] if r.startswith(" ") else "# " + r
        for r in _blok(Community, {"naam": _q(text.BEKENDE_COMMUNITIES[0])}, "  ", item=True)
        if not r.lstrip().startswith("#")
    )
    waarden: dict[str, Any] = {
        "gemeente": _q(gemeente),
        "soort": soort,
        "periode": _q(periode),
        "status": "concept",
        "themas": "[]",
        "communities": "[]",
        "ondertekening": {
            "ondertekenaars": {
                "functie": _q("Wethouder Onderwijs"),
                "organisatie": _q(text.gemeente_kop(gemeente)),
            }
        },
        "begroting": {"maximum_ocw": "100000"},
    }
    hoofd = [
        f"# yaml-language-server: $schema={SCHEMA_BESTAND}",
        f"# {text.documentnaam(soort, periode)} van gemeente {gemeente}.",
        "# Vul de velden in. Een leeg veld wordt in een concept zichtbaar gemarkeerd als",
        "# [nog in te vullen: ...]; bij status: definitief moet alles ingevuld zijn.",
        "# Een lege regel in een tekst begint een nieuwe alinea; regels die met '- '",
        "# beginnen worden een opsomming. Controleer met: gka-docgen check <dit bestand>",
        "",
    ]
    lichaam = _blok(Agenda, waarden, "", item=False)
    tekst = "\n".join(hoofd + lichaam) + "\n"
    tekst = tekst.replace(
        "communities: []\n",
        "communities: []\n# Voorbeeld van een community (haal de # weg om te gebruiken):\n"
        "# communities:\n" + community_voorbeeld + "\n",
    )
    if soort == "agenda":
        tekst = _zonder_npo(tekst)
    return tekst


def _zonder_npo(tekst: str) -> str:
    uit: list[str] = []
    for r in tekst.splitlines(keepends=True):
        if "inzet_nationaal_programma_onderwijs:" in r:
            uit.pop()  # its comment
            continue
        uit.append(r)
    return "".join(uit)


def nieuw(gemeente: str, soort: str, periode: str | None, map_: Path) -> Path:
    """Write `map_/<slug>.yaml` (and the schema beside it); never overwrite.

    The scaffold is validated before anything is written: a name or period it would
    itself reject raises `OngeldigeAgenda`.
    """
    periode = periode or STANDAARD_PERIODE[soort]
    tekst = scaffold(gemeente, soort, periode)
    valideer(tekst.encode("utf-8"), naam="(nieuw)")
    doel = map_ / f"{slug(gemeente)}.yaml"
    try:
        maak_nieuw(doel, tekst.encode("utf-8"))
    except FileExistsError:
        raise Weigering(f"{doel} bestaat al; kies een andere naam of bewerk dat bestand") from None
    schema = map_ / SCHEMA_BESTAND
    if not schema.exists():
        schrijf_atomair(schema, schema_json().encode("utf-8"))
    return doel
