"""Who signs which field: signature field names from the signatories' names, and names compared.

The field of a signatory is named after them (`pdf_fields.veldnaam`), so the
embedded agenda says whose field each one is. `sign` and `verify` both ask
whether a certificate's name is that signatory's: compared without case,
accents or extra spaces ('Helene Brule-IJsselmuiden' is 'Hélène Brûlé-Ĳsselmuiden').
"""

from __future__ import annotations

import unicodedata

from gka_docgen.document.model import Agenda
from gka_docgen.errors import DocgenError
from gka_docgen.importing.extract import Bron
from gka_docgen.render.pdf_fields import veldnamen

# What `sign --namens` writes as the signature's reason (/Reason), before the signatory's name.
NAMENS = "namens "
# Times as the stamp and `verify` show them.
TIJD = "%d-%m-%Y %H:%M:%S %Z"


def ondertekenaar_per_veld(agenda: Agenda) -> dict[str, str]:
    """Field name -> the name of the signatory whose field it is."""
    namen = [o.naam for o in agenda.ondertekening.ondertekenaars]
    return dict(zip(veldnamen(namen), namen, strict=True))


def agenda_van(bron: Bron) -> Agenda | None:
    """The embedded agenda as data, or None when it is not a valid agenda."""
    from gka_docgen.source.load import laad_bytes

    try:
        return laad_bytes(bron.inhoud, naam=bron.naam).agenda
    except DocgenError:
        return None


def naam_sleutel(naam: str) -> str:
    """'  Hélène  Brûlé-Ĳsselmuiden ' -> 'helene brule-ijsselmuiden'."""
    ontleed = unicodedata.normalize("NFKD", naam)
    zonder_accenten = "".join(t for t in ontleed if not unicodedata.combining(t))
    return " ".join(zonder_accenten.casefold().split())


def zelfde_naam(a: str, b: str) -> bool:
    return naam_sleutel(a) == naam_sleutel(b)
