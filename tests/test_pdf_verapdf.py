"""veraPDF judges every kind of PDF the tool makes: PDF/A-3u and PDF/UA-1, signed or not.

Two tests, one JVM each (about 3 s to start, then about a second a file): the PDFs
`build` makes, and the same definitief after `sign`, once and by every signatory.
The 200-intervention agenda is validated in test_scale.py, where it is made anyway.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gka_docgen.signing import sign
from tests.certhulp import WACHTWOORD, maak_certificaat
from tests.conftest import DATA, VOORBEELDEN
from tests.pdfhulp import CONCEPT, DEFINITIEF, EMOJI, render, zonder_plaats
from tests.verapdf import PDF_UA_1, afwijkingen, valideer

pytestmark = pytest.mark.slow

ONDERTEKENAARS = {
    "Handtekening_Helene_Brule-IJsselmuiden": "Hélène Brûlé-Ĳsselmuiden",
    "Handtekening_Dennis_Wiersma": "Dennis Wiersma",
    "Handtekening_Nuria_de_Vree": "Núria de Vrëe",
}


def _schrijf(map_: Path, naam: str, pdf: bytes) -> Path:
    pad = map_ / naam
    pad.write_bytes(pdf)
    return pad


def _zonder_pdfua_kenmerk(map_: Path) -> Path:
    """WeasyPrint's own PDF/A-3u of an example, as the tool wrote it before issue 23:
    no PDF/UA identification. The control that shows veraPDF can say no."""
    import weasyprint

    from gka_docgen.render.pdf import html_van, motor, sjabloon_url

    _, context, _ = render(DATA / "voorbeelden" / "almere.yaml")
    m = motor()
    html = weasyprint.HTML(
        string=html_van(context), base_url=sjabloon_url("x"), url_fetcher=m.fetcher
    )
    pdf = html.write_pdf(
        font_config=m.font_config, stylesheets=[m.stylesheet], pdf_variant="pdf/a-3u"
    )
    return _schrijf(map_, "zonder-pdfua.pdf", pdf)


def test_every_pdf_build_makes_is_pdfa3u_and_pdfua1(tmp_path: Path) -> None:
    paden = [_schrijf(tmp_path, f"{agenda.stem}.pdf", render(agenda)[2]) for agenda in VOORBEELDEN]
    paden += [
        _schrijf(tmp_path, "concept.pdf", render(CONCEPT)[2]),
        _schrijf(tmp_path, "definitief.pdf", render(DEFINITIEF)[2]),
        _schrijf(tmp_path, "open-plaats-en-datum.pdf", render(zonder_plaats(tmp_path))[2]),
        _schrijf(tmp_path, "emoji.pdf", render(EMOJI)[2]),
    ]
    controle = _zonder_pdfua_kenmerk(tmp_path)
    uitslagen = valideer([*paden, controle])

    assert "5-1" in uitslagen[controle, PDF_UA_1].regels  # veraPDF does say no
    del uitslagen[controle, PDF_UA_1], uitslagen[controle, "3u"]
    assert len(uitslagen) == 2 * len(paden)
    fouten = afwijkingen(uitslagen)
    assert not fouten, "\n".join(fouten)


def test_signed_once_and_by_all_stays_pdfa3u_and_pdfua1(tmp_path: Path) -> None:
    pdf = render(zonder_plaats(tmp_path))[2]
    paden = []
    for nummer, (veld, naam) in enumerate(ONDERTEKENAARS.items(), start=1):
        (tmp_path / veld).mkdir()
        certificaat = maak_certificaat(tmp_path / veld, naam)
        pdf = sign.teken(
            pdf, veld, certificaat.p12.read_bytes(), WACHTWOORD.encode(), plaats="Almere"
        ).pdf
        if nummer in (1, len(ONDERTEKENAARS)):
            paden.append(_schrijf(tmp_path, f"getekend-{nummer}.pdf", pdf))
    uitslagen = valideer(paden)
    assert len(uitslagen) == 4
    fouten = afwijkingen(uitslagen)
    assert not fouten, "\n".join(fouten)
