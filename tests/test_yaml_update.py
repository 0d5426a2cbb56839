"""Writing new data into an existing agenda file: exactly the new data, in the author's style.

`yamlupdate.werk_bij` is what `import --force` writes with; `yamlout` reads every result
back before it is written. These properties run it over pairs of generated agendas
(both kinds, lists emptied, grown and shrunk) in files made by `new` and written by hand.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections import Counter
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gka_docgen.document.compare import verschillen
from gka_docgen.document.model import Agenda
from gka_docgen.source.scaffold import scaffold
from gka_docgen.source.yaml_out import controleer_terug
from gka_docgen.source.yaml_read import lees
from gka_docgen.source.yaml_update import werk_bij
from gka_docgen.source.yaml_write import blok
from tests.agenda_strategies import agenda, opgemaakte_tekst


class _Ingesprongen(yaml.SafeDumper):
    """Lists indented under their key (`interventies:` then `  - naam: ...`)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _met_commentaar(tekst: str) -> str:
    """A comment of the author's above every line that starts a key or an item (found by
    PyYAML, so never inside a text), each one different."""
    regels = tekst.splitlines()
    begint: set[int] = set()
    te_doen = [yaml.compose(tekst)]
    while te_doen:
        knoop = te_doen.pop()
        if isinstance(knoop, yaml.MappingNode):
            begint |= {k.start_mark.line for k, _ in knoop.value}
            te_doen += [v for _, v in knoop.value]
        elif isinstance(knoop, yaml.SequenceNode):
            te_doen += knoop.value
    uit = []
    for i, regel in enumerate(regels):
        if i in begint:
            inspring = len(regel) - len(regel.lstrip(" -"))
            uit.append(f"{' ' * inspring}# opmerking {i} van de auteur")
        uit.append(regel)
    return "\n".join(uit) + "\n"


def _geschreven(data: dict[str, Any], stijl: str) -> str:
    """`data` as a file: made by `new`/`import`, or as people write YAML by hand."""
    if stijl == "nieuw":
        return "\n".join(blok(Agenda, data, "")) + "\n"
    opties: dict[str, Any] = {"allow_unicode": True, "sort_keys": False, "width": 80}
    if stijl == "vlak":
        opties["Dumper"] = yaml.SafeDumper
    elif stijl == "flow":
        opties |= {"Dumper": yaml.SafeDumper, "default_flow_style": None}
    elif stijl in ('"', "'"):
        opties |= {"Dumper": _Ingesprongen, "default_style": stijl}
    else:
        opties |= {"Dumper": _Ingesprongen, "indent": 4 if stijl == "vier" else 2}
    tekst = str(yaml.dump(data, **opties))
    return _met_commentaar(tekst) if stijl == "commentaar" else tekst


STIJLEN = ["nieuw", "vlak", "ingesprongen", "vier", "flow", '"', "'", "commentaar"]
_agenda = agenda(max_interventies=3, tekst=st.one_of(opgemaakte_tekst(), st.just("")))
# Cheaper to draw ten of: texts of every shape the writer meets, from a fixed set.
_TEKSTEN = [
    "",
    "Een zin.",
    "0:",
    "# geen commentaar",
    "- geen opsomming",
    "'tussen aanhalingstekens'",
    "yes",
    "Eerste alinea, die lang genoeg is om bij een auteur die afbreekt over de rand te gaan.",
    "Eerste alinea.\n\n- punt een\n- punt twee\n\nSlot.",
    "  spaties vooraan\nen een tweede regel",
]
_licht = agenda(max_interventies=3, tekst=st.sampled_from(_TEKSTEN))


def _zelfde(tekst: str, data: dict[str, Any]) -> None:
    gelezen = lees(tekst)
    assert not gelezen.problemen
    assert [str(v) for v in verschillen(gelezen.data, data)] == []
    controleer_terug(tekst, data, "x.yaml")


def _commentaren(tekst: str) -> Counter[str]:
    return Counter(r.strip() for r in tekst.splitlines() if r.lstrip().startswith("#"))


def _geen_commentaar_erbij(oud: str, nieuw: str) -> bool:
    """No comment of `oud` appears more often in `nieuw` (a '#' line of a text is no comment:
    it is in neither's count more than in the data)."""
    voor, na = _commentaren(oud), _commentaren(nieuw)
    return all(na[c] <= n for c, n in voor.items())


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(a=st.one_of(_agenda, _licht), b=st.one_of(_agenda, _licht), stijl=st.sampled_from(STIJLEN))
def test_writing_b_into_the_file_of_a_gives_exactly_b(
    a: dict[str, Any], b: dict[str, Any], stijl: str
) -> None:
    oud = _geschreven(a, stijl)
    nieuw = werk_bij(oud, b)
    _zelfde(nieuw, b)
    # No comment is added or repeated; the author's stay unless their field went.
    assert _geen_commentaar_erbij(oud, nieuw)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(a=_agenda, stijl=st.sampled_from(STIJLEN))
def test_the_same_data_changes_no_byte(a: dict[str, Any], stijl: str) -> None:
    oud = _geschreven(a, stijl)
    assert werk_bij(oud, copy.deepcopy(a)) == oud


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(reeks=st.lists(_licht, min_size=10, max_size=10))
def test_ten_imports_into_one_file_stay_valid_and_repeat_no_comment(
    reeks: list[dict[str, Any]],
) -> None:
    begin = scaffold("Zaanstad", "addendum", "2021-2024")
    tekst = begin
    for data in reeks:
        tekst = werk_bij(tekst, data)
        _zelfde(tekst, data)
        assert _geen_commentaar_erbij(begin, tekst)


def _handgeschreven() -> tuple[str, dict[str, Any]]:
    data: dict[str, Any] = {
        "gemeente": "Zaanstad",
        "soort": "addendum",
        "periode": "2021-2024",
        "status": "concept",
        "themas": ["Taal", "Armoede"],
        "toelichting": {
            "aanleiding_en_uitdagingen": "In Zaanstad groeit een op de vijf kinderen op in "
            "armoede, en de taalachterstand bij de start van groep 3 is groot.\n\n"
            "- taal\n- armoede",
            "inzet_gemeente": "Extra leertijd.",
            "inzet_nationaal_programma_onderwijs": "Zomerscholen.",
            "samenwerking_met_de_gelijke_kansen_alliantie": "",
            "kennis": "",
            "en_verder": "",
        },
        "bestuurlijk_overleg": "Twee keer per jaar.",
        "interventies": [
            {
                "naam": f"Interventie {i}",
                "betrokken_partijen": "Scholen",
                "doel": "Minder taalachterstand.",
                "doelgroep": "Peuters",
                "locatie": "Poelenburg",
                "omschrijving_activiteiten": "Voorschoolse educatie.",
                "monitoring_en_evaluatie": "Taaltoets.",
                "financiering": "OAB",
                "website": "https://www.zaanstad.nl/oab",
                "contactpersoon": {
                    "naam": "F. el Amrani",
                    "email": "f@zaanstad.nl",
                    "telefoon": "",
                },
            }
            for i in range(1, 4)
        ],
        "communities": [],
        "ondertekening": {
            "plaats": "Zaandam",
            "datum": "2022-03-03",
            "ondertekenaars": [
                {
                    "naam": "Songül Mutluer",
                    "functie": "Wethouder",
                    "organisatie": "Gemeente Zaanstad",
                }
            ],
        },
        "begroting": {
            "maximum_ocw": "100000",
            "regels": [
                {
                    "interventie": "Interventie 1",
                    "omschrijving": "Pedagogisch medewerkers",
                    "bijdrage_ocw": "60000",
                    "cofinanciering": "25000",
                }
            ],
        },
    }
    tekst = yaml.dump(data, Dumper=_Ingesprongen, allow_unicode=True, sort_keys=False, width=80)
    # As a person types it: amounts and dates plain, not quoted as PyYAML does.
    tekst = re.sub(r"'(\d[\d-]*)'", r"\1", tekst)
    assert lees(tekst).data == data
    return tekst, data


def _gewijzigde_regels(oud: str, nieuw: str) -> list[str]:
    return [
        r
        for r in difflib.unified_diff(oud.splitlines(), nieuw.splitlines(), lineterm="", n=0)
        if r[:1] in "+-" and not r.startswith(("+++", "---"))
    ]


def test_a_two_field_change_in_a_hand_written_file_rewrites_two_lines() -> None:
    oud, data = _handgeschreven()
    data["interventies"][1]["doelgroep"] = "Peuters en kleuters"
    data["begroting"]["regels"][0]["bijdrage_ocw"] = "65000"
    nieuw = werk_bij(oud, data)
    assert _gewijzigde_regels(oud, nieuw) == [
        "-    doelgroep: Peuters",
        "+    doelgroep: Peuters en kleuters",
        "-      bijdrage_ocw: 60000",
        "+      bijdrage_ocw: 65000",
    ]


def test_numbers_and_dates_are_written_plain_and_quotes_kept_where_the_author_put_them() -> None:
    oud, data = _handgeschreven()
    oud = oud.replace("doel: Minder taalachterstand.", "doel: 'Minder taalachterstand.'", 1)
    data["interventies"][0]["doel"] = "Betere taal"
    data["ondertekening"]["datum"] = "2022-04-01"
    data["begroting"]["regels"][0]["cofinanciering"] = "30000"
    data["interventies"][0]["locatie"] = "yes"  # YAML 1.1 would read a plain yes as true
    nieuw = werk_bij(oud, data)
    assert "    doel: 'Betere taal'" in nieuw.splitlines()
    assert "  datum: 2022-04-01" in nieuw.splitlines()
    assert "      cofinanciering: 30000" in nieuw.splitlines()
    assert "    locatie: 'yes'" in nieuw.splitlines()  # the file's quote character


def test_long_text_is_wrapped_at_the_authors_width() -> None:
    oud, data = _handgeschreven()
    eigen = (  # the author wraps block text at 74 columns
        "  aanleiding_en_uitdagingen: |-\n"
        "    In Zaanstad groeit een op de vijf kinderen op in armoede, en de\n"
        "    taalachterstand bij de start van groep 3 is groot, vooral in de wijken\n"
        "    Poelenburg en Peldersveld.\n\n    - taal\n    - armoede\n"
    )
    oud = oud.replace(oud[oud.index("  aanleiding_en") : oud.index("  inzet_gemeente:")], eigen)
    nieuw_tekst = (
        "Wij zien dat kinderen in Poelenburg en Peldersveld vaker met een taalachterstand "
        "aan groep 3 beginnen dan elders in de gemeente, en dat ouders de weg naar de "
        "voorschool minder vaak vinden.\n\n- een langere opsomming die zelf ook over de "
        "breedte van de auteur heen gaat en dus wordt afgebroken"
    )
    data["toelichting"]["aanleiding_en_uitdagingen"] = nieuw_tekst
    nieuw = werk_bij(oud, data)
    _zelfde(nieuw, data)
    blok_ = nieuw[nieuw.index("  aanleiding_en") : nieuw.index("  inzet_gemeente:")]
    regels = blok_.splitlines()[1:]
    assert max(len(r) for r in regels) <= 74
    assert len(regels) == 6  # the paragraph on three lines, a blank line, the item on two
    assert regels[-1].startswith("      ")  # an item goes on indented, so it stays one item


def test_a_list_emptied_and_grown_again_leaves_no_stray_comments() -> None:
    tekst = scaffold("Zaanstad", "addendum", "2021-2024")
    data: Any = lees(tekst).data
    leeg = copy.deepcopy(data) | {"interventies": []}
    leeg["begroting"]["regels"] = []
    tekst = werk_bij(tekst, leeg)
    assert "interventies: []" in tekst and "  regels: []" in tekst
    assert "# Naam/titel interventie." not in tekst
    terug = copy.deepcopy(data)
    tekst = werk_bij(tekst, terug)
    _zelfde(tekst, terug)
    assert "\n[]" not in tekst and lees(tekst).data


def test_removing_the_npo_section_takes_its_comment_along() -> None:
    tekst = scaffold("Zaanstad", "addendum", "2021-2024")
    data: Any = lees(tekst).data
    del data["toelichting"]["inzet_nationaal_programma_onderwijs"]
    data["soort"], data["periode"] = "agenda", "2019-2021"
    nieuw = werk_bij(tekst, data)
    _zelfde(nieuw, data)
    assert "Nationaal Programma" not in nieuw
    assert len(_gewijzigde_regels(tekst, nieuw)) == 4 + 2  # the key, its comment, two values
