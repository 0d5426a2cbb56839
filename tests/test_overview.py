"""`gka-docgen overzicht`: one line per agenda, its PDF's signatures, as CSV and Excel too."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from gka_docgen.signing import sign
from tests.certhulp import WACHTWOORD, maak_certificaat
from tests.conftest import run_cli, voorbeeldmap
from tests.pdfhulp import DEFINITIEF

pytestmark = pytest.mark.slow


def test_overzicht_in_the_terminal_csv_and_excel(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    werk = voorbeeldmap(tmp_path, DEFINITIEF)
    (werk / "agendas" / "almere.yaml").unlink()  # one Almere: the definitief one
    (werk / "agendas" / "kapot.yaml").write_text("gemeente: [\n", encoding="utf-8")
    assert (
        run_cli("build", "agendas/almere-definitief.yaml", "--format", "pdf", cwd=werk).returncode
        == 0
    )
    pdf = werk / "out" / "almere" / "GKA-Addendum-2021-2024-Almere.pdf"
    certificaat = maak_certificaat(tmp_path, "Hélène Brûlé-Ĳsselmuiden")
    r = run_cli(
        "sign", str(pdf), "--veld", "Handtekening_Helene_Brule-IJsselmuiden",
        "--p12", str(certificaat.p12), cwd=werk, env={sign.WACHTWOORD_VARIABELE: WACHTWOORD},
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    getekend = pdf.with_name("GKA-Addendum-2021-2024-Almere-getekend-1-van-3.pdf")
    r = run_cli("verify", str(getekend), "--vastleggen", "--door", "Archief", cwd=werk)
    assert r.returncode == 1  # a self-made certificate, not given with --vertrouw
    vandaag = datetime.datetime.now(datetime.UTC).strftime("%d-%m-%Y")  # as records show it

    r = run_cli("overview", "--csv", "overzicht.csv", "--xlsx", "overzicht.xlsx", cwd=werk)
    assert r.returncode == 0, r.stderr
    regels = r.stdout.splitlines()
    assert regels[0].split("\t")[:3] == ["bestand", "gemeente", "soort"]
    almere = regels[1].split("\t")
    assert almere == [
        "agendas/almere-definitief.yaml", "Almere", "addendum", "2021-2024", "definitief", "2",
        "€\u00a075.000,50", "€\u00a0100.000", "€\u00a065.000", "0",
        "out/almere/GKA-Addendum-2021-2024-Almere-getekend-1-van-3.pdf", "1/3", "ja",
        f"fout, {vandaag}, door Archief",
    ]  # fmt: skip
    assert regels[3].split("\t")[0] == "agendas/kapot.yaml"
    assert regels[3].split("\t")[9] == "1"
    assert regels[-2:] == ["gemaakt: overzicht.csv", "gemaakt: overzicht.xlsx"]

    csv = (werk / "overzicht.csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv[1].split(";")[6:9] == ["75000,5", "100000", "65000"]
    blad = load_workbook(werk / "overzicht.xlsx").active
    assert blad is not None
    assert [c.value for c in blad[2]][5:9] == [2, 75000.5, 100000, 65000]

    # A signed copy that was tampered with shows as not intact, its record as another's.
    data = bytearray(getekend.read_bytes())
    data[data.index(b"/Producer") + len(b"/Producer (")] ^= 0x01
    getekend.write_bytes(bytes(data))
    r = run_cli("overview", cwd=werk)
    assert r.stdout.splitlines()[1].split("\t")[-3:] == [
        "1/3",
        "NEE",
        f"hoort bij een andere versie van de PDF ({vandaag}); valideer opnieuw",
    ]
    shutil.rmtree(werk / "out")
    r = run_cli("overview", cwd=werk)
    assert r.stdout.splitlines()[1].split("\t")[-4:] == ["", "", "", ""]
