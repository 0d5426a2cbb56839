"""Whether WeasyPrint will find HarfBuzz's subsetter, checked without importing WeasyPrint.

Without libharfbuzz-subset WeasyPrint falls back to fontTools, silently: slower,
and the embedded font subset then carries the current time, so no two PDFs are
byte-identical. `build` says so once, before it starts.
"""

from __future__ import annotations

import ctypes
import functools

# The names WeasyPrint 70 tries (weasyprint/text/ffi.py), in its order.
_NAMEN = (
    "libharfbuzz-subset.so.0",
    "libharfbuzz-subset.0.dylib",
    "libharfbuzz-subset-0.dll",
    "libharfbuzz-subset-0",
    "harfbuzz-subset",
)

HARFBUZZ_MELDING = (
    "libharfbuzz-subset0 ontbreekt: WeasyPrint valt terug op fontTools. Dat is trager en de "
    "PDF is dan niet reproduceerbaar (elke keer andere bytes). Installeer het pakket "
    "libharfbuzz-subset0 (Debian/Ubuntu)."
)


@functools.cache
def harfbuzz_ontbreekt() -> bool:
    for naam in _NAMEN:
        try:
            ctypes.CDLL(naam)
            return False
        except OSError:
            continue
    return True
