"""The read-only entitlement panel of the New-call dialog: what the caller is entitled to.

Shows an `EntitlementCard` (app/services/entitlement.py) as labelled lines; conditions the
technician must act on (expired contract, device not covered, licences over-used, out-of-scope
list, VIP) are repeated in red at the top, so they are read before the capture starts.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from app.services.entitlement import (
    Coverage,
    DeviceProblem,
    EntitlementCard,
    OpenTickets,
    Validity,
)

from app.views import labels
from app.views.onboarding.texts import choice_label
from app.views.tones import Tone, tone_css


def _warning_style() -> str:
    return tone_css(Tone.ERROR, "font-weight: 600;")


class EntitlementCardView(QFrame):
    """Shows one card; empty until `show_card()`. GUI thread only, calls no service."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.card: EntitlementCard | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        # The client's name is user data: never read it as rich text.
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        # Names device serials and licence products typed by users: plain text too.
        self.warnings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings_label.setStyleSheet(_warning_style())
        self.placeholder = QLabel(self.tr("Find the caller, a device serial or a contract number."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: palette(placeholder-text);")
        self._form = QFormLayout()
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.lines: dict[str, QLabel] = {}
        names = {
            "client": self.tr("Client"),
            "caller": self.tr("Caller"),
            "contract": self.tr("Contract"),
            "sla": self.tr("SLA"),
            "coverage": self.tr("Coverage now"),
            "prepaid": self.tr("Prepaid hours"),
            "device": self.tr("Device"),
            "licences": self.tr("Licences"),
            "vip": self.tr("VIP rule"),
            "verification": self.tr("Verification"),
            "caller_tickets": self.tr("Caller's open tickets"),
            "client_tickets": self.tr("Client's open tickets"),
            "scope": self.tr("Out of scope"),
        }
        for key, text in names.items():
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setTextFormat(Qt.TextFormat.PlainText)
            self.lines[key] = value
            self._form.addRow(text, value)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.placeholder)
        layout.addLayout(self._form)
        layout.addStretch(1)
        self.clear()

    def clear(self) -> None:
        self.card = None
        self.heading.setText(self.tr("No caller yet"))
        self.warnings_label.hide()
        self.placeholder.show()
        for value in self.lines.values():
            value.setText("")
            value.setStyleSheet("")

    def show_card(self, card: EntitlementCard, now: dt.datetime) -> None:
        self.card = card
        self.placeholder.hide()
        self.heading.setText(card.client_name)
        self.lines["client"].setText(
            self.tr("{0} ({1}) \u2014 {2}").format(
                card.client_name, card.client_code, labels.client_status(card.client_status)
            )
        )
        caller = card.contact_name or self.tr("Not identified")
        self.lines["caller"].setText(
            self.tr("{0} \u2605 VIP").format(caller) if card.contact_vip else caller
        )
        self.lines["contract"].setText(self.contract_text(card))
        self.lines["sla"].setText(card.policy_name or self.tr("No SLA policy applies"))
        self.lines["coverage"].setText(
            self.coverage_text(card.coverage, now) if card.coverage else self.tr("Unknown")
        )
        self.lines["prepaid"].setText(self.prepaid_text(card))
        self.lines["device"].setText(self.device_text(card))
        self.lines["licences"].setText(self.licences_text(card))
        self.lines["vip"].setText(self.vip_text(card))
        self.lines["verification"].setText(
            choice_label("method", card.verification_method) or self.tr("No method set")
        )
        self.lines["caller_tickets"].setText(self.tickets_text(card.caller_tickets))
        self.lines["client_tickets"].setText(self.tickets_text(card.client_tickets))
        exclusions = card.contract.exclusions if card.contract else ()
        scope = [card.out_of_scope.strip()] if card.out_of_scope.strip() else []
        if exclusions:
            scope.append(self.tr("Contract exclusions: {0}").format(", ".join(exclusions)))
        self.lines["scope"].setText("\n".join(scope) or self.tr("Nothing listed"))
        warnings = self.warnings(card)
        self.warnings_label.setText("\n".join(warnings))
        self.warnings_label.setVisible(bool(warnings))
        red = {
            "contract": card.validity is not Validity.VALID,
            "device": card.device is not None and not card.device.covered,
            "licences": any(x.over_used for x in card.licences),
            "prepaid": (card.prepaid_left_minutes or 0) < 0,
            "scope": bool(scope),
        }
        for key, value in red.items():
            self.lines[key].setStyleSheet(_warning_style() if value else "")

    # -- wording ------------------------------------------------------------------------------

    def warnings(self, card: EntitlementCard) -> list[str]:
        """The red lines at the top, most urgent first."""
        out = []
        if card.contract is None:
            out.append(self.tr("No contract: work is billable unless agreed otherwise."))
        elif card.validity is Validity.EXPIRED:
            out.append(self.tr("Contract expired on {0}.").format(_date(card.contract.valid_to)))
        elif card.validity is Validity.NOT_STARTED:
            out.append(self.tr("Contract starts on {0}.").format(_date(card.contract.valid_from)))
        if card.device is not None and not card.device.covered:
            out.append(
                self.tr("Device {0} is not covered: {1}").format(
                    card.device.serial, self.device_problem(card.device.problem)
                )
            )
        over = [x.product for x in card.licences if x.over_used]
        if over:
            out.append(self.tr("Licences over-used: {0}").format(", ".join(over)))
        if (card.prepaid_left_minutes or 0) < 0:
            out.append(self.tr("Prepaid hours are used up."))
        if card.out_of_scope.strip() or (card.contract and card.contract.exclusions):
            out.append(self.tr("Check the out-of-scope list before starting work."))
        return out

    def contract_text(self, card: EntitlementCard) -> str:
        c = card.contract
        if c is None:
            return self.tr("None")
        name = c.number or c.name
        if c.number and c.name and c.name != c.number:
            name = f"{c.number} \u2014 {c.name}"
        match c.validity:
            case Validity.VALID:
                state = (
                    self.tr("valid until {0}").format(_date(c.valid_to))
                    if c.valid_to
                    else self.tr("valid, open-ended")
                )
            case Validity.EXPIRED:
                state = self.tr("expired on {0}").format(_date(c.valid_to))
            case _:
                state = self.tr("starts on {0}").format(_date(c.valid_from))
        extra = self.tr("up to {0}").format(c.max_tier)
        if c.on_site:
            extra += self.tr(", on-site")
        text = f"{name}: {state} ({extra})"
        others = len(card.contracts) - 1
        if others > 0:
            text += "\n" + self.tr("{0} more valid contract(s)").format(others)
        return text

    def coverage_text(self, coverage: Coverage, now: dt.datetime) -> str:
        if coverage.always_open:
            return self.tr("24x7")
        if coverage.open_now:
            if coverage.until is None:
                return self.tr("Open now")
            return self.tr("Open now until {0} {1}").format(
                _when(coverage.until, now), coverage.timezone
            )
        if coverage.opens is None:
            return self.tr("Closed")
        return self.tr("Closed, opens {0} {1}").format(
            _when(coverage.opens, now), coverage.timezone
        )

    def prepaid_text(self, card: EntitlementCard) -> str:
        if card.prepaid_minutes is None or card.prepaid_left_minutes is None:
            return self.tr("No block of hours")
        return self.tr("{0} left of {1}").format(
            _hours(card.prepaid_left_minutes), _hours(card.prepaid_minutes)
        )

    def device_text(self, card: EntitlementCard) -> str:
        d = card.device
        if d is None:
            return self.tr("None chosen")
        name = " \u00b7 ".join(x for x in (d.serial, d.asset_tag, d.description) if x)
        if d.covered:
            return self.tr("{0}: covered").format(name)
        return self.tr("{0}: not covered \u2014 {1}").format(name, self.device_problem(d.problem))

    def device_problem(self, problem: DeviceProblem | None) -> str:
        texts = {
            DeviceProblem.NO_CONTRACT: self.tr("no contract covers it"),
            DeviceProblem.CONTRACT_EXPIRED: self.tr("its contract has expired"),
            DeviceProblem.CONTRACT_NOT_STARTED: self.tr("its contract has not started"),
            DeviceProblem.COVERAGE_ENDED: self.tr("its cover has ended"),
        }
        return texts.get(problem, "") if problem else ""

    def licences_text(self, card: EntitlementCard) -> str:
        if not card.licences:
            return self.tr("None recorded")
        lines = []
        for x in card.licences:
            name = f"{x.product} {x.version}".strip()
            used = "?" if x.seats_used is None else str(x.seats_used)
            bought = "?" if x.seats_bought is None else str(x.seats_bought)
            line = self.tr("{0}: {1} used of {2}").format(name, used, bought)
            lines.append(line + (self.tr(" \u2014 over-used") if x.over_used else ""))
        return "\n".join(lines)

    def vip_text(self, card: EntitlementCard) -> str:
        parts = []
        if card.vip_priority_floor is not None:
            parts.append(self.tr("priority at least {0}").format(card.vip_priority_floor.value))
        if card.vip_direct_to_l2:
            parts.append(self.tr("straight to L2"))
        rule = ", ".join(parts) or self.tr("none")
        if card.contact_vip:
            return self.tr("Caller is a VIP: {0}").format(rule)
        return self.tr("For VIP callers: {0}").format(rule)

    def tickets_text(self, tickets: OpenTickets) -> str:
        if tickets.count == 0:
            return self.tr("None")
        lines = [f"{t.number}  {t.subject}  ({labels.status(t.status)})" for t in tickets.top]
        more = tickets.count - len(tickets.top)
        if more > 0:
            lines.append(self.tr("and {0} more").format(more))
        return "\n".join(lines)


def _date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def _when(local: dt.datetime, now: dt.datetime) -> str:
    """A local wall time: the time alone today, else weekday and time."""
    if local.date() == now.astimezone(local.tzinfo).date():
        return local.strftime("%H:%M")
    return QLocale().dayName(local.isoweekday(), QLocale.FormatType.ShortFormat) + local.strftime(
        " %H:%M"
    )


def _hours(minutes: int) -> str:
    sign = "-" if minutes < 0 else ""
    h, m = divmod(abs(minutes), 60)
    return f"{sign}{h}:{m:02d} h"
