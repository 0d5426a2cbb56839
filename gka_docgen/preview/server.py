"""The web server of `gka-docgen bekijk`: on 127.0.0.1 only, five kinds of path.

`/` the page, `/gebeurtenissen` the event stream (Server-Sent Events: one
event per new version), `/pagina/N.png` the image of page N, and
`/document.pdf` and `/document.docx` the documents of the last valid version.
Every other path is 404, a request naming another host is refused (so no web
page can reach the server through a DNS name of its own), and the page runs
only its own inline script and style (Content-Security-Policy with a nonce).
"""

from __future__ import annotations

import json
import re
import secrets
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2

from gka_docgen.errors import DocgenError, Weigering
from gka_docgen.preview.session import Stand, Volger

ADRES = "127.0.0.1"
SJABLOON = "bekijk.html.j2"
# An event stream stays open; a comment line now and then shows it is alive.
HARTSLAG = 15.0
_PAGINA = re.compile(r"/pagina/([1-9][0-9]{0,3})\.png")
_DOCUMENTEN = {"/document.pdf": "pdf", "/document.docx": "docx"}
MELDINGKOP = {  # above the problems: with or without the pages of a valid version
    True: "Het bestand heeft problemen; de pagina’s hieronder zijn van de laatste geldige versie.",
    False: "Het bestand heeft problemen; zodra ze hersteld zijn, verschijnen hier de pagina’s.",
}
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _sjabloon() -> jinja2.Template:
    """The page's template, from the environment the PDF's HTML comes from (escaping on)."""
    from gka_docgen.render.pdf import jinja_omgeving

    return jinja_omgeving().get_template(SJABLOON)


def gegevens(stand: Stand, bron: str) -> dict[str, Any]:
    """What the page shows of a version: sent as JSON in each event, and in the page."""
    documenten = stand.documenten
    context = documenten.context if documenten else None
    return {
        "versie": stand.versie,
        "bron": bron,
        "titel": context.document.korte_titel if context else "",
        "status": ("concept" if context.document.concept else "definitief") if context else "",
        "problemen": list(stand.problemen),
        "meldingkop": MELDINGKOP[bool(stand.paginas)],
        "paginas": [p.kenmerk for p in stand.paginas],
        "maten": [[p.breedte, p.hoogte] for p in stand.paginas],
        "pdf": documenten.naam("pdf") if documenten else "",
        "docx": documenten.naam("docx") if documenten else "",
        "seconden": round(stand.seconden, 4),
        "cpu": round(stand.cpu, 4),
    }


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream never holds up the stop

    def __init__(self, volger: Volger, poort: int) -> None:
        self.volger = volger
        try:
            super().__init__((ADRES, poort), _Verzoek)
        except OSError as fout:
            raise Weigering(
                f"kan niet luisteren op {ADRES}:{poort} ({fout.strerror}); "
                "kies een andere poort met --poort"
            ) from None
        self.poort: int = self.server_address[1]
        self.hosts = {f"{ADRES}:{self.poort}", f"localhost:{self.poort}"}

    @property
    def url(self) -> str:
        return f"http://{ADRES}:{self.poort}/"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """No traceback on the terminal: a dropped connection is normal, a bug goes to a log."""
        fout = sys.exc_info()[1]
        if isinstance(fout, Exception) and not isinstance(fout, OSError):
            from gka_docgen import crashlog

            crashlog.schrijf(fout)


class _Verzoek(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "gka-docgen"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows only what the command itself says."""

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        if self.headers.get("Host", "") not in self.server.hosts:
            self._tekst(HTTPStatus.FORBIDDEN, "alleen te bekijken via " + self.server.url)
            return
        pad = urlsplit(self.path).path
        volger = self.server.volger
        if pad == "/":
            self._pagina(volger.stand)
        elif pad == "/gebeurtenissen":
            self._gebeurtenissen(volger)
        elif (treffer := _PAGINA.fullmatch(pad)) is not None:
            self._afbeelding(volger.stand, int(treffer.group(1)))
        elif pad in _DOCUMENTEN:
            self._document(volger.stand, _DOCUMENTEN[pad])
        else:
            self._tekst(HTTPStatus.NOT_FOUND, "niet gevonden")

    def _pagina(self, stand: Stand) -> None:
        nonce = secrets.token_urlsafe(16)
        html = _sjabloon().render(stand=gegevens(stand, self.server.volger.naam), nonce=nonce)
        beleid = (
            "default-src 'none'; img-src 'self'; connect-src 'self'; "
            f"script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        )
        self._stuur(HTTPStatus.OK, "text/html; charset=utf-8", html.encode(), beleid=beleid)

    def _afbeelding(self, stand: Stand, nummer: int) -> None:
        if nummer > len(stand.paginas):
            self._tekst(HTTPStatus.NOT_FOUND, "deze pagina is er niet")
            return
        self._stuur(HTTPStatus.OK, "image/png", stand.paginas[nummer - 1].png)

    def _document(self, stand: Stand, formaat: str) -> None:
        documenten = stand.documenten
        if documenten is None:
            self._tekst(HTTPStatus.NOT_FOUND, "er is nog geen geldige versie van de agenda")
            return
        try:
            inhoud = documenten.inhoud(formaat)
        except DocgenError as fout:
            self._tekst(HTTPStatus.INTERNAL_SERVER_ERROR, str(fout))
            return
        bijlage = f"attachment; filename*=UTF-8''{quote(documenten.naam(formaat))}"
        self._stuur(HTTPStatus.OK, MEDIA_TYPES[formaat], inhoud, bijlage)

    def _gebeurtenissen(self, volger: Volger) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command == "HEAD":
            return
        gezien = -1
        try:
            while not volger.gestopt:
                stand = volger.wacht(gezien, HARTSLAG)
                if stand.versie > gezien:
                    gezien = stand.versie
                    data = json.dumps(gegevens(stand, volger.naam), ensure_ascii=False)
                    self.wfile.write(f"id: {gezien}\ndata: {data}\n\n".encode())
                else:
                    self.wfile.write(b": \n\n")
                self.wfile.flush()
        except OSError:  # the browser tab was closed or reloaded
            return

    def _tekst(self, status: HTTPStatus, tekst: str) -> None:
        self._stuur(status, "text/plain; charset=utf-8", f"{tekst}\n".encode())

    def _stuur(
        self,
        status: HTTPStatus,
        soort: str,
        inhoud: bytes,
        bijlage: str = "",
        beleid: str = "default-src 'none'",
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", soort)
        self.send_header("Content-Length", str(len(inhoud)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", beleid)
        if bijlage:
            self.send_header("Content-Disposition", bijlage)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(inhoud)


def serveer(pad: Path, poort: int) -> PreviewServer:
    """Render `pad` once, start following it, and bind the server (not yet serving)."""
    volger = Volger(pad)
    server = PreviewServer(volger, poort)
    volger.start()
    return server
