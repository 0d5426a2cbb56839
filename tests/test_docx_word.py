"""Valid for Word: the template and every DOCX pass the Open XML SDK's rules (wordcheck)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from gka_docgen.render.context import bouw
from gka_docgen.render.docx import SJABLOON, render_docx
from gka_docgen.source.load import laad, valideer
from tests.agenda_strategies import agenda, als_definitief, als_yaml, opgemaakte_tekst
from tests.conftest import DATA, VOORBEELDEN
from tests.wordcheck import controleer_voor_word, word_bevindingen

ALLE_VOORBEELDEN = [
    *VOORBEELDEN,
    *sorted((DATA / "docx").glob("*.yaml")),
    *sorted((DATA / "valid").glob("*.yaml")),
]
LEEG = DATA / "docx" / "concept-leeg.yaml"


def test_the_committed_template_is_valid_for_word() -> None:
    controleer_voor_word(SJABLOON.read_bytes(), SJABLOON.name)


@pytest.mark.parametrize("pad", ALLE_VOORBEELDEN, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_example_is_valid_for_word(pad: Path) -> None:
    controleer_voor_word(render_docx(bouw(laad(pad).agenda)), pad.name)


def test_the_examples_cover_concept_and_definitief() -> None:
    statussen = {laad(pad).agenda.status for pad in ALLE_VOORBEELDEN}
    assert statussen == {"concept", "definitief"}


# Rendering is quick, validating takes about half a second: a bounded number of
# examples, no shrinking (a failure prints its example).
_WORD = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
# Special characters, paragraphs and bullets, empty fields, up to eight interventions.
_AGENDA = agenda(max_interventies=8, tekst=opgemaakte_tekst())


@pytest.mark.slow
@_WORD
@given(_AGENDA)
def test_any_concept_is_valid_for_word(data: dict[str, Any]) -> None:
    controleer_voor_word(render_docx(bouw(valideer(als_yaml(data), naam="x.yaml"))))


@pytest.mark.slow
@_WORD
@given(_AGENDA.filter(lambda data: bool(data["interventies"])).map(als_definitief))
def test_any_definitief_agenda_is_valid_for_word(data: dict[str, Any]) -> None:
    agenda_ = valideer(als_yaml(data), naam="x.yaml")
    assert agenda_.status == "definitief"
    controleer_voor_word(render_docx(bouw(agenda_)))


# The placeholder style as the template has it, and with the highlight it once had.
_OPEN_VELD = b'<w:rPr><w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/>'
_MET_HIGHLIGHT = b'<w:rPr><w:highlight w:val="yellow"/>' + _OPEN_VELD[len(b"<w:rPr>") :]


def _vervang(docx: bytes, deel: str, oud: bytes, nieuw: bytes) -> bytes:
    """The same package with one replacement in one part."""
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as bron, zipfile.ZipFile(uit, "w") as doel:
        for info in bron.infolist():
            inhoud = bron.read(info)
            if info.filename == deel:
                assert oud in inhoud, f"{oud!r} not in {deel}"
                inhoud = inhoud.replace(oud, nieuw, 1)
            doel.writestr(info, inhoud)
    return uit.getvalue()


@pytest.fixture(scope="module")
def concept() -> bytes:
    return render_docx(bouw(laad(LEEG).agenda))


@pytest.mark.parametrize(
    ("deel", "oud", "nieuw", "melding"),
    [
        # The error this check was made for: a highlight in the placeholder style.
        ("word/styles.xml", _OPEN_VELD, _MET_HIGHLIGHT, "Unexpected element 'highlight'"),
        # Run properties in the wrong order in the body: shading before the style.
        (
            "word/document.xml",
            b'<w:rPr><w:rStyle w:val="Openveld"/></w:rPr>',
            b'<w:rPr><w:shd w:val="clear" w:fill="FFFF00"/><w:rStyle w:val="Openveld"/></w:rPr>',
            "rStyle",
        ),
        # A style that does not exist.
        (
            "word/document.xml",
            b'<w:rStyle w:val="Openveld"/>',
            b'<w:rStyle w:val="Bestaatniet"/>',
            "Bestaatniet",
        ),
    ],
    ids=["highlight-in-style", "order-in-run", "unknown-style"],
)
def test_the_check_rejects_a_docx_word_would_repair(
    concept: bytes, deel: str, oud: bytes, nieuw: bytes, melding: str
) -> None:
    kapot = _vervang(concept, deel, oud, nieuw)
    assert any(melding in b for b in word_bevindingen(kapot)), word_bevindingen(kapot)
    with pytest.raises(AssertionError, match="not valid for Word"):
        controleer_voor_word(kapot)


def test_an_empty_zip_is_no_docx() -> None:
    leeg = io.BytesIO()
    zipfile.ZipFile(leeg, "w").close()
    assert word_bevindingen(leeg.getvalue()) != []


def test_findings_name_part_and_place() -> None:
    kapot = _vervang(SJABLOON.read_bytes(), "word/styles.xml", _OPEN_VELD, _MET_HIGHLIGHT)
    [bevinding] = word_bevindingen(kapot)
    assert bevinding.startswith("error (sdk_proxy) /word/styles.xml /styles[1]/style[")
