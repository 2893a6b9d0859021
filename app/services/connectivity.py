"""Connectivity results of a client's remote methods ("last verified", domain.md §3.3).

Methods are the rows of the data-capture form's remote section, identified by their stable row
key. RDP, SSH and WinRM methods are tested automatically (`app.remote.probe`: TCP, then the
protocol's hello); VPNs and client-provided tools get a manual result from the technician. Both
record through the same table. Any thread; `test` blocks on the network (the remote lane).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Changes, Database
from app.models import ConnectivityCheck, RemoteAccessRecord, Technician
from app.remote.probe import ProbeResult, Timeouts, probe_many
from app.remote.target import Protocol, Target, TargetError
from app.services.clock import Clock
from app.services.errors import ValidationError
from app.services.onboarding import section_data
from app.services.onboarding_spec import REMOTE_TABLES, ROW_KEY
from app.services.permissions import require_editor

OUTCOMES: Final = ("ok", "failed")
#: Where each method's address is, to name it in lists ("rdp: ts01.acme.local").
_ADDRESS: Final = {
    "rdp": "host",
    "ssh": "host",
    "winrm": "host",
    "vpn": "endpoint",
    "tools": "name",
}


@dataclass(frozen=True, slots=True)
class ProbeFacts:
    """The automatic test behind a method's latest result, as stamped on its record."""

    #: ok, warning (TCP good, hello unexpected or a changed pin) or failed (DNS or TCP).
    outcome: str
    #: Where it failed (`app.remote.probe.Layer`: dns, tcp_refused, timeout, ...); None if not.
    layer: str | None
    latency_ms: float | None
    summary: str


@dataclass(frozen=True, slots=True)
class MethodStatus:
    method_key: str
    #: The remote table: rdp, ssh, winrm, vpn or tools.
    kind: str
    address: str
    outcome: str | None
    checked_at: dt.datetime | None
    checked_by: str | None
    detail: str
    #: Set when the latest result is an automatic test (None: manual, or never tested).
    probe: ProbeFacts | None = None


class ConnectivityService:
    """Reads and records connectivity results. Any thread."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def methods(self, client_id: int) -> list[MethodStatus]:
        """Every remote method of the client with its latest result (None: never tested)."""
        with self._db.read() as s:
            return method_statuses(s, client_id)

    def record(
        self,
        client_id: int,
        method_key: str,
        outcome: str,
        actor_id: int,
        *,
        how: str = "manual",
        detail: str = "",
    ) -> None:
        if outcome not in OUTCOMES:
            raise ValidationError({"outcome": "invalid_choice"})
        with self._db.write() as s:
            require_editor(s, actor_id, "test_connectivity")
            if method_key not in {m.method_key for m in method_statuses(s, client_id)}:
                raise ValidationError({"method": "unknown"})
            s.add(
                ConnectivityCheck(
                    client_id=client_id,
                    method_key=method_key,
                    outcome=outcome,
                    how=how,
                    detail=detail.strip()[:5000],
                    checked_at=self._clock.now(),
                    technician_id=actor_id,
                )
            )
            self._db.announce(s, Changes("client", frozenset({client_id})))


#: The remote tables a probe can test, and the protocol it speaks there.
_PROBED: Final = ("rdp", "ssh", "winrm")


class ConnectivityTester:
    """Runs the automatic tests of a client's RDP, SSH and WinRM methods and records them.

    The probes run with no database session open; the results are written in one transaction.
    """

    def __init__(self, db: Database, clock: Clock, timeouts: Timeouts | None = None) -> None:
        self._db = db
        self._clock = clock
        self._timeouts = timeouts or Timeouts()

    def test(
        self,
        client_id: int,
        actor_id: int,
        method_keys: Collection[str] | None = None,
        cancel: threading.Event | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[MethodStatus]:
        """Test the given methods (None: every testable one); returns every method's status.

        `progress(done, total)` is called on this thread once per method as its result is known
        (done = 1, 2, ... total; a method whose address is invalid counts at once). Probes
        stopped by `cancel` are neither reported nor recorded; those already finished are.
        """
        with self._db.read() as s:
            data = section_data(s, client_id, "remote") or {}
        chosen: list[tuple[str, Target | TargetError]] = []
        for kind in _PROBED:
            for row in data.get(kind, []):
                if method_keys is None or row[ROW_KEY] in method_keys:
                    chosen.append((row[ROW_KEY], _target(kind, row)))
        targets = [t for _, t in chosen if isinstance(t, Target)]
        done = 0

        def step(_index: int = 0, result: ProbeResult | None = None) -> None:
            nonlocal done
            if progress is not None and (result is None or result.layer != "cancelled"):
                done += 1
                progress(done, len(chosen))

        for _ in range(len(chosen) - len(targets)):
            step()
        results = iter(
            probe_many(targets, self._timeouts.total, cancel, self._timeouts, step)
            if targets
            else []
        )
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "test_connectivity")
            for key, target in chosen:
                if isinstance(target, TargetError):
                    outcome, how, detail = "failed", "check", f"invalid {target.field}"
                else:
                    result = next(results)
                    if result.layer == "cancelled":
                        continue
                    result = _against_pin(s, key, result)
                    outcome = "ok" if result.outcome == "ok" else "failed"
                    how, detail = target.protocol, _detail(result)
                    _stamp(s, key, result, actor_id, now)
                s.add(
                    ConnectivityCheck(
                        client_id=client_id,
                        method_key=key,
                        outcome=outcome,
                        how=how[:16],
                        detail=detail[:5000],
                        checked_at=now,
                        technician_id=actor_id,
                    )
                )
            self._db.announce(s, Changes("client", frozenset({client_id})))
            return method_statuses(s, client_id)


def _against_pin(s: Session, key: str, result: ProbeResult) -> ProbeResult:
    """A certificate other than the pinned one is a warning: renewed, or someone in between."""
    record = s.get(RemoteAccessRecord, key)
    seen = result.info.get("cert_sha256")
    if record is None or not record.cert_sha256 or not seen or seen == record.cert_sha256:
        return result
    return replace(
        result,
        outcome="warning" if result.outcome == "ok" else result.outcome,
        detail=f"certificate differs from the pinned one ({record.cert_sha256[:23]}…)"
        + (f"; {result.detail}" if result.detail else ""),
    )


def _stamp(s: Session, key: str, result: ProbeResult, actor_id: int, now: dt.datetime) -> None:
    """The record's "last verified" fields (not MAC-bound: anyone may probe, remote.md §5)."""
    record = s.get(RemoteAccessRecord, key)
    if record is None:
        return
    first = next((a.address for a in result.addresses if a.state == "open"), "")
    facts = [result.info.get(k, "") for k in ("rdp_protocol", "ssh_version", "product_version")]
    # The probe words TCP failures from the layer's name ("TCP tcp refused").
    failure = result.detail.replace("TCP tcp ", "TCP ")
    parts = [failure] if result.outcome != "ok" else []
    # Latency before the facts: the summary is cut at 200 characters.
    parts += [f"{result.latency_ms:.0f} ms", *facts, first]
    record.last_verified_at = now
    record.last_verified_by_id = actor_id
    record.last_verify_outcome = result.outcome
    record.last_verify_summary = "; ".join(p for p in parts if p)[:200]
    record.last_verify_detail = {
        "layer": result.layer,
        "latency_ms": round(result.latency_ms, 1),
        "addresses": [[a.address, a.state, a.latency_ms] for a in result.addresses],
        "info": dict(result.info),
    }


def _target(kind: str, row: dict[str, Any]) -> Target | TargetError:
    protocol: Protocol = kind  # type: ignore[assignment]
    if kind == "winrm" and row.get("transport") == "https":
        protocol = "winrm-https"
    try:
        return Target.of(protocol, str(row.get("host") or ""), row.get("port") or None)
    except TargetError as e:
        return e


def _detail(result: ProbeResult) -> str:
    """What the method's "last verified" line says: the failing layer, latency, facts."""
    head = f"{result.outcome}" + (f" at {result.layer}" if result.layer else "")
    facts = ", ".join(f"{k} {v}" for k, v in sorted(result.info.items()))
    parts = [head, f"{result.latency_ms:.0f} ms", result.detail, facts]
    return "; ".join(p for p in parts if p)


def method_statuses(s: Session, client_id: int) -> list[MethodStatus]:
    data = section_data(s, client_id, "remote") or {}
    rows: list[tuple[str, dict[str, Any]]] = [
        (kind, row) for kind in REMOTE_TABLES for row in data.get(kind, [])
    ]
    # Only each method's newest result: the history grows with every "Test all".
    newest = (
        select(
            ConnectivityCheck.id,
            func.row_number()
            .over(
                partition_by=ConnectivityCheck.method_key,
                order_by=(ConnectivityCheck.checked_at.desc(), ConnectivityCheck.id.desc()),
            )
            .label("rank"),
        )
        .where(ConnectivityCheck.client_id == client_id)
        .subquery()
    )
    latest: dict[str, tuple[ConnectivityCheck, str | None]] = {
        check.method_key: (check, name)
        for check, name in s.execute(
            select(ConnectivityCheck, Technician.name)
            .join(newest, (newest.c.id == ConnectivityCheck.id) & (newest.c.rank == 1))
            .outerjoin(Technician, Technician.id == ConnectivityCheck.technician_id)
        ).all()
    }
    stamps = {
        r.id: r
        for r in s.execute(
            select(
                RemoteAccessRecord.id,
                RemoteAccessRecord.last_verified_at,
                RemoteAccessRecord.last_verify_outcome,
                RemoteAccessRecord.last_verify_summary,
                RemoteAccessRecord.last_verify_detail,
            ).where(RemoteAccessRecord.client_id == client_id)
        )
    }
    out = []
    for kind, row in rows:
        found = latest.get(row[ROW_KEY])
        last = found[0] if found else None
        stamp = stamps.get(row[ROW_KEY])
        probe = None
        if (
            last is not None
            and last.how != "manual"
            and stamp is not None
            and stamp.last_verified_at == last.checked_at
        ):
            # The same run wrote both; a later manual result has no stamp of its own.
            facts = stamp.last_verify_detail or {}
            latency = facts.get("latency_ms")
            probe = ProbeFacts(
                stamp.last_verify_outcome,
                facts.get("layer"),
                float(latency) if isinstance(latency, (int, float)) else None,
                stamp.last_verify_summary,
            )
        out.append(
            MethodStatus(
                row[ROW_KEY],
                kind,
                str(row.get(_ADDRESS[kind]) or ""),
                last.outcome if last else None,
                last.checked_at if last else None,
                found[1] if found else None,
                last.detail if last else "",
                probe,
            )
        )
    return out


def untested_or_failing(s: Session, client_id: int) -> list[MethodStatus] | None:
    """Methods whose latest result is not "ok"; None when the client has no remote method."""
    statuses = method_statuses(s, client_id)
    if not statuses:
        return None
    return [m for m in statuses if m.outcome != "ok"]
