"""Shared by the stand-in clients in `bin/` and by the tests that read what they saw.

Each stub (`bin/xfreerdp`, `bin/xfreerdp3`, `bin/ssh`, `bin/x-terminal-emulator`, `bin/open`)
records `{argv, stdin, env, env_names}` as JSON in `$STUB_LOG_DIR/<name>-<pid>.json`, then
sleeps `$STUB_SLEEP` seconds (so a test can read `/proc/<pid>/…` meanwhile) and exits with
`$STUB_EXIT` (default 0). The stdin is read to EOF first, as the launch runner closes it.

`xfreerdp /version` and `xfreerdp3 /version` (or `--version`) print a FreeRDP-like version
line instead, so `find_freerdp` works with the stubs. Standard library only: the stubs run under
whatever `python3` is first on PATH.

`FakeWin32Cred` stands in for Windows' `win32cred` module (remote.md §10.2) in tests of
`app.remote.wincred`.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

#: The directory to put first on PATH.
STUB_BIN = Path(__file__).resolve().parent / "bin"
#: Stub names and the version line each prints for `/version`.
VERSIONS = {
    "xfreerdp": "This is FreeRDP version 2.11.7 (2.11.7)",
    "xfreerdp3": "This is FreeRDP version 3.10.3 (3.10.3)",
}
#: Environment values recorded verbatim; other variables are recorded by name only.
RECORDED_ENV = ("PATH", "HOME", "DISPLAY", "LANG", "STUB_LOG_DIR", "STUB_SLEEP", "STUB_EXIT")


def run_stub() -> int:
    """The body of every stub script."""
    name = Path(sys.argv[0]).name
    if name in VERSIONS and sys.argv[1:] in (["/version"], ["--version"]):
        print(VERSIONS[name])
        return 0
    stdin = ""
    if not sys.stdin.isatty():
        stdin = sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
    record = {
        "name": name,
        "pid": os.getpid(),
        "argv": sys.argv,
        "stdin": stdin,
        "env": {key: os.environ[key] for key in RECORDED_ENV if key in os.environ},
        "env_names": sorted(os.environ),
    }
    log_dir = os.environ.get("STUB_LOG_DIR")
    if log_dir:
        final = Path(log_dir) / f"{name}-{os.getpid()}.json"
        partial = final.with_suffix(".part")
        partial.write_text(json.dumps(record), encoding="utf-8")
        # Renamed into place, so a reader never sees half a record.
        partial.replace(final)
    time.sleep(float(os.environ.get("STUB_SLEEP", "0") or 0))
    return int(os.environ.get("STUB_EXIT", "0") or 0)


def read_stub_logs(log_dir: Path, name: str | None = None) -> list[dict[str, object]]:
    """The records in `log_dir` (of stub `name` only, if given), oldest first."""
    pattern = f"{name}-*.json" if name else "*.json"
    paths = sorted(Path(log_dir).glob(pattern), key=lambda p: p.stat().st_mtime_ns)
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def wait_for_stub_log(
    log_dir: Path, name: str, pid: int, timeout: float = 10.0
) -> dict[str, object]:
    """The record of stub `name` with process id `pid`, waiting up to `timeout` seconds."""
    path = Path(log_dir) / f"{name}-{pid}.json"
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"stub {name} (pid {pid}) wrote no record within {timeout} s")
        time.sleep(0.01)
    record: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return record


# --- OS API stand-ins -------------------------------------------------------------------------

#: ERROR_NOT_FOUND, as pywintypes.error reports a missing credential.
ERROR_NOT_FOUND = 1168


class FakeCredError(Exception):
    """Like pywintypes.error: carries `winerror`."""

    def __init__(self, winerror: int) -> None:
        super().__init__(winerror, "Cred*", "error")
        self.winerror = winerror


class FakeWin32Cred:
    """An in-memory credential manager with win32cred's call shapes; records every call."""

    def __init__(self) -> None:
        self.entries: dict[str, dict[str, Any]] = {}
        self.calls: list[tuple[str, str, dict[str, Any]]] = []
        self.fail_writes = False

    def CredRead(self, TargetName: str, Type: int, Flags: int = 0) -> dict[str, Any]:
        self.calls.append(("CredRead", TargetName, {"Type": Type}))
        if TargetName not in self.entries:
            raise FakeCredError(ERROR_NOT_FOUND)
        return dict(self.entries[TargetName])

    def CredWrite(self, Credential: Mapping[str, Any], Flags: int = 0) -> None:
        self.calls.append(("CredWrite", Credential["TargetName"], dict(Credential)))
        if self.fail_writes:
            raise FakeCredError(5)
        self.entries[Credential["TargetName"]] = dict(Credential)

    def CredDelete(self, TargetName: str, Type: int, Flags: int = 0) -> None:
        self.calls.append(("CredDelete", TargetName, {"Type": Type}))
        if TargetName not in self.entries:
            raise FakeCredError(ERROR_NOT_FOUND)
        del self.entries[TargetName]

    def names(self, call: str) -> list[str]:
        return [name for kind, name, _ in self.calls if kind == call]
