"""Writing a report file so that a failure leaves nothing behind: the bytes go to a hidden
temporary file next to the target, which replaces the target only once it is complete."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


class ReportOutputError(OSError):
    """The output file cannot be written; `str()` is one line naming the path and the cause."""


def check_writable(path: Path) -> None:
    """Fail early (before minutes of work) when `path` cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ReportOutputError(f"Cannot write {path}: it is a folder.")
    if not folder.is_dir():
        raise ReportOutputError(f"Cannot write {path}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReportOutputError(f"Cannot write {path}: no permission to write in {folder}.")
    if path.exists() and not os.access(path, os.W_OK):
        raise ReportOutputError(f"Cannot write {path}: the file is read-only.")


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it becomes `path`, on any error it is
    removed and `path` is left as it was."""
    check_writable(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ReportOutputError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, ReportOutputError):
            raise
        raise ReportOutputError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
