"""Managing canned replies: name, text with placeholders, for every client or one, shared with
the team or private. Placeholders are checked when saving; an unknown one is named next to
the text, which stays as typed."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Role
from app.services.canned_replies import (
    NAME_MAX,
    PLACEHOLDERS,
    CannedReplyRow,
    CannedReplyService,
    PlaceholderError,
    check_placeholders,
)
from app.services.directory import ClientRow, DirectoryService, TechnicianRow
from app.services.errors import ValidationError
from app.tasks import Lane, TaskRunner

from app.views.kb.texts import failure_text, problems
from app.views.widgets.form_errors import ErrorLabel


class CannedRepliesDialog(QDialog):
    """Create, edit and delete the canned replies the technician may use. GUI thread only."""

    def __init__(
        self,
        replies: CannedReplyService,
        runner: TaskRunner,
        me: TechnicianRow,
        directory: DirectoryService | None = None,
        *,
        client_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._replies = replies
        self._runner = runner
        self._me = me
        self._rows: list[CannedReplyRow] = []
        self._editing: CannedReplyRow | None = None
        self._default_client = client_id
        self.setWindowTitle(self.tr("Canned replies"))
        self.resize(820, 520)
        self._build()
        self.new_reply()
        if directory is not None:
            self._runner.run(
                directory.clients,
                lane=Lane.READ,
                owner=self,
                on_success=self._on_clients,
                on_failure=self._on_failed,
            )
        self.reload()

    def _build(self) -> None:
        writer = self._me.role is not Role.READ_ONLY
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.new_button = QPushButton(self.tr("New"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.new_button.clicked.connect(self.new_reply)
        self.delete_button.clicked.connect(self.delete_current)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(NAME_MAX)
        self.client_box = QComboBox()
        self.client_box.addItem(self.tr("Every client"), None)
        self.private_check = QCheckBox(self.tr("Only for me"))
        self.body_edit = QPlainTextEdit()
        self.body_edit.setTabChangesFocus(True)
        hint = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
        self.hint = QLabel(
            self.tr("Placeholders: {0}. Write {{{{ or }}}} for a brace.").format(hint)
        )
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.errors = {name: ErrorLabel() for name in ("name", "client_id", "body")}
        self.general_error = ErrorLabel()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        for widget in (self.new_button, self.delete_button, self.save_button):
            widget.setEnabled(writer)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow("", self.errors["name"])
        form.addRow(self.tr("Client"), self.client_box)
        form.addRow("", self.errors["client_id"])
        form.addRow("", self.private_check)
        form.addRow(self.tr("Text"), self.body_edit)
        form.addRow("", self.hint)
        form.addRow("", self.errors["body"])
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addWidget(self.general_error)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)

    def _on_clients(self, clients: list[ClientRow]) -> None:
        current = self.client_box.currentData()
        for row in clients:
            self.client_box.addItem(row.name, row.client_id)
        self._select_client(current if current is not None else self._default_client)

    def _select_client(self, client_id: int | None) -> None:
        index = self.client_box.findData(client_id)
        self.client_box.setCurrentIndex(max(index, 0))

    # -- list ----------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        self._runner.run(
            partial(self._replies.replies, self._me.technician_id, None),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_rows, select),
            on_failure=self._on_failed,
        )

    def _on_rows(self, select: int | None, rows: list[CannedReplyRow]) -> None:
        self._rows = rows
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for row in rows:
                scope = row.client_name or self.tr("every client")
                mine = "" if row.shared else self.tr(", only me")
                item = QListWidgetItem(f"{row.name}  ({scope}{mine})")
                item.setData(Qt.ItemDataRole.UserRole, row.reply_id)
                self.list.addItem(item)
                if row.reply_id == select:
                    self.list.setCurrentItem(item)
        finally:
            self.list.blockSignals(False)

    def names(self) -> list[str]:
        return [row.name for row in self._rows]

    def select_reply(self, reply_id: int) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == reply_id:
                self.list.setCurrentRow(i)

    def _on_current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        reply_id = item.data(Qt.ItemDataRole.UserRole)
        row = next((r for r in self._rows if r.reply_id == reply_id), None)
        if row is not None:
            self._edit(row)

    def _edit(self, row: CannedReplyRow | None) -> None:
        self._clear_errors()
        self._editing = row
        self.name_edit.setText(row.name if row else "")
        self.body_edit.setPlainText(row.body if row else "")
        self.private_check.setChecked(bool(row and not row.shared))
        self._select_client(row.client_id if row else self._default_client)
        self.delete_button.setEnabled(row is not None and self._me.role is not Role.READ_ONLY)

    def new_reply(self) -> None:
        self.list.clearSelection()
        self._edit(None)
        self.name_edit.setFocus()

    # -- writes --------------------------------------------------------------------------------

    def save(self) -> None:
        self._clear_errors()
        name, body = self.name_edit.text().strip(), self.body_edit.toPlainText()
        local: dict[str, str] = {}
        if not name:
            local["name"] = "required"
        if not body.strip():
            local["body"] = "required"
        try:
            if "body" not in local:
                check_placeholders(body)
        except PlaceholderError as error:
            self._show(problems(error))
            return
        if local:
            self._show(problems(ValidationError(local)))
            return
        client_id = self.client_box.currentData()
        private = self.private_check.isChecked()
        me = self._me.technician_id
        call: Callable[[], CannedReplyRow]
        if self._editing is None:
            call = partial(self._replies.create, name, body, client_id, private, me)
        else:
            row = self._editing
            call = partial(
                self._replies.update,
                row.reply_id,
                row.version,
                name,
                body,
                client_id,
                private,
                me,
            )
        self._runner.run(
            call, lane=Lane.WRITE, owner=self, on_success=self._on_saved, on_failure=self._on_failed
        )

    def _on_saved(self, row: CannedReplyRow) -> None:
        self._editing = row
        self.delete_button.setEnabled(True)
        self.reload(select=row.reply_id)

    def delete_current(self) -> None:
        row = self._editing
        if row is None or not self._ask_delete(row):
            return
        self._runner.run(
            partial(self._replies.delete, row.reply_id, self._me.technician_id),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_deleted,
            on_failure=self._on_failed,
        )

    def _on_deleted(self, _result: None) -> None:
        self.new_reply()
        self.reload()

    def _ask_delete(self, row: CannedReplyRow) -> bool:
        answer = QMessageBox.question(
            self, self.windowTitle(), self.tr("Delete the canned reply “{0}”?").format(row.name)
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self._show(problems(error))
        else:
            self.general_error.show_error(failure_text(error))

    def _show(self, texts: dict[str, str]) -> None:
        for name, text in texts.items():
            self.errors.get(name, self.general_error).show_error(text)

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.clear_error()

    def error_text(self, name: str) -> str:
        label = self.errors.get(name, self.general_error)
        return "" if label.isHidden() else label.text()
