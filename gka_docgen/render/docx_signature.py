"""The Office signature line of a definitief DOCX: the markup Word writes for
Invoegen > Handtekeningregel (Insert > Signature Line).

A signature line is a VML picture (`v:shape`) carrying `o:signatureline`: the
suggested signer, their title and the signing instructions, which Word shows
in its signing dialog when the signer double-clicks the line. Until it is
signed, Word and LibreOffice show the picture: an X, a line, and the signer's
name, function and organisation under it (`handtekening_emf`).
"""

from __future__ import annotations

from markupsafe import Markup

from gka_docgen.render.context import Handtekeningregel
from gka_docgen.render.docx_xml import xml_tekst
from gka_docgen.render.emf import Lijn, Tekst, breedte, emf

# The picture, in tenths of a millimetre: as wide as the signature cell allows.
BREED, HOOG = 750, 340
_MARGE = 10
# Word's own signing provider: any certificate of the signer.
_PROVIDER = "{00000000-0000-0000-0000-000000000000}"


def _passend(tekst: str, y: int, hoogte: int) -> Tekst:
    """A line of text at the left margin, smaller where it would not fit the width."""
    ruimte = BREED - 2 * _MARGE
    nodig = sum(breedte(tekst, hoogte))
    if nodig > ruimte:
        hoogte = max(1, hoogte * ruimte // nodig)
    return Tekst(_MARGE, y, hoogte, tekst)


def handtekening_emf(regel: Handtekeningregel) -> bytes:
    """The unsigned signature line as Word draws it: X, line, then name, function, organisation."""
    lijn_y = 185
    return emf(
        BREED,
        HOOG,
        [Lijn(_MARGE, lijn_y, BREED - _MARGE, lijn_y, 4)],
        [
            Tekst(_MARGE + 10, lijn_y - 25, 90, "X", vet=True),
            _passend(regel.ondertekenaar, lijn_y + 50, 38),
            _passend(regel.functie, lijn_y + 95, 32),
            _passend(regel.organisatie, lijn_y + 135, 32),
        ],
    )


def _attr(waarde: str) -> str:
    # Escaped for an attribute value, docxtpl's markers defused as in text.
    return xml_tekst(waarde)


def handtekening_xml(regel: Handtekeningregel, rid: str) -> Markup:
    """One run holding the signature line; `rid` relates to its picture."""
    breed_pt, hoog_pt = BREED * 72 / 254, HOOG * 72 / 254
    return Markup(
        "<w:r><w:pict>"
        f'<v:shape id="Handtekeningregel{regel.nummer}" alt="{_attr(regel.ondertekenaar)}"'
        f' style="width:{breed_pt:.2f}pt;height:{hoog_pt:.2f}pt" o:preferrelative="t"'
        ' filled="f" stroked="f">'
        f'<v:imagedata r:id="{rid}" o:title=""/>'
        '<o:lock v:ext="edit" ungrouping="t" rotation="t" cropping="t" verticies="t"'
        ' text="t" grouping="t"/>'
        f'<o:signatureline v:ext="edit" id="{regel.id}" provid="{_PROVIDER}"'
        f' o:suggestedsigner="{_attr(regel.ondertekenaar)}"'
        f' o:suggestedsigner2="{_attr(regel.titel)}"'
        # Unqualified, as the schema has it; Word itself writes o:signinginstructions,
        # which the Open XML SDK's schema rejects (see NOTES.md).
        f' signinginstructionsset="t" signinginstructions="{_attr(regel.instructie)}"'
        ' issignatureline="t" showsigndate="t"/>'
        "</v:shape></w:pict></w:r>"
    )
