"""Write templates/fonts/DejaVuSans-1000.ttf: DejaVu Sans rescaled to 1000 units per em.

pyHanko 0.38's GlyphAccumulator writes glyph widths (/W) in font units, which
PDF reads as thousandths of an em, so a signature stamp needs a 1000-unit font.
Rescaling takes about 1.7 s, hence this one-off script instead of doing it per
signature. Run it again only when the source font changes.
It drops FFTM (FontForge's timestamp), which fontTools would warn about at every
subset.
"""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # fontTools ships no types
from fontTools.ttLib.scaleUpem import scale_upem  # type: ignore[import-untyped]

FONTS = Path(__file__).resolve().parent.parent / "templates" / "fonts"


def main() -> None:
    font = TTFont(FONTS / "DejaVuSans.ttf")
    scale_upem(font, 1000)
    # FontForge's timestamp table: fontTools cannot subset it and warns on every signature.
    del font["FFTM"]
    font.save(FONTS / "DejaVuSans-1000.ttf")


if __name__ == "__main__":
    main()
