"""A self-signed test certificate with its key, as a password-protected PKCS#12 file."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

WACHTWOORD = "geheim wachtwoord"


@dataclass(frozen=True)
class Certificaat:
    p12: Path
    cert_der: bytes


def maak_certificaat(
    map_: Path,
    naam: str,
    *,
    van: datetime.timedelta = datetime.timedelta(days=-1),
    tot: datetime.timedelta = datetime.timedelta(days=30),
) -> Certificaat:
    """A self-signed certificate valid from now + `van` until now + `tot` (past: expired)."""
    sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    onderwerp = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, naam)])
    nu = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(onderwerp)
        .issuer_name(onderwerp)
        .public_key(sleutel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu + van)
        .not_valid_after(nu + tot)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(sleutel, hashes.SHA256())
    )
    pad = map_ / "test.p12"
    pad.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"test",
            sleutel,
            cert,
            None,
            serialization.BestAvailableEncryption(WACHTWOORD.encode()),
        )
    )
    return Certificaat(pad, cert.public_bytes(serialization.Encoding.DER))
