"""The valid parts of an invalid agenda, so the rules across fields still run on them.

A file with a date error and a budget line naming no intervention should report
both at once. Pydantic stops at the first; so every invalid value is replaced by
a stand-in the schema accepts (empty where allowed, else an empty section or
list, the first allowed choice or the schema's example), a misspelt key is
dropped, and the data is validated again, a few rounds deep. The paths that were
replaced come back with the model: a rule that reads one of them stays silent,
since what it would say rests on a stand-in.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from gka_docgen.document.model import Agenda
from gka_docgen.document.modelpaths import los_op, mag_leeg, schema_op, schoon_pad
from gka_docgen.errors import Pad

# Each round can only uncover the fields inside a stand-in section: the model is
# four levels deep, so a few rounds always settle.
_MAX_RONDES = 8


def geldige_delen(
    data: dict[str, Any], fouten: list[ErrorDetails]
) -> tuple[Agenda, frozenset[Pad]] | None:
    """The agenda with every invalid value replaced, and the paths replaced; None if stuck."""
    data = copy.deepcopy(data)
    vervangen: set[Pad] = set()
    for _ in range(_MAX_RONDES):
        plekken = [
            (schoon_pad(f["loc"], data, ontbreekt=f["type"] == "missing"), f["type"])
            for f in fouten
        ]
        for pad, soort in plekken:
            if not pad:
                return None
            vervangen.add(pad)
            _vervang(data, pad, verwijder=soort == "extra_forbidden")
        try:
            return Agenda.model_validate(data), frozenset(vervangen)
        except ValidationError as exc:
            fouten = exc.errors()
    return None


def _vervang(data: Any, pad: Pad, *, verwijder: bool) -> None:
    ouder = data
    for deel in pad[:-1]:
        ouder = ouder[deel]
    if verwijder:
        ouder.pop(pad[-1], None)
    else:
        ouder[pad[-1]] = _plaatsvervanger(pad)


def _plaatsvervanger(pad: Pad) -> object:
    if mag_leeg(pad):
        return None
    knoop = los_op(schema_op(pad))
    if "enum" in knoop:
        return knoop["enum"][0]
    if knoop.get("type") == "object" or "properties" in knoop:
        return {}
    if knoop.get("type") == "array":
        return []
    return (knoop.get("examples") or [""])[0]
