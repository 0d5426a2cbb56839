"""Every page of every agenda at a glance: the PDF beside LibreOffice's render of the DOCX.

    .venv/bin/python scripts/contactsheet.py [AGENDA.yaml ...] [--uit MAP]

Without agendas: the four examples. Writes one PNG per agenda into MAP (default
`out/contactsheet/`): the PDF's pages in the top row, the DOCX's pages (converted by
LibreOffice headless) in the row below, page under page, so a reviewer sees at once
where the two formats differ or where something crosses its border. Needs
`pdftoppm` (poppler-utils) and `soffice` (libreoffice-writer-nogui), as the tests do.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, this must use the package of this checkout, not an installed one.
sys.path.insert(0, str(ROOT))

from gka_docgen.render.context import bouw  # noqa: E402
from gka_docgen.render.docx import render_docx  # noqa: E402
from gka_docgen.render.pdf import render_pdf  # noqa: E402
from gka_docgen.source.load import laad  # noqa: E402

VOORBEELDEN = [
    ROOT / "agendas" / f"{n}.yaml" for n in ("almere", "hengelo", "s-hertogenbosch", "weert")
]
DPI = 50
MARGE = 12


def paginas(pdf: Path, map_: Path) -> list[Image.Image]:
    """The pages of `pdf` as pictures."""
    map_.mkdir(parents=True, exist_ok=True)
    stam = map_ / pdf.stem
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), str(pdf), str(stam)], check=True)
    return [Image.open(p).convert("RGB") for p in sorted(map_.glob(f"{pdf.stem}-*.png"))]


def blad(rijen: list[list[Image.Image]]) -> Image.Image:
    """Rows of pages on one white sheet, each page with a thin frame."""
    breed = max(sum(p.width + MARGE for p in rij) for rij in rijen) + MARGE
    hoog = sum(max(p.height for p in rij) + MARGE for rij in rijen) + MARGE
    uit = Image.new("RGB", (breed, hoog), "white")
    teken = ImageDraw.Draw(uit)
    y = MARGE
    for rij in rijen:
        x = MARGE
        for pagina in rij:
            uit.paste(pagina, (x, y))
            teken.rectangle((x - 1, y - 1, x + pagina.width, y + pagina.height), outline="#888")
            x += pagina.width + MARGE
        y += max(p.height for p in rij) + MARGE
    return uit


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("agendas", nargs="*", type=Path)
    parser.add_argument("--uit", type=Path, default=ROOT / "out" / "contactsheet")
    args = parser.parse_args(argv)
    agendas: list[Path] = args.agendas or VOORBEELDEN
    args.uit.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        werk = Path(tmp)
        (werk / "pdf").mkdir()
        (werk / "docx").mkdir()
        for pad in agendas:
            geladen = laad(pad)
            context = bouw(geladen.agenda)
            pdf = render_pdf(context, geladen.bron, pad.name)
            (werk / "pdf" / f"{pad.stem}.pdf").write_bytes(pdf)
            (werk / "docx" / f"{pad.stem}.docx").write_bytes(render_docx(context))
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation={(werk / 'profiel').as_uri()}",
                *("--convert-to", "pdf", "--outdir", str(werk / "lo")),
                *map(str, sorted((werk / "docx").iterdir())),
            ],
            check=True,
            capture_output=True,
        )
        for pad in agendas:
            beelden = werk / "png" / pad.stem
            beelden.mkdir(parents=True)
            rijen = [
                paginas(werk / "pdf" / f"{pad.stem}.pdf", beelden / "pdf"),
                paginas(werk / "lo" / f"{pad.stem}.pdf", beelden / "docx"),
            ]
            doel = args.uit / f"{pad.stem}.png"
            blad(rijen).save(doel)
            print(doel)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
