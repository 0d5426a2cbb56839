"""Reading Word's tracked changes (`import` and `compare --wijzigingen`), on the markup Word
writes: moved text, changed formatting, a removed row, a removed paragraph mark."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document
from lxml import etree

from gka_docgen.importing.docx_reader import Alinea, OngeldigDocument, lees_docx
from gka_docgen.importing.tracked_changes import Keuze, heeft_wijzigingen, verwerk

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WIE = 'w:author="Partner" w:date="2026-11-30T10:00:00Z"'


def _body(xml: str) -> Any:
    return etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')


def _alineas(body: Any) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in body.iter(f"{{{W}}}p")]


def _r(tekst: str, tag: str = "t") -> str:
    return f'<w:r><w:{tag} xml:space="preserve">{tekst}</w:{tag}></w:r>'


# Word's markup for: "Eerste." moved below "Tweede."; "Derde" made bold; the row "Weg"
# removed; the mark between "Vier" and "en vijf." removed (two paragraphs made one).
DOCUMENT = (
    f'<w:p><w:moveFrom w:id="1" {_WIE}>{_r("Eerste.")}</w:moveFrom></w:p>'
    f"<w:p>{_r('Tweede.')}</w:p>"
    f'<w:p><w:moveTo w:id="2" {_WIE}>{_r("Eerste.")}</w:moveTo></w:p>'
    f'<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="3" {_WIE}><w:rPr/></w:rPrChange></w:rPr>'
    "<w:t>Derde</w:t></w:r></w:p>"
    f'<w:tbl><w:tr><w:trPr><w:del w:id="4" {_WIE}/></w:trPr><w:tc><w:p>'
    f'<w:del w:id="5" {_WIE}>{_r("Weg", "delText")}</w:del></w:p></w:tc></w:tr>'
    f"<w:tr><w:tc><w:p>{_r('Blijft')}</w:p></w:tc></w:tr></w:tbl>"
    f'<w:p><w:pPr><w:rPr><w:del w:id="6" {_WIE}/></w:rPr></w:pPr>{_r("Vier")}</w:p>'
    f"<w:p>{_r(' en vijf.')}</w:p>"
)


@pytest.mark.parametrize(
    ("keuze", "alineas"),
    [
        ("accepteren", ["", "Tweede.", "Eerste.", "Derde", "Blijft", "Vier en vijf."]),
        ("weigeren", ["Eerste.", "Tweede.", "", "Derde", "Weg", "Blijft", "Vier", " en vijf."]),
    ],
)
def test_word_markup_accepted_and_rejected(keuze: Keuze, alineas: list[str]) -> None:
    body = _body(DOCUMENT)
    assert heeft_wijzigingen(body)
    verwerk(body, keuze)
    assert _alineas(body) == alineas
    assert not heeft_wijzigingen(body)
    vet = body.find(f".//{{{W}}}b")
    assert (vet is not None) == (keuze == "accepteren")
    assert next(body.iter(f"{{{W}}}rPrChange"), None) is None


def test_a_document_with_only_moves_is_refused_or_read_once() -> None:
    """Word writes a dragged paragraph as `w:moveFrom` and `w:moveTo`, no `w:ins` or `w:del`."""
    doc = Document()
    doc.add_paragraph("Tweede.")
    body = doc.element.body
    for plek, tag in ((0, "moveFrom"), (2, "moveTo")):
        body.insert(
            plek,
            etree.fromstring(
                f'<w:p xmlns:w="{W}"><w:{tag} w:id="{plek}" {_WIE}>{_r("Eerste.")}</w:{tag}></w:p>'
            ),
        )
    uit = io.BytesIO()
    doc.save(uit)
    with pytest.raises(
        OngeldigDocument,
        match=r"2 wijzigingen .*\n  verplaatst van: 'Eerste.'\n  verplaatst naar: 'Eerste.'",
    ):
        lees_docx(uit.getvalue(), "verplaatst.docx")
    for keuze, alineas in (
        ("accepteren", ["", "Tweede.", "Eerste."]),
        ("weigeren", ["Eerste.", "Tweede.", ""]),
    ):
        gelezen = lees_docx(uit.getvalue(), "verplaatst.docx", keuze)  # type: ignore[arg-type]
        assert [s.tekst for s in gelezen.stukken if isinstance(s, Alinea)] == alineas
