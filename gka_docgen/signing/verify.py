"""`gka-docgen verify`: is a returned PDF intact, signed by the right people, and ours?

For every signature field: empty or signed; by whom (the certificate's name);
when (the signer's own clock, and a timestamp if there is one); whether the
signed bytes are intact; what changed after signing (pyHanko's difference
analysis: filling in the form and later signatures are fine, anything else is
named); whether the certificate leads to a trusted root; and whether the signer
is the signatory whose field it is. Then provenance (`provenance`): does the
PDF show its embedded agenda as gka-docgen makes it. `toestand` sums it up in
one of three answers, each with its exit code.

This module judges and describes; `cli.py` prints.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from gka_docgen.errors import Weigering
from gka_docgen.importing.extract import Bron, bron_in, lees_pdf
from gka_docgen.render.pdf_fields import DATUM, PLAATS, invulveldnaam
from gka_docgen.signing.etsi import (
    GEEN_KETEN,
    HANDTEKENING_ONJUIST,
    HANDTEKENING_ONLEESBAAR,
    HASH,
    NOG_NIET_GELDIG,
    VERLOPEN,
    Indicatie,
    van_pyhanko,
)
from gka_docgen.signing.pdf_fill import Tekstveld, invulvelden
from gka_docgen.signing.provenance import Herkomst, herkomst
from gka_docgen.signing.signatories import (
    NAMENS,
    TIJD,
    agenda_van,
    ondertekenaar_per_veld,
    zelfde_naam,
)
from gka_docgen.signing.trust import lees_certificaat, validatiecontext
from gka_docgen.source.paths import OngeldigPad


@dataclass(frozen=True)
class Certificaat:
    """Which certificate signed: what an archive records to identify it."""

    houder: str  # the subject, in full
    uitgever: str  # the issuer, in full
    serienummer: str  # hexadecimal
    sha256: str  # of the certificate (DER), hexadecimal
    geldig_van: str
    geldig_tot: str


@dataclass(frozen=True)
class HandtekeningControle:
    """One signature field and, if it is signed, what we found."""

    veld: str
    ondertekenaar: str | None  # whose field it is, from the embedded agenda
    getekend: bool
    door: str | None = None  # the certificate's name
    namens: str | None = None  # signed on behalf of (sign --namens)
    tijd: str | None = None  # the signer's own clock
    tijdstempel: str | None = None  # a timestamp authority's time
    niveau: str | None = None  # the PAdES baseline level: B-B, B-T, B-LT
    ingevuld: str | None = None  # place and date written in the signatory's text fields
    ongeschonden: bool | None = None
    vertrouwd: bool | None = None
    later_veranderd: str | None = None  # what changed after signing, in words
    problemen: list[str] = field(default_factory=list)
    etsi: Indicatie | None = None  # what an ETSI EN 319 102-1 validator reports
    certificaat: Certificaat | None = None
    anker: str | None = None  # the trust anchor the certificate led to, if any

    @property
    def geldig(self) -> bool:
        return self.getekend and not self.problemen


class Toestand(StrEnum):
    """The one answer a script asks for, and its exit code (`AFSLUITCODE`)."""

    COMPLEET = "compleet"  # every field signed, every signature right, the pages the agenda's
    ONVOLLEDIG = "onvolledig"  # nothing wrong, but not every field is signed yet
    FOUT = "fout"  # something is wrong: a signature, a signer, or the pages


# 1 is what gka-docgen exits with for invalid data anyway; 4 is used by verify only.
AFSLUITCODE = {Toestand.COMPLEET: 0, Toestand.FOUT: 1, Toestand.ONVOLLEDIG: 4}


@dataclass(frozen=True)
class PdfControle:
    bestand: str
    handtekeningen: list[HandtekeningControle]
    herkomst: Herkomst
    sha256: str  # of the file checked: a record names exactly these bytes
    grootte: int

    @property
    def in_orde(self) -> bool:
        """Every signature present is valid and intact, and the pages are the agenda's."""
        return self.herkomst.gelijk and all(h.geldig for h in self.handtekeningen if h.getekend)

    @property
    def toestand(self) -> Toestand:
        if not self.in_orde:
            return Toestand.FOUT
        if not self.handtekeningen or not all(h.getekend for h in self.handtekeningen):
            return Toestand.ONVOLLEDIG
        return Toestand.COMPLEET


def controleer_bestand(pad: Path, vertrouwd: list[Path]) -> PdfControle:
    if not pad.exists():  # a mistyped name is wrong usage (exit 2), not a wrong PDF
        raise OngeldigPad(f"{pad} bestaat niet")
    try:
        pdf = pad.read_bytes()
    except OSError as exc:
        raise Weigering(f"kan {pad} niet lezen ({exc.strerror})") from None
    wortels = [lees_certificaat(p) for p in vertrouwd]
    return controleer(pdf, str(pad), wortels)


def controleer(pdf: bytes, naam: str, wortels: list[Any]) -> PdfControle:
    """The full check of one PDF; `wortels` are trusted root certificates (none: the system's)."""
    reader = lees_pdf(pdf, naam)
    bron = _eerste_bron(reader, naam)
    eerste = reader.get_historical_resolver(0)
    return PdfControle(
        naam,
        _handtekeningen(reader, bron, wortels),
        herkomst(pdf, reader, bron, eerste),
        hashlib.sha256(pdf).hexdigest(),
        len(pdf),
    )


def handtekeningen_van(pdf: bytes, naam: str) -> list[HandtekeningControle]:
    """Every signature field checked against the system's trust store; no provenance."""
    reader = lees_pdf(pdf, naam)
    return _handtekeningen(reader, _eerste_bron(reader, naam), [])


def _handtekeningen(reader: Any, bron: Bron, wortels: list[Any]) -> list[HandtekeningControle]:
    from pyhanko.sign.fields import enumerate_sig_fields

    agenda = agenda_van(bron)
    van_wie = ondertekenaar_per_veld(agenda) if agenda is not None else {}
    handtekeningen = {s.field_name: s for s in reader.embedded_regular_signatures}
    context = validatiecontext(wortels)
    tekstvelden = invulvelden(reader)
    uitslagen = []
    for veld, waarde, _ in enumerate_sig_fields(reader, filled_status=None):
        veld = str(veld)
        if waarde is None or veld not in handtekeningen:
            uitslagen.append(HandtekeningControle(veld, van_wie.get(veld), getekend=False))
        else:
            controle = _beoordeel(reader, handtekeningen[veld], van_wie.get(veld), context)
            uitslagen.append(replace(controle, ingevuld=_ingevuld(tekstvelden, veld)))
    return uitslagen


def _ingevuld(tekstvelden: dict[str, Tekstveld], veld: str) -> str | None:
    """'Zaandam, 1 december 2026': what was written on the signatory's place and date lines."""
    waarden = [
        tekstvelden[naam].waarde
        for naam in (invulveldnaam(veld, PLAATS), invulveldnaam(veld, DATUM))
        if naam in tekstvelden and tekstvelden[naam].waarde
    ]
    return ", ".join(waarden) or None


def _eerste_bron(reader: Any, naam: str) -> Bron:
    """The agenda as embedded in the first revision (what `build` put there)."""
    return bron_in(reader.get_historical_root(0), naam)


def _beoordeel(
    reader: Any, handtekening: Any, ondertekenaar: str | None, context: Any
) -> HandtekeningControle:
    from pyhanko.sign.validation import validate_pdf_signature

    veld = str(handtekening.field_name)
    try:
        status = validate_pdf_signature(handtekening, context)
    except Exception as exc:  # a malformed signature must not stop the report
        return HandtekeningControle(
            veld,
            ondertekenaar,
            getekend=True,
            problemen=[f"de handtekening is onleesbaar ({type(exc).__name__})"],
            etsi=HANDTEKENING_ONLEESBAAR,
        )
    door = _naam(status.signing_cert)
    reden = str(handtekening.sig_object.get("/Reason", ""))
    namens = reden[len(NAMENS) :] if reden.startswith(NAMENS) else None
    problemen = []
    if not status.intact:
        problemen.append(
            "de PDF is na het tekenen veranderd: de ondertekende inhoud klopt niet meer"
        )
    elif not status.valid:
        problemen.append("de handtekening zelf klopt niet (de cryptografische controle faalt)")
    later = _later_veranderd(reader, handtekening, status)
    if not toegestaan(later):
        problemen.append(f"na het tekenen is er iets veranderd dat niet mag: {later}")
    certificaat, etsi = _vertrouwen(status)
    problemen += certificaat
    if not status.intact:
        etsi = HASH
    elif not status.valid:
        etsi = HANDTEKENING_ONJUIST
    if ondertekenaar is None:
        problemen.append("dit veld hoort bij geen ondertekenaar uit het ingesloten agendabestand")
    elif namens is not None:
        if not zelfde_naam(namens, ondertekenaar):
            problemen.append(f"getekend namens {namens}, maar dit veld is van {ondertekenaar}")
    elif not zelfde_naam(door, ondertekenaar):
        problemen.append(f"getekend door {door}, maar dit veld is van {ondertekenaar}")
    stempel = status.timestamp_validity
    return HandtekeningControle(
        veld,
        ondertekenaar,
        getekend=True,
        door=door,
        namens=namens,
        tijd=_tijd(status.signer_reported_dt),
        tijdstempel=_tijd(stempel.timestamp) if stempel is not None else None,
        niveau=_niveau(reader, stempel is not None),
        ongeschonden=bool(status.intact and status.valid),
        vertrouwd=bool(status.trusted),
        later_veranderd=later,
        problemen=problemen,
        etsi=etsi,
        certificaat=_certificaat(status.signing_cert),
        anker=_anker(status.validation_path),
    )


def _certificaat(certificaat: Any) -> Certificaat:
    return Certificaat(
        houder=certificaat.subject.human_friendly,
        uitgever=certificaat.issuer.human_friendly,
        serienummer=format(certificaat.serial_number, "x"),
        sha256=hashlib.sha256(certificaat.dump()).hexdigest(),
        geldig_van=certificaat.not_valid_before.astimezone(UTC).isoformat(),
        geldig_tot=certificaat.not_valid_after.astimezone(UTC).isoformat(),
    )


def _anker(pad: Any) -> str | None:
    """'Common Name: Stam (SHA-256 ab12...)': the root the signer's chain ends in."""
    if pad is None:
        return None
    autoriteit = pad.trust_anchor.authority
    certificaat = getattr(autoriteit, "certificate", None)
    if certificaat is None:
        return str(autoriteit.name.human_friendly)
    sha = hashlib.sha256(certificaat.dump()).hexdigest()
    return f"{certificaat.subject.human_friendly} (SHA-256 {sha})"


def _niveau(reader: Any, tijdstempel: bool) -> str:
    """B-T with a timestamp, B-LT when the file also holds revocation information (its DSS)."""
    from gka_docgen.signing.longterm import intrekking_in

    if not tijdstempel:
        return "PAdES B-B"
    return "PAdES B-LT" if intrekking_in(reader.root) else "PAdES B-T"


def _naam(certificaat: Any) -> str:
    onderwerp = certificaat.subject.native
    return str(onderwerp.get("common_name") or certificaat.subject.human_friendly)


def _tijd(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC (for --json); the report shows it the Dutch way (`leesbaar`)."""
    return moment.astimezone(UTC).isoformat() if moment is not None else None


def _vertrouwen(status: Any) -> tuple[list[str], Indicatie]:
    """What is wrong with the certificate, if anything, and the ETSI indication it gives."""
    certificaat = status.signing_cert
    stempel = status.timestamp_validity
    toen = stempel.timestamp if stempel is not None else status.signer_reported_dt
    etsi = van_pyhanko(status.trust_problem_indic, status.validation_path is not None)
    # Checked here too: pyHanko trusts a trust anchor given with --vertrouw whatever its dates.
    if toen is not None and certificaat.not_valid_after < toen:
        tot = certificaat.not_valid_after.strftime(TIJD)
        return [
            f"het certificaat was al verlopen toen er getekend werd (geldig tot {tot})"
        ], VERLOPEN
    if toen is not None and certificaat.not_valid_before > toen:
        vanaf = certificaat.not_valid_before.strftime(TIJD)
        return [
            f"het certificaat was nog niet geldig toen er getekend werd (geldig vanaf {vanaf})"
        ], NOG_NIET_GELDIG
    if status.revoked:
        return ["het certificaat is ingetrokken"], etsi
    if status.trusted:
        return [], etsi
    if certificaat.not_valid_after < datetime.now(UTC):
        tot = certificaat.not_valid_after.strftime(TIJD)
        return [f"het certificaat is verlopen op {tot}"], etsi
    return [
        "het certificaat leidt niet naar een vertrouwde uitgever "
        "(geef met --vertrouw het stamcertificaat op dat u vertrouwt)"
    ], etsi if etsi.indicatie != "TOTAL_PASSED" else GEEN_KETEN


NIETS = "niets"
TOEGESTAAN = "alleen toegestane wijzigingen (formulier ingevuld, volgende handtekeningen)"


def toegestaan(later: str | None) -> bool:
    """Whether what changed after a signature is fine (nothing, or form filling and signing)."""
    return later in {NIETS, TOEGESTAAN}


# pyHanko names the objects it could not explain as Reference(idnum=7, generation=0).
_REFERENTIE = re.compile(r"Reference\(idnum=(\d+), generation=(\d+)\)")


def _later_veranderd(reader: Any, handtekening: Any, status: Any) -> str | None:
    """What changed after this signature, in words; None when nothing could be analysed."""
    from pyhanko.sign.diff_analysis import ModificationLevel, SuspiciousModification

    if status.coverage is not None and status.coverage.name == "ENTIRE_FILE":
        return NIETS
    uitslag = status.diff_result
    if isinstance(uitslag, SuspiciousModification):
        return _benoem(reader, str(uitslag))
    if uitslag is None:
        return None
    if uitslag.modification_level <= ModificationLevel.FORM_FILLING:
        return TOEGESTAAN
    return "meer dan formulier invullen en ondertekenen (bijvoorbeeld opmerkingen toegevoegd)"


def _benoem(reader: Any, uitleg: str) -> str:
    """'pagina 1 (inhoud of opmaak)' for the objects pyHanko could not explain."""
    eerste_regel = uitleg.splitlines()[0] if uitleg else ""
    nummers = {int(m.group(1)) for m in _REFERENTIE.finditer(eerste_regel)}
    if not nummers:
        return f"een wijziging die pyHanko niet kan verklaren ({eerste_regel})"
    paginas: set[int] = set()
    for index in range(int(reader.root["/Pages"]["/Count"])):
        pagina, _ = reader.find_page_for_modification(index)
        pagina_nummers = {pagina.idnum, *_inhoud_nummers(pagina.get_object())}
        if nummers & pagina_nummers:
            paginas.add(index + 1)
            nummers -= pagina_nummers
    delen = [f"pagina {p} (inhoud of opmaak)" for p in sorted(paginas)]
    if nummers:
        delen.append(
            f"{len(nummers)} {'ander onderdeel' if len(nummers) == 1 else 'andere onderdelen'} van de PDF"
        )
    return ", ".join(delen)


def _inhoud_nummers(pagina: Any) -> set[int]:
    """The object numbers of a page's content streams."""
    from pyhanko.pdf_utils import generic

    if "/Contents" not in pagina:
        return set()
    nummers = set()
    verwijzing = pagina.raw_get("/Contents")
    if isinstance(verwijzing, generic.IndirectObject):
        nummers.add(verwijzing.idnum)
    inhoud = pagina["/Contents"]
    if isinstance(inhoud, generic.ArrayObject):
        for index in range(len(inhoud)):
            deel = inhoud.raw_get(index)
            if isinstance(deel, generic.IndirectObject):
                nummers.add(deel.idnum)
    return nummers
