"""`gka-docgen overview`: one line per agenda, for the coordinator who keeps the list.

Per agenda in agendas/: what it is (gemeente, soort, periode, status), what it
promises (interventions, the OCW total against the maximum, co-financing),
what `check` says, and for its PDF in out/ (or the most-signed copy beside it,
`…-getekend….pdf`) how many signatures it carries of how many, whether they
are all intact, and what the validation record beside it says (`verify
--vastleggen`), if there is one. Intact here means: the signed bytes are unchanged and nothing but
form filling and signing came after; whose certificate it is, `verify` says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from gka_docgen.document.formatting import bedrag
from gka_docgen.errors import DocgenError, OngeldigeAgenda
from gka_docgen.signing.validation_record import lees_verslag
from gka_docgen.signing.verify import HandtekeningControle, handtekeningen_van, toegestaan
from gka_docgen.source.load import laad

Cel = str | int | float | None

KOLOMMEN = (
    "bestand",
    "gemeente",
    "soort",
    "periode",
    "status",
    "interventies",
    "OCW",
    "maximum OCW",
    "cofinanciering",
    "problemen",
    "PDF",
    "handtekeningen",
    "ongeschonden",
    "vastgelegd",
)


@dataclass(frozen=True)
class AgendaRegel:
    bestand: str
    gemeente: str = ""
    soort: str = ""
    periode: str = ""
    status: str = ""
    interventies: int | None = None
    ocw: Decimal | None = None
    maximum_ocw: Decimal | None = None
    cofinanciering: Decimal | None = None
    problemen: int = 0
    pdf: str = ""  # the PDF looked at, or "" when there is none
    getekend: int | None = None
    vereist: int | None = None
    ongeschonden: bool | None = None  # None: nothing signed yet
    vastgelegd: str = ""  # what the validation record beside the PDF says ("": none)

    def als_rij(self) -> list[Cel]:
        """The line as cells, amounts as numbers (the spreadsheet adds them up)."""
        return [
            self.bestand,
            self.gemeente,
            self.soort,
            self.periode,
            self.status,
            self.interventies,
            _getal(self.ocw),
            _getal(self.maximum_ocw),
            _getal(self.cofinanciering),
            self.problemen,
            self.pdf,
            f"{self.getekend}/{self.vereist}" if self.vereist is not None else "",
            {True: "ja", False: "NEE", None: ""}[self.ongeschonden],
            self.vastgelegd,
        ]

    def als_tekst(self) -> list[str]:
        """The cells for the terminal, amounts the Dutch way."""
        rij = [str(c) if c is not None else "" for c in self.als_rij()]
        rij[6:9] = [
            bedrag(b) if b is not None else ""
            for b in (self.ocw, self.maximum_ocw, self.cofinanciering)
        ]
        if self.ocw is not None and self.maximum_ocw is not None and self.ocw > self.maximum_ocw:
            rij[6] += " (te veel)"
        return rij


def _getal(b: Decimal | None) -> int | float | None:
    if b is None:
        return None
    return int(b) if b == b.to_integral_value() else float(b)


def overzicht(bestanden: Iterable[Path], uit: Path) -> list[AgendaRegel]:
    return [_regel(pad, uit) for pad in bestanden]


def _regel(pad: Path, uit: Path) -> AgendaRegel:
    from gka_docgen.build.batch import uitvoerpaden

    try:
        geladen = laad(pad)
    except OngeldigeAgenda as fout:
        return AgendaRegel(str(pad), problemen=len(fout.problemen))
    agenda = geladen.agenda
    regels = agenda.begroting.regels
    regel = AgendaRegel(
        str(pad),
        gemeente=agenda.gemeente,
        soort=agenda.soort,
        periode=agenda.periode,
        status=agenda.status,
        interventies=len(agenda.interventies),
        ocw=sum((r.bijdrage_ocw or Decimal(0) for r in regels), Decimal(0)),
        maximum_ocw=agenda.begroting.maximum_ocw,
        cofinanciering=sum((r.cofinanciering or Decimal(0) for r in regels), Decimal(0)),
    )
    gevonden = _meest_getekend(uit / uitvoerpaden(geladen, ["pdf"])["pdf"])
    if gevonden is None:
        return regel
    kopie, inhoud, velden = gevonden
    getekend = [h for h in velden if h.getekend]
    return replace(
        regel,
        pdf=str(kopie),
        vastgelegd=lees_verslag(kopie, inhoud),
        getekend=len(getekend),
        vereist=len(velden),
        ongeschonden=all(h.ongeschonden and toegestaan(h.later_veranderd) for h in getekend)
        if getekend
        else None,
    )


def _meest_getekend(pdf_pad: Path) -> tuple[Path, bytes, list[HandtekeningControle]] | None:
    """The PDF or its signed copy with the most signatures: its bytes and its fields checked."""
    kandidaten = [pdf_pad, *sorted(pdf_pad.parent.glob(f"{pdf_pad.stem}-getekend*.pdf"))]
    beste: tuple[Path, bytes, list[HandtekeningControle]] | None = None
    for kandidaat in kandidaten:
        try:
            inhoud = kandidaat.read_bytes()
            velden = handtekeningen_van(inhoud, str(kandidaat))
        except (DocgenError, OSError):
            continue
        if beste is None or _aantal(velden) > _aantal(beste[2]):
            beste = (kandidaat, inhoud, velden)
    return beste


def _aantal(velden: list[HandtekeningControle]) -> int:
    return sum(1 for h in velden if h.getekend)


def als_csv(regels: list[AgendaRegel]) -> bytes:
    """UTF-8 with a BOM and semicolons: what Excel in a Dutch locale opens as columns."""
    import csv
    import io

    tekst = io.StringIO()
    schrijver = csv.writer(tekst, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    for regel in regels:
        schrijver.writerow(
            [
                "" if c is None else str(c).replace(".", ",") if isinstance(c, float) else c
                for c in regel.als_rij()
            ]
        )
    return ("\ufeff" + tekst.getvalue()).encode()


def als_xlsx(regels: list[AgendaRegel]) -> bytes:
    import io

    from openpyxl import Workbook

    werkboek = Workbook()
    blad = werkboek.active
    blad.title = "Overzicht"
    blad.append(KOLOMMEN)
    for regel in regels:
        blad.append(regel.als_rij())
    for kolom in ("G", "H", "I"):
        for cel in blad[kolom][1:]:
            cel.number_format = '"€" #,##0.00'
    blad.freeze_panes = "A2"
    uit = io.BytesIO()
    werkboek.save(uit)
    return uit.getvalue()
