"""The validation record an archive keeps beside a signed PDF (`verify --vastleggen`).

The Archiefregeling (art. 24c; VNG, "Handreiking Elektronische handtekening") asks
an archive to record, for a signed document: who holds each signature, which
certificate it is, when and with what result it was validated, and by whom. The
record holds that for every signature field, as JSON (for the archive's systems)
and as a short text (for a person), both beside the PDF:
`<naam>.validatie.json` and `<naam>.validatie.txt`, written through `writers`.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import gka_docgen
from gka_docgen.signing.verify import AFSLUITCODE, HandtekeningControle, PdfControle
from gka_docgen.signing.verify_report import leesbaar, oordeel_van
from gka_docgen.versions import versies
from gka_docgen.writers import schrijf_atomair

SOORT = "gka-docgen validatieverslag (Archiefregeling art. 24c)"
JSON_ACHTERVOEGSEL = ".validatie.json"
TEKST_ACHTERVOEGSEL = ".validatie.txt"
SYSTEEM = "de certificaten die het systeem vertrouwt"


def verslagpaden(pdf: Path) -> tuple[Path, Path]:
    """Where the record of `pdf` lies: beside it, named after it."""
    return (
        pdf.with_name(pdf.stem + JSON_ACHTERVOEGSEL),
        pdf.with_name(pdf.stem + TEKST_ACHTERVOEGSEL),
    )


def gebruiker() -> str:
    """Who validates when no one is named: the user name of this session."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no LOGNAME, USER and no entry in the password file
        return f"gebruiker {os.getuid()}"


def verslag(
    controle: PdfControle, vertrouwd: list[Path], door: str, moment: datetime
) -> dict[str, Any]:
    """The record as data: the document, the validation, and every signature field."""
    return {
        "soort": SOORT,
        "document": {
            "bestand": Path(controle.bestand).name,
            "sha256": controle.sha256,
            "bytes": controle.grootte,
        },
        "gevalideerd_op": moment.astimezone(UTC).isoformat(),
        "gevalideerd_door": door,
        "gevalideerd_met": f"gka-docgen {gka_docgen.__version__}",
        "versies": versies(),
        "vertrouwensankers": [_anker_bestand(p) for p in vertrouwd] or SYSTEEM,
        "toestand": str(controle.toestand),
        "afsluitcode": AFSLUITCODE[controle.toestand],
        "oordeel": oordeel_van(controle),
        "handtekeningen": [_handtekening(h) for h in controle.handtekeningen],
        "herkomst": asdict(controle.herkomst),
    }


def _anker_bestand(pad: Path) -> dict[str, str]:
    from gka_docgen.signing.trust import lees_certificaat

    certificaat = lees_certificaat(pad)
    return {
        "bestand": str(pad),
        "onderwerp": certificaat.subject.human_friendly,
        "sha256": hashlib.sha256(certificaat.dump()).hexdigest(),
    }


def _handtekening(h: HandtekeningControle) -> dict[str, Any]:
    bron = "tijdstempel" if h.tijdstempel else "klok van de ondertekenaar" if h.tijd else None
    return {
        "veld": h.veld,
        "ondertekenaar": h.ondertekenaar,
        "getekend": h.getekend,
        "houder": h.door,
        "namens": h.namens,
        "certificaat": asdict(h.certificaat) if h.certificaat else None,
        "tijdstip": h.tijdstempel or h.tijd,
        "bron_tijdstip": bron,
        "niveau": h.niveau,
        "uitslag": "niet getekend" if not h.getekend else "geldig" if h.geldig else "ongeldig",
        "etsi": asdict(h.etsi) if h.etsi else None,
        "problemen": h.problemen,
        "vertrouwensanker": h.anker,
    }


def als_tekst(gegevens: dict[str, Any]) -> str:
    """The record for a person: short, every item of art. 24c on its own line."""
    document = gegevens["document"]
    ankers = gegevens["vertrouwensankers"]
    regels = [
        f"Validatieverslag (Archiefregeling art. 24c) van {document['bestand']}",
        f"  SHA-256 van het document: {document['sha256']}",
        f"  gevalideerd op: {leesbaar(gegevens['gevalideerd_op'])}",
        f"  gevalideerd door: {gegevens['gevalideerd_door']}",
        f"  gevalideerd met: {gegevens['gevalideerd_met']}",
        "  vertrouwensankers: "
        + (ankers if isinstance(ankers, str) else "; ".join(_anker_regel(a) for a in ankers)),
        f"  uitslag: {gegevens['oordeel']} (afsluitcode {gegevens['afsluitcode']})",
    ]
    for h in gegevens["handtekeningen"]:
        regels.append(f"  {h['veld']} ({h['ondertekenaar'] or 'geen ondertekenaar'}):")
        if not h["getekend"]:
            regels.append("    niet getekend")
            continue
        regels.append(
            f"    houder: {h['houder']}" + (f", namens {h['namens']}" if h["namens"] else "")
        )
        certificaat = h["certificaat"]
        if certificaat:
            regels += [
                f"    certificaat: {certificaat['houder']}",
                f"    uitgegeven door: {certificaat['uitgever']}",
                f"    serienummer: {certificaat['serienummer']}",
                f"    SHA-256 van het certificaat: {certificaat['sha256']}",
            ]
        if h["tijdstip"]:
            regels.append(f"    getekend op: {leesbaar(h['tijdstip'])} ({h['bron_tijdstip']})")
        regels.append(f"    niveau: {h['niveau'] or 'onbekend'}")
        regels.append(f"    uitslag: {h['uitslag']}{_indicatie(h['etsi'])}")
        regels += [f"    probleem: {p}" for p in h["problemen"]]
        if h["vertrouwensanker"]:
            regels.append(f"    vertrouwensanker: {h['vertrouwensanker']}")
    regels.append(f"  herkomst: {gegevens['herkomst']['melding']}")
    return "\n".join(regels) + "\n"


def _indicatie(etsi: dict[str, str | None] | None) -> str:
    """' (TOTAL_FAILED/HASH_FAILURE)'."""
    if not etsi:
        return ""
    sub = etsi["subindicatie"]
    return f" ({etsi['indicatie']}/{sub})" if sub else f" ({etsi['indicatie']})"


def _anker_regel(anker: dict[str, str]) -> str:
    return f"{anker['bestand']} ({anker['onderwerp']}, SHA-256 {anker['sha256']})"


def leg_vast(pdf_pad: Path, gegevens: dict[str, Any]) -> tuple[Path, Path]:
    """Write the record beside the PDF, JSON and text, each atomically."""
    json_pad, tekst_pad = verslagpaden(pdf_pad)
    inhoud = json.dumps(gegevens, ensure_ascii=False, indent=2) + "\n"
    schrijf_atomair(json_pad, inhoud.encode())
    schrijf_atomair(tekst_pad, als_tekst(gegevens).encode())
    return json_pad, tekst_pad


def lees_verslag(pdf_pad: Path, pdf: bytes) -> str:
    """What the record beside `pdf_pad` says, in a few words for `overview`; "" when none."""
    json_pad, _ = verslagpaden(pdf_pad)
    try:
        gegevens = json.loads(json_pad.read_text(encoding="utf-8"))
        toestand = str(gegevens["toestand"])
        wanneer = leesbaar(str(gegevens["gevalideerd_op"])).split()[0]
        door = str(gegevens["gevalideerd_door"])
        sha = str(gegevens["document"]["sha256"])
    except FileNotFoundError:
        return ""
    except (OSError, ValueError, KeyError, TypeError):
        return f"onleesbaar ({json_pad.name})"
    if sha != hashlib.sha256(pdf).hexdigest():
        return f"hoort bij een andere versie van de PDF ({wanneer}); valideer opnieuw"
    return f"{toestand}, {wanneer}, door {door}"
