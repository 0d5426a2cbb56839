"""`gka-docgen import`: a document back into its YAML.

A PDF gka-docgen made gives its embedded YAML, byte for byte. A DOCX (made by
gka-docgen and edited in Word, or filled in by hand on the template) is read by
`import_docx`; any other PDF is first read from its layout by `import_pdf`, best
effort, and then alike. Both are written in the scaffold's layout, `status: concept`, with a
note on every value that was guessed or not found. When the target exists the
default is a field-level comparison; `--force` then changes only the fields
that changed, in the author's style (`yamlout`). Nothing in a document is run or fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gka_docgen.document.compare import Verschil, verschillen
from gka_docgen.document.formatting import slug
from gka_docgen.document.model import Agenda
from gka_docgen.document.text import documentnaam
from gka_docgen.errors import OngeldigeAgenda, Weigering, pad_tekst
from gka_docgen.importing.docx_reader import (
    GelezenDocx,
    OngeldigDocument,
    lees_docx,
)
from gka_docgen.importing.from_docx import Import, naar_data
from gka_docgen.importing.tracked_changes import Keuze
from gka_docgen.source.paths import AGENDAS
from gka_docgen.source.scaffold import SCHEMA_BESTAND, schema_json
from gka_docgen.source.yaml_out import lees_bestaand, schrijf_bijgewerkt, schrijf_nieuw
from gka_docgen.source.yaml_write import blok
from gka_docgen.writers import maak_nieuw, schrijf_atomair

MAX_DOCUMENT = 50 * 1024 * 1024


@dataclass
class ImportUitslag:
    doel: Path
    geschreven: bool
    verschillen: list[Verschil] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)
    commentaren: list[str] = field(default_factory=list)
    niet_ingelezen: list[str] = field(default_factory=list)  # text in no field, and where
    exact: bool = False  # the YAML embedded in a gka-docgen PDF


def _lees(pad: Path) -> bytes:
    try:
        with pad.open("rb") as f:
            inhoud = f.read(MAX_DOCUMENT + 1)
    except OSError as exc:
        raise Weigering(f"kan {pad} niet lezen ({exc.strerror})") from None
    if len(inhoud) > MAX_DOCUMENT:
        raise OngeldigDocument(f"{pad} is groter dan 50 MB; dat is geen agenda")
    return inhoud


PDF_OPMAAK = (
    "gelezen uit de tekst en opmaak van een PDF die niet door gka-docgen is gemaakt, "
    "naar beste kunnen: controleer elk veld"
)


def yaml_tekst(imp: Import, bron: str, *, uit_pdf: bool = False) -> str:
    """The imported data as a YAML file in the scaffold's layout; from a PDF made elsewhere,
    with the place every value was read."""
    data = imp.data
    opmerkingen: dict[tuple[str | int, ...], list[str]] = {}
    for pad, plek in imp.plekken.items():
        opmerkingen[pad] = [f"import: gelezen van {plek}"]
    for o in imp.opmerkingen:
        opmerkingen.setdefault(o.pad, []).append(f"import: {o.tekst}")
    soort, periode = data.get("soort") or "addendum", data.get("periode") or "2021-2024"
    hoofd = [
        f"# yaml-language-server: $schema={SCHEMA_BESTAND}",
        f"# {documentnaam(soort, periode)} van gemeente {data.get('gemeente') or '?'}.",
        f"# Ingelezen uit {bron} met gka-docgen import; status: concept tot alles klopt.",
        "# Regels met '# import:' zeggen wat geraden of niet gevonden is.",
        "",
    ]
    if uit_pdf:
        hoofd.insert(-1, f"# Let op: {PDF_OPMAAK}; '# import: gelezen van' zegt waar het stond.")
    return "\n".join(hoofd + blok(Agenda, data, "", opmerkingen=opmerkingen)) + "\n"


def _uit_pdf(inhoud: bytes, naam: str) -> bytes | None:
    """The YAML a gka-docgen PDF carries; None for a PDF made elsewhere."""
    from gka_docgen.importing.extract import GeenGkaPdf, bron_uit, lees_pdf

    reader = lees_pdf(inhoud, naam)  # not a readable PDF: its own message
    try:
        return bron_uit(reader, naam).inhoud
    except GeenGkaPdf:
        return None


def _waar_gelezen(plekken: dict[tuple[str | int, ...], str]) -> list[str]:
    """One summary line per place: 'pagina 2: toelichting.kennis, bestuurlijk_overleg'."""
    per_plek: dict[str, list[str]] = {}
    for pad, plek in plekken.items():
        item = pad[:-1] if len(pad) > 1 and isinstance(pad[-2], int) else pad
        per_plek.setdefault(plek, []).append(pad_tekst(item))
    volgorde = sorted(per_plek, key=lambda p: [int(n) for n in re.findall(r"\d+", p)][::-1])
    return [f"gelezen van {plek}: {', '.join(per_plek[plek])}" for plek in volgorde]


def _doel(uit: Path | None, gemeente: str) -> Path:
    if uit is not None:
        return uit
    if not gemeente:
        raise Weigering("de gemeente staat niet in het document; kies met --uit waar het komt")
    return AGENDAS / f"{slug(gemeente)}.yaml"


def importeer(
    bron: Path,
    uit: Path | None = None,
    *,
    forceer: bool = False,
    alleen_vergelijken: bool = False,
    wijzigingen: Keuze | None = None,
) -> ImportUitslag:
    from gka_docgen.source.yaml_read import lees as lees_yaml

    inhoud = _lees(bron)
    naam = str(bron)
    pdf = inhoud.startswith(b"%PDF-")
    ingesloten = _uit_pdf(inhoud, naam) if pdf else None
    if ingesloten is not None:
        tekst = ingesloten
        data: Any = lees_yaml(tekst.decode("utf-8-sig")).data
        uitslag = ImportUitslag(_doel(uit, str(data.get("gemeente", ""))), False, exact=True)
    else:
        docx = _document(inhoud, naam, wijzigingen)
        imp = naar_data(docx, naam)
        data = imp.data
        tekst = yaml_tekst(imp, bron.name, uit_pdf=pdf).encode("utf-8")
        uitslag = ImportUitslag(_doel(uit, data["gemeente"]), False)
        uitslag.opmerkingen = [PDF_OPMAAK] if pdf else []
        uitslag.opmerkingen += [f"{pad_tekst(o.pad)}: {o.tekst}" for o in imp.opmerkingen]
        uitslag.opmerkingen += _waar_gelezen(imp.plekken)
        uitslag.commentaren = docx.commentaren
        uitslag.niet_ingelezen = [str(r) for r in imp.niet_ingelezen]
    doel = uitslag.doel
    if doel.exists():
        bestaand = lees_bestaand(doel)
        oud = bestaand.data
        if "status" in oud:
            # The status is the author's decision, not the document's: it stays.
            data = {**data, "status": oud["status"]}
        uitslag.verschillen = list(verschillen(oud, data))
        if alleen_vergelijken or not forceer or not uitslag.verschillen:
            return uitslag
        if uitslag.exact:
            schrijf_atomair(doel, tekst)
        else:
            schrijf_bijgewerkt(bestaand, data)
    else:
        if alleen_vergelijken:
            raise Weigering(f"{doel} bestaat niet; er is niets om mee te vergelijken")
        try:
            if uitslag.exact:
                maak_nieuw(doel, tekst)
            else:
                schrijf_nieuw(doel, tekst.decode("utf-8"), data)
        except FileExistsError:
            raise Weigering(
                f"{doel} is net gemaakt door iets anders; probeer het opnieuw"
            ) from None
        schema = doel.parent / SCHEMA_BESTAND
        if not schema.exists():
            schrijf_atomair(schema, schema_json().encode("utf-8"))
    uitslag.geschreven = True
    return uitslag


@dataclass(frozen=True)
class GelezenVersie:
    """One version of an agenda for `compare`: its data, and the agenda file it came from."""

    data: dict[str, Any]
    # The YAML (an agenda file, or the one a gka-docgen PDF carries); None for a document
    # read back from its text, which says neither its status nor where a field stood.
    yaml: bytes | None


def lees_versie(bron: Path, wijzigingen: Keuze | None = None) -> GelezenVersie:
    """One version of an agenda as data, for `compare`: its YAML file, a PDF (its embedded
    YAML, or its layout best effort) or a DOCX, read as `import` reads them."""
    from gka_docgen.source.load import lees_gegevens

    inhoud = _lees(bron)
    naam = str(bron)
    ingesloten = _uit_pdf(inhoud, naam) if inhoud.startswith(b"%PDF-") else None
    if ingesloten is not None:
        inhoud = ingesloten
    elif inhoud.startswith((b"%PDF-", b"PK")):  # a PDF made elsewhere, or a DOCX
        document = _document(inhoud, naam, wijzigingen)
        return GelezenVersie(_zonder_status(naar_data(document, naam).data), None)
    gelezen, _ = lees_gegevens(inhoud, naam=naam)
    data = gelezen.data
    if not isinstance(data, dict):
        raise Weigering(f"{naam} is geen agenda: er staan geen velden in")
    return GelezenVersie(data, inhoud)


def als_agenda(versie: GelezenVersie, naam: str, ander: GelezenVersie) -> Agenda:
    """A version as a valid agenda, to render it (`compare --word`). An agenda file is
    checked as `check` checks it. A document does not say its status: it takes the other
    version's when that is an agenda file and its fields allow it, else concept; each
    problem is named by its field, as no line of any file holds it."""
    from gka_docgen.source.load import valideer

    if versie.yaml is not None:
        return valideer(versie.yaml, naam=naam)
    status = ander.data.get("status") if ander.yaml is not None else None
    statussen = dict.fromkeys(
        [status if status in ("concept", "definitief") else "concept", "concept"]
    )
    for poging in statussen:
        tekst = "\n".join(blok(Agenda, {**versie.data, "status": poging}, "")) + "\n"
        try:
            return valideer(tekst.encode("utf-8"), naam=naam)
        except OngeldigeAgenda as fout:
            problemen = fout.problemen
    raise OngeldigeAgenda([replace(p, regel=None, kolom=None) for p in problemen])


def _document(inhoud: bytes, naam: str, wijzigingen: Keuze | None) -> GelezenDocx:
    """A DOCX, or a PDF that gka-docgen did not make read from its layout, as paragraphs
    and tables."""
    if inhoud.startswith(b"%PDF-"):
        from gka_docgen.importing.from_pdf import lees_pdf_opmaak

        return lees_pdf_opmaak(inhoud, naam)
    return lees_docx(inhoud, naam, wijzigingen)


def _zonder_status(data: dict[str, Any]) -> dict[str, Any]:
    # A document read back does not say its status (the import always writes concept):
    # it is left out, so that the comparison does not report it.
    return {k: v for k, v in data.items() if k != "status"}
