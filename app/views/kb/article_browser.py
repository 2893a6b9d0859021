"""Safe rendering of KB Markdown: no raw HTML, nothing fetched, links opened only on purpose.

Articles are typed by many people and pasted from vendor pages and e-mails, so the text is
untrusted. `ArticleBrowser` renders it with Qt's Markdown reader with HTML disabled (tags show
as the text they are), answers every resource request itself (images become a placeholder, no
network, no file:// or relative paths), never follows a link inside the widget, and hands
http(s) and mailto links to the system browser only when clicked, through `open_url` (a hook
tests replace). Any other scheme (javascript:, file:, data:…) is ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Final

from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.services.knowledge_base import ArticleDetail, KnowledgeBaseService
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.kb.texts import kb_tr

#: Links the system browser may open when the technician clicks one.
EXTERNAL_SCHEMES: Final = frozenset({"http", "https", "mailto"})
_FEATURES: Final = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)


class ArticleBrowser(QTextBrowser):
    """A read-only Markdown view that never loads anything. GUI thread only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.anchorClicked.connect(self._on_anchor_clicked)
        #: Opens a clicked http(s)/mailto link outside the app; tests replace it.
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        #: Every resource the document asked for (for tests and diagnostics), never fetched.
        self.requested: list[QUrl] = []
        self._placeholder: QImage | None = None

    def show_markdown(self, markdown: str) -> None:
        """Render `markdown` safely (raw HTML shows as text)."""
        self.document().setMarkdown(markdown, _FEATURES)

    def show_article(self, article: ArticleDetail) -> None:
        """The article with a plain header line: who changed it when, which version."""
        self.show_markdown(article_markdown(article))

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Answer every resource request with a placeholder: nothing is read or fetched."""
        self.requested.append(QUrl(name))
        if type == QTextDocument.ResourceType.ImageResource.value:
            return self._placeholder_image()
        return None

    def _placeholder_image(self) -> QImage:
        if self._placeholder is None:
            image = QImage(220, 28, QImage.Format.Format_ARGB32)
            image.fill(QColor("#eeeeee"))
            painter = QPainter(image)
            painter.setPen(QColor("#555555"))
            painter.drawRect(0, 0, 219, 27)
            painter.drawText(
                QRect(0, 0, 220, 28),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Image not loaded"),
            )
            painter.end()
            self._placeholder = image
        return self._placeholder

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in EXTERNAL_SCHEMES and url.isValid():
            self.open_url(url)


def article_markdown(article: ArticleDetail) -> str:
    """The article's Markdown under a title and a line about its version."""
    scope = article.client_name or kb_tr("Global")
    meta = kb_tr("{0} · {1} · version {2} · {3} by {4}").format(
        article.number,
        scope,
        article.current_version,
        labels.local_datetime(article.updated_at),
        article.updated_by_name or "—",
    )
    title = _escape(article.title)
    return f"# {title}\n\n*{_escape(meta)}*\n\n{article.body}"


def _escape(text: str) -> str:
    """`text` as literal Markdown on one line."""
    out = []
    for ch in " ".join(text.split()):
        out.append("\\" + ch if ch in "\\`*_{}[]()#+-.!|<>&~" else ch)
    return "".join(out)


class ArticleReaderDialog(QDialog):
    """A window showing one article, read-only (opened from a ticket or a suggestion)."""

    def __init__(self, article: ArticleDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{0}: {1}").format(article.number, article.title))
        self.resize(720, 560)
        self.browser = ArticleBrowser()
        self.browser.show_article(article)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def open_article_dialog(
    kb: KnowledgeBaseService, runner: TaskRunner, article_id: int, parent: QWidget
) -> None:
    """Load the article on the read lane and show it in an `ArticleReaderDialog` over `parent`
    (e.g. for `SuggestionsWidget.article_chosen` in the New-call dialog)."""

    def show(article: ArticleDetail) -> None:
        ArticleReaderDialog(article, parent).open()

    runner.run(partial(kb.get, article_id), lane=Lane.READ, owner=parent, on_success=show)
