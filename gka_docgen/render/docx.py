"""Context -> the signable DOCX, from the Word template (docxtpl).

The template holds layout only; every word comes from the context. The result
is returned as bytes (never written here) and is reproducible: the same
context gives the same bytes, in any process, at any time.
"""

from __future__ import annotations

import functools
import io
from datetime import UTC, datetime
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docxtpl import DocxTemplate

from gka_docgen.render.context import Context, als_dict
from gka_docgen.render.docx_jinja import AFBEELDING_ID, URL_ID, AfbeeldingId, omgeving
from gka_docgen.render.docx_zip import vaste_zip
from gka_docgen.render.templates import SJABLONEN

SJABLOON = SJABLONEN / "gka-agenda.docx"


@functools.cache
def sjabloon_bytes(pad: Path = SJABLOON) -> bytes:
    """The template, read from disk once per process."""
    return pad.read_bytes()


def documentdatum(context: Context) -> datetime:
    """The date in the document properties: 1 January of the period's first year.

    Derived from the content, not the clock, so the bytes stay reproducible.
    """
    return datetime(int(context.document.periode[:4]), 1, 1, tzinfo=UTC)


def _eigenschappen(tpl: DocxTemplate, context: Context) -> None:
    props = tpl.docx.core_properties
    props.title = context.opening.titel
    props.subject = context.document.onderwerp
    props.author = context.document.auteur
    props.last_modified_by = context.document.auteur
    props.keywords = ", ".join(context.document.trefwoorden)
    props.language = context.document.taal
    props.category = context.document.documentnaam
    props.comments = ""
    props.revision = 1
    props.created = props.modified = documentdatum(context)


def _afbeelding_id(tpl: DocxTemplate) -> AfbeeldingId:
    def toevoegen(inhoud: bytes, naam: str) -> str:
        deel = tpl.docx.part
        afbeelding = Part(PackURI(f"/word/media/{naam}"), "image/x-emf", inhoud, deel.package)
        return str(deel.relate_to(afbeelding, RELATIONSHIP_TYPE.IMAGE))

    return toevoegen


def render_docx(context: Context, sjabloon: bytes | None = None) -> bytes:
    """The DOCX of one agenda, as reproducible bytes."""
    tpl = DocxTemplate(io.BytesIO(sjabloon if sjabloon is not None else sjabloon_bytes()))
    tpl.init_docx()
    namen = {**als_dict(context), URL_ID: tpl.build_url_id, AFBEELDING_ID: _afbeelding_id(tpl)}
    tpl.render(namen, jinja_env=omgeving(), autoescape=True)
    _eigenschappen(tpl, context)
    uit = io.BytesIO()
    tpl.save(uit)
    return vaste_zip(uit.getvalue())
