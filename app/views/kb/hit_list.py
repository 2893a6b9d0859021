"""A list of KB articles or search hits: title, where it applies, and the matched words."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from app.services.kb_search import SearchHit
from app.services.knowledge_base import ArticleRow, LinkedArticle, article_number

from app.views.kb.texts import kb_tr, snippet_html

ArticleIdRole: Final = Qt.ItemDataRole.UserRole
TitleRole: Final = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class HitLine:
    """What one line of the list shows; `snippet` is already safe rich text."""

    article_id: int
    title: str
    detail: str
    snippet: str = ""


def hit_lines(
    rows: list[SearchHit] | list[ArticleRow] | list[LinkedArticle],
    client_names: dict[int, str] | None = None,
) -> list[HitLine]:
    """Lines for search hits, listed articles or linked articles."""
    names = client_names or {}
    lines = []
    for row in rows:
        if isinstance(row, SearchHit):
            scope = names.get(row.client_id, "") if row.client_id else kb_tr("Global")
            detail = " · ".join(
                x for x in (article_number(row.article_id), scope, row.category) if x
            )
            lines.append(HitLine(row.article_id, row.title, detail, snippet_html(row.snippet)))
        elif isinstance(row, ArticleRow):
            scope = row.client_name or kb_tr("Global")
            fields = (article_number(row.article_id), scope, row.category, " ".join(row.tags))
            lines.append(HitLine(row.article_id, row.title, " · ".join(f for f in fields if f)))
        else:
            detail = article_number(row.article_id)
            if row.archived:
                detail += " · " + kb_tr("archived")
            lines.append(HitLine(row.article_id, row.title, detail))
    return lines


class ArticleListWidget(QListWidget):
    """Articles as rich lines (escaped text, matches in bold). Emits `article_activated(id)`
    on double-click or Enter. GUI thread only."""

    article_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(self._on_activated)

    def set_lines(self, lines: list[HitLine], keep: int | None = None) -> None:
        """Show `lines`, keeping article `keep` (default: the current one) selected if it is
        still there. Emits no selection signals: the caller looks at the result."""
        current = keep if keep is not None else self.current_article_id()
        blocked = self.blockSignals(True)
        try:
            self._fill(lines, current)
        finally:
            self.blockSignals(blocked)

    def _fill(self, lines: list[HitLine], current: int | None) -> None:
        self.clear()
        for line in lines:
            item = QListWidgetItem()
            item.setData(ArticleIdRole, line.article_id)
            item.setData(TitleRole, line.title)
            item.setToolTip(line.title)
            label = QLabel(_line_html(line))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setContentsMargins(4, 2, 4, 2)
            # Plain text only: a label never opens links or loads resources.
            label.setOpenExternalLinks(False)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            item.setSizeHint(label.sizeHint())
            self.addItem(item)
            self.setItemWidget(item, label)
            if line.article_id == current:
                self.setCurrentItem(item)

    def article_ids(self) -> list[int]:
        return [int(self.item(i).data(ArticleIdRole)) for i in range(self.count())]

    def titles(self) -> list[str]:
        return [str(self.item(i).data(TitleRole)) for i in range(self.count())]

    def current_article_id(self) -> int | None:
        item = self.currentItem()
        return None if item is None else int(item.data(ArticleIdRole))

    def select_article(self, article_id: int, *, quiet: bool = False) -> bool:
        """Make the article's line current (without signals when `quiet`); False if absent."""
        for i in range(self.count()):
            if int(self.item(i).data(ArticleIdRole)) == article_id:
                blocked = self.blockSignals(quiet or self.signalsBlocked())
                try:
                    self.setCurrentRow(i)
                finally:
                    self.blockSignals(blocked)
                return True
        return False

    def _on_activated(self, item: QListWidgetItem) -> None:
        self.article_activated.emit(int(item.data(ArticleIdRole)))


def _line_html(line: HitLine) -> str:
    text = f"<b>{html.escape(line.title)}</b>"
    if line.detail:
        text += f" <span style='color:#666'>{html.escape(line.detail)}</span>"
    if line.snippet:
        text += f"<br><span style='color:#333'>{line.snippet}</span>"
    return text
