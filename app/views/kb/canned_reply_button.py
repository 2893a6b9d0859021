"""A tool button for the reply box: pick a canned reply, get its text with the ticket's
placeholders filled (`inserted(text)`); "Manage canned replies…" opens the editor."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from app.db import Changes
from app.services.canned_replies import CHANGES_KIND, CannedReplyRow, CannedReplyService
from app.services.directory import DirectoryService, TechnicianRow
from app.tasks import ChangeNotifier, Lane, TaskRunner

from app.views.kb.canned_replies_dialog import CannedRepliesDialog
from app.views.kb.texts import failure_text


class CannedReplyButton(QToolButton):
    """Canned replies for one ticket's client. GUI thread only; loads on the read lane.

    `inserted(str)` carries the rendered text; `failed(exception)` a refused render (e.g. an
    unknown placeholder in a reply written before the check), also shown as the tooltip.
    """

    inserted = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        replies: CannedReplyService,
        runner: TaskRunner,
        me: TechnicianRow,
        ticket_id: int,
        client_id: int | None,
        parent: QWidget | None = None,
        *,
        directory: DirectoryService | None = None,
        notifier: ChangeNotifier | None = None,
    ) -> None:
        super().__init__(parent)
        self._replies = replies
        self._runner = runner
        self._me = me
        self._directory = directory
        self._ticket_id = ticket_id
        self._client_id = client_id
        self._rows: list[CannedReplyRow] = []
        self.dialog: CannedRepliesDialog | None = None
        self.setText(self.tr("Canned reply"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        if notifier is not None:
            notifier.data_changed.connect(self._on_data_changed)
        self._rebuild()
        self.reload()

    def set_ticket(self, ticket_id: int, client_id: int | None) -> None:
        self._ticket_id, self._client_id = ticket_id, client_id
        self.reload()

    def reload(self) -> None:
        self._runner.run(
            partial(self._replies.replies, self._me.technician_id, self._client_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_rows,
            on_failure=self._on_failed,
        )

    def reply_names(self) -> list[str]:
        return [row.name for row in self._rows]

    def _on_rows(self, rows: list[CannedReplyRow]) -> None:
        self._rows = rows
        self._rebuild()

    def _rebuild(self) -> None:
        self.menu_.clear()
        for row in self._rows:
            action = QAction(row.name, self.menu_)
            action.triggered.connect(partial(self.insert_reply, row.reply_id))
            self.menu_.addAction(action)
        if not self._rows:
            empty = self.menu_.addAction(self.tr("No canned replies yet"))
            empty.setEnabled(False)
        self.menu_.addSeparator()
        self.manage_action = self.menu_.addAction(self.tr("Manage canned replies…"))
        self.manage_action.triggered.connect(self.manage)

    def insert_reply(self, reply_id: int, *_checked: object) -> None:
        """Render the reply for the ticket and emit `inserted` with the text."""
        self._runner.run(
            partial(self._replies.render, reply_id, self._ticket_id, self._me.technician_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_rendered,
            on_failure=self._on_failed,
        )

    def _on_rendered(self, text: str) -> None:
        self.setToolTip("")
        self.inserted.emit(text)

    def manage(self, *_checked: object) -> None:
        dialog = CannedRepliesDialog(
            self._replies,
            self._runner,
            self._me,
            self._directory,
            client_id=self._client_id,
            parent=self.window(),
        )
        dialog.finished.connect(lambda _result: self.reload())
        self.dialog = dialog
        dialog.open()

    def _on_failed(self, error: BaseException) -> None:
        self.setToolTip(failure_text(error))
        self.failed.emit(error)

    def _on_data_changed(self, changes: object) -> None:
        if isinstance(changes, Changes) and changes.kind in (CHANGES_KIND, "*"):
            self.reload()
