"""compare --rapport: the comparison of two versions as a document to send before a meeting.

HTML, or an archival, tagged PDF made as the agenda's own is (PDF/A-3u, PDF/UA-1, the
same fonts, page and running header). Every word comes from `text.py` and the two
versions; user text is escaped by the template.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from gka_docgen.document import text
from gka_docgen.document.formatting import datum
from gka_docgen.document.versions_compare import Vergelijking, Wijziging, regel, samenvatting
from gka_docgen.document.word_diff import stukken
from gka_docgen.writers import schrijf_atomair

SJABLOON = "vergelijking.html.j2"
CSS = "vergelijking.css"


@dataclass(frozen=True)
class Versie:
    """What the report's title table says of one version."""

    bestand: str
    document: str  # 'GKA-Addendum 2021-2024 gemeente Almere', or what is known of it
    status: str
    gewijzigd: date


@dataclass(frozen=True)
class Rapportregel:
    waar: str
    zin: str  # a change said in words (new, removed, renamed, moved, a short value)
    stukken: tuple[tuple[str, str], ...]  # else: the new text with its changed words


def _regel(w: Wijziging) -> Rapportregel:
    zin = regel(w)
    if zin is not None:
        return Rapportregel(w.waar, zin.removeprefix(f"{w.waar}: "), ())
    return Rapportregel(w.waar, "", tuple(stukken(w.oud, w.nieuw)))


def html(v: Vergelijking, oud: Versie, nieuw: Versie) -> str:
    from gka_docgen.render.pdf import jinja_omgeving

    labels = text.RAPPORT_LABELS
    return (
        jinja_omgeving()
        .get_template(SJABLOON)
        .render(
            titel=text.RAPPORT_TITEL,
            pagina=text.PAGINA,
            van=text.VAN,
            oud_kop=text.RAPPORT_OUD,
            nieuw_kop=text.RAPPORT_NIEUW,
            versies=[
                (labels["bestand"], oud.bestand, nieuw.bestand),
                (labels["document"], oud.document, nieuw.document),
                (labels["status"], oud.status, nieuw.status),
                (labels["datum"], datum(oud.gewijzigd), datum(nieuw.gewijzigd)),
            ],
            samenvatting_kop=text.RAPPORT_SAMENVATTING,
            samenvatting=samenvatting(v),
            wijzigingen_kop=text.RAPPORT_WIJZIGINGEN,
            legenda=text.RAPPORT_LEGENDA,
            wijzigingen=[_regel(w) for w in v.wijzigingen],
        )
    )


@functools.cache
def _css() -> object:
    import weasyprint

    from gka_docgen.render.pdf import motor, sjabloon_url

    m = motor()
    return weasyprint.CSS(url=sjabloon_url(CSS), url_fetcher=m.fetcher, font_config=m.font_config)


def pdf(bron: str) -> bytes:
    """The report's HTML as an archival, tagged PDF."""
    import weasyprint

    from gka_docgen.render.pdf import motor, pdf_opties, sjabloon_url
    from gka_docgen.render.pdf_ua import maak_af
    from gka_docgen.versions import versiestempel

    m = motor()
    document = weasyprint.HTML(
        string=bron, base_url=sjabloon_url(SJABLOON), url_fetcher=m.fetcher
    ).render(font_config=m.font_config, stylesheets=[m.stylesheet, _css()], **pdf_opties())
    document.metadata.generator = versiestempel()
    # As the agenda's own PDF: PDF/A-3u, tagged, the same PDF/UA finisher.
    uit: bytes = document.write_pdf(finisher=maak_af, **pdf_opties())
    return uit


def versie(pad: Path, data: dict[str, Any]) -> Versie:
    """What the title table says of a version: its file, name, status and file date."""
    soort, periode, gemeente = (str(data.get(k) or "") for k in ("soort", "periode", "gemeente"))
    if soort in text.SOORT_NAAM and periode and gemeente:
        document = text.korte_titel(soort, periode, gemeente)
    else:
        document = gemeente or text.STATUS_ONBEKEND
    return Versie(
        str(pad),
        document,
        str(data.get("status") or text.STATUS_ONBEKEND),
        date.fromtimestamp(pad.stat().st_mtime),
    )


def schrijf(
    doel: Path,
    v: Vergelijking,
    oud: tuple[Path, dict[str, Any]],
    nieuw: tuple[Path, dict[str, Any]],
) -> None:
    """The report as `doel` says (.pdf or .html), written atomically."""
    bron = html(v, versie(*oud), versie(*nieuw))
    schrijf_atomair(doel, pdf(bron) if doel.suffix.lower() == ".pdf" else bron.encode("utf-8"))
