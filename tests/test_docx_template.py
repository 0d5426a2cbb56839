"""The Word template: its contract with the context, its source, reproducible output."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import re
import subprocess
import sys
import zipfile
from types import ModuleType

from docx import Document
from docx.oxml import parse_xml
from docxtpl import DocxTemplate

from gka_docgen.render.context import bouw
from gka_docgen.render.docx import SJABLOON, render_docx
from gka_docgen.render.docx_jinja import omgeving
from gka_docgen.render.docx_zip import ZIP_DATUM
from gka_docgen.source.load import laad
from tests.conftest import DATA, ROOT
from tests.sjabloonhulp import controleer

DEFINITIEF = DATA / "docx" / "almere-definitief.yaml"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def _script() -> ModuleType:
    pad = ROOT / "scripts" / "make_docx_template.py"
    spec = importlib.util.spec_from_file_location("make_docx_template", pad)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_template_uses_only_fields_of_the_context() -> None:
    # As docxtpl reads the parts (its get_undeclared_template_variables): body, headers
    # and footers, with its {%p %}/{%tr %} tags turned into Jinja.
    tpl = DocxTemplate(SJABLOON)
    doc = Document(str(SJABLOON))
    bron = tpl.patch_xml(tpl.xml_to_string(doc._element.body))
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for rel in doc.part.rels.values():
            if rel.reltype == uri:
                bron += tpl.patch_xml(tpl.xml_to_string(parse_xml(rel.target_part.blob)))
    gebruikt = controleer(omgeving().parse(bron), omgeving())
    # Not vacuous: the body, the header and the footer are all read.
    assert {
        "opening.titel",
        "afspraak.interventies",
        "bijlage.begroting",
        "document.korte_titel",
        "document.concept",
        "document.pagina",
    } <= gebruikt


def test_template_holds_no_text_of_its_own() -> None:
    doc = Document(str(SJABLOON))
    sectie = doc.sections[0]
    paragrafen = [*doc.paragraphs, *sectie.header.paragraphs, *sectie.footer.paragraphs]
    paragrafen += [p for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    rest = [_TAG.sub("", p.text).strip() for p in paragrafen]
    # The footer's page fields show a placeholder number until a reader computes them.
    assert {r for r in rest if r} <= {"1  1"}


def test_committed_template_is_what_the_script_makes() -> None:
    assert _script().maak_sjabloon() == SJABLOON.read_bytes(), (
        "templates/gka-agenda.docx is out of date: run python scripts/make_docx_template.py"
    )


def test_two_renders_are_byte_identical() -> None:
    context = bouw(laad(DEFINITIEF).agenda)
    assert render_docx(context) == render_docx(context)


def test_renders_in_separate_processes_are_byte_identical() -> None:
    code = (
        "import hashlib, pathlib, sys\n"
        "from gka_docgen.render.context import bouw\n"
        "from gka_docgen.source.load import laad\n"
        "from gka_docgen.render.docx import render_docx\n"
        "docx = render_docx(bouw(laad(pathlib.Path(sys.argv[1])).agenda))\n"
        "print(hashlib.sha256(docx).hexdigest())\n"
    )
    hier = hashlib.sha256(render_docx(bouw(laad(DEFINITIEF).agenda))).hexdigest()
    daar = subprocess.run(
        [sys.executable, "-c", code, str(DEFINITIEF)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "12345"},
    ).stdout.strip()
    assert daar == hier


def test_zip_has_fixed_dates_and_member_order() -> None:
    docx = render_docx(bouw(laad(DEFINITIEF).agenda))
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        infos = z.infolist()
    assert {i.date_time for i in infos} == {ZIP_DATUM}
    namen = [i.filename for i in infos]
    assert namen[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert namen[2:] == sorted(namen[2:])
    assert "docProps/thumbnail.jpeg" not in namen
    assert "word/stylesWithEffects.xml" not in namen


def test_a_render_does_not_read_the_template_from_disk_again() -> None:
    context = bouw(laad(DEFINITIEF).agenda)
    render_docx(context)
    sjabloon = str(SJABLOON)
    geopend: list[str] = []

    def let_op(gebeurtenis: str, args: tuple[object, ...]) -> None:
        if gebeurtenis == "open" and args and str(args[0]) == sjabloon:
            geopend.append(gebeurtenis)

    sys.addaudithook(let_op)  # a hook cannot be removed; it only records this path
    render_docx(context)
    render_docx(context)
    assert geopend == []
