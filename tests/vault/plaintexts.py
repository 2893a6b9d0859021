"""Distinctive plaintexts for the leak tests (vault.md §14) and the byte forms to look for.

Shared by tests/vault/test_no_leaks.py, tests/vault/test_data_dir_at_rest.py and
tests/views/test_vault_no_leaks.py: one set of values, each stored, revealed and copied, then
looked for in logs, reprs, exceptions and files as UTF-8, UTF-16LE, base64 and hex.
"""

from __future__ import annotations

import base64
import contextlib
import logging
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Final

from app.bootstrap import configure_logging
from app.paths import AppPaths
from app.vault.secret import Secret

PASSWORD: Final = "Sup3r-Secret-Pa55!"
#: The password after an edit (the update path seals too).
NEW_PASSWORD: Final = "Sup3r-Secret-Pa55!-rotated-0x5eed"
USERNAME: Final = "svc-leakcheck@acme-logs.example"
NOTES: Final = "Leak-check notes: the safe code is 4711-0815, spare key under the mat"
#: Valid Base32, so "Show code" in the reveal dialog accepts it.
TOTP_SEED: Final = "JBSWY3DPEHPK3PXPLEAKCHK2"
PRIVATE_KEY_BODY: Final = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQLeakCheckPrivateKeyLine0"
PRIVATE_KEY: Final = (
    "-----BEGIN OPENSSH PRIVATE KEY-----\n"
    f"{PRIVATE_KEY_BODY}\n"
    "QyNTUxOQAAACDv3Qk9mH2cX7yq0aTestOnlyKeyMaterialForTheLeakScanXyZ9\n"
    "-----END OPENSSH PRIVATE KEY-----\n"
)
#: The technician's vault password and the admin's: secrets too, never logged or stored.
VAULT_PASSWORD: Final = "leak-check vault passphrase 1"
ADMIN_PASSWORD: Final = "leak-check admin passphrase 2"
#: Plaintext metadata: expected in the database and the SQL log (the scans' sanity check).
LABEL: Final = "Leak-check core switch (label-marker-5517)"

SECRETS: Final[Mapping[str, str]] = {
    "username": USERNAME,
    "password": PASSWORD,
    "notes": NOTES,
    "totp": TOTP_SEED,
    "private_key": PRIVATE_KEY,
}


def secrets() -> dict[str, Secret]:
    return {name: Secret(value) for name, value in SECRETS.items()}


def forms(name: str, value: str | bytes) -> dict[str, bytes]:
    """`value` as it could reach a log or a file: text encodings, base64 and hex."""
    raw = value.encode("utf-8") if isinstance(value, str) else value
    out = {
        f"{name} (base64)": base64.b64encode(raw),
        f"{name} (urlsafe base64)": base64.urlsafe_b64encode(raw),
        f"{name} (hex)": raw.hex().encode(),
        f"{name} (HEX)": raw.hex().upper().encode(),
    }
    if isinstance(value, str):
        out[f"{name} (utf-8)"] = raw
        out[f"{name} (utf-16le)"] = value.encode("utf-16-le")
    else:
        out[f"{name} (raw)"] = raw
    return out


def needles(extra: Mapping[str, str | bytes] | None = None) -> dict[str, bytes]:
    """Every secret in every form, the private key line by line too (a log or a repr may
    split it or escape its newlines), plus `extra`."""
    out: dict[str, bytes] = {}
    values: dict[str, str | bytes] = {
        **SECRETS,
        "new password": NEW_PASSWORD,
        "vault password": VAULT_PASSWORD,
        "admin vault password": ADMIN_PASSWORD,
        **(extra or {}),
    }
    for name, value in values.items():
        out.update(forms(name, value))
    for i, line in enumerate(PRIVATE_KEY.splitlines()[1:-1]):
        out.update(forms(f"private key line {i + 1}", line))
    return out


def found(data: bytes | str, needles: Mapping[str, bytes]) -> list[str]:
    """The names of the needles present in `data` (text is searched as UTF-8)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return [name for name, needle in needles.items() if needle in data]


def files_under(root: Path) -> dict[Path, bytes]:
    """Every regular file below `root` with its bytes."""
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@contextlib.contextmanager
def debug_logging(paths: AppPaths) -> Iterator[Path]:
    """The app's own logging (`configure_logging`, a real rotating file in the data dir) with
    the root logger and every SQLAlchemy logger at DEBUG: statements, parameters (hidden) and
    result rows. Yields the log file; removes and closes the handlers it added on exit.

    `engine.echo` is not switched on: it adds a stdout handler to SQLAlchemy's logger that is
    never removed. DEBUG on `sqlalchemy.engine` logs exactly what `echo="debug"` logs.
    """
    root = logging.getLogger()
    before_handlers = list(root.handlers)
    before_level = root.level
    sa = logging.getLogger("sqlalchemy")
    sa_level = sa.level
    configure_logging(paths, "DEBUG")
    sa.setLevel(logging.DEBUG)
    try:
        yield paths.logs_dir / "helpdesk.log"
    finally:
        for handler in list(root.handlers):
            if handler not in before_handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(before_level)
        sa.setLevel(sa_level)


def flush_logs() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()
