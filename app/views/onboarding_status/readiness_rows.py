"""The readiness panel's table rows, worded from the services' DTOs. GUI thread (translations)."""

from __future__ import annotations

import datetime as dt

from app.services.caller_verification import SecretRow
from app.services.connectivity import MethodStatus
from app.services.onboarding_checklist import StepRow

from app.views import labels
from app.views.onboarding_status import texts
from app.views.onboarding_status.rows_model import Row
from app.views.onboarding_status.texts import tr


def step_row(step: StepRow, today: dt.date) -> Row:
    """#, step, days, due, owner, done, status; an overdue step is red, a blocked one amber."""
    done = ""
    if step.done_at is not None:
        done = texts.date(step.done_at.astimezone().date())
        if step.done_by_name:
            done = tr("{0} by {1}").format(done, step.done_by_name)
    tone, status = "", ""
    if step.done_at is not None:
        tone, status = "good", tr("Done")
    elif step.blocked:
        tone, status = "warn", texts.blocked(step.blocked)
    elif step.overdue(today):
        tone, status = "bad", tr("Overdue")
    if step.blocked and step.overdue(today):
        status = tr("Overdue · {0}").format(status)
        tone = "bad"
    cells = (
        str(step.position),
        texts.step_name(step.key, step.name),
        texts.days(step.first_day, step.last_day),
        texts.date(step.due_date),
        step.owner_name or "",
        done,
        status,
    )
    tip = tr("Done when: {0}").format(texts.done_when(step.key, step.done_when))
    if step.note:
        tip += "\n" + step.note
    if status:
        tip = f"{status}\n{tip}"
    row_tone = "bad" if step.overdue(today) else ""
    return Row(step.step_id, cells, row_tone, ("",) * 6 + (tone,), tip)


def method_row(m: MethodStatus) -> Row:
    """Method, address, last result, when, by, detail; the result coloured."""
    tone = "muted" if m.outcome is None else "good" if m.outcome == "ok" else "bad"
    cells = (
        texts.remote_kind(m.kind),
        m.address,
        texts.outcome(m.outcome),
        labels.local_datetime(m.checked_at),
        m.checked_by or "",
        m.detail,
    )
    return Row(m.method_key, cells, "", ("", "", tone), m.detail)


def secret_row(x: SecretRow) -> Row:
    """For whom, kind, question, when set: never the hash."""
    return Row(
        x.secret_id,
        (
            x.contact_name or tr("Whole client"),
            texts.secret_kind(x.kind),
            x.question,
            labels.local_datetime(x.set_at),
        ),
    )
