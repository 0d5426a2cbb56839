"""The stand-in for Microsoft Word: is a DOCX valid by Word's own rules?

Word is not run here. openxml-audit validates a package in pure Python against
the schema data of Microsoft's Open XML SDK (the validator Word's makers ship),
plus the Word app-compat checks it knows (findings Word repairs on opening).
Every DOCX the tests make goes through `controleer_voor_word`. The target is
Office 2019: markup that only later versions know counts as an error, so what
passes suits Word 2019 and every Word after it.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path
from typing import Any

from openxml_audit import FileFormat, OpenXmlValidator


@functools.cache
def _validator() -> Any:
    # Loading the schema data takes a few tenths of a second: once per process.
    # max_errors=0: report every finding, not just the first hundred.
    return OpenXmlValidator(file_format=FileFormat.OFFICE_2019, max_errors=0)


def word_bevindingen(docx: bytes) -> list[str]:
    """Every finding of the validator, errors and warnings alike, one line each."""
    with tempfile.TemporaryDirectory() as map_:
        # The validator reads a file and picks its rules by the extension.
        pad = Path(map_) / "document.docx"
        pad.write_bytes(docx)
        resultaat = _validator().validate(pad)
    return [
        f"{f.severity.value} ({f.source_class.value}) {f.part_uri} {f.path}: {f.description}"
        for f in resultaat.errors
    ]


def controleer_voor_word(docx: bytes, naam: str = "DOCX") -> None:
    """Fail unless the validator finds nothing at all in `docx`."""
    bevindingen = word_bevindingen(docx)
    assert bevindingen == [], f"{naam} is not valid for Word:\n" + "\n".join(bevindingen)
