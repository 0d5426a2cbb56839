"""The `gka-docgen` command: arguments, printing and exit codes; no logic.

Exit codes: 0 all is well, 1 invalid data or a refused operation, 2 wrong usage,
3 an error in gka-docgen itself, 4 (verify only) right so far but not signed by
everyone yet, 130/143 interrupted (Ctrl-C, SIGTERM).
Core modules raise `DocgenError`s; `main` is the one error boundary that turns
them, an interruption and anything unexpected into Dutch lines and exit codes.
Commands print only through `uitvoer`. Rendering libraries are imported inside
the commands that need them, so `check` and `--help` start quickly.
"""

from __future__ import annotations

import os
import signal
import sys


def _vroeg_onderbroken(signaal: int, _frame: object) -> None:
    """Ctrl-C or SIGTERM while the tool is still importing: nothing is written yet."""
    naam = "Ctrl-C" if signaal == signal.SIGINT else "SIGTERM"
    os.write(2, f"gka-docgen: onderbroken ({naam})\n".encode())
    os._exit(128 + signaal)


# First, with only what Python has loaded at start: the imports below take a moment.
signal.signal(signal.SIGINT, _vroeg_onderbroken)
signal.signal(signal.SIGTERM, _vroeg_onderbroken)

from gka_docgen.cli import signals

signals.vang()  # from here on, a clean stop with what was finished

import logging
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn

import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer._completion_classes import completion_init
from typer.exceptions import Abort

from gka_docgen.cli import output as uitvoer
from gka_docgen.cli.output import meervoud
from gka_docgen.cli.words import NederlandseGroep, NederlandseOpdracht, gebruiksfout
from gka_docgen.errors import (
    DocgenError,
    Onderbroken,
    OngeldigeAgenda,
    Onvergelijkbaar,
    pad_tekst,
)
from gka_docgen.source.paths import OngeldigPad, agenda_bestanden

if TYPE_CHECKING:
    from gka_docgen.importing.importer import GelezenVersie

# What to do with tracked changes still open in a DOCX (import and compare).
Wijzigingskeuze = Annotated[
    Literal["accepteren", "weigeren"] | None,
    typer.Option(
        "--wijzigingen",
        help="Wat met bijgehouden wijzigingen (Track Changes) die nog open staan.",
    ),
]

app = typer.Typer(
    name="gka-docgen",
    cls=NederlandseGroep,
    options_metavar="[OPTIES]",
    subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
    help="Maakt van één YAML-bestand per gemeente de GKA-Agenda of het Addendum (DOCX en PDF).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Soort = Literal["agenda", "addendum"]
Paden = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Agendabestanden of mappen; standaard alles in agendas/.", show_default=False
    ),
]


# Shell completion without Typer's English --install-completion options: the README
# says how (eval "$(_GKA_DOCGEN_COMPLETE=source_bash gka-docgen)").
completion_init()

FOUT_IN_GKA_DOCGEN = 3
DEBUG_VARIABELE = "GKA_DEBUG"


def _toon_versie(waarde: bool) -> None:
    if waarde:
        from gka_docgen.versions import versies

        uitvoer.resultaat("\n".join(versies()))
        raise typer.Exit()


@app.callback()
def _opties(
    versie: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_toon_versie,
            is_eager=True,
            help="Toon de versies van gka-docgen en van de bibliotheken die de bestanden bepalen.",
        ),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="Toon bij een fout in gka-docgen zelf alle details (traceback)."
        ),
    ] = False,
) -> None:
    """Maakt van één YAML-bestand per gemeente de GKA-Agenda of het Addendum (DOCX en PDF)."""


@app.command(cls=NederlandseOpdracht, options_metavar="[OPTIES]")
def new(
    naam: Annotated[
        str, typer.Argument(help="Naam van de gemeente, bijvoorbeeld 's-Hertogenbosch.")
    ],
    soort: Annotated[
        Soort, typer.Option(help="agenda (2019-2021) of addendum (2021-2024).")
    ] = "addendum",
    periode: Annotated[
        str | None, typer.Option(metavar="JJJJ-JJJJ", help="Looptijd; standaard die van de soort.")
    ] = None,
    map_: Annotated[
        Path, typer.Option("--map", metavar="MAP", help="Map waarin het bestand komt.")
    ] = Path("agendas"),
) -> None:
    """Maak een nieuw agendabestand met alle velden en uitleg (concept)."""
    from gka_docgen.source.scaffold import nieuw

    try:
        doel = nieuw(naam, soort, periode, map_)
    except OngeldigeAgenda as fout:  # the name or period given on the command line
        raise OngeldigPad(
            "; ".join(f"{'.'.join(map(str, p.pad))}: {p.melding}" for p in fout.problemen)
        ) from None
    uitvoer.resultaat(f"{doel} gemaakt. Vul het in en controleer het met: gka-docgen check {doel}")


@app.command(cls=NederlandseOpdracht, options_metavar="[OPTIES]")
def extend(
    agenda: Annotated[
        Path, typer.Argument(metavar="BESTAND", help="Het agendabestand van de GKA-Agenda.")
    ],
    uit: Annotated[
        Path | None,
        typer.Option(
            "--uit",
            metavar="BESTAND",
            help="Het nieuwe bestand; standaard <gemeente>-addendum-<periode>.yaml ernaast.",
        ),
    ] = None,
    periode: Annotated[
        str | None,
        typer.Option(metavar="JJJJ-JJJJ", help="Looptijd van het addendum; standaard 2021-2024."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Vervang het addendum als het al bestaat.")
    ] = False,
) -> None:
    """Verleng een agenda: maak het addendum, met alles wat doorloopt (concept)."""
    from gka_docgen.source.extend import EIGEN, verleng

    uitslag = verleng(agenda, uit=uit, periode=periode, vervang=force)
    if uitslag.problemen:
        uitvoer.melding(
            "let op: check vindt in het addendum nog dit (los het op voor je bouwt):",
            *uitslag.problemen,
        )
    uitvoer.resultaat(
        f"{uitslag.doel} gemaakt: het addendum {uitslag.periode}, uit {agenda}. Schrijf de "
        f"nieuwe Inzet vanuit het NPO ({', '.join(f'toelichting.{r.sleutel}' for r in EIGEN)}), "
        "controleer elke regel met "
        f"'# verleng:' en daarna: gka-docgen check {uitslag.doel}"
    )


@app.command(cls=NederlandseOpdracht, options_metavar="[OPTIES]")
def check(
    paden: Paden = None,
    definitief: Annotated[
        bool, typer.Option("--definitief", help="Eis dat elk veld is ingevuld, ook in een concept.")
    ] = False,
) -> None:
    """Controleer agendabestanden en meld elk probleem met bestand, regel en veld."""
    from gka_docgen.source.check import controleer

    uitslag = controleer(agenda_bestanden(paden), definitief=definitief)
    uitvoer.problemen(uitslag.problemen)
    n = meervoud(uitslag.gecontroleerd, "bestand", "bestanden")
    if uitslag.problemen:
        uitvoer.resultaat(
            f"{n} gecontroleerd: {uitslag.ongeldig} met problemen "
            f"({len(uitslag.problemen)} in totaal)."
        )
        raise typer.Exit(1)
    for bestand, open_ in uitslag.nog_in_te_vullen.items():
        velden = ", ".join(pad_tekst(p.pad) for p in open_[:3]) + (", …" if len(open_) > 3 else "")
        uitvoer.melding(
            f"{bestand} is een concept; voor definitief nog in te vullen: {velden} "
            f"(alles, met regelnummers: gka-docgen check --definitief {bestand})"
        )
    uitvoer.resultaat(f"{n} gecontroleerd: alles in orde.")


@app.command(cls=NederlandseOpdracht, options_metavar="[OPTIES]")
def build(
    paden: Paden = None,
    format_: Annotated[
        Literal["docx", "pdf", "all"],
        typer.Option("--format", help="Welke bestanden: docx, pdf of all (beide)."),
    ] = "all",
    uit: Annotated[
        Path, typer.Option("--uit", metavar="MAP", help="Map voor de gemaakte bestanden.")
    ] = Path("out"),
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Aantal processen; standaard één per processorkern."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Maak alles opnieuw, ook wat niet veranderd is.")
    ] = False,
    opruimen_: Annotated[
        bool,
        typer.Option(
            "--opruimen",
            help="Verwijder uit out/ wat gka-docgen maakte maar geen agenda meer maakt.",
        ),
    ] = False,
) -> None:
    """Maak de DOCX en/of PDF van agenda's in out/<gemeente>/ (alleen wat veranderd is)."""
    from gka_docgen.build.batch import FORMATEN, bouw_alles, opruimen
    from gka_docgen.cli.progress import Voortgang

    bestanden = agenda_bestanden(paden)
    formaten = FORMATEN if format_ == "all" else (format_,)
    _meld_harfbuzz(formaten)
    with Voortgang(len(bestanden)) as voortgang:
        try:
            resultaat = bouw_alles(
                bestanden, formaten, uit, jobs=jobs, forceer=force, bij_uitslag=voortgang.stap
            )
        except Onderbroken as onderbroken:
            gemaakt = voortgang.aantal("gebouwd")
            onderbroken.stand = (
                f"{meervoud(gemaakt, 'agenda', 'agenda’s')} gemaakt, "
                f"{len(bestanden) - voortgang.klaar} niet; "
                "gka-docgen build maakt de rest (wat er in out/ staat is heel)"
            )
            raise
    uitvoer.problemen(resultaat.problemen)
    for tekst in resultaat.algemeen:
        uitvoer.melding(tekst)
    gebouwd = resultaat.met_status("gebouwd")
    mislukt = resultaat.met_status("mislukt")
    render_tijd = sum(u.seconden for u in gebouwd)
    if opruimen_ and resultaat.verweesd:
        weg, gewijzigd = opruimen(uit)
        for pad in weg:
            uitvoer.resultaat(f"verwijderd: {uit / pad}")
        for pad in gewijzigd:
            uitvoer.melding(f"{uit / pad} is na het maken veranderd; niet verwijderd")
    elif resultaat.verweesd:
        uitvoer.melding(
            "deze bestanden maakt geen agenda meer (hernoemd of verwijderd); "
            "gka-docgen build --opruimen verwijdert ze:",
            *(str(uit / pad) for pad in resultaat.verweesd),
        )
    uitvoer.resultaat(
        f"{len(gebouwd)} gemaakt, {len(resultaat.met_status('ongewijzigd'))} ongewijzigd, "
        f"{len(mislukt)} mislukt in {resultaat.seconden:.1f} s"
        + (f" (gemiddeld {render_tijd / len(gebouwd):.2f} s per agenda)" if gebouwd else "")
        + f"; uitvoer in {uit}/"
    )
    if mislukt or resultaat.algemeen:
        raise typer.Exit(1)


def _meld_harfbuzz(formaten: tuple[str, ...]) -> None:
    if "pdf" in formaten:
        from gka_docgen.harfbuzz import HARFBUZZ_MELDING, harfbuzz_ontbreekt

        if harfbuzz_ontbreekt():
            uitvoer.melding(HARFBUZZ_MELDING)


@app.command(cls=NederlandseOpdracht, options_metavar="[OPTIES]")
def extract(
    pdf: Annotated[Path, typer.Argument(help="Een PDF die gka-docgen heeft gemaakt.")],
    uit: Annotated[
        Path | None,
        typer.Option("--uit", help="Waar het YAML-bestand komt; standaard naast de PDF."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overschrijf een bestaand bestand.")
    ] = False,
) -> None:
    """Haal het agendabestand (YAML) byte voor byte uit een PDF."""
    from gka_docgen.importing.extract import pak_uit

    uitvoer.resultaat(f"gemaakt: {pak_uit(pdf, uit, force=force)}")


@app.command("import", cls=NederlandseOpdracht, options_metavar="[OPTIES]")
def import_(
    document: Annotated[
        Path,
        typer.Argument(
            help="Een DOCX (bewerkt of met de hand ingevuld) of een PDF (van gka-docgen, of "
            "uit Word: dan naar beste kunnen gelezen)."
        ),
    ],
    uit: Annotated[
        Path | None,
        typer.Option("--uit", help="Het agendabestand; standaard agendas/<gemeente>.yaml."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Schrijf de wijzigingen in een bestaand agendabestand."),
    ] = False,
    vergelijk: Annotated[
        bool,
        typer.Option("--vergelijk", help="Toon alleen de verschillen met het agendabestand."),
    ] = False,
    wijzigingen: Wijzigingskeuze = None,
) -> None:
    """Lees een document terug in het agendabestand (YAML): vergelijk, of schrijf met --force."""
    from gka_docgen.importing.importer import importeer

    uitslag = importeer(
        document, uit, forceer=force, alleen_vergelijken=vergelijk, wijzigingen=wijzigingen
    )
    for opmerking in uitslag.opmerkingen:
        uitvoer.melding(f"let op: {opmerking}")
    if uitslag.commentaren:
        uitvoer.melding("opmerkingen in het document (niet ingelezen):", *uitslag.commentaren)
    if uitslag.niet_ingelezen:
        uitvoer.melding(
            "niet ingelezen: deze tekst staat in geen veld van het sjabloon; zet wat erin "
            "hoort zelf in het agendabestand:",
            *uitslag.niet_ingelezen,
        )
    for verschil in uitslag.verschillen:
        uitvoer.resultaat(str(verschil))
    doel = uitslag.doel
    if uitslag.geschreven:
        wat = "bijgewerkt" if uitslag.verschillen else "gemaakt"
        uitvoer.resultaat(
            f"{doel} {wat}"
            + (" (precies de YAML uit de PDF)" if uitslag.exact else "")
            + f". Controleer het met: gka-docgen check {doel}"
        )
    elif uitslag.verschillen:
        uitvoer.resultaat(
            f"{meervoud(len(uitslag.verschillen), 'verschil', 'verschillen')} met {doel}; "
            f"schrijf ze met: gka-docgen import {document} --force"
        )
    else:
        uitvoer.resultaat(f"geen verschillen met {doel}")


@app.command(cls=NederlandseOpdracht, options_metavar="[OPTIES]")
def sign(
    pdf: Annotated[Path, typer.Argument(help="De PDF met handtekeningvelden.")],
    veld: Annotated[
        str, typer.Option("--veld", metavar="NAAM", help="Naam van het handtekeningveld.")
    ],
    p12: Annotated[
        Path, typer.Option("--p12", help="Certificaat met sleutel (PKCS#12, .p12/.pfx).")
    ],
    uit: Annotated[
        Path | None,
        typer.Option(
            "--uit",
            help="De getekende PDF; standaard <naam>-getekend-1-van-3.pdf, "
            "en <naam>-getekend.pdf als alle velden getekend zijn.",
        ),
    ] = None,
    namens: Annotated[
        bool,
        typer.Option(
            "--namens",
            help="U tekent namens de ondertekenaar van het veld (uw certificaat draagt een "
            "andere naam); de stempel zegt het.",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Overschrijf een bestaand bestand.")
    ] = False,
    plaats: Annotated[
        str | None,
        typer.Option(
            "--plaats",
            metavar="PLAATS",
            help="Plaats van ondertekening, op de regel daarvoor (als de agenda die leeg liet).",
        ),
    ] = None,
    tsa: Annotated[
        str | None,
        typer.Option(
            "--tsa",
            metavar="URL",
            help="Tijdstempeldienst (RFC 3161) die het moment van tekenen vastlegt (PAdES B-T).",
        ),
    ] = None,
    ltv: Annotated[
        bool,
        typer.Option(
            "--ltv",
            help="Sluit de intrekkingsgegevens van de certificaten in, opgehaald bij de "
            "adressen in die certificaten, zodat de handtekening ook later te controleren "
            "is (PAdES B-LT).",
        ),
    ] = False,
    vertrouw: Annotated[
        list[Path] | None,
        typer.Option(
            "--vertrouw",
            metavar="BESTAND",
            help="Met --ltv: stamcertificaat (PEM of DER) waar uw certificaat naar leidt; "
            "mag vaker. Standaard de certificaten die het systeem vertrouwt.",
        ),
    ] = None,
) -> None:
    """Onderteken één handtekeningveld (PAdES); de andere velden blijven leeg.

    Laat de agenda de datum van ondertekening leeg, dan komt de datum van vandaag op de
    regel van deze ondertekenaar; --plaats vult de plaats in.

    Het certificaat moet op naam staan van wie bij het veld hoort (hoofdletters en
    accenten tellen niet), tenzij --namens. Het wachtwoord van het certificaat komt uit
    de omgevingsvariabele GKA_P12_WACHTWOORD of wordt (verborgen) gevraagd.
    """
    from gka_docgen.errors import Weigering
    from gka_docgen.signing.sign import WACHTWOORD_VARIABELE, teken_bestand

    wachtwoord = os.environ.get(WACHTWOORD_VARIABELE)
    if wachtwoord is None:
        if not sys.stdin.isatty():
            raise Weigering(
                f"geen wachtwoord voor het certificaat: zet de omgevingsvariabele "
                f"{WACHTWOORD_VARIABELE} of start gka-docgen sign in een terminal"
            )
        wachtwoord = typer.prompt("Wachtwoord van het certificaat", hide_input=True)
    getekend = teken_bestand(
        pdf, veld, p12, wachtwoord.encode(), uit, namens=namens, force=force, plaats=plaats,
        tsa=tsa, ltv=ltv, vertrouwd=vertrouw or [],
    )  # fmt: skip
    uitvoer.resultaat(f"getekend: {getekend.doel}")
    if getekend.intrekking == 0:
        uitvoer.melding(
            "let op: geen intrekkingsgegevens gevonden (de certificaten noemen geen adres, of "
            "dat antwoordde niet); de handtekening is geldig, maar niet langdurig controleerbaar "
            "(PAdES B-LT)"
        )


@app.command(cls=NederlandseOpdracht, options_metavar="[OPTIES]")
def verify(
    pdf: Annotated[Path, typer.Argument(help="Een (getekende) PDF die gka-docgen heeft gemaakt.")],
    vertrouw: Annotated[
        list[Path] | None,
        typer.Option(
            "--vertrouw",
            metavar="BESTAND",
            help="Stamcertificaat (PEM of DER) dat u vertrouwt; mag vaker. "
            "Standaard de certificaten die het systeem vertrouwt.",
        ),
    ] = None,
    als_json_: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Het verslag als JSON, voor scripts; met de ETSI-indicatie per handtekening.",
        ),
    ] = False,
    vastleggen: Annotated[
        bool,
        typer.Option(
            "--vastleggen",
            help="Leg de validatie vast voor het archief (Archiefregeling art. 24c): "
            "<naam>.validatie.json en <naam>.validatie.txt naast de PDF.",
        ),
    ] = False,
    door: Annotated[
        str | None,
        typer.Option(
            "--door",
            metavar="NAAM",
            help="Met --vastleggen: wie valideert; standaard uw gebruikersnaam.",
        ),
    ] = None,
) -> None:
    """Controleer de handtekeningen van een PDF en of hij precies uit zijn agendabestand komt.

    Afsluitcode 0: compleet; elk handtekeningveld is getekend, elke handtekening is geldig en
    ongeschonden, door de ondertekenaar van het veld (of namens hem of haar), en de pagina's
    zijn die van het ingesloten agendabestand.

    Afsluitcode 4: nog niet compleet, maar er is niets mis; er zijn nog lege
    handtekeningvelden (of geen: een concept).

    Afsluitcode 1: er is iets mis; een handtekening is ongeldig, gezet door een ander, of de
    PDF is na het tekenen veranderd, of de pagina's zijn niet die van het agendabestand, of
    het bestand is geen PDF van gka-docgen.

    Afsluitcode 2: verkeerd gebruik (het bestand bestaat niet, een onbekende optie).
    """
    import json

    from gka_docgen.signing.verify import AFSLUITCODE, controleer_bestand
    from gka_docgen.signing.verify_report import als_json, als_tekst

    controle = controleer_bestand(pdf, vertrouw or [])
    if als_json_:
        uitvoer.resultaat(json.dumps(als_json(controle), ensure_ascii=False, indent=2))
    else:
        uitvoer.resultaat("\n".join(als_tekst(controle)))
    if vastleggen:
        from datetime import UTC, datetime

        from gka_docgen.signing.validation_record import gebruiker, leg_vast, verslag

        gegevens = verslag(controle, vertrouw or [], door or gebruiker(), datetime.now(UTC))
        for pad in leg_vast(pdf, gegevens):
            # Standard output is the JSON alone with --json; the paths go to standard error then.
            (uitvoer.melding if als_json_ else uitvoer.resultaat)(f"vastgelegd: {pad}")
    elif door is not None:
        raise OngeldigPad("--door hoort bij --vastleggen; geef die ook op")
    code = AFSLUITCODE[controle.toestand]
    if code:
        raise typer.Exit(code)


@app.command(cls=NederlandseOpdracht, options_metavar="[OPTIES]")
def compare(
    oud: Annotated[Path, typer.Argument(metavar="OUD", help="De oude versie: YAML, DOCX of PDF.")],
    nieuw: Annotated[
        Path, typer.Argument(metavar="NIEUW", help="De nieuwe versie: YAML, DOCX of PDF.")
    ],
    rapport: Annotated[
        Path | None,
        typer.Option(
            "--rapport",
            metavar="BESTAND",
            help="Schrijf de vergelijking ook als document: .pdf (PDF/A, toegankelijk) of .html.",
        ),
    ] = None,
    word: Annotated[
        Path | None,
        typer.Option(
            "--word",
            metavar="BESTAND.docx",
            help="Schrijf de nieuwe versie als DOCX met elke wijziging als bijgehouden "
            "wijziging: alles accepteren geeft de nieuwe versie, alles weigeren de oude.",
        ),
    ] = None,
    wijzigingen: Wijzigingskeuze = None,
) -> None:
    """Vergelijk twee versies van een agenda: eerst een samenvatting, dan elke wijziging
    woord voor woord.

    Interventies, communities, ondertekenaars en begrotingsregels worden op naam
    gekoppeld: een verplaatste of hernoemde interventie heet zo. Een DOCX of PDF wordt
    gelezen zoals import dat doet.

    Afsluitcode 0: geen verschillen. Afsluitcode 1: de versies verschillen. Afsluitcode 2:
    een versie is niet te lezen, of verkeerd gebruik.
    """
    from gka_docgen.document.versions_compare import regels, samenvatting, vergelijk
    from gka_docgen.document.word_diff import KLEUR, PLAT
    from gka_docgen.importing.importer import lees_versie

    if rapport is not None and rapport.suffix.lower() not in {".pdf", ".html"}:
        raise UsageError(f"--rapport {rapport}: kies een bestandsnaam op .pdf of .html")
    if word is not None and word.suffix.lower() != ".docx":
        raise UsageError(f"--word {word}: kies een bestandsnaam op .docx")
    try:
        versies = (lees_versie(oud, wijzigingen), lees_versie(nieuw, wijzigingen))
    except DocgenError as fout:
        raise Onvergelijkbaar(fout) from None
    uitslag = vergelijk(versies[0].data, versies[1].data)
    kleur = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    uitvoer.resultaat(f"{oud} → {nieuw}: {samenvatting(uitslag)}")
    for regel in regels(uitslag, KLEUR if kleur else PLAT):
        uitvoer.resultaat(regel)
    if rapport is not None:
        from gka_docgen.render.report import schrijf

        schrijf(rapport, uitslag, (oud, versies[0].data), (nieuw, versies[1].data))
        uitvoer.melding(f"rapport gemaakt: {rapport}")
    if word is not None:
        from gka_docgen.writers import schrijf_atomair

        try:
            docx = _met_wijzigingen(versies, (oud, nieuw))
        except OngeldigeAgenda as fout:
            uitvoer.melding(
                f"--word {word}: niet gemaakt: elke versie moet een geldige agenda zijn om haar "
                "DOCX te maken; verbeter wat hieronder staat, of vergelijk zonder --word"
            )
            raise Onvergelijkbaar(fout) from None
        schrijf_atomair(word, docx)
        uitvoer.melding(f"DOCX met bijgehouden wijzigingen gemaakt: {word}")
    if not uitslag.zelfde:
        raise typer.Exit(1)


def _met_wijzigingen(
    versies: tuple[GelezenVersie, GelezenVersie], paden: tuple[Path, Path]
) -> bytes:
    """compare --word: both versions rendered as `build` does, the changes tracked, dated
    when the new version's file was saved. A document the other version's status does not
    fit (a definitief with fields left open) is made as concept, and that is said."""
    from datetime import UTC, datetime

    from gka_docgen.importing.importer import als_agenda
    from gka_docgen.render.docx_changes import AUTEUR, Revisie, agendas_met_wijzigingen

    agendas = []
    for versie, ander, pad in zip(versies, versies[::-1], paden, strict=True):
        agenda = als_agenda(versie, str(pad), ander)
        if (
            versie.yaml is None
            and ander.yaml is not None
            and ander.data.get("status") != agenda.status
        ):
            uitvoer.melding(
                f"{pad}: als {agenda.status} gemaakt, niet als {ander.data.get('status')}: "
                "niet elk veld dat daarvoor nodig is, is ingevuld"
            )
        agendas.append(agenda)
    gewijzigd = datetime.fromtimestamp(int(paden[1].stat().st_mtime), tz=UTC)
    return agendas_met_wijzigingen(agendas[0], agendas[1], Revisie(AUTEUR, gewijzigd))


@app.command("overview", cls=NederlandseOpdracht, options_metavar="[OPTIES]")
def overzicht(
    paden: Paden = None,
    uit: Annotated[
        Path, typer.Option("--uit", metavar="MAP", help="Map met de gemaakte (en getekende) PDF's.")
    ] = Path("out"),
    csv: Annotated[
        Path | None, typer.Option("--csv", help="Schrijf het overzicht ook als CSV-bestand.")
    ] = None,
    xlsx: Annotated[
        Path | None,
        typer.Option("--xlsx", help="Schrijf het overzicht ook als Excel-bestand (.xlsx)."),
    ] = None,
) -> None:
    """Eén regel per agenda: gegevens, problemen en de handtekeningen van de PDF."""
    from gka_docgen.build.overview import KOLOMMEN, als_csv, als_xlsx
    from gka_docgen.build.overview import overzicht as maak_overzicht
    from gka_docgen.writers import schrijf_atomair

    regels = maak_overzicht(agenda_bestanden(paden), uit)
    uitvoer.tabel(KOLOMMEN, [r.als_tekst() for r in regels])
    for doel, inhoud in ((csv, als_csv), (xlsx, als_xlsx)):
        if doel is not None:
            schrijf_atomair(doel, inhoud(regels))
            uitvoer.resultaat(f"gemaakt: {doel}")


@app.command("preview", cls=NederlandseOpdracht, options_metavar="[OPTIES]")
def bekijk(
    agenda: Annotated[Path, typer.Argument(help="Het agendabestand (YAML) om te bekijken.")],
    poort: Annotated[
        int,
        typer.Option(
            "--poort", min=0, max=65535, help="Poort op 127.0.0.1; 0 kiest een vrije poort."
        ),
    ] = 8000,
    niet_openen: Annotated[
        bool, typer.Option("--niet-openen", help="Open de browser niet zelf.")
    ] = False,
) -> None:
    """Toon de pagina's van een agenda in de browser, na elke wijziging opnieuw.

    De pagina's staan er zoals in de PDF, met de problemen die check meldt.
    Er wordt niets geschreven; de PDF en DOCX zijn er te downloaden. Ctrl-C stopt.
    """
    import webbrowser

    from gka_docgen.preview.server import serveer

    if not agenda.is_file():
        raise OngeldigPad(
            f"{agenda} is geen bestand; geef één agendabestand op"
            if agenda.exists()
            else f"{agenda} bestaat niet"
        )
    _meld_harfbuzz(("pdf",))
    server = serveer(agenda, poort)
    try:
        uitvoer.resultaat(f"{agenda} is te bekijken op {server.url} (Ctrl-C stopt)")
        if not niet_openen:
            webbrowser.open(server.url)
        server.serve_forever()
    except Onderbroken as onderbroken:
        onderbroken.stand = "bekijken gestopt; er is niets geschreven"
        raise
    finally:
        server.volger.stop()
        server.server_close()


@app.command(cls=NederlandseOpdracht, options_metavar="[OPTIES]")
def schema() -> None:
    """Druk het JSON Schema van het YAML-bestand af (voor VS Code en andere editors)."""
    from gka_docgen.source.scaffold import schema_json

    uitvoer.resultaat(schema_json().rstrip("\n"))


# Command names are English, as the rest are (and the modules). The Dutch names these two had
# stay as hidden aliases, so scripts and habits keep working.
for _alias, _opdracht in (
    ("overzicht", overzicht),
    ("bekijk", bekijk),
    ("verleng", extend),
    ("vergelijk", compare),
):
    app.command(_alias, cls=NederlandseOpdracht, options_metavar="[OPTIES]", hidden=True)(_opdracht)


def main() -> None:
    """The error boundary: every command runs inside it."""
    debug = "--debug" in sys.argv[1:] or bool(os.environ.get(DEBUG_VARIABELE))
    _stil(debug)
    try:
        code = app(standalone_mode=False, prog_name="gka-docgen")
    except NoArgsIsHelpError as fout:
        uitvoer.resultaat(fout.ctx.get_help() if fout.ctx else "")
        sys.exit(2)
    except UsageError as fout:
        _stop(gebruiksfout(fout), 2)
    except Abort:
        _stop("afgebroken", 1)
    except OngeldigPad as fout:
        _stop(str(fout), 2)
    except Onvergelijkbaar as fout:
        if isinstance(fout.oorzaak, OngeldigeAgenda):
            uitvoer.problemen(fout.oorzaak.problemen)
            sys.exit(2)
        _stop(str(fout), 2)
    except OngeldigeAgenda as fout:  # located lines, as check prints them
        uitvoer.problemen(fout.problemen)
        sys.exit(1)
    except DocgenError as fout:
        _stop(str(fout), 1)
    except Onderbroken as onderbroken:
        uitvoer.melding(signals.beschrijf(onderbroken))
        sys.stdout.flush()
        # Not sys.exit: Python's shutdown joins the process pool's manager thread, which
        # could wait forever for workers the signal had already ended (seen once in about
        # 160 interrupted builds with --jobs 2). Every file is whole already; only the
        # pool's semaphores are left to remove, or the resource tracker warns of them.
        from gka_docgen.build.workers import ruim_semaforen_op

        ruim_semaforen_op()
        os._exit(signals.afsluitcode(onderbroken))
    except Exception as fout:
        if debug:
            raise
        from gka_docgen import crashlog

        kop, waar = crashlog.vastgelegd(fout)
        _stop(
            f"{kop}. {waar[0].upper()}{waar[1:]}; meld het alstublieft, met dat bestand erbij. "
            "Met --debug ziet u de details hier.",
            FOUT_IN_GKA_DOCGEN,
        )
    # The command is done and has said so: a signal now would only cut Python's exit short.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sys.exit(code if isinstance(code, int) else 0)


def _stil(debug: bool) -> None:
    """No Python warning or library log line reaches the user, unless --debug asks for them."""
    logging.captureWarnings(True)
    if debug:
        logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    else:
        warnings.simplefilter("ignore")
        logging.basicConfig(handlers=[logging.NullHandler()])


def _stop(melding: str, code: int) -> NoReturn:
    uitvoer.melding(melding)
    sys.exit(code)


if __name__ == "__main__":
    main()
