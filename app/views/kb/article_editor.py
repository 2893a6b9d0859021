"""Writing or editing a KB article: Markdown source beside a live, safe preview.

Three modes: a new article (global or one client's), an edit of an existing one (saved as a new
version with a summary of what changed), and "save solution to KB" from a resolved ticket
(prefilled from `KnowledgeBaseService.solution_draft`). The save runs on the write lane; refused
values show next to their fields and the text stays as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Role
from app.services.directory import ClientRow, TechnicianRow
from app.services.errors import ValidationError
from app.services.knowledge_base import (
    TAGS_MAX,
    TITLE_MAX,
    ArticleDetail,
    KnowledgeBaseService,
    SolutionDraft,
    normalise_tags,
)
from app.tasks import Lane, TaskRunner

from app.views.kb.article_browser import ArticleBrowser
from app.views.kb.texts import failure_text, problems
from app.views.widgets.form_errors import ErrorLabel

#: Pause in typing before the preview is rendered again (ms).
PREVIEW_DELAY_MS = 250


class ArticleEditorDialog(QDialog):
    """Edit one article's text. GUI thread only; emits `saved(ArticleDetail)` and accepts."""

    saved = Signal(object)

    def __init__(
        self,
        kb: KnowledgeBaseService,
        runner: TaskRunner,
        me: TechnicianRow,
        clients: Sequence[ClientRow] = (),
        *,
        article: ArticleDetail | None = None,
        client_id: int | None = None,
        draft: SolutionDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._kb = kb
        self._runner = runner
        self._me = me
        self._article = article
        self._draft = draft
        self.result_article: ArticleDetail | None = None
        self.setWindowTitle(
            self.tr("Save solution to KB")
            if draft
            else self.tr("Edit {0}").format(article.number)
            if article
            else self.tr("New KB article")
        )
        self.resize(960, 640)
        self._build(clients, client_id)
        self._fill()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self.body_edit.textChanged.connect(self._preview_timer.start)
        self.update_preview()
        self.save_button.setEnabled(me.role is not Role.READ_ONLY)

    def _build(self, clients: Sequence[ClientRow], client_id: int | None) -> None:
        self.client_box = QComboBox()
        self.client_box.addItem(self.tr("Global (every client)"), None)
        for row in clients:
            self.client_box.addItem(row.name, row.client_id)
        index = self.client_box.findData(client_id)
        self.client_box.setCurrentIndex(max(index, 0))
        # An article stays where it was written; a solution goes to the ticket's client.
        self.client_box.setEnabled(self._article is None and self._draft is None)
        self.global_check = QCheckBox(self.tr("Make it a global article (for every client)"))
        self.global_check.setVisible(self._draft is not None)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(TITLE_MAX)
        self.category_edit = QLineEdit()
        self.category_edit.setPlaceholderText(self.tr("e.g. End-user computing › Outlook"))
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("Words separated by spaces or commas"))
        self.summary_edit = QLineEdit()
        self.summary_edit.setPlaceholderText(self.tr("What did you change?"))
        self.summary_edit.setVisible(self._article is not None)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setTabChangesFocus(True)
        self.preview = ArticleBrowser()
        self.errors = {
            name: ErrorLabel()
            for name in ("client_id", "title", "category", "tags", "summary", "body")
        }
        self.general_error = ErrorLabel()

        form = QFormLayout()
        form.addRow(self.tr("Client"), self.client_box)
        form.addRow("", self.global_check)
        form.addRow("", self.errors["client_id"])
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow("", self.errors["title"])
        form.addRow(self.tr("Category"), self.category_edit)
        form.addRow("", self.errors["category"])
        form.addRow(self.tr("Tags"), self.tags_edit)
        form.addRow("", self.errors["tags"])
        if self._article is not None:
            form.addRow(self.tr("Summary"), self.summary_edit)
            form.addRow("", self.errors["summary"])
        source = QWidget()
        source_layout = QVBoxLayout(source)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_layout.addWidget(self.body_edit)
        source_layout.addWidget(self.errors["body"])
        split = QSplitter()
        split.addWidget(source)
        split.addWidget(self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def _fill(self) -> None:
        source = self._article or self._draft
        if source is None:
            return
        self.title_edit.setText(source.title)
        self.category_edit.setText(source.category)
        self.tags_edit.setText(" ".join(source.tags))
        self.body_edit.setPlainText(source.body)

    def update_preview(self) -> None:
        self._preview_timer.stop()
        self.preview.show_markdown(self.body_edit.toPlainText())

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        self._clear_errors()
        title = self.title_edit.text().strip()
        if not title:
            self._show({"title": problems(ValidationError({"title": "required"}))["title"]})
            return
        if len(normalise_tags(self.tags_edit.text())) > TAGS_MAX:
            self._show(problems(ValidationError({"tags": "too_many"})))
            return
        self.save_button.setEnabled(False)
        self._runner.run(
            self._write_call(title),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_saved,
            on_failure=self._on_failed,
        )

    def _write_call(self, title: str) -> Callable[[], ArticleDetail]:
        me = self._me.technician_id
        body = self.body_edit.toPlainText()
        category = self.category_edit.text()
        tags = self.tags_edit.text()
        if self._draft is not None:
            return partial(
                self._kb.save_solution,
                self._draft.ticket_id,
                title,
                body,
                category,
                tags,
                me,
                global_article=self.global_check.isChecked(),
            )
        if self._article is not None:
            a = self._article
            return partial(
                self._kb.update,
                a.article_id,
                a.version,
                title,
                body,
                category,
                tags,
                self.summary_edit.text(),
                me,
            )
        client_id = self.client_box.currentData()
        return partial(self._kb.create, client_id, title, body, category, tags, me)

    def _on_saved(self, article: ArticleDetail) -> None:
        self.result_article = article
        self.saved.emit(article)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self._show(problems(error))
        else:
            self.general_error.show_error(failure_text(error))

    def _show(self, texts: dict[str, str]) -> None:
        for name, text in texts.items():
            label = self.errors.get(name, self.general_error)
            label.show_error(text)

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.clear_error()

    def error_text(self, name: str) -> str:
        """The error shown for field `name` ("" when none); for tests and accessibility."""
        label = self.errors.get(name, self.general_error)
        return "" if label.isHidden() else label.text()
