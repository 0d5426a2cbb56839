"""Place and date of signing: text fields on the lines left empty, filled in by `sign`."""

from __future__ import annotations

import datetime
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from gka_docgen.document.formatting import datum
from gka_docgen.signing import sign
from tests.certhulp import WACHTWOORD, Certificaat, maak_certificaat
from tests.conftest import run_cli
from tests.pdfhulp import DEFINITIEF, pdffonts, pdftotext, render, zonder_plaats

HELENE = "Handtekening_Helene_Brule-IJsselmuiden"
DENNIS = "Handtekening_Dennis_Wiersma"
NURIA = "Handtekening_Nuria_de_Vree"


@pytest.fixture(scope="module")
def zonder_plaats_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Almere's definitief agenda with place and date both left to be written in."""
    return render(zonder_plaats(tmp_path_factory.mktemp("yaml")))[2]


@pytest.fixture(scope="module")
def mensen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Certificaat]:
    uit = {}
    for veld, naam in ((HELENE, "Hélène Brûlé-Ĳsselmuiden"), (DENNIS, "Dennis Wiersma")):
        uit[veld] = maak_certificaat(tmp_path_factory.mktemp("cert"), naam)
    return uit


@pytest.fixture
def pdf(tmp_path: Path, zonder_plaats_pdf: bytes) -> Path:
    pad = tmp_path / "agenda.pdf"
    pad.write_bytes(zonder_plaats_pdf)
    return pad


def _teken(pdf: Path, veld: str, wie: Certificaat, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "sign", str(pdf), "--veld", veld, "--p12", str(wie.p12), *extra,
        env={sign.WACHTWOORD_VARIABELE: WACHTWOORD},
    )  # fmt: skip


def _tekstvelden(pdf: bytes) -> dict[str, str]:
    velden = PdfReader(BytesIO(pdf)).get_fields() or {}
    return {naam: str(v.get("/V", "")) for naam, v in velden.items() if v.get("/FT") == "/Tx"}


def _widgets(pdf: bytes) -> dict[str, tuple[int, list[float], object]]:
    """Field name -> (page index, /Rect, /AP) of every widget."""
    uit = {}
    for index, pagina in enumerate(PdfReader(BytesIO(pdf)).pages):
        for annot in pagina.get("/Annots", []):
            a = annot.get_object()
            if a["/Subtype"] != "/Widget":
                continue
            uit[str(a["/T"])] = (index, [float(c) for c in a["/Rect"]], a.get("/AP"))
    return uit


def test_empty_place_and_date_get_a_text_field_each_on_their_line(zonder_plaats_pdf: bytes) -> None:
    assert _tekstvelden(zonder_plaats_pdf) == {
        f"{soort}_{wie}": ""
        for wie in ("Helene_Brule-IJsselmuiden", "Dennis_Wiersma", "Nuria_de_Vree")
        for soort in ("Plaats", "Datum")
    }
    widgets = _widgets(zonder_plaats_pdf)
    for wie in ("Helene_Brule-IJsselmuiden", "Dennis_Wiersma", "Nuria_de_Vree"):
        plaats, datum_, handtekening = (
            widgets[f"{s}_{wie}"] for s in ("Plaats", "Datum", "Handtekening")
        )
        assert plaats[0] == datum_[0] == handtekening[0]  # one signatory's block, one page
        # Top to bottom: place, date, signature; each an appearance (PDF/A), left-aligned.
        assert plaats[1][1] > datum_[1][3] and datum_[1][1] > handtekening[1][3]
        assert plaats[1][0] == datum_[1][0] == handtekening[1][0]
        assert plaats[2] is not None and datum_[2] is not None


def test_a_place_printed_in_the_agenda_gets_no_field() -> None:
    assert set(_tekstvelden(render(DEFINITIEF)[2])) == {
        "Datum_Helene_Brule-IJsselmuiden", "Datum_Dennis_Wiersma", "Datum_Nuria_de_Vree",
    }  # fmt: skip


@pytest.mark.slow
def test_sign_fills_place_and_todays_date_in_the_signatures_revision(
    pdf: Path, tmp_path: Path, mensen: dict[str, Certificaat]
) -> None:
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    vandaag = datum(datetime.date.today())
    r = _teken(pdf, HELENE, mensen[HELENE], "--plaats", "Zaandam")
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    een = Path(r.stdout.removeprefix("getekend: ").strip())
    velden = _tekstvelden(een.read_bytes())
    assert velden["Plaats_Helene_Brule-IJsselmuiden"] == "Zaandam"
    assert velden["Datum_Helene_Brule-IJsselmuiden"] == vandaag
    assert {v for k, v in velden.items() if "Helene" not in k} == {""}
    # The filled-in text is drawn (the appearance), in an embedded font: still PDF/A.
    tekst = pdftotext(een)
    assert "Zaandam" in tekst and vandaag in tekst
    for regel in pdffonts(een):
        assert regel[-5:-2] == ["yes", "yes", "yes"], regel
    # One revision for filling and signing: the signature covers the whole file.
    reader = PdfFileReader(BytesIO(een.read_bytes()))
    assert reader.xrefs.total_revisions == 2  # WeasyPrint's, with the empty fields; the signature

    r = _teken(een, DENNIS, mensen[DENNIS], "--plaats", "Den Haag")
    assert r.returncode == 0, r.stderr
    twee = Path(r.stdout.removeprefix("getekend: ").strip())
    assert _tekstvelden(twee.read_bytes())["Plaats_Dennis_Wiersma"] == "Den Haag"
    reader = PdfFileReader(BytesIO(twee.read_bytes()))
    eerste, tweede = reader.embedded_signatures
    roots = [asn1_x509.Certificate.load(c.cert_der) for c in mensen.values()]
    status = validate_pdf_signature(eerste, ValidationContext(trust_roots=roots))
    # Dennis's place and date, filled after Hélène signed, are form filling: allowed.
    assert status.intact and status.valid
    assert status.modification_level == ModificationLevel.FORM_FILLING
    assert validate_pdf_signature(tweede, ValidationContext(trust_roots=roots)).intact
    pdfsig = subprocess.run(["pdfsig", str(twee)], capture_output=True, text=True).stdout
    assert pdfsig.count("Signature Validation: Signature is Valid.") == 2
    r = run_cli("verify", str(twee))  # the system's roots: untrusted, yet the fields are read
    ingevuld = [r.strip() for r in r.stdout.splitlines() if "ingevuld:" in r]
    assert ingevuld == [
        f"plaats en datum ingevuld: Zaandam, {vandaag}",
        f"plaats en datum ingevuld: Den Haag, {vandaag}",
    ]


@pytest.mark.slow
def test_without_plaats_only_the_date_is_filled(pdf: Path, mensen: dict[str, Certificaat]) -> None:
    r = _teken(pdf, HELENE, mensen[HELENE])
    assert r.returncode == 0, r.stderr
    velden = _tekstvelden(Path(r.stdout.removeprefix("getekend: ").strip()).read_bytes())
    assert velden["Plaats_Helene_Brule-IJsselmuiden"] == ""
    assert velden["Datum_Helene_Brule-IJsselmuiden"] == datum(datetime.date.today())


@pytest.mark.slow
def test_plaats_where_the_agenda_printed_one_is_refused(
    tmp_path: Path, mensen: dict[str, Certificaat]
) -> None:
    pdf = tmp_path / "agenda.pdf"
    pdf.write_bytes(render(DEFINITIEF)[2])
    r = _teken(pdf, HELENE, mensen[HELENE], "--plaats", "Zaandam")
    assert r.returncode == 1
    assert r.stderr == (
        f"gka-docgen: {pdf} heeft geen regel voor de plaats van ondertekening: de plaats staat "
        "al in het document (ondertekening.plaats); laat --plaats weg\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.pdf"]


@pytest.mark.slow
def test_an_empty_plaats_is_refused(pdf: Path, mensen: dict[str, Certificaat]) -> None:
    r = _teken(pdf, HELENE, mensen[HELENE], "--plaats", " ")
    assert r.returncode == 1
    assert "--plaats is leeg" in r.stderr
