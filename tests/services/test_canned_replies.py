"""app/services/canned_replies.py: canned replies with placeholders (domain.md C3).

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import CannedReply
from app.models.enums import Role, Tier
from app.models.ticket import format_number
from app.services.canned_replies import (
    NO_CONTACT,
    CannedReplyService,
    PlaceholderError,
    fill,
)
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from tests.factories import add_client, add_contact, add_technician, add_ticket
from tests.fakes import DEFAULT_NOW, FakeClock


@dataclass(frozen=True)
class World:
    db: Database
    svc: CannedReplyService
    client: int
    other: int
    alice: int
    bob: int
    reader: int
    ticket: int


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    client = add_client(db, "Acme Dental")
    contact = add_contact(db, client, "Jan Peeters")
    return World(
        db=db,
        svc=CannedReplyService(db, clock),
        client=client,
        other=add_client(db, "Borealis Law"),
        alice=add_technician(db, "Alice Martin", tier=Tier.L1),
        bob=add_technician(db, "Bob Stone", tier=Tier.L2),
        reader=add_technician(db, "Rita Reader", role=Role.READ_ONLY),
        ticket=add_ticket(db, client, subject="VPN drops", contact_id=contact),
    )


def test_render_fills_every_placeholder(w: World) -> None:
    r = w.svc.create(
        "Update",
        "Hello {contact},\n{client} ticket {ticket} ({subject}) is in progress.\n— {technician}",
        None,
        False,
        w.alice,
    )
    text = w.svc.render(r.reply_id, w.ticket, w.bob)
    assert text == (
        f"Hello Jan Peeters,\nAcme Dental ticket {format_number(w.ticket)} (VPN drops) is in "
        "progress.\n— Bob Stone"
    )


def test_missing_contact_says_there(w: World) -> None:
    ticket = add_ticket(w.db, w.client, subject="No caller")
    r = w.svc.create("Hi", "Hello {contact},", None, False, w.alice)
    assert w.svc.render(r.reply_id, ticket, w.alice) == f"Hello {NO_CONTACT}," == "Hello there,"


def test_doubled_braces_are_literal(w: World) -> None:
    r = w.svc.create(
        "Braces", "Use {{client}} or {{ }} in a template for {client}.", None, False, w.alice
    )
    assert w.svc.render(r.reply_id, w.ticket, w.alice) == (
        "Use {client} or { } in a template for Acme Dental."
    )


@pytest.mark.parametrize(
    ("body", "name", "code"),
    [
        ("Dear {customer},", "customer", "unknown_placeholder"),
        ("{Client}", "Client", "unknown_placeholder"),
        ("{}", "", "unknown_placeholder"),
        ("Hello {contact", "", "unbalanced_brace"),
        ("Hello contact}", "", "unbalanced_brace"),
        ("{{contact}", "", "unbalanced_brace"),
    ],
)
def test_unknown_placeholders_and_lone_braces_are_refused_at_save(
    w: World, body: str, name: str, code: str
) -> None:
    with pytest.raises(PlaceholderError) as err:
        w.svc.create("Bad", body, None, False, w.alice)
    assert err.value.problems == {"body": code}
    if name:
        assert err.value.name == name
    with w.db.read() as s:
        assert s.scalars(select(CannedReply)).all() == []


def test_fill_raises_for_an_unknown_name() -> None:
    with pytest.raises(PlaceholderError) as err:
        fill("Hi {nickname}", {"contact": "Jan"})
    assert err.value.name == "nickname"
    assert isinstance(err.value, ValidationError)
    assert fill(" { contact } ", {"contact": "Jan"}) == " Jan "


def test_render_refuses_a_stored_body_with_an_unknown_placeholder(w: World) -> None:
    # Written around the service (e.g. by an older version): render still refuses clearly.
    with w.db.write() as s:
        row = CannedReply(name="Old", body="Hi {nick}", created_at=DEFAULT_NOW)
        s.add(row)
        s.flush()
        reply_id = row.id
    with pytest.raises(PlaceholderError) as err:
        w.svc.render(reply_id, w.ticket, w.alice)
    assert err.value.name == "nick"


@pytest.mark.parametrize(
    ("name", "body", "problems"),
    [
        ("", "x", {"name": "required"}),
        ("n" * 201, "x", {"name": "too_long"}),
        ("ok", "   ", {"body": "required"}),
        ("ok", "b" * 20_001, {"body": "too_long"}),
        ("a\x00", "x", {"name": "invalid"}),
        ("ok", "x\x00", {"body": "invalid"}),
    ],
)
def test_bad_input_is_refused(w: World, name: str, body: str, problems: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as err:
        w.svc.create(name, body, None, False, w.alice)
    assert err.value.problems == problems


def test_replies_lists_shared_and_own_private_for_all_clients_and_this_one(w: World) -> None:
    shared_all = w.svc.create("A shared", "x", None, False, w.alice).reply_id
    shared_acme = w.svc.create("B acme", "x", w.client, False, w.alice).reply_id
    shared_other = w.svc.create("C borealis", "x", w.other, False, w.alice).reply_id
    alice_private = w.svc.create("D mine", "x", None, True, w.alice).reply_id
    bob_private = w.svc.create("E bob's", "x", None, True, w.bob).reply_id

    assert [r.reply_id for r in w.svc.replies(w.alice, w.client)] == [
        shared_all,
        shared_acme,
        alice_private,
    ]
    assert [r.reply_id for r in w.svc.replies(w.bob, w.other)] == [
        shared_all,
        shared_other,
        bob_private,
    ]
    assert len(w.svc.replies(w.alice)) == 4
    row = w.svc.get(shared_acme, w.bob)
    assert (row.client_name, row.shared) == ("Acme Dental", True)


def test_someone_elses_private_reply_cannot_be_used_or_edited(w: World) -> None:
    mine = w.svc.create("Mine", "Hi {contact}", None, True, w.alice)
    with pytest.raises(PermissionDeniedError):
        w.svc.render(mine.reply_id, w.ticket, w.bob)
    with pytest.raises(PermissionDeniedError):
        w.svc.update(mine.reply_id, mine.version, "Taken", "x", None, False, w.bob)
    with pytest.raises(PermissionDeniedError):
        w.svc.delete(mine.reply_id, w.bob)
    assert w.svc.get(mine.reply_id, w.alice).name == "Mine"


def test_a_clients_reply_is_not_rendered_on_another_clients_ticket(w: World) -> None:
    r = w.svc.create("Borealis only", "x", w.other, False, w.alice)
    with pytest.raises(ValidationError) as err:
        w.svc.render(r.reply_id, w.ticket, w.alice)
    assert err.value.problems == {"reply_id": "other_client"}


def test_update_delete_and_stale_versions(w: World) -> None:
    # Private from the start: taking a shared reply private is an administrator's call.
    r = w.svc.create("Ack", "Thanks {contact}", None, True, w.alice)
    r2 = w.svc.update(
        r.reply_id, r.version, "Acknowledge", "Thanks, {contact}.", w.client, True, w.alice
    )
    assert (r2.name, r2.client_id, r2.owner_id) == ("Acknowledge", w.client, w.alice)
    with pytest.raises(ConcurrentEditError):
        w.svc.update(r.reply_id, r.version, "Late", "x", None, False, w.alice)
    with pytest.raises(PlaceholderError):
        w.svc.update(r.reply_id, r2.version, "Bad", "Thanks {nick}", None, False, w.alice)
    w.svc.delete(r.reply_id, w.alice)
    with pytest.raises(NotFoundError):
        w.svc.get(r.reply_id, w.alice)


def test_only_an_admin_takes_a_shared_reply_private_or_deletes_it(w: World) -> None:
    admin = add_technician(w.db, "Ada Admin", role=Role.ADMIN)
    shared = w.svc.create("Ack", "Thanks {contact}", None, False, w.alice)
    with pytest.raises(PermissionDeniedError) as denied:
        w.svc.update(shared.reply_id, shared.version, "Ack", "Thanks", None, True, w.alice)
    assert denied.value.action == "unshare_canned_reply"
    with pytest.raises(PermissionDeniedError) as denied:
        w.svc.delete(shared.reply_id, w.alice)
    assert denied.value.action == "delete_shared_canned_reply"
    assert [r.reply_id for r in w.svc.replies(w.bob)] == [shared.reply_id]
    # Editing the text keeps it shared; the owner of a private reply may share it.
    edited = w.svc.update(shared.reply_id, shared.version, "Ack", "Thanks", None, False, w.bob)
    assert edited.shared
    mine = w.svc.create("Mine", "Hi", None, True, w.bob)
    assert w.svc.update(mine.reply_id, mine.version, "Mine", "Hi", None, False, w.bob).shared
    # An administrator may do both.
    private = w.svc.update(shared.reply_id, edited.version, "Ack", "Thanks", None, True, admin)
    assert private.owner_id == admin
    w.svc.delete(mine.reply_id, admin)
    assert w.svc.replies(w.bob) == []


def test_read_only_cannot_write_and_unknown_records_are_not_found(w: World) -> None:
    with pytest.raises(PermissionDeniedError):
        w.svc.create("x", "y", None, False, w.reader)
    r = w.svc.create("x", "y", None, False, w.alice)
    with pytest.raises(PermissionDeniedError):
        w.svc.delete(r.reply_id, w.reader)
    with pytest.raises(NotFoundError):
        w.svc.render(r.reply_id, 999_999, w.alice)
    with pytest.raises(NotFoundError):
        w.svc.render(999_999, w.ticket, w.alice)
    with pytest.raises(ValidationError) as err:
        w.svc.create("x", "y", 999_999, False, w.alice)
    assert err.value.problems == {"client_id": "not_found"}
