"""Where the templates and fonts live (without importing any renderer)."""

from __future__ import annotations

from pathlib import Path

_PAKKET = Path(__file__).resolve().parent.parent  # gka_docgen/
# Installed: the wheel puts templates/ inside the package. From a checkout (or an
# editable install): templates/ at the top of the repository.
SJABLONEN = (
    _PAKKET / "templates" if (_PAKKET / "templates").is_dir() else _PAKKET.parent / "templates"
)
FONTS = SJABLONEN / "fonts"
