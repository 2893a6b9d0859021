"""Network and vault steps of a launch, run off the GUI thread by `RemoteLauncher`.

Each function is one task: it blocks on the network or the database and returns plain data for
the GUI thread to show or ask about. Nothing here touches a widget.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.remote.known_hosts import KnownHosts
from app.remote.plan import LaunchError
from app.remote.probe import Timeouts, probe
from app.remote.ssh import HostKeyInfo, ShellChannel, SSHSession, fetch_host_key
from app.remote.target import Target
from app.remote.winrm import WinRMClient, fetch_certificate
from app.services.remote_records import RecordView
from app.services.remote_sessions import Started

#: First contact must not hang a launch: the probe's own limits, a little shorter.
PIN_TIMEOUTS = Timeouts(dns=5, connect=3, read=5, total=8)


@dataclass(frozen=True, slots=True)
class CertificateSeen:
    """A TLS certificate as first contact (or the pre-launch check) saw it."""

    sha256: str
    subject: str
    issuer: str
    not_before: dt.datetime | None
    not_after: dt.datetime | None
    #: WinRM HTTPS pins the PEM (the only trust anchor); RDP pins the fingerprint.
    pem: str = ""


def _when(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def rdp_certificate(record: RecordView) -> CertificateSeen:
    """The RDP server's certificate from an X.224 + TLS probe; raises `LaunchError`
    (`unreachable`) naming the server and what the probe saw."""
    target = Target.of("rdp", record.host, record.port)
    result = probe(target, PIN_TIMEOUTS)
    sha = result.info.get("cert_sha256")
    if not sha:
        # The probe's detail says which step failed (refused, timeout, no TLS offered): the
        # technician needs it to tell a stopped service from a firewall.
        seen = result.detail or f"no TLS certificate ({result.layer or 'none'})"
        raise LaunchError(
            "unreachable", f"The certificate of {target.address} could not be read: {seen}."
        )
    return CertificateSeen(
        sha,
        result.info.get("cert_subject", ""),
        result.info.get("cert_issuer", ""),
        _when(result.info.get("cert_not_before")),
        _when(result.info.get("cert_not_after")),
    )


def winrm_certificate(record: RecordView) -> CertificateSeen:
    cert = fetch_certificate(record.host, record.port, PIN_TIMEOUTS.connect + PIN_TIMEOUTS.read)
    return CertificateSeen(cert.sha256, cert.subject, cert.issuer, None, cert.not_after, cert.pem)


def ssh_host_key(record: RecordView) -> HostKeyInfo:
    return fetch_host_key(record.host, record.port, timeout=10.0)


def open_shell(
    started: Started, known_hosts: Path, cols: int = 100, rows: int = 30
) -> tuple[SSHSession, ShellChannel]:
    """Connect and authenticate with the revealed secret, then wipe it; open a PTY shell."""
    password = started.secrets.get("password")
    key = started.secrets.get("private_key")
    try:
        session = SSHSession.open(
            started.target,
            known_hosts=KnownHosts(known_hosts),
            password=password,
            private_key_text=key,
            allow_agent=started.target.policy.ssh_allow_agent,
        )
    finally:
        for secret in started.secrets.values():
            secret.wipe()
    try:
        return session, session.invoke_shell(cols=cols, rows=rows)
    except BaseException:
        session.close()
        raise


def winrm_client(started: Started, cert_dir: Path) -> WinRMClient:
    """A client holding the password in memory for the console's life (pywinrm needs it)."""
    password = started.secrets.get("password")
    if password is None:
        raise ValueError("the record's credential has no password")
    try:
        return WinRMClient(started.target, password.reveal_text(), cert_dir=cert_dir)
    finally:
        password.wipe()
