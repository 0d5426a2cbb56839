"""Shared by the PDF and signing tests: rendering, reading back."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from gka_docgen.document.paragraphs import Blok, Regel
from gka_docgen.render.context import Context, Veldentabel, bouw
from gka_docgen.source.load import GeladenAgenda, laad

HIER = Path(__file__).resolve().parent
DATA = HIER / "data" / "pdf"
DEFINITIEF = DATA / "almere-definitief.yaml"
CONCEPT = DATA / "almere-concept.yaml"
EMOJI = DATA / "emoji.yaml"


def render(pad: Path) -> tuple[GeladenAgenda, Context, bytes]:
    from gka_docgen.render.pdf import render_pdf

    geladen = laad(pad)
    context = bouw(geladen.agenda)
    pdf = render_pdf(context, geladen.bron, geladen.pad.name)
    return geladen, context, pdf


def zonder_plaats(map_: Path) -> Path:
    """Almere's definitief agenda with place and date both left to be written in."""
    tekst = DEFINITIEF.read_text(encoding="utf-8")
    assert '  plaats: "Almere"\n' in tekst
    pad = map_ / DEFINITIEF.name
    pad.write_text(tekst.replace('  plaats: "Almere"\n', '  plaats: ""\n'), encoding="utf-8")
    return pad


def pdftotext(pdf: Path, *opties: str) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *opties, str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def pdffonts(pdf: Path) -> list[list[str]]:
    uit = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    return [regel.split() for regel in uit.splitlines()[2:] if regel.strip()]


def normaal(tekst: str) -> str:
    """Whitespace collapsed; a line break after a hyphen or slash does not count, and a
    word hyphenated at a line's end (WeasyPrint draws U+2010 there) is whole again."""
    tekst = re.sub("\u2010\\s+", "", tekst)
    return re.sub(r"([-/])\s+", r"\1", re.sub(r"\s+", " ", tekst)).strip()


def _veld(blokken: tuple[Blok, ...]) -> list[str]:
    return [r.tekst for b in blokken for r in b.regels]


def _tabel(t: Veldentabel) -> list[str]:
    uit: list[str] = []
    for rij in t.rijen:
        uit += [rij.label, *_veld(rij.waarde)]
    return uit


def _r(r: Regel) -> list[str]:
    return [r.tekst] if r.tekst else []


def verwachte_teksten(c: Context) -> list[str]:
    """Every fixed sentence and every value, in the order the context lists them."""
    t = [
        c.opening.titel,
        c.document.documentnaam,
        c.opening.motto,
        c.opening.intro,
        c.opening.periode_zin,
    ]
    for p in c.opening.pijlers:
        t += [p.kop, p.tekst]
    if c.opening.themas:
        t += [c.opening.themas_zin, *(r.tekst for r in c.opening.themas)]
    t += [c.toelichting.titel, c.toelichting.kop]
    for s in c.toelichting.secties:
        t += [s.kop, *_veld(s.tekst)]
    t += [
        c.afspraak.kop,
        c.afspraak.bestuurlijk_overleg_kop,
        *_veld(c.afspraak.bestuurlijk_overleg),
    ]
    for tabel in (*c.afspraak.interventies, *c.afspraak.communities):
        t += _tabel(tabel)
    t += [c.taken.kop, c.taken.samenwerking_kop, c.taken.gemeente_kop, *c.taken.verplichtingen]
    t += [c.ondertekening.kop]
    for o in c.ondertekening.ondertekenaars:
        t += [
            c.ondertekening.naam_label,
            o.naam.tekst,
            c.ondertekening.functie_label,
            o.functie.tekst,
        ]
        t += [
            c.ondertekening.organisatie_label,
            o.organisatie.tekst,
            c.ondertekening.plaats_label,
            *_r(c.ondertekening.plaats),
        ]
        t += [
            c.ondertekening.datum_label,
            *_r(c.ondertekening.datum),
            c.ondertekening.handtekening_label,
        ]
    t += [c.bijlage.kop, c.bijlage.zin, *c.bijlage.koppen]
    for b in c.bijlage.begroting:
        t += [b.interventie.tekst, *_veld(b.omschrijving), b.bijdrage_ocw.tekst]
        t += [b.cofinanciering.tekst, b.totaal.tekst]
    t += [
        c.bijlage.totaal_label,
        c.bijlage.totaal_ocw.tekst,
        c.bijlage.totaal_cofinanciering.tekst,
        c.bijlage.totaal.tekst,
    ]
    return t


def zonder_paginarand(tekst: str, c: Context) -> str:
    """The text without running header, footer and CONCEPT mark (they interrupt paragraphs)."""
    tekst = tekst.replace(c.document.korte_titel, " ")
    tekst = re.sub(rf"{c.document.pagina}\s+\d+\s+{c.document.van}\s+\d+", " ", tekst)
    return tekst.replace(c.document.concept_mark, " ") if c.document.concept else tekst
