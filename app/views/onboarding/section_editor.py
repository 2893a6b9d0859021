"""The editor of one data-capture section, built from its spec: fields in a form, then tables."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.onboarding import FormChoices
from app.services.onboarding_spec import Field, Kind, Section

from app.views.onboarding import texts
from app.views.onboarding.row_model import CHOICE_KINDS
from app.views.onboarding.table_editor import TableEditor, zone_completer
from app.views.onboarding.texts import tr
from app.views.widgets.form_errors import ErrorLabel

#: Dynamic property that outlines a refused field in red (see `FIELD_STYLE`).
INVALID_PROPERTY: Final = "invalid"
#: The section editor's style sheet: the red outline of a refused field.
FIELD_STYLE: Final = (
    'QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"]'
    " { border: 2px solid #b3261e; border-radius: 3px; }"
    ' QCheckBox[invalid="true"] { color: #b3261e; }'
)
#: "sites[2].timezone" → table, row, column; "sites[2]" → table, row.
_CELL: Final = re.compile(r"(?P<table>\w+)\[(?P<row>\d+)\](?:\.(?P<column>\w+))?")
#: Multi-line fields whose text is a page rather than a note get a taller box.
_TALL_LENGTH: Final = 20_000

FieldWidget = QLineEdit | QPlainTextEdit | QCheckBox | QComboBox


@dataclass(slots=True)
class _FieldSlot:
    spec: Field
    widget: FieldWidget
    error: ErrorLabel


def reference_options(kind: Kind, choices: FormChoices) -> list[tuple[str, str]]:
    """(label, value) entries of a reference kind from the form's choices."""
    found = {
        Kind.CONTACT: choices.contacts,
        Kind.CREDENTIAL: choices.credentials,
        Kind.POLICY: choices.policies,
        Kind.TECHNICIAN: choices.technicians,
    }.get(kind, ())
    return [(c.label, c.value) for c in found]


def options_for(spec: Field, choices: FormChoices) -> list[tuple[str, str]]:
    """A combo box's entries: an empty one first unless the field is required."""
    if spec.kind is Kind.CHOICE:
        entries = [(texts.choice_label(spec.key, v), v) for v in spec.choices]
    else:
        entries = reference_options(spec.kind, choices)
    return entries if spec.required else [("", ""), *entries]


class SectionEditor(QWidget):
    """Widgets for one section's fields and tables; reads and shows the raw form values.

    `raw()` is what the service takes (field → text, bool → bool, table → rows of text); `load()`
    accepts either a saved (typed) document or a draft. GUI thread only.
    """

    #: The user changed something (not emitted while loading).
    edited = Signal()

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self._slots: dict[str, _FieldSlot] = {}
        self.tables: dict[str, TableEditor] = {}
        #: True while `load()` fills the widgets, so their change signals are not edits.
        self._loading = False
        self._choices = FormChoices((), (), (), ())
        self.setStyleSheet(FIELD_STYLE)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if section.fields:
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for spec in section.fields:
                slot = self._build_field(spec)
                self._slots[spec.key] = slot
                cell = QWidget()
                cell_layout = QVBoxLayout(cell)
                cell_layout.setContentsMargins(0, 0, 0, 0)
                cell_layout.setSpacing(2)
                cell_layout.addWidget(slot.widget)
                if spec.hint:
                    hint = QLabel(tr(spec.hint))
                    hint.setWordWrap(True)
                    hint.setEnabled(False)  # greyed: help, not content
                    cell_layout.addWidget(hint)
                cell_layout.addWidget(slot.error)
                label = tr(spec.label) + (" *" if spec.required else "")
                form.addRow(label, cell)
            layout.addLayout(form)
        for table in section.tables:
            editor = TableEditor(table, self)
            editor.model.edited.connect(self._on_part_edited)
            self.tables[table.key] = editor
            layout.addWidget(editor, 1)
        if not section.tables:
            layout.addStretch(1)

    # --- building -------------------------------------------------------------------------

    def _build_field(self, spec: Field) -> _FieldSlot:
        widget: FieldWidget
        if spec.kind is Kind.BOOL:
            widget = QCheckBox(tr(spec.hint) if spec.hint else "")
            widget.toggled.connect(self._on_part_edited)
        elif spec.kind is Kind.MULTILINE:
            widget = QPlainTextEdit()
            widget.setTabChangesFocus(True)
            widget.setMinimumHeight(220 if spec.max_length >= _TALL_LENGTH else 90)
            widget.textChanged.connect(self._on_part_edited)
        elif spec.kind in CHOICE_KINDS:
            widget = QComboBox()
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            # `activated` fires for the user's choice only, never for loading.
            widget.activated.connect(self._on_part_edited)
        else:
            widget = QLineEdit()
            widget.setMaxLength(spec.max_length * 2)  # room to see "too long", not unlimited
            if spec.kind is Kind.TIMEZONE:
                widget.setCompleter(zone_completer(widget))
                widget.setPlaceholderText("Europe/Brussels")
            widget.textEdited.connect(self._on_part_edited)
        widget.setObjectName(f"field_{spec.key}")
        widget.setAccessibleName(tr(spec.label))
        if spec.hint and spec.kind is not Kind.BOOL:
            widget.setToolTip(tr(spec.hint))
        error = ErrorLabel(self)
        error.setObjectName(f"error_{spec.key}")
        return _FieldSlot(spec, widget, error)

    # --- public API -----------------------------------------------------------------------

    def widget(self, key: str) -> FieldWidget:
        """The widget of field `key` (for tests and focus)."""
        return self._slots[key].widget

    def error_text(self, key: str) -> str:
        """The message shown under field `key`; "" when none."""
        error = self._slots[key].error
        return "" if error.isHidden() else error.text()

    def set_choices(self, choices: FormChoices) -> None:
        """Refill combo boxes and reference columns; the current values are kept."""
        self._choices = choices
        values = {key: self._value(slot) for key, slot in self._slots.items()}
        self._loading = True
        try:
            for key, slot in self._slots.items():
                if isinstance(slot.widget, QComboBox):
                    slot.widget.clear()
                    for label, value in options_for(slot.spec, choices):
                        slot.widget.addItem(label, value)
                    self._set_value(slot, values[key])
        finally:
            self._loading = False
        for editor in self.tables.values():
            editor.set_options(
                {
                    c.key: options_for(c, choices)
                    for c in editor.table.columns
                    if c.kind in CHOICE_KINDS
                }
            )

    def load(self, values: Mapping[str, Any] | None) -> None:
        """Show a saved document or a draft (None: an empty section)."""
        values = values or {}
        self._loading = True
        try:
            for key, slot in self._slots.items():
                self._set_value(slot, values.get(key))
            for key, editor in self.tables.items():
                rows = values.get(key)
                editor.model.set_rows(rows if isinstance(rows, list) else [])
        finally:
            self._loading = False
        self.clear_problems()

    def raw(self, *, skip_blank_rows: bool = False) -> dict[str, Any]:
        """The section as typed, in the service's raw format.

        With `skip_blank_rows` (for a save) rows holding no text are left out, so the row numbers
        of the service's problems are the same for its checks and its record sync.
        """
        raw: dict[str, Any] = {key: self._value(slot) for key, slot in self._slots.items()}
        for key, editor in self.tables.items():
            rows = editor.model.rows()
            if skip_blank_rows:
                rows = [r for i, r in enumerate(rows) if not editor.model.is_blank(i)]
            raw[key] = rows
        return raw

    def sent_rows(self, table: str) -> list[int]:
        """Model row numbers of the rows `raw(skip_blank_rows=True)` sends, in order."""
        model = self.tables[table].model
        return [i for i in range(model.rowCount()) if not model.is_blank(i)]

    def show_problems(
        self, problems: Mapping[str, str], row_maps: Mapping[str, list[int]] | None = None
    ) -> dict[str, str]:
        """Show each problem at its field or cell; returns those that belong to neither.

        `row_maps` turns the row numbers of a save's raw rows into model rows (see `sent_rows`).
        """
        self.clear_problems()
        leftovers: dict[str, str] = {}
        cells: dict[str, dict[tuple[int, str], str]] = {key: {} for key in self.tables}
        whole: dict[str, str] = {}
        for key, code in problems.items():
            slot = self._slots.get(key)
            if slot is not None:
                _mark(slot.widget, True)
                slot.error.show_error(texts.problem_text(code))
                continue
            if key in self.tables:
                whole[key] = code
                continue
            match = _CELL.fullmatch(key)
            if match is None or match["table"] not in self.tables:
                leftovers[key] = code
                continue
            row = int(match["row"])
            mapping = (row_maps or {}).get(match["table"])
            if mapping is not None and row < len(mapping):
                row = mapping[row]
            cells[match["table"]][(row, match["column"] or "")] = code
        for key, editor in self.tables.items():
            if cells[key] or key in whole:
                editor.show_problems(cells[key], whole.get(key, ""))
        return leftovers

    def clear_problems(self) -> None:
        for slot in self._slots.values():
            _mark(slot.widget, False)
            slot.error.clear_error()
        for editor in self.tables.values():
            editor.clear_problems()

    def set_read_only(self, read_only: bool) -> None:
        """Freeze the inputs while a save is in flight (its result reloads them)."""
        for slot in self._slots.values():
            slot.widget.setEnabled(not read_only)
        for editor in self.tables.values():
            editor.setEnabled(not read_only)

    # --- values ---------------------------------------------------------------------------

    def _value(self, slot: _FieldSlot) -> Any:
        w = slot.widget
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QComboBox):
            data = w.currentData()
            return "" if data is None else str(data)
        return w.text()

    def _set_value(self, slot: _FieldSlot, value: object) -> None:
        w = slot.widget
        if isinstance(w, QCheckBox):
            w.setChecked(value is True or str(value).lower() in ("true", "1", "yes"))
            return
        text = "" if value is None or value is False else str(value)
        if isinstance(w, QPlainTextEdit):
            if w.toPlainText() != text:
                w.setPlainText(text)
        elif isinstance(w, QComboBox):
            found = w.findData(text)
            if found < 0 and text:
                # A value no longer offered (a removed contact, pasted junk in a draft): keep it
                # visible and selected rather than silently replacing it.
                w.addItem(text, text)
                found = w.count() - 1
            w.setCurrentIndex(max(found, 0))
        else:
            w.setText(text)

    def _on_part_edited(self, *_args: object) -> None:
        if self._loading:
            return
        sender = self.sender()
        for slot in self._slots.values():
            if slot.widget is sender and not slot.error.isHidden():
                # The user is fixing this field: the old message no longer applies.
                _mark(slot.widget, False)
                slot.error.clear_error()
        self.edited.emit()


def _mark(widget: QWidget, invalid: bool) -> None:
    """Set the red-outline property and re-apply the style sheet (Qt does not on its own)."""
    if bool(widget.property(INVALID_PROPERTY)) == invalid:
        return
    widget.setProperty(INVALID_PROPERTY, invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
