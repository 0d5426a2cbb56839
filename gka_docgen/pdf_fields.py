"""Empty signature fields, one per signatory, added to a finished PDF with pyHanko.

pyHanko writes an incremental update. Its writer normally stamps the update with
the current time and a random document ID; for a reproducible build we keep
the metadata as WeasyPrint wrote it and derive the new ID from the old one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from io import BytesIO
from typing import Any

# A field name is a PDF text string and, joined with dots, a form path: keep it plain.
_NIET_TOEGESTAAN = re.compile(r"[^A-Za-z0-9_-]+")
MAX_NAAM = 60


@dataclass(frozen=True)
class Handtekeningveld:
    naam: str
    pagina: int  # 0-based page index
    rechthoek: tuple[int, int, int, int]  # x1, y1, x2, y2 in PDF points, origin bottom-left


def veldnaam(naam: str, nummer: int, bezet: set[str]) -> str:
    """A safe, unique field name from a signatory's name: 'Hélène Brûlé-Ĳssel' -> 'Handtekening_Helene_Brule-IJssel'."""
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    kern = _NIET_TOEGESTAAN.sub("_", ascii_).strip("_-")[:MAX_NAAM] or f"ondertekenaar_{nummer}"
    kandidaat = f"Handtekening_{kern}"
    if kandidaat in bezet:
        kandidaat = f"{kandidaat}_{nummer}"
    return kandidaat


def voeg_velden_toe(pdf: bytes, velden: list[Handtekeningveld]) -> bytes:
    """`pdf` with one empty, visible signature field per entry of `velden`."""
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    schrijver = _vaste_schrijver(pdf)
    for veld in velden:
        append_signature_field(
            schrijver,
            SigFieldSpec(
                sig_field_name=veld.naam,
                on_page=veld.pagina,
                box=veld.rechthoek,
                empty_field_appearance=True,
            ),
        )
    uit = BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def _vaste_schrijver(pdf: bytes) -> Any:
    """An incremental writer that leaves /Info and XMP alone and derives the new ID."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    class VasteSchrijver(IncrementalPdfFileWriter):
        def _update_meta(self) -> None:
            # WeasyPrint's metadata (PDF/A XMP, no dates) stays exactly as written.
            pass

    schrijver = VasteSchrijver(BytesIO(pdf), strict=True)
    eerste = schrijver._document_id[0]
    tweede = hashlib.md5(pdf, usedforsecurity=False).digest()
    schrijver._document_id = generic.ArrayObject([eerste, generic.ByteStringObject(tweede)])
    return schrijver
