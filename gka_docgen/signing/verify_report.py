"""verify's report: the Dutch lines a person reads, and the JSON a script reads.

Both say the same: per signature field what was found, the provenance, and
the one answer (`Toestand`) with its exit code.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from gka_docgen.signing.signatories import TIJD
from gka_docgen.signing.verify import AFSLUITCODE, HandtekeningControle, PdfControle, Toestand


def leesbaar(tijd: str) -> str:
    return datetime.fromisoformat(tijd).strftime(TIJD)


def als_json(controle: PdfControle) -> dict[str, Any]:
    return {
        "bestand": controle.bestand,
        "sha256": controle.sha256,
        "toestand": str(controle.toestand),
        "afsluitcode": AFSLUITCODE[controle.toestand],
        "in_orde": controle.in_orde,
        "handtekeningen": [
            {**asdict(h), "geldig": h.geldig, "toestand": _toestand(h)}
            for h in controle.handtekeningen
        ],
        "herkomst": asdict(controle.herkomst),
    }


def _toestand(h: HandtekeningControle) -> str:
    if not h.getekend:
        return "niet getekend"
    return "geldig" if h.geldig else "ongeldig"


def als_tekst(controle: PdfControle) -> list[str]:
    """The Dutch report, line by line; the last line is the verdict."""
    regels = [f"{controle.bestand}:"]
    for h in controle.handtekeningen:
        van = f" ({h.ondertekenaar})" if h.ondertekenaar else ""
        if not h.getekend:
            regels.append(f"  {h.veld}{van}: nog niet getekend")
            continue
        oordeel = "geldig" if h.geldig else "ONGELDIG"
        regels.append(f"  {h.veld}{van}: getekend, {oordeel}")
        regels.append(f"    door: {h.door}" + (f", namens {h.namens}" if h.namens else ""))
        if h.tijd:
            regels.append(f"    getekend op: {leesbaar(h.tijd)} (klok van de ondertekenaar)")
        stempel = leesbaar(h.tijdstempel) if h.tijdstempel else "geen"
        regels.append(f"    tijdstempel: {stempel}")
        if h.niveau:
            regels.append(f"    niveau: {h.niveau}")
        if h.ingevuld:
            regels.append(f"    plaats en datum ingevuld: {h.ingevuld}")
        if h.ongeschonden is not None:
            regels.append(f"    ongeschonden: {'ja' if h.ongeschonden else 'nee'}")
        if h.later_veranderd:
            regels.append(f"    daarna veranderd: {h.later_veranderd}")
        if h.vertrouwd is not None:
            regels.append(f"    certificaat vertrouwd: {'ja' if h.vertrouwd else 'nee'}")
        if h.etsi is not None:
            regels.append(f"    ETSI-indicatie: {h.etsi}")
        regels += [f"    probleem: {p}" for p in h.problemen]
    if not controle.handtekeningen:
        regels.append("  geen handtekeningvelden (een concept, of niet door gka-docgen gemaakt)")
    regels.append(f"  herkomst: {controle.herkomst.melding}")
    regels.append(oordeel_van(controle))
    return regels


def oordeel_van(controle: PdfControle) -> str:
    """One line: compleet, nog niet compleet (and who is still to sign), or NIET IN ORDE."""
    getekend = [h for h in controle.handtekeningen if h.getekend]
    telling = f"{len(getekend)} van {len(controle.handtekeningen)} handtekeningen gezet"
    toestand = controle.toestand
    if toestand is Toestand.COMPLEET:
        return f"compleet: {telling}, alle geldig, en de PDF is wat zijn agendabestand geeft."
    if toestand is Toestand.ONVOLLEDIG:
        if not controle.handtekeningen:
            return (
                "nog niet compleet: deze PDF heeft geen handtekeningvelden; zet de status van "
                "de agenda op definitief en maak de PDF opnieuw (gka-docgen build)"
            )
        open_ = [h.ondertekenaar or h.veld for h in controle.handtekeningen if not h.getekend]
        return (
            f"nog niet compleet: {telling}"
            + (", alle geldig" if getekend else "")
            + f"; nog te tekenen door {', '.join(open_)}."
        )
    fouten = []
    ongeldig = sum(1 for h in getekend if not h.geldig)
    if ongeldig:
        fouten.append(f"{ongeldig} ONGELDIG")
    if not controle.herkomst.gelijk:
        fouten.append("de PDF is NIET wat zijn agendabestand geeft (zie herkomst)")
    return f"NIET IN ORDE: {telling}; {'; '.join(fouten)}."
