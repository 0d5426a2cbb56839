"""`gka-docgen verify` on PDFs signed in the test with real certificates, checked by pdfsig too."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

from gka_docgen.document.formatting import datum
from gka_docgen.signing import sign
from tests.certhulp import WACHTWOORD, Certificaat, maak_certificaat
from tests.conftest import run_cli
from tests.pdfhulp import DEFINITIEF, render

HELENE = "Handtekening_Helene_Brule-IJsselmuiden"
DENNIS = "Handtekening_Dennis_Wiersma"
NURIA = "Handtekening_Nuria_de_Vree"
TIJD = r"\d\d-\d\d-\d{4} \d\d:\d\d:\d\d UTC"


@dataclass(frozen=True)
class Ondertekenaar:
    certificaat: Certificaat
    vertrouw: Path  # the certificate alone (DER), for --vertrouw


def _ondertekenaar(map_: Path, naam: str, **geldig: datetime.timedelta) -> Ondertekenaar:
    map_.mkdir()
    certificaat = maak_certificaat(map_, naam, **geldig)
    vertrouw = map_ / "stam.cer"
    vertrouw.write_bytes(certificaat.cert_der)
    return Ondertekenaar(certificaat, vertrouw)


@pytest.fixture(scope="module")
def mensen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Ondertekenaar]:
    map_ = tmp_path_factory.mktemp("certificaten")
    return {
        HELENE: _ondertekenaar(map_ / "h", "Helene Brule-IJsselmuiden"),  # no accents: still her
        DENNIS: _ondertekenaar(map_ / "d", "Dennis Wiersma"),
        NURIA: _ondertekenaar(map_ / "n", "NÚRIA DE VRËE"),
    }


@pytest.fixture(scope="module")
def definitief_pdf() -> bytes:
    return render(DEFINITIEF)[2]


@pytest.fixture
def pdf(tmp_path: Path, definitief_pdf: bytes) -> Path:
    pad = tmp_path / "GKA-Addendum-2021-2024-Almere.pdf"
    pad.write_bytes(definitief_pdf)
    return pad


def _teken(
    pdf: Path, veld: str, wie: Ondertekenaar, *extra: str
) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "sign", str(pdf), "--veld", veld, "--p12", str(wie.certificaat.p12), *extra,
        env={sign.WACHTWOORD_VARIABELE: WACHTWOORD},
    )  # fmt: skip


def _verify(
    pdf: Path, *vertrouwd: Ondertekenaar, json_: bool = False
) -> subprocess.CompletedProcess[str]:
    args = [a for w in vertrouwd for a in ("--vertrouw", str(w.vertrouw))]
    return run_cli("verify", str(pdf), *args, *(["--json"] if json_ else []))


def _zonder_tijden(tekst: str) -> str:
    return re.sub(TIJD, "<tijd>", tekst)


def _pdfsig(pdf: Path) -> list[str]:
    uit = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, check=False).stdout
    return [r.strip() for r in uit.splitlines() if "Signature Validation" in r]


def _getekend_door_alle_drie(pdf: Path, mensen: dict[str, Ondertekenaar]) -> Path:
    huidig = pdf
    for veld in (HELENE, DENNIS, NURIA):
        r = _teken(huidig, veld, mensen[veld])
        assert r.returncode == 0, r.stderr
        huidig = Path(r.stdout.removeprefix("getekend: ").strip())
    return huidig


@pytest.mark.slow
def test_three_signers_in_sequence_name_their_copies_and_verify(
    pdf: Path, mensen: dict[str, Ondertekenaar]
) -> None:
    namen = []
    huidig = pdf
    for veld in (HELENE, DENNIS, NURIA):
        r = _teken(huidig, veld, mensen[veld])
        assert r.returncode == 0, r.stderr
        assert r.stderr == ""  # no font-subsetting or other noise
        huidig = Path(r.stdout.removeprefix("getekend: ").strip())
        namen.append(huidig.name)
    assert namen == [
        "GKA-Addendum-2021-2024-Almere-getekend-1-van-3.pdf",
        "GKA-Addendum-2021-2024-Almere-getekend-2-van-3.pdf",
        "GKA-Addendum-2021-2024-Almere-getekend.pdf",
    ]
    assert _pdfsig(huidig) == ["- Signature Validation: Signature is Valid."] * 3

    r = _verify(huidig, *mensen.values())
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stderr == ""
    blok = """  {veld} ({wie}): getekend, geldig
    door: {door}
    getekend op: <tijd> (klok van de ondertekenaar)
    tijdstempel: geen
    niveau: PAdES B-B
    plaats en datum ingevuld: {vandaag}
    ongeschonden: ja
    daarna veranderd: {later}
    certificaat vertrouwd: ja
    ETSI-indicatie: TOTAL_PASSED
"""
    later = "alleen toegestane wijzigingen (formulier ingevuld, volgende handtekeningen)"
    vandaag = datum(datetime.date.today())  # each signer's date line, filled by sign
    assert _zonder_tijden(r.stdout) == (
        f"{huidig}:\n"
        + blok.format(veld=HELENE, wie="Hélène Brûlé-Ĳsselmuiden", door="Helene Brule-IJsselmuiden", later=later, vandaag=vandaag)
        + blok.format(veld=DENNIS, wie="Dennis Wiersma", door="Dennis Wiersma", later=later, vandaag=vandaag)
        + blok.format(veld=NURIA, wie="Núria de Vrëe", door="NÚRIA DE VRËE", later="niets", vandaag=vandaag)
        + "  herkomst: deze PDF is precies wat gka-docgen maakt van het ingesloten agendabestand "
        "(almere-definitief.yaml)\n"
        "compleet: 3 van 3 handtekeningen gezet, alle geldig, en de PDF is wat zijn "
        "agendabestand geeft.\n"
    )  # fmt: skip


@pytest.mark.slow
def test_verify_json_for_scripts(pdf: Path, mensen: dict[str, Ondertekenaar]) -> None:
    import hashlib

    r = _teken(pdf, HELENE, mensen[HELENE])
    assert r.returncode == 0, r.stderr
    getekend = pdf.with_name("GKA-Addendum-2021-2024-Almere-getekend-1-van-3.pdf")
    r = _verify(getekend, mensen[HELENE], json_=True)
    assert r.returncode == 4, r.stdout  # one of three: not complete, nothing wrong
    verslag = json.loads(r.stdout)
    assert (verslag["toestand"], verslag["afsluitcode"]) == ("onvolledig", 4)
    assert verslag["sha256"] == hashlib.sha256(getekend.read_bytes()).hexdigest()
    assert verslag["in_orde"] is True
    assert verslag["herkomst"]["gelijk"] is True
    eerste, tweede, _ = verslag["handtekeningen"]
    assert (eerste["veld"], eerste["getekend"], eerste["geldig"]) == (HELENE, True, True)
    assert eerste["door"] == "Helene Brule-IJsselmuiden"
    assert eerste["toestand"] == "geldig"
    assert eerste["etsi"] == {"indicatie": "TOTAL_PASSED", "subindicatie": None}
    assert (tweede["toestand"], tweede["etsi"]) == ("niet getekend", None)
    assert datetime.datetime.fromisoformat(eerste["tijd"]).tzinfo is not None
    assert (tweede["getekend"], tweede["problemen"]) == (False, [])


@pytest.mark.slow
def test_an_unsigned_pdf_is_what_gka_docgen_makes_but_not_complete(pdf: Path) -> None:
    r = run_cli("verify", str(pdf))
    assert r.returncode == 4
    assert r.stdout == (
        f"{pdf}:\n"
        f"  {HELENE} (Hélène Brûlé-Ĳsselmuiden): nog niet getekend\n"
        f"  {DENNIS} (Dennis Wiersma): nog niet getekend\n"
        f"  {NURIA} (Núria de Vrëe): nog niet getekend\n"
        "  herkomst: deze PDF is precies wat gka-docgen maakt van het ingesloten agendabestand "
        "(almere-definitief.yaml)\n"
        "nog niet compleet: 0 van 3 handtekeningen gezet; nog te tekenen door "
        "Hélène Brûlé-Ĳsselmuiden, Dennis Wiersma, Núria de Vrëe.\n"
    )


def _eerste_handtekening(pdf: Path, mensen: dict[str, Ondertekenaar]) -> Path:
    r = _teken(pdf, HELENE, mensen[HELENE])
    assert r.returncode == 0, r.stderr
    return Path(r.stdout.removeprefix("getekend: ").strip())


@pytest.mark.slow
def test_one_byte_changed_after_signing_is_broken(
    pdf: Path, mensen: dict[str, Ondertekenaar]
) -> None:
    getekend = _eerste_handtekening(pdf, mensen)
    data = bytearray(getekend.read_bytes())
    plek = data.index(b"/Producer") + len(b"/Producer (")
    data[plek] ^= 0x01  # one letter of the producer's name, inside the signed bytes
    getekend.write_bytes(bytes(data))
    r = _verify(getekend, mensen[HELENE])
    assert r.returncode == 1
    assert "    ongeschonden: nee\n" in r.stdout
    assert (
        "    probleem: de PDF is na het tekenen veranderd: de ondertekende inhoud klopt niet meer\n"
        in r.stdout
    )
    assert "    ETSI-indicatie: TOTAL_FAILED/HASH_FAILURE\n" in r.stdout
    assert r.stdout.endswith("NIET IN ORDE: 1 van 3 handtekeningen gezet; 1 ONGELDIG.\n")
    assert _pdfsig(getekend) != ["- Signature Validation: Signature is Valid."]


@pytest.mark.slow
def test_page_content_changed_in_a_later_update_is_named(
    pdf: Path, mensen: dict[str, Ondertekenaar]
) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    getekend = _eerste_handtekening(pdf, mensen)
    schrijver: Any = IncrementalPdfFileWriter(BytesIO(getekend.read_bytes()))
    rood_vlak = generic.StreamObject(stream_data=b"q 1 0 0 rg 10 10 100 100 re f Q")
    schrijver.add_stream_to_page(0, schrijver.add_object(rood_vlak))
    uit = BytesIO()
    schrijver.write(uit)
    veranderd = pdf.with_name("veranderd.pdf")
    veranderd.write_bytes(uit.getvalue())

    r = _verify(veranderd, mensen[HELENE])
    assert r.returncode == 1
    assert "    ongeschonden: ja\n" in r.stdout  # the signed bytes themselves are untouched
    assert "    daarna veranderd: pagina 1 (inhoud of opmaak)\n" in r.stdout
    assert (
        "    probleem: na het tekenen is er iets veranderd dat niet mag: "
        "pagina 1 (inhoud of opmaak)\n" in r.stdout
    )


@pytest.mark.slow
def test_a_certificate_in_another_name_is_refused_unless_namens(
    pdf: Path, mensen: dict[str, Ondertekenaar]
) -> None:
    r = _teken(pdf, HELENE, mensen[DENNIS])
    assert r.returncode == 1
    assert r.stderr == (
        "gka-docgen: het certificaat staat op naam van Dennis Wiersma, maar "
        f"{HELENE} is het veld van Hélène Brûlé-Ĳsselmuiden; tekent u namens "
        "Hélène Brûlé-Ĳsselmuiden, gebruik dan --namens\n"
    )
    assert not list(pdf.parent.glob("*getekend*"))

    r = _teken(pdf, HELENE, mensen[DENNIS], "--namens")
    assert r.returncode == 0, r.stderr
    getekend = Path(r.stdout.removeprefix("getekend: ").strip())
    r = _verify(getekend, mensen[DENNIS])
    assert r.returncode == 4, r.stdout  # right, and two fields still to sign
    assert "    door: Dennis Wiersma, namens Hélène Brûlé-Ĳsselmuiden\n" in r.stdout
    stempel = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(getekend), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "namens Hélène Brûlé-Ĳsselmuiden" in stempel


def _teken_zonder_controle(pdf: bytes, veld: str, wie: Ondertekenaar) -> bytes:
    """Signed with pyHanko directly, as another tool would: no name or date check."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    ondertekenaar = signers.SimpleSigner.load_pkcs12_data(
        wie.certificaat.p12.read_bytes(), other_certs=(), passphrase=WACHTWOORD.encode()
    )
    uit = BytesIO()
    signers.PdfSigner(signers.PdfSignatureMetadata(field_name=veld), signer=ondertekenaar).sign_pdf(
        IncrementalPdfFileWriter(BytesIO(pdf)), existing_fields_only=True, output=uit
    )
    return uit.getvalue()


@pytest.mark.slow
def test_verify_names_a_signature_in_the_wrong_field(
    pdf: Path, mensen: dict[str, Ondertekenaar]
) -> None:
    verkeerd = pdf.with_name("verkeerd.pdf")
    verkeerd.write_bytes(_teken_zonder_controle(pdf.read_bytes(), DENNIS, mensen[NURIA]))
    r = _verify(verkeerd, mensen[NURIA])
    assert r.returncode == 1
    assert f"  {DENNIS} (Dennis Wiersma): getekend, ONGELDIG\n" in r.stdout
    assert (
        "    probleem: getekend door NÚRIA DE VRËE, maar dit veld is van Dennis Wiersma\n"
        in r.stdout
    )


@pytest.mark.slow
def test_an_expired_certificate(pdf: Path, tmp_path: Path) -> None:
    verlopen = _ondertekenaar(
        tmp_path / "oud",
        "Dennis Wiersma",
        van=datetime.timedelta(days=-400),
        tot=datetime.timedelta(days=-35),
    )
    r = _teken(pdf, DENNIS, verlopen)
    assert r.returncode == 1
    assert re.fullmatch(
        rf"gka-docgen: het certificaat is verlopen op {TIJD}; vraag een nieuw aan\n", r.stderr
    ), r.stderr

    getekend = pdf.with_name("verlopen.pdf")
    getekend.write_bytes(_teken_zonder_controle(pdf.read_bytes(), DENNIS, verlopen))
    r = _verify(getekend, verlopen)
    assert r.returncode == 1
    assert "    ETSI-indicatie: INDETERMINATE/OUT_OF_BOUNDS_NO_POE\n" in r.stdout
    assert re.search(
        rf"\n    probleem: het certificaat was al verlopen toen er getekend werd "
        rf"\(geldig tot {TIJD}\)\n",
        r.stdout,
    ), r.stdout


@pytest.mark.slow
def test_without_vertrouw_a_self_made_certificate_is_not_trusted(
    pdf: Path, mensen: dict[str, Ondertekenaar]
) -> None:
    getekend = _eerste_handtekening(pdf, mensen)
    r = run_cli("verify", str(getekend))
    assert r.returncode == 1
    # pyHanko's sub-indication for a self-signed certificate that is no trust anchor
    assert "    ETSI-indicatie: INDETERMINATE/CHAIN_CONSTRAINTS_FAILURE\n" in r.stdout
    assert (
        "    probleem: het certificaat leidt niet naar een vertrouwde uitgever "
        "(geef met --vertrouw het stamcertificaat op dat u vertrouwt)\n" in r.stdout
    )


def _pdf_van(agenda_yaml: bytes, ingesloten: bytes) -> bytes:
    """The PDF of one agenda, carrying `ingesloten` as its embedded YAML (a swap, if they differ)."""
    from gka_docgen.render.context import bouw
    from gka_docgen.render.pdf import render_pdf
    from gka_docgen.source.load import laad_bytes

    agenda = laad_bytes(agenda_yaml, naam=DEFINITIEF.name).agenda
    return render_pdf(bouw(agenda), ingesloten, DEFINITIEF.name)


ORIGINEEL = DEFINITIEF.read_bytes()
ANDERS = ORIGINEEL.replace(b"Jaarlijkse meting", b"Tweejaarlijkse meting")
# The line of the agenda's text that differs, as pdf_view reads it.
VERSCHIL = r"pagina (\d), regel (\d+): staat er '[^']*{gezien}[^']*', hoort '[^']*{hoort}[^']*'"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("paginas", "ingesloten", "gezien", "hoort"),
    [(ANDERS, ORIGINEEL, "Tweejaarlijkse meting", "Jaarlijkse meting"),  # other pages
     (ORIGINEEL, ANDERS, "Jaarlijkse meting", "Tweejaarlijkse meting")],  # swapped YAML
)  # fmt: skip
def test_a_pdf_whose_pages_are_not_its_agenda_is_wrong(
    tmp_path: Path, paginas: bytes, ingesloten: bytes, gezien: str, hoort: str
) -> None:
    assert ANDERS != ORIGINEEL
    vals = tmp_path / "vals.pdf"
    vals.write_bytes(_pdf_van(paginas, ingesloten))
    r = run_cli("verify", str(vals))
    assert r.returncode == 1  # no signature is invalid, but the pages are not the agenda's
    assert re.search(
        r"\n  herkomst: deze PDF is NIET wat deze versie van gka-docgen maakt van het ingesloten "
        r"agendabestand \(almere-definitief\.yaml\), terwijl hij met deze versie gemaakt is: "
        + VERSCHIL.format(gezien=gezien, hoort=hoort)
        + "\n",
        r.stdout,
    ), r.stdout
    assert r.stdout.endswith(
        "NIET IN ORDE: 0 van 3 handtekeningen gezet; de PDF is NIET wat zijn agendabestand "
        "geeft (zie herkomst).\n"
    )
    herkomst = json.loads(run_cli("verify", str(vals), "--json").stdout)["herkomst"]
    assert (herkomst["gelijk"], herkomst["vergeleken"]) == (False, "bytes")


@pytest.mark.slow
def test_swapped_page_drawings_are_found_though_every_signature_is_valid(
    pdf: Path, mensen: dict[str, Ondertekenaar]
) -> None:
    """Pages 1 and 2 swap drawings in an update before anyone signs: the signatures cover it."""
    from pyhanko.pdf_utils.generic import pdf_name
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    schrijver: Any = IncrementalPdfFileWriter(BytesIO(pdf.read_bytes()))
    (een, _), (twee, _) = (schrijver.find_page_for_modification(i) for i in (0, 1))
    een_obj, twee_obj = een.get_object(), twee.get_object()
    inhoud_een, inhoud_twee = een_obj.raw_get("/Contents"), twee_obj.raw_get("/Contents")
    een_obj[pdf_name("/Contents")], twee_obj[pdf_name("/Contents")] = inhoud_twee, inhoud_een
    schrijver.update_container(een_obj)
    schrijver.update_container(twee_obj)
    uit = BytesIO()
    schrijver.write(uit)
    pdf.write_bytes(uit.getvalue())

    getekend = _getekend_door_alle_drie(pdf, mensen)
    r = _verify(getekend, *mensen.values())
    assert r.returncode == 1, r.stdout
    assert r.stdout.count(": getekend, geldig\n") == 3
    assert re.search(
        r"herkomst: deze PDF is NIET .*: pagina 1, regel 1: staat er '[^']+', hoort 'Gelijke "
        r"Kansen voor alle kinderen en'\n",
        r.stdout,
    ), r.stdout
    assert r.stdout.endswith(
        "NIET IN ORDE: 3 van 3 handtekeningen gezet; de PDF is NIET wat zijn agendabestand "
        "geeft (zie herkomst).\n"
    )


def _met_andere_versies(pdf: bytes) -> bytes:
    """`pdf` written again by another writer (pypdf), recording other versions as its maker."""
    from pypdf import PdfWriter

    from gka_docgen.versions import versiestempel

    stempel = versiestempel().replace("gka-docgen 0.1.0", "gka-docgen 0.0.9")
    stempel = re.sub(r"weasyprint [\d.]+", "weasyprint 69.0", stempel)
    schrijver = PdfWriter(clone_from=BytesIO(pdf))
    schrijver.add_metadata({"/Creator": stempel})
    uit = BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


@pytest.mark.slow
def test_a_pdf_made_by_other_versions_is_judged_by_what_a_reader_sees(tmp_path: Path) -> None:
    ander = tmp_path / "ander.pdf"
    ander.write_bytes(_met_andere_versies(_pdf_van(ORIGINEEL, ORIGINEEL)))
    r = run_cli("verify", str(ander))
    assert r.returncode == 4, r.stdout  # right, not signed yet
    assert (
        "  herkomst: zelfde inhoud als wat deze versie van gka-docgen maakt van het ingesloten "
        "agendabestand (almere-definitief.yaml), gemaakt met gka-docgen 0.0.9 (hier 0.1.0), "
        "weasyprint 69.0 (hier 70.0): de tekst van elke pagina en de velden zijn gelijk\n"
    ) in r.stdout
    herkomst = json.loads(run_cli("verify", str(ander), "--json").stdout)["herkomst"]
    assert (herkomst["gelijk"], herkomst["vergeleken"]) == (True, "inhoud")
    assert herkomst["gemaakt_met"][0] == "gka-docgen 0.0.9"

    vals = tmp_path / "vals.pdf"
    vals.write_bytes(_met_andere_versies(_pdf_van(ANDERS, ORIGINEEL)))
    r = run_cli("verify", str(vals))
    assert r.returncode == 1, r.stdout
    assert re.search(
        r"\n  herkomst: deze PDF toont NIET wat deze versie van gka-docgen maakt van het "
        r"ingesloten agendabestand \(almere-definitief\.yaml\); hij is gemaakt met gka-docgen "
        r"0\.0\.9 \(hier 0\.1\.0\), weasyprint 69\.0 \(hier 70\.0\)\. Eerste verschil: "
        + VERSCHIL.format(gezien="Tweejaarlijkse meting", hoort="Jaarlijkse meting")
        + "\n",
        r.stdout,
    ), r.stdout


@pytest.mark.slow
def test_the_pdf_records_its_versions_and_a_build_with_another_date_still_verifies(
    tmp_path: Path,
) -> None:
    """Built by `build` in another process, with SOURCE_DATE_EPOCH set: byte for byte ours."""
    from pypdf import PdfReader

    from gka_docgen.versions import versies

    werk = tmp_path / "werk"
    (werk / "agendas").mkdir(parents=True)
    (werk / "agendas" / "almere.yaml").write_bytes(ORIGINEEL)
    r = run_cli("build", "--format", "pdf", cwd=werk, env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert r.returncode == 0, r.stderr
    pdf = werk / "out" / "almere" / "GKA-Addendum-2021-2024-Almere.pdf"
    lezer = PdfReader(pdf)
    assert lezer.metadata is not None and lezer.metadata.creator == "; ".join(versies())
    xmp = lezer.xmp_metadata
    assert xmp is not None and xmp.xmp_creator_tool == "; ".join(versies())
    r = run_cli("verify", str(pdf))
    assert r.returncode == 4, r.stdout
    assert "  herkomst: deze PDF is precies wat gka-docgen maakt van het ingesloten " in r.stdout


@pytest.mark.slow
def test_a_concept_is_not_complete(tmp_path: Path) -> None:
    from tests.pdfhulp import CONCEPT

    concept = tmp_path / "concept.pdf"
    concept.write_bytes(render(CONCEPT)[2])
    r = run_cli("verify", str(concept))
    assert r.returncode == 4, r.stdout + r.stderr
    assert r.stdout.endswith(
        "nog niet compleet: deze PDF heeft geen handtekeningvelden; zet de status van de "
        "agenda op definitief en maak de PDF opnieuw (gka-docgen build)\n"
    )


def test_a_missing_file_is_wrong_usage_not_a_wrong_pdf(tmp_path: Path) -> None:
    r = run_cli("verify", str(tmp_path / "weg.pdf"))
    assert (r.returncode, r.stderr) == (2, f"gka-docgen: {tmp_path / 'weg.pdf'} bestaat niet\n")


@pytest.mark.slow
def test_verify_refuses_what_is_not_a_gka_pdf(tmp_path: Path) -> None:
    nep = tmp_path / "nep.pdf"
    nep.write_bytes(b"dit is geen pdf")
    r = run_cli("verify", str(nep))
    assert (r.returncode, r.stderr) == (1, f"gka-docgen: {nep} is geen PDF-bestand\n")
    r = run_cli("verify", str(nep), "--vertrouw", str(nep))
    assert (r.returncode, r.stderr) == (1, f"gka-docgen: {nep} is geen certificaat (PEM of DER)\n")


@pytest.mark.slow
def test_the_validation_record_holds_what_the_archive_must_keep(
    pdf: Path, mensen: dict[str, Ondertekenaar]
) -> None:
    """Archiefregeling art. 24c: holder, certificate, moment and result, who validated."""
    import hashlib

    from asn1crypto import x509

    getekend = _getekend_door_alle_drie(pdf, mensen)
    voor = datetime.datetime.now(datetime.UTC)
    r = run_cli(
        "verify", str(getekend), "--vastleggen", "--door", "A. de Archivaris",
        *(a for w in mensen.values() for a in ("--vertrouw", str(w.vertrouw))),
    )  # fmt: skip
    na = datetime.datetime.now(datetime.UTC)
    assert r.returncode == 0, r.stdout + r.stderr
    json_pad = getekend.with_name(getekend.stem + ".validatie.json")
    tekst_pad = getekend.with_name(getekend.stem + ".validatie.txt")
    assert r.stdout.endswith(f"vastgelegd: {json_pad}\nvastgelegd: {tekst_pad}\n")
    verslag = json.loads(json_pad.read_text(encoding="utf-8"))
    assert verslag["document"] == {
        "bestand": getekend.name,
        "sha256": hashlib.sha256(getekend.read_bytes()).hexdigest(),
        "bytes": getekend.stat().st_size,
    }
    assert voor <= datetime.datetime.fromisoformat(verslag["gevalideerd_op"]) <= na
    assert verslag["gevalideerd_door"] == "A. de Archivaris"
    assert verslag["gevalideerd_met"] == "gka-docgen 0.1.0"
    assert (verslag["toestand"], verslag["afsluitcode"]) == ("compleet", 0)
    assert [a["bestand"] for a in verslag["vertrouwensankers"]] == [
        str(w.vertrouw) for w in mensen.values()
    ]
    for h, (veld, wie) in zip(verslag["handtekeningen"], mensen.items(), strict=True):
        certificaat = x509.Certificate.load(wie.certificaat.cert_der)
        sha = hashlib.sha256(wie.certificaat.cert_der).hexdigest()
        assert h["veld"] == veld
        assert h["houder"] == certificaat.subject.native["common_name"]
        assert h["certificaat"]["houder"] == certificaat.subject.human_friendly
        assert h["certificaat"]["uitgever"] == certificaat.issuer.human_friendly
        assert int(h["certificaat"]["serienummer"], 16) == certificaat.serial_number
        assert h["certificaat"]["sha256"] == sha
        assert h["bron_tijdstip"] == "klok van de ondertekenaar"  # no --tsa: no timestamp
        assert (
            voor - datetime.timedelta(minutes=10)
            < datetime.datetime.fromisoformat(h["tijdstip"])
            < voor
        )
        assert (h["niveau"], h["uitslag"]) == ("PAdES B-B", "geldig")
        assert h["etsi"] == {"indicatie": "TOTAL_PASSED", "subindicatie": None}
        assert h["vertrouwensanker"] == f"{certificaat.subject.human_friendly} (SHA-256 {sha})"
    tekst = tekst_pad.read_text(encoding="utf-8")
    assert tekst.startswith(
        f"Validatieverslag (Archiefregeling art. 24c) van {getekend.name}\n"
        f"  SHA-256 van het document: {verslag['document']['sha256']}\n"
    )
    assert "  gevalideerd door: A. de Archivaris\n" in tekst
    assert "  uitslag: compleet: 3 van 3 handtekeningen gezet" in tekst
    assert tekst.count("    uitslag: geldig (TOTAL_PASSED)\n") == 3
    assert tekst.count("    SHA-256 van het certificaat: ") == 3


@pytest.mark.slow
def test_the_record_names_the_user_and_says_what_is_wrong(
    pdf: Path, mensen: dict[str, Ondertekenaar]
) -> None:
    import getpass

    getekend = _eerste_handtekening(pdf, mensen)
    r = run_cli("verify", str(getekend), "--vastleggen", "--json")  # untrusted: wrong
    assert r.returncode == 1
    assert json.loads(r.stdout)["toestand"] == "fout"  # standard output stays JSON
    json_pad = getekend.with_name(getekend.stem + ".validatie.json")
    assert r.stderr == (
        f"gka-docgen: vastgelegd: {json_pad}\n"
        f"gka-docgen: vastgelegd: {json_pad.with_suffix('.txt')}\n"
    )
    verslag = json.loads(json_pad.read_text(encoding="utf-8"))
    assert verslag["gevalideerd_door"] == getpass.getuser()
    assert verslag["vertrouwensankers"] == "de certificaten die het systeem vertrouwt"
    eerste = verslag["handtekeningen"][0]
    assert (eerste["uitslag"], eerste["vertrouwensanker"]) == ("ongeldig", None)
    assert eerste["etsi"]["indicatie"] == "INDETERMINATE"
    assert eerste["problemen"] == [
        "het certificaat leidt niet naar een vertrouwde uitgever "
        "(geef met --vertrouw het stamcertificaat op dat u vertrouwt)"
    ]
    assert verslag["handtekeningen"][1]["uitslag"] == "niet getekend"
    r = run_cli("verify", str(getekend), "--door", "iemand")
    assert (r.returncode, r.stderr) == (
        2,
        "gka-docgen: --door hoort bij --vastleggen; geef die ook op\n",
    )


def test_the_three_exit_codes_are_documented_in_the_help_and_the_readme() -> None:
    from gka_docgen.signing.verify import AFSLUITCODE, Toestand
    from tests.conftest import ROOT

    assert sorted(AFSLUITCODE.values()) == [0, 1, 4]
    hulp = " ".join(run_cli("verify", "--help", env={"TERMINAL_WIDTH": "400"}).stdout.split())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for toestand, woord in ((Toestand.COMPLEET, "compleet"),
                            (Toestand.ONVOLLEDIG, "nog niet compleet"),
                            (Toestand.FOUT, "er is iets mis")):  # fmt: skip
        code = AFSLUITCODE[toestand]
        assert f"Afsluitcode {code}: {woord}" in hulp
        assert re.search(rf"\| `{code}` \| `(compleet|nog niet compleet|NIET IN ORDE)` \|", readme)
