"""Paths in the agenda model: pydantic's error locations as data paths, schema nodes at a path."""

from __future__ import annotations

import functools
from typing import Any

from gka_docgen.document.model import Agenda
from gka_docgen.errors import Pad


def schoon_pad(loc: tuple[int | str, ...], data: object, *, ontbreekt: bool) -> Pad:
    """Pydantic's `loc` without the validator and union-member names it adds.

    A part is kept when it is a key (or index) of the data at that point; the last
    part of a missing key is kept too.
    """
    pad: list[str | int] = []
    for i, deel in enumerate(loc):
        bestaat = (isinstance(data, dict) and deel in data) or (
            isinstance(data, list) and isinstance(deel, int) and 0 <= deel < len(data)
        )
        if bestaat:
            data = data[deel]  # type: ignore[index]
        elif not (ontbreekt and i == len(loc) - 1 and isinstance(data, dict)):
            continue  # pydantic's own name for a validator or union member
        pad.append(deel)
    return tuple(pad)


@functools.cache
def schema() -> dict[str, Any]:
    return Agenda.model_json_schema()


def los_op(knoop: dict[str, Any]) -> dict[str, Any]:
    """Follow `$ref`s, and an optional field's anyOf to its non-null member."""
    while "$ref" in knoop or "anyOf" in knoop:
        if "$ref" in knoop:
            knoop = schema()["$defs"][knoop["$ref"].rsplit("/", 1)[1]]
        else:
            knoop = next(k for k in knoop["anyOf"] if k.get("type") != "null")
    return knoop


def schema_op(pad: Pad) -> dict[str, Any]:
    """The JSON Schema node of the value at `pad` ({} where the model has no such field)."""
    knoop: dict[str, Any] = schema()
    for deel in pad:
        knoop = los_op(knoop)
        if isinstance(deel, int):
            knoop = knoop.get("items", {})
        else:
            knoop = knoop.get("properties", {}).get(deel, {})
    return knoop


def velden_op(pad: Pad) -> list[str]:
    """The field names the model allows in the mapping at `pad`."""
    return list(los_op(schema_op(pad)).get("properties", {}))


def mag_leeg(pad: Pad) -> bool:
    """Whether an empty value (YAML null) is valid at `pad`."""
    knoop = schema_op(pad)
    typen = knoop.get("type", [])
    return "null" in typen or any(k.get("type") == "null" for k in knoop.get("anyOf", []))
