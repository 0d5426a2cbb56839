"""The Office signature line of a definitief DOCX, read back from the XML."""

from __future__ import annotations

import functools
import io
import re
import struct
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn

from gka_docgen.document import text
from gka_docgen.render.context import Context, bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.render.docx_signature import handtekening_emf
from gka_docgen.source.load import laad
from tests.conftest import DATA
from tests.wordcheck import controleer_voor_word

DEFINITIEF = DATA / "docx" / "almere-definitief.yaml"
LEEG = DATA / "docx" / "concept-leeg.yaml"
VOLLEDIG = DATA / "valid" / "volledig.yaml"  # definitief, another municipality

NS_O = "urn:schemas-microsoft-com:office:office"
NS_V = "urn:schemas-microsoft-com:vml"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_GUID = re.compile(r"\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}")


@functools.cache
def gerenderd(pad: Path) -> tuple[Context, bytes]:
    context = bouw(laad(pad).agenda)
    return context, render_docx(context)


def _document(pad: Path) -> Any:
    return Document(io.BytesIO(gerenderd(pad)[1]))


def _lijnen(element: Any) -> list[Any]:
    return list(element.iter(f"{{{NS_O}}}signatureline"))


def _blokken(pad: Path) -> list[Any]:
    """The table of each signatory: the ones whose first label is 'Naam' and last 'Handtekening'."""
    return [
        t
        for t in _document(pad).tables
        if t.rows[0].cells[0].text == text.ONDERTEKENAAR_LABELS["naam"]
        and t.rows[-1].cells[0].text == text.HANDTEKENING
    ]


def test_one_signature_line_per_signatory_in_that_signatorys_block() -> None:
    context, _ = gerenderd(DEFINITIEF)
    blokken = _blokken(DEFINITIEF)
    assert len(blokken) == len(context.ondertekening.ondertekenaars) == 3
    agenda = laad(DEFINITIEF).agenda
    for blok, o in zip(blokken, agenda.ondertekening.ondertekenaars, strict=True):
        # Only in the signature cell of the block's last row.
        assert [len(_lijnen(r._tr)) for r in blok.rows] == [0, 0, 0, 0, 0, 1]
        [lijn] = _lijnen(blok.rows[-1].cells[1]._tc)
        assert lijn.get(f"{{{NS_O}}}suggestedsigner") == o.naam
        assert lijn.get(f"{{{NS_O}}}suggestedsigner2") == f"{o.functie}, {o.organisatie}"
        assert lijn.get("signinginstructions") == (
            f"Onderteken dit GKA-Addendum 2021-2024 namens {o.organisatie}."
        )
        assert lijn.get("signinginstructionsset") == lijn.get("issignatureline") == "t"
        # The row keeps its label; the signature line draws the line to sign on.
        assert blok.rows[-1].cells[1]._tc.tcPr.find(qn("w:tcBorders")) is None


def test_names_with_markup_and_template_markers_stay_as_typed(tmp_path: Path) -> None:
    naam = 'Mw. "A" & <B> {_{ x }_} {_% y %_} O’Neill'
    bron = DEFINITIEF.read_text(encoding="utf-8")
    pad = tmp_path / "bijzonder.yaml"
    pad.write_text(bron.replace('"Mw. A. de Jong"', f"'{naam}'"), encoding="utf-8")
    context = bouw(laad(pad).agenda)
    docx = render_docx(context)
    lijnen = _lijnen(Document(io.BytesIO(docx)).element)
    assert lijnen[0].get(f"{{{NS_O}}}suggestedsigner") == naam
    assert handtekening_emf(context.ondertekening.ondertekenaars[0].handtekeningregel) in _media(
        docx
    )
    controleer_voor_word(docx)


def _media(docx: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return [z.read(n) for n in z.namelist() if n.startswith("word/media/")]


def test_the_instruction_names_the_kind_of_document() -> None:
    assert text.handtekening_instructie("agenda", "2019-2021", "Gemeente Weert") == (
        "Onderteken deze GKA-Agenda 2019-2021 namens Gemeente Weert."
    )


def test_each_line_has_its_own_id_derived_from_the_document() -> None:
    ids = [lijn.get("id") for lijn in _lijnen(_document(DEFINITIEF).element)]
    assert len(ids) == len(set(ids)) == 3
    assert all(_GUID.fullmatch(i) for i in ids)
    # Another municipality's agreement: other ids (the same build gives the same ones,
    # see the byte-identical renders in test_docx_template.py).
    anders = [lijn.get("id") for lijn in _lijnen(_document(VOLLEDIG).element)]
    assert anders and not set(anders) & set(ids)


def test_each_line_shows_its_own_picture() -> None:
    context, docx = gerenderd(DEFINITIEF)
    doc = Document(io.BytesIO(docx))
    vormen = list(doc.element.iter(f"{{{NS_V}}}shape"))
    assert len(vormen) == 3
    rids = [vorm.find(f"{{{NS_V}}}imagedata").get(f"{{{NS_R}}}id") for vorm in vormen]
    for rid, o in zip(rids, context.ondertekening.ondertekenaars, strict=True):
        deel = doc.part.related_parts[rid]
        assert deel.content_type == "image/x-emf"
        assert deel.blob == handtekening_emf(o.handtekeningregel)


def test_a_concept_keeps_the_printed_line_only() -> None:
    _, docx = gerenderd(LEEG)
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]
        assert b"<w:pict>" not in z.read("word/document.xml")
    for blok in _blokken(LEEG):
        assert [p.style.name for p in blok.rows[-1].cells[1].paragraphs] == ["Schrijflijn"]


def _records(emf: bytes) -> list[tuple[int, bytes]]:
    uit, positie = [], 0
    while positie < len(emf):
        soort, grootte = struct.unpack_from("<II", emf, positie)
        assert grootte >= 8 and grootte % 4 == 0, (soort, grootte)
        uit.append((soort, emf[positie + 8 : positie + grootte]))
        positie += grootte
    assert positie == len(emf)
    return uit


def test_the_picture_is_a_well_formed_emf_with_name_and_title() -> None:
    context, _ = gerenderd(DEFINITIEF)
    regel = context.ondertekening.ondertekenaars[1].handtekeningregel
    emf = handtekening_emf(regel)
    records = _records(emf)
    soort, kop = records[0]
    assert soort == 1 and kop[32:36] == b" EMF"
    assert struct.unpack_from("<II", kop, 40) == (len(emf), len(records))
    assert records[-1][0] == 14  # EMR_EOF
    teksten = []
    for soort, inhoud in records:
        if soort == 84:  # EMR_EXTTEXTOUTW: the string sits at offString from the record start
            n, begin = struct.unpack_from("<II", inhoud, 28 + 8)
            teksten.append(_emf_tekst(inhoud, n, begin))
    assert teksten == ["X", regel.ondertekenaar, regel.functie, regel.organisatie]


def _emf_tekst(inhoud: bytes, n: int, begin: int) -> str:
    return inhoud[begin - 8 : begin - 8 + 2 * n].decode("utf-16-le")
