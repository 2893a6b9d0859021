"""Error text shown next to the form field a service refused, keeping what the user typed."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLabel, QWidget

from app.views import labels
from app.views.tones import Tone, tone_css


class ErrorLabel(QLabel):
    """A red, word-wrapped line under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet(tone_css(Tone.ERROR))
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.show()

    def clear_error(self) -> None:
        self.clear()
        self.hide()


class FormErrors:
    """Maps service field names to their `ErrorLabel`s; unknown fields go to a general label."""

    def __init__(self, fields: Mapping[str, ErrorLabel], general: ErrorLabel) -> None:
        self._fields = dict(fields)
        self._general = general

    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Show each problem code next to its field (worded by `labels.problem`)."""
        self.clear()
        leftovers = []
        for name, code in problems.items():
            label = self._fields.get(name)
            if label is None:
                leftovers.append(f"{name}: {labels.problem(code)}")
            else:
                label.show_error(labels.problem(code))
        if leftovers:
            self._general.show_error("\n".join(leftovers))

    def show_general(self, text: str) -> None:
        self._general.show_error(text)

    def clear(self) -> None:
        for label in self._fields.values():
            label.clear_error()
        self._general.clear_error()

    def text_of(self, name: str) -> str:
        """The error currently shown for `name` ("" when none); for tests and accessibility."""
        label = self._fields.get(name, self._general)
        return label.text() if label.isVisible() or not label.isHidden() else ""
