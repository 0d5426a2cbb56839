"""Certificates a user trusts (`--vertrouw`) and the validation context built on them.

`verify` never fetches anything: revocation information comes from the file
itself. `sign --ltv` fetches it from the addresses in the certificates, to
embed it (`longterm`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gka_docgen.errors import Weigering


def validatiecontext(wortels: Sequence[Any], *, ophalen: bool = False) -> Any:
    """A pyHanko validation context: `wortels` as trust roots (none: the system's)."""
    from pyhanko_certvalidator import ValidationContext

    if wortels:
        return ValidationContext(trust_roots=list(wortels), allow_fetching=ophalen)
    return ValidationContext(allow_fetching=ophalen)


def lees_certificaat(pad: Path) -> Any:
    """The certificate in `pad` (PEM or DER), parsed whole, or a message saying it is none."""
    from asn1crypto import pem, x509

    try:
        data = pad.read_bytes()
    except OSError as exc:
        raise Weigering(f"kan {pad} niet lezen ({exc.strerror})") from None
    try:
        if pem.detect(data):
            _, _, data = pem.unarmor(data)
        certificaat = x509.Certificate.load(data)
        certificaat.native  # noqa: B018 - parses the whole certificate now, not later
    except (ValueError, TypeError, OSError):
        raise Weigering(f"{pad} is geen certificaat (PEM of DER)") from None
    return certificaat
