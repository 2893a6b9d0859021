"""A type-ahead line edit: debounced service search on the read lane, pick one record by id."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Final

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QListView, QWidget

from app.tasks import Lane, TaskHandle, TaskRunner

#: The record id (int) of a suggestion.
ItemIdRole: Final = Qt.ItemDataRole.UserRole + 1
#: The text a suggestion puts into the edit when chosen (str).
CompletionRole: Final = Qt.ItemDataRole.UserRole + 2
#: Pause after the last keystroke before searching, so typing a name costs one query.
DEBOUNCE_MS: Final = 200


@dataclass(frozen=True, slots=True)
class LookupItem:
    """One suggestion: built on the GUI thread from a DTO the search returned."""

    item_id: int
    #: Goes into the edit when chosen, and is what `selected_text()` compares against.
    text: str
    #: Shown after the text in the suggestion list only (code, e-mail, "VIP").
    detail: str = ""
    #: Shown in bold, e.g. VIP contacts.
    emphasised: bool = False


#: Runs on the read lane with the typed text; returns DTOs (never UI text).
SearchFn = Callable[[str], Sequence[Any]]
#: Runs on the GUI thread: words one DTO as a suggestion.
PresentFn = Callable[[Any], LookupItem]


class LookupEdit(QLineEdit):
    """A line edit whose suggestions come from a service search. GUI thread only.

    Typing restarts a 200 ms single-shot timer; when it fires, `search(text)` runs on the read
    lane and its DTOs become suggestions (stale answers are dropped). Choosing a suggestion
    selects its id; editing the text away from the chosen item clears the id again, so
    `selected_id()` is never out of step with what the user sees.
    """

    #: The chosen id changed; carries the new id (int) or None.
    selection_changed = Signal(object)
    #: New suggestions arrived (possibly none).
    suggestions_changed = Signal()
    #: The search failed; carries the exception. The owning form decides what to say.
    search_failed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        min_chars: int = 1,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._search: SearchFn | None = None
        self._present: PresentFn = _default_present
        self._min_chars = min_chars
        self._selected: LookupItem | None = None
        #: True while this widget puts a chosen item's text in, so that is not "editing away".
        self._choosing = False
        self._items: list[LookupItem] = []
        #: Bumped per search, so an answer to an older search never replaces a newer one.
        self._generation = 0
        self._pending: TaskHandle | None = None
        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        self._popup = QListView()
        self._popup.setUniformItemSizes(True)
        self._completer.setPopup(self._popup)  # takes ownership
        # The service already filtered (name, code, e-mail, "contains"); show what it found.
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCompletionRole(CompletionRole)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(12)
        # setWidget, not setCompleter: the edit must not rewrite the text on every highlight.
        self._completer.setWidget(self)
        # The QModelIndex overload names the exact row, even when two contacts share a name.
        # (PySide6's stubs, 6.11 and 6.12, do not declare overloaded signals as indexable.)
        activated = self._completer.activated[QModelIndex]  # type: ignore[index]
        activated.connect(self._on_completer_activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(self._on_text_edited)
        # textChanged, not textEdited: text set by code must also drop a stale choice.
        self.textChanged.connect(self._on_text_changed)
        self.editingFinished.connect(self._on_editing_finished)
        self.setClearButtonEnabled(True)

    # -- configuration -------------------------------------------------------------------------

    def set_source(self, search: SearchFn | None, present: PresentFn | None = None) -> None:
        """Search with `search` from now on (None: no suggestions); forgets old suggestions."""
        self._search = search
        self._present = present or _default_present
        self._generation += 1
        self._timer.stop()
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        self._set_items([])

    def popup(self) -> QListView:
        """The suggestion list (its model is the completer's view of the suggestions)."""
        return self._popup

    # -- selection -----------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        return self._selected.item_id if self._selected else None

    def selected_item(self) -> LookupItem | None:
        return self._selected

    def set_selection(self, item: LookupItem | None) -> None:
        """Show `item` as chosen (or clear the edit for None) without searching."""
        self._timer.stop()
        self._set_chosen(item)

    def suggestions(self) -> list[LookupItem]:
        """The suggestions currently offered, in order."""
        return list(self._items)

    def choose_suggestion(self, row: int) -> None:
        """Choose the `row`th suggestion, as clicking it in the list does."""
        item = self._items[row]
        self._popup.hide()
        self._set_chosen(item)

    def search_now(self) -> None:
        """Search for the current text at once (the debounce timer calls this)."""
        self._timer.stop()
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        text = self.text().strip()
        self._generation += 1
        if self._search is None or len(text) < self._min_chars:
            self._set_items([])
            return
        generation = self._generation
        self._pending = self._runner.run(
            partial(self._search, text),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_results, generation),
            on_failure=partial(self._on_search_failed, generation),
        )

    # -- events --------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self._popup
        if popup.isVisible() and event.key() in (
            Qt.Key.Key_Enter,
            Qt.Key.Key_Return,
            Qt.Key.Key_Escape,
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            # The completer's popup handles these (choose, dismiss); don't also act on them here.
            event.ignore()
            return
        if event.key() == Qt.Key.Key_Down and not popup.isVisible():
            # Down on a closed list opens it, searching if there is nothing to show yet.
            if self._items:
                self._show_popup()
            else:
                self.search_now()
            return
        super().keyPressEvent(event)

    def _on_text_edited(self, _text: str) -> None:
        self._timer.start()

    def _on_text_changed(self, text: str) -> None:
        if self._choosing:
            return
        if self._selected is not None and text != self._selected.text:
            self._select(None)

    def _on_editing_finished(self) -> None:
        # Typing a suggestion's exact text and leaving the field counts as choosing it.
        if self._selected is not None or self._popup.isVisible():
            return
        typed = self.text().strip().casefold()
        matches = [i for i in self._items if i.text.casefold() == typed]
        if typed and len(matches) == 1:
            self._set_chosen(matches[0])

    def _on_completer_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        item_id = index.data(ItemIdRole)
        for row, item in enumerate(self._items):
            if item.item_id == item_id:
                self.choose_suggestion(row)
                return

    def _on_results(self, generation: int, rows: Sequence[Any]) -> None:
        self._pending = None
        if generation != self._generation:
            return
        self._set_items([self._present(r) for r in rows])
        if self._items and self.hasFocus() and self._selected is None:
            self._show_popup()

    def _on_search_failed(self, generation: int, error: BaseException) -> None:
        self._pending = None
        if generation == self._generation:
            self.search_failed.emit(error)

    # -- internals -----------------------------------------------------------------------------

    def _set_chosen(self, item: LookupItem | None) -> None:
        self._choosing = True
        try:
            self.setText(item.text if item else "")
        finally:
            self._choosing = False
        self._select(item)

    def _select(self, item: LookupItem | None) -> None:
        before = self.selected_id()
        self._selected = item
        if self.selected_id() != before:
            self.selection_changed.emit(self.selected_id())

    def _set_items(self, items: list[LookupItem]) -> None:
        self._items = items
        self._model.clear()
        for item in items:
            text = f"{item.text}  —  {item.detail}" if item.detail else item.text
            row = QStandardItem(text)
            row.setData(item.item_id, ItemIdRole)
            row.setData(item.text, CompletionRole)
            row.setEditable(False)
            if item.emphasised:
                font = QFont(self.font())
                font.setBold(True)
                row.setFont(font)
            self._model.appendRow(row)
        if not items:
            self._popup.hide()
        self.suggestions_changed.emit()

    def _show_popup(self) -> None:
        self._completer.setCompletionPrefix("")
        self._completer.complete()


def _default_present(row: Any) -> LookupItem:
    if isinstance(row, LookupItem):
        return row
    raise TypeError(f"no presenter for {type(row).__name__}; pass one to set_source()")
