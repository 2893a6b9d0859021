"""Connect → a running session: the GUI side of a launch (remote.md §5, §7).

`RemoteLauncher.launch` walks one launch through its steps, each off the GUI thread, asking the
technician only where a person must decide:
1. the vault is unlocked (else an unlock prompt);
2. the record is signed (unsigned: confirm its target; changed outside the app: admins only);
3. the server's identity is pinned (first contact: host key or certificate shown, Accept pins;
   a pinned RDP certificate is re-checked before mstsc / Windows App, which cannot pin);
4. `SessionService.start`: permission gate, MAC, audited reveal (blocked: the reason, with
   "Record approval…" and, for administrators, an override with a reason);
5. the session: an external client, the embedded terminal or the WinRM console.
Questions go through `ask_*` / `show_*` methods, which tests replace. GUI thread only.
"""

from __future__ import annotations

import logging
import uuid
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from app.remote.known_hosts import KnownHosts
from app.remote.plan import LaunchError
from app.remote.process import ProcessRunner
from app.remote.ssh import HostKeyInfo
from app.remote.ssh_errors import HostKeyMismatch, SSHError
from app.remote.target import TargetError
from app.remote.winrm import WinRMError
from app.remote.winrm_script import DIAGNOSTICS
from app.services.errors import PermissionDeniedError, ServiceError, ValidationError
from app.services.remote_launch import ExternalLauncher, Launched, LaunchEnv
from app.services.remote_records import RecordView
from app.services.remote_sessions import LaunchBlocked, RecordNotTrusted, SessionService, Started
from app.tasks import Lane, TaskRunner
from app.vault.errors import AuditUnavailable, VaultError, VaultLocked
from app.vault.errors import PermissionDenied as VaultPermissionDenied
from app.vault.types import Purpose

from app.views.clients.vault_session import VaultSession
from app.views.remote import launch_steps
from app.views.remote.host_key_dialog import (
    CertificatePinDialog,
    HostKeyChangedDialog,
    HostKeyDialog,
)
from app.views.remote.session_window import SessionWindow
from app.views.remote.unlock_dialog import ask_unlock

if TYPE_CHECKING:
    from app.bootstrap import Core

log = logging.getLogger(__name__)


class RemoteLauncher(QObject):
    """One per main window: launches, and the window holding embedded sessions."""

    #: The permission gate blocked a launch on this ticket: show its approvals panel.
    approval_needed = Signal(int)
    #: A launch got as far as a running session (external, terminal or console); carries the id.
    session_started = Signal(str)
    #: A step failed; carries the one-line message shown to the technician.
    failed = Signal(str)

    def __init__(
        self,
        sessions: SessionService,
        external: ExternalLauncher,
        vault: VaultSession,
        runner: TaskRunner,
        *,
        known_hosts: Path,
        cert_dir: Path,
        is_admin: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self._external = external
        self._vault = vault
        self._runner = runner
        self._known_hosts = known_hosts
        self._cert_dir = cert_dir
        self._is_admin = is_admin
        self.window: SessionWindow | None = None
        #: The session behind each embedded tab (terminal or console), for its transcript.
        self._tab_sessions: dict[QWidget, uuid.UUID] = {}
        #: External processes still running (kept so their handles live).
        self.launched: list[Launched] = []

    @classmethod
    def from_core(
        cls, core: Core, vault: VaultSession, runner: TaskRunner, parent: QObject
    ) -> RemoteLauncher:
        """The launcher of a main window, on this installation's directories (administrators
        as the vault session says: the services check the role again)."""
        paths = core.paths
        sessions = SessionService(core.db, core.clock, vault.service)
        env = LaunchEnv(
            temp_dir=paths.launch_dir,
            known_hosts=paths.known_hosts_file,
            credential_list=paths.remote_dir / "termsrv.json",
        )
        external = ExternalLauncher(sessions, ProcessRunner(), env)
        try:
            external.sweep()  # what a crashed run left: temp files, TERMSRV entries
        except OSError:
            log.warning("could not sweep the launch directory", exc_info=True)
        launcher = cls(
            sessions, external, vault, runner, known_hosts=paths.known_hosts_file,
            cert_dir=paths.remote_dir / "certs", is_admin=vault.is_admin, parent=parent,
        )  # fmt: skip
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(launcher.close)
        return launcher

    @property
    def is_admin(self) -> bool:
        return self._is_admin

    def close(self) -> None:
        """At quit: what launches left pending (TERMSRV entries, temp files) goes now."""
        self._external.close()

    # -- the steps ---------------------------------------------------------------------------

    def launch(
        self,
        parent: QWidget,
        ticket_id: int | None,
        record: RecordView,
        method: str,
        reason: str = "",
    ) -> None:
        """Start the walk; outcomes arrive as signals and dialogs."""
        go = partial(self._check_record, parent, ticket_id, record, method, reason)
        if self._vault.is_unlocked or self.ask_unlock(parent):
            go()

    def _check_record(
        self, parent: QWidget, ticket_id: int | None, record: RecordView, method: str, reason: str
    ) -> None:
        def verified() -> None:
            # Pin decisions use the record as it verified, never the menu's unverified view.
            self._task(
                parent, Lane.READ, partial(self.sessions.verified_view, record.record_id),
                lambda view: self._check_pin(parent, ticket_id, view, method, reason),
            )  # fmt: skip

        def checked(state: str) -> None:
            if state == "signed":
                verified()
                return
            tampered = state == "tampered"
            if tampered and not self._is_admin:
                self._refuse(parent, str(RecordNotTrusted(record.record_id, True)))
                return
            why = self.ask_confirm_record(parent, record, tampered)
            if why is None:
                return
            self._write(
                parent,
                partial(self.sessions.confirm_record, record.record_id, reason=why),
                lambda _: verified(),
            )

        self._task(parent, Lane.READ, partial(self.sessions.record_state, record.record_id),
                   checked)  # fmt: skip

    def _check_pin(
        self, parent: QWidget, ticket_id: int | None, record: RecordView, method: str, reason: str
    ) -> None:
        go = partial(self._start, parent, ticket_id, record, method, reason)
        if record.protocol == "ssh" and method == "ssh-embedded" and not record.pinned:
            self._remote(parent, record, partial(launch_steps.ssh_host_key, record),
                         partial(self._pin_ssh, parent, record, go))  # fmt: skip
        elif record.protocol == "rdp" and (not record.pinned or method != "rdp-freerdp"):
            # FreeRDP refuses a changed certificate itself; mstsc and Windows App cannot pin,
            # so a probe compares before every launch (remote.md §5).
            self._remote(parent, record, partial(launch_steps.rdp_certificate, record),
                         partial(self._pin_certificate, parent, record, go, "RDP"))  # fmt: skip
        elif record.protocol == "winrm-https" and not record.pinned:
            self._remote(parent, record, partial(launch_steps.winrm_certificate, record),
                         partial(self._pin_certificate, parent, record, go, "WinRM"))  # fmt: skip
        else:
            go()

    def _pin_ssh(self, parent: QWidget, record: RecordView, go: Any, key: HostKeyInfo) -> None:
        known = KnownHosts(self._known_hosts)
        pinned = known.lookup(key.host, key.port)
        if pinned and all(e.key_b64 != key.key_b64 for e in pinned):
            # The record lost its pin (new record, edited host) but this computer still knows
            # the host: a different key is a changed key, a hard fail that only an
            # administrator's "Forget host key" clears (remote.md §5), never a first contact.
            self._refuse(
                parent,
                self.tr(
                    "The SSH host key of {0}:{1} is not the one pinned on this computer "
                    "({2}); the server presented {3}. Connecting is refused: an administrator "
                    "can forget the old key after checking the new one with the client."
                ).format(key.host, key.port, pinned[0].fingerprint, key.fingerprint),
            )
            return
        if not self.ask_host_key(parent, key):
            return

        def store() -> None:
            # `add` refuses a different key pinned meanwhile (KnownHostsError): never `replace`.
            known.add(key.host, key.port, key.key_type, key.key_b64)
            self.sessions.store_pin(record.record_id, ssh_host_key=key.key_text)

        self._write(parent, store, lambda _: go())

    def _pin_certificate(
        self,
        parent: QWidget,
        record: RecordView,
        go: Any,
        service: str,
        seen: launch_steps.CertificateSeen,
    ) -> None:
        # The session is checked again against the MAC-verified pin once `start` returns: the
        # menu's view of the record was read without verifying it and may be stale.
        seen_cert = seen.sha256 if service == "RDP" else None
        if record.pinned:
            if seen.sha256 != record.cert_sha256:
                self._refuse(parent, self._pin_changed_text())
                return
            go(seen_cert=seen_cert)
            return
        if not self.ask_certificate(parent, record, service, seen):
            return
        store = partial(
            self.sessions.store_pin, record.record_id, cert_sha256=seen.sha256,
            cert_pem=seen.pem or None,
        )  # fmt: skip
        self._write(parent, store, lambda _: go(seen_cert=seen_cert))

    def _pin_changed_text(self) -> str:
        return self.tr(
            "The server's certificate is not the pinned one. It may have been renewed, or "
            "someone is in between: re-pin it from the client's Readiness tab after checking it."
        )

    def _start(
        self,
        parent: QWidget,
        ticket_id: int | None,
        record: RecordView,
        method: str,
        reason: str,
        seen_cert: str | None = None,
    ) -> None:
        """`seen_cert`: the RDP certificate the pre-launch probe saw, compared with the verified
        pin before any client starts."""

        def failed(error: BaseException) -> None:
            if isinstance(error, LaunchBlocked) and ticket_id is not None:
                self._blocked(parent, ticket_id, record, method, error, seen_cert)
            elif isinstance(error, VaultLocked):
                if self.ask_unlock(parent):
                    self._start(parent, ticket_id, record, method, reason, seen_cert)
            else:
                self._fail(parent, error)

        start = partial(
            self.sessions.start, ticket_id, record.record_id, method, client_id=record.client_id,
            reason=reason,
        )  # fmt: skip
        self._runner.run(
            start, lane=Lane.WRITE, owner=self,
            on_success=partial(self._run, parent, ticket_id, record, seen_cert=seen_cert),
            on_failure=failed,
        )  # fmt: skip

    def _blocked(
        self,
        parent: QWidget,
        ticket_id: int,
        record: RecordView,
        method: str,
        e: LaunchBlocked,
        seen_cert: str | None,
    ) -> None:
        choice = self.ask_blocked(parent, e.missing)
        if choice == "record":
            self.approval_needed.emit(ticket_id)
        elif choice == "override" and self._is_admin:
            why = self.ask_reason(parent, self.tr("Why is the work done without the client's "
                                                  "approval?"))  # fmt: skip
            if why:
                self._write(
                    parent, partial(self.sessions.record_override, ticket_id, why),
                    lambda _: self._start(parent, ticket_id, record, method, "", seen_cert),
                )  # fmt: skip

    def _run(
        self,
        parent: QWidget,
        ticket_id: int | None,
        record: RecordView,
        s: Started,
        *,
        seen_cert: str | None = None,
    ) -> None:
        if seen_cert is not None and s.target.cert_sha256 != seen_cert:
            # The probe matched the menu's (unverified) pin, not the one that verified: no
            # client may get the password for this server.
            for secret in s.secrets.values():
                secret.wipe()
            text = self._pin_changed_text()
            self._write(None, partial(self.sessions.finish, s.session_id, "failed", detail=text))
            self._refuse(parent, text)
            return
        if s.method == "ssh-embedded":
            self._remote(
                parent, record, partial(launch_steps.open_shell, s, self._known_hosts),
                partial(self._terminal, s, record), partial(self._session_failed, parent, s),
            )  # fmt: skip
        elif s.method == "winrm-console":
            self._remote(
                parent, record, partial(launch_steps.winrm_client, s, self._cert_dir),
                partial(self._console, s, record), partial(self._session_failed, parent, s),
            )  # fmt: skip
        else:
            self._remote(
                parent, record, partial(self._external.run, s, ticket_id),
                partial(self._external_started, parent, s, record),
                partial(self._fail, parent),  # ExternalLauncher closed the row already
            )  # fmt: skip

    # -- sessions ----------------------------------------------------------------------------

    def _session_window(self) -> SessionWindow:
        if self.window is None:
            self.window = SessionWindow(self._runner)
            # Deleted by Qt's event loop when closed (never by Python's garbage collector in
            # the middle of another event): closing ends its sessions, a new launch opens anew.
            self.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.window.destroyed.connect(self._on_window_destroyed)
            self.window.attach_requested.connect(self._attach_transcript)
        self.window.show()
        self.window.raise_()
        return self.window

    def _on_window_destroyed(self) -> None:
        self.window = None
        self._tab_sessions.clear()

    def _attach_transcript(self, widget: QWidget) -> None:
        session_id = self._tab_sessions.get(widget)
        transcript = getattr(widget, "transcript", None)
        if session_id is None or transcript is None or self.window is None:
            return
        window = self.window
        self._write(
            window, partial(self.sessions.attach_transcript, session_id, transcript()),
            lambda _: window.status.setText(self.tr("Transcript attached to the ticket.")),
        )  # fmt: skip

    def forget_pins(self, parent: QWidget, record: RecordView) -> None:
        """An administrator clears a record's host key / certificate pins, with a reason."""
        why = self.ask_reason(
            parent,
            self.tr("Forget the pinned host key or certificate of {0}? The next connection "
                    "will show the server's key for checking again. Why?").format(record.title),
        )  # fmt: skip
        if not why:
            return

        def forget() -> None:
            self.sessions.forget_pins(record.record_id, why)
            KnownHosts(self._known_hosts).remove(record.host, record.port)

        self._write(parent, forget)

    def _terminal(self, s: Started, record: RecordView, opened: tuple[Any, Any]) -> None:
        session, channel = opened
        widget = self._session_window().add_terminal(record.title, channel)
        self._tab_sessions[widget] = s.session_id
        self._write(None, partial(self.sessions.mark, s.session_id, "connected"))

        def closed(reason: str) -> None:
            session.close()
            outcome = "ended" if reason in ("closed by you", "") or "exit" in reason else "failed"
            self._write(None, partial(self.sessions.finish, s.session_id, outcome,
                                      detail=reason))  # fmt: skip

        widget.closed.connect(closed)
        self.session_started.emit(str(s.session_id))

    def _console(self, s: Started, record: RecordView, client: Any) -> None:
        console = self._session_window().add_console(
            record.title, client, DIAGNOSTICS, record.host, verified=record.protocol != "winrm"
        )
        self._tab_sessions[console] = s.session_id
        self._write(None, partial(self.sessions.mark, s.session_id, "connected"))

        def closed() -> None:
            self._remote(None, record, client.close, lambda _: None)
            self._write(None, partial(self.sessions.finish, s.session_id, "ended"))

        console.destroyed.connect(closed)
        self.session_started.emit(str(s.session_id))

    def _external_started(
        self, parent: QWidget, s: Started, record: RecordView, launched: Launched
    ) -> None:
        self.launched.append(launched)
        self.session_started.emit(str(s.session_id))
        if launched.offer_copy_password:
            self.offer_copy_password(parent, s, record)

    def _session_failed(self, parent: QWidget | None, s: Started, error: BaseException) -> None:
        self._write(None, partial(self.sessions.finish, s.session_id, "failed",
                                  detail=error_text(error)))  # fmt: skip
        if isinstance(error, HostKeyMismatch):
            HostKeyChangedDialog.show_changed(
                parent, error.host, error.port, "", error.expected_fingerprint,
                error.presented_fingerprint,
            )  # fmt: skip
            self.failed.emit(error_text(error))
            return
        self._fail(parent, error)

    def offer_copy_password(self, parent: QWidget, s: Started, record: RecordView) -> None:
        """The client prompts for the password: offer an audited, concealed, timed copy."""
        answer = QMessageBox.question(
            parent,
            self.tr("Copy password"),
            self.tr("The remote desktop client will ask for the password. Copy it to the "
                    "clipboard now? It is cleared after {0} s.").format(
                int(self._vault.clipboard.seconds)),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes or record.credential_label == "":
            return
        item = s.target.item_id
        if item is None:
            return
        reveal = partial(
            self._vault.service.reveal, uuid.UUID(item), ["password"],
            Purpose("copy", None, f"launch {s.session_id}", s.session_id),
        )  # fmt: skip
        self._runner.run(
            reveal, lane=Lane.WRITE, owner=self,
            on_success=lambda found: self._vault.clipboard.copy_secret(found["password"]),
            on_failure=partial(self._fail, parent),
        )  # fmt: skip

    # -- plumbing ----------------------------------------------------------------------------

    def _task(self, parent: QWidget | None, lane: Lane, fn: Any, done: Any) -> None:
        self._runner.run(fn, lane=lane, owner=self, on_success=done,
                         on_failure=partial(self._fail, parent))  # fmt: skip

    def _write(self, parent: QWidget | None, fn: Any, done: Any = None) -> None:
        self._runner.run(fn, lane=Lane.WRITE, owner=self, on_success=done,
                         on_failure=partial(self._fail, parent))  # fmt: skip

    def _remote(
        self, parent: QWidget | None, record: RecordView, fn: Any, done: Any, failed: Any = None
    ) -> None:
        self._runner.run(
            fn, lane=Lane.REMOTE, key=record.host, owner=self, on_success=done,
            on_failure=failed or partial(self._fail, parent),
        )  # fmt: skip

    def _fail(self, parent: QWidget | None, error: BaseException) -> None:
        text = error_text(error)
        if not isinstance(error, (LaunchError, SSHError, WinRMError, ServiceError, VaultError)):
            log.error("remote launch step failed: %s", type(error).__name__)
        self._refuse(parent, text)

    def _refuse(self, parent: QWidget | None, text: str) -> None:
        # Every stop the technician is told about is also a `failed`, whichever step found it.
        self.failed.emit(text)
        self.show_error(parent, text)

    # -- questions (tests replace these) -----------------------------------------------------

    def ask_unlock(self, parent: QWidget) -> bool:
        return ask_unlock(parent, self._vault, self._runner)

    def ask_confirm_record(self, parent: QWidget, record: RecordView, tampered: bool) -> str | None:
        """The reason to sign (empty for an unsigned record), or None to stop."""
        facts = self.tr("{0}\nCredential: {1}\nGateway: {2}\nOptions: {3}").format(
            record.title, record.credential_label or "—", record.gateway or "—",
            record.options or self.tr("defaults (no drives redirected)"),
        )  # fmt: skip
        if tampered:
            return self.ask_reason(
                parent,
                self.tr("This record was changed outside the app:\n\n{0}\n\nCheck it with the "
                        "client's documentation. Why is it correct?").format(facts),
            )  # fmt: skip
        answer = QMessageBox.question(
            parent,
            self.tr("Confirm the target"),
            self.tr("This remote method changed since it was last confirmed:\n\n{0}\n\n"
                    "Connect to it?").format(facts),
        )  # fmt: skip
        return "" if answer == QMessageBox.StandardButton.Yes else None

    def ask_host_key(self, parent: QWidget, key: HostKeyInfo) -> bool:
        return HostKeyDialog.ask(parent, key.host, key.port, key.key_type, key.fingerprint)

    def ask_certificate(
        self,
        parent: QWidget,
        record: RecordView,
        service: str,
        seen: launch_steps.CertificateSeen,
    ) -> bool:
        return CertificatePinDialog.ask(
            parent, record.host, record.port, service=service, subject=seen.subject,
            issuer=seen.issuer, not_before=seen.not_before, not_after=seen.not_after,
            sha256=seen.sha256,
        )  # fmt: skip

    def ask_blocked(self, parent: QWidget, missing: tuple[str, ...]) -> str:
        """ "record", "override" (administrators) or "" to stop."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Approval required"))
        box.setText(self.tr("The client requires approval before this work:\n\n{0}").format(
            "\n".join(f"• {m}" for m in missing)))  # fmt: skip
        record = box.addButton(self.tr("Record approval…"), QMessageBox.ButtonRole.AcceptRole)
        override = None
        if self._is_admin:
            override = box.addButton(self.tr("Override…"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is record:
            return "record"
        return "override" if override is not None and box.clickedButton() is override else ""

    def ask_reason(self, parent: QWidget, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(
            parent, self.tr("Reason"), prompt, QLineEdit.EchoMode.Normal
        )
        text = text.strip()
        if not ok:
            return None
        if len(text) < 5:
            self.show_error(parent, self.tr("Give a reason of at least 5 characters."))
            return None
        return text

    def show_error(self, parent: QWidget | None, text: str) -> None:
        QMessageBox.warning(parent, self.tr("Remote session"), text)


def error_text(error: BaseException) -> str:
    """One line for the technician; never a secret (the errors used here never carry one)."""
    if isinstance(error, (LaunchError, SSHError, RecordNotTrusted, LaunchBlocked)):
        return str(error)
    if isinstance(error, WinRMError):
        return error.message
    if isinstance(error, TargetError):
        return f"The stored {error.field.replace('_', ' ')} is not usable ({error.code})."
    if isinstance(error, VaultLocked):
        return "The vault is locked."
    if isinstance(error, (VaultPermissionDenied, PermissionDeniedError)):
        return "You have no access to this client's credentials."
    if isinstance(error, AuditUnavailable):
        return "The audit log could not be written, so nothing was revealed. Try again."
    if isinstance(error, ValidationError):
        return "Not accepted: " + ", ".join(f"{k} {v}" for k, v in error.problems.items())
    if isinstance(error, ConnectionError | OSError | TimeoutError):
        return f"The server could not be reached ({type(error).__name__})."
    return f"The launch failed ({type(error).__name__})."
