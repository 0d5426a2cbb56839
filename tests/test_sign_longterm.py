"""`sign --tsa` (PAdES B-T) and `sign --ltv` (B-LT), against a TSA and a CRL served on 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

from gka_docgen.signing import sign
from tests.certhulp import WACHTWOORD, Certificaat, maak_certificaat
from tests.conftest import run_cli
from tests.pdfhulp import DEFINITIEF, render
from tests.pkihulp import Diensten, diensten

pytestmark = pytest.mark.slow

HELENE = "Handtekening_Helene_Brule-IJsselmuiden"


@pytest.fixture(scope="module")
def definitief_pdf() -> bytes:
    return render(DEFINITIEF)[2]


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diensten]:
    with diensten(tmp_path_factory.mktemp("pki")) as d:
        yield d


@pytest.fixture(scope="module")
def helene(pki: Diensten) -> Certificaat:
    assert pki.pki is not None
    return pki.pki.ondertekenaar("Hélène Brûlé-Ĳsselmuiden")


@pytest.fixture
def pdf(tmp_path: Path, definitief_pdf: bytes) -> Path:
    pad = tmp_path / "agenda.pdf"
    pad.write_bytes(definitief_pdf)
    return pad


def _teken(pdf: Path, wie: Certificaat, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "sign", str(pdf), "--veld", HELENE, "--p12", str(wie.p12), *extra,
        env={sign.WACHTWOORD_VARIABELE: WACHTWOORD},
    )  # fmt: skip


def _getekend(r: subprocess.CompletedProcess[str]) -> Path:
    assert r.returncode == 0, r.stderr
    return Path(r.stdout.removeprefix("getekend: ").strip())


def _eerste(pdf: Path) -> Any:
    from pyhanko.pdf_utils.reader import PdfFileReader

    (handtekening,) = PdfFileReader(BytesIO(pdf.read_bytes())).embedded_signatures
    return handtekening


def _stam(pki: Diensten) -> Any:
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization

    assert pki.pki is not None
    return asn1_x509.Certificate.load(pki.pki.stam.public_bytes(serialization.Encoding.DER))


def _context(pki: Diensten) -> Any:
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=[_stam(pki)], allow_fetching=False)


def _pdfsig(pdf: Path) -> str:
    return subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout


def test_tsa_adds_a_timestamp_that_validates(pdf: Path, pki: Diensten, helene: Certificaat) -> None:
    from pyhanko.sign.validation import validate_pdf_signature

    voor = pki.verzoeken["/tsa"]
    r = _teken(pdf, helene, "--tsa", f"{pki.url}/tsa")
    assert r.stderr == ""
    getekend = _getekend(r)
    assert pki.verzoeken["/tsa"] > voor  # pyHanko asks once more, to size the signature
    status = validate_pdf_signature(_eerste(getekend), _context(pki))
    assert status.intact and status.valid and status.trusted
    stempel = status.timestamp_validity
    assert stempel is not None and stempel.intact and stempel.valid and stempel.trusted
    assert "Signature Validation: Signature is Valid." in _pdfsig(getekend)

    r = run_cli("verify", str(getekend), "--vertrouw", str(pki.pki.stam_pem))  # type: ignore[union-attr]
    assert r.returncode == 4, r.stdout + r.stderr  # valid; two fields still to sign
    (regel,) = [r for r in r.stdout.splitlines() if "tijdstempel:" in r]
    assert regel.strip() != "tijdstempel: geen"
    assert "niveau: PAdES B-T" in r.stdout


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_tsa_that_does_not_answer_writes_nothing(pdf: Path, helene: Certificaat) -> None:
    url = f"http://127.0.0.1:{_vrije_poort()}/tsa"
    r = _teken(pdf, helene, "--tsa", url)
    assert r.returncode == 1
    assert r.stderr == (
        f"gka-docgen: de tijdstempeldienst {url} gaf geen tijdstempel (geen verbinding, of geen "
        "geldig antwoord); controleer het adres en de verbinding, of teken zonder --tsa\n"
    )
    assert sorted(p.name for p in pdf.parent.iterdir()) == ["agenda.pdf"]


def test_a_tsa_that_is_no_web_address_is_refused(pdf: Path, helene: Certificaat) -> None:
    r = _teken(pdf, helene, "--tsa", "file:///etc/passwd")
    assert r.returncode == 1
    assert "--tsa 'file:///etc/passwd' is geen webadres" in r.stderr


def test_ltv_embeds_the_fetched_crl(pdf: Path, pki: Diensten, helene: Certificaat) -> None:
    from asn1crypto import crl
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext
    from pypdf import PdfReader

    assert pki.pki is not None
    voor = pki.verzoeken["/stam.crl"]
    r = _teken(pdf, helene, "--tsa", f"{pki.url}/tsa", "--ltv", "--vertrouw", str(pki.pki.stam_pem))
    assert r.stderr == ""
    getekend = _getekend(r)
    assert pki.verzoeken["/stam.crl"] > voor
    root: Any = PdfReader(getekend).trailer["/Root"]
    dss = root["/DSS"]
    crls = [crl.CertificateList.load(c.get_object().get_data()) for c in dss["/CRLs"]]
    assert crls
    # Validated from what the file holds alone, revocation checks required: its CRLs suffice.
    for lijst, vertrouwd in ((crls, True), ([], False)):  # without them the same check fails
        context = ValidationContext(
            trust_roots=[_stam(pki)], allow_fetching=False, revocation_mode="hard-fail", crls=lijst
        )
        status = validate_pdf_signature(_eerste(getekend), context)
        assert status.intact and status.valid and status.trusted == vertrouwd
    assert "Signature Validation: Signature is Valid." in _pdfsig(getekend)
    r = run_cli("verify", str(getekend), "--vertrouw", str(pki.pki.stam_pem))
    assert r.returncode == 4, r.stdout + r.stderr  # valid; two fields still to sign
    assert "niveau: PAdES B-LT" in r.stdout


def test_ltv_without_a_trusted_root_says_to_give_one(pdf: Path, helene: Certificaat) -> None:
    r = _teken(pdf, helene, "--ltv")
    assert r.returncode == 1
    assert "geef met --vertrouw het stamcertificaat van de uitgever op" in r.stderr
    assert sorted(p.name for p in pdf.parent.iterdir()) == ["agenda.pdf"]


def test_ltv_with_a_self_signed_certificate_not_trusted_says_to_give_it(
    pdf: Path, tmp_path: Path
) -> None:
    (tmp_path / "cert").mkdir()
    zelf = maak_certificaat(tmp_path / "cert", "Hélène Brûlé-Ĳsselmuiden")
    r = _teken(pdf, zelf, "--ltv")
    assert r.returncode == 1, r.stderr
    assert "geef met --vertrouw het stamcertificaat van de uitgever op" in r.stderr
    assert sorted(p.name for p in pdf.parent.glob("*.pdf")) == ["agenda.pdf"]


def test_ltv_without_revocation_addresses_signs_and_says_so(pdf: Path, tmp_path: Path) -> None:
    zelf = maak_certificaat(tmp_path, "Hélène Brûlé-Ĳsselmuiden")  # no CRL address in it
    stam = tmp_path / "zelf.der"
    stam.write_bytes(zelf.cert_der)
    r = _teken(pdf, zelf, "--ltv", "--vertrouw", str(stam))
    _getekend(r)
    assert r.stderr == (
        "gka-docgen: let op: geen intrekkingsgegevens gevonden (de certificaten noemen geen "
        "adres, of dat antwoordde niet); de handtekening is geldig, maar niet langdurig "
        "controleerbaar (PAdES B-LT)\n"
    )
