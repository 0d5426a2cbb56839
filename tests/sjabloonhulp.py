"""The contract between a template and the context: which sections and fields it prints."""

from __future__ import annotations

import jinja2
from jinja2 import nodes

from gka_docgen.render.context import paden, velden


def gebruikte_paden(boom: nodes.Template) -> set[str]:
    """Every 'section.field' a parsed template reads."""
    gebruikt: set[str] = set()
    for knoop in boom.find_all(nodes.Getattr):
        if isinstance(knoop.node, nodes.Name) and knoop.node.name in velden():
            gebruikt.add(f"{knoop.node.name}.{knoop.attr}")
    return gebruikt


def controleer(boom: nodes.Template, omgeving: jinja2.Environment) -> set[str]:
    """The template's sections and fields, after checking each is the context's."""
    import jinja2.meta

    secties = jinja2.meta.find_undeclared_variables(boom)
    assert secties <= velden(), secties - velden()
    gebruikt = gebruikte_paden(boom)
    assert gebruikt <= paden(), gebruikt - paden()
    return gebruikt
