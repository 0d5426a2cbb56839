"""Agenda data -> YAML text in the layout of `new`'s scaffold: every field in the model's
order, its description as a comment above it, and a note where a value was guessed.

Every value is written as text the loader reads back exactly: plain where that is
safe, double-quoted (JSON, which YAML reads the same) where a plain scalar could be
misread, and as a literal block (`|-`) when it spans lines.
"""

from __future__ import annotations

import json
import re
import types
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from gka_docgen.errors import Pad

_VEILIG = re.compile(r"[\w€(][^\n]*")
_SPECIAAL = re.compile(r":\s|:$|\s#|^(?:true|false|yes|no|on|off|null|~)$|[\"'`]$", re.IGNORECASE)


def scalar(waarde: str) -> str:
    """One line of text as a YAML scalar the loader reads back unchanged."""
    if not waarde:
        return ""
    if _VEILIG.fullmatch(waarde) and not _SPECIAAL.search(waarde) and waarde == waarde.strip():
        return waarde
    return json.dumps(waarde, ensure_ascii=False)


def blok_geschikt(tekst: str) -> bool:
    """Whether a literal block (`|-`) holds `tekst` exactly: its first line sets the block's
    indentation, so it may not start with a space, and a block holds no control characters."""
    eerste = next((r for r in tekst.split("\n") if r.strip()), "")
    return (
        bool(eerste) and not eerste[0].isspace() and all(r.isprintable() for r in tekst.split("\n"))
    )


def submodel(annotatie: Any) -> tuple[type[BaseModel] | None, bool]:
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


def _waarde_regels(sleutel: str, waarde: Any, prefix: str, diep: str) -> list[str]:
    if isinstance(waarde, list):
        if not waarde:
            return [f"{prefix}{sleutel}: []"]
        return [f"{prefix}{sleutel}:", *(f"{diep}  - {scalar(str(w))}" for w in waarde)]
    tekst = "" if waarde is None else str(waarde)
    if "\n" in tekst and not blok_geschikt(tekst):
        return [f"{prefix}{sleutel}: {json.dumps(tekst, ensure_ascii=False)}"]
    if "\n" in tekst:
        # '|' keeps one line break at the end, as the text has it; '|-' none.
        kop = "|" if tekst.endswith("\n") and not tekst.endswith("\n\n") else "|-"
        blok = [f"{diep}  {r}".rstrip() for r in tekst.rstrip("\n").split("\n")]
        return [f"{prefix}{sleutel}: {kop}", *blok]
    return [f"{prefix}{sleutel}: {scalar(tekst)}".rstrip()]


def blok(
    model: type[BaseModel],
    data: Mapping[str, Any],
    inspring: str,
    *,
    item: bool = False,
    pad: Pad = (),
    opmerkingen: Mapping[Pad, list[str]] | None = None,
) -> list[str]:
    """YAML lines for one section: every field of `model` present in `data`, in order;
    `opmerkingen` are comments (without '# ') above the field of their path."""
    opmerkingen = opmerkingen or {}
    regels: list[str] = []
    velden = [(n, i) for n, i in model.model_fields.items() if n in data]
    for index, (naam, info) in enumerate(velden):
        eerste = item and index == 0
        prefix = inspring + ("- " if eerste else "  " if item else "")
        diep = inspring + ("  " if item else "")
        commentaar = inspring if eerste else diep
        if info.description:
            regels.append(f"{commentaar}# {info.description}")
        veld_pad = (*pad, naam)
        regels += [f"{commentaar}# {o}" for o in opmerkingen.get(veld_pad, [])]
        waarde = data[naam]
        sub, is_lijst = submodel(info.annotation)
        if sub is not None and is_lijst and waarde:
            regels.append(f"{prefix}{naam}:")
            for i, element in enumerate(waarde):
                regels += blok(
                    sub,
                    element,
                    diep + "  ",
                    item=True,
                    pad=(*veld_pad, i),
                    opmerkingen=opmerkingen,
                )
        elif sub is not None and isinstance(waarde, Mapping):
            regels.append(f"{prefix}{naam}:")
            regels += blok(sub, waarde, diep + "  ", pad=veld_pad, opmerkingen=opmerkingen)
        else:
            regels += _waarde_regels(naam, waarde, prefix, diep)
    return regels
