"""Text as WordprocessingML holds it, for the Jinja filters and the signature lines alike."""

from __future__ import annotations

from markupsafe import escape


def xml_tekst(waarde: object) -> str:
    """Text as the content of a `w:t`: escaped, with docxtpl's markers defused."""
    tekst = str(escape(str(waarde)))
    return tekst.replace("{_", "{&#95;").replace("_}", "&#95;}")
