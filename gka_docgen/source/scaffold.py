"""`gka-docgen new`: a YAML scaffold with every field and a Dutch comment on each.

The scaffold is generated from the model (field order and descriptions), so it
cannot fall behind the schema. Its first line points editors at the JSON Schema.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gka_docgen.document import structure, text
from gka_docgen.document.formatting import slug
from gka_docgen.document.model import Agenda, Community
from gka_docgen.document.text import STANDAARD_PERIODE
from gka_docgen.errors import Weigering
from gka_docgen.source.load import valideer
from gka_docgen.source.yaml_out import schrijf_nieuw
from gka_docgen.source.yaml_write import blok
from gka_docgen.writers import schrijf_atomair

SCHEMA_BESTAND = "gka-agenda.schema.json"


def schema_json() -> str:
    schema = Agenda.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "GKA-Agenda of Addendum"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def scaffold(gemeente: str, soort: str, periode: str) -> str:
    """The text of a new, valid concept agenda for `gemeente`."""
    return _scaffold(gemeente, soort, periode)[0]


def _scaffold(gemeente: str, soort: str, periode: str) -> tuple[str, dict[str, Any]]:
    data = structure.leeg(structure.AGENDA, addendum=soort == "addendum", voorbeelden=True)
    data |= {"gemeente": gemeente, "soort": soort, "periode": periode, "status": "concept"}
    data["themas"] = data["communities"] = []
    data["ondertekening"]["ondertekenaars"][0] |= {
        "functie": "Wethouder Onderwijs",
        "organisatie": text.gemeente_kop(gemeente),
    }
    voorbeeld = structure.leeg(structure.COMMUNITY) | {"naam": text.BEKENDE_COMMUNITIES[0]}
    community_voorbeeld = "\n".join(
        "#" + r[1:] if r.startswith(" ") else "# " + r
        for r in blok(Community, voorbeeld, "  ", item=True)
        if not r.lstrip().startswith("#")
    )
    hoofd = [
        f"# yaml-language-server: $schema={SCHEMA_BESTAND}",
        f"# {text.documentnaam(soort, periode)} van gemeente {gemeente}.",
        "# Vul de velden in. Een leeg veld wordt in een concept zichtbaar gemarkeerd als",
        "# [nog in te vullen: ...]; bij status: definitief moet alles ingevuld zijn.",
        "# Een lege regel in een tekst begint een nieuwe alinea; regels die met '- '",
        "# beginnen worden een opsomming. Controleer met: gka-docgen check <dit bestand>",
        "",
    ]
    tekst = "\n".join(hoofd + blok(Agenda, data, "")) + "\n"
    tekst = tekst.replace(
        "communities: []\n",
        "communities: []\n# Voorbeeld van een community (haal de # weg om te gebruiken):\n"
        "# communities:\n" + community_voorbeeld + "\n",
    )
    return tekst, data


def nieuw(gemeente: str, soort: str, periode: str | None, map_: Path) -> Path:
    """Write `map_/<slug>.yaml` (and the schema beside it); never overwrite.

    The scaffold is validated before anything is written: a name or period it would
    itself reject raises `OngeldigeAgenda`.
    """
    periode = periode or STANDAARD_PERIODE[soort]
    tekst, data = _scaffold(gemeente, soort, periode)
    valideer(tekst.encode("utf-8"), naam="(nieuw)")
    doel = map_ / f"{slug(gemeente)}.yaml"
    try:
        schrijf_nieuw(doel, tekst, data)
    except FileExistsError:
        raise Weigering(f"{doel} bestaat al; kies een andere naam of bewerk dat bestand") from None
    schema = map_ / SCHEMA_BESTAND
    if not schema.exists():
        schrijf_atomair(schema, schema_json().encode("utf-8"))
    return doel
