"""The SHA-256 of everything gka-docgen writes for a fixed set of agendas, for a refactor.

    python scripts/output_hashes.py > before.txt   # on the old commit
    python scripts/output_hashes.py > after.txt    # on the new one
    diff before.txt after.txt                      # nothing: users see no change

The set: the examples (their copies in tests/data/voorbeelden/, which users do not edit),
the valid and DOCX test agendas, 16 seeded synthetic agendas (concept and definitief), each
built as DOCX and PDF; `new` for both kinds; `import` of every DOCX made; `extend` of every
agenda; `check` of every invalid test file and `schema`: their output and exit code. It runs the installed command in a
temporary folder, so what it hashes is what a user gets.
"""

from __future__ import annotations

import hashlib
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HIER = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HIER))

from tests.synthetic import agenda, gemeentenamen  # noqa: E402

_COMMANDO = [sys.executable, "-m", "gka_docgen.cli"]


def _draai(map_: Path, *argumenten: str) -> str:
    uit = subprocess.run(
        [*_COMMANDO, *argumenten], cwd=map_, capture_output=True, text=True, check=False
    )
    # The temporary folder's name differs each run: it is not part of the message.
    melding = f"exit {uit.returncode}\n{uit.stdout}{uit.stderr}"
    return re.sub(re.escape(tempfile.gettempdir()) + r"/[\w.-]+", "<werk>", melding)


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def main() -> None:
    regels: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        werk = Path(tmp)
        agendas = werk / "agendas"
        # A folder a build: the test agendas share municipalities, so each is its own.
        groepen = {"voorbeelden": sorted((HIER / "tests/data/voorbeelden").glob("*.yaml"))}
        for map_ in ("valid", "docx"):
            for bron in sorted((HIER / "tests/data" / map_).glob("*.yaml")):
                groepen[f"{map_}-{bron.stem}"] = [bron]
        for groep, bronnen in groepen.items():
            (agendas / groep).mkdir(parents=True)
            for bron in bronnen:
                shutil.copy(bron, agendas / groep / bron.name)
        (agendas / "synthetisch").mkdir()
        rng = random.Random(22)
        for nummer, naam in enumerate(gemeentenamen(16)):
            data = agenda(naam, rng)
            data["status"] = "definitief" if nummer % 2 else "concept"
            tekst = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
            (agendas / "synthetisch" / f"{nummer:02d}.yaml").write_text(tekst, encoding="utf-8")
        # One build per group: two groups may hold the same municipality.
        for groep in sorted(p.name for p in agendas.iterdir()):
            melding = _draai(werk, "build", f"agendas/{groep}", "--uit", f"out/{groep}", "-j", "2")
            # Not the summary line: it says how long the build took.
            regels.append(
                f"build {groep}: " + "\n".join(melding.splitlines()[:1] + melding.splitlines()[2:])
            )
        for pad in sorted((werk / "out").rglob("*")):
            if pad.is_file() and not pad.name.startswith("."):
                regels.append(f"{pad.relative_to(werk)} {_hash(pad.read_bytes())}")
        for soort in ("agenda", "addendum"):
            nieuw = werk / f"nieuw-{soort}"
            nieuw.mkdir()
            regels.append(f"new {soort}: " + _draai(nieuw, "new", "Zaanstad", "--soort", soort))
            for pad in sorted(p for p in nieuw.rglob("*") if p.is_file()):
                regels.append(f"{pad.relative_to(werk)} {_hash(pad.read_bytes())}")
        ingelezen = werk / "import"
        ingelezen.mkdir()
        for docx in sorted((werk / "out").rglob("*.docx")):
            doel = ingelezen / f"{docx.stem}.yaml"
            melding = _draai(werk, "import", str(docx), "--uit", str(doel))
            regels.append(f"import {docx.name}: {_hash(melding.encode())}")
            if doel.exists():
                regels.append(f"{doel.relative_to(werk)} {_hash(doel.read_bytes())}")
        verlengd = werk / "verlengd"
        verlengd.mkdir()
        for bron in sorted(agendas.glob("*.yaml")):
            doel = verlengd / f"{bron.parent.name}-{bron.stem}-addendum.yaml"
            melding = _draai(werk, "extend", str(bron), "--uit", str(doel))
            regels.append(f"extend {bron.name}: {_hash(melding.encode())}")
        for pad in sorted(verlengd.glob("*")):
            regels.append(f"{pad.relative_to(werk)} {_hash(pad.read_bytes())}")
        for fout in sorted((HIER / "tests/data/invalid").glob("*.yaml")):
            regels.append(f"check {fout.name}: {_hash(_draai(werk, 'check', str(fout)).encode())}")
        regels.append(f"schema: {_hash(_draai(werk, 'schema').encode())}")
    print("\n".join(regels))


if __name__ == "__main__":
    main()
