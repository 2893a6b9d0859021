"""KB articles suggested while a ticket's description is typed (New-call dialog, K4).

`set_context(text, client_id)` may be called on every keystroke: the lookup runs on the read
lane after a pause in typing, and an answer to older text is dropped. Activating a suggestion
(double-click or Enter, or "Open") emits `article_chosen(article_id)`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Final

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.kb_search import SearchHit
from app.services.knowledge_base import KnowledgeBaseService
from app.tasks import Lane, TaskRunner

from app.views.kb.article_browser import open_article_dialog
from app.views.kb.hit_list import ArticleListWidget, hit_lines
from app.views.tickets.ticket_form import TicketForm

SUGGEST_DELAY_MS: Final = 400
SUGGESTIONS: Final = 5


class SuggestionsWidget(QWidget):
    """A short list of articles for the text being typed. GUI thread only."""

    article_chosen = Signal(int)

    def __init__(
        self,
        kb: KnowledgeBaseService,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        delay_ms: int = SUGGEST_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._kb = kb
        self._runner = runner
        self._text = ""
        self._client_id: int | None = None
        self._seq = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh)
        self.heading = QLabel(self.tr("Knowledge base suggestions"))
        self.empty_label = QLabel(self.tr("No matching articles yet."))
        self.list = ArticleListWidget()
        self.list.article_activated.connect(self.article_chosen)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self._choose_current)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(row)
        self._show([])

    def set_context(self, text: str, client_id: int | None) -> None:
        """The description as typed so far and the caller's client (None: global only)."""
        if text == self._text and client_id == self._client_id:
            return
        self._text, self._client_id = text, client_id
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        self._seq += 1
        if not self._text.strip():
            self._show([])
            return
        self._runner.run(
            partial(self._kb.suggest, self._text, self._client_id, SUGGESTIONS),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_hits, self._seq),
            # Suggestions are a help, not a task: a failed lookup just shows none.
            on_failure=partial(self._on_failed, self._seq),
        )

    def article_ids(self) -> list[int]:
        return self.list.article_ids()

    def _on_hits(self, seq: int, hits: list[SearchHit]) -> None:
        if seq == self._seq:
            self._show(hits)

    def _on_failed(self, seq: int, _error: BaseException) -> None:
        if seq == self._seq:
            self._show([])

    def _show(self, hits: list[SearchHit]) -> None:
        self.list.set_lines(hit_lines(hits))
        self.list.setVisible(bool(hits))
        self.empty_label.setVisible(not hits)
        self.open_button.setEnabled(bool(hits))
        if hits:
            self.list.setCurrentRow(0)

    def _choose_current(self) -> None:
        article_id = self.list.current_article_id()
        if article_id is not None:
            self.article_chosen.emit(article_id)


def suggest_while_typing(
    kb: KnowledgeBaseService,
    runner: TaskRunner,
    form: TicketForm,
    client_id: Callable[[], int | None],
    parent: QWidget,
) -> SuggestionsWidget:
    """Suggestions for what is typed in a new ticket's subject and description (for the
    client `client_id()` returns); a chosen article opens over `parent`."""
    widget = SuggestionsWidget(kb, runner, parent)

    def typed() -> None:
        text = form.subject.text() + "\n" + form.description.toPlainText()
        widget.set_context(text, client_id())

    form.subject.textChanged.connect(typed)
    form.description.textChanged.connect(typed)
    widget.article_chosen.connect(
        lambda article_id: open_article_dialog(kb, runner, article_id, parent)
    )
    return widget
