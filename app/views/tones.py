"""Text colours for errors, warnings, success and muted notes that read on the light and the
dark palette: the light theme's dark tones, the dark theme's light ones.

A tone is picked when the widget is styled (windows open after a theme change get the new one).
GUI thread only.
"""

from __future__ import annotations

import enum
from typing import Final

from app.views.theme import application_is_dark


class Tone(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    OK = "ok"
    MUTED = "muted"


#: (on a light palette, on a dark palette): each at least 4.5:1 (WCAG AA) against its theme's
#: window and base colours (a test checks).
TONES: Final[dict[Tone, tuple[str, str]]] = {
    Tone.ERROR: ("#b3261e", "#ff8a80"),
    Tone.WARNING: ("#8a5300", "#ffb74d"),
    Tone.OK: ("#17652f", "#81c995"),
    Tone.MUTED: ("#5f6368", "#9aa0a6"),
}


def tone_colour(tone: Tone) -> str:
    light, dark = TONES[tone]
    return dark if application_is_dark() else light


def tone_css(tone: Tone, extra: str = "") -> str:
    """A style sheet colouring a label's text in `tone`, plus `extra` declarations."""
    return f"color: {tone_colour(tone)};" + (f" {extra}" if extra else "")
