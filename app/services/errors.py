"""Typed errors that services raise; views map them to translated text, the CLI to exit codes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from app.db import (
    DatabaseError,
    DatabaseOpenError,
    DatabaseTooNewError,
    DatabaseUnavailableError,
    UpgradeNeedsConfirmationError,
)

__all__ = [
    "AuthenticationError",
    "ConcurrentEditError",
    "DatabaseError",
    "DatabaseOpenError",
    "DatabaseTooNewError",
    "DatabaseUnavailableError",
    "NotFoundError",
    "PermissionDeniedError",
    "ServiceError",
    "UpgradeNeedsConfirmationError",
    "ValidationError",
]


class ServiceError(Exception):
    """Base of the errors a use case raises on purpose."""


class NotFoundError(ServiceError):
    """The record does not exist (any more)."""

    def __init__(self, kind: str, record_id: int | str) -> None:
        super().__init__(f"{kind} {record_id} not found")
        self.kind = kind
        self.record_id = record_id


class ConcurrentEditError(ServiceError):
    """Someone saved the record since the caller read it; nothing was written."""

    def __init__(
        self,
        kind: str,
        record_id: int,
        current_version: int,
        changed_by: str | None = None,
        changed_at: dt.datetime | None = None,
    ) -> None:
        super().__init__(f"{kind} {record_id} changed (now version {current_version})")
        self.kind = kind
        self.record_id = record_id
        self.current_version = current_version
        self.changed_by = changed_by
        self.changed_at = changed_at


class ValidationError(ServiceError):
    """Input was refused; `problems` maps a field name to an error code (see each service)."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        super().__init__("invalid input: " + ", ".join(f"{k}={v}" for k, v in problems.items()))
        self.problems = dict(problems)


class AuthenticationError(ServiceError):
    """Sign-in refused: unknown e-mail, wrong password or inactive account (not told apart)."""


class PermissionDeniedError(ServiceError):
    """The signed-in technician's role does not allow this action."""

    def __init__(self, action: str) -> None:
        super().__init__(f"not allowed: {action}")
        self.action = action
