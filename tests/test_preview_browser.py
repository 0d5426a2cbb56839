"""`gka-docgen bekijk` in a real browser: Debian's headless Chromium, driven by Playwright."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect, sync_playwright

from tests.conftest import DATA
from tests.preview_client import Bekijker, bewaar

CHROMIUM = Path("/usr/bin/chromium")
# Without the networking flags Chromium stalls on this closed network; Playwright
# adds --headless and a fresh --user-data-dir of its own.
VLAGGEN = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AGENDA = Path("agendas/hengelo.yaml")
TITEL = "GKA-Agenda 2019-2021 gemeente {}"
FOUTROOD = (0xC0, 0x39, 0x2B)  # the border of the problems box
# From a save to the new page in the browser, in ms: under a second when the machine is
# not busy (benchmarks/bench_preview.py measures it); this leaves room for a busy one.
GEDULD = 3000

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="chromium ontbreekt: scripts/setup-system.sh test"
    ),
]


def _beelden_geladen(pagina: Page, kenmerken: list[str]) -> None:
    pagina.wait_for_function(
        """(kenmerken) => {
            const beelden = [...document.querySelectorAll("#paginas img")];
            return beelden.length === kenmerken.length && beelden.every(
                (b, i) => b.dataset.kenmerk === kenmerken[i] && b.complete && b.naturalWidth > 0);
        }""",
        arg=kenmerken,
        timeout=5000,
    )


def test_the_page_follows_each_save_in_chromium(tmp_path: Path) -> None:
    (tmp_path / "agendas").mkdir()
    bestand = tmp_path / AGENDA
    shutil.copy(DATA / "voorbeelden" / AGENDA.name, bestand)
    origineel = bestand.read_text(encoding="utf-8")
    bekijker = Bekijker(AGENDA, tmp_path)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=VLAGGEN)
            pagina = browser.new_page(viewport={"width": 1000, "height": 900})
            pagina.goto(bekijker.url)
            expect(pagina.locator("#titel")).to_have_text(TITEL.format("Hengelo"))
            _beelden_geladen(pagina, bekijker.laatste()["paginas"])
            pagina.evaluate("window.scrollTo(0, 1800)")

            moment = bewaar(bestand, origineel.replace("gemeente: Hengelo", "gemeente: Borne"))
            expect(pagina.locator("#titel")).to_have_text(TITEL.format("Borne"), timeout=GEDULD)
            na = bekijker.laatste()
            _beelden_geladen(pagina, na["paginas"])  # every page names Borne in its header
            seconden = time.perf_counter() - moment
            assert seconden < GEDULD / 1000, f"{seconden:.2f} s from the save to the new pages"
            assert pagina.evaluate("window.scrollY") == 1800  # the scroll position stays
            assert pagina.locator("figcaption").all_inner_texts() == [
                f"Pagina {n} van 4" for n in range(1, 5)
            ]

            kapot = origineel.replace("soort: agenda", "soort: agendaa\n<img src=x>: ja")
            bewaar(bestand, kapot)
            meldingen = pagina.locator("#problemen li")
            expect(meldingen.first).to_contain_text(
                "agendas/hengelo.yaml:5:8: soort: 'agendaa' is niet toegestaan", timeout=GEDULD
            )
            expect(meldingen.nth(1)).to_contain_text("<img src=x>")  # as text, not markup
            assert pagina.locator("img").count() == 4  # the last valid pages stay
            _beelden_geladen(pagina, na["paginas"])
            assert pagina.locator("#titel").inner_text() == TITEL.format("Borne")

            pagina.evaluate("window.scrollTo(0, 0)")
            schermafdruk = tmp_path / "bekijk.png"
            pagina.screenshot(path=str(schermafdruk))
            browser.close()
    finally:
        bekijker.stop()
    with Image.open(schermafdruk) as beeld:
        kleuren = {kleur for _, kleur in beeld.convert("RGB").getcolors(1 << 20) or []}
    assert FOUTROOD in kleuren  # the problems box is drawn above the pages
