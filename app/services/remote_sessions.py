"""Launching remote sessions from a ticket: the permission gate, the record MAC, the audited
"use in launcher" reveal and the session log (remote.md §7).

`start` is the only way to a credential for a launch, and it enforces, in this order:
1. the client's permission-before-work rules (no standing approval: a `blocked` row, nothing
   revealed, nothing started);
2. the record MAC (unsigned or changed outside the app: refused before any reveal);
3. `VaultService.reveal(purpose=launch)`, audited before decrypting, with the session id.
The caller then runs the session (a process, the embedded terminal, the WinRM console) and
reports `connected` / `finish`. Every step lands on the ticket's timeline. Any thread; `start`
and `finish` write.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Changes, Database
from app.models import (
    OnboardingSection,
    RemoteAccessRecord,
    RemoteSession,
    Technician,
    Ticket,
    TicketApproval,
    TicketEvent,
    VaultItem,
)
from app.models.enums import EventKind, Role
from app.remote.target import Target, TargetError
from app.services import remote_records
from app.services.clock import Clock
from app.services.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.services.permissions import require_editor
from app.services.ticket_approvals import approvals_in
from app.vault import record_macs
from app.vault.audit_log import AuditEntry, append
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import Purpose

METHODS: Final = (
    "rdp-mstsc",
    "rdp-macos",
    "rdp-freerdp",
    "ssh-embedded",
    "ssh-system",
    "ssh-putty",
    "winrm-console",
)
#: Which methods may launch which record protocol.
_PROTOCOLS: Final = {
    "rdp-mstsc": ("rdp",),
    "rdp-macos": ("rdp",),
    "rdp-freerdp": ("rdp",),
    "ssh-embedded": ("ssh",),
    "ssh-system": ("ssh",),
    "ssh-putty": ("ssh",),
    "winrm-console": ("winrm", "winrm-https"),
}
FINAL_OUTCOMES: Final = ("ended", "failed", "cancelled")
#: Characters of a transcript kept on the ticket (remote.md §4.1: about 1 MiB of history).
TRANSCRIPT_MAX: Final = 1_000_000
_LABELS: Final = {
    "rdp-mstsc": "RDP (Remote Desktop Connection)",
    "rdp-macos": "RDP (Windows App)",
    "rdp-freerdp": "RDP (FreeRDP)",
    "ssh-embedded": "SSH (embedded terminal)",
    "ssh-system": "SSH (system terminal)",
    "ssh-putty": "SSH (PuTTY)",
    "winrm-console": "WinRM console",
}


def method_label(method: str) -> str:
    """ "rdp-mstsc" → "RDP (Remote Desktop Connection)"; an unknown key as it is."""
    return _LABELS.get(method, method)


class LaunchBlocked(Exception):
    """The client requires permission before work and the ticket has none standing."""

    def __init__(self, session_id: uuid.UUID, missing: tuple[str, ...]) -> None:
        super().__init__("approval required before remote work: " + "; ".join(missing))
        self.session_id = session_id
        self.missing = missing


class RecordNotTrusted(Exception):
    """The record is unsigned (edited without the vault) or its MAC does not verify."""

    def __init__(self, record_id: str, tampered: bool) -> None:
        super().__init__(
            "this remote record was changed outside the app: it cannot be used until an "
            "administrator reviews it"
            if tampered
            else "this remote record changed since it was last confirmed: confirm its target"
        )
        self.record_id = record_id
        self.tampered = tampered


@dataclass(frozen=True, slots=True)
class Started:
    """A session allowed to run: the target (account included) and the revealed secrets."""

    session_id: uuid.UUID
    method: str
    target: Target
    #: password and/or private_key; empty when the record has no credential.
    secrets: dict[str, Secret]


@dataclass(frozen=True, slots=True)
class SessionRow:
    session_id: str
    method: str
    target: str
    technician: str | None
    credential: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    outcome: str
    exit_code: int | None
    detail: str


class SessionService:
    """See the module docstring. `vault` is the technician's own (unlocked for launches)."""

    def __init__(self, db: Database, clock: Clock, vault: VaultService) -> None:
        self._db = db
        self._clock = clock
        self._vault = vault

    @property
    def technician_id(self) -> int:
        return self._vault.technician_id

    def options(self, client_id: int) -> remote_records.ConnectOptions:
        """What the Connect menu lists for the client (nothing decrypted)."""
        with self._db.read() as s:
            return remote_records.connect_options(s, client_id)

    # -- the gate and the record -----------------------------------------------------------

    def approval_missing(self, ticket_id: int) -> tuple[str, ...]:
        """The permission rules with no standing approval on the ticket (empty: may launch)."""
        with self._db.read() as s:
            return tuple(n.work for n in approvals_in(s, ticket_id).needs if not n.approved)

    def record_state(self, record_id: str) -> str:
        """signed, unsigned (edited in the app without the vault) or tampered (MAC mismatch)."""
        with self._db.read() as s:
            record = _record(s, record_id)
            if record.record_mac is None:
                return "unsigned"
            return "signed" if record_macs.verify(self._vault, s, record) else "tampered"

    def verified_view(self, record_id: str) -> remote_records.RecordView:
        """The record as it verified (host, pins) for the launch's pin step; nothing revealed.

        Connect menus list records without verifying them; decisions about pins are made on
        this view instead. Raises `RecordNotTrusted` when the MAC does not verify.
        """
        with self._db.read() as s:
            record = _record(s, record_id)
            if not record_macs.verify(self._vault, s, record):
                raise RecordNotTrusted(record_id, record.record_mac is not None)
            return remote_records.view_of(s, record)

    def confirm_record(self, record_id: str, *, reason: str = "") -> None:
        """Sign a record whose target the technician has just reviewed.

        An unsigned record (edited in the app without the vault) may be confirmed by any editor;
        a tampered one only by an administrator, with a reason, audited (`record_sign`).
        """
        with self._db.write() as s:
            actor = require_editor(s, self.technician_id, "confirm_remote_record")
            record = _record(s, record_id)
            tampered = record.record_mac is not None
            if tampered and record_macs.verify(self._vault, s, record):
                return  # already signed
            if tampered:
                if actor.role is not Role.ADMIN:
                    raise PermissionDeniedError("review_remote_record")
                if len(reason.strip()) < 5:
                    raise ValidationError({"reason": "required"})
            else:
                # The form never sets pins, and sets the policy only through its own row: a MAC
                # cleared in the database must not smuggle a pin or drive redirection past the
                # technician's "confirm the target" (which shows the form's options).
                record.ssh_host_key = record.cert_sha256 = record.cert_pem = ""
                record.policy = remote_records.form_policy(s, record)
            try:
                remote_records.build_target(record, None)
            except TargetError as e:
                raise ValidationError({e.field: e.code}) from None
            record_macs.sign(self._vault, s, record)
            why = reason.strip() or f"confirmed {record.protocol} {_where(record)}"
            self._audit(s, "remote_record_sign", record.client_id, why)

    def store_pin(
        self,
        record_id: str,
        *,
        ssh_host_key: str | None = None,
        cert_sha256: str | None = None,
        cert_pem: str | None = None,
        reason: str = "",
    ) -> None:
        """Pin what the technician accepted on first contact; re-sign the record.

        Replacing an existing, different pin is an administrator's act with a reason, audited
        `pin_replace` (remote.md §5): never a side effect of connecting.
        """
        with self._db.write() as s:
            actor = require_editor(s, self.technician_id, "pin_remote_record")
            record = _record(s, record_id)
            if not record_macs.verify(self._vault, s, record):
                raise RecordNotTrusted(record_id, record.record_mac is not None)
            new = {
                "ssh_host_key": ssh_host_key,
                "cert_sha256": cert_sha256,
                "cert_pem": cert_pem,
            }
            replaced = [
                name
                for name, value in new.items()
                if value is not None and getattr(record, name) and getattr(record, name) != value
            ]
            if replaced:
                if actor.role is not Role.ADMIN:
                    raise PermissionDeniedError("replace_pin")
                if len(reason.strip()) < 5:
                    raise ValidationError({"reason": "required"})
            for name, value in new.items():
                if value is not None:
                    setattr(record, name, value)
            # Validate the pins as a launch would, before anything is written.
            try:
                remote_records.build_target(record, None)
            except TargetError as e:
                raise ValidationError({e.field: e.code}) from None
            record_macs.sign(self._vault, s, record)
            action = "remote_pin_replace" if replaced else "remote_pin_set"
            self._audit(s, action, record.client_id, reason.strip() or _where(record))
            self._db.announce(s, Changes("client", frozenset({record.client_id})))

    def forget_pins(self, record_id: str, reason: str) -> None:
        """An administrator clears a record's host key and certificate pins, with a reason.

        The next launch meets the server as a first contact again. Audited `remote_pin_replace`
        (remote.md §5): a changed key is never overridden any other way.
        """
        if len(reason.strip()) < 5:
            raise ValidationError({"reason": "required"})
        with self._db.write() as s:
            actor = require_editor(s, self.technician_id, "forget_pin")
            if actor.role is not Role.ADMIN:
                raise PermissionDeniedError("forget_pin")
            record = _record(s, record_id)
            if not record_macs.verify(self._vault, s, record):
                raise RecordNotTrusted(record_id, record.record_mac is not None)
            old = record.ssh_host_key or record.cert_sha256 or "(none)"
            record.ssh_host_key = record.cert_sha256 = record.cert_pem = ""
            record_macs.sign(self._vault, s, record)
            why = f"forget pins of {_where(record)} (was {old[:60]}): {reason.strip()}"
            self._audit(s, "remote_pin_replace", record.client_id, why)
            self._db.announce(s, Changes("client", frozenset({record.client_id})))

    # -- launching -------------------------------------------------------------------------

    def start(
        self,
        ticket_id: int | None,
        record_id: str,
        method: str,
        *,
        client_id: int | None = None,
        reason: str = "",
    ) -> Started:
        """Gate, verify, reveal (audited `launch`), and log a `starting` session.

        Raises `LaunchBlocked` (a `blocked` row was written), `RecordNotTrusted`, `TargetError`
        (a stored value is not launchable), or the vault's errors (`VaultLocked`,
        `PermissionDenied`, `AuditUnavailable`); none of them reveals anything.
        """
        if method not in METHODS:
            raise ValidationError({"method": "invalid_choice"})
        session_id = uuid.uuid4()
        now = self._clock.now()
        blocked: LaunchBlocked | None = None
        with self._db.write() as s:
            require_editor(s, self.technician_id, "launch_remote")
            record = _record(s, record_id)
            if record.protocol not in _PROTOCOLS[method]:
                raise ValidationError({"method": "wrong_protocol"})
            if client_id is not None and client_id != record.client_id:
                raise ValidationError({"record": "other_client"})
            if ticket_id is not None:
                ticket = s.get(Ticket, ticket_id)
                if ticket is None:
                    raise NotFoundError("ticket", ticket_id)
                if ticket.client_id != record.client_id:
                    raise ValidationError({"record": "other_client"})
                missing = tuple(n.work for n in approvals_in(s, ticket_id).needs if not n.approved)
                if missing:
                    self._log(s, session_id, ticket_id, record, method, now, "blocked")
                    self._event(
                        s, ticket_id, now, f"Blocked: {_LABELS[method]} to {_where(record)}: "
                        "approval required (" + "; ".join(missing) + ")", "blocked",
                    )  # fmt: skip
                    self._db.announce(s, Changes("ticket", frozenset({ticket_id})))
                    # Committed with the blocked row: raised below, outside the transaction.
                    blocked = LaunchBlocked(session_id, missing)
            else:
                if len(reason.strip()) < 5:
                    raise ValidationError({"reason": "required"})
                if _has_permission_rules(s, record.client_id):
                    # remote.md §7.1: a rule client's work starts from a ticket, where the
                    # approval is recorded; an ad-hoc launch would skip the gate.
                    self._log(s, session_id, None, record, method, now, "blocked")
                    blocked = LaunchBlocked(session_id, ("a ticket for this client",))
        if blocked is not None:
            raise blocked
        with self._db.read() as s:
            snapshot = _record(s, record_id)
            if not record_macs.verify(self._vault, s, snapshot):
                raise RecordNotTrusted(record_id, snapshot.record_mac is not None)
            # Detached with every column loaded: the target is built (and the session logged)
            # from what verified, never from a later read.
            s.expunge(snapshot)
        remote_records.build_target(snapshot, None)  # a stored value not launchable: no reveal
        item_id = snapshot.item_id
        client = snapshot.client_id
        wants_key = snapshot.protocol == "ssh" and snapshot.ssh_auth == "key"
        secrets: dict[str, Secret] = {}
        account: str | None = None
        if item_id is not None:
            fields = ["username", "private_key" if wants_key else "password"]
            if method == "ssh-system":
                # The system client signs in with the technician's own keys and agent: only the
                # login name is needed, so the password is never decrypted for it.
                fields = ["username"]
            purpose = Purpose("launch", ticket_id, reason.strip(), session_id)
            secrets = self._vault.reveal(uuid.UUID(item_id), fields, purpose)
            user = secrets.pop("username", None)
            account = user.reveal_text() if user is not None else None
        try:
            target = remote_records.build_target(snapshot, account)
        except TargetError:
            for secret in secrets.values():
                secret.wipe()
            raise
        with self._db.write() as s:
            self._log(s, session_id, ticket_id, snapshot, method, now, "starting")
            if ticket_id is not None:
                label = s.scalar(select(VaultItem.label).where(VaultItem.id == item_id))
                cred = f" as «{label}»" if label else ""
                self._event(
                    s, ticket_id, now, f"Started {_LABELS[method]} to {_where(snapshot)}{cred}",
                    "starting",
                )  # fmt: skip
                self._db.announce(s, Changes("ticket", frozenset({ticket_id})))
            else:
                self._db.announce(s, Changes("client", frozenset({client})))
        return Started(session_id, method, target, secrets)

    def mark(self, session_id: uuid.UUID, outcome: str, detail: str = "") -> None:
        """A non-final step: `launched` (process started) or `connected` (authenticated)."""
        if outcome not in ("launched", "connected"):
            raise ValidationError({"outcome": "invalid_choice"})
        with self._db.write() as s:
            row = _session(s, session_id)
            if row.outcome in (*FINAL_OUTCOMES, "blocked"):
                return
            row.outcome = outcome
            if detail:
                row.detail = detail[:2000]

    def finish(
        self,
        session_id: uuid.UUID,
        outcome: str,
        *,
        exit_code: int | None = None,
        detail: str = "",
    ) -> None:
        """Close the session row (once) and put the end on the ticket's timeline."""
        if outcome not in FINAL_OUTCOMES:
            raise ValidationError({"outcome": "invalid_choice"})
        now = self._clock.now()
        with self._db.write() as s:
            row = _session(s, session_id)
            if row.ended_at is not None:
                return
            row.ended_at = now
            row.outcome = outcome
            row.exit_code = exit_code
            if detail:
                row.detail = detail[:2000]
            if row.ticket_id is not None:
                minutes = max(0, round((now - row.started_at).total_seconds() / 60))
                code = "" if exit_code is None else f", exit code {exit_code}"
                why = f": {detail[:300]}" if detail and outcome != "ended" else ""
                self._event(
                    s, row.ticket_id, now,
                    f"{_LABELS.get(row.method, row.method)} to {row.target_host}:{row.target_port}"
                    f" {outcome} after {minutes} min{code}{why}", outcome,
                )  # fmt: skip
                self._db.announce(s, Changes("ticket", frozenset({row.ticket_id})))

    def attach_transcript(self, session_id: uuid.UUID, text: str) -> None:
        """Put a session's transcript (terminal history, console commands) on its ticket.

        Opt-in, by the technician who ran it; the newest `TRANSCRIPT_MAX` characters are kept.
        Remote output is stored as plain text: the timeline never interprets it.
        """
        text = text.replace("\x00", "").strip()
        if not text:
            raise ValidationError({"transcript": "required"})
        if len(text) > TRANSCRIPT_MAX:
            text = "[…earlier output cut…]\n" + text[-TRANSCRIPT_MAX:]
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, self.technician_id, "attach_transcript")
            row = _session(s, session_id)
            if row.ticket_id is None:
                raise ValidationError({"ticket": "required"})
            if row.technician_id != self.technician_id:
                raise PermissionDeniedError("attach_transcript")
            label = _LABELS.get(row.method, row.method)
            head = f"Transcript of {label} to {row.target_host}:{row.target_port}"
            self._event(s, row.ticket_id, now, f"{head}\n\n{text}", "transcript")
            self._db.announce(s, Changes("ticket", frozenset({row.ticket_id})))

    def record_override(self, ticket_id: int, reason: str) -> None:
        """An administrator's override of the permission rules for this ticket, with a reason.

        Stored as approvals by method `override` and flagged on the timeline.
        """
        if len(reason.strip()) < 5:
            raise ValidationError({"reason": "required"})
        now = self._clock.now()
        with self._db.write() as s:
            actor = require_editor(s, self.technician_id, "override_approval")
            if actor.role is not Role.ADMIN:
                raise PermissionDeniedError("override_approval")
            for need in approvals_in(s, ticket_id).needs:
                if need.approved:
                    continue
                s.add(
                    TicketApproval(
                        ticket_id=ticket_id, work_key=need.work_key, work=need.work,
                        decision="approved", approver_contact_id=None,
                        approver_name=f"Override by {actor.name}", method="override",
                        reference=reason.strip()[:200], approved_at=now, recorded_by_id=actor.id,
                    )
                )  # fmt: skip
                s.add(
                    TicketEvent(
                        ticket_id=ticket_id, at=now, actor_id=actor.id, kind=EventKind.APPROVAL,
                        old_value=need.work_key, new_value="override",
                        body=f"OVERRIDE by {actor.name} without client approval: {need.work} "
                        f"— {reason.strip()}",
                    )
                )  # fmt: skip
            self._db.announce(s, Changes("ticket", frozenset({ticket_id})))

    def sessions(self, ticket_id: int) -> list[SessionRow]:
        """The ticket's session log, oldest first."""
        with self._db.read() as s:
            rows = s.execute(
                select(RemoteSession, Technician.name, VaultItem.label)
                .outerjoin(Technician, Technician.id == RemoteSession.technician_id)
                .outerjoin(VaultItem, VaultItem.id == RemoteSession.item_id)
                .where(RemoteSession.ticket_id == ticket_id)
                .order_by(RemoteSession.started_at, RemoteSession.id)
            ).all()
            return [
                SessionRow(
                    r.id,
                    r.method,
                    f"{r.target_host}:{r.target_port}",
                    who,
                    label or "",
                    r.started_at,
                    r.ended_at,
                    r.outcome,
                    r.exit_code,
                    r.detail,
                )
                for r, who, label in rows
            ]

    # -- helpers ---------------------------------------------------------------------------

    def _log(
        self,
        s: Session,
        session_id: uuid.UUID,
        ticket_id: int | None,
        record: RemoteAccessRecord,
        method: str,
        now: dt.datetime,
        outcome: str,
    ) -> None:
        s.add(
            RemoteSession(
                id=str(session_id), ticket_id=ticket_id, client_id=record.client_id,
                record_id=record.id, technician_id=self.technician_id,
                device_id=None, method=method, target_host=record.host,
                target_port=record.port, item_id=record.item_id,
                key_version=record.mac_key_version, started_at=now,
                ended_at=now if outcome == "blocked" else None, outcome=outcome, detail="",
            )
        )  # fmt: skip

    def _audit(self, s: Session, action: str, client_id: int, reason: str) -> None:
        entry = AuditEntry(action, self.technician_id, client_id=client_id, reason=reason[:500])
        append(s, entry, self._clock.now())

    def _event(self, s: Session, ticket_id: int, now: dt.datetime, body: str, value: str) -> None:
        s.add(
            TicketEvent(
                ticket_id=ticket_id, at=now, actor_id=self.technician_id,
                kind=EventKind.REMOTE_SESSION, new_value=value, body=body[: TRANSCRIPT_MAX + 200],
            )
        )  # fmt: skip


def _has_permission_rules(s: Session, client_id: int) -> bool:
    rules = s.scalar(
        select(OnboardingSection.data).where(
            OnboardingSection.client_id == client_id, OnboardingSection.section == "permissions"
        )
    )
    return bool((rules or {}).get("rules"))


def _record(s: Session, record_id: str) -> RemoteAccessRecord:
    record = s.get(RemoteAccessRecord, record_id)
    if record is None:
        raise NotFoundError("remote_record", record_id)
    return record


def _session(s: Session, session_id: uuid.UUID) -> RemoteSession:
    row = s.get(RemoteSession, str(session_id))
    if row is None:
        raise NotFoundError("remote_session", str(session_id))
    return row


def _where(record: RemoteAccessRecord) -> str:
    host = f"[{record.host}]" if ":" in record.host else record.host
    return f"{host}:{record.port}"
