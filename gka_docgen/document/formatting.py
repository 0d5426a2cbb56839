"""Dutch amounts and dates, slugs and file names: the one place for formatting."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

from gka_docgen.document.text import SOORT_NAAM

LOCALE = "nl_NL"

# Names Windows refuses as a file or folder name, whatever the extension.
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
_MAX_SLUG = 60


def _getal(bedrag: Decimal) -> str:
    """'100.000' for whole euros, '12.500,50' otherwise."""
    pattern = "#,##0" if bedrag == bedrag.to_integral_value() else "#,##0.00"
    return str(format_decimal(bedrag, format=pattern, locale=LOCALE))


def bedrag(bedrag: Decimal) -> str:
    """An amount as a Dutch reader writes it: '€ 100.000' or '€ 12.500,50'.

    The space after the euro sign is a no-break space so the sign never ends a line.
    """
    return f"€\u00a0{_getal(bedrag)}"


def bedrag_template(bedrag: Decimal) -> str:
    """The template's own style in running text: '100.000,-'."""
    if bedrag == bedrag.to_integral_value():
        return f"{_getal(bedrag)},-"
    return _getal(bedrag)


def datum(d: date) -> str:
    """'24 november 2019'."""
    return str(format_date(d, format="d MMMM y", locale=LOCALE))


def ascii_naam(naam: str) -> str:
    """'Súdwest-Fryslân' -> 'Sudwest-Fryslan', "'s-Hertogenbosch" -> 's-Hertogenbosch'.

    Keeps letters, digits and hyphens (case preserved); every other run of
    characters becomes one hyphen. Used for names a person reads (attachments).
    """
    decomposed = unicodedata.normalize("NFKD", naam)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("ĳ", "ij").replace("Ĳ", "IJ")
    ascii_only = stripped.encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", ascii_only).strip("-")
    cleaned = cleaned[:_MAX_SLUG].rstrip("-")
    if not cleaned:
        raise ValueError(f"de naam {naam!r} bevat geen letters of cijfers")
    if cleaned.lower() in _WINDOWS_RESERVED:
        cleaned = f"gemeente-{cleaned}"
    return cleaned


def slug(naam: str) -> str:
    """The lower-case name of a municipality's files and folder: 's-hertogenbosch'."""
    return ascii_naam(naam).lower()


def bestandsnaam(soort: str, periode: str, gemeente: str, extensie: str) -> str:
    """'GKA-Addendum-2021-2024-Almere.docx': recognisable as an e-mail attachment."""
    return f"GKA-{SOORT_NAAM[soort]}-{periode}-{ascii_naam(gemeente)}.{extensie}"
