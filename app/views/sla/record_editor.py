"""What the calendar and the policy form share: the record being edited, the frame around the
fields (title, conflict banner, name, error line, status, Save) and the load and save trips."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.directory import TechnicianRow
from app.services.errors import ValidationError
from app.services.sla_config import SlaConfigService
from app.services.sla_types import ConfigSaved
from app.tasks import Lane, TaskRunner

from app.views.sla import sla_labels
from app.views.sla.sla_widgets import mark_invalid, status_label
from app.views.widgets.banner import Banner
from app.views.widgets.form_errors import ErrorLabel


class _Spec(Protocol):
    @property
    def name(self) -> str: ...


#: What the form holds (`CalendarSpec`, `PolicySpec`).
SpecT = TypeVar("SpecT", bound=_Spec)
#: A stored record as the service reads it (`CalendarDetail`, `PolicyDetail`).
DetailT = TypeVar("DetailT")


class RecordEditor(QWidget, Generic[SpecT, DetailT]):
    """Creates or edits one stored record through `SlaConfigService`. GUI thread only.

    Loads run on the read lane, saves on the write lane. A refused save keeps what was typed and
    shows each problem at its field (`show_problems`); any other failure shows in the banner,
    whose Reload button (after someone else saved the record) reads the stored record again.

    A subclass lays out its fields in `_build`, starting with `_build_header` and
    `_build_footer`, and implements the hooks below.
    """

    #: A save succeeded; carries the `ConfigSaved`.
    saved = Signal(object)

    def __init__(
        self,
        service: SlaConfigService,
        runner: TaskRunner,
        me: TechnicianRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._me = me
        #: The stored record being edited and the version it was read at; None for a new one.
        self._record_id: int | None = None
        self._version: int | None = None
        self._saving = False
        self._build()
        self.new_record()

    # -- hooks ---------------------------------------------------------------------------------

    def _build(self) -> None:
        """Create and lay out the form."""
        raise NotImplementedError

    def _blank(self) -> SpecT:
        """What the form shows for a new record."""
        raise NotImplementedError

    def _heading(self, name: str | None) -> str:
        """The title over the stored record `name`, or over a new record (None)."""
        raise NotImplementedError

    def _fetch(self) -> Callable[[int], DetailT]:
        """The service call that reads a stored record (on the read lane)."""
        raise NotImplementedError

    def _store(self) -> Callable[[int | None, int | None, SpecT, int], ConfigSaved]:
        """The service call that saves the form: record id, version read, spec, actor."""
        raise NotImplementedError

    def load(self, detail: DetailT) -> None:
        """Show a stored record (through `_show`)."""
        raise NotImplementedError

    def form_spec(self) -> tuple[SpecT | None, dict[str, str]]:
        """The form as a spec (None when it cannot be one), and the problems of its text."""
        raise NotImplementedError

    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Show each problem code at the field its key names (the service's field keys)."""
        raise NotImplementedError

    def clear_errors(self) -> None:
        raise NotImplementedError

    def _fill(self, spec: SpecT) -> None:
        """Put `spec` into the fields, clearing the errors."""
        raise NotImplementedError

    def _show_failure(self, error: BaseException) -> None:
        """A failed load or save with no field to point at: the banner."""
        raise NotImplementedError

    # -- layout (for `_build`) -----------------------------------------------------------------

    def _build_header(self, name_object: str, name_placeholder: str) -> None:
        """The title, the conflict banner and the name field with its error line."""
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.banner = Banner(self.tr("Reload"))
        self.banner.button.clicked.connect(self.reload)

        self.name = QLineEdit()
        self.name.setObjectName(name_object)
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(name_placeholder)
        self.name.textEdited.connect(lambda _t: mark_invalid(self.name, False))
        self.name_error = ErrorLabel()

    def _build_footer(self, save_text: str) -> QHBoxLayout:
        """The form-wide error line, and the row of the status line and the Save button."""
        self.error = ErrorLabel()
        self.status = status_label()
        self.save_button = QPushButton(save_text)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        return bottom

    def _frame(self, top: QLayout) -> QVBoxLayout:
        """The form's column with the title, the banner and `top`; `_build` adds the rest."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        return layout

    # -- public --------------------------------------------------------------------------------

    def new_record(self) -> None:
        """An empty form for a new record."""
        self._show(None, None, self._blank())

    def edit_record(self, record_id: int) -> None:
        """Load a stored record into the form (read lane)."""
        self._runner.run(
            partial(self._fetch(), record_id),
            lane=Lane.READ,
            owner=self,
            on_success=self.load,
            on_failure=self._show_failure,
        )

    def reload(self) -> None:
        """Show the stored record again, dropping unsaved edits (the conflict banner's button)."""
        if self._record_id is not None:
            self.edit_record(self._record_id)

    def save(self) -> None:
        """Parse the form, then save on the write lane; problems show at their fields."""
        if self._saving:
            return
        self.clear_errors()
        spec, problems = self.form_spec()
        if problems or spec is None:
            self.show_problems(problems)
            return
        self._set_saving(True)
        self._runner.run(
            partial(self._store(), self._record_id, self._version, spec, self._me.technician_id),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_saved,
            on_failure=self._on_save_failed,
        )

    # -- results -------------------------------------------------------------------------------

    def _on_saved(self, saved: ConfigSaved) -> None:
        self._set_saving(False)
        self._record_id = saved.record_id
        self._version = saved.version
        self.title.setText(self._heading(self.name.text().strip()))
        self.status.setText(sla_labels.saved_text(saved.recomputed_tickets))
        self.status.show()
        self.saved.emit(saved)

    def _on_save_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        if isinstance(error, ValidationError):
            self.show_problems(error.problems)
        else:
            self._show_failure(error)

    # -- internals -----------------------------------------------------------------------------

    def _show(self, record_id: int | None, version: int | None, spec: SpecT) -> None:
        """Edit `spec`: the stored record `record_id` read at `version`, or a new one (None)."""
        self._record_id = record_id
        self._version = version
        self._fill(spec)
        self.title.setText(self._heading(None if record_id is None else spec.name))

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
