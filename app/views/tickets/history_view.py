"""The ticket's timeline drawn as cards: who, when, what changed, and the note or call text."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.models.enums import EventKind

from app.views.tickets.history_model import (
    ActorRole,
    BodyRole,
    KindRole,
    KindTextRole,
    SummaryRole,
    TimeTextRole,
)

#: Accent colour per kind of entry: conversation stands out, field changes stay quiet.
_ACCENTS: Final = {
    EventKind.INTERNAL_NOTE: QColor("#c28a00"),
    EventKind.PUBLIC_REPLY: QColor("#1f6fd1"),
    EventKind.PHONE_CALL: QColor("#2e8540"),
    EventKind.ESCALATION: QColor("#c4501b"),
    EventKind.CREATED: QColor("#6b5bd2"),
}
_QUIET: Final = QColor("#8a8f98")
#: A card shows at most this much of a body; the tooltip and the model keep the rest.
_BODY_LINES: Final = 8
_BODY_CHARS: Final = 900
_PAD: Final = 8
_GAP: Final = 3
#: Space between the card and the view's edges, and the width of the coloured edge.
_INSET: Final = 4
_EDGE: Final = 4


def _text_width(row_width: int) -> int:
    """Width of the text inside a card drawn in a row `row_width` pixels wide."""
    return max(row_width - 2 * _INSET - 2 * _PAD - _EDGE - 2, 80)


class TicketTimelineView(QListView):
    """A read-only list of timeline cards over a `TicketHistoryListModel`. GUI thread only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_TimelineDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Card heights depend on the width, so lay the cards out again on every resize.
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Stay on the newest entry when the window is resized, as a chat does.
        bar = self.verticalScrollBar()
        following = bar is None or bar.value() >= bar.maximum()
        super().resizeEvent(event)
        if following:
            # After the re-layout that Adjust schedules, when the new maximum is known.
            QTimer.singleShot(0, self, self.scrollToBottom)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            # Newest is at the bottom: follow it when the timeline is (re)loaded.
            model.modelReset.connect(self.scrollToBottom)
            model.rowsInserted.connect(self.scrollToBottom)


def _accent(kind_value: object) -> QColor:
    try:
        return _ACCENTS.get(EventKind(str(kind_value)), _QUIET)
    except ValueError:
        return _QUIET


def _elided_body(text: str) -> str:
    lines = text.splitlines()
    short = "\n".join(lines[:_BODY_LINES])
    if len(short) > _BODY_CHARS:
        short = short[:_BODY_CHARS]
    return short + ("…" if short != text.rstrip("\n") else "")


class _TimelineDelegate(QStyledItemDelegate):
    """Paints one event as a card with a coloured edge; sizes it to the view's width."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() * 0.9, 7.0))
        return base, bold, small

    def _blocks(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, str, str, str, str]:
        return (
            str(index.data(KindTextRole) or ""),
            str(index.data(ActorRole) or ""),
            str(index.data(TimeTextRole) or ""),
            str(index.data(SummaryRole) or ""),
            _elided_body(str(index.data(BodyRole) or "")),
        )

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        base, bold, _small = self._fonts(option)
        _kind, _actor, _time, summary, body = self._blocks(index)
        row_width = self._view.viewport().width()
        width = _text_width(row_width)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = 2 * _PAD + QFontMetrics(bold).height()
        for text, font in ((summary, base), (body, base)):
            if text:
                rect = QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), flags, text)
                height += _GAP + rect.height()
        return QSize(row_width, height + 2 * _GAP)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        base, bold, small = self._fonts(option)
        kind_text, actor, time_text, summary, body = self._blocks(index)
        accent = _accent(index.data(KindRole))
        palette: QPalette = option.palette
        card = option.rect.adjusted(_INSET, _GAP, -_INSET, -_GAP)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(accent)
        fill.setAlpha(22)
        border = QColor(palette.color(QPalette.ColorRole.Mid))
        if option.state & QStyle.StateFlag.State_Selected:
            border = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(border)
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(card, 5, 5)
        painter.setBrush(fill)
        painter.drawRoundedRect(card, 5, 5)
        painter.fillRect(QRect(card.left(), card.top() + 1, _EDGE, card.height() - 1), accent)

        left = card.left() + _EDGE + 2 + _PAD
        text_rect = QRect(left, card.top() + _PAD, _text_width(option.rect.width()), 0)
        line_h = QFontMetrics(bold).height()
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(bold)
        head = QRect(text_rect.left(), text_rect.top(), text_rect.width(), line_h)
        painter.drawText(
            head, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), kind_text
        )
        kind_w = QFontMetrics(bold).horizontalAdvance(kind_text)
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        meta = QRect(head.left() + kind_w + 10, head.top(), head.width() - kind_w - 10, line_h)
        meta_text = QFontMetrics(small).elidedText(
            f"{actor}   {time_text}", Qt.TextElideMode.ElideLeft, meta.width()
        )
        painter.drawText(
            meta, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), meta_text
        )

        top = head.bottom() + 1
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
        for text, font, colour in (
            (summary, base, palette.color(QPalette.ColorRole.Text)),
            (body, base, palette.color(QPalette.ColorRole.Text)),
        ):
            if not text:
                continue
            painter.setFont(font)
            painter.setPen(colour)
            bounds = QFontMetrics(font).boundingRect(
                QRect(0, 0, text_rect.width(), 100_000), flags, text
            )
            rect = QRect(text_rect.left(), top + _GAP, text_rect.width(), bounds.height())
            painter.drawText(rect, flags, text)
            top = rect.bottom() + 1
        painter.restore()
