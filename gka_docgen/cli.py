"""The `gka-docgen` command: arguments, printing and exit codes; no logic.

Exit codes: 0 all is well, 1 invalid data or a refused operation, 2 wrong usage.
Core modules raise `DocgenError`s; this module is the one place that turns
them into Dutch lines. Rendering libraries are imported inside the commands
that need them, so `check` and `--help` start quickly.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal, NoReturn

import typer

from gka_docgen.errors import DocgenError
from gka_docgen.paths import OngeldigPad, agenda_bestanden

app = typer.Typer(
    name="gka-docgen",
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


def _stop(melding: str, code: int) -> NoReturn:
    typer.echo(f"gka-docgen: {melding}", err=True)
    raise typer.Exit(code)


@app.command()
def new(
    naam: Annotated[
        str, typer.Argument(help="Naam van de gemeente, bijvoorbeeld 's-Hertogenbosch.")
    ],
    soort: Annotated[
        Soort, typer.Option(help="agenda (2019-2021) of addendum (2021-2024).")
    ] = "addendum",
    periode: Annotated[
        str | None, typer.Option(help="Looptijd JJJJ-JJJJ; standaard die van de soort.")
    ] = None,
    map_: Annotated[Path, typer.Option("--map", help="Map waarin het bestand komt.")] = Path(
        "agendas"
    ),
) -> None:
    """Maak een nieuw agendabestand met alle velden en uitleg (concept)."""
    from gka_docgen.errors import OngeldigeAgenda
    from gka_docgen.scaffold import nieuw

    try:
        doel = nieuw(naam, soort, periode, map_)
    except OngeldigeAgenda as fout:  # the name or period given on the command line
        _stop("; ".join(f"{'.'.join(map(str, p.pad))}: {p.melding}" for p in fout.problemen), 2)
    typer.echo(f"{doel} gemaakt. Vul het in en controleer het met: gka-docgen check {doel}")


@app.command()
def check(
    paden: Paden = None,
    definitief: Annotated[
        bool, typer.Option("--definitief", help="Eis dat elk veld is ingevuld, ook in een concept.")
    ] = False,
) -> None:
    """Controleer agendabestanden en meld elk probleem met bestand, regel en veld."""
    from gka_docgen.check import controleer

    uitslag = controleer(agenda_bestanden(paden), definitief=definitief)
    for probleem in uitslag.problemen:
        typer.echo(str(probleem))
    n = uitslag.gecontroleerd
    if uitslag.problemen:
        typer.echo(
            f"{n} {'bestand' if n == 1 else 'bestanden'} gecontroleerd: {uitslag.ongeldig} "
            f"met problemen ({len(uitslag.problemen)} in totaal)."
        )
        raise typer.Exit(1)
    typer.echo(f"{n} {'bestand' if n == 1 else 'bestanden'} gecontroleerd: alles in orde.")


@app.command()
def build(
    paden: Paden = None,
    format_: Annotated[
        Literal["docx", "pdf", "all"],
        typer.Option("--format", help="Welke bestanden: docx, pdf of all (beide)."),
    ] = "all",
    uit: Annotated[Path, typer.Option("--uit", help="Map voor de gemaakte bestanden.")] = Path(
        "out"
    ),
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Aantal processen; standaard één per processorkern."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Maak alles opnieuw, ook wat niet veranderd is.")
    ] = False,
) -> None:
    """Maak de DOCX en/of PDF van agenda's in out/<gemeente>/ (alleen wat veranderd is)."""
    from gka_docgen.build import FORMATEN, bouw_alles
    from gka_docgen.progress import Voortgang

    bestanden = agenda_bestanden(paden)
    formaten = FORMATEN if format_ == "all" else (format_,)
    with Voortgang(len(bestanden)) as voortgang:
        resultaat = bouw_alles(
            bestanden, formaten, uit, jobs=jobs, forceer=force, bij_uitslag=voortgang.stap
        )
    for probleem in resultaat.problemen:
        typer.echo(str(probleem), err=True)
    gebouwd = resultaat.met_status("gebouwd")
    ongewijzigd = resultaat.met_status("ongewijzigd")
    mislukt = resultaat.met_status("mislukt")
    render_tijd = sum(u.seconden for u in gebouwd)
    typer.echo(
        f"{len(gebouwd)} gemaakt, {len(ongewijzigd)} ongewijzigd, {len(mislukt)} mislukt "
        f"in {resultaat.seconden:.1f} s"
        + (f" (gemiddeld {render_tijd / len(gebouwd):.2f} s per agenda)" if gebouwd else "")
        + f"; uitvoer in {uit}/"
    )
    if mislukt:
        raise typer.Exit(1)


@app.command()
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
    from gka_docgen.extract import pak_uit

    typer.echo(f"gemaakt: {pak_uit(pdf, uit, force=force)}")


@app.command()
def sign(
    pdf: Annotated[Path, typer.Argument(help="De PDF met handtekeningvelden.")],
    veld: Annotated[str, typer.Option("--veld", help="Naam van het handtekeningveld.")],
    p12: Annotated[
        Path, typer.Option("--p12", help="Certificaat met sleutel (PKCS#12, .p12/.pfx).")
    ],
    uit: Annotated[
        Path | None,
        typer.Option("--uit", help="De getekende PDF; standaard <naam>-getekend.pdf."),
    ] = None,
) -> None:
    """Onderteken één handtekeningveld (PAdES); de andere velden blijven leeg.

    Het wachtwoord van het certificaat komt uit de omgevingsvariabele
    GKA_P12_WACHTWOORD of wordt (verborgen) gevraagd.
    """
    import os

    from gka_docgen.sign import WACHTWOORD_VARIABELE, teken_bestand

    wachtwoord = os.environ.get(WACHTWOORD_VARIABELE)
    if wachtwoord is None:
        wachtwoord = typer.prompt("Wachtwoord van het certificaat", hide_input=True)
    doel = teken_bestand(pdf, veld, p12, wachtwoord.encode(), uit)
    typer.echo(f"getekend: {doel}")


@app.command()
def schema() -> None:
    """Druk het JSON Schema van het YAML-bestand af (voor VS Code en andere editors)."""
    from gka_docgen.scaffold import schema_json

    sys.stdout.write(schema_json())


def main() -> None:
    try:
        app()
    except OngeldigPad as fout:
        _melding_en_exit(str(fout), 2)
    except DocgenError as fout:
        _melding_en_exit(str(fout), 1)


def _melding_en_exit(melding: str, code: int) -> NoReturn:
    print(f"gka-docgen: {melding}", file=sys.stderr)
    sys.exit(code)


if __name__ == "__main__":
    main()
