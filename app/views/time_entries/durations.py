"""Reading and writing durations as technicians type them: "45", "1:30", "1h30", "1 h 30 min"."""

from __future__ import annotations

import re
from typing import Final

from PySide6.QtCore import QCoreApplication

_HM: Final = re.compile(r"^(\d{1,3}):([0-5]\d)$")
_UNITS: Final = re.compile(
    r"^(?:(\d{1,3})\s*h(?:ours?|rs?)?)?\s*(?:(\d{1,4})\s*m(?:in(?:utes?)?)?)?$"
)


def parse_duration(text: str) -> int | None:
    """Minutes from "45", "1:30", "1h30", "1 h 30 min", "2h"; None when it is not a duration.

    Range checks (1–1440) stay with the service, so its message shows at the field.
    """
    text = text.strip().lower()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    match = _HM.match(text)
    if match:
        return int(match[1]) * 60 + int(match[2])
    # "1h30": minutes after hours without a unit.
    bare = re.match(r"^(\d{1,3})\s*h\s*(\d{1,2})$", text)
    if bare and int(bare[2]) < 60:
        return int(bare[1]) * 60 + int(bare[2])
    match = _UNITS.match(text)
    if match and (match[1] or match[2]):
        return int(match[1] or 0) * 60 + int(match[2] or 0)
    return None


def duration_text(minutes: int) -> str:
    """ "45 min", "1 h", "1 h 30 min", translated."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return QCoreApplication.translate("durations", "{0} min").format(rest)
    if not rest:
        return QCoreApplication.translate("durations", "{0} h").format(hours)
    return QCoreApplication.translate("durations", "{0} h {1} min").format(hours, rest)
