"""PAdES signing of one signature field of a GKA PDF (pyHanko).

The signature goes into an incremental update, so earlier signatures stay
valid and the other fields stay empty for the next signer. The visible stamp
uses an embedded TrueType font from templates/fonts: pyHanko's default stamp
font (Courier, not embedded) would break PDF/A.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from gka_docgen.errors import Weigering
from gka_docgen.extract import bron_uit, lees_pdf
from gka_docgen.sjablonen import FONTS
from gka_docgen.writers import schrijf_atomair

# DejaVu Sans rescaled to 1000 units per em (scripts/stempelfont.py): pyHanko 0.38's
# GlyphAccumulator writes glyph widths in font units, which PDF reads as 1/1000 em,
# so with DejaVu's 2048 units every letter of the stamp would be twice as wide.
STEMPEL_FONT = FONTS / "DejaVuSans-1000.ttf"
STEMPEL_GROOTTE = 10
STEMPEL_TEKST = "Digitaal ondertekend door %(signer)s\n%(ts)s"
STEMPEL_TIJD = "%d-%m-%Y %H:%M:%S %Z"
WACHTWOORD_VARIABELE = "GKA_P12_WACHTWOORD"


@dataclass(frozen=True)
class Veld:
    naam: str
    getekend: bool


def velden(pdf: bytes, naam: str = "PDF") -> list[Veld]:
    """The signature fields of a GKA PDF, in document order."""
    from pyhanko.sign.fields import enumerate_sig_fields

    reader = lees_pdf(pdf, naam)
    bron_uit(reader, naam)
    return [
        Veld(str(veldnaam), waarde is not None)
        for veldnaam, waarde, _ in enumerate_sig_fields(reader, filled_status=None)
    ]


def standaard_uit(pdf_pad: Path) -> Path:
    """'X.pdf' -> 'X-getekend.pdf' beside it (never the input itself)."""
    return pdf_pad.with_name(f"{pdf_pad.stem}-getekend{pdf_pad.suffix or '.pdf'}")


def teken(pdf: bytes, veld: str, p12: bytes, wachtwoord: bytes, *, naam: str = "PDF") -> bytes:
    """`pdf` with field `veld` signed (PAdES, SHA-256) by the key in `p12`."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    bestaande = {v.naam: v for v in velden(pdf, naam)}
    if veld not in bestaande:
        bekend = ", ".join(bestaande) or "geen"
        raise Weigering(f"{naam} heeft geen handtekeningveld {veld!r}; wel: {bekend}")
    if bestaande[veld].getekend:
        raise Weigering(f"het veld {veld!r} in {naam} is al ondertekend")
    ondertekenaar = _ondertekenaar(p12, wachtwoord)
    meta = signers.PdfSignatureMetadata(
        field_name=veld, md_algorithm="sha256", subfilter=SigSeedSubFilter.PADES
    )
    pdf_signer = signers.PdfSigner(meta, signer=ondertekenaar, stamp_style=_stempel())
    schrijver = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    uit = BytesIO()
    pdf_signer.sign_pdf(schrijver, existing_fields_only=True, output=uit)
    return uit.getvalue()


def teken_bestand(
    pdf_pad: Path, veld: str, p12_pad: Path, wachtwoord: bytes, uit: Path | None = None
) -> Path:
    """Sign `pdf_pad`'s field into a new file, written atomically; the input stays as it is."""
    doel = uit if uit is not None else standaard_uit(pdf_pad)
    if doel.resolve() == pdf_pad.resolve():
        raise Weigering(
            "de uitvoer mag niet het invoerbestand zelf zijn; kies met --uit een andere naam"
        )
    pdf = _lees(pdf_pad)
    p12 = _lees(p12_pad)
    schrijf_atomair(doel, teken(pdf, veld, p12, wachtwoord, naam=str(pdf_pad)))
    return doel


def _lees(pad: Path) -> bytes:
    try:
        return pad.read_bytes()
    except OSError as exc:
        raise Weigering(f"kan {pad} niet lezen ({exc.strerror})") from None


def _ondertekenaar(p12: bytes, wachtwoord: bytes) -> Any:
    from pyhanko.sign import signers

    try:
        return signers.SimpleSigner.load_pkcs12_data(p12, other_certs=(), passphrase=wachtwoord)
    except ValueError:
        raise Weigering(
            "kan het certificaat niet openen: het wachtwoord is onjuist of het bestand is "
            "geen PKCS#12-bestand (.p12/.pfx)"
        ) from None


def _stempel() -> Any:
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    # One font size for the engine and the text box (pyHanko issue #733: else lines drift).
    return TextStampStyle(
        stamp_text=STEMPEL_TEKST,
        timestamp_format=STEMPEL_TIJD,
        text_box_style=TextBoxStyle(
            font=GlyphAccumulatorFactory(str(STEMPEL_FONT), font_size=STEMPEL_GROOTTE),
            font_size=STEMPEL_GROOTTE,
        ),
    )
