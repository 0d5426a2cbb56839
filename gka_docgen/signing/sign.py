"""PAdES signing of one signature field of a GKA PDF (pyHanko).

The signature goes into an incremental update, so earlier signatures stay
valid and the other fields stay empty for the next signer. The visible stamp
uses an embedded TrueType font from templates/fonts: pyHanko's default stamp
font (Courier, not embedded) would break PDF/A.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from gka_docgen.document.formatting import datum
from gka_docgen.errors import Weigering
from gka_docgen.importing.extract import bron_uit, lees_pdf
from gka_docgen.render.pdf_fields import DATUM, PLAATS, invulveldnaam
from gka_docgen.render.templates import FONTS
from gka_docgen.signing.longterm import (
    intrekkingsgegevens,
    langdurig_fouten,
    tijdstempeldienst,
)
from gka_docgen.signing.pdf_fill import invulvelden, vul_in
from gka_docgen.signing.signatories import (
    NAMENS,
    TIJD,
    agenda_van,
    ondertekenaar_per_veld,
    zelfde_naam,
)
from gka_docgen.signing.trust import lees_certificaat, validatiecontext
from gka_docgen.writers import schrijf_atomair

# DejaVu Sans rescaled to 1000 units per em (scripts/stempelfont.py): pyHanko 0.38's
# GlyphAccumulator writes glyph widths in font units, which PDF reads as 1/1000 em,
# so with DejaVu's 2048 units every letter of the stamp would be twice as wide.
STEMPEL_FONT = FONTS / "DejaVuSans-1000.ttf"
STEMPEL_GROOTTE = 10
STEMPEL_TEKST = "Digitaal ondertekend door %(signer)s\n%(ts)s"
STEMPEL_TEKST_NAMENS = "Digitaal ondertekend door %%(signer)s\nnamens %s\n%%(ts)s"
STEMPEL_TIJD = TIJD
WACHTWOORD_VARIABELE = "GKA_P12_WACHTWOORD"


@dataclass(frozen=True)
class Handtekeningstatus:
    naam: str
    getekend: bool


def velden(pdf: bytes, naam: str = "PDF") -> list[Handtekeningstatus]:
    """The signature fields of a GKA PDF, in document order."""
    return _velden(lees_pdf(pdf, naam), naam)


def _velden(reader: Any, naam: str) -> list[Handtekeningstatus]:
    from pyhanko.sign.fields import enumerate_sig_fields

    bron_uit(reader, naam)
    return [
        Handtekeningstatus(str(veldnaam), waarde is not None)
        for veldnaam, waarde, _ in enumerate_sig_fields(reader, filled_status=None)
    ]


# '-getekend', '-getekend-2-van-3': what `standaard_uit` adds, taken off again before it adds.
_GETEKEND = re.compile(r"-getekend(-\d+-van-\d+)?$")


def standaard_uit(pdf_pad: Path, getekend: int, totaal: int) -> Path:
    """The signed copy's name beside the input: 'X.pdf' -> 'X-getekend-1-van-3.pdf'.

    `getekend` counts the signatures after this one; once every field is signed
    the name is 'X-getekend.pdf'. A copy that was signed before loses its old
    suffix first, so the name never becomes 'X-getekend-getekend.pdf'.
    """
    stam = _GETEKEND.sub("", pdf_pad.stem) or pdf_pad.stem
    staat = "" if getekend >= totaal else f"-{getekend}-van-{totaal}"
    return pdf_pad.with_name(f"{stam}-getekend{staat}{pdf_pad.suffix or '.pdf'}")


@dataclass(frozen=True)
class Getekend:
    pdf: bytes
    getekend: int  # signed fields, this one included
    totaal: int
    intrekking: int | None = None  # with --ltv: CRLs and OCSP responses embedded
    doel: Path | None = None  # where it was written


def teken(
    pdf: bytes,
    veld: str,
    p12: bytes,
    wachtwoord: bytes,
    *,
    naam: str = "PDF",
    namens: bool = False,
    plaats: str | None = None,
    vandaag: date | None = None,
    tsa: str | None = None,
    ltv: bool = False,
    wortels: Sequence[Any] = (),
) -> Getekend:
    """`pdf` with field `veld` signed (PAdES, SHA-256) by the key in `p12`.

    The certificate must bear the name of the field's signatory (the embedded
    agenda says who that is), unless `namens`: then someone signs on their
    behalf, and the stamp and the signature's reason say so.

    Where the PDF leaves the field's signatory a line for the date (a text field),
    `vandaag` (default: today) is written on it, and `plaats` on the line for the
    place, in the revision of the signature.

    `tsa` adds an RFC 3161 timestamp from that address (PAdES B-T); `ltv` embeds
    the certificates' revocation information, fetched from the addresses in
    them, in the document security store (B-LT). For that the signer's
    certificate must lead to a trusted root: `wortels`, or the system's.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    reader = lees_pdf(pdf, naam)
    bestaande = {v.naam: v for v in _velden(reader, naam)}
    agenda = agenda_van(bron_uit(reader, naam))
    if not bestaande and agenda is not None and agenda.status == "concept":
        raise Weigering(
            f"{naam} heeft geen handtekeningvelden: dit is een concept: zet status: definitief "
            "en bouw opnieuw om handtekeningvelden te krijgen"
        )
    if veld not in bestaande:
        bekend = ", ".join(bestaande) or "geen"
        raise Weigering(f"{naam} heeft geen handtekeningveld {veld!r}; wel: {bekend}")
    if bestaande[veld].getekend:
        raise Weigering(f"het veld {veld!r} in {naam} is al ondertekend")
    ondertekenaar = _ondertekenaar(p12, wachtwoord)
    certificaat = ondertekenaar.signing_cert
    _geldig_nu(certificaat)
    wie = ondertekenaar_per_veld(agenda).get(veld) if agenda is not None else None
    houder = str(certificaat.subject.native.get("common_name") or "")
    if wie is not None and not namens and not zelfde_naam(houder, wie):
        raise Weigering(
            f"het certificaat staat op naam van {houder or 'niemand'}, maar {veld} is het veld "
            f"van {wie}; tekent u namens {wie}, gebruik dan --namens"
        )
    invullen = _in_te_vullen(reader, veld, plaats, vandaag or date.today(), naam)
    meta = signers.PdfSignatureMetadata(
        field_name=veld,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=f"{NAMENS}{wie}" if namens and wie else None,
        embed_validation_info=ltv,
        validation_context=validatiecontext(wortels, ophalen=True) if ltv else None,
    )
    stempel = _stempel(namens=wie if namens else None)
    pdf_signer = signers.PdfSigner(
        meta,
        signer=ondertekenaar,
        stamp_style=stempel,
        timestamper=tijdstempeldienst(tsa) if tsa else None,
    )
    schrijver = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    if invullen:
        vul_in(schrijver, invullen, STEMPEL_FONT)
    uit = BytesIO()
    with langdurig_fouten(tsa, ltv):
        pdf_signer.sign_pdf(schrijver, existing_fields_only=True, output=uit)
    getekend = sum(v.getekend for v in bestaande.values()) + 1
    intrekking = intrekkingsgegevens(uit.getvalue()) if ltv else None
    return Getekend(uit.getvalue(), getekend, len(bestaande), intrekking)


def _in_te_vullen(
    reader: Any, veld: str, plaats: str | None, vandaag: date, naam: str
) -> dict[str, str]:
    """Text field -> value: the date, and the place if given, of this field's signatory."""
    velden = invulvelden(reader)
    uit = {}
    plaatsveld = invulveldnaam(veld, PLAATS)
    if plaats is not None:
        if not plaats.strip():
            raise Weigering(
                "--plaats is leeg; geef de plaats van ondertekening, bijvoorbeeld --plaats Zaandam"
            )
        if plaatsveld not in velden:
            raise Weigering(
                f"{naam} heeft geen regel voor de plaats van ondertekening: de plaats staat al in "
                "het document (ondertekening.plaats); laat --plaats weg"
            )
        if velden[plaatsveld].waarde:
            raise Weigering(f"de plaats is in {naam} al ingevuld: {velden[plaatsveld].waarde}")
        uit[plaatsveld] = plaats.strip()
    datumveld = invulveldnaam(veld, DATUM)
    if datumveld in velden and not velden[datumveld].waarde:
        uit[datumveld] = datum(vandaag)
    return uit


def _geldig_nu(certificaat: Any) -> None:
    nu = datetime.now(UTC)
    if certificaat.not_valid_after < nu:
        raise Weigering(
            f"het certificaat is verlopen op {certificaat.not_valid_after.strftime(TIJD)}; "
            "vraag een nieuw aan"
        )
    if certificaat.not_valid_before > nu:
        raise Weigering(
            f"het certificaat is pas geldig vanaf {certificaat.not_valid_before.strftime(TIJD)}"
        )


def teken_bestand(
    pdf_pad: Path,
    veld: str,
    p12_pad: Path,
    wachtwoord: bytes,
    uit: Path | None = None,
    *,
    namens: bool = False,
    force: bool = False,
    plaats: str | None = None,
    tsa: str | None = None,
    ltv: bool = False,
    vertrouwd: Sequence[Path] = (),
) -> Getekend:
    """Sign `pdf_pad`'s field into a new file, written atomically; the input stays as it is.

    An existing file is overwritten only with `force`. Returns what was signed, with
    the new file's path in `doel`.
    """
    pdf = _lees(pdf_pad)
    p12 = _lees(p12_pad)
    wortels = [lees_certificaat(p) for p in vertrouwd]
    getekend = teken(
        pdf, veld, p12, wachtwoord, naam=str(pdf_pad), namens=namens, plaats=plaats,
        tsa=tsa, ltv=ltv, wortels=wortels,
    )  # fmt: skip
    doel = uit if uit is not None else standaard_uit(pdf_pad, getekend.getekend, getekend.totaal)
    if doel.resolve() == pdf_pad.resolve():
        raise Weigering(
            "de uitvoer mag niet het invoerbestand zelf zijn; kies met --uit een andere naam"
        )
    if doel.exists() and not force:
        raise Weigering(f"{doel} bestaat al; kies met --uit een andere naam of gebruik --force")
    schrijf_atomair(doel, getekend.pdf)
    return replace(getekend, doel=doel)


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


def _stempel(namens: str | None = None) -> Any:
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    # One font size for the engine and the text box (pyHanko issue #733: else lines drift).
    return TextStampStyle(
        stamp_text=STEMPEL_TEKST_NAMENS % _letterlijk(namens) if namens else STEMPEL_TEKST,
        timestamp_format=STEMPEL_TIJD,
        text_box_style=TextBoxStyle(
            font=GlyphAccumulatorFactory(str(STEMPEL_FONT), font_size=STEMPEL_GROOTTE),
            font_size=STEMPEL_GROOTTE,
        ),
    )


def _letterlijk(tekst: str) -> str:
    """`tekst` for a %-format string: its own % signs stay % signs."""
    return tekst.replace("%", "%%")
