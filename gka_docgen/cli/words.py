"""Typer's and Click's own words in Dutch: the help screens and the usage errors.

Typer 0.29 carries its own copy of Click with its English words written into the
code, so no translation catalogue reaches them. Three hooks do: the help panels'
titles are module settings of `typer.rich_utils`; the usage line and the help
option's text come from methods our command classes override; and a usage error
reaches `cli.main` (the app runs with standalone_mode=False), which says it in
Dutch with `gebruiksfout`.

Typer also shows each parameter's Python type (`<bool>`, `<path>`, `<list[Path]>`)
and keeps the line breaks of a docstring inside its paragraphs. Our command
classes give each parameter a Dutch placeholder instead (the metavar given in
`cli.py`, else one by kind: BESTAND, TEKST, N; none for a flag) and join every
paragraph into one, so the terminal wraps it.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

import typer.rich_utils
from pydantic import ValidationError
from typer._click import exceptions as click_fouten
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

GEBRUIK = "Gebruik: "
HULP = "Toon deze hulp en stop."

typer.rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenten"
typer.rich_utils.OPTIONS_PANEL_TITLE = "Opties"
typer.rich_utils.COMMANDS_PANEL_TITLE = "Opdrachten"
typer.rich_utils.ERRORS_PANEL_TITLE = "Fout"
typer.rich_utils.ABORTED_TEXT = "Afgebroken."
typer.rich_utils.DEFAULT_STRING = "[standaard: {}]"
typer.rich_utils.REQUIRED_LONG_STRING = "[verplicht]"
typer.rich_utils.ENVVAR_STRING = "[omgevingsvariabele: {}]"
typer.rich_utils.DEPRECATED_STRING = "(verouderd) "
typer.rich_utils.RICH_HELP = "Zie [blue]'{command_path} {help_option}'[/] voor hulp."


def alineas(tekst: str) -> str:
    """Each paragraph of `tekst` on one line, so the terminal wraps it where it fits."""
    return "\n\n".join(" ".join(a.split()) for a in inspect.cleandoc(tekst).split("\n\n"))


def plaatshouder(param: TyperOption) -> str | None:
    """The Dutch word for an option's value in the help; None for a flag (it takes none)."""
    if param.is_flag:
        return None
    if param.metavar is not None:
        return str(param.metavar)
    soort = param.type_descriptor
    if soort.is_choice:
        return "|".join(str(getattr(c, "value", c)) for c in soort.choices or ())
    if soort.is_path:
        return "MAP" if soort.path_type == "dir" else "BESTAND"
    if soort.annotation in (int, float) or soort.is_ranged:
        return "N"
    return "TEKST"


class _Optie(TyperOption):
    def display_type_rich(self, ctx: Any) -> str | None:
        return plaatshouder(self)

    def _get_number_range_help_str(self) -> str | None:
        """'minstens 1', '0 tot en met 65535' instead of Python's 'x>=1'."""
        laag, hoog = self.min, self.max
        if laag is not None and hoog is not None:
            return f"{laag} tot en met {hoog}"
        if laag is not None:
            return f"minstens {laag}"
        if hoog is not None:
            return f"hoogstens {hoog}"
        return None


class _Argument(TyperArgument):
    """Named by its metavar (PDF, PADEN) in the usage line and the panel; no type beside it."""

    @property
    def display_name_raw(self) -> str:
        return str(self.metavar) if self.metavar is not None else str(self.name).upper()

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        naam = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return naam + ("..." if self.nargs != 1 else "")


class _NederlandsMixin:
    help: str | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.help:
            self.help = alineas(self.help)
        for param in self.params:  # type: ignore[attr-defined]
            if type(param) is TyperOption:
                param.__class__ = _Optie
            elif type(param) is TyperArgument:
                param.__class__ = _Argument
            if param.help:
                param.help = alineas(param.help)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=GEBRUIK)

    def get_help_option(self, ctx: Any) -> Any:
        optie = super().get_help_option(ctx)  # type: ignore[misc]
        if optie is not None:
            optie.help = HULP
            if type(optie) is TyperOption:
                optie.__class__ = _Optie
        return optie


class NederlandseOpdracht(_NederlandsMixin, TyperCommand):
    """A command whose help screen speaks Dutch."""


class NederlandseGroep(_NederlandsMixin, TyperGroup):
    """The tool itself: its help screen speaks Dutch."""


def _waarde_fout(fout: click_fouten.BadParameter) -> str:
    """Pydantic's and Typer's English reason for a bad option value, in Dutch."""
    oorzaak = fout.__cause__
    if isinstance(oorzaak, ValidationError) and oorzaak.errors():
        detail = oorzaak.errors()[0]
        waarde = detail.get("input")
        ctx = detail.get("ctx") or {}
        if detail["type"] in {"int_parsing", "int_from_float"}:
            return f"'{waarde}' is geen geheel getal"
        if detail["type"] in {"greater_than_equal", "greater_than"}:
            return f"'{waarde}' is te klein; het minimum is {ctx.get('ge', ctx.get('gt'))}"
        if detail["type"] == "value_error":
            gekozen = re.fullmatch(r"Value error, (.+) is not one of (.+)\.", detail["msg"])
            if gekozen:
                return f"{gekozen[1]} kan niet; kies {gekozen[2].replace(', ', ' of ')}"
        return f"'{waarde}' is geen geldige waarde"
    return "ongeldige waarde"


def gebruiksfout(fout: click_fouten.UsageError) -> str:
    """A usage error as one Dutch sentence, with where to read how it is used."""
    opdracht = fout.ctx.command_path if fout.ctx is not None else "gka-docgen"
    if isinstance(fout, click_fouten.NoSuchOption):
        zin = f"de optie {fout.option_name} bestaat niet"
        if fout.possibilities:
            zin += f"; bedoelde u {' of '.join(sorted(fout.possibilities))}?"
    elif isinstance(fout, click_fouten.MissingParameter):
        naam = fout.param.get_error_hint() if fout.param else "een waarde"
        soort = (
            "het argument"
            if fout.param_type == "argument"
            or (fout.param is not None and fout.param.param_type_name == "argument")
            else "de optie"
        )
        zin = f"{soort} {naam.replace(chr(39), '')} ontbreekt"
    elif isinstance(fout, click_fouten.BadParameter):
        naam = fout.param.get_error_hint() if fout.param else "een optie"
        zin = f"{naam.replace(chr(39), '')}: {_waarde_fout(fout)}"
    elif isinstance(fout, click_fouten.BadOptionUsage):
        zin = f"de optie {fout.option_name} heeft een waarde nodig"
        if "does not take a value" in fout.message:
            zin = f"de optie {fout.option_name} neemt geen waarde"
    elif (
        extra := re.match(r"Got unexpected extra argument\S* \((.*)\)", fout.message)
    ) is not None:
        zin = f"onverwacht extra argument: {extra[1]}"
    elif (onbekend := re.match(r"No such command '(.*)'", fout.message)) is not None:
        zin = f"de opdracht '{onbekend[1]}' bestaat niet"
    else:
        zin = fout.message
    return f"{zin}; zie {opdracht} --help"
