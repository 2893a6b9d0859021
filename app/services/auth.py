"""Technician accounts: first-run admin creation and sign-in with Argon2id password hashes."""

from __future__ import annotations

import contextlib
import re
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from app.db import Database
from app.models import Technician
from app.models.enums import Role, Tier
from app.services.clock import Clock
from app.services.directory import TechnicianRow, technician_row
from app.services.errors import AuthenticationError, PermissionDeniedError, ValidationError

PASSWORD_MIN: Final = 8
_EMAIL_RE: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class AuthService:
    """Signs technicians in. Any thread; hashing is slow on purpose: keep it off the GUI thread."""

    def __init__(self, db: Database, clock: Clock, hasher: PasswordHasher | None = None) -> None:
        self._db = db
        self._clock = clock
        # argon2-cffi's defaults are Argon2id with RFC 9106's low-memory profile.
        self._hasher = hasher or PasswordHasher()
        self._dummy_hash: str | None = None

    def needs_first_admin(self) -> bool:
        """True on a new install: nobody can sign in until the first admin is created."""
        with self._db.read() as s:
            return int(s.scalar(select(func.count()).select_from(Technician)) or 0) == 0

    def create_first_admin(self, name: str, email: str, password: str) -> TechnicianRow:
        """Create the first account, an L3 admin. Refused once any account exists."""
        name, email = name.strip(), email.strip().lower()
        _validate_account(name, email, password)
        with self._db.write() as s:
            if s.scalar(select(func.count()).select_from(Technician)):
                raise PermissionDeniedError("create_first_admin")
            tech = Technician(
                name=name,
                email=email,
                tier=Tier.L3,
                role=Role.ADMIN,
                password_hash=self._hasher.hash(password),
                active=True,
                created_at=self._clock.now(),
            )
            s.add(tech)
            s.flush()
            return technician_row(tech)

    def sign_in(self, email: str, password: str) -> TechnicianRow:
        """The technician whose e-mail and password match; `AuthenticationError` otherwise."""
        email = email.strip().lower()
        if "\x00" in email:
            # PostgreSQL cannot even compare text holding NUL; no account can match it.
            self._verify_nothing(password)
            raise AuthenticationError()
        with self._db.write() as s:
            tech = s.scalar(select(Technician).where(func.lower(Technician.email) == email))
            if tech is None:
                # Spend the same time as a real check, so timing does not reveal accounts.
                self._verify_nothing(password)
                raise AuthenticationError()
            try:
                self._hasher.verify(tech.password_hash, password)
            except (VerificationError, InvalidHashError):
                raise AuthenticationError() from None
            if not tech.active:
                raise AuthenticationError()
            if self._hasher.check_needs_rehash(tech.password_hash):
                tech.password_hash = self._hasher.hash(password)
            return technician_row(tech)

    def hash_password(self, password: str) -> str:
        """An Argon2id hash for a new or reset password."""
        return self._hasher.hash(password)

    def _verify_nothing(self, password: str) -> None:
        if self._dummy_hash is None:
            self._dummy_hash = self._hasher.hash("not-a-password")
        with contextlib.suppress(VerificationError):
            self._hasher.verify(self._dummy_hash, password)


def _validate_account(name: str, email: str, password: str) -> None:
    problems: dict[str, str] = {}
    if "\x00" in name:
        problems["name"] = "invalid"
    elif not name:
        problems["name"] = "required"
    elif len(name) > 200:
        problems["name"] = "too_long"
    if not _EMAIL_RE.match(email) or len(email) > 320 or "\x00" in email:
        problems["email"] = "invalid"
    if len(password) < PASSWORD_MIN:
        problems["password"] = "too_short"
    if problems:
        raise ValidationError(problems)
