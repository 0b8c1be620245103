"""Making user text safe to show: on a terminal (no markup, no control characters) and in
a spreadsheet (no formulas). Titles, names and sentences come from the input, so any of
them may hold ``[/red]``, an ANSI escape or ``=HYPERLINK(...)``."""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text

__all__ = ["csv_cell", "terminal_text"]

# C0 and C1 control characters and DEL; tab and line breaks are shown as spaces
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def _visible(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def terminal_text(value: Any, width: int | None = None) -> Text:
    """``value`` as rich ``Text``: printed as it reads (``[red]`` is not markup), control
    characters shown as ``\\x1b``, cut to ``width`` characters with an ellipsis."""
    text = "" if value is None else str(value)
    text = _CONTROL.sub(_visible, text.replace("\t", " ").replace("\n", " "))
    if width is not None and len(text) > width:
        text = text[: width - 1] + "…"
    return Text(text)


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run: text starting with ``=``, ``+``, ``-``,
    ``@`` or a tab/line break gets a leading apostrophe (numbers are left alone)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
