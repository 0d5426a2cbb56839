"""The ETSI EN 319 102-1 indication of a signature: what a validator reports about it.

Three main indications (TOTAL_PASSED, TOTAL_FAILED, INDETERMINATE) and, unless
passed, a sub-indication naming the reason. pyHanko's own AdES sub-indication
(`SignatureStatus.trust_problem_indic`) covers the certificate and its chain;
the cases pyHanko's simple validation does not name (a broken hash, a signature
value that does not verify, a certificate outside its dates at the signing time)
use the sub-indications the standard gives them.

This is the indication of the signature itself. Whose field it is and what
changed in the document after signing are verify's own checks, beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Indicatie:
    indicatie: str  # TOTAL_PASSED, TOTAL_FAILED or INDETERMINATE
    subindicatie: str | None = None

    def __str__(self) -> str:
        return f"{self.indicatie}/{self.subindicatie}" if self.subindicatie else self.indicatie


GESLAAGD = Indicatie("TOTAL_PASSED")
HASH = Indicatie("TOTAL_FAILED", "HASH_FAILURE")
HANDTEKENING_ONJUIST = Indicatie("TOTAL_FAILED", "SIG_CRYPTO_FAILURE")
HANDTEKENING_ONLEESBAAR = Indicatie("TOTAL_FAILED", "FORMAT_FAILURE")
NOG_NIET_GELDIG = Indicatie("TOTAL_FAILED", "NOT_YET_VALID")
# Signed (by the timestamp or the signer's clock) after the certificate expired; pyHanko
# reports an expired signer's certificate the same way.
VERLOPEN = Indicatie("INDETERMINATE", "OUT_OF_BOUNDS_NO_POE")
GEEN_KETEN = Indicatie("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND")

_HOOFD = {"PASSED": "TOTAL_PASSED", "FAILED": "TOTAL_FAILED", "INDETERMINATE": "INDETERMINATE"}


def van_pyhanko(subindicatie: Any, pad_gevonden: bool) -> Indicatie:
    """From pyHanko's AdES sub-indication (None: no trust problem) and whether a path was built."""
    if subindicatie is not None:
        return Indicatie(_HOOFD[subindicatie.status.name], str(subindicatie.standard_name))
    return GESLAAGD if pad_gevonden else GEEN_KETEN
