"""The template's fixed Dutch text, in one place.

Every sentence that the GKA-Agenda template prints verbatim lives here and
nowhere else: the DOCX and the PDF both receive it through the rendering
context (`context.py`), so the two formats cannot drift apart. Sentences are
copied from the blank template (`shared/seeds/003_*.txt`) and DOMAIN.md.
"""

from __future__ import annotations

from typing import Final

# --- Opening page -----------------------------------------------------------

MOTTO: Final = "“It takes a village to raise a child.”"

INTRO: Final = (
    "Alle kinderen en jongeren hebben recht op gelijke kansen in het onderwijs. "
    "Het is belangrijk dat de talenten van alle kinderen en jongeren optimaal benut worden. "
    "Dat is niet alleen van groot belang voor de toekomst van kinderen en jongeren zelf, "
    "maar ook voor de toekomst van onze samenleving. Wij werken daarom samen met scholen, "
    "onderwijsinstellingen, ouders en maatschappelijke organisaties om gelijke kansen in "
    "het onderwijs te bevorderen. Zo maken we het verschil!"
)

# The three pillars, in their real order (the seed's PDF extraction displaced two headings).
PIJLERS: Final = (
    (
        "Verbinding",
        "Wij verbinden de leefwerelden school, thuis en omgeving, ter bevordering van een "
        "veilige en stimulerende omgeving voor alle kinderen en jongeren.",
    ),
    (
        "Effectiviteit",
        "Wij maken op basis van ondersteunende data en onderzoek scherpe analyses. "
        "Deze analyses worden ingezet bij het vormgeven van effectieve interventies.",
    ),
    (
        "Kennisdeling",
        "Wij werken actief samen en delen lokaal, regionaal en landelijk opgedane kennis "
        "met elkaar. Zo leren we samen het telkens beter te doen.",
    ),
)


def themas_zin(gemeente: str) -> str:
    """Introduces the municipality's own themes (wording of the GKA municipality pages)."""
    return f"Gemeente {gemeente} zet actief in op de thema’s:"


def titel(gemeente: str) -> str:
    return f"Gelijke Kansen voor alle kinderen en jongeren in gemeente {gemeente}"


def periode_zin(periode: str, gemeente: str) -> str:
    return (
        f"Wij voeren in de periode {periode} samen een GKA-agenda uit om kansengelijkheid "
        f"te bevorderen en talent maximaal te ontwikkelen in gemeente {gemeente}. "
        "Wij zetten in op:"
    )


# --- Document kind ------------------------------------------------------------

SOORT_NAAM: Final = {"agenda": "Agenda", "addendum": "Addendum"}
# The period of each kind: the first agenda, and the addendum that extended it.
STANDAARD_PERIODE: Final = {"agenda": "2019-2021", "addendum": "2021-2024"}


def documentnaam(soort: str, periode: str) -> str:
    """'GKA-Addendum 2021-2024': the subtitle, header and file-name stem."""
    return f"GKA-{SOORT_NAAM[soort]} {periode}"


def korte_titel(soort: str, periode: str, gemeente: str) -> str:
    """The running header of every page."""
    return f"{documentnaam(soort, periode)} gemeente {gemeente}"


CONCEPT_MARK: Final = "CONCEPT"


# The footer reads "Pagina X van Y"; the numbers are page fields, so the words stand alone.
PAGINA: Final = "Pagina"
VAN: Final = "van"


# --- Toelichting ---------------------------------------------------------------


def gelijke_kansen_kop(gemeente: str) -> str:
    return f"Gelijke Kansen in Gemeente {gemeente}"


TOELICHTING_KOP: Final = "Toelichting"

# Field name in the YAML -> the template's heading. Order is the template's.
TOELICHTING: Final = {
    "aanleiding_en_uitdagingen": "Aanleiding en uitdagingen",
    "inzet_gemeente": "Inzet gemeente",
    "inzet_nationaal_programma_onderwijs": "Inzet vanuit het Nationaal Programma Onderwijs",
    "samenwerking_met_de_gelijke_kansen_alliantie": "Samenwerking met de Gelijke Kansen Alliantie",
    "kennis": "Kennis",
    "en_verder": "En verder…",
}

# --- Agenda Afspraak -------------------------------------------------------------

AGENDA_AFSPRAAK_KOP: Final = "Agenda Afspraak"
BESTUURLIJK_OVERLEG_KOP: Final = "Bestuurlijk overleg"

INTERVENTIE_LABELS: Final = {
    "naam": "Naam/titel interventie",
    "betrokken_partijen": "Betrokken partijen",
    "doel": "Doel interventie",
    "doelgroep": "Doelgroep",
    "locatie": "Locatie (wijk, school)",
    "omschrijving_activiteiten": "Omschrijving activiteiten",
    "monitoring_en_evaluatie": "Monitoring en evaluatie",
    "financiering": "Financiering",
}
MEER_INFORMATIE: Final = "Meer informatie"
WEBSITE: Final = "- Website"
CONTACTPERSOON: Final = "- Contactpersoon (project en/of gemeente)"

CONTACT_LABELS: Final = {"naam": "Naam", "email": "E-mail", "telefoon": "Telefoon"}

COMMUNITY_LABELS: Final = {
    "naam": "Naam Community",
    "betrokken_partijen": "Betrokken partijen",
    "doel": "Doel Community",
    "doelgroep": "Doelgroep",
    "activiteiten": "Activiteiten",
}

# The real GKA communities, offered in the scaffold and the schema as examples.
BEKENDE_COMMUNITIES: Final = (
    "Community Urban Education",
    "Omgaan met Armoede op Scholen",
    "Extra Onderwijs",
    "Loopbaanleren",
    "Taalontwikkeling",
)

# --- Taken en Rollen ---------------------------------------------------------------

TAKEN_EN_ROLLEN_KOP: Final = "Taken en Rollen"
SAMENWERKING_KOP: Final = "Samenwerking"


def gemeente_kop(gemeente: str) -> str:
    return f"Gemeente {gemeente}"


VERPLICHTINGEN: Final = (
    "Voert twee keer per jaar bestuurlijk (wethouder) overleg met de Gelijke Kansen Alliantie;",
    "Organiseert minimaal 1 keer per jaar een kennissessie rondom interventies, onderzoeken, "
    "professionalisering en thema’s uit de GKA-agenda.",
    "Levert een actieve bijdrage aan kennisdeling tussen gemeenten onderling, bijvoorbeeld door "
    "eigen interventies of best practices te delen via de online en offline kanalen van de "
    "Gelijke Kansen Alliantie.",
    "Neemt deel aan de landelijke kennisdelingsagenda",
)

# --- Ondertekening -------------------------------------------------------------------

ONDERTEKENING_KOP: Final = "Ondertekening bevoegd gezag"
ONDERTEKENAAR_LABELS: Final = {
    "naam": "Naam",
    "functie": "Functie",
    "organisatie": "Organisatie",
}
PLAATS: Final = "Plaats"
DATUM: Final = "Datum"
HANDTEKENING: Final = "Handtekening"

# The Office signature line of a definitief DOCX (Word: Invoegen > Handtekeningregel).
_LIDWOORD: Final = {"agenda": "deze", "addendum": "dit"}


def handtekening_titel(functie: str, organisatie: str) -> str:
    """The signer's title under the signature line: 'Wethouder Onderwijs, Gemeente Almere'."""
    return f"{functie}, {organisatie}"


def handtekening_instructie(soort: str, periode: str, organisatie: str) -> str:
    """What Word's signing dialog tells the signer."""
    return f"Onderteken {_LIDWOORD[soort]} {documentnaam(soort, periode)} namens {organisatie}."


def veld_uitleg(label: str, naam: str) -> str:
    """A PDF form field's description (/TU), what a screen reader announces:
    'Handtekening van Natasja Groothuismink', 'Plaats van ondertekening door Dennis Wiersma'."""
    if label == HANDTEKENING:
        return f"{HANDTEKENING} van {naam}"
    return f"{label} van ondertekening door {naam}"


# --- Bijlage 1 -------------------------------------------------------------------------

BIJLAGE_KOP: Final = "Bijlage 1. Activiteitenplan & begroting"


def bijlage_zin(soort: str, maximum: str) -> str:
    """The appendix's fixed sentence; `maximum` is already formatted ('100.000,-')."""
    return (
        f"Voor het uitvoeren van de in deze Gelijke Kansen Alliantie {SOORT_NAAM[soort]} "
        "opgenomen interventies, stelt het Ministerie van Onderwijs, Cultuur en Wetenschap "
        f"aanvullend maximaal {maximum} beschikbaar. In deze bijlage wordt een korte "
        "omschrijving gegeven van de hiermee uit te voeren interventies en besteding van de "
        "daartoe bestemde middelen."
    )


BEGROTING_KOPPEN: Final = (
    "Interventie",
    "Omschrijving",
    "Bijdrage OCW",
    "Cofinanciering",
    "Totaal",
)
TOTAAL: Final = "Totaal"

# The headings of the template's parts (the Toelichting's own headings aside).
VASTE_KOPPEN: Final = (
    TOELICHTING_KOP,
    AGENDA_AFSPRAAK_KOP,
    TAKEN_EN_ROLLEN_KOP,
    SAMENWERKING_KOP,
    ONDERTEKENING_KOP,
    BIJLAGE_KOP,
)

# --- Placeholders in a concept ---------------------------------------------------------


def nog_in_te_vullen(label: str) -> str:
    """What an empty field of a concept shows instead of its value."""
    return f"[nog in te vullen: {label}]"


def onvolledig_totaal(bedrag: str) -> str:
    """A concept's total over amounts still missing: not to be read as final."""
    return f"{bedrag} [onvolledig]"


# --- Document properties ---------------------------------------------------------------

ONDERWERP: Final = "Gelijke Kansen Alliantie"
TREFWOORDEN: Final = ("Gelijke Kansen Alliantie", "GKA", "kansengelijkheid", "onderwijs")

# --- The comparison report (compare --rapport) -------------------------------------------

RAPPORT_TITEL: Final = "Vergelijking van twee versies"
RAPPORT_OUD: Final = "Oud"
RAPPORT_NIEUW: Final = "Nieuw"
RAPPORT_LABELS: Final = {
    "bestand": "Bestand",
    "document": "Document",
    "status": "Status",
    "datum": "Datum van het bestand",
}
RAPPORT_SAMENVATTING: Final = "Samenvatting"
RAPPORT_WIJZIGINGEN: Final = "Wijzigingen"
RAPPORT_LEGENDA: Final = "Doorgehaald: verwijderd. Onderstreept: toegevoegd."
STATUS_ONBEKEND: Final = "niet vermeld"
