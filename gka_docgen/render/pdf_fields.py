"""The form fields of a definitief PDF: a signature field per signatory, and a text
field for the place and the date of signing where the agenda leaves them to be
written in (the printed line stays beneath it). `render_pdf` finds their places in
the layout; `pdf_ua` writes them, tagged, into the PDF WeasyPrint makes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# A field name is a PDF text string and, joined with dots, a form path: keep it plain.
_NIET_TOEGESTAAN = re.compile(r"[^A-Za-z0-9_-]+")
MAX_NAAM = 60


@dataclass(frozen=True)
class Handtekeningveld:
    naam: str
    pagina: int  # 0-based page index
    rechthoek: tuple[int, int, int, int]  # x1, y1, x2, y2 in PDF points, origin bottom-left
    uitleg: str  # the field's description (/TU): whose signature, for screen readers too
    anker: str  # the id of the line in the HTML the field lies on


@dataclass(frozen=True)
class Invulveld:
    """A one-line text field: place or date of signing, filled in by `sign` or a PDF reader."""

    naam: str
    pagina: int
    rechthoek: tuple[int, int, int, int]
    uitleg: str  # the field's description (/TU): what to fill in, for screen readers too
    anker: str


# Variable text in a reader that fills the field itself (Acrobat): Helvetica, one of
# the standard fonts every reader has. `sign` draws its own appearance in an embedded font.
INVUL_FONT = "/Helv"
INVUL_DA = b"/Helv 10 Tf 0 g"


HANDTEKENING = "Handtekening_"
PLAATS = "Plaats_"
DATUM = "Datum_"


def invulveldnaam(handtekeningveld: str, soort: str) -> str:
    """'Handtekening_Dennis_Wiersma', PLAATS -> 'Plaats_Dennis_Wiersma': one signatory's fields."""
    return soort + handtekeningveld.removeprefix(HANDTEKENING)


def veldnaam(naam: str, nummer: int, bezet: set[str]) -> str:
    """A safe, unique field name from a signatory's name: 'Hélène Brûlé-Ĳssel' -> 'Handtekening_Helene_Brule-IJssel'."""
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    kern = _NIET_TOEGESTAAN.sub("_", ascii_).strip("_-")[:MAX_NAAM] or f"ondertekenaar_{nummer}"
    kandidaat = f"{HANDTEKENING}{kern}"
    if kandidaat in bezet:
        kandidaat = f"{kandidaat}_{nummer}"
    return kandidaat


def veldnamen(namen: Sequence[str]) -> list[str]:
    """The signature field name of each signatory, in the order of the agenda."""
    bezet: set[str] = set()
    uit = []
    for nummer, naam in enumerate(namen, start=1):
        veld = veldnaam(naam, nummer, bezet)
        bezet.add(veld)
        uit.append(veld)
    return uit
