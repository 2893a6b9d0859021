"""The policy form: name, calendar, flags, the targets grid, pause rules and escalation levels."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.services.directory import QueueRow
from app.services.errors import ConcurrentEditError, ValidationError
from app.services.sla_types import CalendarSummary, ConfigSaved, PolicyDetail, PolicySpec
from app.sla.policy import TargetKind

from app.views.sla import sla_labels
from app.views.sla.policy_levels import DEMO_LEVELS, LevelsEditor
from app.views.sla.policy_targets import TargetsGrid
from app.views.sla.record_editor import RecordEditor
from app.views.sla.sla_widgets import buddy, hint_label, mark_invalid
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)

#: Status categories that may pause a clock (sla.md §10.3), in the order the form shows them.
WAITING_CUSTOMER = "waiting_customer"
WAITING_THIRD_PARTY = "waiting_third_party"


class PolicyEditor(RecordEditor[PolicySpec, PolicyDetail]):
    """Creates or edits one SLA policy through `SlaConfigService`. GUI thread only.

    Loads run on the read lane, saves on the write lane (the service recomputes the open tickets
    the policy measures). A refused save keeps what was typed and shows each problem at its
    field: "P1.response" at that target's amount, "level 2" at the second level.
    """

    #: The calendar a loaded policy uses, chosen once the calendar list has it.
    _wanted_calendar: int | None = None

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self._build_header("policyName", self.tr("e.g. Standard business hours"))
        self.calendar = QComboBox()
        self.calendar.setMinimumContentsLength(18)
        self.calendar.setToolTip(self.tr("Business hours the targets are measured in"))
        self.calendar_error = ErrorLabel()
        self.active = QCheckBox(self.tr("Active"))
        self.active.setToolTip(self.tr("Inactive: open tickets on this policy lose their clocks"))
        self.is_default = QCheckBox(self.tr("Global default"))
        self.is_default.setToolTip(
            self.tr("Used for clients without a contract or a default policy of their own")
        )
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("Optional: what this policy is for"))

        self.targets = TargetsGrid()
        self.demo_button = QPushButton(self.tr("Use demo template"))
        self.demo_button.setAutoDefault(False)
        self.demo_button.setToolTip(
            self.tr("P1 15 min / 4 h / 1 h … P4 8 h / end of 10th business day, and two levels")
        )
        self.demo_button.clicked.connect(self.use_demo_template)

        self.pause_customer = QCheckBox(self.tr("Waiting on customer pauses"))
        self.pause_third_party = QCheckBox(self.tr("Waiting on third party pauses"))
        self.pauses_response = QCheckBox(self.tr("Response"))
        self.pauses_response.setEnabled(False)
        self.pauses_response.setToolTip(
            self.tr("The response clock never pauses: a customer cannot make us answer later.")
        )
        self.pauses_resolution = QCheckBox(self.tr("Resolution"))
        self.pauses_update = QCheckBox(self.tr("Next update"))
        self.ack_counts = QCheckBox(
            self.tr("Acknowledgement (taking the ticket)\ncounts as first response")
        )
        self.pause_error = ErrorLabel()
        self.levels = LevelsEditor()

        bottom = self._build_footer(self.tr("&Save policy"))

        top = QGridLayout()
        top.setHorizontalSpacing(8)
        top.addWidget(buddy(self.tr("&Name:"), self.name), 0, 0)
        top.addWidget(self.name, 0, 1)
        top.addWidget(buddy(self.tr("&Calendar:"), self.calendar), 0, 2)
        top.addWidget(self.calendar, 0, 3)
        top.addWidget(self.active, 0, 4)
        top.addWidget(self.is_default, 0, 5)
        top.addWidget(self.name_error, 1, 1)
        top.addWidget(self.calendar_error, 1, 3, 1, 3)
        top.addWidget(buddy(self.tr("&Description:"), self.description), 2, 0)
        top.addWidget(self.description, 2, 1, 1, 5)
        top.setColumnStretch(1, 2)
        top.setColumnStretch(3, 1)

        targets_box = QGroupBox(self.tr("Targets"))
        targets_layout = QVBoxLayout(targets_box)
        targets_layout.addWidget(
            hint_label(
                self.tr(
                    "Empty amount = no target. Minutes and hours are business time on the "
                    "calendar; “end of Nth business day” with 1 = end of the next business day."
                )
            )
        )
        targets_layout.addWidget(self.targets)
        demo_row = QHBoxLayout()
        demo_row.addStretch(1)
        demo_row.addWidget(self.demo_button)
        targets_layout.addLayout(demo_row)

        pause_box = QGroupBox(self.tr("Pauses and first response"))
        pause_layout = QVBoxLayout(pause_box)
        pause_layout.addWidget(self.pause_customer)
        pause_layout.addWidget(self.pause_third_party)
        pause_layout.addWidget(QLabel(self.tr("Clocks these statuses pause:")))
        clocks = QHBoxLayout()
        clocks.setContentsMargins(16, 0, 0, 0)
        for box in (self.pauses_response, self.pauses_resolution, self.pauses_update):
            clocks.addWidget(box)
        clocks.addStretch(1)
        pause_layout.addLayout(clocks)
        pause_layout.addWidget(self.pause_error)
        pause_layout.addSpacing(8)
        pause_layout.addWidget(self.ack_counts)
        pause_layout.addStretch(1)

        levels_box = QGroupBox(self.tr("Escalation levels"))
        levels_layout = QVBoxLayout(levels_box)
        levels_layout.addWidget(self.levels)

        middle = QHBoxLayout()
        middle.addWidget(targets_box, 3)
        middle.addWidget(pause_box, 1)

        layout = self._frame(top)
        layout.addLayout(middle)
        layout.addWidget(levels_box)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

    # -- public --------------------------------------------------------------------------------

    def policy_id(self) -> int | None:
        return self._record_id

    def set_calendars(self, calendars: Iterable[CalendarSummary]) -> None:
        """Offer `calendars`, keeping the chosen one (or the one a loaded policy uses)."""
        wanted = self._wanted_calendar
        if wanted is None:
            wanted = self.calendar.currentData()
        self.calendar.clear()
        for c in calendars:
            self.calendar.addItem(c.name, c.calendar_id)
        index = self.calendar.findData(wanted) if wanted is not None else -1
        self.calendar.setCurrentIndex(index if index >= 0 else (0 if self.calendar.count() else -1))
        if index >= 0:
            self._wanted_calendar = None

    def set_queues(self, queues: Iterable[QueueRow]) -> None:
        self.levels.set_queues(queues)

    def load(self, detail: PolicyDetail) -> None:
        self._show(detail.policy_id, detail.version, detail.spec)

    def use_demo_template(self) -> None:
        """Fill the targets and levels with the demo template of sla.md §7 and §12."""
        self.targets.fill_demo()
        self.levels.set_levels(DEMO_LEVELS)
        self.targets.clear_errors()

    def form_spec(self) -> tuple[PolicySpec | None, dict[str, str]]:
        """The form as a `PolicySpec` (None without a calendar), and the parsing problems."""
        targets, problems = self.targets.targets()
        levels, more = self.levels.levels()
        problems.update(more)
        calendar_id = self.calendar.currentData()
        if not isinstance(calendar_id, int):
            problems["calendar_id"] = "required"
            return None, problems
        categories = {
            WAITING_CUSTOMER: self.pause_customer.isChecked(),
            WAITING_THIRD_PARTY: self.pause_third_party.isChecked(),
        }
        clocks = {
            TargetKind.RESOLUTION: self.pauses_resolution.isChecked(),
            TargetKind.UPDATE: self.pauses_update.isChecked(),
        }
        spec = PolicySpec(
            name=self.name.text(),
            calendar_id=calendar_id,
            targets=targets,
            levels=levels,
            active=self.active.isChecked(),
            is_default=self.is_default.isChecked(),
            pause_categories=frozenset(c for c, on in categories.items() if on),
            pause_applies_to=frozenset(k for k, on in clocks.items() if on),
            ack_counts_as_response=self.ack_counts.isChecked(),
            description=self.description.text(),
        )
        return spec, problems

    def show_problems(self, problems: Mapping[str, str]) -> None:
        for key, code in problems.items():
            text = sla_labels.problem(code)
            if key == "name":
                self.name_error.show_error(text)
                mark_invalid(self.name, True)
            elif key == "calendar_id":
                self.calendar_error.show_error(
                    self.tr("Create a calendar first (Calendars tab).")
                    if self.calendar.count() == 0
                    else text
                )
            elif key == "pause":
                self.pause_error.show_error(text)
            elif self.targets.show_problem(key, text) or self.levels.show_problem(key, text):
                pass
            else:
                self.error.show_error(text)

    def clear_errors(self) -> None:
        self.banner.hide()
        self.status.hide()
        for label in (self.error, self.name_error, self.calendar_error, self.pause_error):
            label.clear_error()
        mark_invalid(self.name, False)
        self.targets.clear_errors()
        self.levels.clear_errors()

    # -- results -------------------------------------------------------------------------------

    def _show_failure(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError | ConcurrentEditError):
            log.warning("policy task failed", exc_info=error)
        self.banner.button.setVisible(isinstance(error, ConcurrentEditError))
        self.banner.show_message(sla_labels.failure_text(error, self.tr("policy")))

    # -- internals -----------------------------------------------------------------------------

    def _blank(self) -> PolicySpec:
        return PolicySpec(name="", calendar_id=0, targets=())

    def _heading(self, name: str | None) -> str:
        return self.tr("New policy") if name is None else self.tr("Policy: {0}").format(name)

    def _fetch(self) -> Callable[[int], PolicyDetail]:
        return self._service.policy

    def _store(self) -> Callable[[int | None, int | None, PolicySpec, int], ConfigSaved]:
        return self._service.save_policy

    def _fill(self, spec: PolicySpec) -> None:
        self.clear_errors()
        self.name.setText(spec.name)
        self.description.setText(spec.description)
        self.active.setChecked(spec.active)
        self.is_default.setChecked(spec.is_default)
        if spec.calendar_id:
            index = self.calendar.findData(spec.calendar_id)
            if index >= 0:
                self.calendar.setCurrentIndex(index)
            else:
                self._wanted_calendar = spec.calendar_id
        self.targets.set_targets(spec.targets)
        self.pause_customer.setChecked(WAITING_CUSTOMER in spec.pause_categories)
        self.pause_third_party.setChecked(WAITING_THIRD_PARTY in spec.pause_categories)
        self.pauses_resolution.setChecked(TargetKind.RESOLUTION in spec.pause_applies_to)
        self.pauses_update.setChecked(TargetKind.UPDATE in spec.pause_applies_to)
        self.ack_counts.setChecked(spec.ack_counts_as_response)
        self.levels.set_levels(spec.levels)
