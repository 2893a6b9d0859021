"""An article's kept versions: who saved each, when and why; view one; restore it."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Role
from app.services.directory import TechnicianRow
from app.services.knowledge_base import (
    ArticleDetail,
    KnowledgeBaseService,
    VersionDetail,
    VersionRow,
)
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.kb.article_browser import ArticleBrowser
from app.views.kb.texts import failure_text
from app.views.widgets.form_errors import ErrorLabel


class VersionsDialog(QDialog):
    """Lists the versions of one article, newest first. GUI thread only.

    Emits `restored(ArticleDetail)` after a restore (a new version with the old text).
    """

    restored = Signal(object)

    def __init__(
        self,
        kb: KnowledgeBaseService,
        runner: TaskRunner,
        me: TechnicianRow,
        article: ArticleDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._kb = kb
        self._runner = runner
        self._me = me
        self._article = article
        self.setWindowTitle(self.tr("Versions of {0}").format(article.number))
        self.resize(900, 560)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [self.tr("Version"), self.tr("Saved"), self.tr("By"), self.tr("Summary")]
        )
        self.table.currentItemChanged.connect(self._on_current_changed)
        self.browser = ArticleBrowser()
        self.error = ErrorLabel()
        self.restore_button = QPushButton(self.tr("Restore this version"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.browser)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self._runner.run(
            partial(self._kb.versions, self._article.article_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_versions,
            on_failure=self._on_failed,
        )

    def _on_versions(self, rows: list[VersionRow]) -> None:
        self.table.clear()
        for row in rows:
            item = QTreeWidgetItem(
                [
                    str(row.number),
                    labels.local_datetime(row.at),
                    row.author_name or "—",
                    row.summary,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, row.number)
            self.table.addTopLevelItem(item)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)

    def selected_number(self) -> int | None:
        item = self.table.currentItem()
        return None if item is None else int(item.data(0, Qt.ItemDataRole.UserRole))

    def _on_current_changed(self, *_args: object) -> None:
        number = self.selected_number()
        self.restore_button.setEnabled(
            number is not None
            and number != self._article.current_version
            and self._me.role is not Role.READ_ONLY
        )
        if number is None:
            self.browser.clear()
            return
        self._runner.run(
            partial(self._kb.version, self._article.article_id, number),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_version,
            on_failure=self._on_failed,
        )

    def _on_version(self, version: VersionDetail) -> None:
        if version.number == self.selected_number():
            self.browser.show_markdown(f"# {version.title}\n\n{version.body}")

    def restore_selected(self) -> None:
        number = self.selected_number()
        if number is None or not self._ask_restore(number):
            return
        self.error.clear_error()
        self._runner.run(
            partial(
                self._kb.restore,
                self._article.article_id,
                number,
                self._article.version,
                self._me.technician_id,
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_restored,
            on_failure=self._on_failed,
        )

    def _ask_restore(self, number: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("Make version {0} the current text? It is saved as a new version.").format(
                number
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_restored(self, article: ArticleDetail) -> None:
        self._article = article
        self.restored.emit(article)
        self.reload()

    def _on_failed(self, error: BaseException) -> None:
        self.error.show_error(failure_text(error))
