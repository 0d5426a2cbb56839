"""One agenda with 200 interventions: time and peak memory per format.

    .venv/bin/python -m benchmarks.bench_scale [--interventies 200]

Each format is rendered in its own fresh process so its peak resident memory is
its own; times are the median of --repeat warm renders after one cold one.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.synthetic import groot_agenda

ROOT = Path(__file__).resolve().parent.parent

_METING = """
import json, resource, sys, time
from pathlib import Path
from gka_docgen.build.batch import render
from gka_docgen.render.context import bouw
from gka_docgen.source.load import laad
formaat, pad, herhaal = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
geladen = laad(pad)
tijden, grootte = [], 0
for _ in range(herhaal + 1):
    begin = time.perf_counter()
    grootte = len(render(formaat, bouw(geladen.agenda), geladen))
    tijden.append(time.perf_counter() - begin)
piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
json.dump({"koud": tijden[0], "warm": tijden[1:], "bytes": grootte, "piek_kb": piek}, sys.stdout)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interventies", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as map_:
        pad = groot_agenda(Path(map_), args.interventies)
        print(f"{args.interventies} interventions, YAML {pad.stat().st_size // 1024} KiB")
        uitslag = {}
        for formaat in ("docx", "pdf"):
            result = subprocess.run(
                [sys.executable, "-c", _METING, formaat, str(pad), str(args.repeat)],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            m = json.loads(result.stdout)
            uitslag[formaat] = m
            print(
                f"{formaat}: cold {m['koud']:.2f} s, warm median {statistics.median(m['warm']):.2f} s, "
                f"{m['bytes'] // 1024} KiB, peak RSS {m['piek_kb'] // 1024} MiB"
            )


if __name__ == "__main__":
    main()
