"""The ticket's history timeline as a list model: one row per event, oldest first."""

from __future__ import annotations

import enum
import html
from collections.abc import Callable, Sequence
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.models.enums import EventKind, Priority, Status, Tier
from app.services.tickets import TicketEventRow

from app.views import labels
from app.views.tickets.field_labels import TicketNames, field_label
from app.views.tickets.sla_event_text import sla_event_summary

DISPLAY: Final = Qt.ItemDataRole.DisplayRole
#: The event's id (int); stable across reloads.
EventIdRole: Final = Qt.ItemDataRole.UserRole + 1
#: The row's `EventKind` value (str: Qt hands a StrEnum back as a plain str), for colouring.
KindRole: Final = Qt.ItemDataRole.UserRole + 2
#: When it happened, in the workstation's time zone and locale (str).
TimeTextRole: Final = Qt.ItemDataRole.UserRole + 3
#: Who did it (str); "System" for events without an actor.
ActorRole: Final = Qt.ItemDataRole.UserRole + 4
#: The translated kind, e.g. "Phone call" (str).
KindTextRole: Final = Qt.ItemDataRole.UserRole + 5
#: One line saying what changed, e.g. "Status: New → In progress" (str, may be empty).
SummaryRole: Final = Qt.ItemDataRole.UserRole + 6
#: Free text exactly as stored: note, reply, call summary, escalation reason (str, may be empty).
BodyRole: Final = Qt.ItemDataRole.UserRole + 7
#: For an event of a ticket merged into this one, that ticket's number (str, "" for own events).
SourceNumberRole: Final = Qt.ItemDataRole.UserRole + 8

#: A `labels` function wording one enum member.
_Wording = Callable[[Any], str]
#: Longest tooltip; the rest of a pasted log is not useful in a tooltip.
_TOOLTIP_CHARS: Final = 1500


def _t(text: str) -> str:
    return QCoreApplication.translate("tickets", text)


class TicketHistoryListModel(QAbstractListModel):
    """Rows of `TicketEventRow`s, worded for technicians. GUI thread only.

    Oldest at the top and newest at the bottom, like a conversation: the note and call boxes sit
    under the timeline, so a new entry appears next to where it was typed. Technician and queue
    ids are shown as names from `set_names()`.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TicketEventRow] = []
        self._names = TicketNames()

    # -- feeding -------------------------------------------------------------------------------

    def set_events(self, rows: Sequence[TicketEventRow]) -> None:
        """Replace the timeline (events oldest first, as `TicketService.history()` gives them)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_names(self, names: TicketNames) -> None:
        """Use these names for technician and queue ids; rewords the rows already shown."""
        self._names = names
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def event_at(self, row: int) -> TicketEventRow:
        return self._rows[row]

    # -- Qt model interface --------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == DISPLAY:
            parts = [self._time(row), self._actor(row), labels.event_kind(row.kind)]
            summary = self._from(row, self.summary(row))
            text = " · ".join(parts) + (f": {summary}" if summary else "")
            return text + (f"\n{row.body}" if row.body else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if not row.body:
                return None
            body = row.body
            body = body if len(body) <= _TOOLTIP_CHARS else body[:_TOOLTIP_CHARS] + "…"
            # Tooltips guess rich text from the first tag; notes and remote transcripts are
            # plain text, so they are escaped and shown as typed (or as the server printed).
            return f"<p style='white-space:pre-wrap'>{html.escape(body)}</p>"
        if role == EventIdRole:
            return row.event_id
        if role == KindRole:
            return row.kind.value
        if role == TimeTextRole:
            return self._time(row)
        if role == ActorRole:
            return self._actor(row)
        if role == KindTextRole:
            return labels.event_kind(row.kind)
        if role == SummaryRole:
            return self._from(row, self.summary(row))
        if role == SourceNumberRole:
            return row.source_number
        if role == BodyRole:
            # An SLA level's body holds action codes; the summary words them.
            return "" if row.kind is EventKind.SLA_LEVEL else row.body
        return None

    # -- wording -------------------------------------------------------------------------------

    def summary(self, row: TicketEventRow) -> str:
        """What the event changed, in one translated line ("" when the body says it all)."""
        kind = row.kind
        if kind is EventKind.CREATED:
            status = _enum_text(Status, row.new_value, labels.status)
            return _t("Logged as {0}").format(status) if status else ""
        if kind is EventKind.STATUS_CHANGED:
            return self._change(_t("Status"), Status, row, labels.status)
        if kind is EventKind.PRIORITY_CHANGED:
            return self._change(_t("Priority"), Priority, row, labels.priority)
        if kind in (EventKind.TIER_CHANGED, EventKind.ESCALATION):
            return self._change(_t("Tier"), Tier, row, labels.tier)
        if kind is EventKind.ASSIGNED:
            old, new = _id(row.old_value), _id(row.new_value)
            if old is None:
                return _t("Assigned to {0}").format(self._names.technician(new))
            if new is None:
                return _t("Unassigned (was {0})").format(self._names.technician(old))
            return _t("Reassigned: {0} → {1}").format(
                self._names.technician(old), self._names.technician(new)
            )
        if kind is EventKind.QUEUE_CHANGED:
            return _t("Queue: {0} → {1}").format(
                self._names.queue(_id(row.old_value)), self._names.queue(_id(row.new_value))
            )
        if kind is EventKind.FIELDS_CHANGED:
            names = [field_label(n.strip()) for n in row.new_value.split(",") if n.strip()]
            return _t("Changed: {0}").format(", ".join(names)) if names else ""
        if kind is EventKind.PHONE_CALL:
            parts = [_t("with the requester") if row.public else _t("internal")]
            if row.duration_minutes is not None:
                parts.append(_t("{0} min").format(row.duration_minutes))
            if row.call_reference:
                parts.append(_t("ref. {0}").format(row.call_reference))
            return " · ".join(parts)
        if kind in (EventKind.SLA_WARNING, EventKind.SLA_BREACH, EventKind.SLA_LEVEL):
            return sla_event_summary(kind, row.old_value, row.new_value, row.body)
        return ""

    def _change(
        self, what: str, kind: type[enum.StrEnum], row: TicketEventRow, word: _Wording
    ) -> str:
        old = _enum_text(kind, row.old_value, word)
        new = _enum_text(kind, row.new_value, word)
        return _t("{0}: {1} → {2}").format(what, old or "—", new or "—")

    def _from(self, row: TicketEventRow, summary: str) -> str:
        """The summary marked with the merged ticket the event came from, if any."""
        if not row.source_number:
            return summary
        source = _t("From {0}").format(row.source_number)
        return f"{source} · {summary}" if summary else source

    def _time(self, row: TicketEventRow) -> str:
        return labels.local_datetime(row.at)

    def _actor(self, row: TicketEventRow) -> str:
        return row.actor_name or _t("System")


def _enum_text(kind: type[enum.StrEnum], value: str, word: _Wording) -> str:
    """The translated label of a stored enum value; the raw value if this build does not know it."""
    if not value:
        return ""
    try:
        member = kind(value)
    except ValueError:
        return value
    return word(member)


def _id(value: str) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None
