"""The figures of the client and all-clients reports, aggregated in SQL on both backends.

Definitions: `app.reports.figures` (module docstring). Periods are local days in the report's
zone (the client's zone, or for the all-clients summary the default SLA calendar's), turned
into UTC bounds here; every count, sum and group is one SQL statement, and the percentiles
are read with an ordered `LIMIT 2 OFFSET k` on an index, so no ticket row is loaded into
Python. Read-only; any thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.db import Database
from app.reports.figures import AllClientsReport, ClientReport
from app.reports.period import ReportPeriod
from app.services.clock import Clock
from app.services.errors import NotFoundError


@dataclass(frozen=True, slots=True)
class ReportClient:
    id: int
    name: str
    code: str
    timezone: str
    active: bool


class UnknownClientError(NotFoundError):
    """`find_client` found no client (or more than one) for the text; `str()` says which."""


class ReportFiguresService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def clients(self) -> list[ReportClient]:
        """Every client, by name (inactive ones too: a report may cover their last month)."""
        raise NotImplementedError

    def find_client(self, text: str) -> ReportClient:
        """A client by id, code or name (case-insensitive); raises `UnknownClientError`."""
        raise NotImplementedError

    def default_timezone(self) -> str:
        """The all-clients summary's zone: the default SLA policy's calendar zone, else UTC."""
        raise NotImplementedError

    def client_report(
        self, client_id: int, period: ReportPeriod, *, timezone: str | None = None
    ) -> ClientReport:
        """One client's figures; `timezone` defaults to the client's zone."""
        raise NotImplementedError

    def all_clients_report(
        self, period: ReportPeriod, *, timezone: str | None = None
    ) -> AllClientsReport:
        """Every client's line and the desk's totals."""
        raise NotImplementedError
