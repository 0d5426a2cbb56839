"""User text is data, never template: it comes out of the DOCX exactly as typed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from gka_docgen.build.batch import bouw_alles
from gka_docgen.errors import OngeldigeAgenda
from gka_docgen.render.context import bouw
from gka_docgen.render.docx import render_docx
from gka_docgen.source.load import laad
from tests.conftest import DATA
from tests.docx_tekst import alineas

BIJZONDER = DATA / "docx" / "bijzondere-tekens.yaml"

VERBATIM = [
    "A & B",
    "<BV>",
    "{{ 7*7 }}",
    "{% if x %}",
    "{% if x %}kinderen{% endif %}",
    "{{ gemeente }} en {% endfor %}",
    "{# geen commentaar #} en {%p if y %} en {{r x }} blijven tekst.",
    "Markers {_{ blijven }_} en {_% staan %_} zoals getypt.",
    'Samen met "de scholen" en ’t Kinderhuis in \'s-Hertogenbosch.',
    'Stichting "Kansrijk" & partners',
    "Ĳsbrand O’Neill",
    "Dr. Ö. Çelik & Zn.",
    "Wethouder <Onderwijs>",
    "'s-Hertogenbosch, Súdwest-Fryslân",
    "Gelijke Kansen voor alle kinderen en jongeren in gemeente Súdwest-Fryslân",
    "Wijk Ĳsselmonde, ijs en ĳs: € 1.250,50 voor 🎓 studiebeurzen 👩‍🎓.",
    "Rechts naar links: مرحبا بالعالم en שלום עולם.",
    "Tab\ttussen woorden, &amp; geen entiteit, ]]> geen CDATA.",
    "A < B > C",
    "100% gemeente",
    "https://example.org/zoek?q=a&b=c",
    "Kosten & baten {{ x }}",
]


@pytest.fixture(scope="module")
def docx() -> bytes:
    return render_docx(bouw(laad(BIJZONDER).agenda))


@pytest.mark.parametrize("tekst", VERBATIM)
def test_special_text_comes_out_verbatim(docx: bytes, tekst: str) -> None:
    assert tekst in [a.tekst for a in alineas(docx)]


def test_no_table_lost_to_markup_in_the_text(docx: bytes) -> None:
    # One intervention, one signatory, the budget: an unescaped '&' or '<' breaks
    # the XML and docxtpl's recovering parser silently drops what follows.
    assert len(Document(io.BytesIO(docx)).tables) == 3


def test_the_hyperlink_keeps_its_query_string(docx: bytes) -> None:
    doc = Document(io.BytesIO(docx))
    adressen = [
        link.address
        for t in doc.tables
        for r in t.rows
        for c in r.cells
        for p in c.paragraphs
        for link in p.hyperlinks
    ]
    assert adressen == ["https://example.org/zoek?q=a&b=c"]


_BASIS = (DATA / "docx" / "concept-leeg.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("regel", "gelokaliseerd"),
    [
        # A YAML escape of U+0007: the model refuses it at the field's line.
        ('bestuurlijk_overleg: "Overleg\\aelke maand"', True),
        # The raw character in the file: the YAML reader refuses it at its line and column.
        ("bestuurlijk_overleg: Overleg\x0belke maand", False),
    ],
    ids=["yaml-escape", "raw"],
)
def test_a_control_character_is_refused_and_nothing_is_rendered(
    tmp_path: Path, regel: str, gelokaliseerd: bool
) -> None:
    bron = tmp_path / "stuurteken.yaml"
    bron.write_text(_BASIS.replace("bestuurlijk_overleg:", regel, 1), encoding="utf-8")
    with pytest.raises(OngeldigeAgenda) as fout:
        laad(bron)
    probleem = fout.value.problemen[0]
    assert "stuurteken" in probleem.melding
    assert probleem.regel is not None
    assert probleem.kolom is not None
    if gelokaliseerd:  # the model knows the field; the YAML reader only the position
        assert probleem.pad == ("bestuurlijk_overleg",)
    uit = tmp_path / "out"
    resultaat = bouw_alles([bron], ["docx"], uit)
    assert resultaat.met_status("gebouwd") == []
    assert resultaat.problemen
    assert not [p for p in uit.rglob("*") if p.suffix in {".docx", ".pdf"}]
