"""The list of the form's sections, each with a marker: saved, unsaved draft, or not started."""

from __future__ import annotations

import enum
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from app.services.onboarding_spec import SECTIONS, Section

from app.views.onboarding import texts
from app.views.onboarding.texts import tr

DISPLAY = Qt.ItemDataRole.DisplayRole
#: The row's `Marker`.
MarkerRole: Final = Qt.ItemDataRole.UserRole + 1
#: The row's section key ("company", ...).
SectionKeyRole: Final = Qt.ItemDataRole.UserRole + 2


class Marker(enum.Enum):
    """Where a section stands for this client."""

    NOT_STARTED = enum.auto()
    DRAFT = enum.auto()
    SAVED = enum.auto()
    #: Kept in the vault (admin credentials); the form holds nothing.
    VAULT = enum.auto()


#: (glyph, colour) drawn at the right of a row; readable on light and dark themes.
_GLYPHS: Final = {
    Marker.NOT_STARTED: ("○", "#8a8a8a"),
    Marker.DRAFT: ("●", "#c77700"),
    Marker.SAVED: ("✓", "#1e8e3e"),
    Marker.VAULT: ("→", "#5f6368"),
}


def marker_text(marker: Marker) -> str:
    return {
        Marker.NOT_STARTED: tr("Not started"),
        Marker.DRAFT: tr("Unsaved draft"),
        Marker.SAVED: tr("Saved"),
        Marker.VAULT: tr("Kept in the vault"),
    }[marker]


class SectionListModel(QAbstractListModel):
    """The nine sections in form order, with their markers. GUI thread only."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sections: tuple[Section, ...] = SECTIONS
        self._markers: dict[str, Marker] = {s.key: self._initial(s) for s in self.sections}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.sections)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.sections)):
            return None
        section = self.sections[index.row()]
        marker = self._markers[section.key]
        if role == DISPLAY:
            return texts.section_heading(section.number, section.title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return marker_text(marker)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return marker_text(marker)
        if role == MarkerRole:
            return marker
        if role == SectionKeyRole:
            return section.key
        return None

    def marker(self, key: str) -> Marker:
        return self._markers[key]

    def set_marker(self, key: str, marker: Marker) -> None:
        if self._markers.get(key) is marker:
            return
        self._markers[key] = marker
        row = self.row_of(key)
        self.dataChanged.emit(self.index(row), self.index(row))

    def row_of(self, key: str) -> int:
        return next(i for i, s in enumerate(self.sections) if s.key == key)

    def reset_markers(self) -> None:
        """Every section back to "not started" (no client, or a new one is loading)."""
        for section in self.sections:
            self.set_marker(section.key, self._initial(section))

    @staticmethod
    def _initial(section: Section) -> Marker:
        return Marker.VAULT if section.in_vault else Marker.NOT_STARTED


class SectionItemDelegate(QStyledItemDelegate):
    """Paints the row as usual, then the marker glyph at its right."""

    #: Width kept for the glyph, in multiples of the font height.
    _GLYPH_EMS: Final = 1.6

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # The full row first, so the selection highlight reaches under the glyph; `sizeHint`
        # keeps room for the glyph, so the title does not run into it.
        super().paint(painter, option, index)
        rect: QRect = option.rect
        glyph_width = int(option.fontMetrics.height() * self._GLYPH_EMS)
        marker = index.data(MarkerRole)
        if not isinstance(marker, Marker):
            return
        glyph, colour = _GLYPHS[marker]
        painter.save()
        painter.setPen(QColor(colour))
        painter.drawText(
            rect.adjusted(rect.width() - glyph_width, 0, 0, 0),
            int(Qt.AlignmentFlag.AlignCenter),
            glyph,
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> Any:
        size = super().sizeHint(option, index)
        size.setHeight(size.height() + 8)  # a little air: nine rows, easy to hit
        size.setWidth(size.width() + int(size.height() * self._GLYPH_EMS))
        return size
