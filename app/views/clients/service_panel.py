"""The client page's "Service" tab: the closing rule (confirm with the requester first, set by
administrators), satisfaction (CSAT average, response rate, 12-month trend) and time (logged this
month, last month and over 12 months; prepaid hours left per contract)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.models.enums import Role
from app.services.closure import ClosureService
from app.services.csat import CsatService
from app.services.directory import ClientRow, TechnicianRow
from app.services.time_entries import TimeEntryService
from app.tasks import ChangeNotifier, Lane, TaskRunner

from app.views.closure.csat_widget import CsatWidget
from app.views.tickets.field_labels import failure_text
from app.views.time_entries.client_time_widget import ClientTimeWidget


class ClientServicePanel(QWidget):
    """Both widgets for the client shown; each loads on the read lane. GUI thread only."""

    def __init__(
        self,
        closure: ClosureService,
        csat: CsatService,
        time_entries: TimeEntryService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me: TechnicianRow,
        parent: QWidget | None = None,
        *,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._closure = closure
        self._runner = runner
        self._notifier = notifier
        self._me = me
        self._client_id: int | None = None
        today = (lambda: now().date()) if now is not None else None
        self.verify_check = QCheckBox(
            self.tr("Confirm the fix with the requester before a ticket is closed"), self
        )
        self.verify_check.setToolTip(self.tr("Only administrators change this rule"))
        self.verify_check.setEnabled(False)
        self.verify_check.clicked.connect(self._on_verify_check_clicked)
        self.verify_message = QLabel(self)
        self.verify_message.setWordWrap(True)
        self.verify_message.hide()
        self.csat = CsatWidget(csat, runner, notifier, self, today=today)
        self.time = ClientTimeWidget(time_entries, runner, self, now)
        content = QWidget()
        satisfaction = QGroupBox(self.tr("Satisfaction"), content)
        QVBoxLayout(satisfaction).addWidget(self.csat)
        time = QGroupBox(self.tr("Time and prepaid hours"), content)
        QVBoxLayout(time).addWidget(self.time)
        inner = QVBoxLayout(content)
        inner.addWidget(self.verify_check)
        inner.addWidget(self.verify_message)
        inner.addWidget(satisfaction)
        inner.addWidget(time, 1)
        # Scrolls rather than forcing its height on the client page (and the main window).
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def set_client(self, row: ClientRow | None) -> None:
        self._client_id = None if row is None else row.client_id
        self.csat.set_client(self._client_id)
        self.verify_check.setEnabled(False)
        self.verify_message.hide()
        if row is not None:
            self.time.show_client(row.client_id, row.timezone)
            self._runner.run(
                partial(self._closure.verify_before_close, row.client_id),
                lane=Lane.READ,
                owner=self,
                on_success=partial(self._on_rule_loaded, row.client_id),
                on_failure=self._show_failure,
            )

    def _on_rule_loaded(self, client_id: int, required: bool) -> None:
        if client_id != self._client_id:
            return
        self.verify_check.setChecked(required)
        self.verify_check.setEnabled(self._me.role is Role.ADMIN)

    def _on_verify_check_clicked(self, checked: bool) -> None:
        client_id = self._client_id
        if client_id is None:
            return
        self.verify_check.setEnabled(False)
        self._runner.run(
            partial(
                self._closure.set_verify_before_close, client_id, checked, self._me.technician_id
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=lambda _r: self._on_rule_saved(client_id),
            on_failure=self._on_rule_failed,
        )

    def _on_rule_saved(self, client_id: int) -> None:
        self._notifier.announce(Changes("client", frozenset({client_id})))
        if client_id == self._client_id:
            self.verify_check.setEnabled(True)

    def _on_rule_failed(self, error: BaseException) -> None:
        # Show the stored rule again, not the click that was refused.
        self.verify_check.setChecked(not self.verify_check.isChecked())
        self.verify_check.setEnabled(self._me.role is Role.ADMIN)
        self._show_failure(error)

    def _show_failure(self, error: BaseException) -> None:
        self.verify_message.setText(failure_text(error))
        self.verify_message.show()
