"""Signing one field through the real command, then validating it with pyHanko."""

from __future__ import annotations

import logging
import os
import pty
import select
import signal
import subprocess
import sys
import termios
import time
from io import BytesIO
from pathlib import Path

import pytest

from gka_docgen.signing import sign
from tests.certhulp import WACHTWOORD, Certificaat, maak_certificaat
from tests.conftest import ROOT, run_cli
from tests.pdfhulp import CONCEPT, DEFINITIEF, pdffonts, render

EERSTE = "Handtekening_Helene_Brule-IJsselmuiden"
TWEEDE = "Handtekening_Dennis_Wiersma"


@pytest.fixture(scope="module")
def certificaat(tmp_path_factory: pytest.TempPathFactory) -> Certificaat:
    return maak_certificaat(tmp_path_factory.mktemp("cert"), "Hélène Brûlé-Ĳsselmuiden")


@pytest.fixture(scope="module")
def definitief_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return render(DEFINITIEF)[2]


@pytest.fixture
def pdf(tmp_path: Path, definitief_pdf: bytes) -> Path:
    pad = tmp_path / "agenda.pdf"
    pad.write_bytes(definitief_pdf)
    return pad


def _teken(
    pdf: Path, veld: str, certificaat: Certificaat, *extra: str, wachtwoord: str = WACHTWOORD
) -> subprocess.CompletedProcess[str]:
    """`gka-docgen sign` with the password in its environment variable."""
    return run_cli(
        "sign", str(pdf), "--veld", veld, "--p12", str(certificaat.p12), *extra,
        env={sign.WACHTWOORD_VARIABELE: wachtwoord},
    )  # fmt: skip


def _valideer(pdf: bytes, cert_der: bytes) -> list[object]:
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(BytesIO(pdf))
    context = ValidationContext(trust_roots=[asn1_x509.Certificate.load(cert_der)])
    return [validate_pdf_signature(s, context) for s in reader.embedded_signatures]


def test_sign_one_field_through_the_cli(pdf: Path, certificaat: Certificaat) -> None:
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    voor = pdf.read_bytes()
    r = _teken(pdf, EERSTE, certificaat)
    assert r.returncode == 0, r.stderr
    getekend = pdf.with_name("agenda-getekend-1-van-3.pdf")
    assert r.stdout == f"getekend: {getekend}\n"
    assert pdf.read_bytes() == voor

    data = getekend.read_bytes()
    (status,) = _valideer(data, certificaat.cert_der)
    assert status.intact and status.valid and status.trusted  # type: ignore[attr-defined]
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE  # type: ignore[attr-defined]
    assert status.md_algorithm == "sha256"  # type: ignore[attr-defined]
    assert [(v.naam, v.getekend) for v in sign.velden(data)] == [
        (EERSTE, True),
        (TWEEDE, False),
        ("Handtekening_Nuria_de_Vree", False),
    ]
    for regel in pdffonts(getekend):
        assert regel[-5:-2] == ["yes", "yes", "yes"], regel


@pytest.mark.slow
def test_second_signer_keeps_the_first_signature_valid(
    pdf: Path, tmp_path: Path, certificaat: Certificaat
) -> None:
    een = tmp_path / "een.pdf"
    twee = tmp_path / "twee.pdf"
    (tmp_path / "dennis").mkdir()
    dennis = maak_certificaat(tmp_path / "dennis", "Dennis Wiersma")
    for bron, veld, wie, doel in ((pdf, EERSTE, certificaat, een), (een, TWEEDE, dennis, twee)):
        r = _teken(bron, veld, wie, "--uit", str(doel))
        assert r.returncode == 0, r.stderr
    statussen = _valideer(twee.read_bytes(), certificaat.cert_der)[:1]
    statussen += _valideer(twee.read_bytes(), dennis.cert_der)[1:]
    assert len(statussen) == 2
    assert all(s.intact and s.valid for s in statussen)  # type: ignore[attr-defined]


def _in_terminal(args: list[str], invoer: str) -> tuple[int, str]:
    """Run `gka-docgen ARGS` in a pseudo-terminal, typing `invoer` once it asks: (exit, screen).

    It types only once the terminal's echo is off (the hidden prompt is ready):
    what is typed before that is flushed by getpass and never read.
    """
    env = {k: v for k, v in os.environ.items() if k != sign.WACHTWOORD_VARIABELE}
    env["PYTHONPATH"] = str(ROOT)
    pid, fd = pty.fork()
    if pid == 0:  # the child: the terminal is its controlling terminal, as for a person
        os.execve(sys.executable, [sys.executable, "-m", "gka_docgen.cli", *args], env)
    scherm = b""
    getypt = False
    einde = time.monotonic() + 60
    while time.monotonic() < einde:
        if not getypt and b"Wachtwoord" in scherm and not termios.tcgetattr(fd)[3] & termios.ECHO:
            os.write(fd, invoer.encode() + b"\n")
            getypt = True
        if not select.select([fd], [], [], 0.05)[0]:
            continue
        try:
            brok = os.read(fd, 1024)
        except OSError:  # the child has closed the terminal
            break
        if not brok:
            break
        scherm += brok
    else:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), scherm.decode(errors="replace")


@pytest.mark.slow
def test_password_from_a_hidden_prompt(pdf: Path, tmp_path: Path, certificaat: Certificaat) -> None:
    doel = tmp_path / "uit.pdf"
    args = ["sign", str(pdf), "--veld", EERSTE, "--p12", str(certificaat.p12), "--uit", str(doel)]
    code, scherm = _in_terminal(args, WACHTWOORD)
    assert code == 0, scherm
    assert WACHTWOORD not in scherm  # not echoed
    assert sign.velden(doel.read_bytes())[0].getekend


def test_without_a_terminal_or_variable_sign_says_how_to_give_the_password(
    pdf: Path, certificaat: Certificaat
) -> None:
    env = {k: v for k, v in os.environ.items() if k != sign.WACHTWOORD_VARIABELE}
    r = subprocess.run(
        [sys.executable, "-m", "gka_docgen.cli", "sign", str(pdf), "--veld", EERSTE,
         "--p12", str(certificaat.p12)],
        capture_output=True, text=True, env={**env, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    assert r.returncode == 1
    assert r.stderr == (
        "gka-docgen: geen wachtwoord voor het certificaat: zet de omgevingsvariabele "
        "GKA_P12_WACHTWOORD of start gka-docgen sign in een terminal\n"
    )


def test_no_password_option_on_the_command_line(pdf: Path, certificaat: Certificaat) -> None:
    r = _teken(pdf, EERSTE, certificaat, "--wachtwoord", WACHTWOORD)
    assert r.returncode == 2


def _geweigerd(r: subprocess.CompletedProcess[str], pdf: Path, voor: bytes, woorden: str) -> None:
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert woorden in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    assert pdf.read_bytes() == voor
    assert not list(pdf.parent.glob(f"{pdf.stem}-getekend*"))


@pytest.mark.slow
def test_wrong_password(pdf: Path, certificaat: Certificaat) -> None:
    voor = pdf.read_bytes()
    r = _teken(pdf, EERSTE, certificaat, wachtwoord="fout")
    _geweigerd(r, pdf, voor, "wachtwoord is onjuist")


def test_unknown_field(pdf: Path, certificaat: Certificaat) -> None:
    voor = pdf.read_bytes()
    r = _teken(pdf, "Bestaat_niet", certificaat)
    _geweigerd(r, pdf, voor, "geen handtekeningveld 'Bestaat_niet'")
    assert EERSTE in r.stderr  # tells which fields there are


def test_already_signed_field(pdf: Path, tmp_path: Path, certificaat: Certificaat) -> None:
    getekend = tmp_path / "getekend.pdf"
    getekend.write_bytes(
        sign.teken(pdf.read_bytes(), EERSTE, certificaat.p12.read_bytes(), WACHTWOORD.encode()).pdf
    )
    voor = getekend.read_bytes()
    r = _teken(getekend, EERSTE, certificaat)
    _geweigerd(r, getekend, voor, "is al ondertekend")


def test_pdf_that_is_not_ours(tmp_path: Path, certificaat: Certificaat) -> None:
    import weasyprint

    vreemd = tmp_path / "vreemd.pdf"
    vreemd.write_bytes(weasyprint.HTML(string="<p>Iets anders</p>").write_pdf())
    voor = vreemd.read_bytes()
    r = _teken(vreemd, EERSTE, certificaat)
    _geweigerd(r, vreemd, voor, "niet door gka-docgen gemaakt")


def test_not_a_pdf_at_all(tmp_path: Path, certificaat: Certificaat) -> None:
    nep = tmp_path / "nep.pdf"
    nep.write_bytes(b"dit is geen pdf")
    r = _teken(nep, EERSTE, certificaat)
    _geweigerd(r, nep, b"dit is geen pdf", "geen PDF-bestand")


@pytest.mark.slow
def test_output_may_not_be_the_input(pdf: Path, certificaat: Certificaat) -> None:
    voor = pdf.read_bytes()
    r = _teken(pdf, EERSTE, certificaat, "--uit", str(pdf))
    assert r.returncode == 1
    assert pdf.read_bytes() == voor


@pytest.mark.slow
def test_an_existing_signed_copy_is_not_overwritten_without_force(
    pdf: Path, certificaat: Certificaat
) -> None:
    doel = pdf.with_name("agenda-getekend-1-van-3.pdf")
    doel.write_bytes(b"van iemand anders")
    r = _teken(pdf, EERSTE, certificaat)
    assert (r.returncode, r.stderr) == (
        1,
        f"gka-docgen: {doel} bestaat al; kies met --uit een andere naam of gebruik --force\n",
    )
    assert doel.read_bytes() == b"van iemand anders"
    r = _teken(pdf, EERSTE, certificaat, "--force")
    assert r.returncode == 0, r.stderr
    assert sign.velden(doel.read_bytes())[0].getekend


@pytest.mark.slow
def test_a_concept_has_no_fields_and_says_how_to_get_them(
    tmp_path: Path, certificaat: Certificaat
) -> None:
    concept = tmp_path / "concept.pdf"
    concept.write_bytes(render(CONCEPT)[2])
    r = _teken(concept, EERSTE, certificaat)
    assert (r.returncode, r.stderr) == (
        1,
        f"gka-docgen: {concept} heeft geen handtekeningvelden: dit is een concept: zet status: "
        "definitief en bouw opnieuw om handtekeningvelden te krijgen\n",
    )


def test_signing_logs_no_font_subsetting_warning(
    definitief_pdf: bytes, certificaat: Certificaat, caplog: pytest.LogCaptureFixture
) -> None:
    """The stamp font has no table fontTools cannot subset (scripts/stempelfont.py)."""
    with caplog.at_level(logging.DEBUG, logger="fontTools"):
        sign.teken(definitief_pdf, EERSTE, certificaat.p12.read_bytes(), WACHTWOORD.encode())
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


@pytest.mark.parametrize(
    ("invoer", "getekend", "uit"),
    [
        ("X.pdf", 1, "X-getekend-1-van-3.pdf"),
        ("X-getekend-1-van-3.pdf", 2, "X-getekend-2-van-3.pdf"),
        ("X-getekend-2-van-3.pdf", 3, "X-getekend.pdf"),
        ("X-getekend.pdf", 3, "X-getekend.pdf"),
        ("-getekend.pdf", 1, "-getekend-getekend-1-van-3.pdf"),
    ],
)
def test_signed_copy_names(invoer: str, getekend: int, uit: str) -> None:
    assert sign.standaard_uit(Path("map") / invoer, getekend, 3) == Path("map") / uit
