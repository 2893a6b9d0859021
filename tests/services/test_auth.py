"""AuthService: the first admin, sign-in, Argon2id hashes and account validation."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from app.db import Database
from app.models import Technician
from app.models.enums import Role, Tier
from app.services.auth import PASSWORD_MIN, AuthService
from app.services.errors import AuthenticationError, PermissionDeniedError, ValidationError
from tests.factories import add_technician
from tests.fakes import FakeClock

#: Cheap parameters (1 pass, 8 KiB), so the suite does not spend seconds hashing.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "correct horse battery"


@pytest.fixture
def auth(db: Database, clock: FakeClock) -> AuthService:
    return AuthService(db, clock, CHEAP_HASHER)


def _stored_hash(db: Database, technician_id: int) -> str:
    with db.read() as s:
        return s.scalars(
            select(Technician.password_hash).where(Technician.id == technician_id)
        ).one()


def _technician_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Technician)) or 0)


def _add_with_password(
    db: Database, email: str, password: str = PASSWORD, *, active: bool = True
) -> int:
    return add_technician(
        db, "Bob Peeters", email=email, active=active, password_hash=CHEAP_HASHER.hash(password)
    )


# --- first admin ------------------------------------------------------------------------------


def test_a_new_database_needs_a_first_admin_until_one_is_created(auth: AuthService) -> None:
    assert auth.needs_first_admin()
    auth.create_first_admin("Ada Admin", "ada@msp.example", PASSWORD)
    assert not auth.needs_first_admin()


def test_the_first_admin_is_an_active_l3_administrator_with_tidy_name_and_email(
    auth: AuthService, clock: FakeClock, db: Database
) -> None:
    admin = auth.create_first_admin("  Ada Admin ", " Ada@MSP.Example ", PASSWORD)

    assert (admin.name, admin.email) == ("Ada Admin", "ada@msp.example")
    assert (admin.role, admin.tier, admin.active) == (Role.ADMIN, Tier.L3, True)
    with db.read() as s:
        assert s.get_one(Technician, admin.technician_id).created_at == clock.now()


def test_the_first_admin_can_be_created_only_once(auth: AuthService, db: Database) -> None:
    auth.create_first_admin("Ada Admin", "ada@msp.example", PASSWORD)

    with pytest.raises(PermissionDeniedError) as caught:
        auth.create_first_admin("Eve Intruder", "eve@msp.example", PASSWORD)

    assert caught.value.action == "create_first_admin"
    assert _technician_count(db) == 1


def test_no_first_admin_once_any_account_exists(auth: AuthService, db: Database) -> None:
    add_technician(db, "Existing Tech")

    assert not auth.needs_first_admin()
    with pytest.raises(PermissionDeniedError):
        auth.create_first_admin("Eve Intruder", "eve@msp.example", PASSWORD)
    assert _technician_count(db) == 1


def test_the_password_is_stored_as_an_argon2id_hash_only(auth: AuthService, db: Database) -> None:
    admin = auth.create_first_admin("Ada Admin", "ada@msp.example", PASSWORD)

    stored = _stored_hash(db, admin.technician_id)
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert PASSWORD.encode().hex() not in stored
    assert CHEAP_HASHER.verify(stored, PASSWORD)


def test_the_same_password_hashes_differently_each_time(auth: AuthService) -> None:
    # A random salt per hash: equal passwords must not be recognisable in the table.
    assert auth.hash_password(PASSWORD) != auth.hash_password(PASSWORD)


@pytest.mark.parametrize(
    ("name", "email", "password", "problems"),
    [
        ("", "ada@msp.example", PASSWORD, {"name": "required"}),
        ("   ", "ada@msp.example", PASSWORD, {"name": "required"}),
        ("A" * 201, "ada@msp.example", PASSWORD, {"name": "too_long"}),
        ("Ada", "", PASSWORD, {"email": "invalid"}),
        ("Ada", "ada.msp.example", PASSWORD, {"email": "invalid"}),
        ("Ada", "ada@localhost", PASSWORD, {"email": "invalid"}),
        ("Ada", "ada @msp.example", PASSWORD, {"email": "invalid"}),
        ("Ada", "ada@msp.example", "x" * (PASSWORD_MIN - 1), {"password": "too_short"}),
        ("", "nope", "", {"name": "required", "email": "invalid", "password": "too_short"}),
        # PostgreSQL cannot store NUL in text: refused as invalid on both backends.
        ("Ada\x00", "ada@msp.example", PASSWORD, {"name": "invalid"}),
        ("Ada", "ada\x00@msp.example", PASSWORD, {"email": "invalid"}),
    ],
)
def test_invalid_accounts_are_refused_with_a_code_per_field(
    auth: AuthService, name: str, email: str, password: str, problems: dict[str, str]
) -> None:
    with pytest.raises(ValidationError) as caught:
        auth.create_first_admin(name, email, password)

    assert caught.value.problems == problems
    assert auth.needs_first_admin()


def test_a_password_of_exactly_the_minimum_length_is_accepted(auth: AuthService) -> None:
    admin = auth.create_first_admin("Ada", "ada@msp.example", "x" * PASSWORD_MIN)
    assert admin.email == "ada@msp.example"


# --- sign-in ----------------------------------------------------------------------------------


def test_sign_in_with_the_right_password_returns_the_technician(
    auth: AuthService, db: Database
) -> None:
    bob_id = _add_with_password(db, "bob@msp.example")

    bob = auth.sign_in("bob@msp.example", PASSWORD)

    assert (bob.technician_id, bob.name, bob.email) == (bob_id, "Bob Peeters", "bob@msp.example")


def test_the_first_admin_can_sign_in(auth: AuthService) -> None:
    admin = auth.create_first_admin("Ada Admin", "ada@msp.example", PASSWORD)
    assert auth.sign_in("ada@msp.example", PASSWORD) == admin


def test_sign_in_ignores_the_case_and_surrounding_spaces_of_the_email(
    auth: AuthService, db: Database
) -> None:
    bob_id = _add_with_password(db, "bob@msp.example")
    assert auth.sign_in("  BOB@Msp.Example ", PASSWORD).technician_id == bob_id


def test_sign_in_finds_an_account_whose_email_was_stored_in_mixed_case(
    auth: AuthService, db: Database
) -> None:
    # Accounts imported or created before e-mails were lower-cased must still sign in.
    bob_id = _add_with_password(db, "Bob.Peeters@MSP.example")
    assert auth.sign_in("bob.peeters@msp.example", PASSWORD).technician_id == bob_id


@pytest.mark.parametrize(
    ("email", "password", "active"),
    [
        pytest.param("bob@msp.example", "wrong password", True, id="wrong-password"),
        pytest.param("bob@msp.example", PASSWORD.upper(), True, id="password-case-matters"),
        pytest.param("bob@msp.example", "", True, id="empty-password"),
        pytest.param("nobody@msp.example", PASSWORD, True, id="unknown-email"),
        pytest.param("bob@msp.example", PASSWORD, False, id="inactive-account"),
        pytest.param("bob@msp.example\x00", PASSWORD, True, id="nul-in-email"),
    ],
)
def test_sign_in_refusals_are_indistinguishable(
    auth: AuthService, db: Database, email: str, password: str, active: bool
) -> None:
    _add_with_password(db, "bob@msp.example", active=active)

    with pytest.raises(AuthenticationError) as caught:
        auth.sign_in(email, password)

    # Same type, no detail: the caller cannot tell which part was wrong.
    assert type(caught.value) is AuthenticationError
    assert caught.value.args == ()
    assert caught.value.__cause__ is None


def test_sign_in_refuses_an_account_with_a_broken_hash(auth: AuthService, db: Database) -> None:
    add_technician(db, "Broken", email="broken@msp.example", password_hash="not-a-phc-string")
    with pytest.raises(AuthenticationError):
        auth.sign_in("broken@msp.example", PASSWORD)


def test_sign_in_upgrades_a_hash_made_with_other_parameters(
    auth: AuthService, db: Database
) -> None:
    old_hasher = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    bob_id = add_technician(db, email="bob@msp.example", password_hash=old_hasher.hash(PASSWORD))

    auth.sign_in("bob@msp.example", PASSWORD)

    stored = _stored_hash(db, bob_id)
    assert stored.startswith("$argon2id$")
    assert not CHEAP_HASHER.check_needs_rehash(stored)
    assert CHEAP_HASHER.verify(stored, PASSWORD)


def test_sign_in_keeps_a_current_hash(auth: AuthService, db: Database) -> None:
    bob_id = _add_with_password(db, "bob@msp.example")
    before = _stored_hash(db, bob_id)

    auth.sign_in("bob@msp.example", PASSWORD)

    assert _stored_hash(db, bob_id) == before
