"""Write templates/fonts/NotoEmoji-Regular.ttf: the PDF's fallback font for emoji.

Source: Google's monochrome Noto Emoji 3.002, the variable font `NotoEmoji[wght].ttf`
(SIL Open Font License 1.1, no Reserved Font Name). Debian 12 does not package it; the
PyPI package manimgx-fonts 2026.9.26.post1 carries it unmodified (its name table:
"Noto Emoji", "Version 3.002", "Copyright 2013 Google LLC", the OFL notice):

    pip download --no-deps manimgx-fonts==2026.9.26.post1 -d /tmp/noto
    python -m zipfile -e /tmp/noto/manimgx_fonts-*.whl /tmp/noto/x
    .venv/bin/python scripts/emojifont.py "/tmp/noto/x/manimgx_fonts/NotoEmoji[wght].ttf"

The script checks the source's SHA-256, fixes the weight at 400 (a PDF cannot carry a
variable font's axes) and keeps every character and sequence of the font (flags, ZWJ,
keycaps, skin tones, with their GSUB ligatures): emoji DejaVu Sans also has stay in,
so a sequence like U+2764 U+FE0F is drawn whole by one font. Same source, same bytes.
Run it again only when the source font changes.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from fontTools import subset  # type: ignore[import-untyped]  # fontTools ships no types
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from fontTools.varLib import instancer  # type: ignore[import-untyped]

DOEL = Path(__file__).resolve().parent.parent / "templates" / "fonts" / "NotoEmoji-Regular.ttf"
BRON_SHA256 = "de6c18832938afc99caf132b39d6a30a19bac7f2e812e28db2535b4608d27551"


def maak(bron: Path, doel: Path) -> None:
    if hashlib.sha256(bron.read_bytes()).hexdigest() != BRON_SHA256:
        sys.exit(f"{bron} is niet Noto Emoji 3.002 (SHA-256 wijkt af)")
    font = instancer.instantiateVariableFont(TTFont(bron), {"wght": 400})
    opties = subset.Options()
    opties.layout_features = ["*"]
    opties.name_IDs = ["*"]  # keeps the copyright and licence notices (OFL 1.1)
    opties.notdef_outline = True
    # Vertical metrics and the variable font's style table: unused in horizontal Dutch text.
    opties.drop_tables += ["vhea", "vmtx", "STAT"]
    subsetter = subset.Subsetter(opties)
    subsetter.populate(unicodes=font.getBestCmap().keys())
    subsetter.subset(font)
    font.recalcTimestamp = False  # keep the source's dates, not the time of this run
    font.save(doel)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    maak(Path(sys.argv[1]), DOEL)
