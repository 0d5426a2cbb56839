"""`gka-docgen build`: agendas -> out/<slug>/<attachment name>.{docx,pdf}.

Readers, renderers and writers stay apart: an agenda is loaded and validated,
turned into one context, rendered to bytes by each format's renderer, and only
then written, atomically, inside the output folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from gka_docgen.context import Context, bouw
from gka_docgen.errors import DocgenError, OngeldigeAgenda, Probleem
from gka_docgen.formatting import bestandsnaam, slug
from gka_docgen.load import GeladenAgenda, laad
from gka_docgen.writers import binnen, schrijf_atomair

Formaat = Literal["docx", "pdf"]
FORMATEN: tuple[Formaat, ...] = ("docx", "pdf")


@dataclass
class Resultaat:
    gebouwd: list[Path] = field(default_factory=list)
    problemen: list[Probleem] = field(default_factory=list)


def render(formaat: Formaat, context: Context, geladen: GeladenAgenda) -> bytes:
    """One format's bytes; the renderers are imported only when needed (start-up time)."""
    if formaat == "docx":
        from gka_docgen.render_docx import render_docx

        return render_docx(context)
    from gka_docgen.render_pdf import render_pdf

    return render_pdf(context, geladen.bron, geladen.pad.name)


def uitvoer_map(uit: Path, geladen: GeladenAgenda) -> Path:
    return binnen(uit, slug(geladen.agenda.gemeente))


def bouw_een(geladen: GeladenAgenda, formaten: Iterable[Formaat], uit: Path) -> list[Path]:
    """Render every format of one agenda first, then write them all."""
    agenda = geladen.agenda
    context = bouw(agenda)
    inhoud = {f: render(f, context, geladen) for f in formaten}
    map_ = uitvoer_map(uit, geladen)
    paden = []
    for formaat, data in inhoud.items():
        doel = binnen(map_, bestandsnaam(agenda.soort, agenda.periode, agenda.gemeente, formaat))
        schrijf_atomair(doel, data)
        paden.append(doel)
    return paden


def bouw_alles(paden: Iterable[Path], formaten: Iterable[Formaat], uit: Path) -> Resultaat:
    resultaat = Resultaat()
    formaten = tuple(formaten)
    for pad in paden:
        try:
            resultaat.gebouwd += bouw_een(laad(pad), formaten, uit)
        except OngeldigeAgenda as fout:
            resultaat.problemen += fout.problemen
        except DocgenError as fout:
            resultaat.problemen.append(Probleem(str(pad), None, None, (), str(fout)))
    return resultaat
