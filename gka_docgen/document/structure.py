"""The document's fields, declared once: what each table and section holds, in order.

Every field of an agenda is a `Rubriek`: its YAML key, the label the template prints
(from `text.py`), its kind, whether a definitief document may leave it empty, and
whether it belongs to the addendum only. A table or section is a `Groep` of them.
What follows reads this declaration instead of repeating it:

- the rendering context: the rows of each intervention and community table, the
  Toelichting's sections, the budget's columns (`render/context.py`);
- the import: the labels it looks for and how it reads each value (`importing/from_docx.py`);
- the comparison: which values are amounts or dates (`document/compare.py`, and the YAML
  writer that keeps them unquoted);
- the completeness rule of a definitief document (`document/rules.py`);
- the scaffold of `new` (which fields an agenda leaves out), the test strategies, and the
  README's field table (`python -m gka_docgen.document.field_table`).

The pydantic model (`model.py`) stays written out for the type checker; a test holds
it to this declaration field by field. The templates keep the order of the sections
(that is layout); the parity tests guard it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from gka_docgen.document import text
from gka_docgen.errors import Pad


class Soort(Enum):
    """What kind of value a field holds: how it is checked, printed, read back and compared."""

    TEKST = "tekst"  # free text: paragraphs and bulleted lists
    KORT = "korte tekst"  # one line
    KEUZE = "keuze"  # one of a few words (soort, status)
    PERIODE = "periode"  # JJJJ-JJJJ
    DATUM = "datum"  # JJJJ-MM-DD in the YAML, '24 november 2019' in the document
    BEDRAG = "bedrag"  # euros: 25000 in the YAML, € 25.000 in the document
    WEBADRES = "webadres"
    EMAIL = "e-mailadres"
    TELEFOON = "telefoonnummer"
    GROEP = "groep"  # a mapping of fields of its own (`deel`)
    LIJST = "lijst"  # a list: of short texts, or of `deel` items


@dataclass(frozen=True)
class Rubriek:
    """One field of the document."""

    sleutel: str  # the YAML key and the model's field name
    label: str  # what the document prints beside or above the value
    soort: Soort
    # What a concept shows for it when empty ("[nog in te vullen: Website]"); the label if "".
    plek_label: str = ""
    mag_leeg: bool = False  # a definitief document may leave it empty
    # Only in an addendum; an agenda leaves the key out. The reason is the rule's message.
    alleen_addendum: str = ""
    deel: Groep | None = None  # GROEP: its fields; LIJST: the fields of each item
    # Other ways documents filled in by hand write the label (the import accepts them).
    andere_labels: tuple[str, ...] = ()
    tussenkop: str = ""  # a row the table prints before this one, with no value
    standaard: str = ""  # the value a left-out key means

    @property
    def plaatshouder(self) -> str:
        return self.plek_label or self.label


@dataclass(frozen=True)
class Groep:
    """A table or section: its fields in the document's order."""

    naam: str  # as the messages name it ("interventie")
    rubrieken: tuple[Rubriek, ...]
    _per_sleutel: dict[str, Rubriek] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_per_sleutel", {r.sleutel: r for r in self.rubrieken})

    def __getitem__(self, sleutel: str) -> Rubriek:
        return self._per_sleutel[sleutel]

    def __iter__(self) -> Iterator[Rubriek]:
        return iter(self.rubrieken)

    @property
    def sleutels(self) -> tuple[str, ...]:
        return tuple(r.sleutel for r in self.rubrieken)


_C = text.CONTACT_LABELS
CONTACTPERSOON = Groep(
    "contactpersoon",
    (
        Rubriek("naam", _C["naam"], Soort.KORT),
        Rubriek("email", _C["email"], Soort.EMAIL),
        Rubriek("telefoon", _C["telefoon"], Soort.TELEFOON),
    ),
)

_I = text.INTERVENTIE_LABELS
INTERVENTIE = Groep(
    "interventie",
    (
        Rubriek("naam", _I["naam"], Soort.KORT),
        Rubriek("betrokken_partijen", _I["betrokken_partijen"], Soort.TEKST),
        Rubriek("doel", _I["doel"], Soort.TEKST),
        Rubriek("doelgroep", _I["doelgroep"], Soort.TEKST),
        Rubriek("locatie", _I["locatie"], Soort.TEKST),
        Rubriek("omschrijving_activiteiten", _I["omschrijving_activiteiten"], Soort.TEKST),
        Rubriek("monitoring_en_evaluatie", _I["monitoring_en_evaluatie"], Soort.TEKST),
        Rubriek("financiering", _I["financiering"], Soort.TEKST),
        Rubriek(
            "website",
            text.WEBSITE,
            Soort.WEBADRES,
            plek_label="Website",
            andere_labels=("Website",),
            tussenkop=text.MEER_INFORMATIE,
        ),
        Rubriek(
            "contactpersoon",
            text.CONTACTPERSOON,
            Soort.GROEP,
            deel=CONTACTPERSOON,
            andere_labels=("Contactpersoon",),
        ),
    ),
)

_M = text.COMMUNITY_LABELS
COMMUNITY = Groep(
    "community",
    (
        Rubriek("naam", _M["naam"], Soort.KORT),
        Rubriek("betrokken_partijen", _M["betrokken_partijen"], Soort.TEKST),
        Rubriek("doel", _M["doel"], Soort.TEKST),
        Rubriek("doelgroep", _M["doelgroep"], Soort.TEKST),
        Rubriek("activiteiten", _M["activiteiten"], Soort.TEKST),
    ),
)

TOELICHTING = Groep(
    "toelichting",
    tuple(
        Rubriek(
            sleutel,
            kop,
            Soort.TEKST,
            alleen_addendum=(
                "het Nationaal Programma Onderwijs begon in 2021"
                if sleutel == "inzet_nationaal_programma_onderwijs"
                else ""
            ),
        )
        for sleutel, kop in text.TOELICHTING.items()
    ),
)

_O = text.ONDERTEKENAAR_LABELS
ONDERTEKENAAR = Groep(
    "ondertekenaar",
    (
        Rubriek("naam", _O["naam"], Soort.KORT),
        Rubriek("functie", _O["functie"], Soort.KORT),
        Rubriek("organisatie", _O["organisatie"], Soort.KORT),
    ),
)

ONDERTEKENING = Groep(
    "ondertekening",
    (
        # Place and date are written by hand at signing: the document prints lines for them.
        Rubriek("plaats", text.PLAATS, Soort.KORT, mag_leeg=True),
        Rubriek("datum", text.DATUM, Soort.DATUM, mag_leeg=True),
        Rubriek("ondertekenaars", "Ondertekenaars", Soort.LIJST, deel=ONDERTEKENAAR),
    ),
)

_K = text.BEGROTING_KOPPEN
BEGROTINGSREGEL = Groep(
    "begrotingsregel",
    (
        Rubriek("interventie", _K[0], Soort.KORT),
        Rubriek("omschrijving", _K[1], Soort.TEKST),
        Rubriek("bijdrage_ocw", _K[2], Soort.BEDRAG),
        Rubriek("cofinanciering", _K[3], Soort.BEDRAG),
    ),
)

BEGROTING = Groep(
    "begroting",
    (
        Rubriek("maximum_ocw", "Maximum OCW", Soort.BEDRAG, standaard="100000"),
        Rubriek("regels", "Begrotingsregels", Soort.LIJST, deel=BEGROTINGSREGEL),
    ),
)

AGENDA = Groep(
    "agenda",
    (
        Rubriek("gemeente", "Gemeente", Soort.KORT),
        Rubriek("soort", "Soort", Soort.KEUZE),
        Rubriek("periode", "Periode", Soort.PERIODE),
        Rubriek("status", "Status", Soort.KEUZE),
        Rubriek("themas", "Thema’s", Soort.LIJST),
        Rubriek("toelichting", text.TOELICHTING_KOP, Soort.GROEP, deel=TOELICHTING),
        Rubriek("bestuurlijk_overleg", text.BESTUURLIJK_OVERLEG_KOP, Soort.TEKST),
        Rubriek("interventies", "Interventies", Soort.LIJST, deel=INTERVENTIE),
        Rubriek("communities", "Communities", Soort.LIJST, deel=COMMUNITY),
        Rubriek("ondertekening", text.ONDERTEKENING_KOP, Soort.GROEP, deel=ONDERTEKENING),
        Rubriek("begroting", "Activiteitenplan & begroting", Soort.GROEP, deel=BEGROTING),
    ),
)


def alle(groep: Groep = AGENDA, pad: Pad = ()) -> Iterator[tuple[Pad, Rubriek]]:
    """Every field with its path, lists as `*`: ('interventies', '*', 'website')."""
    for r in groep:
        eigen = (*pad, r.sleutel)
        yield eigen, r
        if r.deel is not None:
            yield from alle(r.deel, (*eigen, "*") if r.soort is Soort.LIJST else eigen)


def rubriek(pad: Pad) -> Rubriek | None:
    """The field at `pad` (list positions as numbers or `*`), or None for none."""
    groep: Groep | None = AGENDA
    gevonden: Rubriek | None = None
    for deel in pad:
        if isinstance(deel, int) or deel == "*":
            continue
        if groep is None or deel not in groep.sleutels:
            return None
        gevonden = groep[str(deel)]
        groep = gevonden.deel
    return gevonden


def soort(pad: Pad) -> Soort | None:
    gevonden = rubriek(pad)
    return gevonden.soort if gevonden else None


def sleutels_van(*soorten: Soort) -> frozenset[str]:
    """The keys of every field of these kinds, wherever they stand."""
    return frozenset(r.sleutel for _, r in alle() if r.soort in soorten)


def leeg(groep: Groep, *, addendum: bool = True, voorbeelden: bool = False) -> dict[str, Any]:
    """The group's fields, every one empty (groups of empty fields, lists empty or, with
    `voorbeelden`, holding one empty item); without the addendum's own fields unless
    `addendum`."""
    data: dict[str, Any] = {}
    for r in groep:
        if r.alleen_addendum and not addendum:
            continue
        if r.soort is Soort.LIJST:
            data[r.sleutel] = [leeg(r.deel)] if voorbeelden and r.deel is not None else []
        elif r.soort is Soort.GROEP and r.deel is not None:
            data[r.sleutel] = leeg(r.deel, addendum=addendum, voorbeelden=voorbeelden)
        else:
            data[r.sleutel] = r.standaard
    return data
