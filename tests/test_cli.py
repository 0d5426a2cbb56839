"""The command as a user runs it: exit codes, messages, files written or refused."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gka_docgen.source.load import laad
from tests.conftest import ROOT, run_cli, voorbeeldmap


def test_check_passes_on_the_example_agendas(tmp_path: Path) -> None:
    result = run_cli("check", cwd=voorbeeldmap(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 bestanden gecontroleerd: alles in orde." in result.stdout


def test_new_then_check_works_for_a_name_with_accents(tmp_path: Path) -> None:
    result = run_cli("new", "Súdwest-Fryslân", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    created = tmp_path / "agendas" / "sudwest-fryslan.yaml"
    assert created.is_file()
    assert (tmp_path / "agendas" / "gka-agenda.schema.json").is_file()
    assert created.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=gka-agenda.schema.json\n"
    )
    check = run_cli("check", "agendas/sudwest-fryslan.yaml", cwd=tmp_path)
    assert check.returncode == 0, check.stdout
    agenda = laad(created).agenda
    assert agenda.gemeente == "Súdwest-Fryslân"
    assert agenda.status == "concept"
    assert agenda.soort == "addendum"
    assert agenda.periode == "2021-2024"


def test_new_refuses_to_overwrite_and_leaves_the_file_alone(tmp_path: Path) -> None:
    assert run_cli("new", "'s-Hertogenbosch", cwd=tmp_path).returncode == 0
    created = tmp_path / "agendas" / "s-hertogenbosch.yaml"
    created.write_text("mijn werk\n", encoding="utf-8")
    again = run_cli("new", "'s-Hertogenbosch", cwd=tmp_path)
    assert again.returncode == 1
    assert "bestaat al" in again.stderr
    assert created.read_text(encoding="utf-8") == "mijn werk\n"


def test_new_agenda_has_no_npo_section_and_is_valid(tmp_path: Path) -> None:
    result = run_cli("new", "Hengelo", "--soort", "agenda", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    tekst = (tmp_path / "agendas" / "hengelo.yaml").read_text(encoding="utf-8")
    assert "inzet_nationaal_programma_onderwijs" not in tekst
    assert laad(tmp_path / "agendas" / "hengelo.yaml").agenda.periode == "2019-2021"


def test_new_with_a_path_like_name_is_a_usage_error_and_writes_nothing(tmp_path: Path) -> None:
    result = run_cli("new", "../../etc", cwd=tmp_path)
    assert result.returncode == 2
    assert "geen gemeentenaam" in result.stderr
    assert not (tmp_path / "agendas").exists()


def test_check_definitief_demands_every_field(tmp_path: Path) -> None:
    result = run_cli("check", "--definitief", "agendas/almere.yaml", cwd=voorbeeldmap(tmp_path))
    assert result.returncode == 1
    assert "agendas/almere.yaml:" in result.stderr
    assert "is leeg; in een definitief document moet dit ingevuld zijn" in result.stderr
    assert "1 bestand gecontroleerd: 1 met problemen" in result.stdout


def test_usage_errors_exit_2() -> None:
    missing = run_cli("check", "bestaat-niet.yaml")
    assert missing.returncode == 2
    assert "bestaat-niet.yaml bestaat niet" in missing.stderr
    assert run_cli("new", "Almere", "--soort", "boek").returncode == 2
    assert run_cli("bestaat-niet").returncode == 2


def test_a_folder_without_agendas_says_so_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "agendas").mkdir()
    (tmp_path / "agendas" / "notities.txt").write_text("geen agenda\n", encoding="utf-8")
    for opdracht in ("check", "build"):
        result = run_cli(opdracht, cwd=tmp_path)
        assert result.returncode == 1, opdracht
        assert "geen agendabestanden (.yaml) in agendas/" in result.stderr
        assert not (tmp_path / "out").exists()


def test_schema_titles_are_the_dutch_labels() -> None:
    schema = json.loads(run_cli("schema").stdout)
    velden = [schema["properties"], *(d["properties"] for d in schema["$defs"].values())]

    def titel(v: dict[str, str]) -> str:  # a $ref'ed section named like its class has the class's
        return v.get("title") or schema["$defs"][v["$ref"].rsplit("/", 1)[1]]["title"]

    titels = {naam: titel(v) for props in velden for naam, v in props.items()}
    assert titels["maximum_ocw"] == "Maximum OCW"
    assert titels["themas"] == "Thema’s"
    assert titels["en_verder"] == "En verder…"
    # None is pydantic's generated title ("Bijdrage Ocw", "Monitoring En Evaluatie").
    for props in velden:
        for naam, v in props.items():
            assert titel(v) != naam.replace("_", " ").title() or "_" not in naam, naam


def test_schema_is_valid_json_and_matches_the_committed_file() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False
    assert "interventies" in schema["properties"]


@pytest.mark.parametrize(("args", "zichtbaar"), [(["--help"], "Controleer agendabestanden"),
                                                 (["check"], "alles in orde")])  # fmt: skip
def test_help_and_check_do_not_load_the_renderers(
    args: list[str], zichtbaar: str, tmp_path: Path
) -> None:
    code = (
        f"import sys; sys.argv = ['gka-docgen', *{args!r}]\n"
        "from gka_docgen.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('weasyprint', 'docxtpl', 'docx', 'pyhanko') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=voorbeeldmap(tmp_path),
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert "HEAVY []" in result.stdout
    assert zichtbaar in result.stdout


def test_readme_starts_with_the_two_commands_and_documents_every_field() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == [
        "make build",
        "make test",
    ]
    schema = json.loads(run_cli("schema").stdout)
    for name in schema["properties"]:
        assert f"`{name}" in readme
    for definition in schema["$defs"].values():
        for name in definition["properties"]:
            assert re.search(rf"[`.]{name}(\[\])?`", readme), name


ENGELS = ("Usage", "Options", "Arguments", "Commands", "Show this message", "Missing", "Invalid",
          "No such", "Error", "Try ", "Aborted", "[default", "[required]", "is not", "Input should")  # fmt: skip


@pytest.mark.parametrize(
    ("args", "code", "verwacht"),
    [
        (["--help"], 0, "Gebruik: gka-docgen [OPTIES] OPDRACHT [ARGUMENTEN]..."),
        (["build", "--help"], 0, "Toon deze hulp en stop."),
        (["new", "--help"], 0, "[verplicht]"),
        ([], 2, "Opdrachten"),
        (["check", "--bogus"], 2, "gka-docgen: de optie --bogus bestaat niet; zie gka-docgen check --help"),
        (["new"], 2, "gka-docgen: het argument NAAM ontbreekt; zie gka-docgen new --help"),
        (["new", "X", "--soort", "boek"], 2, "--soort: 'boek' kan niet; kies 'agenda' of 'addendum'"),
        (["build", "--jobs", "0"], 2, "--jobs / -j: '0' is te klein; het minimum is 1"),
        (["build", "--jobs", "veel"], 2, "--jobs / -j: 'veel' is geen geheel getal"),
        (["maak"], 2, "gka-docgen: de opdracht 'maak' bestaat niet; zie gka-docgen --help"),
        (["sign", "x.pdf"], 2, "gka-docgen: de optie --veld ontbreekt"),
        (["schema", "extra"], 2, "gka-docgen: onverwacht extra argument: extra"),
        (["extract", "x.pdf", "--uit"], 2, "gka-docgen: de optie --uit heeft een waarde nodig"),
    ],
)  # fmt: skip
def test_typers_own_words_are_dutch(
    args: list[str], code: int, verwacht: str, tmp_path: Path
) -> None:
    result = run_cli(*args, cwd=tmp_path)
    uit = result.stdout + result.stderr
    assert result.returncode == code, uit
    assert verwacht in uit
    assert not [w for w in ENGELS if w in uit], uit
    assert "Traceback" not in uit


def _alle_opdrachten() -> list[str]:
    """Every command the tool has, hidden aliases included, read from the app itself."""
    import typer.main

    from gka_docgen.cli.app import app

    groep: Any = typer.main.get_command(app)
    return sorted(groep.commands)


# What Typer shows by itself: Python's types and its range notation.
PYTHON_TYPE = re.compile(
    r"<(bool|str|int|float|path|file|dir|list\[.*?\]|\w+\|[\w|]+)>|\bx[<>]=|\{\w+\}"
)


@pytest.mark.parametrize("opdracht", ["", *_alle_opdrachten()])
def test_every_help_is_written_for_a_person(opdracht: str, tmp_path: Path) -> None:
    """No Python type in any help, and each paragraph wraps as the terminal does."""
    from gka_docgen.cli.words import alineas

    args = [*opdracht.split(), "--help"]
    smal = run_cli(*args, cwd=tmp_path, env={"TERMINAL_WIDTH": "60"})
    breed = run_cli(*args, cwd=tmp_path, env={"TERMINAL_WIDTH": "400"})
    for r in (smal, breed):
        assert (r.returncode, r.stderr) == (0, ""), r.stderr
        assert not PYTHON_TYPE.search(r.stdout), PYTHON_TYPE.search(r.stdout)
    assert max(len(regel) for regel in smal.stdout.splitlines()) <= 60
    # Wide enough for any paragraph: each is one line, never broken mid-sentence.
    import typer.main

    from gka_docgen.cli.app import app

    groep: Any = typer.main.get_command(app)
    commando = groep.commands[opdracht] if opdracht else groep
    regels = [r.strip() for r in breed.stdout.splitlines()]
    for alinea in alineas(commando.help or "").split("\n\n"):
        assert alinea in regels, alinea
    for param in commando.params:
        if param.help:
            assert any(param.help in r for r in regels), param.help


@pytest.mark.slow
def test_commands_have_english_names_and_the_dutch_ones_stay_as_aliases(tmp_path: Path) -> None:
    hulp = run_cli("--help", cwd=tmp_path, env={"TERMINAL_WIDTH": "200"}).stdout
    namen = [
        r.split()[1] for r in hulp.splitlines() if r.startswith("│ ") and "Opdrachten" not in r
    ]
    opdrachten = [n for n in namen if not n.startswith("-")]
    assert opdrachten == ["new", "extend", "check", "build", "extract", "import", "sign",
                          "verify", "compare", "overview", "preview", "schema"]  # fmt: skip
    for oud, nieuw in (
        ("overzicht", "overview"),
        ("bekijk", "preview"),
        ("verleng", "extend"),
        ("vergelijk", "compare"),
    ):
        alias, naam = (run_cli(n, "--help", cwd=tmp_path).stdout for n in (oud, nieuw))
        assert alias.split() == naam.replace(f"gka-docgen {nieuw} ", f"gka-docgen {oud} ").split()


def test_version_names_the_libraries_that_decide_the_bytes() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    regels = result.stdout.splitlines()
    assert regels[0] == "gka-docgen 0.1.0"
    for pakket in ("python-docx", "docxtpl", "weasyprint", "pydyf", "pyhanko", "fonttools"):
        assert any(r.startswith(f"{pakket} ") and r[len(pakket) + 1 :][0].isdigit() for r in regels)
    assert regels[-1] in {"libharfbuzz-subset aanwezig", "libharfbuzz-subset ontbreekt"}


def test_shell_completion_completes_commands_and_options(tmp_path: Path) -> None:
    script = run_cli(cwd=tmp_path, env={"_GKA_DOCGEN_COMPLETE": "source_bash"})
    assert "complete -o default -F _gka_docgen_completion gka-docgen" in script.stdout
    opdrachten = run_cli(
        cwd=tmp_path,
        env={
            "_GKA_DOCGEN_COMPLETE": "complete_bash",
            "COMP_WORDS": "gka-docgen bu",
            "COMP_CWORD": "1",
        },
    )
    assert opdrachten.stdout.split() == ["build"]
    opties = run_cli(
        cwd=tmp_path,
        env={"_GKA_DOCGEN_COMPLETE": "complete_bash", "COMP_WORDS": "gka-docgen build --f",
             "COMP_CWORD": "2"},
    )  # fmt: skip
    assert opties.stdout.split() == ["--format", "--force"]
