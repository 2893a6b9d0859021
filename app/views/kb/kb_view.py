"""The knowledge-base page of the main window: instant search, filters, the article list, a
safe article browser, and New / Edit / Versions / Archive.

Typing searches after a short pause (read lane; a late answer to an older query is dropped).
Without search text the list shows the filtered articles by title. Filters: client (all
clients, global only, or one client with the global articles), category and tag; "Archived"
lists archived articles instead. Writes go through the editor and versions dialogs or the
write lane and are announced so other views (and other workstations) refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Final

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.models.enums import Role
from app.services.directory import ClientRow, DirectoryService, TechnicianRow
from app.services.kb_search import SearchHit
from app.services.knowledge_base import (
    CHANGES_KIND,
    ArticleDetail,
    ArticleRow,
    KnowledgeBaseService,
)
from app.tasks import ChangeNotifier, Lane, TaskRunner

from app.views.kb.article_browser import ArticleBrowser
from app.views.kb.article_editor import ArticleEditorDialog
from app.views.kb.hit_list import ArticleListWidget, hit_lines
from app.views.kb.texts import failure_text
from app.views.kb.versions_dialog import VersionsDialog
from app.views.widgets.form_errors import ErrorLabel

#: Pause in typing before a search runs (ms).
SEARCH_DELAY_MS: Final = 200
#: Client filter values besides client ids.
ALL_CLIENTS: Final = -1
GLOBAL_ONLY: Final = 0
RESULT_LIMIT: Final = 50


@dataclass(frozen=True, slots=True)
class _Filters:
    clients: list[ClientRow]
    categories: list[str]
    tags: list[str]


class KnowledgeBaseView(QWidget):
    """The KB page. GUI thread only; every database call runs on a task lane."""

    def __init__(
        self,
        kb: KnowledgeBaseService,
        directory: DirectoryService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me: TechnicianRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._kb = kb
        self._directory = directory
        self._runner = runner
        self._notifier = notifier
        self._me = me
        self._seq = 0
        self._clients: list[ClientRow] = []
        self.current: ArticleDetail | None = None
        #: The editor or versions dialog last opened (tests drive it).
        self.dialog: ArticleEditorDialog | VersionsDialog | None = None
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._search_timer.start)
        notifier.data_changed.connect(self._on_data_changed)
        self._update_buttons()
        self.reload_filters()
        self.refresh()

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search the knowledge base…"))
        self.search_edit.setClearButtonEnabled(True)
        self.client_box = QComboBox()
        self.client_box.addItem(self.tr("All clients"), ALL_CLIENTS)
        self.client_box.addItem(self.tr("Global only"), GLOBAL_ONLY)
        self.category_box = QComboBox()
        self.category_box.addItem(self.tr("All categories"), "")
        self.tag_box = QComboBox()
        self.tag_box.addItem(self.tr("All tags"), "")
        self.archived_check = QCheckBox(self.tr("Archived"))
        for box in (self.client_box, self.category_box, self.tag_box):
            box.currentIndexChanged.connect(self.refresh)
        self.archived_check.toggled.connect(self.refresh)
        self.results = ArticleListWidget()
        self.results.currentItemChanged.connect(self._on_selection_changed)
        self.count_label = QLabel()
        self.browser = ArticleBrowser()
        self.error = ErrorLabel()
        self.new_button = QPushButton(self.tr("New…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.versions_button = QPushButton(self.tr("Versions…"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.new_button.clicked.connect(self.new_article)
        self.edit_button.clicked.connect(self.edit_article)
        self.versions_button.clicked.connect(self.show_versions)
        self.archive_button.clicked.connect(self.toggle_archived)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.client_box, 1)
        filters.addWidget(self.category_box, 1)
        filters.addWidget(self.tag_box, 1)
        filters.addWidget(self.archived_check)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.results, 1)
        left_layout.addWidget(self.count_label)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.versions_button,
            self.archive_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    # -- loading -------------------------------------------------------------------------------

    def reload_filters(self) -> None:
        def load() -> _Filters:
            return _Filters(self._directory.clients(), self._kb.categories(), self._kb.tags())

        self._runner.run(
            load, lane=Lane.READ, owner=self, on_success=self._on_filters, on_failure=self._failed
        )

    def _on_filters(self, filters: _Filters) -> None:
        self._clients = filters.clients
        _refill(self.client_box, [(c.name, c.client_id) for c in filters.clients], keep=2)
        _refill(self.category_box, [(c, c) for c in filters.categories], keep=1)
        _refill(self.tag_box, [(t, t) for t in filters.tags], keep=1)

    def set_client(self, client_id: int | None) -> None:
        """Show the client's articles with the global ones (None: all clients)."""
        index = self.client_box.findData(ALL_CLIENTS if client_id is None else client_id)
        if index >= 0:
            self.client_box.setCurrentIndex(index)

    def refresh(self) -> None:
        """Run the search (or the listing) for the current text and filters."""
        self._search_timer.stop()
        self._seq += 1
        self._runner.run(
            self._query(),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_results, self._seq),
            on_failure=partial(self._on_results_failed, self._seq),
        )

    def _query(self) -> Callable[[], list[SearchHit] | list[ArticleRow]]:
        text = self.search_edit.text().strip()
        scope = self.client_box.currentData()
        client_id = scope if isinstance(scope, int) and scope > 0 else None
        every = scope == ALL_CLIENTS
        category = str(self.category_box.currentData() or "")
        tag = str(self.tag_box.currentData() or "")
        kb = self._kb
        if self.archived_check.isChecked():
            needle = text.casefold()

            def archived() -> list[ArticleRow]:
                rows = kb.list(client_id, category, tag, every_client=every, archived=True)
                return [r for r in rows if needle in r.title.casefold()]

            return archived
        if text:
            return partial(
                kb.search,
                text,
                client_id,
                RESULT_LIMIT,
                every_client=every,
                category=category,
                tag=tag,
            )
        return partial(kb.list, client_id, category, tag, every_client=every)

    def _on_results(self, seq: int, rows: list[SearchHit] | list[ArticleRow]) -> None:
        if seq != self._seq:
            return
        self.error.clear_error()
        names = {c.client_id: c.name for c in self._clients}
        keep = self.current.article_id if self.current is not None else None
        self.results.set_lines(hit_lines(rows, names), keep)
        self.count_label.setText(self.tr("%n article(s)", "", len(rows)))
        if self.results.currentItem() is None:
            if self.results.count():
                self.results.setCurrentRow(0)
            else:
                self._show(None)

    def _on_results_failed(self, seq: int, error: BaseException) -> None:
        if seq == self._seq:
            self._failed(error)

    def _on_selection_changed(self, *_args: object) -> None:
        article_id = self.results.current_article_id()
        if article_id is None:
            self._show(None)
            return
        if self.current is not None and self.current.article_id == article_id:
            return
        self.open_article(article_id)

    def open_article(self, article_id: int) -> None:
        self._runner.run(
            partial(self._kb.get, article_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._show,
            on_failure=self._failed,
        )

    def _show(self, article: ArticleDetail | None) -> None:
        self.current = article
        if article is None:
            self.browser.clear()
        else:
            self.browser.show_article(article)
            self.results.select_article(article.article_id, quiet=True)
        self._update_buttons()

    def _update_buttons(self) -> None:
        writer = self._me.role is not Role.READ_ONLY
        selected = self.current is not None
        self.new_button.setEnabled(writer)
        self.edit_button.setEnabled(writer and selected and not self._current_archived())
        self.versions_button.setEnabled(selected)
        self.archive_button.setEnabled(writer and selected)
        self.archive_button.setText(
            self.tr("Unarchive") if self._current_archived() else self.tr("Archive")
        )

    def _current_archived(self) -> bool:
        return self.current is not None and self.current.archived

    # -- actions -------------------------------------------------------------------------------

    def new_article(self) -> None:
        scope = self.client_box.currentData()
        client_id = scope if isinstance(scope, int) and scope > 0 else None
        dialog = ArticleEditorDialog(
            self._kb, self._runner, self._me, self._clients, client_id=client_id, parent=self
        )
        self._open(dialog)

    def edit_article(self) -> None:
        if self.current is None:
            return
        dialog = ArticleEditorDialog(
            self._kb, self._runner, self._me, self._clients, article=self.current, parent=self
        )
        self._open(dialog)

    def show_versions(self) -> None:
        if self.current is None:
            return
        dialog = VersionsDialog(self._kb, self._runner, self._me, self.current, parent=self)
        dialog.restored.connect(self._on_article_saved)
        self.dialog = dialog
        dialog.open()

    def _open(self, dialog: ArticleEditorDialog) -> None:
        dialog.saved.connect(self._on_article_saved)
        self.dialog = dialog
        dialog.open()

    def toggle_archived(self) -> None:
        article = self.current
        if article is None or not self._ask_archive(article):
            return
        call = self._kb.unarchive if article.archived else self._kb.archive
        self._runner.run(
            partial(call, article.article_id, self._me.technician_id),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_article_saved,
            on_failure=self._failed,
        )

    def _ask_archive(self, article: ArticleDetail) -> bool:
        question = (
            self.tr("Bring {0} back into search and suggestions?")
            if article.archived
            else self.tr("Archive {0}? It leaves search and suggestions; its links stay.")
        )
        answer = QMessageBox.question(self, self.tr("Archive"), question.format(article.number))
        return answer == QMessageBox.StandardButton.Yes

    def _on_article_saved(self, article: ArticleDetail) -> None:
        self._show(article)
        self._notifier.announce(Changes(CHANGES_KIND, frozenset({article.article_id})))

    def _on_data_changed(self, changes: object) -> None:
        if isinstance(changes, Changes) and changes.kind in (CHANGES_KIND, "*"):
            self.reload_filters()
            self.refresh()
            if self.current is not None and (
                not changes.ids or self.current.article_id in changes.ids
            ):
                self.open_article(self.current.article_id)
        elif isinstance(changes, Changes) and changes.kind == "client":
            self.reload_filters()

    def _failed(self, error: BaseException) -> None:
        self.error.show_error(failure_text(error))


def _refill(box: QComboBox, items: list[tuple[str, object]], keep: int) -> None:
    """Replace the items after the first `keep` ones, keeping the selection if still there."""
    current = box.currentData()
    box.blockSignals(True)
    try:
        while box.count() > keep:
            box.removeItem(keep)
        for text, data in items:
            box.addItem(text, data)
        index = box.findData(current)
        box.setCurrentIndex(index if index >= 0 else 0)
    finally:
        box.blockSignals(False)
    if box.currentData() != current:
        box.currentIndexChanged.emit(box.currentIndex())
