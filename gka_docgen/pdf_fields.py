"""Empty form fields added to a finished PDF with pyHanko: a signature field per
signatory, and a text field for the place and the date of signing where the
agenda leaves them to be written in (the printed line stays beneath it).

pyHanko writes an incremental update. Its writer normally stamps the update with
the current time and a random document ID; for a reproducible build we keep
the metadata as WeasyPrint wrote it and derive the new ID from the old one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
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


@dataclass(frozen=True)
class Invulveld:
    """A one-line text field: place or date of signing, filled in by `sign` or a PDF reader."""

    naam: str
    pagina: int
    rechthoek: tuple[int, int, int, int]
    uitleg: str  # the field's tooltip (/TU): what to fill in, for screen readers too


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


def voeg_velden_toe(
    pdf: bytes, velden: list[Handtekeningveld], invulvelden: Sequence[Invulveld] = ()
) -> bytes:
    """`pdf` with one empty, visible signature field per entry of `velden`,
    and one empty text field per entry of `invulvelden`."""
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
    for invulveld in invulvelden:
        _voeg_invulveld_toe(schrijver, invulveld)
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


def _voeg_invulveld_toe(schrijver: Any, veld: Invulveld) -> None:
    """A text field with an empty appearance (PDF/A wants one on every widget)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name, pdf_string

    pagina_ref = schrijver.find_page_for_modification(veld.pagina)[0]
    x1, y1, x2, y2 = veld.rechthoek
    leeg = generic.StreamObject(
        {
            pdf_name("/Type"): pdf_name("/XObject"),
            pdf_name("/Subtype"): pdf_name("/Form"),
            pdf_name("/BBox"): generic.ArrayObject(
                [
                    generic.NumberObject(0),
                    generic.NumberObject(0),
                    generic.NumberObject(x2 - x1),
                    generic.NumberObject(y2 - y1),
                ]
            ),
        },
        stream_data=b"",
    )
    veld_dict = generic.DictionaryObject(
        {
            pdf_name("/Type"): pdf_name("/Annot"),
            pdf_name("/Subtype"): pdf_name("/Widget"),
            pdf_name("/FT"): pdf_name("/Tx"),
            pdf_name("/T"): pdf_string(veld.naam),
            pdf_name("/TU"): pdf_string(veld.uitleg),
            pdf_name("/F"): generic.NumberObject(4),  # print
            pdf_name("/Rect"): generic.ArrayObject(generic.NumberObject(c) for c in veld.rechthoek),
            pdf_name("/P"): pagina_ref,
            pdf_name("/DA"): pdf_string(INVUL_DA.decode()),
            pdf_name("/AP"): generic.DictionaryObject({pdf_name("/N"): schrijver.add_object(leeg)}),
        }
    )
    veld_ref = schrijver.add_object(veld_dict)
    schrijver.register_annotation(pagina_ref, veld_ref)
    formulier = _formulier(schrijver)
    formulier[pdf_name("/Fields")].append(veld_ref)
    schrijver.update_container(formulier[pdf_name("/Fields")])


def _formulier(schrijver: Any) -> Any:
    """The document's /AcroForm (the signature fields made it), with Helvetica for variable text."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name

    formulier = schrijver.root[pdf_name("/AcroForm")]
    if pdf_name("/DA") not in formulier:
        formulier[pdf_name("/DA")] = generic.pdf_string(INVUL_DA.decode())
        helvetica = generic.DictionaryObject(
            {
                pdf_name("/Type"): pdf_name("/Font"),
                pdf_name("/Subtype"): pdf_name("/Type1"),
                pdf_name("/BaseFont"): pdf_name("/Helvetica"),
                pdf_name("/Encoding"): pdf_name("/WinAnsiEncoding"),
            }
        )
        formulier[pdf_name("/DR")] = generic.DictionaryObject(
            {pdf_name("/Font"): generic.DictionaryObject({pdf_name(INVUL_FONT): helvetica})}
        )
        schrijver.update_container(formulier)
    return formulier
