"""The one definition of the document (structure.py) and what must follow it.

The pydantic model is written out for the type checker; these tests hold it to the
definition field by field, so a field declared in one and not the other fails here.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from gka_docgen.document import model, structure, text
from gka_docgen.document.field_table import veldtabel
from gka_docgen.document.structure import Groep, Soort

ROOT = Path(__file__).resolve().parent.parent

_MODELLEN: dict[str, type[BaseModel]] = {
    "agenda": model.Agenda,
    "toelichting": model.Toelichting,
    "interventie": model.Interventie,
    "contactpersoon": model.Contactpersoon,
    "community": model.Community,
    "ondertekening": model.Ondertekening,
    "ondertekenaar": model.Ondertekenaar,
    "begroting": model.Begroting,
    "begrotingsregel": model.Begrotingsregel,
}

# The model's checking function for each kind of value.
_CONTROLE = {
    Soort.TEKST: {"_tekst"},
    Soort.KORT: {"_kort", "_gemeentenaam"},
    Soort.DATUM: {"_datum"},
    Soort.BEDRAG: {"_bedrag"},
    Soort.WEBADRES: {"_url"},
    Soort.EMAIL: {"_email"},
    Soort.TELEFOON: {"_telefoon"},
    Soort.PERIODE: {"_periode"},
}


def _groepen() -> list[Groep]:
    return [structure.AGENDA, *(r.deel for _, r in structure.alle() if r.deel is not None)]


def test_every_group_of_the_definition_has_its_model() -> None:
    assert sorted(g.naam for g in _groepen()) == sorted(_MODELLEN)


@pytest.mark.parametrize("groep", _groepen(), ids=lambda g: g.naam)
def test_the_model_has_the_definitions_fields_in_its_order(groep: Groep) -> None:
    assert tuple(_MODELLEN[groep.naam].model_fields) == groep.sleutels


@pytest.mark.parametrize("groep", _groepen(), ids=lambda g: g.naam)
def test_each_model_field_checks_the_kind_the_definition_gives(groep: Groep) -> None:
    velden = _MODELLEN[groep.naam].model_fields
    for r in groep:
        info = velden[r.sleutel]
        wie = f"{groep.naam}.{r.sleutel}"
        if r.soort is Soort.GROEP:
            assert r.deel is not None
            assert info.annotation is _MODELLEN[r.deel.naam], wie
        elif r.soort is Soort.LIJST:
            assert typing.get_origin(info.annotation) is list, wie
            (item,) = typing.get_args(info.annotation)
            if r.deel is not None:
                assert item is _MODELLEN[r.deel.naam], wie
        elif r.soort is Soort.KEUZE:
            assert typing.get_origin(info.annotation) is typing.Literal, wie
        else:
            # `Tekst | None`: the check sits on the Annotated inside the union.
            metadata = [*info.metadata]
            for arg in typing.get_args(info.annotation):
                metadata += getattr(arg, "__metadata__", ())
            controles = {m.func.__name__ for m in metadata if hasattr(m, "func")}
            assert controles & _CONTROLE[r.soort], (wie, controles)
        # Its title in the JSON Schema (what an editor shows) is the document's word for it.
        assert info.title in {r.label, r.plaatshouder, *r.andere_labels}, wie
        # Only a field an agenda may leave out has a default of None.
        if r.alleen_addendum:
            assert info.default is None, wie


def test_the_labels_are_the_templates_own_words() -> None:
    woorden = {
        *text.TOELICHTING.values(),
        *text.INTERVENTIE_LABELS.values(),
        *text.COMMUNITY_LABELS.values(),
        *text.CONTACT_LABELS.values(),
        *text.ONDERTEKENAAR_LABELS.values(),
        *text.BEGROTING_KOPPEN,
        text.WEBSITE,
        text.CONTACTPERSOON,
        text.PLAATS,
        text.DATUM,
    }
    for groep in (
        structure.TOELICHTING,
        structure.INTERVENTIE,
        structure.COMMUNITY,
        structure.ONDERTEKENAAR,
        structure.BEGROTINGSREGEL,
    ):
        for r in groep:
            assert r.label in woorden, (groep.naam, r.sleutel)


def test_the_readme_field_table_is_the_definitions() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    gevonden = re.search(
        r"<!-- veldtabel: python -m gka_docgen.document.field_table -->\n(.*?)<!-- /veldtabel -->",
        readme,
        re.S,
    )
    assert gevonden, "README.md lacks the field table between its markers"
    assert gevonden[1] == veldtabel(), (
        "the README's field table is out of date: run python -m gka_docgen.document.field_table "
        "and paste its output between the markers"
    )


def test_paths_find_their_fields() -> None:
    assert structure.soort(("interventies", 3, "contactpersoon", "email")) is Soort.EMAIL
    assert structure.soort(("begroting", "regels", 0, "bijdrage_ocw")) is Soort.BEDRAG
    assert structure.rubriek(("interventies", 0, "onbekend")) is None
    assert structure.rubriek(("ondertekening", "datum")).mag_leeg  # type: ignore[union-attr]
    assert structure.leeg(structure.TOELICHTING, addendum=False).keys() == {
        r.sleutel for r in structure.TOELICHTING if not r.alleen_addendum
    }
