"""YAML text -> plain data (str, list, dict) with the position of every value.

PyYAML's own constructors change what people wrote (`0363` -> 243, `NO` -> False,
`19:30` -> 1170) and let a repeated key silently replace the first. We never run
them: the data is built straight from the parser's event stream, every scalar
stays the exact text that was typed, and the only conversion is an empty plain
value (`veld:`) to None. Building from events is iterative, so deeply nested
input cannot exhaust the stack, and aliases are counted as the data they
expand to, so an alias bomb is refused before anything walks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from gka_docgen.errors import Pad

try:  # libyaml's parser: about 10x faster than the pure-Python one
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DIEPTE = 64
MAX_KNOPEN = 250_000


@dataclass(frozen=True)
class Plek:
    """1-based line and column of a key and of its value."""

    regel: int
    kolom: int
    sleutel_regel: int
    sleutel_kolom: int


@dataclass
class YamlProbleem(Exception):
    """A problem found while reading YAML: where, and what (Dutch)."""

    regel: int | None
    kolom: int | None
    melding: str
    pad: Pad = ()


@dataclass
class Gelezen:
    data: object
    plekken: dict[Pad, Plek]
    problemen: list[YamlProbleem] = field(default_factory=list)


@dataclass
class _Kader:
    """A mapping or sequence under construction."""

    data: dict[str, object] | list[object]
    pad: Pad
    anker: str | None
    knopen: int = 1
    sleutel: str | None = None
    sleutel_plek: tuple[int, int] = (0, 0)
    negeer_waarde: bool = False  # the key was a duplicate: parse its value, drop it


_TAB = "een tab mag niet in YAML; spring in met spaties"
_MEER_DOCUMENTEN = "het bestand bevat meer dan één document (---); zet één agenda in een bestand"
_VERTALINGEN = (
    (
        "cannot start any token",
        "dit teken mag hier niet staan; zet de tekst tussen aanhalingstekens",
    ),
    ("found a tab character", _TAB),
    (
        "mapping values are not allowed",
        "hier mag geen ':' staan; zet tekst met ': ' erin tussen aanhalingstekens",
    ),
    ("could not find expected ':'", "verwacht 'veld: waarde'; ontbreekt er een ':'?"),
    (
        "did not find expected key",
        "de inspringing klopt niet: dit veld staat niet recht onder de andere velden van de sectie",
    ),
    ("did not find expected '-' indicator", "de inspringing klopt niet in deze lijst"),
    ("did not find expected node content", "hier ontbreekt een waarde"),
    ("found undefined alias", "een verwijzing (*naam) naar een anker (&naam) dat niet bestaat"),
    (
        "found unexpected end of stream",
        "het bestand houdt onverwacht op; ontbreekt er een afsluitend aanhalingsteken?",
    ),
    (
        "found unknown escape character",
        "onbekende \\-code tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens",
    ),
    (
        "expected a single document",
        _MEER_DOCUMENTEN,
    ),
    (
        "but found another document",
        _MEER_DOCUMENTEN,
    ),
    (
        "control characters are not allowed",
        "het bestand bevat een onzichtbaar stuurteken; verwijder het",
    ),
    (
        "special characters are not allowed",
        "het bestand bevat een onzichtbaar stuurteken; verwijder het",
    ),
    ("found duplicate anchor", "een anker (&naam) staat twee keer in het bestand"),
    ("while scanning a quoted scalar", "een aanhalingsteken wordt niet afgesloten"),
    ("did not find expected ',' or ']'", "een lijst tussen [ ] wordt niet goed afgesloten"),
    ("did not find expected ',' or '}'", "een sectie tussen { } wordt niet goed afgesloten"),
    (
        "did not find expected alphabetic or numeric character",
        "een anker of verwijzing heeft geen naam",
    ),
)


def _vertaal(fout: yaml.YAMLError, bron: str) -> YamlProbleem:
    tekst = str(fout)
    melding = next((nl for en, nl in _VERTALINGEN if en in tekst), None)
    regel = kolom = None
    mark = getattr(fout, "problem_mark", None) or getattr(fout, "context_mark", None)
    if mark is not None:
        regel, kolom = mark.line + 1, mark.column + 1
        # libyaml does not name the offending character; a tab is by far the commonest.
        regels = bron.splitlines()
        if mark.line < len(regels) and regels[mark.line][mark.column : mark.column + 1] == "\t":
            melding = _TAB
    elif isinstance(fout, yaml.reader.ReaderError):
        # A character YAML refuses outright (a control character). libyaml counts its
        # position in bytes of the UTF-8 text, the pure-Python reader in characters.
        positie = fout.position
        if _Loader.__name__.startswith("C"):
            positie = len(bron.encode("utf-8")[:positie].decode("utf-8", errors="ignore"))
        voor = bron[:positie]
        regel, kolom = voor.count("\n") + 1, positie - (voor.rfind("\n") + 1) + 1
        teken = bron[positie : positie + 1]
        melding = (
            f"het bestand bevat het onzichtbare stuurteken U+{ord(teken):04X}; verwijder het"
            if teken
            else "het bestand bevat een teken dat niet in YAML mag"
        )
    if melding is None:
        probleem = getattr(fout, "problem", None) or tekst.splitlines()[0]
        melding = f"dit is geen geldige YAML ({probleem})"
    return YamlProbleem(regel, kolom, melding)


def lees(tekst: str) -> Gelezen:
    """Parse one YAML document. Raises YamlProbleem for input we cannot read at all."""
    plekken: dict[Pad, Plek] = {}
    problemen: list[YamlProbleem] = []
    ankers: dict[str, tuple[object, int]] = {}  # name -> (data, node count)
    open_ankers: set[str] = set()
    stapel: list[_Kader] = []
    resultaat: object = None
    heeft_document = False
    knopen = 0

    def plaats(waarde: object, aantal: int, regel: int, kolom: int) -> None:
        """Put a finished value in the container on top of the stack."""
        nonlocal resultaat, knopen
        knopen += aantal
        if knopen > MAX_KNOPEN:
            raise YamlProbleem(
                regel,
                kolom,
                f"het bestand breidt uit tot meer dan {MAX_KNOPEN} waarden "
                "(te veel verwijzingen met * naar ankers met &); schrijf de waarden uit",
            )
        if not stapel:
            resultaat = waarde
            plekken[()] = Plek(regel, kolom, regel, kolom)
            return
        kader = stapel[-1]
        kader.knopen += aantal
        if isinstance(kader.data, list):
            pad = (*kader.pad, len(kader.data))
            kader.data.append(waarde)
            plekken[pad] = Plek(regel, kolom, regel, kolom)
            return
        assert kader.sleutel is not None
        pad = (*kader.pad, kader.sleutel)
        if not kader.negeer_waarde:
            kader.data[kader.sleutel] = waarde
            plekken[pad] = Plek(regel, kolom, *kader.sleutel_plek)
        kader.sleutel = None
        kader.negeer_waarde = False

    def verwacht_sleutel() -> bool:
        return bool(stapel) and isinstance(stapel[-1].data, dict) and stapel[-1].sleutel is None

    def volgend_pad() -> Pad:
        if not stapel:
            return ()
        kader = stapel[-1]
        if isinstance(kader.data, list):
            return (*kader.pad, len(kader.data))
        assert kader.sleutel is not None
        return (*kader.pad, kader.sleutel)

    try:
        for event in yaml.parse(tekst, Loader=_Loader):
            mark = event.start_mark
            regel, kolom = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            if isinstance(event, yaml.DocumentStartEvent):
                if heeft_document:
                    raise YamlProbleem(regel, kolom, _MEER_DOCUMENTEN)
                heeft_document = True
            elif isinstance(event, yaml.ScalarEvent):
                waarde: str | None = event.value
                if event.style is None and event.value == "" and not event.tag:
                    waarde = None
                if verwacht_sleutel():
                    kader = stapel[-1]
                    sleutel = event.value
                    assert isinstance(kader.data, dict)
                    if sleutel in kader.data or (*kader.pad, sleutel) in plekken:
                        eerder = plekken[(*kader.pad, sleutel)].sleutel_regel
                        problemen.append(
                            YamlProbleem(
                                regel,
                                kolom,
                                f"het veld '{sleutel}' staat twee keer in deze sectie "
                                f"(eerder op regel {eerder}); houd er één over",
                                (*kader.pad, sleutel),
                            )
                        )
                        kader.negeer_waarde = True
                    kader.sleutel = sleutel
                    kader.sleutel_plek = (regel, kolom)
                    continue
                if event.anchor:
                    ankers[event.anchor] = (waarde, 1)
                plaats(waarde, 1, regel, kolom)
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                if verwacht_sleutel():
                    raise YamlProbleem(
                        regel, kolom, "een veldnaam moet gewone tekst zijn, geen lijst of sectie"
                    )
                if len(stapel) >= MAX_DIEPTE:
                    raise YamlProbleem(
                        regel, kolom, f"de gegevens zijn dieper genest dan {MAX_DIEPTE} niveaus"
                    )
                nieuw: dict[str, object] | list[object]
                nieuw = {} if isinstance(event, yaml.MappingStartEvent) else []
                stapel.append(_Kader(nieuw, volgend_pad(), event.anchor))
                if event.anchor:
                    open_ankers.add(event.anchor)
                plekken[stapel[-1].pad] = Plek(regel, kolom, regel, kolom)
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                kader = stapel.pop()
                if kader.anker:
                    open_ankers.discard(kader.anker)
                    ankers[kader.anker] = (kader.data, kader.knopen)
                begin = plekken[kader.pad]
                plaats(kader.data, kader.knopen, begin.regel, begin.kolom)
                # plaats() stored the container's own start; keep the key's place too
            elif isinstance(event, yaml.AliasEvent):
                if verwacht_sleutel():
                    raise YamlProbleem(regel, kolom, "een veldnaam mag geen verwijzing (*) zijn")
                if event.anchor in open_ankers:
                    raise YamlProbleem(
                        regel, kolom, f"de verwijzing *{event.anchor} verwijst naar zichzelf"
                    )
                if event.anchor not in ankers:
                    raise YamlProbleem(
                        regel,
                        kolom,
                        f"de verwijzing *{event.anchor} heeft geen anker &{event.anchor} ervoor",
                    )
                data, aantal = ankers[event.anchor]
                plaats(data, aantal, regel, kolom)
    except yaml.YAMLError as fout:
        raise _vertaal(fout, tekst) from None

    return Gelezen(resultaat, plekken, problemen)
