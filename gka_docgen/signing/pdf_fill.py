"""Place and date of signing written into their text fields, in the signature's own revision.

`sign` sets a field's value (/V) and draws its appearance itself, in the embedded
stamp font, so the filled-in file stays PDF/A (every font used is embedded) and
looks the same in every reader. The change lands in the incremental update that
carries the signature: pyHanko's difference analysis (and `verify`) then sees
form filling beside the new signature, which leaves earlier signatures intact.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

INVUL_GROOTTE = 10
# Room left of and below the text, in points, so it sits on the printed line.
MARGE = 2


@dataclass(frozen=True)
class Tekstveld:
    naam: str
    waarde: str  # empty: not filled in yet


def invulvelden(reader: Any) -> dict[str, Tekstveld]:
    """The text fields of a PDF by name, with their current values."""
    from pyhanko.pdf_utils.generic import pdf_name

    # Indexing, not .get(): pyHanko's dictionaries resolve indirect objects on [].
    if pdf_name("/AcroForm") not in reader.root:
        return {}
    formulier = reader.root[pdf_name("/AcroForm")]
    uit = {}
    velden = formulier[pdf_name("/Fields")] if pdf_name("/Fields") in formulier else ()  # noqa: SIM401 (.get() would not resolve)
    for ref in velden:
        veld = ref.get_object()
        if pdf_name("/FT") not in veld or veld[pdf_name("/FT")] != pdf_name("/Tx"):
            continue
        naam = str(veld[pdf_name("/T")]) if pdf_name("/T") in veld else ""
        waarde = str(veld[pdf_name("/V")]) if pdf_name("/V") in veld else ""
        uit[naam] = Tekstveld(naam, waarde)
    return uit


def vul_in(schrijver: Any, waarden: dict[str, str], font: Path) -> None:
    """Set each named text field to its value, with an appearance drawn in `font`."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name

    formulier = schrijver.root[pdf_name("/AcroForm")]
    for ref in formulier[pdf_name("/Fields")]:
        veld = ref.get_object()
        if pdf_name("/T") not in veld or str(veld[pdf_name("/T")]) not in waarden:
            continue
        x1, y1, x2, y2 = (float(c) for c in veld[pdf_name("/Rect")])
        tekst = waarden[str(veld[pdf_name("/T")])]
        veld[pdf_name("/V")] = generic.pdf_string(tekst)
        veld[pdf_name("/AP")] = generic.DictionaryObject(
            {pdf_name("/N"): _uiterlijk(schrijver, tekst, abs(x2 - x1), abs(y2 - y1), font)}
        )
        schrijver.mark_update(ref)


def _uiterlijk(schrijver: Any, tekst: str, breedte: float, hoogte: float, font: Path) -> Any:
    """A form XObject with `tekst` on the field's line, shrunk if it is too long."""
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStamp, TextStampStyle

    stijl = TextStampStyle(
        stamp_text=tekst.replace("%", "%%"),
        border_width=0,
        text_box_style=TextBoxStyle(
            font=GlyphAccumulatorFactory(str(font), font_size=INVUL_GROOTTE),
            font_size=INVUL_GROOTTE,
            # pyHanko pads a text box by 10 pt on every side by default: too much for a line.
            box_layout_rule=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MIN,
                y_align=layout.AxisAlignment.ALIGN_MIN,
                margins=layout.Margins(),
            ),
        ),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN,
            y_align=layout.AxisAlignment.ALIGN_MIN,
            margins=layout.Margins(left=1, bottom=MARGE),
        ),
    )
    stempel = TextStamp(schrijver, stijl, box=layout.BoxConstraints(width=breedte, height=hoogte))
    return stempel.register()
