"""The client's wiki page on the client page: what a technician reads during a call."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from app.db import Changes
from app.services.client_wiki import ClientWikiService
from app.tasks import ChangeNotifier, Lane, TaskHandle, TaskRunner


class WikiPanel(QWidget):
    """Renders `ClientWikiService.page` for the selected client; reloads when the client changes.

    GUI thread only; the page is built on the read lane and a stale result is dropped.
    """

    def __init__(
        self,
        wiki: ClientWikiService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._wiki = wiki
        self._runner = runner
        self._client_id: int | None = None
        self._seq = 0
        self._task: TaskHandle | None = None
        self.browser = QTextBrowser()
        # Links in a client's page go to the client's portals: open them in the browser.
        self.browser.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        notifier.data_changed.connect(self._on_notifier_data_changed)

    def set_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        self.reload()

    def reload(self) -> None:
        self._seq += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if self._client_id is None:
            self.browser.clear()
            return
        self._task = self._runner.run(
            partial(self._wiki.page, self._client_id),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_loaded, self._seq),
            on_failure=partial(self._on_failed, self._seq),
        )

    def _on_loaded(self, seq: int, markdown: str) -> None:
        if seq == self._seq:
            self._task = None
            self.browser.setMarkdown(markdown)

    def _on_failed(self, seq: int, _error: BaseException) -> None:
        if seq == self._seq:
            self._task = None
            self.browser.setPlainText(self.tr("The wiki page could not be loaded."))

    def _on_notifier_data_changed(self, changes: object) -> None:
        if not isinstance(changes, Changes) or changes.kind not in ("client", "*"):
            return
        if self._client_id is not None and (not changes.ids or self._client_id in changes.ids):
            self.reload()
