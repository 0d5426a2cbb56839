"""From a save to the updated page images being served, in `gka-docgen bekijk`.

    .venv/bin/python -m benchmarks.bench_preview [--saves 9]

For each example agenda and an 11-page synthetic one: `gka-docgen bekijk` runs in its
own process as a user starts it; the script saves a one-word change in a paragraph
of the first pages (a new file renamed over the old one, as editors save), reads the
server's event for that version, and GETs every page image whose fingerprint changed.
The latency is from the rename to the last of those images received; median over the
saves. Beside it: a cold `gka-docgen build --force` of the same agenda (median of 3).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.preview_client import ROOT, Bekijker, bewaar
from tests.synthetic import agenda

VOORBEELDEN = ("almere", "hengelo", "s-hertogenbosch", "weert")
_VELD = "aanleiding_en_uitdagingen:"
_BUILD = (sys.executable, "-m", "gka_docgen.cli", "build")


def _synthetisch(map_: Path) -> Path:
    """An 11-page synthetic agenda (7 interventions; seed 8 gives 11 pages today)."""
    pad = map_ / "synthetisch.yaml"
    data = agenda("Zaanstad", random.Random(8))
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), "utf-8")
    return pad


def _met_woord(tekst: str, woord: str) -> str:
    """`tekst` with `woord` typed before the first word of the first Toelichting text."""
    plek = tekst.index(_VELD) + len(_VELD)
    while not tekst[plek].isalpha():
        plek += 1
    return f"{tekst[:plek]}{woord} {tekst[plek:]}"


@dataclass
class Metingen:
    tijden: list[float] = field(default_factory=list)  # save -> last changed image received
    cpu: list[float] = field(default_factory=list)  # the server's processor time per save
    veranderd: list[int] = field(default_factory=list)  # images made per save
    paginas: int = 0


def meet_bekijk(pad: Path, werk: Path, saves: int) -> Metingen:
    """`saves` saves of `pad` in a fresh `gka-docgen bekijk`, each waited for."""
    origineel = pad.read_text(encoding="utf-8")
    bekijker = Bekijker(pad.relative_to(werk), werk)
    try:
        vorige = bekijker.laatste()
        m = Metingen()
        for n in range(saves):
            moment = bewaar(pad, _met_woord(origineel, f"Opslag{n}"))
            _, stand = bekijker.wacht(vorige["versie"])
            if stand["problemen"]:
                raise SystemExit(f"{pad.name}: {stand['problemen']}")
            nieuw = [(i, k) for i, k in enumerate(stand["paginas"]) if k not in vorige["paginas"]]
            for i, kenmerk in nieuw:
                status, _, _ = bekijker.haal(f"pagina/{i + 1}.png?v={kenmerk}")
                assert status == 200
            m.tijden.append(time.perf_counter() - moment)
            m.cpu.append(stand["cpu"])
            m.veranderd.append(len(nieuw))
            vorige = stand
            time.sleep(0.3)  # a person does not save faster than this
        m.paginas = len(vorige["paginas"])
        return m
    finally:
        bekijker.stop()
        pad.write_text(origineel, encoding="utf-8")


def koude_build(pad: Path, werk: Path, keer: int = 3) -> float:
    tijden = []
    for _ in range(keer):
        begin = time.perf_counter()
        subprocess.run(
            [*_BUILD, str(pad.relative_to(werk)), "--force", "--uit", "bouw"],
            cwd=werk,
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        werk = Path(tmp)
        (werk / "agendas").mkdir()
        paden = [
            Path(shutil.copy(ROOT / "agendas" / f"{n}.yaml", werk / "agendas")) for n in VOORBEELDEN
        ]
        paden.append(_synthetisch(werk / "agendas"))
        print(
            "| agenda | pages | save → changed images served, median (min-max) "
            "| server CPU per save | images made per save | cold build | ratio |"
        )
        print("|---|---|---|---|---|---|---|")
        for pad in paden:
            m = meet_bekijk(pad, werk, args.saves)
            koud = koude_build(pad, werk)
            mediaan = statistics.median(m.tijden)
            print(
                f"| {pad.stem} | {m.paginas} | **{mediaan:.3f} s** ({min(m.tijden):.3f}-"
                f"{max(m.tijden):.3f}) | {statistics.median(m.cpu):.3f} s "
                f"| {statistics.median(m.veranderd):g} | {koud:.2f} s | {koud / mediaan:.1f}× |",
                flush=True,
            )


if __name__ == "__main__":
    main()
