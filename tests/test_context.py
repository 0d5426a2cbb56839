"""The rendering context: fixed text filled in, free text structured, placeholders."""

from __future__ import annotations

import os
import subprocess
import sys

from gka_docgen.document import text
from gka_docgen.document.paragraphs import Blok, Regel, blokken_van
from gka_docgen.render.context import bouw, veld
from gka_docgen.source.load import laad
from tests.conftest import DATA, ROOT


def test_blank_lines_split_paragraphs_and_dashes_make_bullets() -> None:
    tekst = "Eerste regel\ndoorlopend.\n\nInleiding:\n- een\n  vervolg\n- twee\nSlot."
    assert blokken_van(tekst) == (
        Blok("alinea", (Regel("Eerste regel doorlopend."),)),
        Blok("alinea", (Regel("Inleiding:"),)),
        Blok("opsomming", (Regel("een vervolg"), Regel("twee"))),
        Blok("alinea", (Regel("Slot."),)),
    )


def test_an_empty_field_is_a_visible_placeholder() -> None:
    assert veld("  \n", "Doelgroep") == (
        Blok("alinea", (Regel("[nog in te vullen: Doelgroep]", open=True),)),
    )


def test_fixed_text_is_filled_with_name_period_and_kind() -> None:
    ctx = bouw(laad(DATA / "voorbeelden" / "almere.yaml").agenda)
    assert ctx.opening.titel == "Gelijke Kansen voor alle kinderen en jongeren in gemeente Almere"
    assert ctx.opening.periode_zin.startswith(
        "Wij voeren in de periode 2021-2024 samen een GKA-agenda"
    )
    assert "in gemeente Almere. Wij zetten in op:" in ctx.opening.periode_zin
    assert [p.kop for p in ctx.opening.pijlers] == ["Verbinding", "Effectiviteit", "Kennisdeling"]
    assert ctx.document.documentnaam == "GKA-Addendum 2021-2024"
    assert "Gelijke Kansen Alliantie Addendum opgenomen" in ctx.bijlage.zin
    assert "aanvullend maximaal 100.000,- beschikbaar" in ctx.bijlage.zin
    assert ctx.taken.verplichtingen == text.VERPLICHTINGEN
    assert ctx.document.concept


def test_npo_section_appears_only_when_present() -> None:
    npo = text.TOELICHTING["inzet_nationaal_programma_onderwijs"]
    agenda_ctx = bouw(laad(DATA / "voorbeelden" / "hengelo.yaml").agenda)
    assert npo not in [s.kop for s in agenda_ctx.toelichting.secties]
    addendum_ctx = bouw(laad(DATA / "voorbeelden" / "almere.yaml").agenda)
    assert npo in [s.kop for s in addendum_ctx.toelichting.secties]


def test_budget_totals() -> None:
    ctx = bouw(laad(DATA / "valid" / "volledig.yaml").agenda)
    nbsp = "\u00a0"
    assert [r.totaal.tekst for r in ctx.bijlage.begroting] == [
        f"€{nbsp}85.000,50",
        f"€{nbsp}52.500",
    ]
    assert ctx.bijlage.totaal_ocw.tekst == f"€{nbsp}100.000"
    assert ctx.bijlage.totaal_cofinanciering.tekst == f"€{nbsp}37.500,50"
    assert ctx.bijlage.totaal.tekst == f"€{nbsp}137.500,50"
    assert ctx.ondertekening.datum.tekst == "15 december 2021"
    assert not ctx.document.concept


def test_context_json_is_the_same_in_another_process() -> None:
    """Nothing in the context depends on hash order or the process (the bytes depend on it)."""
    agenda = laad(DATA / "valid" / "volledig.yaml").agenda
    code = (
        "from gka_docgen.render.context import bouw\n"
        "from gka_docgen.source.load import laad\n"
        "from tests.conftest import DATA\n"
        "print(bouw(laad(DATA / 'valid' / 'volledig.yaml').agenda).als_json(), end='')\n"
    )
    ander = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert ander.stdout == bouw(agenda).als_json()
