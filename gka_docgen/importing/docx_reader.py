"""A DOCX, checked and opened safely, as a flat list of paragraphs and tables.

What `import` reads: every paragraph (text, and whether it is a list item) and
every table (rows of cells, each a list of paragraphs), in document order. The
package is checked before python-docx parses it: a zip of sane size (no zip
bomb), no macros. Tracked changes are found and, as asked, accepted or rejected
in the XML before reading; comments are listed, never read as content.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from gka_docgen.errors import Weigering
from gka_docgen.importing.tracked_changes import Keuze, verwerk, wijzigingen

MAX_LEDEN = 2_000
MAX_LID = 64 * 1024 * 1024  # bytes, one member unpacked
MAX_TOTAAL = 256 * 1024 * 1024  # bytes, all members unpacked
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Alinea:
    tekst: str
    opsomming: bool  # a list item (bullet or number)
    stijl: str = ""
    pagina: int = 0  # read from a PDF: its page; 0 in a DOCX


@dataclass(frozen=True)
class DocxTabel:
    rijen: tuple[tuple[tuple[Alinea, ...], ...], ...]  # rows -> cells -> paragraphs
    pagina: int = 0  # read from a PDF: the page it starts on; 0 in a DOCX


@dataclass
class GelezenDocx:
    stukken: list[Alinea | DocxTabel] = field(default_factory=list)
    commentaren: list[str] = field(default_factory=list)


class OngeldigDocument(Weigering):
    """The file is not a document `import` can read (or may read safely)."""


def controleer_pakket(inhoud: bytes, naam: str) -> None:
    """Refuse what is no DOCX, a zip bomb, or a document with macros, before parsing."""
    try:
        zip_ = zipfile.ZipFile(io.BytesIO(inhoud))
    except zipfile.BadZipFile:
        raise OngeldigDocument(
            f"{naam} is geen Word-document (DOCX) en geen PDF; "
            "sla het in Word op als .docx of exporteer het als PDF"
        ) from None
    leden = zip_.infolist()
    if len(leden) > MAX_LEDEN or any(lid.file_size > MAX_LID for lid in leden):
        raise OngeldigDocument(f"{naam} is te groot of bevat te veel delen voor een agenda")
    if sum(lid.file_size for lid in leden) > MAX_TOTAAL:
        raise OngeldigDocument(f"{naam} is uitgepakt te groot voor een agenda")
    namen = {lid.filename for lid in leden}
    if "word/document.xml" not in namen:
        if "EncryptedPackage" in namen or inhoud.startswith(b"\xd0\xcf\x11\xe0"):
            raise OngeldigDocument(f"{naam} is met een wachtwoord beveiligd; sla het zonder op")
        raise OngeldigDocument(f"{naam} is geen Word-document (DOCX)")
    soorten = zip_.read("[Content_Types].xml") if "[Content_Types].xml" in namen else b""
    if any(n.lower().endswith("vbaproject.bin") for n in namen) or b"macroEnabled" in soorten:
        raise OngeldigDocument(
            f"{naam} bevat macro's (.docm); sla het in Word op als gewoon Word-document (.docx)"
        )


def _tekst(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t", f"{W}delText")).strip()


def _wijzigingen(body: Any, naam: str, keuze: Keuze | None) -> None:
    """Accept or reject tracked changes in place; without a choice, refuse and say where."""
    gevonden = wijzigingen(body)
    if not gevonden:
        return
    if keuze is None:
        soort = {"ins": "ingevoegd", "del": "verwijderd", "moveTo": "verplaatst naar",
                 "moveFrom": "verplaatst van"}  # fmt: skip
        plekken = [
            f"{soort[el.tag.rsplit('}', 1)[1]]}: {_tekst(el)[:60]!r}"
            for el in gevonden
            # A paragraph mark's or a row's record holds no text of its own.
            if el.getparent().tag not in (f"{W}rPr", f"{W}trPr")
        ] or [f"{len(gevonden)} alinea's of tabelrijen ingevoegd of verwijderd"]
        raise OngeldigDocument(
            f"{naam} heeft {len(plekken)} wijzigingen die nog niet zijn geaccepteerd of "
            "geweigerd; kies --wijzigingen accepteren of --wijzigingen weigeren, of doe het in "
            "Word (Controleren > Accepteren):\n  " + "\n  ".join(plekken[:20])
        )
    verwerk(body, keuze)


class _DocxLezer:
    """Paragraphs and tables as plain data; style names looked up once (python-docx's own
    lookup walks the styles part for every paragraph: 1.4 s of 1.8 s for 11 pages)."""

    def __init__(self, document: Any) -> None:
        self.stijlen = {s.style_id: s.name for s in document.styles}
        self.standaard = document.styles.default(1)  # WD_STYLE_TYPE.PARAGRAPH
        self.standaard_naam = self.standaard.name if self.standaard is not None else ""

    def alinea(self, p: Any) -> Alinea:
        ppr = p._p.pPr
        stijl_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        stijl = self.stijlen.get(stijl_id, self.standaard_naam) if stijl_id else self.standaard_naam
        opsomming = (
            "List" in stijl
            or "opsomming" in stijl.lower()
            or (ppr is not None and ppr.numPr is not None)
        )
        return Alinea(p.text, opsomming, stijl)

    def tabel(self, t: Any) -> DocxTabel:
        rijen = []
        for rij in t.rows:
            cellen = []
            vorige = None
            for cel in rij.cells:
                if cel._tc is vorige:  # a merged cell appears once per column it spans
                    continue
                vorige = cel._tc
                cellen.append(tuple(self.alinea(p) for p in cel.paragraphs))
            rijen.append(tuple(cellen))
        return DocxTabel(tuple(rijen))


def lees_docx(inhoud: bytes, naam: str, wijzigingen: Keuze | None = None) -> GelezenDocx:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    controleer_pakket(inhoud, naam)
    try:
        document = Document(io.BytesIO(inhoud))
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise OngeldigDocument(f"{naam} is een beschadigd Word-document ({exc})") from None
    _wijzigingen(document.element.body, naam, wijzigingen)
    gelezen = GelezenDocx()
    lezer = _DocxLezer(document)
    for blok in document.iter_inner_content():
        if isinstance(blok, Paragraph):
            gelezen.stukken.append(lezer.alinea(blok))
        elif isinstance(blok, Table):
            gelezen.stukken.append(lezer.tabel(blok))
    try:
        gelezen.commentaren = [f"{c.author or 'onbekend'}: {c.text}" for c in document.comments]
    except (AttributeError, KeyError):
        gelezen.commentaren = []
    return gelezen
