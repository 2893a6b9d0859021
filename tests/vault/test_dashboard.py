"""The vault admin dashboard's queries: rotation worklist, reveal bursts, keys due for rotation
(vault.md §8.6, §8.7, §9), on both backends. Nothing here may decrypt."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import update

from app.db import Database
from app.models import Technician, VaultItem
from app.models.enums import Role
from app.vault import crypto
from app.vault.dashboard import VaultDashboard, bursts_in
from app.vault.errors import PermissionDenied
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft, Purpose
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

ADMIN_PW = "correct horse battery"
BOB_PW = "bob's vault password"
WHY = Purpose("view", reason="checking the backup job")


@dataclass
class Desk:
    admin: VaultService
    admin_id: int
    bob: VaultService
    bob_id: int
    #: Acme, Globex.
    vaults: list[int]
    #: Acme Domain admin, Acme Firewall, Globex Domain admin, Globex Firewall.
    items: list[uuid.UUID]
    dashboard: VaultDashboard


@pytest.fixture
def desk(db: Database, clock: FakeClock) -> Desk:
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    bob_id = add_technician(db, "Bob Tech", email="bob@test.msp")
    admin = VaultService(db, admin_id, clock.now)
    admin.set_up(ADMIN_PW)
    bob = VaultService(db, bob_id, clock.now)
    bob.enrol(BOB_PW)  # leaves Bob unlocked
    admin.sign(bob_id, fingerprints_compared=True)
    vaults: list[int] = []
    items: list[uuid.UUID] = []
    for name in ("Acme", "Globex"):
        vault_id = admin.create_vault(add_client(db, name))
        for label, host in (("Domain admin", "dc01.local"), ("Firewall", "fw.local")):
            items.append(
                admin.put_item(
                    ItemDraft(
                        vault_id=vault_id,
                        label=label,
                        host=host,
                        secrets={"password": Secret(f"{name}-{label}-pw")},
                    )
                )
            )
        admin.grant(vault_id, bob_id)
        vaults.append(vault_id)
    return Desk(
        admin, admin_id, bob, bob_id, vaults, items, VaultDashboard(db, admin_id, clock.now)
    )


@pytest.fixture
def no_decrypt(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it once the scene is set: from then on opening a grant or a field fails the test,
    since the dashboard reads metadata only."""

    def boom(*_a: object, **_k: object) -> bytes:
        raise AssertionError("the dashboard decrypted something")

    def forbid() -> None:
        monkeypatch.setattr(crypto, "open_field", boom)
        monkeypatch.setattr(crypto, "open_grant", boom)

    return forbid


def _revoke_bob_after_reveals(desk: Desk, clock: FakeClock) -> dt.datetime:
    desk.bob.reveal(desk.items[0], ("password",), WHY)  # Acme / Domain admin
    clock.advance(minutes=5)
    seen = clock.now()
    desk.bob.reveal(desk.items[0], ("password",), WHY)
    desk.bob.reveal(desk.items[3], ("password",), WHY)  # Globex / Firewall
    clock.advance(days=1)
    desk.admin.revoke_user(desk.bob_id)
    return seen


def test_the_worklist_lists_what_the_revoked_technician_revealed_then_the_rest(
    desk: Desk, clock: FakeClock, no_decrypt: Callable[[], None]
) -> None:
    seen = _revoke_bob_after_reveals(desk, clock)
    no_decrypt()

    rows = desk.dashboard.worklist()

    got = [(r.client_name, r.item_label, r.item_host, r.basis, r.last_revealed_at) for r in rows]
    assert got == [
        ("Acme", "Domain admin", "dc01.local", "revealed", seen),
        ("Globex", "Firewall", "fw.local", "revealed", seen),
        ("Acme", "Firewall", "fw.local", "could_reveal", None),
        ("Globex", "Domain admin", "dc01.local", "could_reveal", None),
    ]
    assert {r.subject_name for r in rows} == {"Bob Tech"}
    assert {r.cause for r in rows} == {"revoke"}
    assert {r.created_at for r in rows} == {clock.now()}
    assert all(r.is_open and r.done_by_name is None for r in rows)
    assert {r.item_id for r in rows} == {str(i) for i in desk.items}


def test_a_new_password_closes_the_row_and_other_edits_do_not(desk: Desk, clock: FakeClock) -> None:
    _revoke_bob_after_reveals(desk, clock)
    acme = desk.vaults[0]
    clock.advance(hours=2)
    # A new username is not a new password: the row stays open.
    desk.admin.put_item(
        ItemDraft(
            vault_id=acme, label="Firewall", host="fw.local", item_id=desk.items[1],
            secrets={"username": Secret("root")},
        )
    )  # fmt: skip
    desk.admin.put_item(
        ItemDraft(
            vault_id=acme, label="Domain admin", host="dc01.local", item_id=desk.items[0],
            secrets={"password": Secret("a brand new password")},
        )
    )  # fmt: skip

    open_rows = desk.dashboard.worklist()
    assert str(desk.items[0]) not in {r.item_id for r in open_rows}
    assert len(open_rows) == 3
    every = desk.dashboard.worklist(open_only=False)
    done = [r for r in every if not r.is_open]
    assert [(r.item_label, r.done_at, r.done_by_name) for r in done] == [
        ("Domain admin", clock.now(), "Ada Admin")
    ]
    assert every[-1] == done[0]  # closed rows come last


def test_a_password_changed_outside_put_item_still_closes_the_row(
    db: Database, desk: Desk, clock: FakeClock
) -> None:
    _revoke_bob_after_reveals(desk, clock)
    later = clock.advance(hours=1)
    with db.write() as s:
        s.execute(
            update(VaultItem).where(VaultItem.id == str(desk.items[2])).values(rotated_at=later)
        )
    assert str(desk.items[2]) not in {r.item_id for r in desk.dashboard.worklist()}
    closed = [r for r in desk.dashboard.worklist(open_only=False) if not r.is_open]
    assert [(r.item_id, r.done_at, r.done_by_id) for r in closed] == [
        (str(desk.items[2]), later, None)
    ]


def test_a_deleted_item_keeps_its_row_and_its_client(desk: Desk, clock: FakeClock) -> None:
    _revoke_bob_after_reveals(desk, clock)
    desk.admin.delete_item(desk.items[3], "firewall decommissioned")

    row = next(r for r in desk.dashboard.worklist() if r.item_id == str(desk.items[3]))

    assert (row.item_label, row.item_deleted, row.client_name, row.basis) == (
        None,
        True,
        "Globex",
        "revealed",
    )


def test_more_than_twenty_reveals_in_an_hour_are_flagged(
    desk: Desk, clock: FakeClock, no_decrypt: Callable[[], None]
) -> None:
    # Metadata only: reveal rows are written as the service writes them, without decrypting.
    from app.vault.audit_log import AuditEntry, append

    def reveals(tech_id: int, n: int, every: dt.timedelta) -> dt.datetime:
        first = clock.now()
        for _ in range(n):
            with desk.admin.db.write() as s:
                append(s, AuditEntry("copy", tech_id, item_id=str(desk.items[0])), clock.now())
            clock.advance(every)
        return first

    bob_first = reveals(desk.bob_id, 21, dt.timedelta(minutes=2))
    reveals(desk.admin_id, 20, dt.timedelta(minutes=2))  # 20 is allowed
    clock.advance(hours=3)
    reveals(desk.admin_id, 21, dt.timedelta(minutes=3))  # 21 over exactly an hour: not one hour

    no_decrypt()
    bursts = desk.dashboard.heavy_revealers()

    assert [(b.technician_name, b.window_start, b.count) for b in bursts] == [
        ("Bob Tech", bob_first, 21)
    ]
    assert bursts[0].window_end == bob_first + dt.timedelta(hours=1)
    # Older than the look-back (7 days by default): no longer flagged.
    clock.advance(days=8)
    assert desk.dashboard.heavy_revealers() == []


def test_denied_reveals_are_not_reveals(desk: Desk, clock: FakeClock) -> None:
    from app.vault.audit_log import AuditEntry, append

    for _ in range(25):
        with desk.admin.db.write() as s:
            append(s, AuditEntry("reveal_denied", desk.bob_id, outcome="denied"), clock.now())
    assert desk.dashboard.heavy_revealers() == []


def test_bursts_slide_and_merge() -> None:
    t0 = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
    minute = dt.timedelta(minutes=1)
    hour = dt.timedelta(hours=1)
    # 10 reveals from 9:30, then 11 from 10:19: no clock hour holds 21, the hour from 9:30 does.
    times = [t0 + i * minute for i in range(10)] + [t0 + (49 + i) * minute for i in range(11)]
    assert list(bursts_in(times, hour, 20)) == [(t0, 21)]
    assert list(bursts_in(times[1:], hour, 20)) == []
    # Two separate bursts, two reports; overlapping windows of one burst, one report at its peak.
    second = [t0 + 3 * hour + i * minute for i in range(30)]
    assert list(bursts_in(times + second, hour, 20)) == [(t0, 21), (second[0], 30)]


def test_vault_keys_older_than_a_year_are_due(
    desk: Desk, clock: FakeClock, no_decrypt: Callable[[], None]
) -> None:
    no_decrypt()
    assert desk.dashboard.rotation_due() == []
    created = clock.now()
    clock.advance(days=366)

    due = desk.dashboard.rotation_due()

    # The org-signing vault is not a client's: left out.
    assert [
        (d.client_name, d.vault_id, d.current_version, d.key_since, d.rotated_at) for d in due
    ] == [
        ("Acme", desk.vaults[0], 1, created, None),
        ("Globex", desk.vaults[1], 1, created, None),
    ]


def test_a_rotated_vault_is_no_longer_due(desk: Desk, clock: FakeClock) -> None:
    clock.advance(days=366)
    desk.admin.rotate(desk.vaults[0], "yearly")
    due = desk.dashboard.rotation_due()
    assert [d.vault_id for d in due] == [desk.vaults[1]]
    clock.advance(days=366)
    rotated = {d.vault_id: d for d in desk.dashboard.rotation_due()}
    assert rotated[desk.vaults[0]].current_version == 2
    assert rotated[desk.vaults[0]].rotated_at == clock.now() - dt.timedelta(days=366)


def test_only_active_admins_see_the_dashboard(db: Database, desk: Desk, clock: FakeClock) -> None:
    as_bob = VaultDashboard(db, desk.bob_id, clock.now)
    for call in (as_bob.worklist, as_bob.heavy_revealers, as_bob.rotation_due):
        with pytest.raises(PermissionDenied):
            call()
    with db.write() as s:
        s.execute(update(Technician).where(Technician.id == desk.admin_id).values(active=False))
    with pytest.raises(PermissionDenied):
        desk.dashboard.worklist()
    with pytest.raises(PermissionDenied):
        VaultDashboard(db, 999_999, clock.now).rotation_due()
