"""Which feature tabs every ticket dialog shows, in order, built from the Core's services."""

from __future__ import annotations

from app.bootstrap import Core
from app.services.directory import TechnicianRow
from app.tasks import TaskRunner

from app.views.closure.closure_panel import closure_panel_factory
from app.views.escalation.escalation_panel import escalation_panel_factory
from app.views.kb.kb_panel import kb_panel_factory
from app.views.records.change_panel import change_panel_factory
from app.views.records.links_panel import links_panel_factory
from app.views.records.problem_panel import problem_panel_factory
from app.views.routing.tasks_panel import tasks_panel_factory
from app.views.tickets.ticket_panel import TicketPanelFactory
from app.views.time_entries.time_panel import time_panel_factory


def ticket_panels(core: Core, runner: TaskRunner, me: TechnicianRow) -> list[TicketPanelFactory]:
    """The tabs after the timeline. Change and problem tabs hide themselves on other types."""
    return [
        closure_panel_factory(core.closure, runner, me, now=core.clock.now),
        tasks_panel_factory(core.routing, runner, me.technician_id),
        escalation_panel_factory(core.escalation, core.vendor_cases, runner, core.clock, me),
        links_panel_factory(core.links, core.tickets, runner, me),
        change_panel_factory(core.changes, runner, me),
        problem_panel_factory(core.problems, runner, me),
        kb_panel_factory(core.kb, runner, me),
        time_panel_factory(core.time_entries, runner, me, core.clock.now),
    ]
