"""The ticket dialog's "Knowledge (n)" tab: linked articles, suggestions for the ticket's
description, search and link, open, and "Save solution to KB…" for resolved tickets (L2+).

A `TicketPanel` (app/views/tickets/ticket_panel.py): the dialog calls `show_ticket` with the
stored ticket; after each link, unlink or saved solution the panel emits `ticket_changed` so
the dialog announces the change and refreshes the timeline.
"""

from __future__ import annotations

from functools import partial
from typing import Final

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.models.enums import Role, Status
from app.services.directory import TechnicianRow
from app.services.kb_search import SearchHit
from app.services.knowledge_base import (
    SOLUTION_TIERS,
    ArticleDetail,
    KnowledgeBaseService,
    LinkedArticle,
    SolutionDraft,
)
from app.services.tickets import TicketDetail
from app.tasks import Lane, TaskRunner

from app.views.kb.article_browser import ArticleReaderDialog
from app.views.kb.article_editor import ArticleEditorDialog
from app.views.kb.hit_list import ArticleListWidget, hit_lines
from app.views.kb.texts import failure_text
from app.views.tickets.ticket_panel import TicketPanel
from app.views.widgets.form_errors import ErrorLabel

SEARCH_DELAY_MS: Final = 250
CANDIDATES: Final = 10
_SOLVED: Final = frozenset({Status.RESOLVED, Status.CLOSED})


def may_save_solution(me: TechnicianRow) -> bool:
    """L2/L3 technicians and administrators write solutions back to the KB (domain.md §1.1)."""
    if me.role is Role.READ_ONLY:
        return False
    return me.role is Role.ADMIN or me.tier in SOLUTION_TIERS


class KbPanel(TicketPanel):
    """Knowledge articles for one ticket. GUI thread only; database work on task lanes."""

    def __init__(
        self,
        kb: KnowledgeBaseService,
        runner: TaskRunner,
        me: TechnicianRow,
        ticket_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ticket_id, parent)
        self.title = self.tr("Knowledge")
        self._kb = kb
        self._runner = runner
        self._me = me
        self._detail: TicketDetail | None = None
        self._linked: list[LinkedArticle] = []
        self._seq = 0
        #: The reader or editor dialog last opened (tests drive it).
        self.dialog: ArticleReaderDialog | ArticleEditorDialog | None = None
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.find_articles)
        self.search_edit.textChanged.connect(self._timer.start)
        self.reload_linked()

    def _build(self) -> None:
        writer = self._me.role is not Role.READ_ONLY
        self.linked_list = ArticleListWidget()
        self.linked_list.article_activated.connect(self.open_article)
        self.open_button = QPushButton(self.tr("Open"))
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.open_button.clicked.connect(self._open_selected_linked)
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.unlink_button.setEnabled(writer)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search the knowledge base…"))
        self.search_edit.setClearButtonEnabled(True)
        self.candidates_label = QLabel(self.tr("Suggested for this ticket"))
        self.candidates = ArticleListWidget()
        self.candidates.article_activated.connect(self.open_article)
        self.link_button = QPushButton(self.tr("Link to ticket"))
        self.link_button.clicked.connect(self.link_selected)
        self.link_button.setEnabled(writer)
        self.save_solution_button = QPushButton(self.tr("Save solution to KB…"))
        self.save_solution_button.setEnabled(False)
        self.save_solution_button.clicked.connect(self.save_solution)
        self.error = ErrorLabel()

        linked_box = QGroupBox(self.tr("Linked articles"))
        linked_layout = QVBoxLayout(linked_box)
        linked_layout.addWidget(self.linked_list)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.unlink_button)
        row.addStretch(1)
        linked_layout.addLayout(row)
        find_box = QGroupBox(self.tr("Find an article"))
        find_layout = QVBoxLayout(find_box)
        find_layout.addWidget(self.search_edit)
        find_layout.addWidget(self.candidates_label)
        find_layout.addWidget(self.candidates)
        row = QHBoxLayout()
        row.addWidget(self.link_button)
        row.addStretch(1)
        find_layout.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(linked_box, 1)
        layout.addWidget(find_box, 2)
        layout.addWidget(self.error)

    # -- TicketPanel -----------------------------------------------------------------------------

    def show_ticket(self, detail: TicketDetail) -> None:
        self._detail = detail
        self.save_solution_button.setEnabled(
            detail.fields.status in _SOLVED and may_save_solution(self._me)
        )
        self.reload_linked()
        if not self.search_edit.text().strip():
            self.find_articles()

    def action_buttons(self) -> list[QPushButton]:
        return [self.save_solution_button]

    def tab_title(self) -> str:
        return self.tr("Knowledge (%n)", "", len(self._linked))

    # -- loading ---------------------------------------------------------------------------------

    def reload_linked(self) -> None:
        self._runner.run(
            partial(self._kb.linked, self.ticket_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_linked,
            on_failure=self._on_failed,
        )

    def _on_linked(self, rows: list[LinkedArticle]) -> None:
        self._linked = rows
        self.linked_list.set_lines(hit_lines(rows))
        tabs = _enclosing_tabs(self)
        if tabs is not None:
            tabs.setTabText(tabs.indexOf(self), self.tab_title())

    def linked_ids(self) -> list[int]:
        return [row.article_id for row in self._linked]

    def find_articles(self) -> None:
        """Search for the typed text, or suggest articles for the ticket's description."""
        self._timer.stop()
        self._seq += 1
        text = self.search_edit.text().strip()
        client_id = self._detail.fields.client_id if self._detail else None
        if text:
            self.candidates_label.setText(self.tr("Search results"))
            call = partial(self._kb.search, text, client_id, CANDIDATES)
        elif self._detail is not None:
            self.candidates_label.setText(self.tr("Suggested for this ticket"))
            f = self._detail.fields
            context = "\n".join((f.subject, f.description, f.steps_tried))
            call = partial(self._kb.suggest, context, client_id, CANDIDATES)
        else:
            self.candidates.set_lines([])
            return
        self._runner.run(
            call,
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_candidates, self._seq),
            on_failure=self._on_failed,
        )

    def _on_candidates(self, seq: int, hits: list[SearchHit]) -> None:
        if seq == self._seq:
            self.candidates.set_lines(hit_lines(hits))
            if self.candidates.count() and self.candidates.currentItem() is None:
                self.candidates.setCurrentRow(0)

    # -- actions ---------------------------------------------------------------------------------

    def link_selected(self) -> None:
        article_id = self.candidates.current_article_id()
        if article_id is None:
            return
        self._write(partial(self._kb.link, self.ticket_id, article_id, self._me.technician_id))

    def unlink_selected(self) -> None:
        article_id = self.linked_list.current_article_id()
        if article_id is None:
            return
        self._write(partial(self._kb.unlink, self.ticket_id, article_id, self._me.technician_id))

    def _write(self, call: partial[Changes]) -> None:
        self.error.clear_error()
        self._runner.run(
            call,
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_written,
            on_failure=self._on_failed,
        )

    def _on_written(self, changes: Changes) -> None:
        self.reload_linked()
        if changes.ids:
            self.ticket_changed.emit(changes)

    def _open_selected_linked(self) -> None:
        article_id = self.linked_list.current_article_id()
        if article_id is not None:
            self.open_article(article_id)

    def open_article(self, article_id: int) -> None:
        self._runner.run(
            partial(self._kb.get, article_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._show_reader,
            on_failure=self._on_failed,
        )

    def _show_reader(self, article: ArticleDetail) -> None:
        dialog = ArticleReaderDialog(article, self)
        self.dialog = dialog
        dialog.open()

    def save_solution(self) -> None:
        self._runner.run(
            partial(self._kb.solution_draft, self.ticket_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._show_solution_editor,
            on_failure=self._on_failed,
        )

    def _show_solution_editor(self, draft: SolutionDraft) -> None:
        dialog = ArticleEditorDialog(self._kb, self._runner, self._me, draft=draft, parent=self)
        dialog.saved.connect(self._on_solution_saved)
        self.dialog = dialog
        dialog.open()

    def _on_solution_saved(self, _article: ArticleDetail) -> None:
        self._on_written(Changes("ticket", frozenset({self.ticket_id})))

    def _on_failed(self, error: BaseException) -> None:
        self.error.show_error(failure_text(error))
        self.failed.emit(error)


def _enclosing_tabs(widget: QWidget) -> QTabWidget | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QTabWidget):
        parent = parent.parentWidget()
    return parent


def kb_panel_factory(
    kb: KnowledgeBaseService, runner: TaskRunner, me: TechnicianRow
) -> partial[KbPanel]:
    """The `TicketPanelFactory` the main window hands to every ticket dialog."""
    return partial(_make_panel, kb, runner, me)


def _make_panel(
    kb: KnowledgeBaseService,
    runner: TaskRunner,
    me: TechnicianRow,
    ticket_id: int,
    parent: QWidget,
) -> KbPanel:
    return KbPanel(kb, runner, me, ticket_id, parent)
