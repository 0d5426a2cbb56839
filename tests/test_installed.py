"""The tool as a policy advisor installs it: from the sdist, into a fresh virtual
environment outside the checkout, used in an empty folder of their own.

The sdist is built from the checkout and installed with pip, which builds the wheel
from the sdist: so both must carry the templates and fonts. Nothing of the checkout
is on the path (no PYTHONPATH, the working folder is empty).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.certhulp import WACHTWOORD, maak_certificaat
from tests.conftest import DATA, ROOT

pytestmark = pytest.mark.slow

SJABLOONBESTANDEN = {
    "agenda.css",
    "agenda.html.j2",
    "bekijk.html.j2",
    "gka-agenda.docx",
    "fonts/DejaVuSans.ttf",
    "fonts/DejaVuSans-1000.ttf",
    "fonts/LICENSE",
    "fonts/NotoEmoji-Regular.ttf",
    "fonts/LICENSE-NotoEmoji",
}


def _draai(*args: str | Path, cwd: Path, env: dict[str, str] | None = None, code: int = 0) -> str:
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == code, (args, result.stdout, result.stderr)
    return result.stdout


@pytest.fixture(scope="module")
def pakketten(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel, built from the checkout as a release would be."""
    dist = tmp_path_factory.mktemp("dist")
    _draai(sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", dist, ROOT, cwd=dist)
    return dist


@pytest.fixture(scope="module")
def geinstalleerd(pakketten: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh venv with gka-docgen installed from the sdist."""
    venv = tmp_path_factory.mktemp("venv")
    _draai(sys.executable, "-m", "venv", venv, cwd=venv)
    (sdist,) = pakketten.glob("*.tar.gz")
    _draai(venv / "bin" / "python", "-m", "pip", "install", "-q", sdist, cwd=venv)
    return venv / "bin"


def _omgeving() -> dict[str, str]:
    """This environment without anything that points at the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["GKA_P12_WACHTWOORD"] = WACHTWOORD
    return env


def test_sdist_and_wheel_carry_the_templates_and_fonts(pakketten: Path) -> None:
    (wiel,) = pakketten.glob("*.whl")
    with zipfile.ZipFile(wiel) as z:
        in_wiel = {n.removeprefix("gka_docgen/templates/") for n in z.namelist()}
    assert in_wiel >= SJABLOONBESTANDEN
    (sdist,) = pakketten.glob("*.tar.gz")
    with tarfile.open(sdist) as t:
        in_sdist = {n.split("/templates/", 1)[-1] for n in t.getnames() if "/templates/" in n}
    assert in_sdist >= SJABLOONBESTANDEN


def test_the_installed_tool_runs_the_tour_in_an_empty_folder(
    geinstalleerd: Path, tmp_path: Path
) -> None:
    werk = tmp_path / "mijn-agendas"
    werk.mkdir()
    env = _omgeving()
    tool = geinstalleerd / "gka-docgen"

    def gka(*args: str | Path, code: int = 0) -> str:
        return _draai(tool, *args, cwd=werk, env=env, code=code)

    # It is the installed copy that runs, not the checkout.
    plek = _draai(
        geinstalleerd / "python",
        "-c",
        "import gka_docgen.render.templates as s; print(s.SJABLONEN)",
        cwd=werk,
        env=env,
    )
    assert Path(plek.strip()).is_relative_to(geinstalleerd.parent)
    assert "gka-docgen 0.1.0" in gka("--version")

    assert "agendas/sudwest-fryslan.yaml gemaakt" in gka("new", "Súdwest-Fryslân")
    assert (werk / "agendas" / "gka-agenda.schema.json").is_file()
    shutil.copy(DATA / "pdf" / "almere-definitief.yaml", werk / "agendas" / "almere.yaml")
    assert "2 bestanden gecontroleerd: alles in orde." in gka("check")
    assert "2 gemaakt, 0 ongewijzigd, 0 mislukt" in gka("build")
    pdf = werk / "out" / "almere" / "GKA-Addendum-2021-2024-Almere.pdf"
    assert pdf.is_file()
    assert (
        werk / "out" / "sudwest-fryslan" / "GKA-Addendum-2021-2024-Sudwest-Fryslan.docx"
    ).is_file()

    docx = pdf.with_suffix(".docx")
    assert gka("import", docx, "--uit", "agendas/almere.yaml").startswith("geen verschillen")
    gka("extract", pdf, "--uit", "terug.yaml")
    assert (werk / "terug.yaml").read_bytes() == (werk / "agendas" / "almere.yaml").read_bytes()

    certificaat = maak_certificaat(tmp_path, "Helene Brule-IJsselmuiden")
    veld = "Handtekening_Helene_Brule-IJsselmuiden"
    assert "getekend:" in gka("sign", pdf, "--veld", veld, "--p12", certificaat.p12)
    getekend = pdf.parent / "GKA-Addendum-2021-2024-Almere-getekend-1-van-3.pdf"
    assert getekend.is_file()
    stam = tmp_path / "stam.cer"
    stam.write_bytes(certificaat.cert_der)
    verslag = gka("verify", getekend, "--vertrouw", stam, code=4)  # 4: not complete yet
    assert "nog niet compleet: 1 van 3 handtekeningen gezet, alle geldig;" in verslag
    assert "deze PDF is precies wat gka-docgen maakt van het ingesloten agendabestand" in verslag
    gka("overview", "--xlsx", "overzicht.xlsx")
    assert (werk / "overzicht.xlsx").is_file()
    assert "Gebruik: gka-docgen build [OPTIES]" in gka("build", "--help")
