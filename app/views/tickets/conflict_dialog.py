"""The ticket dialog's questions: someone else saved first (conflict, compare), unsaved edits."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import ConcurrentEditError
from app.services.tickets import TicketFields

from app.views import labels
from app.views.tickets.field_labels import TicketNames, field_label, value_text

#: A compare cell shows this much of a long text; the panes below show all of it.
_CELL_CHARS: Final = 160
#: Fields in the order the ticket form shows them, so the compare reads like the form.
_FORM_ORDER: Final = (
    "client_id",
    "contact_id",
    "subject",
    "type",
    "source",
    "category",
    "priority",
    "status",
    "tier",
    "queue_id",
    "assignee_id",
    "description",
    "occurs_when_where",
    "occurs_circumstances",
    "not_occurs_circumstances",
    "steps_tried",
)
#: Role holding a cell's whole text.
_FULL_TEXT: Final = Qt.ItemDataRole.UserRole + 1


def _t(text: str) -> str:
    return QCoreApplication.translate("tickets", text)


class ConflictChoice(enum.Enum):
    """The technician's answer to "someone else saved first"."""

    #: Discard my edits and load the stored ticket.
    RELOAD = enum.auto()
    #: Show where mine and theirs differ before deciding.
    COMPARE = enum.auto()
    #: Keep my edits on screen; saving still conflicts until I reload or overwrite.
    KEEP_EDITING = enum.auto()


class CompareChoice(enum.Enum):
    """How the technician leaves the compare dialog."""

    #: Back to the editor with my edits, nothing decided.
    BACK = enum.auto()
    #: Discard mine, load theirs.
    RELOAD = enum.auto()
    #: Save mine over theirs, knowingly (their version becomes the expected one).
    OVERWRITE = enum.auto()


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """One field where my edit and the stored ticket disagree, worded for display."""

    name: str
    label: str
    yours: str
    theirs: str


def conflict_text(error: ConcurrentEditError) -> str:
    """ "This ticket was changed by … at … while you were editing. Nothing was saved." """
    who = error.changed_by or _t("another technician")
    if error.changed_at is not None:
        return _t(
            "This ticket was changed by {0} at {1} while you were editing. Nothing was saved."
        ).format(who, labels.local_datetime(error.changed_at))
    return _t("This ticket was changed by {0} while you were editing. Nothing was saved.").format(
        who
    )


def ask_conflict(parent: QWidget, error: ConcurrentEditError) -> ConflictChoice:
    """Ask what to do about a conflict; blocks in a nested event loop. GUI thread only."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_t("Ticket changed by someone else"))
    box.setText(conflict_text(error))
    box.setInformativeText(
        _t(
            "Reload shows their version and discards your edits. Compare lists the fields "
            "that differ. Keep editing leaves your edits on screen; saving will ask again."
        )
    )
    reload_button = box.addButton(_t("&Reload"), QMessageBox.ButtonRole.DestructiveRole)
    compare_button = box.addButton(_t("&Compare…"), QMessageBox.ButtonRole.ActionRole)
    keep_button = box.addButton(_t("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(compare_button)
    box.setEscapeButton(keep_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is reload_button:
        return ConflictChoice.RELOAD
    if clicked is compare_button:
        return ConflictChoice.COMPARE
    return ConflictChoice.KEEP_EDITING


def differences(
    mine: TicketFields, theirs: TicketFields, names: TicketNames
) -> list[FieldDifference]:
    """The fields where `mine` differs from `theirs`, in form order, worded with `names`."""
    result = []
    names_in_order = sorted(
        (f.name for f in dataclasses.fields(TicketFields)),
        key=lambda n: _FORM_ORDER.index(n) if n in _FORM_ORDER else len(_FORM_ORDER),
    )
    for name in names_in_order:
        a, b = getattr(mine, name), getattr(theirs, name)
        if a != b:
            result.append(
                FieldDifference(
                    name, field_label(name), value_text(name, a, names), value_text(name, b, names)
                )
            )
    return result


class CompareDialog(QDialog):
    """Field | Yours | Theirs for each difference; the buttons return a `CompareChoice`.

    GUI thread only. Read `choice()` once it closes; Escape or closing means `BACK`.
    """

    def __init__(
        self,
        diffs: Sequence[FieldDifference],
        their_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your edits and {0}'s version").format(their_name))
        self._choice = CompareChoice.BACK
        intro = QLabel(
            self.tr(
                "These fields differ between what you typed and what {0} saved. "
                "Nothing has been saved yet."
            ).format(their_name)
            if diffs
            else self.tr("Your fields match the stored ticket; only the version differs.")
        )
        intro.setWordWrap(True)
        model = QStandardItemModel(0, 3, self)
        model.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Yours"), self.tr("Theirs")])
        for d in diffs:
            row = [QStandardItem(d.label), _cell(d.yours), _cell(d.theirs)]
            for item in row:
                item.setEditable(False)
            model.appendRow(row)
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Long texts (description, capture) are compared in full below the one-line table.
        self.yours = _viewer()
        self.theirs = _viewer()
        panes = QSplitter(Qt.Orientation.Horizontal)
        for title, viewer in ((self.tr("Yours"), self.yours), (self.tr("Theirs"), self.theirs)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(viewer)
            panes.addWidget(box)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(panes)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        selection = self.table.selectionModel()
        if selection is not None:
            selection.currentRowChanged.connect(self._show_row)
        if diffs:
            self.table.selectRow(0)

        buttons = QDialogButtonBox()
        self.back_button = buttons.addButton(
            self.tr("&Back to editing"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.reload_button = QPushButton(self.tr("&Reload theirs"))
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.overwrite_button = QPushButton(self.tr("&Overwrite with mine"))
        self.overwrite_button.setToolTip(
            self.tr("Save your values over theirs; their changes to these fields are lost")
        )
        buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.AcceptRole)
        # The safe choice is the default: Enter never overwrites anybody's work.
        self.back_button.setDefault(True)
        self.back_button.clicked.connect(lambda: self._finish(CompareChoice.BACK))
        self.reload_button.clicked.connect(lambda: self._finish(CompareChoice.RELOAD))
        self.overwrite_button.clicked.connect(lambda: self._finish(CompareChoice.OVERWRITE))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(820, 520)

    def choice(self) -> CompareChoice:
        return self._choice

    def _show_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        model = self.table.model()
        self.yours.setPlainText(str(model.index(current.row(), 1).data(_FULL_TEXT) or ""))
        self.theirs.setPlainText(str(model.index(current.row(), 2).data(_FULL_TEXT) or ""))

    def _finish(self, choice: CompareChoice) -> None:
        self._choice = choice
        if choice is CompareChoice.BACK:
            self.reject()
        else:
            self.accept()


def _cell(text: str) -> QStandardItem:
    line = " ⏎ ".join(text.splitlines()) if "\n" in text else text
    short = line if len(line) <= _CELL_CHARS else line[:_CELL_CHARS] + "…"
    item = QStandardItem(short or "—")
    item.setData(text, _FULL_TEXT)
    return item


def _viewer() -> QPlainTextEdit:
    viewer = QPlainTextEdit()
    viewer.setReadOnly(True)
    return viewer


def ask_compare(
    parent: QWidget, diffs: Sequence[FieldDifference], their_name: str
) -> CompareChoice:
    """Show the compare dialog and wait for the choice. GUI thread only."""
    dialog = CompareDialog(diffs, their_name, parent)
    dialog.exec()
    choice = dialog.choice()
    dialog.deleteLater()
    return choice


def ask_unsaved(parent: QWidget, number: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel before closing a ticket with unsaved edits. GUI thread only."""
    buttons = (
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    return QMessageBox.question(
        parent,
        _t("Unsaved changes"),
        _t("Save your changes to {0} before closing?").format(number),
        buttons,
        QMessageBox.StandardButton.Save,
    )
