"""Emoji and symbols in the PDF: drawn by a font of ours, never as the missing-glyph box."""

from __future__ import annotations

import logging
import re
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # fontTools ships no types
from pypdf import PdfReader

from tests.conftest import Verzamelaar, bekende_beperking
from tests.pdfhulp import EMOJI, pdffonts, render

# Each as the PDF's text layer gives it back for one glyph: flags, ZWJ sequences and skin
# tones are one ligature of the emoji font; the heart's U+FE0F picks that font too.
VAN_DE_EMOJIFONT = ("😀", "✅", "🎓", "🥳", "🇳🇱", "👩\u200d💻", "👍🏽", "❤", "📚", "📅", "🚌")
# Symbols DejaVu Sans draws itself (the first font in the list).
VAN_DEJAVU = ("★", "☎", "☀")


@pytest.fixture(scope="module")
def emoji_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Path]:
    # Rendered once, before the per-test WeasyPrint guard is set up: so it checks here.
    verzamelaar = Verzamelaar()
    logging.getLogger("weasyprint").addHandler(verzamelaar)
    try:
        _, _, pdf = render(EMOJI)
    finally:
        logging.getLogger("weasyprint").removeHandler(verzamelaar)
    assert verzamelaar.meldingen == []
    pad = tmp_path_factory.mktemp("emoji") / "emoji.pdf"
    pad.write_bytes(pdf)
    return pdf, pad


def _naar_tekst(cmap: str) -> dict[int, str]:
    """A ToUnicode CMap's bfchar entries: glyph id -> text (WeasyPrint writes no ranges)."""
    paren = re.findall(r"<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]*)>", cmap.split("beginbfchar", 1)[-1])
    return {int(cid, 16): bytes.fromhex(utf16).decode("utf-16-be") for cid, utf16 in paren}


def getekende_glyfen(pdf: bytes) -> dict[str, list[tuple[str, bool]]]:
    """For every text a glyph stands for: which font draws it, and whether with an outline.

    The embedded font programs keep their glyph ids (CIDToGIDMap /Identity), so the id a
    PDF shows is the id in the embedded TrueType; glyph 0 is .notdef, the box.
    """
    glyfen: dict[str, list[tuple[str, bool]]] = {}
    gezien: set[int] = set()
    for pagina in PdfReader(BytesIO(pdf)).pages:
        bronnen: Any = pagina["/Resources"]  # pypdf types every value as a bare PdfObject
        for verwijzing in bronnen["/Font"].values():
            font = verwijzing.get_object()
            if verwijzing.idnum in gezien:
                continue
            gezien.add(verwijzing.idnum)
            cid_font = font["/DescendantFonts"][0].get_object()
            assert cid_font["/CIDToGIDMap"] == "/Identity"
            programma = cid_font["/FontDescriptor"]["/FontFile2"].get_data()
            tt = TTFont(BytesIO(programma))
            volgorde, glyf = tt.getGlyphOrder(), tt["glyf"]
            naam = str(font["/BaseFont"]).split("+")[-1]
            for gid, tekst in _naar_tekst(font["/ToUnicode"].get_data().decode()).items():
                getekend = 0 < gid < len(volgorde) and glyf[volgorde[gid]].numberOfContours != 0
                glyfen.setdefault(tekst, []).append((naam, getekend))
    return glyfen


def test_emoji_are_drawn_by_the_emoji_font(emoji_pdf: tuple[bytes, Path]) -> None:
    glyfen = getekende_glyfen(emoji_pdf[0])
    for teken in VAN_DE_EMOJIFONT:
        assert glyfen.get(teken) == [("GKA-Emoji", True)], (teken, glyfen.get(teken))
    for teken in VAN_DEJAVU:
        assert glyfen.get(teken) == [("GKA-Sans", True)], (teken, glyfen.get(teken))


def test_every_glyph_has_an_outline(emoji_pdf: tuple[bytes, Path]) -> None:
    # Spaces and the keycap's combining mark (drawn on the digit) are the blank glyphs.
    blanco = {tekst for tekst in getekende_glyfen(emoji_pdf[0]) if not tekst.strip()}
    for tekst, fonts in getekende_glyfen(emoji_pdf[0]).items():
        if tekst not in blanco:
            assert all(getekend for _, getekend in fonts), (tekst, fonts)


def test_emoji_font_is_embedded_and_subset(emoji_pdf: tuple[bytes, Path]) -> None:
    fonts = {regel[0].split("+")[-1]: regel[-5:-2] for regel in pdffonts(emoji_pdf[1])}
    assert fonts["GKA-Emoji"] == ["yes", "yes", "yes"]  # emb sub uni
    assert set(fonts) <= {"GKA-Sans", "GKA-Sans-Bold", "GKA-Sans-Italic", "GKA-Emoji"}


def test_the_guard_lets_only_characters_without_a_font_through() -> None:
    melding = '.notdef glyph rendered for Unicode string unsupported by fonts: "{}" (U+{:04X})'
    assert bekende_beperking(melding.format("一", 0x4E00))  # CJK: no font of ours has it
    assert not bekende_beperking(melding.format("🎓", 0x1F393))  # Noto Emoji has it
    assert not bekende_beperking(melding.format("é", 0xE9))  # DejaVu Sans has it
    assert not bekende_beperking("Font-face 'GKA Emoji' cannot be loaded")
