"""Accept or reject every tracked change of a DOCX: body, headers and footers.

The package's own reading of tracked changes (`importing/tracked_changes.py`, which
`import --wijzigingen` uses) applied to a whole document, for the property tests of
`compare --word`; tests/test_compare_word.py also has LibreOffice do it.
"""

from __future__ import annotations

import io

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE

from gka_docgen.importing.tracked_changes import Keuze, verwerk

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def alles(docx: bytes, keuze: Keuze) -> bytes:
    """The document with every tracked change accepted or rejected."""
    doc = Document(io.BytesIO(docx))
    verwerk(doc.element.body, keuze)
    for rel in doc.part.rels.values():
        if rel.reltype in (RELATIONSHIP_TYPE.HEADER, RELATIONSHIP_TYPE.FOOTER):
            verwerk(rel.target_part.element, keuze)
    uit = io.BytesIO()
    doc.save(uit)
    return uit.getvalue()


def wijzigingen(docx: bytes) -> int:
    """How many tracked changes (insertions and deletions) the body holds."""
    doc = Document(io.BytesIO(docx))
    return sum(1 for _ in doc.element.body.iter(f"{W}ins", f"{W}del"))
