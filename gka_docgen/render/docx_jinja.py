"""The Jinja side of the Word template: how a `Regel` becomes runs, and escaping.

The template (`templates/gka-agenda.docx`, made by `scripts/make_docx_template.py`)
prints every line of user text as `{{r item|regel }}`. The `regel` filter turns a
`Regel` into WordprocessingML runs: plain, a hyperlink, or (in a concept) an
empty field's placeholder in the character style that highlights it. Styles are
referenced by id only, so a coordinator restyles them in Word.

User text is always data: everything is XML-escaped (autoescape), and the
sequences `{_` and `_}`, which docxtpl turns into `{` after rendering, are
written with a character reference for the underscore so they survive.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, MutableMapping
from typing import Any

from jinja2 import Environment, Template, pass_context
from jinja2.runtime import Context as JinjaContext
from markupsafe import Markup

from gka_docgen.document.paragraphs import Regel
from gka_docgen.render.context import Handtekeningregel
from gka_docgen.render.docx_signature import handtekening_emf, handtekening_xml
from gka_docgen.render.docx_xml import xml_tekst

# Style ids the template defines and the renderer refers to.
STIJL_OPEN_VELD = "Openveld"  # character style: an empty field of a concept (highlighted)
STIJL_HYPERLINK = "Hyperlink"  # character style: a web address

# Resolves a web address to the id of a relationship in the document part.
UrlId = Callable[[str], str]
# The render-context key under which the renderer passes the document's `UrlId`
# (a reserved name, not a template variable: only the filter reads it).
URL_ID = "_docx_url_id"
# Adds a picture (EMF bytes, file name) to the document part; returns the relationship id.
AfbeeldingId = Callable[[bytes, str], str]
AFBEELDING_ID = "_docx_afbeelding_id"


def _run(tekst: str, stijl: str | None = None) -> str:
    eigenschappen = f'<w:rPr><w:rStyle w:val="{stijl}"/></w:rPr>' if stijl else ""
    return f'<w:r>{eigenschappen}<w:t xml:space="preserve">{xml_tekst(tekst)}</w:t></w:r>'


def regel_xml(regel: Regel, *, concept: bool, url_id: UrlId) -> Markup:
    """One line of text as runs; a web address becomes a clickable hyperlink."""
    if regel.url:
        rid = url_id(regel.url)
        return Markup(
            f'<w:hyperlink r:id="{rid}" w:history="1">'
            f"{_run(regel.tekst, STIJL_HYPERLINK)}</w:hyperlink>"
        )
    stijl = STIJL_OPEN_VELD if concept and regel.open else None
    return Markup(_run(regel.tekst, stijl))


def _finalize(waarde: Any) -> Any:
    """Plain values: escape here (so the markers can be defused), markup passes."""
    if hasattr(waarde, "__html__"):
        return waarde
    return Markup(xml_tekst(waarde))


def heel(tekst: str, naam: str) -> Markup:
    """`tekst` (inside a `w:t`) with `naam` not broken after a hyphen ("'s-" at a line's
    end): its hyphens become Word's non-breaking hyphen, which reads back as "-". Its
    spaces stay spaces, so the name reads back exactly (import); a name of more words
    may still wrap between them."""
    delen = tekst.split(naam)
    eén = "".join(
        xml_tekst(stuk) if stuk else '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'
        for stuk in _hyphens_apart(naam)
    )
    return Markup(eén.join(xml_tekst(d) for d in delen))


def _hyphens_apart(naam: str) -> list[str]:
    """'s-Hertogenbosch' -> ["'s", "", "Hertogenbosch"]: an empty piece for each hyphen."""
    uit: list[str] = []
    for index, stuk in enumerate(naam.split("-")):
        if index:
            uit.append("")
        uit.append(stuk)
    return uit


@pass_context
def _regel(ctx: JinjaContext, waarde: Regel) -> Markup:
    return regel_xml(waarde, concept=ctx["document"].concept, url_id=ctx[URL_ID])


@pass_context
def _handtekening(ctx: JinjaContext, regel: Handtekeningregel) -> Markup:
    rid = ctx[AFBEELDING_ID](handtekening_emf(regel), f"handtekening{regel.nummer}.emf")
    return handtekening_xml(regel, rid)


class _Omgeving(Environment):
    """Compiles each distinct template source once per process.

    docxtpl hands every part (body, header, footer, each core property) to
    `from_string` on every render; compiling the body is half the render time.
    """

    _MAX = 64

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._gecompileerd: dict[str, Template] = {}

    def from_string(
        self,
        source: Any,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[Template] | None = None,
    ) -> Template:
        if not isinstance(source, str) or globals or template_class is not None:
            return super().from_string(source, globals, template_class)
        template = self._gecompileerd.get(source)
        if template is None:
            if len(self._gecompileerd) >= self._MAX:
                self._gecompileerd.clear()
            template = self._gecompileerd[source] = super().from_string(source)
        return template


@functools.cache
def omgeving() -> Environment:
    """The one Jinja environment of the DOCX renderer (shared: it caches compiled parts).

    Render with the context's fields plus `URL_ID` and `AFBEELDING_ID`; `concept`
    decides the highlighting.
    """
    env = _Omgeving(autoescape=True, finalize=_finalize)
    env.filters["regel"] = _regel
    env.filters["heel"] = heel
    env.filters["handtekeningregel"] = _handtekening
    return env
