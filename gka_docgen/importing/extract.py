"""The agenda's YAML, recovered from a PDF we made (its PDF/A-3 Source file)."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from gka_docgen.errors import Weigering
from gka_docgen.writers import schrijf_atomair

BRON_SUFFIXEN = (".yaml", ".yml")


class GeenGkaPdf(Weigering):
    """The file is not a PDF that gka-docgen made (no agenda inside)."""


@dataclass(frozen=True)
class Bron:
    naam: str  # the file name the YAML had when the PDF was built
    inhoud: bytes


def lees_pdf(pdf: bytes, naam: str) -> Any:
    """A pyHanko reader, or a Dutch refusal if the bytes are no readable PDF."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    if not pdf.startswith(b"%PDF-"):
        raise GeenGkaPdf(f"{naam} is geen PDF-bestand")
    try:
        return PdfFileReader(BytesIO(pdf), strict=False)
    except (PdfReadError, ValueError, KeyError, IndexError) as exc:
        raise GeenGkaPdf(f"{naam} is geen leesbaar PDF-bestand ({exc})") from None


def bron_uit(reader: Any, naam: str) -> Bron:
    """The embedded agenda: the associated file with relationship /Source."""
    return bron_in(reader.root, naam)


def bron_in(root: Any, naam: str) -> Bron:
    """The embedded agenda of the document catalog `root` (of any revision)."""
    try:
        bestanden = root.get("/AF") or []
        for spec in bestanden:
            spec = spec.get_object()
            if spec.get("/AFRelationship") != "/Source":
                continue
            bestandsnaam = str(spec.get("/UF") or spec.get("/F") or "")
            if not bestandsnaam.lower().endswith(BRON_SUFFIXEN):
                continue
            return Bron(bestandsnaam, spec["/EF"]["/F"].get_object().data)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise GeenGkaPdf(f"{naam}: de ingesloten agenda is onleesbaar ({exc})") from None
    raise GeenGkaPdf(f"{naam} is niet door gka-docgen gemaakt: er zit geen agenda (YAML-bron) in")


def bron_van_pdf(pdf: bytes, naam: str) -> Bron:
    return bron_uit(lees_pdf(pdf, naam), naam)


def pak_uit(pdf_pad: Path, uit: Path | None = None, *, force: bool = False) -> Path:
    """Write the YAML inside `pdf_pad` to `uit` (default: its original name beside the PDF)."""
    try:
        pdf = pdf_pad.read_bytes()
    except OSError as exc:
        raise Weigering(f"kan {pdf_pad} niet lezen ({exc.strerror})") from None
    bron = bron_van_pdf(pdf, str(pdf_pad))
    doel = uit if uit is not None else pdf_pad.parent / Path(bron.naam).name
    if doel.exists() and not force:
        raise Weigering(f"{doel} bestaat al; kies met --uit een andere naam of gebruik --force")
    schrijf_atomair(doel, bron.inhoud)
    return doel
