"""The app's own SSH known_hosts file (remote.md §4.1, §5).

Pins live in `<user data dir>/known_hosts` in OpenSSH's plain format (`[host]:port type b64`,
port 22 written without brackets), so the system `ssh` can be pointed at the same file with
`-o UserKnownHostsFile=`. `~/.ssh/known_hosts` is never read: what the app trusts must not depend
on the technician's machine.

Writes go to a temp file in the same directory that is then renamed over the old one, so a crash
leaves either the old or the new file, never half of one, and the file is always 0600.
"""

from __future__ import annotations

import base64
import hashlib
import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from app.remote.target import TargetError, validate_host, validate_port, validate_ssh_host_key

_DEFAULT_SSH_PORT: Final = 22


class KnownHostsError(ValueError):
    """A pin cannot be stored: `code` is `already_pinned` (use `replace`) or `invalid_key`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def host_pattern(host: str, port: int) -> str:
    """The known_hosts name OpenSSH and paramiko look up: `host` on 22, else `[host]:port`."""
    return host if port == _DEFAULT_SSH_PORT else f"[{host}]:{port}"


def fingerprint_sha256(key_b64: str) -> str:
    """`SHA256:<unpadded base64>` of the key blob, the form `ssh-keygen -lf` prints."""
    digest = hashlib.sha256(base64.b64decode(key_b64)).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


@dataclass(frozen=True)
class HostKeyEntry:
    """One pinned key for one `host:port`."""

    host: str
    port: int
    key_type: str
    key_b64: str

    @property
    def pattern(self) -> str:
        return host_pattern(self.host, self.port)

    @property
    def key_text(self) -> str:
        """`<type> <base64>`, the form `Target.ssh_host_key` and the record store."""
        return f"{self.key_type} {self.key_b64}"

    @property
    def fingerprint(self) -> str:
        return fingerprint_sha256(self.key_b64)

    @property
    def line(self) -> str:
        return f"{self.pattern} {self.key_text}"


def _parse_pattern(pattern: str) -> tuple[str, int] | None:
    """`[host]:port` or a bare host (port 22); wildcards, negations and hashes are not ours."""
    if pattern.startswith("["):
        host, sep, port_text = pattern[1:].partition("]:")
        if not sep or not port_text.isdigit():
            return None
        port = int(port_text)
    else:
        host, port = pattern, _DEFAULT_SSH_PORT
    try:
        return validate_host(host), validate_port(port)
    except TargetError:
        return None


def _parse_line(line: str) -> list[HostKeyEntry]:
    """The entries on one line; lines this app did not write (markers, hashed names,
    wildcards) yield nothing and are kept verbatim on rewrite."""
    fields = line.split()
    if len(fields) < 3 or fields[0].startswith(("#", "@", "|")):
        return []
    key_type, key_b64 = fields[1], fields[2]
    try:
        validate_ssh_host_key(f"{key_type} {key_b64}")
    except TargetError:
        return []
    entries = []
    for pattern in fields[0].split(","):
        parsed = _parse_pattern(pattern)
        if parsed is not None:
            entries.append(HostKeyEntry(parsed[0], parsed[1], key_type, key_b64))
    return entries


class KnownHosts:
    """The pins in one known_hosts file, re-read on every lookup so other windows' writes count.

    Thread-safe within the process (the connect worker and the GUI may both touch it).
    """

    def __init__(self, path: Path) -> None:
        self._path = Path(path)
        self._lock = threading.Lock()

    @property
    def path(self) -> Path:
        return self._path

    def _lines(self) -> list[str]:
        try:
            return self._path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []

    def entries(self) -> list[HostKeyEntry]:
        """Every pin in the file, in file order."""
        with self._lock:
            return [entry for line in self._lines() for entry in _parse_line(line)]

    def __iter__(self) -> Iterator[HostKeyEntry]:
        return iter(self.entries())

    def lookup(self, host: str, port: int) -> list[HostKeyEntry]:
        """The keys pinned for `host:port` (several when a host has one per key type)."""
        host, port = validate_host(host), validate_port(port)
        return [e for e in self.entries() if (e.host, e.port) == (host, port)]

    def add(self, host: str, port: int, key_type: str, key_b64: str) -> HostKeyEntry:
        """Pin a key after the user accepted it (trust on first use).

        Adding the same key again is a no-op. A different key of the same type is refused with
        `already_pinned`: changing a pin is `replace`, an audited admin action (remote.md §5).
        """
        entry = self._entry(host, port, key_type, key_b64)
        with self._lock:
            lines = self._lines()
            for line in lines:
                for old in _parse_line(line):
                    if (old.host, old.port, old.key_type) != (entry.host, entry.port, key_type):
                        continue
                    if old.key_b64 == key_b64:
                        return entry
                    raise KnownHostsError(
                        "already_pinned",
                        f"{entry.pattern} already has a different {key_type} key pinned",
                    )
            self._write([*lines, entry.line])
        return entry

    def replace(self, host: str, port: int, key_type: str, key_b64: str) -> HostKeyEntry:
        """Drop every key pinned for `host:port` and pin this one instead."""
        entry = self._entry(host, port, key_type, key_b64)
        with self._lock:
            kept = self._without(self._lines(), entry.host, entry.port)
            self._write([*kept, entry.line])
        return entry

    def remove(self, host: str, port: int) -> bool:
        """Forget `host:port` ("Forget host key"); True when something was removed."""
        host, port = validate_host(host), validate_port(port)
        with self._lock:
            lines = self._lines()
            kept = self._without(lines, host, port)
            if kept == lines:
                return False
            self._write(kept)
        return True

    @staticmethod
    def _entry(host: str, port: int, key_type: str, key_b64: str) -> HostKeyEntry:
        try:
            validate_ssh_host_key(f"{key_type} {key_b64}")
        except TargetError:
            raise KnownHostsError("invalid_key", "not a supported SSH host key") from None
        return HostKeyEntry(validate_host(host), validate_port(port), key_type, key_b64)

    @staticmethod
    def _without(lines: list[str], host: str, port: int) -> list[str]:
        kept = []
        for line in lines:
            fields = line.split()
            entries = _parse_line(line)
            if not any((e.host, e.port) == (host, port) for e in entries):
                kept.append(line)
                continue
            # A line naming several hosts keeps the others.
            others = [
                p for p in fields[0].split(",") if _parse_pattern(p) not in (None, (host, port))
            ]
            if others:
                kept.append(" ".join([",".join(others), *fields[1:]]))
        return kept

    def _write(self, lines: list[str]) -> None:
        directory = self._path.parent
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".known_hosts-", dir=directory)
        try:
            # mkstemp already creates 0600; chmod keeps that true whatever the umask.
            os.chmod(tmp, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write("".join(f"{line}\n" for line in lines))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self._path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
