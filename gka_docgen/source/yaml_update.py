"""An agenda file's text changed to hold new data, touching only the fields that changed.

The old text is composed with PyYAML (every node with its start and end in the text) and
walked beside the new data. A value that means the same (`compare.gelijk`: an amount as an
amount, a text as printed) keeps its bytes; a changed value is replaced in place, in the
author's style as read from the file: the indentation of mappings and lists, the quote
character, the block style of long text and the width it was wrapped at. Removed list items
take their comments with them, so nothing piles up over many rounds. Everything outside the
edited spans (comments, blank lines, key order, quoting) stays byte for byte.

`yamlwrite.schrijf_yaml` reads the result back before anything is written; a case this
module does not handle surgically falls back to rewriting the smallest enclosing value.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from gka_docgen.document.compare import GETALLEN_EN_DATUMS, gelijk, verschillen
from gka_docgen.source.yaml_write import blok_geschikt, scalar

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_FLOW_SPECIAAL = re.compile(r"[,\[\]{}]")
_FLOW_BREEDTE = 100  # a flow list longer than this is written as a block
_MIN_BREEDTE = 60  # shorter soft-broken lines are the author's own breaks, not a width


@dataclass(frozen=True)
class Stijl:
    """How the author writes YAML, read from the file itself."""

    inspringing: int = 2  # a nested mapping's keys, right of its key
    lijst: int = 2  # a list's dashes, right of its key (0: flush with the key)
    aanhalingsteken: str = '"'  # for a value that needs quoting
    breedte: int | None = None  # the width long text is wrapped at, if the author wraps


@dataclass
class _Wijziging:
    begin: int
    eind: int
    tekst: str


def werk_bij(oud: str, nieuw: Mapping[str, Any]) -> str:
    """`oud` (the text of an agenda file, '\n' line ends) changed to hold `nieuw`."""
    wortel = yaml.compose(oud, Loader=_Loader)
    if not isinstance(wortel, yaml.MappingNode) or wortel.flow_style:
        return _als_document(nieuw, _stijl_van(oud, wortel))
    stijl = _stijl_van(oud, wortel)
    bewerker = _Bewerker(oud, stijl)
    if not bewerker.kaart(wortel, nieuw):
        return _als_document(nieuw, stijl)
    uit = oud
    for w in sorted(bewerker.wijzigingen, key=lambda w: w.begin, reverse=True):
        uit = uit[: w.begin] + w.tekst + uit[w.eind :]
    return uit


# -- the author's style ---------------------------------------------------------------------


def _knopen(knoop: yaml.Node | None) -> Iterator[yaml.Node]:
    if knoop is None:
        return
    yield knoop
    if isinstance(knoop, yaml.MappingNode):
        for k, v in knoop.value:
            yield from _knopen(k)
            yield from _knopen(v)
    elif isinstance(knoop, yaml.SequenceNode):
        for v in knoop.value:
            yield from _knopen(v)


def _stijl_van(tekst: str, wortel: yaml.Node | None) -> Stijl:
    inspringing: Counter[int] = Counter()
    lijst: Counter[int] = Counter()
    quotes: Counter[str] = Counter()
    for knoop in _knopen(wortel):
        if isinstance(knoop, yaml.ScalarNode) and knoop.style in ("'", '"'):
            quotes[knoop.style] += 1
        if not isinstance(knoop, yaml.MappingNode) or knoop.flow_style:
            continue
        for sleutel, waarde in knoop.value:
            kolom = sleutel.start_mark.column
            if isinstance(waarde, yaml.MappingNode) and not waarde.flow_style:
                inspringing[waarde.value[0][0].start_mark.column - kolom] += 1
            elif isinstance(waarde, yaml.SequenceNode) and not waarde.flow_style and waarde.value:
                lijst[waarde.start_mark.column - kolom] += 1
    return Stijl(
        inspringing=_meest(inspringing, 2, minimum=1),
        lijst=_meest(lijst, 2, minimum=0),
        aanhalingsteken=quotes.most_common(1)[0][0] if quotes else '"',
        breedte=_breedte(tekst, wortel),
    )


def _meest(teller: Counter[int], standaard: int, *, minimum: int) -> int:
    geldig = [(n, k) for k, n in teller.items() if k >= minimum]
    return max(geldig)[1] if geldig else standaard


def _breedte(tekst: str, wortel: yaml.Node | None) -> int | None:
    """The width of the author's wrapped text: the longest line of a block text that goes
    on in the next line (a soft break), if the file has at least two such lines."""
    regels = tekst.split("\n")
    zacht: list[int] = []
    for knoop in _knopen(wortel):
        if not (isinstance(knoop, yaml.ScalarNode) and knoop.style in ("|", ">")):
            continue
        eerste, laatste = knoop.start_mark.line + 1, _eind_regel(tekst, knoop)
        for i in range(eerste, laatste):
            volgende = regels[i + 1].strip() if i + 1 <= laatste else ""
            if regels[i].strip() and volgende and not volgende.startswith(("- ", "• ")):
                zacht.append(len(regels[i].rstrip()))
    return max(zacht) if len(zacht) >= 2 and max(zacht) >= _MIN_BREEDTE else None


def _eind_regel(tekst: str, knoop: yaml.Node) -> int:
    return tekst.count("\n", 0, _inhoud_eind(tekst, knoop))


def _inhoud_eind(tekst: str, knoop: yaml.Node) -> int:
    """Where a value's own text ends: before the comments and blank lines after it."""
    if isinstance(knoop, yaml.ScalarNode):
        if knoop.style in ("|", ">"):
            return knoop.start_mark.index + len(
                tekst[knoop.start_mark.index : knoop.end_mark.index].rstrip()
            )
        return int(knoop.end_mark.index)
    if getattr(knoop, "flow_style", False) or not knoop.value:
        return int(knoop.end_mark.index)
    laatste = knoop.value[-1]
    return _inhoud_eind(tekst, laatste[1] if isinstance(laatste, tuple) else laatste)


# -- rendering new values ------------------------------------------------------------------


def _leeg(waarde: Any) -> bool:
    return waarde is None or waarde == ""


def _tekst(waarde: Any) -> str:
    return "" if waarde is None else str(waarde)


def _enkel(tekst: str, aanhalingsteken: str, *, flow: bool = False) -> str:
    """One line of text as a scalar; quoted with the author's character where needed."""
    gewoon = scalar(tekst)
    if gewoon == tekst and not (flow and _FLOW_SPECIAAL.search(tekst)):
        return tekst
    return _gequoot(tekst, aanhalingsteken)


def _gequoot(tekst: str, aanhalingsteken: str) -> str:
    if aanhalingsteken == "'" and tekst.isprintable():
        return "'" + tekst.replace("'", "''") + "'"
    return json.dumps(tekst, ensure_ascii=False)


def _omgebroken(tekst: str, inspring: int, breedte: int | None) -> list[str]:
    """The lines of a literal block: each line of `tekst`, wrapped at the author's width
    where the documents print it the same (a paragraph's lines are joined; a list item
    goes on in a line that starts with spaces)."""
    uit: list[str] = []
    for regel in tekst.split("\n"):
        if breedte is None or inspring + len(regel) <= breedte or "  " in regel.strip():
            uit.append(regel)
            continue
        item = regel.startswith(("- ", "• "))
        vervolg = "  " if item else ""
        woorden = regel.split(" ")
        regels = [woorden[0]]
        for woord in woorden[1:]:
            if inspring + len(regels[-1]) + 1 + len(woord) <= breedte or not regels[-1].strip():
                regels[-1] += " " + woord
            else:
                regels.append(vervolg + woord)
        if any(r.lstrip().startswith(("-", "•")) for r in regels[1:]) or regel != regel.strip():
            uit.append(regel)  # a break there would start a list item: leave it whole
        else:
            uit += regels
    return uit


class _Schrijver:
    """New values as YAML text in a given style: after 'key:' or after '- '."""

    def __init__(self, stijl: Stijl) -> None:
        self.stijl = stijl

    def na_sleutel(self, waarde: Any, kolom: int, oud_stijl: str | None = None) -> str:
        """The text after a key at column `kolom`, from its ':' on."""
        if isinstance(waarde, Mapping):
            if not waarde:
                return ": {}"
            return ":\n" + "\n".join(self.kaart(waarde, kolom + self.stijl.inspringing))
        if isinstance(waarde, list):
            if not waarde:
                return ": []"
            return ":\n" + "\n".join(self.lijst(waarde, kolom + self.stijl.lijst))
        tekst = self.scalar(waarde, kolom + self.stijl.inspringing, kolom, oud_stijl)
        return f": {tekst}" if tekst else ":"

    def na_streep(self, waarde: Any, kolom: int, oud_stijl: str | None = None) -> str:
        """The text after '- ' of an item whose dash is at column `kolom`."""
        if isinstance(waarde, Mapping):
            return "\n".join(self.kaart(waarde, kolom + 2))[kolom + 2 :] if waarde else "{}"
        if isinstance(waarde, list):
            return "\n".join(self.lijst(waarde, kolom + 2))[kolom + 2 :] if waarde else "[]"
        return self.scalar(waarde, kolom + 2, kolom + 2, oud_stijl)

    def scalar(
        self,
        waarde: Any,
        inspring: int,
        kolom: int,
        oud_stijl: str | None = None,
        *,
        soort_waarde: bool = False,
    ) -> str:
        """A text value: inline, or a literal block ('|-' and its lines) for text over
        several lines or longer than the author's width. An amount or a date
        (`soort_waarde`) is plain, as YAML writes a number or a date, whatever the old
        value's quotes."""
        tekst = _tekst(waarde)
        if not tekst:
            return ""
        breedte = self.stijl.breedte
        lang = breedte is not None and kolom + len(tekst) + 2 > breedte
        if ("\n" in tekst or (lang and oud_stijl in (None, "", "|", ">"))) and blok_geschikt(tekst):
            # '|' keeps one line break at the end; more print as nothing.
            kop = "|" if tekst.endswith("\n") and not tekst.endswith("\n\n") else "|-"
            regels = _omgebroken(tekst.rstrip("\n"), inspring, breedte)
            return kop + "\n" + "\n".join((" " * inspring + r).rstrip() for r in regels)
        if "\n" in tekst:
            return json.dumps(tekst, ensure_ascii=False)
        if oud_stijl in ("'", '"') and not soort_waarde:
            return _gequoot(tekst, oud_stijl)  # the author quoted this text: it stays quoted
        return _enkel(tekst, self.stijl.aanhalingsteken)

    def kaart(self, waarde: Mapping[str, Any], kolom: int) -> list[str]:
        return [f"{' ' * kolom}{k}{self.na_sleutel(v, kolom)}" for k, v in waarde.items()]

    def lijst(self, waarde: list[Any], kolom: int) -> list[str]:
        return [f"{' ' * kolom}- {self.na_streep(v, kolom)}".rstrip() for v in waarde]

    def flow(self, waarde: Any) -> str | None:
        """A flow collection ('[a, b]', '{a: b}') on one line, or None if one cannot be."""
        if isinstance(waarde, Mapping):
            delen = [(k, self.flow(v)) for k, v in waarde.items()]
            if any(d is None for _, d in delen):
                return None
            return "{" + ", ".join(f"{k}: {d}" for k, d in delen) + "}"
        if isinstance(waarde, list):
            items = [self.flow(v) for v in waarde]
            if any(d is None for d in items):
                return None
            return "[" + ", ".join(str(d) for d in items) + "]"
        tekst = _tekst(waarde)
        if "\n" in tekst:
            return None
        return _enkel(tekst, self.stijl.aanhalingsteken, flow=True) if tekst else '""'


def _als_document(data: Mapping[str, Any], stijl: Stijl) -> str:
    return "\n".join(_Schrijver(stijl).kaart(data, 0)) + "\n"


# -- walking the old text beside the new data -----------------------------------------------


class _Bewerker:
    def __init__(self, tekst: str, stijl: Stijl) -> None:
        self.tekst = tekst
        self.schrijver = _Schrijver(stijl)
        self.wijzigingen: list[_Wijziging] = []

    def _vervang(self, begin: int, eind: int, tekst: str) -> None:
        self.wijzigingen.append(_Wijziging(begin, eind, tekst))

    def _eind(self, knoop: yaml.Node) -> int:
        return _inhoud_eind(self.tekst, knoop)

    def _regel_begin(self, index: int) -> int:
        return self.tekst.rfind("\n", 0, index) + 1

    def _regel_eind(self, index: int) -> int:
        """The end of the line `index` is on (before its line break)."""
        eind = self.tekst.find("\n", index)
        return len(self.tekst) if eind < 0 else eind

    def _dubbelepunt(self, sleutel: yaml.Node) -> int:
        return self.tekst.index(":", sleutel.end_mark.index)

    def _paar_eind(self, sleutel: yaml.Node, waarde: yaml.Node) -> int:
        """The end of the last line of a key and its value (after a comment on it)."""
        eind = self._dubbelepunt(sleutel) if _leeg_knoop(waarde) else self._eind(waarde)
        return self._regel_eind(eind)

    def _begint_regel(self, index: int) -> bool:
        return not self.tekst[self._regel_begin(index) : index].strip()

    # A mapping: its keys one by one; a new key after the one before it in `nieuw`.
    def kaart(self, knoop: yaml.MappingNode, nieuw: Mapping[str, Any]) -> bool:
        """Edit a block mapping in place; False if it cannot be (the caller rewrites it)."""
        oud = {k.value: (k, v) for k, v in knoop.value if isinstance(k, yaml.ScalarNode)}
        if len(oud) != len(knoop.value) or not nieuw:
            return False
        weg = [s for s in oud if s not in nieuw]
        if len(weg) == len(oud) or not all(
            self._begint_regel(oud[s][0].start_mark.index) for s in weg
        ):
            return False
        for sleutel in weg:
            self._verwijder_sleutel(*oud[sleutel])
        kolom = knoop.value[0][0].start_mark.column
        vorige: int | None = None  # where the entry before ends
        for sleutel, waarde in nieuw.items():
            if sleutel in oud:
                k, v = oud[sleutel]
                self._waarde_na_sleutel(k, v, waarde)
                vorige = self._paar_eind(k, v)
                continue
            if not any(verschillen({}, {sleutel: waarde})):
                continue  # absent means the same as this empty value
            regel = " " * kolom + sleutel + self.schrijver.na_sleutel(waarde, kolom)
            eerste = knoop.value[0][0].start_mark.index
            if vorige is None and self._begint_regel(eerste):
                plek = self._regel_begin(eerste)
                self._vervang(plek, plek, regel + "\n")
            else:  # after the key before it (or the first key, when that follows '- ')
                plek = vorige if vorige is not None else self._paar_eind(*knoop.value[0])
                self._vervang(plek, plek, "\n" + regel)
        return True

    def _verwijder_sleutel(self, sleutel: yaml.Node, waarde: yaml.Node) -> None:
        """A key, its value and the comments right above it at its own indentation."""
        begin = self._regel_begin(sleutel.start_mark.index)
        regels = self.tekst[:begin].split("\n")[:-1]
        kolom = sleutel.start_mark.column
        while regels and regels[-1].startswith(" " * kolom + "#"):
            begin -= len(regels.pop()) + 1
        eind = min(self._paar_eind(sleutel, waarde) + 1, len(self.tekst))
        self._vervang(begin, eind, "")

    def _waarde_na_sleutel(self, sleutel: yaml.Node, oud: yaml.Node, nieuw: Any) -> None:
        kolom = sleutel.start_mark.column
        if self._in_plaats(oud, nieuw, str(sleutel.value), kolom):
            return
        dubbelepunt = self._dubbelepunt(sleutel)
        eind = dubbelepunt + 1 if _leeg_knoop(oud) else self._eind(oud)
        flow = self._flow_tekst(oud, nieuw)
        if flow is not None:
            self._vervang(dubbelepunt, eind, ": " + flow)
        else:
            stijl = getattr(oud, "style", None)
            self._vervang(dubbelepunt, eind, self.schrijver.na_sleutel(nieuw, kolom, stijl))

    def _in_plaats(self, oud: yaml.Node, nieuw: Any, naam: str | int, kolom: int) -> bool:
        """Handled without touching what comes before the value: unchanged, edited inside,
        or a text replaced by a text."""
        if isinstance(oud, yaml.ScalarNode) and not isinstance(nieuw, Mapping | list):
            if gelijk(naam, _scalar_data(oud), nieuw):
                return True
            if _leeg_knoop(oud) or _leeg(nieuw):
                return False
            oud_stijl = oud.style if _scalar_data(oud) else None
            tekst = self.schrijver.scalar(
                nieuw,
                self._blok_inspring(oud, kolom),
                kolom,
                oud_stijl,
                soort_waarde=naam in GETALLEN_EN_DATUMS,
            )
            if tekst.startswith("|") and oud.style not in ("|", ">"):
                return False  # from one line to a block: rewritten from the key or dash on
            self._vervang(oud.start_mark.index, self._eind(oud), tekst)
            return True
        if _gelijk(oud, nieuw, naam):
            return True
        if getattr(oud, "flow_style", False):
            return False
        if isinstance(oud, yaml.MappingNode) and isinstance(nieuw, Mapping):
            return self.kaart(oud, nieuw)
        if isinstance(oud, yaml.SequenceNode) and isinstance(nieuw, list) and nieuw:
            return self.lijst(oud, nieuw)
        return False

    def _blok_inspring(self, oud: yaml.ScalarNode, kolom: int) -> int:
        """The indentation of a block text: the author's own where it was one already."""
        if oud.style in ("|", ">"):
            regels = self.tekst[oud.start_mark.index : self._eind(oud)].split("\n")[1:]
            gevuld = [len(r) - len(r.lstrip(" ")) for r in regels if r.strip()]
            if gevuld:
                return gevuld[0]
        return kolom + self.schrijver.stijl.inspringing

    def _flow_tekst(self, oud: yaml.Node, nieuw: Any) -> str | None:
        """A flow collection stays one, if the new value fits on one line."""
        if not (getattr(oud, "flow_style", False) and oud.value):
            return None  # an empty '[]' is no choice of style
        if not isinstance(nieuw, Mapping | list) or not nieuw:
            return None
        flow = self.schrijver.flow(nieuw)
        breedte = self.schrijver.stijl.breedte or _FLOW_BREEDTE
        if flow is None or oud.start_mark.column + len(flow) > breedte:
            return None
        return flow

    # A list: items compared by place; removed items go with their comments.
    def lijst(self, knoop: yaml.SequenceNode, nieuw: list[Any]) -> bool:
        items = knoop.value
        kolom = knoop.start_mark.column
        if not self._begint_regel(knoop.start_mark.index):
            return False  # '- - x': rewritten whole
        for i, (item, waarde) in enumerate(zip(items, nieuw, strict=False)):
            self._item(item, waarde, i, kolom)
        if len(items) > len(nieuw):
            begin = self._regel_eind(self._eind(items[len(nieuw) - 1]))
            self._vervang(begin, self._regel_eind(self._eind(items[-1])), "")
        elif len(nieuw) > len(items):
            plek = self._regel_eind(self._eind(items[-1]))
            sleutel_kolom = _eerste_sleutel_kolom(items[0], kolom)
            regels = []
            for waarde in nieuw[len(items) :]:
                if isinstance(waarde, Mapping) and waarde:
                    binnen = self.schrijver.kaart(waarde, sleutel_kolom)
                    binnen[0] = " " * kolom + "-" + binnen[0][kolom + 1 :]
                    regels += binnen
                else:
                    na = self.schrijver.na_streep(waarde, kolom)
                    regels.append(f"{' ' * kolom}- {na}".rstrip())
            self._vervang(plek, plek, "\n" + "\n".join(regels))
        return True

    def _item(self, item: yaml.Node, waarde: Any, index: int, kolom: int) -> None:
        if self._in_plaats(item, waarde, index, kolom + 2):
            return
        streep = self.tekst.rfind("-", 0, item.start_mark.index + 1)
        eind = streep + 1 if _leeg_knoop(item) else self._eind(item)
        flow = self._flow_tekst(item, waarde)
        if flow is None:
            flow = self.schrijver.na_streep(waarde, kolom, getattr(item, "style", None))
        self._vervang(streep, eind, f"- {flow}".rstrip())


def _eerste_sleutel_kolom(item: yaml.Node, kolom: int) -> int:
    if isinstance(item, yaml.MappingNode) and not item.flow_style and item.value:
        return int(item.value[0][0].start_mark.column)
    return kolom + 2


def _leeg_knoop(knoop: yaml.Node) -> bool:
    return isinstance(knoop, yaml.ScalarNode) and not knoop.style and knoop.value == ""


def _scalar_data(knoop: yaml.ScalarNode) -> str | None:
    return None if _leeg_knoop(knoop) else str(knoop.value)


def _gelijk(knoop: yaml.Node, nieuw: Any, naam: str | int) -> bool:
    """Whether the old value is the new one: the same keys and items, and every text the
    same as printed (an empty item or key counts, unlike in `compare.verschillen`: it may
    be what makes a file valid, such as an agenda without the NPO section)."""
    if isinstance(knoop, yaml.MappingNode):
        return (
            isinstance(nieuw, Mapping)
            and {str(k.value) for k, _ in knoop.value} == set(nieuw)
            and all(_gelijk(v, nieuw[str(k.value)], str(k.value)) for k, v in knoop.value)
        )
    if isinstance(knoop, yaml.SequenceNode):
        return (
            isinstance(nieuw, list)
            and len(knoop.value) == len(nieuw)
            and all(
                _gelijk(v, w, i) for i, (v, w) in enumerate(zip(knoop.value, nieuw, strict=True))
            )
        )
    assert isinstance(knoop, yaml.ScalarNode)
    return not isinstance(nieuw, Mapping | list) and gelijk(naam, _scalar_data(knoop), nieuw)
