"""The Qt-free composition root: paths, logging, database upgrade and every service, as a `Core`."""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL

from app.db import (
    Database,
    UpgradeResult,
    create_database_engine,
    parse_database_target,
    upgrade_database,
)
from app.paths import AppPaths, DataDirectoryError, private_file
from app.services.auth import AuthService
from app.services.bulk_actions import BulkActionService
from app.services.caller_verification import CallerVerificationService
from app.services.canned_replies import CannedReplyService
from app.services.change_records import ChangeService
from app.services.client_wiki import ClientWikiService
from app.services.clock import Clock, SystemClock
from app.services.closure import ClosureService
from app.services.connectivity import ConnectivityService, ConnectivityTester
from app.services.csat import CsatService
from app.services.db_profile import with_saved_password
from app.services.demo_data import DemoDataService
from app.services.directory import DirectoryService
from app.services.entitlement import EntitlementService
from app.services.escalation import EscalationService
from app.services.escalation_paths import EscalationPathService
from app.services.knowledge_base import KnowledgeBaseService
from app.services.my_alerts import MyAlertsService
from app.services.onboarding import OnboardingService
from app.services.onboarding_checklist import ChecklistService
from app.services.onboarding_score import CompletenessService
from app.services.problem_records import ProblemService
from app.services.recurring import RecurringService
from app.services.report_branding import ReportBrandingService
from app.services.report_figures import ReportFiguresService
from app.services.routing import RoutingService
from app.services.sla import SlaService
from app.services.sla_config import SlaConfigService
from app.services.sla_store import SlaStore
from app.services.sla_sweep import SlaSweepService
from app.services.ticket_approvals import ApprovalService
from app.services.ticket_links import TicketLinkService
from app.services.ticket_queue import TicketQueueService
from app.services.tickets import TicketService
from app.services.time_entries import TimeEntryService
from app.services.vendor_cases import VendorCaseService

#: Environment variable naming the database when `--db` is not given.
DB_URL_ENV = "HELPDESK_DB_URL"


@dataclass(frozen=True, slots=True)
class Core:
    """Everything below the Qt line, built once and passed to whoever needs a part of it."""

    paths: AppPaths
    db: Database
    clock: Clock
    auth: AuthService
    tickets: TicketService
    queue: TicketQueueService
    directory: DirectoryService
    sla: SlaService
    sla_config: SlaConfigService
    sla_sweep: SlaSweepService
    onboarding: OnboardingService
    wiki: ClientWikiService
    checklist: ChecklistService
    completeness: CompletenessService
    connectivity: ConnectivityService
    connectivity_tester: ConnectivityTester
    verification: CallerVerificationService
    approvals: ApprovalService
    demo: DemoDataService
    escalation: EscalationService
    escalation_paths: EscalationPathService
    vendor_cases: VendorCaseService
    links: TicketLinkService
    changes: ChangeService
    problems: ProblemService
    bulk: BulkActionService
    recurring: RecurringService
    time_entries: TimeEntryService
    routing: RoutingService
    entitlement: EntitlementService
    kb: KnowledgeBaseService
    canned: CannedReplyService
    closure: ClosureService
    csat: CsatService
    reports: ReportFiguresService
    report_branding: ReportBrandingService
    alerts: MyAlertsService
    upgrade: UpgradeResult

    def close(self) -> None:
        self.db.dispose()


def resolve_database_target(db: str | None, paths: AppPaths) -> str:
    """`--db`, else `HELPDESK_DB_URL`, else the per-user SQLite file."""
    return db or os.environ.get(DB_URL_ENV) or str(paths.database_file)


def build_core(
    db: str | URL | None = None,
    data_dir: Path | None = None,
    *,
    confirm_upgrade: bool = False,
    clock: Clock | None = None,
) -> Core:
    """Open (creating if needed) and upgrade the database, then build every service.

    `db` is a `--db` target, or a URL (the first-run dialog's, its password in memory only). A
    PostgreSQL URL without a password gets the one saved in the OS keychain, if there is one.
    Raises the `app.db` errors when the database cannot be opened or is newer than this build.
    """
    paths = AppPaths.default(data_dir)
    paths.ensure()
    clock = clock or SystemClock()
    if not isinstance(db, URL):
        db = parse_database_target(resolve_database_target(db, paths))
    url = with_saved_password(db)
    engine = create_database_engine(url)
    try:
        result = upgrade_database(engine, paths.backups_dir, confirmed=confirm_upgrade)
    except BaseException:
        engine.dispose()
        raise
    database = Database(engine)
    auth = AuthService(database, clock)
    sla = SlaService(database, clock, SlaStore(database))
    tickets = TicketService(database, clock, sla)
    return Core(
        paths=paths,
        db=database,
        clock=clock,
        auth=auth,
        tickets=tickets,
        queue=TicketQueueService(database, sla.store, clock),
        directory=DirectoryService(database),
        sla=sla,
        sla_config=SlaConfigService(database, clock, sla),
        sla_sweep=SlaSweepService(database, clock, sla),
        onboarding=OnboardingService(database, clock),
        wiki=ClientWikiService(database),
        checklist=ChecklistService(database, clock, sla.store),
        completeness=CompletenessService(database, clock),
        connectivity=ConnectivityService(database, clock),
        connectivity_tester=ConnectivityTester(database, clock),
        verification=CallerVerificationService(database, clock),
        approvals=ApprovalService(database, clock),
        demo=DemoDataService(database, clock, auth, sla),
        escalation=EscalationService(database, clock, sla),
        escalation_paths=EscalationPathService(database),
        vendor_cases=VendorCaseService(database, clock, sla),
        links=TicketLinkService(database, clock, sla),
        changes=ChangeService(database, clock),
        problems=ProblemService(database, clock),
        bulk=BulkActionService(database, clock, sla),
        recurring=RecurringService(database, clock, tickets),
        time_entries=TimeEntryService(database, clock),
        routing=RoutingService(database, clock),
        entitlement=EntitlementService(database, clock, sla.store),
        kb=KnowledgeBaseService(database, clock),
        canned=CannedReplyService(database, clock),
        closure=ClosureService(database, clock, sla),
        csat=CsatService(database),
        reports=ReportFiguresService(database, clock),
        report_branding=ReportBrandingService(database, clock),
        alerts=MyAlertsService(database, clock),
        upgrade=result,
    )


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Log files readable by this user only (they name clients, hosts and technicians)."""

    def _open(self) -> io.TextIOWrapper:
        private_file(Path(self.baseFilename))
        return super()._open()


def configure_logging(paths: AppPaths, level: str = "INFO") -> None:
    """Log to a rotating file in the data directory, and warnings to stderr."""
    paths.ensure()
    root = logging.getLogger()
    root.setLevel(level.upper())
    try:
        file_handler = _PrivateRotatingFileHandler(
            paths.logs_dir / "helpdesk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as e:
        raise DataDirectoryError(paths.data_dir, e) from e
    file_handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    root.addHandler(file_handler)
    root.addHandler(stderr)
