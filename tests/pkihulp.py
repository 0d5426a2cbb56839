"""A small PKI made in the test, and its services on 127.0.0.1: a timestamp authority
(RFC 3161 over HTTP, tokens signed by pyHanko's own TSA code) and a CRL.

A root certificate issues the signers' and the TSA's certificates; each names
the CRL's address on this machine, so `sign --ltv` fetches real revocation
information over HTTP, and `sign --tsa` asks for a real timestamp.
"""

from __future__ import annotations

import datetime
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tests.certhulp import WACHTWOORD, Certificaat

NU = datetime.datetime.now(datetime.UTC)


def _naam(tekst: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, tekst)])


def _gebruik(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True, content_commitment=not ca, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
        encipher_only=False, decipher_only=False,
    )  # fmt: skip


@dataclass
class Pki:
    map_: Path
    crl_url: str
    sleutel: rsa.RSAPrivateKey = field(init=False)
    stam: x509.Certificate = field(init=False)

    def __post_init__(self) -> None:
        self.sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.stam = (
            x509.CertificateBuilder()
            .subject_name(_naam("GKA Test Stam"))
            .issuer_name(_naam("GKA Test Stam"))
            .public_key(self.sleutel.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NU - datetime.timedelta(days=1))
            .not_valid_after(NU + datetime.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(_gebruik(ca=True), critical=True)
            .sign(self.sleutel, hashes.SHA256())
        )
        self.stam_pem.write_bytes(self.stam.public_bytes(serialization.Encoding.PEM))

    @property
    def stam_pem(self) -> Path:
        return self.map_ / "stam.pem"

    def uitgeven(self, naam: str, *, tsa: bool = False) -> tuple[x509.Certificate, Any]:
        sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        bouwer = (
            x509.CertificateBuilder()
            .subject_name(_naam(naam))
            .issuer_name(self.stam.subject)
            .public_key(sleutel.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NU - datetime.timedelta(hours=1))
            .not_valid_after(NU + datetime.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_gebruik(ca=False), critical=True)
            .add_extension(
                x509.CRLDistributionPoints(
                    [
                        x509.DistributionPoint(
                            [x509.UniformResourceIdentifier(self.crl_url)], None, None, None
                        )
                    ]
                ),
                critical=False,
            )
        )
        if tsa:
            bouwer = bouwer.add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
            )
        return bouwer.sign(self.sleutel, hashes.SHA256()), sleutel

    def ondertekenaar(self, naam: str) -> Certificaat:
        """A signer's PKCS#12 file, with the root beside their certificate."""
        cert, sleutel = self.uitgeven(naam)
        pad = self.map_ / f"{len(list(self.map_.glob('*.p12')))}.p12"
        pad.write_bytes(
            pkcs12.serialize_key_and_certificates(
                b"test",
                sleutel,
                cert,
                [self.stam],
                serialization.BestAvailableEncryption(WACHTWOORD.encode()),
            )
        )
        return Certificaat(pad, cert.public_bytes(serialization.Encoding.DER))

    def crl(self) -> bytes:
        lijst = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.stam.subject)
            .last_update(NU - datetime.timedelta(hours=1))
            .next_update(NU + datetime.timedelta(days=7))
            .sign(self.sleutel, hashes.SHA256())
        )
        return lijst.public_bytes(serialization.Encoding.DER)


@dataclass
class Diensten:
    """The TSA and the CRL of one Pki, and what was asked of them."""

    url: str
    pki: Pki | None = None
    tsa: Any = None  # pyHanko's DummyTimeStamper, signing with the TSA's key
    verzoeken: Counter[str] = field(default_factory=Counter)

    def maak_tsa(self) -> None:
        from asn1crypto import keys
        from asn1crypto import x509 as asn1_x509
        from pyhanko.sign.timestamps import DummyTimeStamper
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        assert self.pki is not None
        cert, sleutel = self.pki.uitgeven("GKA Test Tijdstempeldienst", tsa=True)
        der = serialization.Encoding.DER
        tsa_cert = asn1_x509.Certificate.load(cert.public_bytes(der))
        stam = asn1_x509.Certificate.load(self.pki.stam.public_bytes(der))
        self.tsa = DummyTimeStamper(
            tsa_cert=tsa_cert,
            tsa_key=keys.PrivateKeyInfo.load(
                sleutel.private_bytes(
                    der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
                )
            ),
            certs_to_embed=SimpleCertificateStore.from_certs([tsa_cert, stam]),  # type: ignore[no-untyped-call]
        )


def _handler(diensten: Diensten) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            from asn1crypto import tsp

            diensten.verzoeken[self.path] += 1
            lengte = int(self.headers.get("Content-Length", "0"))
            verzoek = tsp.TimeStampReq.load(self.rfile.read(lengte))
            if self.path != "/tsa" or diensten.tsa is None:
                self.send_error(404)
                return
            self._stuur(diensten.tsa.request_tsa_response(verzoek).dump(), "timestamp-reply")

        def do_GET(self) -> None:
            diensten.verzoeken[self.path] += 1
            if self.path != "/stam.crl" or diensten.pki is None:
                self.send_error(404)
                return
            self._stuur(diensten.pki.crl(), "pkix-crl")

        def _stuur(self, inhoud: bytes, soort: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", f"application/{soort}")
            self.send_header("Content-Length", str(len(inhoud)))
            self.end_headers()
            self.wfile.write(inhoud)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def diensten(map_: Path) -> Iterator[Diensten]:
    """A PKI in `map_` with its TSA (/tsa) and CRL (/stam.crl) served on 127.0.0.1."""
    d = Diensten(url="")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(d))
    d.url = f"http://127.0.0.1:{server.server_address[1]}"
    d.pki = Pki(map_, f"{d.url}/stam.crl")
    d.maak_tsa()
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    try:
        yield d
    finally:
        server.shutdown()
        server.server_close()
