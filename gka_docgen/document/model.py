"""One GKA-Agenda or Addendum as data.

The YAML keys and the fields here are the same Dutch words, taken from the
template's labels. Every scalar arrives as the exact text the person typed
(see `load.py`); the annotated types below turn it into a value or give a
Dutch message. Rules that involve more than one field live in `rules.py`.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from gka_docgen.document import text

# Characters XML 1.0 cannot hold (C0 controls other than tab and newline),
# plus DEL, the C1 controls, lone surrogates and the two non-characters.
_VERBODEN_TEKENS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_MAX_TEKST = 20_000
_MAX_KORT = 300


def _fout(fouttype: str, melding: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(fouttype, melding, ctx or None)


def _als_tekst(waarde: object) -> str:
    """A scalar as text: None (an empty YAML value) is the empty string."""
    if waarde is None:
        return ""
    if isinstance(waarde, str):
        return waarde
    if isinstance(waarde, list):
        raise _fout("gka_type", "moet tekst zijn, maar is een lijst")
    if isinstance(waarde, dict):
        raise _fout(
            "gka_type",
            "moet tekst zijn, maar is een sectie met velden (staat het volgende veld te ver ingesprongen?)",
        )
    # Only reachable from Python callers; the loader hands over strings.
    raise _fout("gka_type", "moet tekst zijn")


def _controleer_tekens(tekst: str) -> str:
    gevonden = _VERBODEN_TEKENS.search(tekst)
    if gevonden:
        teken = gevonden.group()
        raise _fout(
            "gka_teken",
            "bevat het onzichtbare stuurteken U+{code} op positie {positie}; "
            "dat kan in een document niet bestaan: verwijder het",
            code=f"{ord(teken):04X}",
            positie=gevonden.start() + 1,
        )
    return tekst


def _tekst(waarde: object) -> str:
    tekst = _controleer_tekens(_als_tekst(waarde))
    if len(tekst) > _MAX_TEKST:
        raise _fout(
            "gka_lengte",
            "is {lengte} tekens lang; het maximum is {max} tekens",
            lengte=len(tekst),
            max=_MAX_TEKST,
        )
    return tekst


def _kort(waarde: object) -> str:
    tekst = _controleer_tekens(_als_tekst(waarde))
    if "\n" in tekst.strip():
        raise _fout("gka_regel", "moet op één regel staan")
    if len(tekst) > _MAX_KORT:
        raise _fout(
            "gka_lengte",
            "is {lengte} tekens lang; het maximum is {max} tekens",
            lengte=len(tekst),
            max=_MAX_KORT,
        )
    return tekst.strip()


_URL = re.compile(
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+(?::\d{1,5})?(?:[/?#]\S*)?"
)
_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+"
)
_TELEFOON = re.compile(r"\+?[0-9 ()-]+")


def _url(waarde: object) -> str:
    url = _kort(waarde)
    if url and not _URL.fullmatch(url):
        raise _fout(
            "gka_url",
            "is geen geldig webadres; schrijf het volledig, bijvoorbeeld https://www.almere.nl/onderwijs",
        )
    return url


def _email(waarde: object) -> str:
    adres = _kort(waarde)
    if adres and not _EMAIL.fullmatch(adres):
        raise _fout("gka_email", "is geen geldig e-mailadres; bijvoorbeeld naam@gemeente.nl")
    return adres


def _telefoon(waarde: object) -> str:
    nummer = _kort(waarde)
    if nummer and (not _TELEFOON.fullmatch(nummer) or sum(c.isdigit() for c in nummer) < 6):
        raise _fout(
            "gka_telefoon",
            "is geen telefoonnummer; gebruik cijfers, spaties, '-' en '+', bijvoorbeeld 036 539 9999",
        )
    return nummer


# Whole euros or with cents after a comma or point; ",-" ends whole euros (100000,-).
_BEDRAG = re.compile(r"(?P<getal>-?\d+)(?:[.,](?P<centen>\d{1,2})|,-)?")
# With a euro sign the amount is written the Dutch way: points between thousands,
# a comma before the cents (€ 25.000, € 12.500,50, € 100.000,-).
_EUROBEDRAG = re.compile(r"€\s*(?P<getal>-?\d{1,3}(?:\.\d{3})+|-?\d+)(?:,(?P<centen>\d{1,2})|,-)?")


def _bedrag(waarde: object) -> Decimal | None:
    if isinstance(waarde, Decimal | int) and not isinstance(waarde, bool):
        getal = Decimal(waarde)
    else:
        tekst = _als_tekst(waarde).strip()
        if not tekst:
            return None
        euro = tekst.startswith("€")
        gevonden = (_EUROBEDRAG if euro else _BEDRAG).fullmatch(tekst)
        if not gevonden and euro:
            raise _fout(
                "gka_bedrag",
                "'{tekst}' is geen bedrag; met een €-teken schrijft u het zoals in een brief, "
                "met punten tussen de duizendtallen en een komma voor de centen: "
                "€ 12.500 of € 12.500,50 (of zonder €: 12500)",
                tekst=tekst,
            )
        if not gevonden:
            raise _fout(
                "gka_bedrag",
                "'{tekst}' is geen bedrag; schrijf hele euro's zonder punt voor de duizendtallen, "
                "bijvoorbeeld 12500 of 12500,50 (of met €-teken: € 12.500)",
                tekst=tekst,
            )
        getal = Decimal(gevonden["getal"].replace(".", "") + "." + (gevonden["centen"] or "0"))
    if getal < 0:
        raise _fout("gka_bedrag", "mag niet negatief zijn")
    if getal >= Decimal("1e12"):
        raise _fout("gka_bedrag", "is onwaarschijnlijk groot; controleer het bedrag")
    return getal


def _datum(waarde: object) -> date | None:
    if isinstance(waarde, date):
        return waarde
    tekst = _als_tekst(waarde).strip()
    if not tekst:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", tekst):
        raise _fout(
            "gka_datum",
            "'{tekst}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2019-11-24",
            tekst=tekst,
        )
    try:
        return date.fromisoformat(tekst)
    except ValueError as exc:
        raise _fout("gka_datum", "de datum {tekst} bestaat niet", tekst=tekst) from exc


def _periode(waarde: object) -> str:
    tekst = _kort(waarde)
    gevonden = re.fullmatch(r"(\d{4})-(\d{4})", tekst)
    if not gevonden:
        raise _fout(
            "gka_periode",
            "'{tekst}' is geen periode; schrijf JJJJ-JJJJ, bijvoorbeeld 2021-2024",
            tekst=tekst,
        )
    begin, eind = int(gevonden[1]), int(gevonden[2])
    if not 2000 <= begin <= 2100:
        raise _fout("gka_periode", "het beginjaar {begin} is onwaarschijnlijk", begin=begin)
    if eind <= begin:
        raise _fout(
            "gka_periode",
            "het eindjaar {eind} moet na het beginjaar {begin} liggen",
            eind=eind,
            begin=begin,
        )
    return tekst


# Words of letters joined by spaces, apostrophes, hyphens, dots, commas or brackets:
# 's-Hertogenbosch, Súdwest-Fryslân, Bergen (NH.). No digits, slashes or underscores.
_GEMEENTENAAM = re.compile(r"['’]?[^\W\d_]+(?:[ '’(),.-]+[^\W\d_]+)*[.)]*")


def _gemeentenaam(waarde: object) -> str:
    naam = _kort(waarde)
    if not naam:
        raise _fout("gka_leeg", "is leeg; vul de naam van de gemeente in")
    if len(naam) > 80:
        raise _fout(
            "gka_gemeente",
            "is {lengte} tekens lang; een gemeentenaam is hoogstens 80 tekens",
            lengte=len(naam),
        )
    if not _GEMEENTENAAM.fullmatch(naam):
        raise _fout(
            "gka_gemeente",
            "'{naam}' is geen gemeentenaam; gebruik letters, spaties, apostrof, koppelteken, "
            "punt, komma en haakjes, zoals 's-Hertogenbosch of Bergen (NH.)",
            naam=naam,
        )
    return naam


def _lijst(waarde: object) -> object:
    """An empty YAML value where a list belongs means an empty list."""
    return [] if waarde is None or waarde == "" else waarde


def _schema(beschrijving_type: str | list[str]) -> WithJsonSchema:
    return WithJsonSchema({"type": beschrijving_type})


# Editors validate with YAML 1.2 types, where `0612345678` is a number and an empty
# value is null; our loader reads both as text, so the schema allows them too.
_TEKST_SCHEMA = _schema(["string", "number", "null"])

Tekst = Annotated[str, BeforeValidator(_tekst), _TEKST_SCHEMA]
Kort = Annotated[str, BeforeValidator(_kort), _TEKST_SCHEMA]
Url = Annotated[str, BeforeValidator(_url), _TEKST_SCHEMA]
Email = Annotated[str, BeforeValidator(_email), _TEKST_SCHEMA]
Telefoon = Annotated[str, BeforeValidator(_telefoon), _TEKST_SCHEMA]
Bedrag = Annotated[Decimal | None, BeforeValidator(_bedrag), _schema(["number", "string", "null"])]
Datum = Annotated[date | None, BeforeValidator(_datum), _schema(["string", "null"])]
# The examples are also the stand-ins `partial` puts in place of an invalid value.
Periode = Annotated[
    str, BeforeValidator(_periode), WithJsonSchema({"type": "string", "examples": ["2021-2024"]})
]
Gemeentenaam = Annotated[
    str, BeforeValidator(_gemeentenaam), WithJsonSchema({"type": "string", "examples": ["Almere"]})
]


class _Deel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _veld(titel: str, beschrijving: str, **kwargs: Any) -> Any:
    """A field with its Dutch label (the JSON Schema's title) and what belongs in it."""
    return Field(title=titel, description=beschrijving, **kwargs)


def _lijstveld(titel: str, beschrijving: str) -> Any:
    return Field(default_factory=list, title=titel, description=beschrijving)


L = text.INTERVENTIE_LABELS
C = text.COMMUNITY_LABELS
T = text.TOELICHTING


class Contactpersoon(_Deel):
    naam: Kort = _veld("Naam", "Naam van de contactpersoon (project en/of gemeente).")
    email: Email = _veld(
        "E-mail", "E-mailadres van de contactpersoon, bijvoorbeeld naam@gemeente.nl."
    )
    telefoon: Telefoon = _veld("Telefoon", "Telefoonnummer van de contactpersoon.")


class Interventie(_Deel):
    naam: Kort = _veld(L["naam"], f"{L['naam']}.")
    betrokken_partijen: Tekst = _veld(
        L["betrokken_partijen"], f"{L['betrokken_partijen']}: scholen, organisaties."
    )
    doel: Tekst = _veld(L["doel"], f"{L['doel']}: wat de interventie wil bereiken.")
    doelgroep: Tekst = _veld(L["doelgroep"], f"{L['doelgroep']}: voor wie de interventie is.")
    locatie: Tekst = _veld(L["locatie"], f"{L['locatie']}.")
    omschrijving_activiteiten: Tekst = _veld(
        L["omschrijving_activiteiten"], f"{L['omschrijving_activiteiten']}."
    )
    monitoring_en_evaluatie: Tekst = _veld(
        L["monitoring_en_evaluatie"], f"{L['monitoring_en_evaluatie']}."
    )
    financiering: Tekst = _veld(
        L["financiering"], f"{L['financiering']}: hoe de interventie wordt betaald."
    )
    website: Url = _veld("Website", "Meer informatie - Website, volledig adres met https://.")
    contactpersoon: Contactpersoon = _veld(
        "Contactpersoon", "Meer informatie - Contactpersoon (project en/of gemeente)."
    )


class Community(_Deel):
    naam: Kort = _veld(
        C["naam"], f"{C['naam']}, bijvoorbeeld: " + ", ".join(text.BEKENDE_COMMUNITIES) + "."
    )
    betrokken_partijen: Tekst = _veld(C["betrokken_partijen"], f"{C['betrokken_partijen']}.")
    doel: Tekst = _veld(C["doel"], f"{C['doel']}.")
    doelgroep: Tekst = _veld(C["doelgroep"], f"{C['doelgroep']}.")
    activiteiten: Tekst = _veld(C["activiteiten"], f"{C['activiteiten']}.")


class Toelichting(_Deel):
    aanleiding_en_uitdagingen: Tekst = _veld(
        T["aanleiding_en_uitdagingen"], f"{T['aanleiding_en_uitdagingen']}."
    )
    inzet_gemeente: Tekst = _veld(T["inzet_gemeente"], f"{T['inzet_gemeente']}.")
    inzet_nationaal_programma_onderwijs: Tekst | None = _veld(
        T["inzet_nationaal_programma_onderwijs"],
        f"{T['inzet_nationaal_programma_onderwijs']}. Alleen in een addendum (2021-2024); "
        "laat dit veld weg in een agenda.",
        default=None,
    )
    samenwerking_met_de_gelijke_kansen_alliantie: Tekst = _veld(
        T["samenwerking_met_de_gelijke_kansen_alliantie"],
        f"{T['samenwerking_met_de_gelijke_kansen_alliantie']}.",
    )
    kennis: Tekst = _veld(T["kennis"], f"{T['kennis']}.")
    en_verder: Tekst = _veld(T["en_verder"], f"{T['en_verder']}")


class Ondertekenaar(_Deel):
    naam: Kort = _veld("Naam", "Naam van wie tekent.")
    functie: Kort = _veld(
        "Functie", "Functie, bijvoorbeeld Wethouder Onderwijs of Minister van OCW."
    )
    organisatie: Kort = _veld(
        "Organisatie", "Organisatie, bijvoorbeeld Gemeente Almere of het bevoegd gezag."
    )


class Ondertekening(_Deel):
    plaats: Kort = _veld(
        "Plaats", "Plaats van ondertekening; leeg laten om met de hand in te vullen."
    )
    datum: Datum = _veld(
        "Datum", "Datum van ondertekening als JJJJ-MM-DD; leeg laten om met de hand in te vullen."
    )
    ondertekenaars: list[Ondertekenaar] = _veld(
        "Ondertekenaars",
        "Wie tekenen: de wethouder, de minister(s) van OCW, vaak het bevoegd gezag. Minstens één.",
    )


class Begrotingsregel(_Deel):
    interventie: Kort = _veld(
        "Interventie", "De naam van een interventie hierboven, precies zoals daar geschreven."
    )
    omschrijving: Tekst = _veld(
        "Omschrijving", "Korte omschrijving van wat met het geld wordt gedaan."
    )
    bijdrage_ocw: Bedrag = _veld("Bijdrage OCW", "Bijdrage van OCW in euro's, bijvoorbeeld 25000.")
    cofinanciering: Bedrag = _veld(
        "Cofinanciering", "Cofinanciering (gemeente, scholen, partners) in euro's."
    )


class Begroting(_Deel):
    maximum_ocw: Annotated[
        Bedrag, Field(title="Maximum OCW", description="Maximale bijdrage van OCW in euro's.")
    ] = Decimal(100_000)
    regels: Annotated[list[Begrotingsregel], BeforeValidator(_lijst)] = _lijstveld(
        "Begrotingsregels", "Eén regel per interventie die OCW meefinanciert."
    )


class Agenda(_Deel):
    """A GKA-Agenda (2019-2021) or Addendum (2021-2024) of one municipality."""

    gemeente: Gemeentenaam = _veld("Gemeente", "Naam van de gemeente, in haar eigen spelling.")
    soort: Literal["agenda", "addendum"] = _veld(
        "Soort", "agenda (de eerste GKA-Agenda) of addendum (de verlenging 2021-2024)."
    )
    periode: Periode = _veld("Periode", "Looptijd als JJJJ-JJJJ, bijvoorbeeld 2021-2024.")
    status: Literal["concept", "definitief"] = _veld(
        "Status",
        "concept (lege velden worden zichtbaar gemarkeerd) of definitief (alles ingevuld).",
    )
    themas: Annotated[list[Kort], BeforeValidator(_lijst)] = _lijstveld(
        "Thema’s", "De eigen thema’s van de gemeente, bijvoorbeeld Extra onderwijs."
    )
    toelichting: Toelichting = _veld("Toelichting", "Toelichting: de zes teksten van het sjabloon.")
    bestuurlijk_overleg: Tekst = _veld(
        "Bestuurlijk overleg", "Agenda Afspraak - Bestuurlijk overleg."
    )
    interventies: Annotated[list[Interventie], BeforeValidator(_lijst)] = _lijstveld(
        "Interventies", "Agenda Afspraak: één tabel per interventie."
    )
    communities: Annotated[list[Community], BeforeValidator(_lijst)] = _lijstveld(
        "Communities", "De communities van de GKA waaraan de gemeente deelneemt."
    )
    ondertekening: Ondertekening = _veld(
        "Ondertekening bevoegd gezag", "Ondertekening bevoegd gezag."
    )
    begroting: Begroting = _veld(
        "Activiteitenplan & begroting", "Bijlage 1. Activiteitenplan & begroting."
    )
