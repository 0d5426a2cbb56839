"""Two versions of an agenda for a person: a summary, then each change in document order.

Items of a list (interventions, communities, signatories, budget lines) are matched
by their name where the names match, so a moved item reads as moved; an item whose
name changed is matched to the item that lost its name when the rest of their texts
are alike, so it reads as renamed, not as one removed and one added. Fields are named
by the label the document prints (structure.py); long texts show their changed words
only (`word_diff`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any

from gka_docgen.document import structure
from gka_docgen.document.compare import als_bedrag, gelijk
from gka_docgen.document.formatting import bedrag
from gka_docgen.document.paragraphs import blokken_van
from gka_docgen.document.structure import Groep, Rubriek, Soort
from gka_docgen.document.word_diff import PLAT, Opmaak, woordverschil

# Items this alike (their texts besides the name) are one item renamed.
_ALIKE = 0.6


@dataclass(frozen=True)
class Wijziging:
    """One change, as the report says it: where (the document's words) and what."""

    waar: str
    soort: str  # "gewijzigd", "nieuw", "verwijderd", "hernoemd", "verplaatst"
    oud: str = ""
    nieuw: str = ""
    in_lijst: bool = False  # a change of an intervention, community, signatory or budget line


@dataclass
class Vergelijking:
    wijzigingen: list[Wijziging] = field(default_factory=list)
    # Per list (its Dutch plural): how many items changed, were added, removed.
    tellingen: dict[str, dict[str, int]] = field(default_factory=dict)
    ocw: tuple[Decimal, Decimal] = (Decimal(0), Decimal(0))

    @property
    def zelfde(self) -> bool:
        return not self.wijzigingen


_MEERVOUD = {
    "interventies": ("interventie", "interventies"),
    "communities": ("community", "communities"),
    "ondertekenaars": ("ondertekenaar", "ondertekenaars"),
    "regels": ("begrotingsregel", "begrotingsregels"),
}


def _tekst(waarde: Any) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, list):
        return "\n".join(f"- {_tekst(v)}" for v in waarde if _tekst(v))
    if isinstance(waarde, Mapping):
        return "\n".join(_tekst(v) for v in waarde.values() if _tekst(v))
    return str(waarde).strip()


def gedrukt(tekst: str) -> str:
    """A free text as the documents print it: paragraphs apart, list items as '- ' lines,
    lines wrapped by an editor joined."""
    blokken = []
    for blok in blokken_van(tekst):
        if blok.soort == "opsomming":
            blokken.append("\n".join(f"- {r.tekst}" for r in blok.regels))
        else:
            blokken.append(" ".join(r.tekst for r in blok.regels))
    return "\n\n".join(blokken)


def _ocw(data: Mapping[str, Any]) -> Decimal:
    totaal = Decimal(0)
    for regel in (data.get("begroting") or {}).get("regels") or []:
        if isinstance(regel, Mapping):
            totaal += als_bedrag(_tekst(regel.get("bijdrage_ocw"))) or 0
    return totaal


def vergelijk(oud: Mapping[str, Any], nieuw: Mapping[str, Any]) -> Vergelijking:
    uit = Vergelijking(ocw=(_ocw(oud), _ocw(nieuw)))
    _groep(structure.AGENDA, oud, nieuw, "", uit)
    return uit


def _naam(r: Rubriek, waar: str) -> str:
    label = r.plaatshouder.removeprefix("- ")
    return f"{waar} — {label}" if waar else label


def _groep(
    groep: Groep,
    oud: Mapping[str, Any],
    nieuw: Mapping[str, Any],
    waar: str,
    uit: Vergelijking,
    in_lijst: bool = False,
) -> None:
    for r in groep:
        a, b = oud.get(r.sleutel), nieuw.get(r.sleutel)
        if r.soort is Soort.KEUZE and (r.sleutel not in oud or r.sleutel not in nieuw):
            continue  # a document read back does not say its status
        if r.soort is Soort.LIJST and r.deel is not None:
            _lijst(r, list(a or []), list(b or []), uit)
        elif r.deel is not None:
            _groep(r.deel, a or {}, b or {}, _naam(r, waar), uit, in_lijst)
        else:
            ta, tb = _tekst(a), _tekst(b)
            if r.soort is Soort.TEKST:
                ta, tb = gedrukt(ta), gedrukt(tb)
            # A list of short texts (the themes) is compared as its lines.
            zelfde = ta == tb if r.soort is Soort.LIJST else gelijk(r.sleutel, a, b)
            if r.soort is Soort.BEDRAG:
                ta, tb = _bedrag_tekst(ta), _bedrag_tekst(tb)
            if not zelfde:
                uit.wijzigingen.append(Wijziging(_naam(r, waar), "gewijzigd", ta, tb, in_lijst))


def _bedrag_tekst(tekst: str) -> str:
    waarde = als_bedrag(tekst)
    return bedrag(waarde) if waarde is not None else tekst


def _item_naam(r: Rubriek, item: Mapping[str, Any]) -> str:
    assert r.deel is not None
    return _tekst(item.get(r.deel.rubrieken[0].sleutel))


def _rest(r: Rubriek, item: Mapping[str, Any]) -> str:
    assert r.deel is not None
    return "\n".join(_tekst(item.get(s)) for s in r.deel.sleutels[1:])


def _koppel(
    r: Rubriek, oud: list[Any], nieuw: list[Any]
) -> Iterator[tuple[int | None, int | None]]:
    """Pairs (old position, new position): by name, then renamed alike items, the rest alone."""
    namen_oud = {_item_naam(r, x): i for i, x in reversed(list(enumerate(oud))) if _item_naam(r, x)}
    gebruikt_oud: set[int] = set()
    paren: dict[int, int] = {}
    for j, item in enumerate(nieuw):
        i = namen_oud.get(_item_naam(r, item))
        if i is not None and i not in gebruikt_oud:
            paren[j] = i
            gebruikt_oud.add(i)
    vrij_oud = [i for i in range(len(oud)) if i not in gebruikt_oud]
    for j in range(len(nieuw)):
        if j in paren:
            continue
        tekst = _rest(r, nieuw[j])
        gelijkenis = {i: SequenceMatcher(None, _rest(r, oud[i]), tekst).ratio() for i in vrij_oud}
        beste = max(gelijkenis, key=gelijkenis.__getitem__, default=None)
        if beste is not None and gelijkenis[beste] >= _ALIKE:
            paren[j] = beste
            vrij_oud.remove(beste)
    for j in range(len(nieuw)):
        yield paren.get(j), j
    for i in vrij_oud:
        yield i, None


def _lijst(r: Rubriek, oud: list[Any], nieuw: list[Any], uit: Vergelijking) -> None:
    assert r.deel is not None
    enkelvoud, meervoud = _MEERVOUD.get(r.sleutel, (r.deel.naam, r.sleutel))
    telling = uit.tellingen.setdefault(meervoud, {"gewijzigd": 0, "nieuw": 0, "verwijderd": 0})
    for i, j in _koppel(r, oud, nieuw):
        if i is None:
            assert j is not None
            naam = _item_naam(r, nieuw[j])
            uit.wijzigingen.append(
                Wijziging(f"{enkelvoud.capitalize()} '{naam}'", "nieuw", in_lijst=True)
            )
            telling["nieuw"] += 1
            continue
        if j is None:
            naam = _item_naam(r, oud[i])
            uit.wijzigingen.append(
                Wijziging(f"{enkelvoud.capitalize()} '{naam}'", "verwijderd", in_lijst=True)
            )
            telling["verwijderd"] += 1
            continue
        a, b = oud[i], nieuw[j]
        naam_a, naam_b = _item_naam(r, a), _item_naam(r, b)
        item_waar = f"{enkelvoud.capitalize()} '{naam_b}'"
        voor = len(uit.wijzigingen)
        if naam_a != naam_b:
            uit.wijzigingen.append(Wijziging(item_waar, "hernoemd", naam_a, naam_b, True))
        if i != j:
            uit.wijzigingen.append(Wijziging(item_waar, "verplaatst", str(i + 1), str(j + 1), True))
        eerste = r.deel.rubrieken[0].sleutel
        _groep(
            Groep(r.deel.naam, tuple(x for x in r.deel if x.sleutel != eerste)),
            a if isinstance(a, Mapping) else {},
            b if isinstance(b, Mapping) else {},
            item_waar,
            uit,
            in_lijst=True,
        )
        if len(uit.wijzigingen) > voor:
            telling["gewijzigd"] += 1


def samenvatting(v: Vergelijking) -> str:
    """'2 interventies gewijzigd, 1 nieuw; OCW-bijdrage € 65.000 → € 70.000'."""
    delen: list[str] = []
    for meervoud, telling in v.tellingen.items():
        stukken = [f"{n} {wat}" for wat, n in telling.items() if n]
        if stukken:
            enkelvoud = next((e for e, m in _MEERVOUD.values() if m == meervoud), meervoud)
            eerste = stukken[0].split(" ", 1)
            woord = enkelvoud if eerste[0] == "1" else meervoud
            delen.append(
                f"{eerste[0]} {woord} {eerste[1]}" + "".join(f", {s}" for s in stukken[1:])
            )
    velden = sum(1 for w in v.wijzigingen if not w.in_lijst)
    if velden:
        delen.append(f"{velden} {'ander veld' if velden == 1 else 'andere velden'} gewijzigd")
    oud, nieuw = v.ocw
    if oud != nieuw:
        delen.append(f"OCW-bijdrage {bedrag(oud)} → {bedrag(nieuw)}")
    return "; ".join(delen) if delen else "geen verschillen"


def regel(w: Wijziging) -> str | None:
    """A change said on one line, or None for a text whose changed words are to be shown."""
    if w.soort in {"nieuw", "verwijderd"}:
        return f"{w.waar}: {w.soort}"
    if w.soort == "hernoemd":
        return f"{w.waar}: hernoemd, heette '{w.oud}'"
    if w.soort == "verplaatst":
        return f"{w.waar}: verplaatst van plaats {w.oud} naar {w.nieuw}"
    if _kort(w.oud) and _kort(w.nieuw):
        return f"{w.waar}: {w.oud or '(leeg)'} → {w.nieuw or '(leeg)'}"
    return None


def regels(v: Vergelijking, opmaak: Opmaak = PLAT) -> Iterator[str]:
    """The report's lines after the summary, in document order."""
    for w in v.wijzigingen:
        zin = regel(w)
        if zin is not None:
            yield zin
            continue
        yield f"{w.waar}:"
        for r in woordverschil(w.oud, w.nieuw, opmaak).splitlines() or [""]:
            yield f"  {r}"


def _kort(tekst: str) -> bool:
    """A value shown whole, old → new: one line of a few words (a name, an amount, a date)."""
    return "\n" not in tekst and len(tekst.split()) <= 4 and len(tekst) < 60
