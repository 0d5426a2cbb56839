"""A DOCX on the GKA template (made by gka-docgen and edited, or filled in by hand) -> YAML data.

Found by the template's fixed headings and table labels, never by position
alone: a paragraph whose text is a known heading starts that section whatever
its style; a table is read row by row, its first cell the label. Matching
ignores case, a trailing colon, extra spaces and a leading dash; a label and
its value in one cell ("Doelgroep: ouders") count as a row. Values stay text:
paragraphs become paragraphs (blank line between), list items `- ` lines, a
concept's `[nog in te vullen: …]` nothing. What had to be guessed or was not
found is noted, with where, for the YAML's comments and the summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gka_docgen.document import structure, text
from gka_docgen.document.structure import Groep, Rubriek, Soort
from gka_docgen.errors import Pad
from gka_docgen.importing.docx_reader import Alinea, DocxTabel, GelezenDocx, OngeldigDocument
from gka_docgen.importing.leftover import NietIngelezen, is_vast, vaste_zinnen

_MAANDEN = {
    m: i
    for i, m in enumerate(
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        1,
    )
}
_PLEK = re.compile(r"\[nog in te vullen: [^\]]*\]")


@dataclass
class Opmerking:
    pad: Pad
    tekst: str  # Dutch: what was guessed or missing, and where


@dataclass
class Import:
    data: dict[str, Any]
    opmerkingen: list[Opmerking] = field(default_factory=list)
    gelezen: list[Pad] = field(default_factory=list)  # fields a value was read for
    plekken: dict[Pad, str] = field(default_factory=dict)  # from a PDF: where, e.g. "pagina 3"
    niet_ingelezen: list[NietIngelezen] = field(default_factory=list)


def norm(tekst: str) -> str:
    """A label or heading as compared: lower case, single spaces, no colon or leading dash."""
    tekst = tekst.replace("\u00a0", " ").replace("…", "...").strip().lower()
    tekst = re.sub(r"\s+", " ", tekst).rstrip(":").strip()
    return tekst.removeprefix("- ").removeprefix("-").strip()


def waarde(alineas: list[Alinea] | tuple[Alinea, ...]) -> str:
    """Paragraphs -> the YAML text: paragraphs apart, list items as '- ' lines."""
    delen: list[str] = []
    in_lijst = False
    for a in alineas:
        t = _PLEK.sub("", a.tekst).strip()
        if a.opsomming:  # an empty list item prints as a bullet: it stays, as "-"
            punt = f"- {t}".rstrip()
            if in_lijst:
                delen[-1] += f"\n{punt}"
            else:
                delen.append(punt)
            in_lijst = True
        elif t:
            delen.append(t)
            in_lijst = False
    return "\n\n".join(delen)


def bedrag(tekst: str) -> str:
    """'€ 40.000' -> '40000', '€ 35.000,50' -> '35000,50'; anything else as written."""
    t = _PLEK.sub("", tekst).replace("\u00a0", " ").strip()
    gevonden = re.fullmatch(r"(?:€\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2})|,-)?", t)
    if not gevonden:
        return t
    getal = gevonden[1].replace(".", "")
    return f"{getal},{gevonden[2]}" if gevonden[2] else getal


def datum(tekst: str) -> str | None:
    """'24 november 2019' -> '2019-11-24'; None if it is no Dutch date."""
    gevonden = re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", norm(tekst))
    if not gevonden or gevonden[2] not in _MAANDEN:
        return None
    return f"{gevonden[3]}-{_MAANDEN[gevonden[2]]:02d}-{int(gevonden[1]):02d}"


def _labels(groep: Groep) -> dict[str, str]:
    """A table's labels as compared -> the YAML key ("" for a row that holds no value)."""
    labels: dict[str, str] = {}
    for r in groep:
        if r.soort is Soort.LIJST:
            continue
        labels |= {norm(label): r.sleutel for label in (r.label, *r.andere_labels)}
        if r.tussenkop:
            labels[norm(r.tussenkop)] = ""
    return labels


_KOPPEN_TOELICHTING = _labels(structure.TOELICHTING)
_ANDERE_KOPPEN = {norm(k) for k in (*text.VASTE_KOPPEN, *(kop for kop, _ in text.PIJLERS))}
_INTERVENTIE = _labels(structure.INTERVENTIE)
_COMMUNITY = _labels(structure.COMMUNITY)
_ONDERTEKENAAR = _labels(structure.ONDERTEKENAAR) | _labels(structure.ONDERTEKENING)
_ONDERTEKENAAR |= {"handtekening": ""}
_BEGROTING = {norm(k): i for i, k in enumerate(text.BEGROTING_KOPPEN)}
_EERSTE_RIJEN = {
    norm(groep.rubrieken[0].label)
    for groep in (structure.INTERVENTIE, structure.COMMUNITY, structure.BEGROTINGSREGEL)
}


def _kenmerken(groep: Groep) -> set[str]:
    """Labels that say a table is this group's: its name row, or its 'Doel ...' row."""
    return {norm(groep.rubrieken[0].label), norm(groep["doel"].label)}


def begint_tabel(label: str) -> bool:
    """Whether `label` is what the first row of one of the template's tables says (a table
    that starts there is a new one, not the rest of the table above it)."""
    return norm(label) in _EERSTE_RIJEN


def _rijen(tabel: DocxTabel) -> list[tuple[str, list[Alinea]]]:
    """(label, value paragraphs) per row; 'Label: waarde' in one cell is split."""
    rijen = []
    for cellen in tabel.rijen:
        if not cellen:
            continue
        label = " ".join(a.tekst for a in cellen[0]).strip()
        rest = [a for cel in cellen[1:] for a in cel]
        if len(cellen) == 1 and ":" in label:
            voor, _, na = label.partition(":")
            if norm(voor) in _INTERVENTIE | _COMMUNITY | _ONDERTEKENAAR:
                label, rest = voor, [Alinea(na.strip(), False)]
        if label or any(a.tekst.strip() for a in rest):
            rijen.append((label, rest))
    return rijen


class _VeldLezer:
    def __init__(self) -> None:
        self.data: dict[str, Any] = structure.leeg(structure.AGENDA)
        self.data |= {"status": "concept"}
        self.data["begroting"]["maximum_ocw"] = ""  # not found: the default, with a note
        self.opmerkingen: list[Opmerking] = []
        self.addendum_gezien: set[str] = set()  # headings of the addendum's own sections
        self.plekken: dict[Pad, str] = {}  # a PDF's page a field or item was read from
        self.pagina = 0
        # Text in no field, the template's own among it (dropped once the name is known).
        self.rest: list[NietIngelezen] = []
        self.onder = ""  # the section of the table being read, for the report
        self.kopstijlen = False  # the template's headings are in heading styles
        self.positie = 0  # of the paragraph or table being read, in the document

    def _rest(self, plek: str, tekst: str) -> None:
        if tekst.strip():
            self.rest.append(NietIngelezen(plek, tekst.strip(), self.positie))

    # -- paragraphs ---------------------------------------------------------------------

    def alineas(self, alineas: list[tuple[Alinea, str, int]]) -> None:
        """The paragraphs, each with the section it stands in and its place."""
        veld: Pad | None = None
        verzameld: dict[Pad, list[Alinea]] = {}
        for a, sectie, self.positie in alineas:
            n = norm(a.tekst)
            if not n and not a.opsomming:  # an empty list item is a "-" line: it stays
                continue
            self.pagina = a.pagina
            # A list item is no heading; in a document whose headings have heading styles,
            # neither is a paragraph in another style that happens to say "Inzet gemeente".
            kop_mogelijk = not self.kopstijlen or bool(_KOPSTIJL.match(a.stijl))
            kop = None if a.opsomming else self._kop(a.tekst, n, kop_mogelijk)
            if kop is not None:
                veld = kop or None
                if veld is not None:
                    verzameld.setdefault(veld, [])
                    self._plek(veld, f"pagina {a.pagina}")
                continue
            if veld is not None:
                verzameld[veld].append(a)
            else:
                waar = f"{sectie} (pagina {a.pagina})" if a.pagina else sectie
                paren = _label_regels((a,))
                if norm(text.ONDERTEKENING_KOP) in norm(sectie) and paren:
                    self._ondertekenaars(paren, waar)  # "Plaats: Zaandam" under the heading
                else:
                    self._rest(waar, _PLEK.sub("", a.tekst))
        for pad, inhoud in verzameld.items():
            if pad == ("themas",):
                self.data["themas"] = [
                    _PLEK.sub("", a.tekst).strip() for a in inhoud if _PLEK.sub("", a.tekst).strip()
                ]
            elif pad[0] == "toelichting":
                self.data["toelichting"][pad[1]] = waarde(inhoud)
            else:
                self.data[str(pad[0])] = waarde(inhoud)

    def _kop(self, ruw: str, n: str, kop_mogelijk: bool = True) -> Pad | tuple[()] | None:
        """The field a heading starts, () for a heading that ends one or a sentence of the
        template, None for body text."""
        if not kop_mogelijk:
            pass
        elif n in _KOPPEN_TOELICHTING:
            sleutel = _KOPPEN_TOELICHTING[n]
            if structure.TOELICHTING[sleutel].alleen_addendum:
                self.addendum_gezien.add(sleutel)
            return ("toelichting", sleutel)
        elif n == norm(text.BESTUURLIJK_OVERLEG_KOP):
            return ("bestuurlijk_overleg",)
        titel = re.match(r"gelijke kansen voor alle kinderen en jongeren in gemeente (.+)", n)
        if titel:
            self._zet("gemeente", ruw.strip()[-len(titel[1]) :].strip())
            return ()
        soort = re.search(r"gka-(agenda|addendum) (\d{4}-\d{4})", n)
        if soort and len(n) < 40:
            self._zet("soort", soort[1])
            self._zet("periode", soort[2])
            return ()
        periode = re.search(r"in de periode (\d{4}-\d{4}) samen", n)
        if periode:
            self._zet("periode", periode[1])
            return ()
        if n.endswith("zet actief in op de thema’s") or n.endswith("zet actief in op de thema's"):
            return ("themas",)
        maximum = re.search(r"aanvullend maximaal ([\d.]+(?:,\d{2}|,-)?) beschikbaar", n)
        if maximum:
            self.data["begroting"]["maximum_ocw"] = bedrag(maximum[1])
            self._plek(("begroting", "maximum_ocw"), f"pagina {self.pagina}")
            return ()
        gemeente = norm(self.data["gemeente"])
        if kop_mogelijk and (n in _ANDERE_KOPPEN or n.startswith("gelijke kansen in gemeente")):
            return ()
        if kop_mogelijk and gemeente and n == f"gemeente {gemeente}":  # above the obligations
            return ()
        return None

    def _zet(self, sleutel: str, waarde_: str) -> None:
        if not self.data[sleutel]:
            self.data[sleutel] = waarde_
            self._plek((sleutel,), f"pagina {self.pagina}")

    def _plek(self, pad: Pad, plek: str) -> None:
        if self.pagina:  # a DOCX has no pages to name
            self.plekken.setdefault(pad, plek)

    # -- tables --------------------------------------------------------------------------

    def tabel(self, tabel: DocxTabel, plek: str, sectie: str = "") -> None:
        self.onder = f" onder '{sectie}'" if sectie and sectie != "titelpagina" else ""
        try:
            self._tabel(tabel, plek)
        finally:
            self.onder = ""

    def _tabel(self, tabel: DocxTabel, plek: str) -> None:
        self.pagina = tabel.pagina
        if tabel.pagina:
            plek = f"{plek} op pagina {tabel.pagina}"
        rijen = _rijen(tabel)
        labels = {norm(label) for label, _ in rijen}
        koppen = [_begroting_kolom(waarde(cel)) for cel in (tabel.rijen or [()])[0]]
        if {"interventie", "bijdrage ocw"} <= labels or (2 in koppen and {0, 3} & set(koppen)):
            self._begroting(tabel, plek)
        elif labels & _kenmerken(structure.INTERVENTIE):
            self._items(rijen, structure.INTERVENTIE, "interventies", plek)
        elif labels & _kenmerken(structure.COMMUNITY):
            self._items(rijen, structure.COMMUNITY, "communities", plek)
        elif not self._naast_elkaar(tabel, plek):
            if {"functie", "organisatie"} & labels:
                self._ondertekenaars(
                    [(label, waarde(inhoud).replace("\n", " ")) for label, inhoud in rijen], plek
                )
            else:
                for r, cellen in enumerate(tabel.rijen, 1):
                    self._rest(
                        f"{plek}{self.onder}, rij {r}",
                        " | ".join(waarde(c) for c in cellen if waarde(c)),
                    )

    def _items(
        self, rijen: list[tuple[str, list[Alinea]]], groep: Groep, lijst: str, plek: str
    ) -> None:
        labels = _labels(groep)
        eerste = groep.rubrieken[0].sleutel
        items: list[dict[str, Any]] = self.data[lijst]
        huidig: dict[str, Any] | None = None
        for label, inhoud in rijen:
            sleutel = labels.get(norm(label))
            if sleutel is None:
                self._rest(f"{plek}{self.onder}, rij '{label.strip()}'", waarde(inhoud) or label)
                continue
            if sleutel == eerste or huidig is None:
                huidig = structure.leeg(groep)
                items.append(huidig)
                self._plek((lijst, len(items) - 1, eerste), plek)
            if sleutel:
                huidig[sleutel] = self._lees(groep[sleutel], inhoud, (lijst, len(items) - 1))
            elif waarde(inhoud):  # beside "Meer informatie", which holds no value
                self._rest(f"{plek}{self.onder}, rij '{label.strip()}'", waarde(inhoud))

    def _lees(self, r: Rubriek, inhoud: list[Alinea], pad: Pad) -> Any:
        """A row's value as its kind is written in the YAML."""
        if r.deel is not None:
            return _contact(inhoud)
        if r.soort is Soort.TEKST:
            return waarde(inhoud)
        tekst_ = waarde(inhoud).replace("\n", " ")
        if r.soort is Soort.BEDRAG:
            return bedrag(tekst_)
        if r.soort is Soort.DATUM and tekst_:
            return self._datum(tekst_, (*pad, r.sleutel))
        return tekst_

    def _datum(self, tekst_: str, pad: Pad) -> str:
        """'24 november 2019' as 2019-11-24; anything else as written, with a note."""
        iso = datum(tekst_)
        if iso is None:
            self.opmerkingen.append(
                Opmerking(pad, f"'{tekst_}' is geen datum; overgenomen zoals geschreven")
            )
        return iso or tekst_

    def _ondertekenaars(self, rijen: list[tuple[str, str]], plek: str) -> None:
        """(label, value) in the order of the template's signatory block: a name starts
        a signatory; place and date are the block's, once."""
        ondertekening = self.data["ondertekening"]
        huidig: dict[str, str] | None = None
        for label, tekst_ in rijen:
            sleutel = _ONDERTEKENAAR.get(norm(label))
            if sleutel == "naam" or (sleutel in {"functie", "organisatie"} and huidig is None):
                huidig = {"naam": "", "functie": "", "organisatie": ""}
                ondertekenaars = ondertekening["ondertekenaars"]
                ondertekenaars.append(huidig)
                self._plek(
                    ("ondertekening", "ondertekenaars", len(ondertekenaars) - 1, "naam"), plek
                )
            if sleutel in {"naam", "functie", "organisatie"} and huidig is not None:
                huidig[sleutel] = tekst_
            elif sleutel == "plaats" and tekst_ and not ondertekening["plaats"]:
                ondertekening["plaats"] = tekst_
                self._plek(("ondertekening", "plaats"), plek)
            elif sleutel == "datum" and tekst_ and not ondertekening["datum"]:
                self._plek(("ondertekening", "datum"), plek)
                ondertekening["datum"] = self._datum(tekst_, ("ondertekening", "datum"))
            elif sleutel is None or (sleutel == "" and tekst_):
                self._rest(f"{plek}{self.onder}, rij '{label.strip()}'", tekst_ or label)

    def _naast_elkaar(self, tabel: DocxTabel, plek: str) -> bool:
        """Signatories side by side in one table: a column of labels and a column per
        signatory, or a cell per signatory with 'Naam: …', 'Functie: …' lines."""
        rijen = [r for r in tabel.rijen if r]
        labels = [_ONDERTEKENAAR.get(norm(" ".join(a.tekst for a in r[0]))) for r in rijen]
        breedte = max((len(r) for r, label in zip(rijen, labels, strict=True) if label), default=0)
        if breedte >= 3 and "naam" in labels and {"functie", "organisatie"} & set(labels):
            for j in range(1, breedte):
                kolom = [
                    (
                        " ".join(a.tekst for a in r[0]),
                        waarde(r[j]).replace("\n", " ") if j < len(r) else "",
                    )
                    for r in rijen
                ]
                if any(w for _, w in kolom):
                    self._ondertekenaars(kolom, f"{plek}, kolom {j + 1}")
            return True
        cellen = [_label_regels(cel) for r in rijen for cel in r]
        if not any(sum(1 for label, _ in c if label in _PERSOON) >= 2 for c in cellen):
            return False
        for nummer, (cel, ruw) in enumerate(
            zip(cellen, (cel for r in rijen for cel in r), strict=True), 1
        ):
            if sum(1 for label, _ in cel if label in _PERSOON) >= 2:
                self._ondertekenaars(cel, f"{plek}, cel {nummer}")
            else:
                self._rest(f"{plek}{self.onder}, cel {nummer}", waarde(ruw))
        return True

    def _begroting(self, tabel: DocxTabel, plek: str) -> None:
        kolommen: dict[int, int] = {}  # column -> index in BEGROTING_KOPPEN
        koppen: list[str] = []
        for cellen in tabel.rijen:
            teksten = [waarde(cel) for cel in cellen]
            if not kolommen:
                koppen = teksten
                gevonden = {i: _begroting_kolom(t) for i, t in enumerate(teksten)}
                kolommen = {i: k for i, k in gevonden.items() if k is not None}
                continue
            per_kop = {kolommen[i]: t for i, t in enumerate(teksten) if i in kolommen}
            eerste = per_kop.get(0, teksten[0] if teksten else "")
            if not any(teksten) or norm(eerste) == norm(text.TOTAAL):
                continue
            for i, t in enumerate(teksten):
                if i not in kolommen and t:
                    kop = koppen[i] if i < len(koppen) else ""
                    self._rest(f"{plek}{self.onder}, kolom '{kop}' bij '{teksten[0]}'", t)
            regels = self.data["begroting"]["regels"]
            self._plek(("begroting", "regels", len(regels), "interventie"), plek)
            regels.append(
                {
                    "interventie": per_kop.get(0, "").replace("\n", " "),
                    "omschrijving": per_kop.get(1, ""),
                    "bijdrage_ocw": bedrag(per_kop.get(2, "")),
                    "cofinanciering": bedrag(per_kop.get(3, "")),
                }
            )


_PERSOON = {norm(text.ONDERTEKENAAR_LABELS[k]) for k in ("naam", "functie", "organisatie")}
_LABEL_IN_TEKST = re.compile(
    r"(?i)(?:^|(?<=\s))("
    + "|".join(
        re.escape(norm(t)) for t in (*text.ONDERTEKENAAR_LABELS.values(), text.PLAATS, text.DATUM)
    )
    + r")\s*:"
)


def _label_regels(cel: tuple[Alinea, ...]) -> list[tuple[str, str]]:
    """'Naam: A. de Vries Functie: wethouder' (on lines, or run together as a PDF may
    give it) -> [('naam', 'A. de Vries'), ('functie', 'wethouder')]."""
    tekst = "\n".join(a.tekst for a in cel)
    treffers = list(_LABEL_IN_TEKST.finditer(tekst))
    return [
        (t[1].lower(), tekst[t.end() : volgende.start() if volgende else len(tekst)].strip())
        for t, volgende in zip(treffers, [*treffers[1:], None], strict=False)
    ]


# Column headers of a budget table as people write them, to the template's column.
_BEGROTING_SYNONIEMEN = {
    "naam interventie": 0,
    "naam/titel interventie": 0,
    "activiteit": 0,
    "toelichting": 1,
    "beschrijving": 1,
    "besteding": 1,
    "ocw": 2,
    "bijdrage van ocw": 2,
    "ocw-bijdrage": 2,
    "eigen bijdrage": 3,
    "co-financiering": 3,
    "medefinanciering": 3,
}


def _begroting_kolom(kop: str) -> int | None:
    """The template's budget column a header means: 'Bijdrage OCW (€)' and 'OCW' are
    'Bijdrage OCW', 'Eigen bijdrage' is 'Cofinanciering'."""
    n = norm(re.sub(r"\(?\s*(?:€|eur|euro'?s?|in euro'?s?)\s*\)?", " ", kop, flags=re.I))
    return _BEGROTING.get(n, _BEGROTING_SYNONIEMEN.get(n))


def _contact(inhoud: list[Alinea]) -> dict[str, str]:
    """Name, e-mail and phone: one paragraph each (as gka-docgen writes them), or one line
    'naam, e-mail, telefoon' as people type it."""
    regels = [_PLEK.sub("", a.tekst).strip() for a in inhoud]
    if len(regels) == len(structure.CONTACTPERSOON.rubrieken):
        return dict(zip(structure.CONTACTPERSOON.sleutels, regels, strict=True))
    contact = {"naam": "", "email": "", "telefoon": ""}
    for deel in (d.strip() for r in regels for d in re.split(r"[,;]\s+", r)):
        if not deel:
            continue
        adres = re.search(r"\S+@\S+", deel)
        if adres and adres[0] != deel and not contact["email"]:  # "naam e-mail telefoon"
            voor, na = deel[: adres.start()].strip(), deel[adres.end() :].strip()
            contact["naam"] = contact["naam"] or voor
            contact["email"] = adres[0]
            contact["telefoon"] = contact["telefoon"] or na
            continue
        if "@" in deel and not contact["email"]:
            contact["email"] = deel
        elif re.fullmatch(r"\+?[\d ()-]{6,}", deel) and not contact["telefoon"]:
            contact["telefoon"] = deel
        elif not contact["naam"]:
            contact["naam"] = deel
    return contact


_KOPSTIJL = re.compile(r"(heading|kop|title|titel)", re.IGNORECASE)


def _is_sjabloonkop(n: str) -> bool:
    return (
        n in _KOPPEN_TOELICHTING
        or n in _ANDERE_KOPPEN
        or n == norm(text.BESTUURLIJK_OVERLEG_KOP)
        or n.startswith("gelijke kansen in gemeente")
    )


def _sectie(a: Alinea, kopstijlen: bool) -> str | None:
    """The heading a paragraph is, named as the document writes it: one of the template's,
    or any paragraph in a heading style (a partner's 'Bijlage 2. Planning')."""
    n = norm(a.tekst)
    titelpagina = n.startswith("gelijke kansen voor alle") or re.fullmatch(
        r"gka-(agenda|addendum) \d{4}-\d{4}", n
    )
    if a.opsomming or not n or titelpagina:
        return None
    kopstijl = bool(_KOPSTIJL.match(a.stijl))
    if (_is_sjabloonkop(n) and (kopstijl or not kopstijlen)) or kopstijl:
        return " ".join(a.tekst.split()).rstrip(":").strip()
    return None


def naar_data(docx: GelezenDocx, naam: str = "het document") -> Import:
    """The agenda's data as the YAML holds it, from a DOCX on the template."""
    lezer = _VeldLezer()
    lezer.kopstijlen = any(
        isinstance(stuk, Alinea)
        and _KOPSTIJL.match(stuk.stijl)
        and _is_sjabloonkop(norm(stuk.tekst))
        for stuk in docx.stukken
    )
    tabellen = 0
    sectie = "titelpagina"
    alineas: list[tuple[Alinea, str, int]] = []
    for lezer.positie, stuk in enumerate(docx.stukken):
        if isinstance(stuk, Alinea):
            # A heading stands in the section before it; what follows, in its own.
            waar = f"onder '{sectie}'" if sectie != "titelpagina" else sectie
            alineas.append((stuk, waar, lezer.positie))
            sectie = _sectie(stuk, lezer.kopstijlen) or sectie
        else:
            tabellen += 1
            lezer.tabel(stuk, f"tabel {tabellen}", sectie)
    lezer.alineas(alineas)
    data = lezer.data
    herkend = (
        data["gemeente"] or data["periode"] or data["interventies"] or data["communities"]
    ) or any(data["toelichting"].values())
    if not herkend:
        raise OngeldigDocument(
            f"{naam} lijkt niet op de GKA-sjabloon: geen titel, koppen of tabellen van een "
            "GKA-Agenda of Addendum gevonden"
        )
    if not data["soort"] and data["periode"]:
        data["soort"] = (
            "agenda" if data["periode"] == text.STANDAARD_PERIODE["agenda"] else "addendum"
        )
        lezer.opmerkingen.append(
            Opmerking(("soort",), f"afgeleid uit de periode {data['periode']}")
        )
    if data["soort"] != "addendum":  # an agenda holds the addendum's sections only if written
        for r in structure.TOELICHTING:
            if r.alleen_addendum and r.sleutel not in lezer.addendum_gezien:
                del data["toelichting"][r.sleutel]
    for sleutel, wat in (
        ("gemeente", "de titel"),
        ("periode", "de periodezin"),
        ("soort", "de ondertitel"),
    ):
        if not data[sleutel]:
            lezer.opmerkingen.append(Opmerking((sleutel,), f"niet gevonden in {wat}; vul dit in"))
    if not data["begroting"]["maximum_ocw"]:
        data["begroting"]["maximum_ocw"] = "100000"
        lezer.opmerkingen.append(
            Opmerking(
                ("begroting", "maximum_ocw"), "niet gevonden in de zin van Bijlage 1; de standaard"
            )
        )
    vast = vaste_zinnen(data["gemeente"], data["soort"], data["periode"])
    rest = sorted((r for r in lezer.rest if not is_vast(r.tekst, vast)), key=lambda r: r.positie)
    return Import(data, lezer.opmerkingen, plekken=lezer.plekken, niet_ingelezen=rest)
