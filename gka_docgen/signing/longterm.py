"""Long-term validity of a signature: an RFC 3161 timestamp (PAdES B-T) and the
revocation information of its certificates in the document security store (B-LT).

Both come from the network, at the user's explicit request (`sign --tsa URL`,
`sign --ltv`): the timestamp authority they name, and the CRL and OCSP addresses
written in the certificates. A document's own content never makes us fetch anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from typing import Any
from urllib.parse import urlsplit

from gka_docgen.errors import Weigering

TSA_WACHTTIJD = 10  # seconds


def tijdstempeldienst(url: str) -> Any:
    """pyHanko's HTTP timestamp client for `url` (http or https only)."""
    from pyhanko.sign.timestamps import HTTPTimeStamper

    delen = urlsplit(url)
    if delen.scheme not in {"http", "https"} or not delen.hostname:
        raise Weigering(
            f"--tsa {url!r} is geen webadres; geef het adres van een tijdstempeldienst "
            "(RFC 3161), bijvoorbeeld --tsa https://tsa.example.nl/tsr"
        )
    return HTTPTimeStamper(url, timeout=TSA_WACHTTIJD)


@contextmanager
def langdurig_fouten(tsa: str | None, ltv: bool) -> Iterator[None]:
    """pyHanko's and aiohttp's errors while fetching, as a message that says what to do."""
    import aiohttp
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.timestamps import TimestampRequestError
    from pyhanko_certvalidator.errors import PathError, RevokedError, ValidationError

    try:
        yield
    except (TimeoutError, TimestampRequestError, aiohttp.ClientError):
        raise Weigering(
            f"de tijdstempeldienst {tsa} gaf geen tijdstempel (geen verbinding, of geen geldig "
            "antwoord); controleer het adres en de verbinding, of teken zonder --tsa"
        ) from None
    except RevokedError as exc:
        raise Weigering(
            "het certificaat is ingetrokken door zijn uitgever; teken met een geldig certificaat"
        ) from exc
    except (PathError, ValidationError, SigningError) as exc:
        # ValidationError: a self-signed certificate not given with --vertrouw, too.
        if not ltv:
            raise
        raise Weigering(
            "kan de keten van het certificaat niet controleren voor --ltv (hij leidt niet naar "
            "een vertrouwd stamcertificaat); geef met --vertrouw het stamcertificaat van de "
            "uitgever op"
        ) from exc


def intrekkingsgegevens(pdf: bytes) -> int:
    """How many CRLs and OCSP responses the PDF's document security store holds."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    return intrekking_in(PdfFileReader(BytesIO(pdf)).root)


def intrekking_in(root: Any) -> int:
    """The same, from a PDF's catalog (its newest revision)."""
    if "/DSS" not in root:
        return 0
    dss = root["/DSS"]
    return sum(len(dss[sleutel]) for sleutel in ("/CRLs", "/OCSPs") if sleutel in dss)
