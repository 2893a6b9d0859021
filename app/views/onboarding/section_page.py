"""The right-hand page of one section: header, save state, messages, and the section editor.

A page knows what it shows (the section's last known `SectionState`, the version its typing
started from, whether there is unsaved typing) but calls no service: `OnboardingView` does.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import ConcurrentEditError
from app.services.onboarding import FormChoices, SectionState
from app.services.onboarding_spec import Section

from app.views import labels
from app.views.onboarding import texts
from app.views.onboarding.section_editor import SectionEditor
from app.views.onboarding.section_list import Marker
from app.views.onboarding.texts import tr
from app.views.widgets.form_errors import ErrorLabel

#: Quiet time after the last edit before the draft is written.
AUTOSAVE_MS: Final = 1_000
#: Notes (draft, conflict) on a pale amber strip, so they read as "attention", not "error".
_NOTE_STYLE: Final = (
    "QFrame#conflictBar, QLabel#draftNote { background: #fff4e0; border: 1px solid #e8c27a;"
    " border-radius: 4px; padding: 6px; color: #5c3b00; }"
)


def _title_label(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _purpose_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setEnabled(False)  # greyed: explains, is not content
    return label


class SectionPage(QWidget):
    """One section's page. GUI thread only.

    `dirty` is True from the user's first edit until a save or a reload replaces the typing;
    `base_version` is the saved version the typing started from (the save's expected version).
    """

    #: The Save button was clicked.
    save_clicked = Signal()
    #: The Discard draft button was clicked.
    discard_clicked = Signal()
    #: The autosave delay passed after the last edit: time to write the draft.
    draft_due = Signal()
    #: "Load their version" was clicked after a conflict.
    load_theirs_clicked = Signal()

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.state: SectionState | None = None
        self.base_version: int | None = None
        self.dirty = False
        #: A draft of this section is stored (loaded, autosaved, or kept by a refused save).
        self.has_draft = False
        self._busy = False

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.draft_due)

        self.editor = SectionEditor(section, self)
        self.editor.edited.connect(self._on_editor_edited)
        self._build()

    def _build(self) -> None:
        self.setStyleSheet(_NOTE_STYLE)
        self.title_label = _title_label(
            texts.section_heading(self.section.number, self.section.title)
        )
        self.purpose_label = _purpose_label(tr(self.section.purpose))
        self.status_label = QLabel()
        self.status_label.setObjectName("sectionStatus")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_clicked)
        self.discard_button = QPushButton(self.tr("Discard draft"))
        self.discard_button.setToolTip(
            self.tr("Throw away the unsaved typing; show the saved data")
        )
        self.discard_button.clicked.connect(self.discard_clicked)

        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.discard_button)
        top.addWidget(self.save_button)

        self.draft_note = QLabel()
        self.draft_note.setObjectName("draftNote")
        self.draft_note.setWordWrap(True)
        self.draft_note.hide()

        self.conflict_bar = QFrame()
        self.conflict_bar.setObjectName("conflictBar")
        self.conflict_label = QLabel()
        self.conflict_label.setWordWrap(True)
        self.load_theirs_button = QPushButton(self.tr("Load their version"))
        self.load_theirs_button.setToolTip(self.tr("Discards your typing in this section"))
        self.load_theirs_button.clicked.connect(self.load_theirs_clicked)
        self.keep_mine_button = QPushButton(self.tr("Keep mine"))
        self.keep_mine_button.setToolTip(self.tr("The next Save replaces their version with yours"))
        self.keep_mine_button.clicked.connect(self._on_keep_mine_button_clicked)
        bar = QHBoxLayout(self.conflict_bar)
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.conflict_label, 1)
        bar.addWidget(self.keep_mine_button)
        bar.addWidget(self.load_theirs_button)
        self.conflict_bar.hide()
        #: The version the other technician saved, adopted by "Keep mine".
        self._their_version: int | None = None

        self.message = ErrorLabel(self)
        self.message.setObjectName("pageMessage")

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.editor)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.purpose_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.draft_note)
        layout.addWidget(self.conflict_bar)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self._update_buttons()

    # --- what is shown --------------------------------------------------------------------

    def set_choices(self, choices: FormChoices) -> None:
        self.editor.set_choices(choices)

    def show_state(self, state: SectionState | None) -> None:
        """Show `state` in the editor: its draft if it has one, else its saved data."""
        self.autosave_timer.stop()
        self.state = state
        self.dirty = False
        self._their_version = None
        self.conflict_bar.hide()
        self.message.clear_error()
        if state is not None and state.draft is not None:
            self.editor.load(state.draft)
            self.base_version = state.draft_base_version
            self.has_draft = True
        else:
            self.editor.load(state.data if state else None)
            self.base_version = state.version if state else None
            self.has_draft = False
        self._update_header()

    def update_state(self, state: SectionState) -> None:
        """Take a newer state without touching the typing (the user is editing)."""
        self.state = state
        self._update_header()

    def show_saved(self, state: SectionState) -> None:
        """A save went through: show the stored (normalised) document and its version."""
        self.show_state(state)
        self.status_label.setText(self._saved_text(state))

    def draft_kept(self, at: dt.datetime) -> None:
        self.has_draft = True
        self.status_label.setText(
            self.tr("Draft saved %1").replace("%1", labels.local_instant(at, at))
        )
        self._update_buttons()

    def show_conflict(self, error: ConcurrentEditError) -> None:
        """Someone saved first: say who and when; the typing stays until the user chooses."""
        who = error.changed_by or self.tr("another technician")
        when = labels.local_datetime(error.changed_at) if error.changed_at else ""
        text = (
            self.tr("%1 saved this section at %2 while you were editing.")
            .replace("%1", who)
            .replace("%2", when)
            if when
            else self.tr("%1 saved this section while you were editing.").replace("%1", who)
        )
        self.conflict_label.setText(
            text + " " + self.tr("Your typing is still here and kept as a draft.")
        )
        # A missing row (version 0) means theirs is gone: "keep mine" is then a first save.
        self._their_version = error.current_version or None
        self.conflict_bar.show()

    def show_message(self, text: str) -> None:
        self.message.show_error(text)

    def set_busy(self, busy: bool) -> None:
        """Freeze the page while its save is in flight."""
        self._busy = busy
        self.editor.set_read_only(busy)
        if busy:
            self.status_label.setText(self.tr("Saving…"))
        self._update_buttons()

    def marker(self) -> Marker:
        if self.dirty or self.has_draft:
            return Marker.DRAFT
        if self.state is not None and self.state.version is not None:
            return Marker.SAVED
        return Marker.NOT_STARTED

    def conflict_text(self) -> str:
        return "" if self.conflict_bar.isHidden() else self.conflict_label.text()

    # --- internals ------------------------------------------------------------------------

    def _update_header(self) -> None:
        state = self.state
        self.status_label.setText(self._saved_text(state))
        note = ""
        if state is not None and self.has_draft and state.draft is not None and not self.dirty:
            note = (
                self.tr("Unsaved draft from %1 by %2.")
                .replace("%1", labels.local_datetime(state.draft_at))
                .replace("%2", state.draft_by or self.tr("unknown"))
            )
        if (
            state is not None
            and state.version != self.base_version
            and (self.dirty or self.has_draft)
        ):
            note += (" " if note else "") + self.tr(
                "Someone saved this section since this typing started; saving will ask whether "
                "to keep yours or theirs."
            )
        self.draft_note.setText(note)
        self.draft_note.setVisible(bool(note))
        self._update_buttons()

    def _saved_text(self, state: SectionState | None) -> str:
        if state is None or state.version is None:
            return self.tr("Not saved yet.")
        return (
            self.tr("Saved %1 by %2.")
            .replace("%1", labels.local_datetime(state.saved_at))
            .replace("%2", state.saved_by or self.tr("unknown"))
        )

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(not self._busy)
        self.discard_button.setEnabled(not self._busy and (self.dirty or self.has_draft))

    def _on_editor_edited(self) -> None:
        self.dirty = True
        self.message.clear_error()
        self.autosave_timer.start()
        self._update_buttons()

    def _on_keep_mine_button_clicked(self) -> None:
        self.base_version = self._their_version
        self.conflict_bar.hide()
        self.status_label.setText(self.tr("Your version will replace theirs when you save."))
        self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)


class VaultPage(QWidget):
    """The page of a section kept in the vault (admin credentials): it only points there."""

    #: The user asked to open the client's Credentials tab.
    open_credentials = Signal()

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        explanation = QLabel(
            self.tr(
                "Admin credentials are never typed into this form. Add them to the client's "
                "vault on the Credentials tab: they are encrypted there, and every reveal is "
                "audited. Servers and remote methods on the other pages link to vault items."
            )
        )
        explanation.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open the Credentials tab"))
        self.open_button.clicked.connect(self.open_credentials)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(_title_label(texts.section_heading(section.number, section.title)))
        layout.addWidget(_purpose_label(tr(section.purpose)))
        layout.addSpacing(8)
        layout.addWidget(explanation)
        layout.addLayout(row)
        layout.addStretch(1)
