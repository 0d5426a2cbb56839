"""What a screen reader gets: the structure tree of a definitief, read back in reading
order, against a golden text dump a reviewer can read (tests/structuurboom.py says how
to regenerate it); and what it must not get: the running header and footer and the
CONCEPT mark, which are artifacts (still drawn on every page)."""

from __future__ import annotations

from pathlib import Path

from tests.pdfhulp import CONCEPT, DATA, DEFINITIEF, pdftotext, render
from tests.structuurboom import structuur

GOLDEN = DATA / "almere-definitief.structuur.txt"


def test_structure_tree_reads_as_the_golden_dump() -> None:
    verwacht = GOLDEN.read_text(encoding="utf-8")
    assert structuur(render(DEFINITIEF)[2]) == verwacht, (
        "de structuurboom is veranderd: maak de dump opnieuw (tests/structuurboom.py) "
        "en bekijk het verschil"
    )


def test_headings_lists_tables_and_forms_are_in_it() -> None:
    regels = GOLDEN.read_text(encoding="utf-8").splitlines()
    soorten = {r.strip().split(":")[0].split(" (")[0] for r in regels}
    assert {"H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "THead"} <= soorten
    assert {"TBody", "TFoot", "TR", "TH", "TD", "Form"} <= soorten
    assert "Form (Sig): Handtekening van Dennis Wiersma" in [r.strip() for r in regels]


def test_header_footer_and_concept_mark_are_drawn_but_not_read(tmp_path: Path) -> None:
    _, context, pdf = render(CONCEPT)
    boom = structuur(pdf)
    pad = tmp_path / "concept.pdf"
    pad.write_bytes(pdf)
    paginas = pdftotext(pad, "-raw").split("\f")[:-1]  # -raw: the rotated mark too
    assert len(paginas) > 3
    for nummer, pagina in enumerate(paginas, start=1):
        voet = f"{context.document.pagina} {nummer} {context.document.van} {len(paginas)}"
        for getekend in (context.document.concept_mark, context.document.korte_titel, voet):
            assert getekend in " ".join(pagina.split()), (nummer, getekend)  # on the page
            assert getekend not in boom, getekend  # not in what is read out
    # Marked as artifacts in the content itself, not merely left out of the tree.
    import pdfplumber

    with pdfplumber.open(pad) as document:
        for nummer, pagina_ in enumerate(document.pages, start=1):
            artefact = "".join(c["text"] for c in pagina_.chars if c.get("tag") == "Artifact")
            for getekend in (
                context.document.concept_mark,
                context.document.korte_titel,
                f"{nummer}",
            ):
                assert getekend.replace(" ", "") in artefact.replace(" ", ""), (nummer, getekend)
