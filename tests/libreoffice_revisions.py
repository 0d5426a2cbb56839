"""Accept or reject all tracked changes of DOCX files in LibreOffice, and save them again.

Run by Debian's own Python (it has LibreOffice's `uno` module, package python3-uno), not
by the virtualenv:

    /usr/bin/python3 tests/libreoffice_revisions.py PROFILE_DIR accepteren|weigeren|geen IN OUT [IN OUT ...]

It starts one headless soffice with its own profile, opens each IN, dispatches Edit >
Track Changes > Accept All (or Reject All; `geen` does neither, as a baseline) and
saves the result as OUT in Word 2007 format. Exit 0 when every file was written.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

_OPDRACHT = {
    "accepteren": ".uno:AcceptAllTrackedChanges",
    "weigeren": ".uno:RejectAllTrackedChanges",
}


def _eigenschap(naam: str, waarde: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = naam, waarde
    return p


def _verbind(pijp: str, proces: subprocess.Popen[bytes]) -> object:
    lokaal = uno.getComponentContext()
    oplosser = lokaal.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", lokaal
    )
    for _ in range(300):
        if proces.poll() is not None:
            raise SystemExit(f"soffice stopped early with exit {proces.returncode}")
        try:
            return oplosser.resolve(f"uno:pipe,name={pijp};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.1)
    raise SystemExit("soffice did not answer within 30 s")


def main(argv: list[str]) -> int:
    profiel, hoe, *paden = argv
    pijp = f"gka{uuid.uuid4().hex}"
    proces = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={Path(profiel).resolve().as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            f"--accept=pipe,name={pijp};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        context = _verbind(pijp, proces)
        smgr = context.ServiceManager  # type: ignore[attr-defined]
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        for invoer, uitvoer in zip(paden[::2], paden[1::2], strict=True):
            doc = desktop.loadComponentFromURL(
                Path(invoer).resolve().as_uri(), "_blank", 0, (_eigenschap("Hidden", True),)
            )
            if hoe in _OPDRACHT:
                frame = doc.getCurrentController().getFrame()
                dispatcher.executeDispatch(frame, _OPDRACHT[hoe], "", 0, ())
            doc.storeToURL(
                Path(uitvoer).resolve().as_uri(),
                (_eigenschap("FilterName", "MS Word 2007 XML"),),
            )
            doc.close(True)
        with contextlib.suppress(Exception):
            desktop.terminate()
    finally:
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proces.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
