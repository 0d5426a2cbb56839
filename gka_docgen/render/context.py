"""Agenda -> the one rendering context both the DOCX and the PDF receive.

Everything a template prints is here, ready to print: the fixed sentences from
`text.py` with name, period and kind filled in, amounts and dates formatted in
Dutch, free text split into paragraphs and bulleted lists, and every empty
field of a concept replaced by its visible placeholder. Templates only lay
this out; they hold no text and make no decisions about content.
"""

from __future__ import annotations

import dataclasses
import json
import typing
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from gka_docgen.document import model, structure, text
from gka_docgen.document.formatting import bedrag, bedrag_template, datum
from gka_docgen.document.model import Agenda
from gka_docgen.document.paragraphs import Blok, Regel, Tekstblokken, blokken_van
from gka_docgen.document.structure import Groep, Rubriek, Soort

TAAL = "nl-NL"


@dataclass(frozen=True)
class Rij:
    """A row of a two-column table: the template's label and the filled value."""

    label: str
    waarde: Tekstblokken


@dataclass(frozen=True)
class Veldentabel:
    """The table of one intervention or community."""

    naam: Regel
    rijen: tuple[Rij, ...]


@dataclass(frozen=True)
class Sectie:
    kop: str
    tekst: Tekstblokken


@dataclass(frozen=True)
class Pijler:
    kop: str
    tekst: str


@dataclass(frozen=True)
class Handtekeningregel:
    """An Office signature line for one signatory (a definitief DOCX only)."""

    nummer: int  # the signatory's place, from 1
    id: str  # '{GUID}': from the document and `nummer`, the same in every build
    ondertekenaar: str
    functie: str
    organisatie: str
    titel: str  # function and organisation on one line, as Word's dialog shows it
    instructie: str


@dataclass(frozen=True)
class Ondertekenaarblok:
    naam: Regel
    functie: Regel
    organisatie: Regel
    handtekeningregel: Handtekeningregel


@dataclass(frozen=True)
class Begrotingsrij:
    interventie: Regel
    omschrijving: Tekstblokken
    bijdrage_ocw: Regel
    cofinanciering: Regel
    totaal: Regel


@dataclass(frozen=True)
class Document:
    """What every page and the file's properties say of the document."""

    gemeente: str
    soort: str
    periode: str
    concept: bool
    documentnaam: str
    korte_titel: str
    concept_mark: str
    taal: str
    auteur: str
    onderwerp: str
    trefwoorden: tuple[str, ...]
    pagina: str  # "Pagina"
    van: str  # "van"


@dataclass(frozen=True)
class Opening:
    """1. The opening page."""

    titel: str
    motto: str
    intro: str
    periode_zin: str
    pijlers: tuple[Pijler, ...]
    themas_zin: str
    themas: tuple[Regel, ...]


@dataclass(frozen=True)
class Toelichting:
    """2. Toelichting."""

    titel: str  # "Gelijke Kansen in Gemeente X"
    kop: str
    secties: tuple[Sectie, ...]


@dataclass(frozen=True)
class Afspraak:
    """3. Agenda Afspraak."""

    kop: str
    bestuurlijk_overleg_kop: str
    bestuurlijk_overleg: Tekstblokken
    interventies: tuple[Veldentabel, ...]
    communities: tuple[Veldentabel, ...]


@dataclass(frozen=True)
class TakenEnRollen:
    """4. Taken en Rollen."""

    kop: str
    samenwerking_kop: str
    gemeente_kop: str
    verplichtingen: tuple[str, ...]


@dataclass(frozen=True)
class Ondertekening:
    """5. Ondertekening bevoegd gezag."""

    kop: str
    ondertekenaars: tuple[Ondertekenaarblok, ...]
    plaats: Regel  # empty text: a line to write on
    datum: Regel  # empty text: a line to write on
    naam_label: str
    functie_label: str
    organisatie_label: str
    plaats_label: str
    datum_label: str
    handtekening_label: str


@dataclass(frozen=True)
class Bijlage:
    """6. Bijlage 1. Activiteitenplan & begroting."""

    kop: str
    zin: str
    koppen: tuple[str, ...]
    begroting: tuple[Begrotingsrij, ...]
    totaal_label: str
    totaal_ocw: Regel  # over a missing amount: marked as incomplete, like a placeholder
    totaal_cofinanciering: Regel
    totaal: Regel


@dataclass(frozen=True)
class Context:
    """Everything both templates print, by section in the document's order."""

    document: Document
    opening: Opening
    toelichting: Toelichting
    afspraak: Afspraak
    taken: TakenEnRollen
    ondertekening: Ondertekening
    bijlage: Bijlage

    def als_json(self) -> str:
        """The context as sorted JSON: a stable, reviewable golden file."""
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, indent=1, sort_keys=True)


def _open(label: str) -> Regel:
    return Regel(text.nog_in_te_vullen(label), open=True)


def regel(waarde: str, label: str) -> Regel:
    """A one-line value, or the placeholder of `label` when it is empty."""
    return Regel(waarde) if waarde.strip() else _open(label)


def veld(waarde: str, label: str) -> Tekstblokken:
    """Free text -> paragraphs and bulleted lists, or the placeholder when empty.

    A blank line starts a new paragraph; lines that start with "- " (or "• ")
    form a bulleted list; other line breaks inside a paragraph are spaces, so
    text wrapped by an editor flows as one paragraph.
    """
    blokken = blokken_van(waarde)
    return blokken or (Blok("alinea", (_open(label),)),)


def _alinea(r: Regel) -> Blok:
    return Blok("alinea", (r,))


def _waarde(r: Rubriek, waarde: object) -> Tekstblokken:
    """One field's value as its table row prints it: text as paragraphs and lists, a
    group (the contact) a line per field, anything else one line; an empty field of a
    concept its placeholder, an optional one an empty line."""
    if r.deel is not None and isinstance(waarde, BaseModel):
        return tuple(b for sub in r.deel for b in _waarde(sub, getattr(waarde, sub.sleutel)))
    if waarde is None or waarde == "":
        return (_alinea(Regel("") if r.mag_leeg else _open(r.plaatshouder)),)
    if r.soort is Soort.TEKST:
        return veld(str(waarde), r.plaatshouder)
    if r.soort is Soort.BEDRAG and isinstance(waarde, Decimal):
        return (_alinea(Regel(bedrag(waarde))),)
    if r.soort is Soort.DATUM and isinstance(waarde, date):
        return (_alinea(Regel(datum(waarde))),)
    if r.soort is Soort.WEBADRES:
        return (_alinea(Regel(str(waarde), url=str(waarde))),)
    return (_alinea(regel(str(waarde), r.plaatshouder)),)


def _tabel(groep: Groep, item: BaseModel) -> Veldentabel:
    """The table of one intervention or community: a row per field of `groep`; its first
    row's line names the table."""
    rijen: list[Rij] = []
    for r in groep:
        if r.tussenkop:
            rijen.append(Rij(r.tussenkop, ()))
        rijen.append(Rij(r.label, _waarde(r, getattr(item, r.sleutel))))
    return Veldentabel(rijen[0].waarde[0].regels[0], tuple(rijen))


def _som(bedragen: Iterable[Decimal | None]) -> Decimal:
    return sum((b for b in bedragen if b is not None), Decimal(0))


def _bedrag_regel(waarde: Decimal | None, label: str) -> Regel:
    return Regel(bedrag(waarde)) if waarde is not None else _open(label)


def _totaal(bedragen: Iterable[Decimal | None]) -> Regel:
    """A sum; over a missing amount (a concept) it says it is incomplete, so it never
    reads as final."""
    lijst = list(bedragen)
    som = bedrag(_som(lijst))
    if None in lijst:
        return Regel(text.onvolledig_totaal(som), open=True)
    return Regel(som)


def _handtekeningregel(agenda: Agenda, nummer: int, o: model.Ondertekenaar) -> Handtekeningregel:
    sleutel = f"gka-docgen:{agenda.soort}:{agenda.periode}:{agenda.gemeente}:{nummer}"
    return Handtekeningregel(
        nummer=nummer,
        id="{" + str(uuid.uuid5(uuid.NAMESPACE_URL, sleutel)).upper() + "}",
        ondertekenaar=o.naam,
        functie=o.functie,
        organisatie=o.organisatie,
        titel=text.handtekening_titel(o.functie, o.organisatie),
        instructie=text.handtekening_instructie(agenda.soort, agenda.periode, o.organisatie),
    )


def bouw(agenda: Agenda) -> Context:
    """Build the rendering context of one agenda."""
    g = agenda.gemeente
    toelichting = [
        Sectie(r.label, veld(waarde or "", r.label))
        for r in structure.TOELICHTING
        if (waarde := getattr(agenda.toelichting, r.sleutel)) is not None or not r.alleen_addendum
    ]
    kolom = {r.sleutel: r.label for r in structure.BEGROTINGSREGEL}
    regels = agenda.begroting.regels
    begroting = tuple(
        Begrotingsrij(
            interventie=regel(r.interventie, kolom["interventie"]),
            omschrijving=veld(r.omschrijving, kolom["omschrijving"]),
            bijdrage_ocw=_bedrag_regel(r.bijdrage_ocw, kolom["bijdrage_ocw"]),
            cofinanciering=_bedrag_regel(r.cofinanciering, kolom["cofinanciering"]),
            totaal=_totaal([r.bijdrage_ocw, r.cofinanciering]),
        )
        for r in regels
    )
    maximum = agenda.begroting.maximum_ocw
    assert maximum is not None  # rules.py refuses an empty maximum
    ondertekening = agenda.ondertekening
    o_labels = text.ONDERTEKENAAR_LABELS
    return Context(
        document=Document(
            gemeente=g,
            soort=agenda.soort,
            periode=agenda.periode,
            concept=agenda.status == "concept",
            documentnaam=text.documentnaam(agenda.soort, agenda.periode),
            korte_titel=text.korte_titel(agenda.soort, agenda.periode, g),
            concept_mark=text.CONCEPT_MARK,
            taal=TAAL,
            auteur=text.gemeente_kop(g),
            onderwerp=text.ONDERWERP,
            trefwoorden=text.TREFWOORDEN,
            pagina=text.PAGINA,
            van=text.VAN,
        ),
        opening=Opening(
            titel=text.titel(g),
            motto=text.MOTTO,
            intro=text.INTRO,
            periode_zin=text.periode_zin(agenda.periode, g),
            pijlers=tuple(Pijler(kop, zin) for kop, zin in text.PIJLERS),
            themas_zin=text.themas_zin(g),
            themas=tuple(Regel(t) for t in agenda.themas if t),
        ),
        toelichting=Toelichting(
            titel=text.gelijke_kansen_kop(g),
            kop=text.TOELICHTING_KOP,
            secties=tuple(toelichting),
        ),
        afspraak=Afspraak(
            kop=text.AGENDA_AFSPRAAK_KOP,
            bestuurlijk_overleg_kop=text.BESTUURLIJK_OVERLEG_KOP,
            bestuurlijk_overleg=veld(agenda.bestuurlijk_overleg, text.BESTUURLIJK_OVERLEG_KOP),
            interventies=tuple(_tabel(structure.INTERVENTIE, i) for i in agenda.interventies),
            communities=tuple(_tabel(structure.COMMUNITY, c) for c in agenda.communities),
        ),
        taken=TakenEnRollen(
            kop=text.TAKEN_EN_ROLLEN_KOP,
            samenwerking_kop=text.SAMENWERKING_KOP,
            gemeente_kop=text.gemeente_kop(g),
            verplichtingen=text.VERPLICHTINGEN,
        ),
        ondertekening=Ondertekening(
            kop=text.ONDERTEKENING_KOP,
            ondertekenaars=tuple(
                Ondertekenaarblok(
                    naam=regel(o.naam, o_labels["naam"]),
                    functie=regel(o.functie, o_labels["functie"]),
                    organisatie=regel(o.organisatie, o_labels["organisatie"]),
                    handtekeningregel=_handtekeningregel(agenda, nummer, o),
                )
                for nummer, o in enumerate(ondertekening.ondertekenaars, 1)
            ),
            plaats=Regel(ondertekening.plaats),
            datum=Regel(datum(ondertekening.datum) if ondertekening.datum else ""),
            naam_label=o_labels["naam"],
            functie_label=o_labels["functie"],
            organisatie_label=o_labels["organisatie"],
            plaats_label=text.PLAATS,
            datum_label=text.DATUM,
            handtekening_label=text.HANDTEKENING,
        ),
        bijlage=Bijlage(
            kop=text.BIJLAGE_KOP,
            zin=text.bijlage_zin(agenda.soort, bedrag_template(maximum)),
            koppen=(*kolom.values(), text.TOTAAL),
            begroting=begroting,
            totaal_label=text.TOTAAL,
            totaal_ocw=_totaal(r.bijdrage_ocw for r in regels),
            totaal_cofinanciering=_totaal(r.cofinanciering for r in regels),
            totaal=_totaal(b for r in regels for b in (r.bijdrage_ocw, r.cofinanciering)),
        ),
    )


def velden() -> set[str]:
    """Names a template may use: the sections of `Context` (for the contract tests)."""
    return {f.name for f in dataclasses.fields(Context)}


def paden() -> set[str]:
    """What a template may print of a section: 'opening.titel', 'bijlage.begroting', ..."""
    return {
        f"{naam}.{veld.name}"
        for naam, sectie in typing.get_type_hints(Context).items()
        for veld in dataclasses.fields(sectie)
    }


def als_dict(context: Context) -> dict[str, Any]:
    """The context as the top-level namespace of a template (fields, not copies)."""
    return {f.name: getattr(context, f.name) for f in dataclasses.fields(Context)}
