"""app/views/tones.py: status colours that stay readable (WCAG AA) in both themes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from app.settings import Settings

from app.views.theme import Theme, ThemeController
from app.views.tones import TONES, Tone, tone_colour, tone_css


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def theme(qapp: QApplication, tmp_path: Path) -> Iterator[ThemeController]:
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    settings = Settings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    controller = ThemeController(qapp, settings)
    yield controller
    controller.deleteLater()
    qapp.styleHints().unsetColorScheme()
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.mark.parametrize("chosen", [Theme.LIGHT, Theme.DARK])
def test_every_tone_reads_on_the_theme_it_is_used_in(theme, qapp, chosen: Theme) -> None:
    theme.choose(chosen)
    palette = qapp.palette()
    for tone in Tone:
        colour = QColor(tone_colour(tone))
        assert colour.name() == TONES[tone][chosen is Theme.DARK]
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            assert _contrast(colour, palette.color(role)) >= 4.5, (chosen, tone, role)


def test_a_label_styled_in_the_dark_theme_gets_the_light_tone(theme, qtbot) -> None:
    theme.choose(Theme.DARK)
    label = QLabel("Could not save")
    qtbot.addWidget(label)
    label.setStyleSheet(tone_css(Tone.ERROR, "font-weight: 600;"))
    assert label.styleSheet() == "color: #ff8a80; font-weight: 600;"
