"""`gka-docgen bekijk`: the server as a browser sees it, run as a user runs it."""

from __future__ import annotations

import io
import shutil
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from gka_docgen.preview.pages import Beelden, rasteriseer
from gka_docgen.preview.session import Volger
from gka_docgen.render.context import bouw
from gka_docgen.render.pdf import opmaak, render_pdf
from gka_docgen.source.load import laad
from tests.conftest import DATA, run_cli
from tests.preview_client import Bekijker, bewaar

AGENDA = Path("agendas/hengelo.yaml")  # 4 pages: the quickest example
ZIN = "In het najaar van 2019"


@pytest.fixture(scope="module")
def werk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    map_ = tmp_path_factory.mktemp("bekijk")
    (map_ / "agendas").mkdir()
    shutil.copy(DATA / "voorbeelden" / AGENDA.name, map_ / AGENDA)
    return map_


@pytest.fixture(scope="module")
def bekijker(werk: Path) -> Iterator[Bekijker]:
    b = Bekijker(AGENDA, werk)
    yield b
    b.stop()


def _origineel() -> str:
    return (DATA / "voorbeelden" / AGENDA.name).read_text(encoding="utf-8")


def _afbeelding(png: bytes) -> Image.Image:
    beeld = Image.open(io.BytesIO(png))
    beeld.load()
    return beeld


def test_the_page_shows_every_page_and_the_downloads(bekijker: Bekijker) -> None:
    status, koppen, html = bekijker.haal("/")
    assert status == 200
    assert koppen["Content-Type"] == "text/html; charset=utf-8"
    tekst = html.decode()
    assert "GKA-Agenda 2019-2021 gemeente Hengelo" in tekst
    assert [f"Pagina {n} van 4" in tekst for n in range(1, 5)] == [True] * 4
    assert 'href="/document.pdf"' in tekst and 'href="/document.docx"' in tekst
    assert "script-src 'nonce-" in koppen["Content-Security-Policy"]
    status, koppen, png = bekijker.haal("/pagina/4.png")
    assert (status, koppen["Content-Type"]) == (200, "image/png")
    assert _afbeelding(png).size == (794, 1123)  # A4 at 96 px per inch


@pytest.mark.parametrize(
    "pad",
    [
        "/agendas/hengelo.yaml",
        "/../agendas/hengelo.yaml",
        "/%2e%2e/agendas/hengelo.yaml",
        "/etc/passwd",
        "/templates/agenda.css",
        "/pagina/0.png",
        "/pagina/5.png",
        "/pagina/1.png/x",
        "/favicon.ico",
        "/document.yaml",
    ],
)
def test_every_other_path_is_not_found(bekijker: Bekijker, pad: str) -> None:
    status, _, inhoud = bekijker.haal(pad)
    assert status == 404
    assert b"Hengelo" not in inhoud


def test_a_request_for_another_host_is_refused(bekijker: Bekijker) -> None:
    """A web page cannot reach the server through a DNS name pointed at 127.0.0.1."""
    assert bekijker.haal("/", host="aanvaller.example:80")[0] == 403
    assert bekijker.haal("/", host=bekijker.url.split("/")[2])[0] == 200


def test_a_save_gives_a_new_version_with_new_images(bekijker: Bekijker, werk: Path) -> None:
    voor = bekijker.laatste()
    oud = [bekijker.haal(f"/pagina/{n}.png")[2] for n in range(1, 5)]
    bewaar(werk / AGENDA, _origineel().replace(ZIN, "In de zomer van 2019"))
    _, na = bekijker.wacht(voor["versie"])
    assert na["problemen"] == []
    veranderd = [i for i, k in enumerate(na["paginas"]) if k != voor["paginas"][i]]
    assert veranderd and len(veranderd) < 4  # a page that did not change keeps its image
    for i in range(4):
        png = bekijker.haal(f"/pagina/{i + 1}.png?v={na['paginas'][i]}")[2]
        assert (png != oud[i]) == (i in veranderd)
    pdf = bekijker.haal("/document.pdf")[2]
    assert pdf.startswith(b"%PDF")
    assert "In de zomer van 2019" in _pdf_tekst(pdf)


def test_a_broken_save_shows_checks_messages_above_the_last_pages(
    bekijker: Bekijker, werk: Path
) -> None:
    voor = bekijker.laatste()
    kapot = _origineel().replace(
        "soort: agenda", "soort: agendaa\n<img src=x onerror=alert(1)>: ja"
    )
    bewaar(werk / AGENDA, kapot)
    _, na = bekijker.wacht(voor["versie"])
    check = run_cli("check", str(AGENDA), cwd=werk)
    assert na["problemen"] == check.stderr.splitlines()
    assert any(":5:" in p and "soort" in p for p in na["problemen"])
    assert na["paginas"] == voor["paginas"]  # the last valid pages stay
    html = bekijker.haal("/")[2].decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img src=x" not in html
    assert bekijker.haal("/pagina/1.png")[0] == 200
    assert bekijker.haal("/document.docx")[2].startswith(b"PK")  # of the last valid version
    bewaar(werk / AGENDA, _origineel())
    _, hersteld = bekijker.wacht(na["versie"])
    assert hersteld["problemen"] == []


def _pdf_tekst(pdf: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize(
    "agenda", [DATA / "voorbeelden" / "hengelo.yaml", DATA / "valid" / "volledig.yaml"]
)
def test_the_images_are_the_pages_of_the_pdf_render_pdf_makes(agenda: Path) -> None:
    """Writing only the changed pages draws exactly what the whole archival PDF draws."""
    geladen = laad(agenda)
    context = bouw(geladen.agenda)
    paginas = Beelden().van(opmaak(context))
    volledig = rasteriseer(render_pdf(context, geladen.bron, agenda.name))
    assert len(paginas) == len(volledig)
    for pagina, png in zip(paginas, volledig, strict=True):
        assert _afbeelding(pagina.png).tobytes() == _afbeelding(png).tobytes()


class _VolgerMetSnelleSchrijver(Volger):
    """A user who saves again while the first save is still being rendered."""

    nieuwer = ""

    def _verwerk(self, bron: bytes | object) -> object:  # type: ignore[override]
        uitkomst = super()._verwerk(bron)  # type: ignore[arg-type]
        if self.nieuwer:
            bewaar(self.pad, self.nieuwer)
            self.nieuwer = ""
        return uitkomst


@pytest.mark.slow
def test_a_render_a_newer_save_overtook_is_dropped(tmp_path: Path) -> None:
    pad = tmp_path / "hengelo.yaml"
    pad.write_text(_origineel(), encoding="utf-8")
    volger = _VolgerMetSnelleSchrijver(pad)
    volger.start()
    try:
        volger.nieuwer = _origineel().replace(ZIN, "Tweede keer")
        bewaar(pad, _origineel().replace(ZIN, "Eerste keer"))
        stand = volger.wacht(1, 30)
        assert volger.ingehaald == 1
        assert stand.versie == 2 and stand.documenten is not None
        context = stand.documenten.context
        assert context == bouw(laad(pad).agenda)
        assert context.toelichting.secties[0].tekst[0].regels[0].tekst.startswith("Tweede keer")
    finally:
        volger.stop()


@pytest.mark.slow
def test_ctrl_c_stops_with_one_line_and_nothing_was_written(tmp_path: Path) -> None:
    (tmp_path / "agendas").mkdir()
    shutil.copy(DATA / "voorbeelden" / AGENDA.name, tmp_path / AGENDA)
    bekijker = Bekijker(AGENDA, tmp_path)
    bewaar(tmp_path / AGENDA, _origineel().replace(ZIN, "Later"))
    bekijker.wacht(1)
    assert bekijker.haal("/document.pdf")[0] == 200
    assert bekijker.haal("/document.docx")[0] == 200
    code, uit, fout = bekijker.stop(signal.SIGINT)
    assert code == 130
    assert fout == "gka-docgen: onderbroken (Ctrl-C); bekijken gestopt; er is niets geschreven\n"
    assert bekijker.eerste_regel == f"{AGENDA} is te bekijken op {bekijker.url} (Ctrl-C stopt)"
    assert bekijker.url.startswith("http://127.0.0.1:")
    assert uit == ""
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "agendas",
        "agendas/hengelo.yaml",
    ]


def test_a_file_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    uitslag = run_cli("bekijk", "agendas/bestaat-niet.yaml", "--niet-openen", cwd=tmp_path)
    assert uitslag.returncode == 2
    assert uitslag.stderr == "gka-docgen: agendas/bestaat-niet.yaml bestaat niet\n"


def test_a_port_in_use_is_refused_with_advice(werk: Path) -> None:
    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        poort = bezet.getsockname()[1]
        uitslag = run_cli("bekijk", str(AGENDA), "--poort", str(poort), "--niet-openen", cwd=werk)
    assert uitslag.returncode == 1
    assert uitslag.stderr.startswith(f"gka-docgen: kan niet luisteren op 127.0.0.1:{poort} (")
    assert uitslag.stderr.endswith("); kies een andere poort met --poort\n")


@pytest.mark.slow
def test_a_removed_file_is_reported_and_its_return_followed(tmp_path: Path) -> None:
    pad = tmp_path / "hengelo.yaml"
    pad.write_text(_origineel(), encoding="utf-8")
    volger = Volger(pad)
    volger.start()
    try:
        pad.unlink()
        weg = volger.wacht(1, 30)
        assert [p.split(" (")[0] for p in weg.problemen] == [f"{pad}: kan het bestand niet lezen"]
        assert len(weg.paginas) == 4
        pad.write_text(_origineel(), encoding="utf-8")
        terug = volger.wacht(weg.versie, 30)
        assert terug.problemen == () and len(terug.paginas) == 4
    finally:
        volger.stop()
