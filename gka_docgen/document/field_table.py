"""The README's table of the fields, from the definition (structure.py) and the model's
descriptions: `python -m gka_docgen.document.field_table` prints it; a test holds the
README to it."""

from __future__ import annotations

import sys

from pydantic import BaseModel

from gka_docgen.document import structure
from gka_docgen.document.model import Agenda
from gka_docgen.document.structure import Groep, Rubriek, Soort


def _soort(r: Rubriek) -> str:
    if r.deel is not None:
        return f"lijst van {r.deel.naam}" if r.soort is Soort.LIJST else r.deel.naam
    return r.soort.value


def _leeg(r: Rubriek) -> str:
    if r.mag_leeg:
        return "mag leeg"
    return "alleen addendum" if r.alleen_addendum else "verplicht"


def _regels(groep: Groep, model: type[BaseModel], pad: str) -> list[str]:
    regels = []
    for r in groep:
        info = model.model_fields[r.sleutel]
        veld = f"{pad}{r.sleutel}" + ("[]" if r.soort is Soort.LIJST and r.deel else "")
        regels.append(f"| `{veld}` | {r.label} | {_soort(r)} | {_leeg(r)} | {info.description} |")
        if r.deel is not None:
            sub = model.model_fields[r.sleutel].annotation
            if r.soort is Soort.LIJST:
                (sub,) = sub.__args__  # type: ignore[union-attr]
            regels += _regels(r.deel, sub, f"{veld}.")  # type: ignore[arg-type]
    return regels


def veldtabel() -> str:
    kop = [
        "| veld | in het document | soort | definitief | wat er in hoort |",
        "|---|---|---|---|---|",
    ]
    return "\n".join(kop + _regels(structure.AGENDA, Agenda, "")) + "\n"


if __name__ == "__main__":
    sys.stdout.write(veldtabel())
