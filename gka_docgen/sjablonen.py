"""Where the templates and fonts live (without importing any renderer)."""

from __future__ import annotations

from pathlib import Path

SJABLONEN = Path(__file__).resolve().parent.parent / "templates"
FONTS = SJABLONEN / "fonts"
