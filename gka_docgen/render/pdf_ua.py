"""What makes WeasyPrint 70's tagged PDF/A-3u also PDF/UA-1 (ISO 14289-1), as veraPDF checks it.

Run as WeasyPrint's `finisher`: on the PDF's objects after tagging, before they are
serialised, so the result is one revision, reproducible like the rest.

- The XMP metadata names PDF/UA-1 (`pdfuaid:part`), with the PDF/A extension schema
  that declares `pdfuaid` (PDF/A allows no undeclared property).
- The running header and footer (page-margin content) and the CONCEPT mark become
  artifacts. WeasyPrint 70 gives margin-box text marked content with an MCID whose
  structure element it leaves out of the tree (tags.py: "It could be included in tree
  as Artifact, but that's only allowed in PDF 2.0"); the CONCEPT mark, a fixed element,
  is a `Div` read out on every page.
- The form fields (signature, place, date) are added here, each with a Dutch /TU, its
  widget inside a `Form` structure element in the table cell of its line (/OBJR,
  /StructParent and the parent tree entry). WeasyPrint gives pages /Tabs /S already.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pydyf

from gka_docgen.render.pdf_fields import INVUL_DA, INVUL_FONT, Handtekeningveld, Invulveld

# The PDF/UA identification schema, declared as PDF/A requires for a schema outside
# XMP's own (ISO 19005-1, 6.7.8; the wording of veraPDF's and Acrobat's declarations).
PDFUA_XMP = b"""<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1"/>
"""
RDF_EINDE = b"</rdf:RDF>"
KOP_VOET = pydyf.Dictionary({"Type": "/Pagination"})
WATERMERK = pydyf.Dictionary({"Type": "/Pagination", "Subtype": "/Watermark"})


def maak_af(
    document: Any,
    pdf: Any,
    velden: Sequence[Handtekeningveld] = (),
    invulvelden: Sequence[Invulveld] = (),
    *,
    concept: bool = False,
) -> None:
    """WeasyPrint's finisher: PDF/UA identification, artifacts, tagged form fields."""
    _pdfua_kenmerk(pdf)
    _artefacten(pdf, concept)
    if velden or invulvelden:
        _formulier(document, pdf, [*velden, *invulvelden])


def _obj(pdf: Any, verwijzing: Any) -> Any:
    """The object an indirect reference (b'12 0 R') points to."""
    return pdf.objects[int(bytes(verwijzing).split()[0])]


def _pdfua_kenmerk(pdf: Any) -> None:
    metadata = _obj(pdf, pdf.catalog["Metadata"])
    xmp = b"".join(metadata.stream)
    if xmp.count(RDF_EINDE) != 1:
        raise ValueError("WeasyPrint's XMP has not the one rdf:RDF this code expects")
    metadata.stream = [xmp.replace(RDF_EINDE, PDFUA_XMP + RDF_EINDE)]


def _structuur(pdf: Any) -> tuple[Any, Any]:
    """The structure tree's Document element and its parent tree (number tree)."""
    root = _obj(pdf, pdf.catalog["StructTreeRoot"])
    return _obj(pdf, root["K"][0]), _obj(pdf, root["ParentTree"])


def _bereikbaar(pdf: Any, element: Any) -> Iterator[int]:
    """Object numbers of `element` and every structure element below it."""
    yield element.number
    for kind in element.get("K", ()):
        if isinstance(kind, bytes):
            sub = _obj(pdf, kind)
            if sub.get("Type") == "/StructElem":
                yield from _bereikbaar(pdf, sub)


def _artefacten(pdf: Any, concept: bool) -> None:
    """Marked content outside the tree (page margins) and the CONCEPT mark as artifacts."""
    document, ouderboom = _structuur(pdf)
    # The CONCEPT mark: the one Div right under Document (the template's only body-level
    # div), once per page. Out of the tree with its text.
    merken = [k for k in document["K"] if concept and _obj(pdf, k)["S"] == "/Div"]
    if concept and len(merken) != len(pdf.page_references):
        raise ValueError(f"{len(merken)} CONCEPT-merken op {len(pdf.page_references)} pagina's")
    document["K"] = pydyf.Array(k for k in document["K"] if k not in merken)
    merk = {n for k in merken for n in _bereikbaar(pdf, _obj(pdf, k))}
    in_boom = set(_bereikbaar(pdf, document))
    nums = ouderboom["Nums"]
    for index in range(0, len(nums), 2):
        if not isinstance(nums[index + 1], pydyf.Array):
            continue  # an annotation's entry, not a page's
        pagina = _obj(pdf, _obj(pdf, pdf.page_references[nums[index]])["Contents"])
        soort = {}
        for mcid, verwijzing in enumerate(nums[index + 1]):
            nummer = int(bytes(verwijzing).split()[0])
            if nummer in merk:
                soort[mcid] = WATERMERK
            elif nummer not in in_boom:
                soort[mcid] = KOP_VOET
        if soort:
            _markeer_als_artefact(pagina.stream, soort)
            nums[index + 1] = pydyf.Array(
                b"null" if mcid in soort else v for mcid, v in enumerate(nums[index + 1])
            )


def _markeer_als_artefact(stream: list[Any], soort: dict[int, Any]) -> None:
    """'/Span <</MCID n>> BDC' -> '/Artifact <</Type /Pagination>> BDC' for each n in `soort`."""
    for i, deel in enumerate(stream):
        if isinstance(deel, pydyf.Dictionary) and deel.get("MCID") in soort:
            stream[i - 1] = "/Artifact"
            stream[i] = soort[deel["MCID"]]


def _formulier(document: Any, pdf: Any, velden: list[Handtekeningveld | Invulveld]) -> None:
    """Every field: a widget on its page, in /AcroForm, tagged as Form in its table cell."""
    cellen = _cellen(document, {v.anker for v in velden})
    _, ouderboom = _structuur(pdf)
    volgende = max(ouderboom["Nums"][0::2]) + 1
    helvetica = pydyf.Dictionary(
        {
            "Type": "/Font",
            "Subtype": "/Type1",
            "BaseFont": "/Helvetica",
            "Encoding": "/WinAnsiEncoding",
        }
    )
    pdf.add_object(helvetica)
    formulier = pydyf.Dictionary(
        {
            "Fields": pydyf.Array(),
            "SigFlags": 1,  # SignaturesExist, as pyHanko sets it
            "DA": pydyf.String(INVUL_DA.decode()),
            "DR": pydyf.Dictionary(
                {"Font": pydyf.Dictionary({INVUL_FONT[1:]: helvetica.reference})}
            ),
        }
    )
    pdf.add_object(formulier)
    pdf.catalog["AcroForm"] = formulier.reference
    for sleutel, veld in enumerate(velden, start=volgende):
        pagina_ref = pdf.page_references[veld.pagina]
        widget = _widget(pdf, veld, pagina_ref)
        widget["StructParent"] = sleutel
        pdf.add_object(widget)
        pagina = _obj(pdf, pagina_ref)
        pagina.setdefault("Annots", pydyf.Array()).append(widget.reference)
        formulier["Fields"].append(widget.reference)
        cel = cellen[veld.anker]
        objr = pydyf.Dictionary({"Type": "/OBJR", "Obj": widget.reference, "Pg": pagina_ref})
        pdf.add_object(objr)
        form = pydyf.Dictionary(
            {
                "Type": "/StructElem",
                "S": "/Form",
                # One kid, not an array of one: pyHanko's difference analysis allows
                # form filling after a signature through exactly StructTreeRoot...K.Obj.
                "K": objr.reference,
                "Pg": pagina_ref,
                "P": cel.reference,
            }
        )
        pdf.add_object(form)
        # The cell held only the empty line the field lies on (a Div without content).
        cel["K"] = pydyf.Array([form.reference])
        ouderboom["Nums"].extend([sleutel, form.reference])


# An empty signature field looks as pyHanko draws one (`SigFieldSpec.empty_field_appearance`):
# light grey with a thin border, so the printed page shows where to sign.
LEGE_HANDTEKENING = b"q q 0.95 0.95 0.95 rg 0 0 %d %d re f Q 0.5 w 0 0 %d %d re S Q"
PRINT = 4
PRINT_VERGRENDELD = 4 + 128  # a signature field: printed, and not to be moved or deleted


def _widget(pdf: Any, veld: Handtekeningveld | Invulveld, pagina_ref: bytes) -> Any:
    """A merged field and widget with an appearance (PDF/A wants one on every widget)."""
    x1, y1, x2, y2 = veld.rechthoek
    b, h = x2 - x1, y2 - y1
    teken = isinstance(veld, Handtekeningveld)
    uiterlijk = pydyf.Stream(
        [LEGE_HANDTEKENING % (b, h, b, h)] if teken else [],
        {
            "Type": "/XObject",
            "Subtype": "/Form",
            "BBox": pydyf.Array([0, 0, b, h]),
            "Resources": pydyf.Dictionary(),
        },
    )
    pdf.add_object(uiterlijk)
    widget = pydyf.Dictionary(
        {
            "Type": "/Annot",
            "Subtype": "/Widget",
            "FT": "/Sig" if teken else "/Tx",
            "T": pydyf.String(veld.naam),
            "TU": pydyf.String(veld.uitleg),
            "F": PRINT_VERGRENDELD if teken else PRINT,
            "Rect": pydyf.Array(veld.rechthoek),
            "P": pagina_ref,
            "AP": pydyf.Dictionary({"N": uiterlijk.reference}),
        }
    )
    if not teken:
        widget["DA"] = pydyf.String(INVUL_DA.decode())
    return widget


def _cellen(document: Any, ankers: set[str]) -> dict[str, Any]:
    """Anchor id -> the structure element of the table cell it lies in (WeasyPrint 70
    keeps a cell's element on its box as `mark`, to link header cells)."""
    uit: dict[str, Any] = {}

    def zoek(box: Any, cel: Any) -> None:
        if getattr(box, "element_tag", None) in ("td", "th") and hasattr(box, "mark"):
            cel = box.mark
        element = getattr(box, "element", None)
        if element is not None and element.get("id") in ankers and cel is not None:
            uit.setdefault(element.get("id"), cel)
        for kind in getattr(box, "children", ()):
            zoek(kind, cel)

    for pagina in document.pages:
        zoek(pagina._page_box, None)
    if set(uit) != ankers:
        raise ValueError(f"geen tabelcel voor {sorted(ankers - set(uit))}")
    return uit
