"""One-shot password pipes for PuTTY's `-pwfile` (remote.md §4.2).

The password never touches a disk or a command line: PuTTY opens the pipe path as a file and
reads `password\\n`. The server answers exactly one reader, then the name is gone; nobody
connecting within 30 s also ends it. On Windows it is a named pipe
(`\\\\.\\pipe\\helpdesk-<32 hex>`) whose DACL admits only the current user and which refuses
remote clients (mRemoteNG's approach, `PuttyBase.cs`). Elsewhere a FIFO in a private 0700
directory plays the same role, which is what the tests exercise.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final, Protocol

#: How long a pipe waits for its one reader (remote.md §4.2).
PIPE_TIMEOUT_S: Final = 30.0
_POLL_S: Final = 0.02


def new_pipe_name() -> str:
    """`helpdesk-` plus 128 random bits, so another process cannot guess and pre-create it."""
    return f"helpdesk-{secrets.token_hex(16)}"


class PasswordPipe(Protocol):
    """A pipe serving one read of its payload, in the background, until `timeout` passes."""

    @property
    def path(self) -> str:
        """What goes after `-pwfile`."""
        ...

    @property
    def served(self) -> bool:
        """True once a reader got the payload."""
        ...

    def wait(self, timeout: float | None = None) -> bool:
        """Block until served or expired; returns `served`."""
        ...

    def close(self) -> None:
        """Stop serving and remove the pipe; idempotent."""
        ...


#: Builds and starts a pipe for a payload; the planner's injection point.
PipeFactory = Callable[[bytes, float], PasswordPipe]


class _ServedOnce:
    """Shared bookkeeping: the payload buffer (wiped when done) and the serving thread."""

    def __init__(self, payload: bytes) -> None:
        self._payload = bytearray(payload)
        self._stop = threading.Event()
        self._done = threading.Event()
        self._served = False
        self._thread: threading.Thread | None = None

    def _start(self, target: Callable[[], None]) -> None:
        self._thread = threading.Thread(target=self._run, args=(target,), daemon=True)
        self._thread.start()

    def _run(self, target: Callable[[], None]) -> None:
        try:
            target()
        finally:
            self._payload[:] = bytes(len(self._payload))
            self._done.set()

    @property
    def served(self) -> bool:
        return self._served

    def wait(self, timeout: float | None = None) -> bool:
        self._done.wait(timeout)
        return self._served

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(served={self._served})"


class FifoPasswordPipe(_ServedOnce):
    """POSIX stand-in for the Windows pipe: a FIFO in a fresh 0700 directory.

    The FIFO is unlinked the moment one reader has opened it, so a second reader finds nothing.
    """

    def __init__(self, payload: bytes, timeout: float = PIPE_TIMEOUT_S) -> None:
        super().__init__(payload)
        self._dir = Path(tempfile.mkdtemp(prefix="helpdesk-pipe-"))
        self._path = self._dir / new_pipe_name()
        os.mkfifo(self._path, 0o600)
        self._deadline = time.monotonic() + timeout
        self._start(self._serve)

    @property
    def path(self) -> str:
        return str(self._path)

    def _serve(self) -> None:
        try:
            fd = self._open_writer()
            if fd is None:
                return
            try:
                os.set_blocking(fd, True)
                view = memoryview(self._payload)
                while view:
                    view = view[os.write(fd, view) :]
                self._served = True
            except OSError:
                # The reader went away before reading everything: not served.
                pass
            finally:
                os.close(fd)
        finally:
            self._remove()

    def _open_writer(self) -> int | None:
        # A non-blocking open for writing fails with ENXIO until a reader has the FIFO open,
        # which lets the loop honour the deadline and `close()`.
        while not self._stop.is_set() and time.monotonic() < self._deadline:
            try:
                fd = os.open(self._path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as exc:
                if exc.errno != errno.ENXIO:
                    return None
                time.sleep(_POLL_S)
                continue
            # Gone before the first byte is written: exactly one reader can ever have it.
            self._path.unlink(missing_ok=True)
            return fd
        return None

    def _remove(self) -> None:
        self._path.unlink(missing_ok=True)
        shutil.rmtree(self._dir, ignore_errors=True)


if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)

    _PIPE_ACCESS_OUTBOUND = 0x00000002
    _FILE_FLAG_FIRST_PIPE_INSTANCE = 0x00080000
    _FILE_FLAG_OVERLAPPED = 0x40000000
    _PIPE_TYPE_BYTE = 0x00000000
    _PIPE_REJECT_REMOTE_CLIENTS = 0x00000008
    _INVALID_HANDLE = wintypes.HANDLE(-1).value
    _ERROR_IO_PENDING = 997
    _ERROR_PIPE_CONNECTED = 535
    _WAIT_OBJECT_0 = 0
    _TOKEN_QUERY = 0x0008
    _TOKEN_USER = 1
    _SDDL_REVISION_1 = 1

    class _SecurityAttributes(ctypes.Structure):
        _fields_ = [
            ("nLength", wintypes.DWORD),
            ("lpSecurityDescriptor", wintypes.LPVOID),
            ("bInheritHandle", wintypes.BOOL),
        ]

    class _Overlapped(ctypes.Structure):
        _fields_ = [
            ("Internal", ctypes.c_void_p),
            ("InternalHigh", ctypes.c_void_p),
            ("Offset", wintypes.DWORD),
            ("OffsetHigh", wintypes.DWORD),
            ("hEvent", wintypes.HANDLE),
        ]

    def _check(ok: object) -> None:
        if not ok:
            raise ctypes.WinError(ctypes.get_last_error())

    def _current_user_sid() -> str:
        token = wintypes.HANDLE()
        _check(
            _advapi32.OpenProcessToken(
                _kernel32.GetCurrentProcess(), _TOKEN_QUERY, ctypes.byref(token)
            )
        )
        try:
            size = wintypes.DWORD()
            _advapi32.GetTokenInformation(token, _TOKEN_USER, None, 0, ctypes.byref(size))
            buf = ctypes.create_string_buffer(size.value)
            _check(_advapi32.GetTokenInformation(token, _TOKEN_USER, buf, size, ctypes.byref(size)))
            # TOKEN_USER starts with SID_AND_ATTRIBUTES, whose first member is the SID pointer.
            sid = ctypes.cast(buf, ctypes.POINTER(ctypes.c_void_p))[0]
            text = wintypes.LPWSTR()
            _check(_advapi32.ConvertSidToStringSidW(ctypes.c_void_p(sid), ctypes.byref(text)))
            try:
                return str(text.value)
            finally:
                _kernel32.LocalFree(text)
        finally:
            _kernel32.CloseHandle(token)

    class WindowsPasswordPipe(_ServedOnce):
        """`\\\\.\\pipe\\helpdesk-<hex>`: one instance, current-user DACL, local clients only."""

        def __init__(self, payload: bytes, timeout: float = PIPE_TIMEOUT_S) -> None:
            super().__init__(payload)
            self._path = rf"\\.\pipe\{new_pipe_name()}"
            self._timeout_ms = int(timeout * 1000)
            self._handle = self._create()
            self._start(self._serve)

        @property
        def path(self) -> str:
            return self._path

        def _create(self) -> int:
            # Protected DACL granting the current user alone: no inherited ACEs, no Everyone.
            sddl = f"D:P(A;;GA;;;{_current_user_sid()})"
            descriptor = wintypes.LPVOID()
            _check(
                _advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(
                    sddl, _SDDL_REVISION_1, ctypes.byref(descriptor), None
                )
            )
            try:
                attributes = _SecurityAttributes(
                    ctypes.sizeof(_SecurityAttributes), descriptor, False
                )
                handle = _kernel32.CreateNamedPipeW(
                    self._path,
                    _PIPE_ACCESS_OUTBOUND | _FILE_FLAG_FIRST_PIPE_INSTANCE | _FILE_FLAG_OVERLAPPED,
                    _PIPE_TYPE_BYTE | _PIPE_REJECT_REMOTE_CLIENTS,
                    1,
                    4096,
                    4096,
                    0,
                    ctypes.byref(attributes),
                )
            finally:
                _kernel32.LocalFree(descriptor)
            if handle in (None, _INVALID_HANDLE):
                raise ctypes.WinError(ctypes.get_last_error())
            return int(handle)

        def _serve(self) -> None:
            event = _kernel32.CreateEventW(None, True, False, None)
            overlapped = _Overlapped(hEvent=event)
            try:
                if not self._connected(overlapped, event):
                    return
                written = wintypes.DWORD()
                data = bytes(self._payload)
                ok = _kernel32.WriteFile(self._handle, data, len(data), ctypes.byref(written), None)
                if ok and written.value == len(data):
                    _kernel32.FlushFileBuffers(self._handle)
                    self._served = True
                _kernel32.DisconnectNamedPipe(self._handle)
            finally:
                # One instance, closed after one client: the name stops existing.
                _kernel32.CloseHandle(self._handle)
                _kernel32.CloseHandle(event)

        def _connected(self, overlapped: _Overlapped, event: int) -> bool:
            if _kernel32.ConnectNamedPipe(self._handle, ctypes.byref(overlapped)):
                return True
            error = ctypes.get_last_error()
            if error == _ERROR_PIPE_CONNECTED:
                return True
            if error != _ERROR_IO_PENDING:
                return False
            waited = 0
            while waited < self._timeout_ms and not self._stop.is_set():
                if _kernel32.WaitForSingleObject(event, 100) == _WAIT_OBJECT_0:
                    return True
                waited += 100
            _kernel32.CancelIo(self._handle)
            return False


def default_pipe_factory() -> PipeFactory:
    """The platform's pipe: a named pipe on Windows, a FIFO elsewhere."""
    if sys.platform == "win32":
        return WindowsPasswordPipe
    return FifoPasswordPipe
