"""The read-only strip at the top of a ticket: number, subject, state chips, client and times."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QWidget

from app.models.enums import Priority, StatusCategory
from app.services.tickets import TicketDetail

from app.views import labels

#: Chip colours (background, text); priorities follow the usual red-to-grey urgency scale.
_PRIORITY_COLOURS: Final = {
    Priority.P1: ("#fde2e1", "#a4161a"),
    Priority.P2: ("#fdebd3", "#9a4a00"),
    Priority.P3: ("#e3edfb", "#1d4f91"),
    Priority.P4: ("#eceef1", "#4a5058"),
}
_STATUS_COLOURS: Final = {
    StatusCategory.NEW: ("#ede7fb", "#4b3a99"),
    StatusCategory.OPEN: ("#e3edfb", "#1d4f91"),
    StatusCategory.WAITING_CUSTOMER: ("#fff4d6", "#7a5a00"),
    StatusCategory.WAITING_THIRD_PARTY: ("#fff4d6", "#7a5a00"),
    StatusCategory.RESOLVED: ("#e2f4e6", "#1e6b34"),
    StatusCategory.CLOSED: ("#eceef1", "#4a5058"),
}


class _Chip(QLabel):
    """A small rounded label with a coloured background."""

    def set_chip(self, text: str, colours: tuple[str, str]) -> None:
        background, foreground = colours
        self.setText(text)
        self.setStyleSheet(
            f"background: {background}; color: {foreground}; border-radius: 9px;"
            "padding: 2px 9px; font-weight: 600;"
        )


class TicketHeader(QFrame):
    """Shows a `TicketDetail` as stored (not the unsaved edits). GUI thread only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketHeader")
        self.setStyleSheet(
            "#ticketHeader { border-bottom: 1px solid palette(mid); }"
            "#ticketNumber { color: palette(placeholder-text); font-weight: 600; }"
            "#ticketSubject { font-size: 15pt; font-weight: 600; }"
            "#ticketMeta { color: palette(placeholder-text); }"
        )
        self.number = QLabel()
        self.number.setObjectName("ticketNumber")
        self.subject = QLabel()
        self.subject.setObjectName("ticketSubject")
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = _Chip()
        self.priority = _Chip()
        self.tier = _Chip()
        self.meta = QLabel()
        self.meta.setObjectName("ticketMeta")
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta.setWordWrap(True)

        chips = QHBoxLayout()
        chips.setSpacing(6)
        for chip in (self.status, self.priority, self.tier):
            chips.addWidget(chip)
        layout = QGridLayout(self)
        layout.setContentsMargins(2, 0, 2, 8)
        layout.setHorizontalSpacing(10)
        layout.addWidget(self.number, 0, 0, Qt.AlignmentFlag.AlignBaseline)
        layout.addWidget(self.subject, 0, 1, Qt.AlignmentFlag.AlignBaseline)
        layout.addLayout(chips, 0, 2, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.meta, 1, 0, 1, 3)
        layout.setColumnStretch(1, 1)

    def show_detail(self, detail: TicketDetail) -> None:
        f = detail.fields
        self.number.setText(detail.number)
        self.subject.setText(f.subject)
        self.subject.setToolTip(f.subject)
        self.status.set_chip(labels.status(f.status), _STATUS_COLOURS[detail.status_category])
        self.priority.set_chip(labels.priority(f.priority), _PRIORITY_COLOURS[f.priority])
        self.tier.set_chip(f.tier.value, ("#eceef1", "#30353b"))
        self.tier.setToolTip(labels.tier(f.tier))
        parts = [detail.client_name]
        if detail.contact_name:
            parts.append(self.tr("Contact: {0}").format(detail.contact_name))
        parts.append(self.tr("Created {0}").format(labels.local_datetime(detail.created_at)))
        updated = labels.local_datetime(detail.updated_at)
        if detail.updated_by_name:
            parts.append(self.tr("Updated {0} by {1}").format(updated, detail.updated_by_name))
        else:
            parts.append(self.tr("Updated {0}").format(updated))
        if detail.resolved_at is not None:
            parts.append(self.tr("Resolved {0}").format(labels.local_datetime(detail.resolved_at)))
        self.meta.setText("  ·  ".join(parts))
