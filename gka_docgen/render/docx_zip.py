"""Reproducible DOCX bytes: the same parts always give the same zip.

python-docx stamps every zip entry with the current time (and the host's
platform), so two renders of one agenda differ in a few bytes. Rewriting the
package with a fixed date, platform, permissions and member order makes the
bytes depend on the content alone.
"""

from __future__ import annotations

import io
import zipfile

# The earliest date a zip entry can hold; it says "no date" to anyone who looks.
ZIP_DATUM = (1980, 1, 1, 0, 0, 0)
_EERST = ("[Content_Types].xml", "_rels/.rels")


def _volgorde(naam: str) -> tuple[int, str]:
    # [Content_Types].xml first (some readers expect it there), then the package
    # relationships, then every other part by name.
    return (_EERST.index(naam) if naam in _EERST else len(_EERST), naam)


def vaste_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps, attributes and member order."""
    with zipfile.ZipFile(io.BytesIO(data)) as bron:
        delen = {info.filename: bron.read(info) for info in bron.infolist()}
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", compression=zipfile.ZIP_DEFLATED) as doel:
        for naam in sorted(delen, key=_volgorde):
            info = zipfile.ZipInfo(naam, date_time=ZIP_DATUM)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the host
            info.external_attr = 0o644 << 16
            doel.writestr(info, delen[naam], compresslevel=6)
    return uit.getvalue()
