"""Policy values as text: whole numbers and signed business-time offsets ("-30 min", "+1 h").

Pure functions, no Qt. They only turn text into numbers; whether a number is an acceptable
target, warning or level offset is the service's decision.
"""

from __future__ import annotations

import re
from typing import Final

#: Seconds per unit word, lower case. A bare number counts as minutes.
_UNITS: Final = {
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
}
_PART_RE: Final = re.compile(r"\s*(\d+)\s*([a-z]*)", re.IGNORECASE)
#: "+", "-" and the typographic minus sign.
_SIGNS: Final = {"+": 1, "-": -1, "−": -1}


class ValueParseError(ValueError):
    """Text that is not the number the field wants; `code` is the problem code to show."""

    def __init__(self, text: str, code: str) -> None:
        super().__init__(f"{code}: {text!r}")
        self.code = code


def parse_count(text: str) -> int | None:
    """A whole number, or None for empty text. Raises `ValueParseError("not_a_number")`."""
    stripped = text.strip()
    if not stripped:
        return None
    if not stripped.isascii() or not stripped.isdigit():
        raise ValueParseError(text, "not_a_number")
    return int(stripped)


def parse_offset(text: str) -> int:
    """Signed business seconds from text such as `"-30 min"`, `"0"`, `"+1 h"`, `"1 h 30 min"`.

    Negative means before the due instant, positive after it. A bare number is minutes;
    parts may be combined ("1h30m"). Raises `ValueParseError("bad_offset")`.
    """
    rest = text.strip()
    sign = 1
    if rest[:1] in _SIGNS:
        sign = _SIGNS[rest[0]]
        rest = rest[1:]
    parts = []
    pos = 0
    while pos < len(rest):
        match = _PART_RE.match(rest, pos)
        if match is None:
            if rest[pos:].strip():
                raise ValueParseError(text, "bad_offset")
            break
        parts.append((int(match[1]), match[2].lower()))
        pos = match.end()
    if not parts:
        raise ValueParseError(text, "bad_offset")
    total = 0
    for amount, unit in parts:
        if not unit and len(parts) > 1:
            raise ValueParseError(text, "bad_offset")  # "1 30": hours and what?
        factor = _UNITS.get(unit or "min")
        if factor is None:
            raise ValueParseError(text, "bad_offset")
        total += amount * factor
    return sign * total


def format_offset(seconds: int) -> str:
    """The text `parse_offset` reads back into `seconds`: `"-1 h"`, `"+1 h 30 min"`, `"0"`."""
    if seconds == 0:
        return "0"
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours} h"] if hours else []
    if minutes:
        parts.append(f"{minutes} min")
    if secs:
        parts.append(f"{secs} s")
    return sign + " ".join(parts)
