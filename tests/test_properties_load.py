"""Property tests of reading: what is valid comes back exactly; what is not, fails cleanly."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gka_docgen.errors import OngeldigeAgenda
from gka_docgen.source.load import valideer
from tests.agenda_strategies import agenda, als_yaml, gemuteerd

_SNEL = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@_SNEL
@given(agenda())
def test_every_valid_agenda_comes_back_with_its_exact_text(data: dict[str, object]) -> None:
    model = valideer(als_yaml(data), naam="x.yaml")
    assert model.toelichting.model_dump(exclude_none=True) == data["toelichting"]
    assert model.bestuurlijk_overleg == data["bestuurlijk_overleg"]
    assert [_als_tekst(i.model_dump(mode="json")) for i in model.interventies] == data[
        "interventies"
    ]
    assert [_als_tekst(c.model_dump(mode="json")) for c in model.communities] == data["communities"]


def _als_tekst(waarde: object) -> object:
    """A model's values as the YAML wrote them: an empty date or amount is empty text."""
    if isinstance(waarde, dict):
        return {k: _als_tekst(v) for k, v in waarde.items()}
    return "" if waarde is None else waarde


def _alleen_nette_fouten(bron: bytes) -> None:
    try:
        valideer(bron, naam="x.yaml")
    except OngeldigeAgenda as fout:
        assert fout.problemen
        for probleem in fout.problemen:
            assert probleem.bestand == "x.yaml"
            assert probleem.regel is None or probleem.regel >= 1
            assert probleem.melding and "Traceback" not in probleem.melding
            assert str(probleem).startswith("x.yaml")


@pytest.mark.slow
@_SNEL
@given(gemuteerd())
def test_any_mutation_gives_an_agenda_or_located_problems(data: object) -> None:
    _alleen_nette_fouten(als_yaml(data))


@_SNEL
@given(st.binary(max_size=400))
def test_random_bytes_never_crash_the_loader(bron: bytes) -> None:
    _alleen_nette_fouten(bron)


@_SNEL
@given(st.text(alphabet=st.sampled_from(list("ab: -\n\t[]{}&*!|>'\"#%@`,?~"))))
def test_random_yaml_punctuation_never_crashes_the_loader(tekst: str) -> None:
    _alleen_nette_fouten(tekst.encode("utf-8"))
