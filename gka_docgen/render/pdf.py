"""Context -> the archival PDF: PDF/A-3u and PDF/UA-1, the YAML inside, signature fields.

One pass: Jinja2 renders the HTML, WeasyPrint lays it out once; the signature
lines' positions are read from that same layout, and the PDF is written from it.
WeasyPrint's finisher (`pdf_ua`) makes it PDF/UA-1 too and, for a definitief
document, adds one empty signature field per signatory on its line (`pdf_fields`).

WeasyPrint is imported here only, at import time (it takes most of a second,
so `build` preloads this module in its worker processes; `check` and `sign`
never import it). The Jinja2 environment, the parsed stylesheet and the
FontConfiguration are built once per process and reused (`motor`).
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from gka_docgen.document.text import HANDTEKENING, veld_uitleg
from gka_docgen.errors import RenderFout
from gka_docgen.render.context import Context, als_dict
from gka_docgen.render.pdf_fields import (
    DATUM,
    PLAATS,
    Handtekeningveld,
    Invulveld,
    invulveldnaam,
    veldnamen,
)
from gka_docgen.render.pdf_ua import maak_af
from gka_docgen.render.templates import SJABLONEN
from gka_docgen.versions import versiestempel

HTML_SJABLOON = "agenda.html.j2"
CSS_BESTAND = "agenda.css"
SCHEMA = "gka-sjabloon"  # the only URL scheme the renderer fetches from
PDF_VARIANT = "pdf/a-3u"
MEDIA_TYPES = {".css": "text/css", ".ttf": "font/ttf"}
# CSS px -> PDF points (WeasyPrint lays out at 96 px per inch, PDF has 72 pt).
PT_PER_PX = 0.75
HANDTEKENING_ID = "handtekening-{nummer}"
PLAATS_ID = "plaats-{nummer}"
DATUM_ID = "datum-{nummer}"
# Embedded-file dates when SOURCE_DATE_EPOCH is not set: fixed, so the bytes are too.
VASTE_DATUM = datetime(2000, 1, 1, tzinfo=UTC)


def sjabloon_url(naam: str) -> str:
    return f"{SCHEMA}:{naam}"


def sjabloon_pad(url: str) -> Path | None:
    """The file under templates/ that `url` names, or None if it names anything else."""
    schema, _, naam = url.partition(":")
    if schema.lower() != SCHEMA or not naam or naam.startswith("/") or "\\" in naam:
        return None
    pad = (SJABLONEN / naam).resolve()
    if not pad.is_relative_to(SJABLONEN) or not pad.is_file():
        return None
    if pad.suffix not in MEDIA_TYPES:
        return None
    return pad


def bron_datum() -> datetime:
    """SOURCE_DATE_EPOCH if set (reproducible-builds.org), else a fixed date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return VASTE_DATUM


@functools.cache
def jinja_omgeving() -> jinja2.Environment:
    omgeving = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SJABLONEN),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    omgeving.filters["heel"] = naam_heel
    omgeving.filters["woorden"] = lange_woorden
    return omgeving


# Longer than any Dutch word (the longest in use have about 40 letters): a pasted code,
# path or address. WeasyPrint tries every hyphenation point of an overflowing word, each
# with a new line layout, so one 2,000-character "word" took 6 s and 6,000 took 150 s.
LANG_WOORD = 48
_LANG_WOORD = re.compile(rf"(\S{{{LANG_WOORD + 1},}})")


def lange_woorden(tekst: str) -> markupsafe.Markup:
    """`tekst` (escaped), each run of more than LANG_WOORD non-spaces marked `lang`:
    no hyphenation search, it breaks anywhere to stay inside its box."""
    delen = _LANG_WOORD.split(tekst)
    return markupsafe.Markup("").join(
        markupsafe.Markup('<span class="lang">{}</span>').format(d) if i % 2 else d
        for i, d in enumerate(delen)
    )


def naam_heel(tekst: str, naam: str) -> markupsafe.Markup:
    """`tekst` (escaped) with `naam` kept on one line.

    A heading like "... in gemeente 's-Hertogenbosch" must not break after "'s-".
    """
    delen = [markupsafe.escape(d) for d in tekst.split(naam)]
    heel = markupsafe.Markup('<span class="naam">{}</span>').format(naam)
    return heel.join(delen)


def html_van(context: Context) -> str:
    """The HTML the PDF is made from (also handy as a reviewable golden file)."""
    return jinja_omgeving().get_template(HTML_SJABLOON).render(als_dict(context))


class SjabloonFetcher(URLFetcher):  # type: ignore[misc]
    """Serves files under templates/ by the private scheme; refuses everything else."""

    def fetch(self, url: str, headers: Any = None) -> Any:
        pad = sjabloon_pad(url)
        if pad is None:
            raise ValueError(f"gka-docgen laadt niets van buiten templates/: {url[:200]}")
        return URLFetcherResponse(url, pad.read_bytes(), {"Content-Type": MEDIA_TYPES[pad.suffix]})


@dataclass(frozen=True)
class Motor:
    """What every PDF in a process shares: built once (see `motor`)."""

    fetcher: SjabloonFetcher
    font_config: Any
    stylesheet: Any


@functools.cache
def motor() -> Motor:
    fetcher = SjabloonFetcher(allowed_protocols=[SCHEMA])
    font_config = FontConfiguration()
    stylesheet = weasyprint.CSS(
        url=sjabloon_url(CSS_BESTAND), url_fetcher=fetcher, font_config=font_config
    )
    return Motor(fetcher, font_config, stylesheet)


def pdf_opties() -> dict[str, Any]:
    return {"pdf_variant": PDF_VARIANT, "pdf_tags": True}


def opmaak(context: Context) -> Any:
    """The laid-out pages (a WeasyPrint Document), before anything is written."""
    m = motor()
    html = weasyprint.HTML(
        string=html_van(context), base_url=sjabloon_url(HTML_SJABLOON), url_fetcher=m.fetcher
    )
    return html.render(font_config=m.font_config, stylesheets=[m.stylesheet], **pdf_opties())


def render_pdf(
    context: Context, bron: bytes, bron_naam: str, *, datum: datetime | None = None
) -> bytes:
    """The PDF of one agenda; `bron` (the YAML bytes) is embedded as its Source file.

    `datum` dates the embedded file (default `bron_datum()`); `verify` passes the one a
    PDF carries, to build it again byte for byte.
    """
    m = motor()
    document = opmaak(context)
    velden = [] if context.document.concept else handtekeningvelden(document, context)
    invul = [] if context.document.concept else invulregels(document, context, velden)
    datum = datum or bron_datum()
    bijlage = weasyprint.Attachment(
        string=bron,
        name=bron_naam,
        description=context.document.korte_titel,
        created=datum,
        modified=datum,
        relationship="Source",
        url_fetcher=m.fetcher,
    )
    # Which versions made it (Info /Creator and XMP CreatorTool): `verify` reads it back.
    document.metadata.generator = versiestempel()
    pdf: bytes = document.write_pdf(
        attachments=[bijlage],
        finisher=functools.partial(
            maak_af, velden=velden, invulvelden=invul, concept=context.document.concept
        ),
        **pdf_opties(),
    )
    return pdf


def handtekeningvelden(document: Any, context: Context) -> list[Handtekeningveld]:
    """Each signatory's signature line, as WeasyPrint laid it out, in PDF coordinates."""
    velden = []
    namen = veldnamen([o.naam.tekst for o in context.ondertekening.ondertekenaars])
    for nummer, (o, naam) in enumerate(
        zip(context.ondertekening.ondertekenaars, namen, strict=True), start=1
    ):
        anker = HANDTEKENING_ID.format(nummer=nummer)
        plek = _rechthoek(document, anker)
        if plek is None:
            raise RenderFout(f"de handtekeningregel van {o.naam.tekst} staat niet in de opmaak")
        pagina, rechthoek = plek
        uitleg = veld_uitleg(HANDTEKENING, o.naam.tekst)
        velden.append(Handtekeningveld(naam, pagina, rechthoek, uitleg, anker))
    return velden


def invulregels(document: Any, context: Context, velden: list[Handtekeningveld]) -> list[Invulveld]:
    """A text field on each line left to write the place or date on, per signatory."""
    uit = []
    for nummer, (o, veld) in enumerate(
        zip(context.ondertekening.ondertekenaars, velden, strict=True), start=1
    ):
        for regel, anker, soort, label in (
            (context.ondertekening.plaats, PLAATS_ID, PLAATS, context.ondertekening.plaats_label),
            (context.ondertekening.datum, DATUM_ID, DATUM, context.ondertekening.datum_label),
        ):
            if regel.tekst:
                continue
            id_ = anker.format(nummer=nummer)
            plek = _rechthoek(document, id_)
            if plek is None:
                raise RenderFout(
                    f"de regel voor {label.lower()} van {o.naam.tekst} staat niet in de opmaak"
                )
            pagina, rechthoek = plek
            uitleg = veld_uitleg(label, o.naam.tekst)
            uit.append(Invulveld(invulveldnaam(veld.naam, soort), pagina, rechthoek, uitleg, id_))
    return uit


def _rechthoek(document: Any, anker: str) -> tuple[int, tuple[int, int, int, int]] | None:
    """Page index and (x1, y1, x2, y2) in points of the element with id `anker`.

    WeasyPrint 70's `Page.anchors` maps an id to its box (x1, y1, x2, y2) in CSS
    px from the top-left; PDF points count from the bottom-left.
    """
    for index, pagina in enumerate(document.pages):
        if anker in pagina.anchors:
            x1, y1, x2, y2 = pagina.anchors[anker]
            hoogte = pagina.height * PT_PER_PX
            return index, (
                round(x1 * PT_PER_PX),
                round(hoogte - y2 * PT_PER_PX),
                round(x2 * PT_PER_PX),
                round(hoogte - y1 * PT_PER_PX),
            )
    return None
