"""app/services/knowledge_base.py: articles, versions, permissions, ticket links and "save
solution to KB" (domain.md K2–K5, §1.1).

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction; the clock stands at
Monday 2026-03-02 09:00 UTC until a test moves it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import KbArticle, KbArticleVersion, Ticket, TicketEvent, TicketKbLink
from app.models.enums import EventKind, Role, Status, Tier
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.knowledge_base import (
    ArticleRow,
    KnowledgeBaseService,
    article_number,
    normalise_tags,
)
from tests.factories import add_client, add_technician, add_ticket
from tests.fakes import DEFAULT_NOW, FakeClock


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    kb: KnowledgeBaseService
    client: int
    other_client: int
    l1: int
    l2: int
    l3: int
    admin: int
    reader: int


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    return World(
        db=db,
        clock=clock,
        kb=KnowledgeBaseService(db, clock),
        client=add_client(db, "Acme Dental"),
        other_client=add_client(db, "Borealis Law"),
        l1=add_technician(db, "Lena One", tier=Tier.L1),
        l2=add_technician(db, "Lars Two", tier=Tier.L2),
        l3=add_technician(db, "Lisa Three", tier=Tier.L3),
        admin=add_technician(db, "Ada Admin", tier=Tier.L1, role=Role.ADMIN),
        reader=add_technician(db, "Rita Reader", tier=Tier.L2, role=Role.READ_ONLY),
    )


def _resolved_ticket(w: World, status: Status = Status.RESOLVED) -> int:
    ticket_id = add_ticket(w.db, w.client, subject="Outlook keeps asking for password")
    with w.db.write() as s:
        t = s.get(Ticket, ticket_id)
        assert t is not None
        t.description = "Outlook prompts for credentials every few minutes."
        t.steps_tried = "Restarted Outlook; cleared cached credentials."
        t.resolution = "Recreated the Outlook profile and re-registered MFA."
        t.category = "End-user computing › Windows 11 › Outlook"
        t.set_status(status, DEFAULT_NOW)
    return ticket_id


def _kb_events(db: Database, ticket_id: int) -> list[tuple[str, int | None]]:
    """The ticket's KB events as (body, actor id), oldest first."""
    with db.read() as s:
        return [
            (e.body, e.actor_id)
            for e in s.scalars(
                select(TicketEvent)
                .where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind == EventKind.KB)
                .order_by(TicketEvent.id)
            )
        ]


# -- creating and validating ---------------------------------------------------------------------


def test_create_keeps_version_one_with_author_time_and_normalised_tags(w: World) -> None:
    a = w.kb.create(
        None,
        "  VPN troubleshooting ",
        "# VPN\n\nCheck the client.",
        " Network ",
        "VPN, Remote-Access vpn  MFA",
        w.l1,
    )

    assert (a.title, a.category, a.tags) == (
        "VPN troubleshooting",
        "Network",
        ("vpn", "remote-access", "mfa"),
    )
    assert a.client_id is None and a.current_version == 1 and not a.archived
    assert a.created_by_name == "Lena One" and a.created_at == DEFAULT_NOW
    [v] = w.kb.versions(a.article_id)
    assert (v.number, v.author_name, v.at, v.summary) == (1, "Lena One", DEFAULT_NOW, "Created")
    assert article_number(a.article_id) == f"KB-{a.article_id}" == a.number


@pytest.mark.parametrize(
    ("title", "body", "category", "tags", "problems"),
    [
        ("", "x", "", "", {"title": "required"}),
        ("   ", "x", "", "", {"title": "required"}),
        ("t" * 301, "x", "", "", {"title": "too_long"}),
        ("ok", "b" * 200_001, "", "", {"body": "too_long"}),
        ("ok", "x", "c" * 201, "", {"category": "too_long"}),
        ("ok", "x", "", " ".join(f"t{i}" for i in range(21)), {"tags": "too_many"}),
        ("ok", "x", "", "x" * 501, {"tags": "too_long"}),
        ("a\x00b", "x", "", "", {"title": "invalid"}),
        ("ok", "nul \x00 here", "", "", {"body": "invalid"}),
        ("ok", "x", "c\x00", "", {"category": "invalid"}),
    ],
)
def test_create_refuses_bad_input_and_writes_nothing(
    w: World, title: str, body: str, category: str, tags: str, problems: dict[str, str]
) -> None:
    with pytest.raises(ValidationError) as err:
        w.kb.create(None, title, body, category, tags, w.l1)
    assert err.value.problems == problems
    with w.db.read() as s:
        assert s.scalars(select(KbArticle)).all() == []


def test_limits_are_inclusive_and_twenty_tags_deduplicated_are_fine(w: World) -> None:
    tags = " ".join(f"T{i} t{i}" for i in range(20))
    a = w.kb.create(None, "t" * 300, "b" * 200_000, "c" * 200, tags, w.l1)
    assert len(a.tags) == 20 and a.tags[0] == "t0"
    assert normalise_tags(["A", "b,a", "B"]) == ("a", "b")


def test_unknown_client_is_refused(w: World) -> None:
    with pytest.raises(ValidationError) as err:
        w.kb.create(999_999, "Title", "", "", "", w.l1)
    assert err.value.problems == {"client_id": "not_found"}


def test_read_only_and_inactive_accounts_cannot_write(w: World) -> None:
    a = w.kb.create(None, "Printer queue", "Restart the spooler.", "", "", w.l1)
    inactive = add_technician(w.db, "Gone", tier=Tier.L2, active=False)
    for actor in (w.reader, inactive):
        with pytest.raises(PermissionDeniedError):
            w.kb.create(None, "New", "", "", "", actor)
        with pytest.raises(PermissionDeniedError):
            w.kb.update(a.article_id, a.version, "X", "", "", "", "", actor)
        with pytest.raises(PermissionDeniedError):
            w.kb.archive(a.article_id, actor)
        with pytest.raises(PermissionDeniedError):
            w.kb.restore(a.article_id, 1, a.version, actor)
    assert w.kb.get(a.article_id).title == "Printer queue"


# -- versions ------------------------------------------------------------------------------------


def test_each_changing_save_adds_a_numbered_version_with_author_time_and_summary(w: World) -> None:
    a = w.kb.create(w.client, "Printer queue", "v1 body", "Printing", "printer", w.l1)
    w.clock.advance(hours=1)
    b = w.kb.update(
        a.article_id,
        a.version,
        "Printer queue",
        "v2 body",
        "Printing",
        "printer",
        "Added the spooler step",
        w.l2,
    )
    w.clock.advance(hours=1)
    c = w.kb.update(
        b.article_id,
        b.version,
        "Printer queue stuck",
        "v2 body",
        "Printing",
        "printer spooler",
        "Better title",
        w.l3,
    )

    assert (c.current_version, c.updated_by_name, c.title) == (
        3,
        "Lisa Three",
        "Printer queue stuck",
    )
    rows = w.kb.versions(a.article_id)
    assert [(v.number, v.author_name, v.summary) for v in rows] == [
        (3, "Lisa Three", "Better title"),
        (2, "Lars Two", "Added the spooler step"),
        (1, "Lena One", "Created"),
    ]
    assert [v.at.hour for v in rows] == [11, 10, 9]
    two = w.kb.version(a.article_id, 2)
    assert (two.title, two.body, two.tags) == ("Printer queue", "v2 body", ("printer",))


def test_a_save_that_changes_nothing_adds_no_version(w: World) -> None:
    a = w.kb.create(None, "Printer queue", "body", "Printing", "printer", w.l1)
    same = w.kb.update(
        a.article_id, a.version, " Printer queue ", "body", "Printing", "PRINTER", "no change", w.l2
    )
    assert same.current_version == 1 and same.version == a.version
    assert len(w.kb.versions(a.article_id)) == 1


def test_restore_makes_an_old_text_current_as_a_new_version(w: World) -> None:
    a = w.kb.create(None, "MFA reset", "Old steps", "Identity", "mfa", w.l1)
    b = w.kb.update(
        a.article_id,
        a.version,
        "MFA reset (new portal)",
        "New steps",
        "Identity",
        "mfa entra",
        "Portal moved",
        w.l1,
    )
    c = w.kb.restore(a.article_id, 1, b.version, w.l2)

    assert (c.title, c.body, c.tags, c.current_version) == ("MFA reset", "Old steps", ("mfa",), 3)
    top = w.kb.versions(a.article_id)[0]
    assert (top.number, top.author_name, top.summary) == (3, "Lars Two", "Restored version 1")
    # The restored-from version is still there, unchanged.
    assert w.kb.version(a.article_id, 2).body == "New steps"


def test_edit_on_a_stale_version_is_refused_and_names_who_saved(w: World) -> None:
    a = w.kb.create(None, "VPN", "body", "", "", w.l1)
    w.kb.update(a.article_id, a.version, "VPN", "body 2", "", "", "", w.l2)
    with pytest.raises(ConcurrentEditError) as err:
        w.kb.update(a.article_id, a.version, "VPN", "mine", "", "", "", w.l1)
    assert err.value.changed_by == "Lars Two"
    with pytest.raises(ConcurrentEditError):
        w.kb.restore(a.article_id, 1, a.version, w.l1)
    assert w.kb.get(a.article_id).body == "body 2"


def test_unknown_article_or_version_is_not_found(w: World) -> None:
    a = w.kb.create(None, "VPN", "body", "", "", w.l1)
    with pytest.raises(NotFoundError):
        w.kb.get(999_999)
    with pytest.raises(NotFoundError):
        w.kb.version(a.article_id, 7)
    with pytest.raises(NotFoundError):
        w.kb.restore(a.article_id, 7, a.version, w.l1)
    with pytest.raises(NotFoundError):
        w.kb.versions(999_999)


def test_version_numbers_are_unique_per_article(w: World) -> None:
    a = w.kb.create(None, "A", "1", "", "", w.l1)
    b = w.kb.create(None, "B", "1", "", "", w.l1)
    w.kb.update(a.article_id, a.version, "A", "2", "", "", "", w.l1)
    w.kb.update(b.article_id, b.version, "B", "2", "", "", "", w.l1)
    with w.db.read() as s:
        pairs = s.execute(select(KbArticleVersion.article_id, KbArticleVersion.number)).all()
    assert sorted(pairs) == sorted(
        [(a.article_id, 1), (a.article_id, 2), (b.article_id, 1), (b.article_id, 2)]
    )


# -- lists, filters, archive ---------------------------------------------------------------------


def test_client_context_shows_the_clients_articles_with_the_global_ones(w: World) -> None:
    g = w.kb.create(None, "Global VPN", "", "Network", "vpn", w.l1).article_id
    own = w.kb.create(w.client, "Acme VPN", "", "Network", "vpn acme", w.l1).article_id
    other = w.kb.create(w.other_client, "Borealis VPN", "", "Legal apps", "", w.l1).article_id

    def ids(rows: list[ArticleRow]) -> set[int]:
        return {r.article_id for r in rows}

    assert ids(w.kb.list(w.client)) == {g, own}
    assert ids(w.kb.list(w.client, include_global=False)) == {own}
    assert ids(w.kb.list()) == {g}
    assert ids(w.kb.list(every_client=True)) == {g, own, other}
    assert ids(w.kb.list(w.client, tag="ACME")) == {own}
    assert ids(w.kb.list(every_client=True, category="Legal apps")) == {other}
    assert w.kb.list(w.client)[0].client_name == "Acme Dental"
    assert w.kb.categories() == ["Legal apps", "Network"]
    assert w.kb.tags() == ["acme", "vpn"]


def test_archive_hides_from_lists_and_unarchive_brings_it_back(w: World) -> None:
    a = w.kb.create(None, "Old fax procedure", "fax", "Legacy", "fax", w.l1)
    w.kb.archive(a.article_id, w.l1)
    assert w.kb.list() == []
    assert [r.article_id for r in w.kb.list(archived=True)] == [a.article_id]
    assert w.kb.categories() == [] and w.kb.tags() == []
    restored = w.kb.unarchive(a.article_id, w.l1)
    assert not restored.archived and [r.article_id for r in w.kb.list()] == [a.article_id]


# -- ticket links --------------------------------------------------------------------------------


def test_link_and_unlink_write_kb_events_and_linking_twice_is_a_no_op(w: World) -> None:
    ticket = add_ticket(w.db, w.client)
    a = w.kb.create(None, "Printer queue", "body", "", "", w.l1)
    changes = w.kb.link(ticket, a.article_id, w.l1)
    assert changes.ids == frozenset({ticket})
    assert w.kb.link(ticket, a.article_id, w.l1).ids == frozenset()

    [row] = w.kb.linked(ticket)
    assert (row.article_id, row.title, row.linked_by_name) == (
        a.article_id,
        "Printer queue",
        "Lena One",
    )
    w.kb.unlink(ticket, a.article_id, w.l2)
    assert w.kb.linked(ticket) == []
    assert w.kb.unlink(ticket, a.article_id, w.l2).ids == frozenset()
    bodies = [body for body, _actor in _kb_events(w.db, ticket)]
    number = article_number(a.article_id)
    assert bodies == [
        f'Linked knowledge-base article {number} "Printer queue".',
        f'Unlinked knowledge-base article {number} "Printer queue".',
    ]


def test_link_refuses_another_clients_article_archived_ones_and_read_only(w: World) -> None:
    ticket = add_ticket(w.db, w.client)
    other = w.kb.create(w.other_client, "Borealis only", "", "", "", w.l1)
    old = w.kb.create(None, "Old", "", "", "", w.l1)
    w.kb.archive(old.article_id, w.l1)
    with pytest.raises(ValidationError) as err:
        w.kb.link(ticket, other.article_id, w.l1)
    assert err.value.problems == {"article_id": "other_client"}
    with pytest.raises(ValidationError) as err:
        w.kb.link(ticket, old.article_id, w.l1)
    assert err.value.problems == {"article_id": "archived"}
    with pytest.raises(PermissionDeniedError):
        w.kb.link(ticket, w.kb.create(None, "Fine", "", "", "", w.l1).article_id, w.reader)
    with pytest.raises(NotFoundError):
        w.kb.link(999_999, old.article_id, w.l1)
    assert w.kb.linked(ticket) == [] and _kb_events(w.db, ticket) == []


# -- save solution to KB -------------------------------------------------------------------------


def test_solution_draft_is_prefilled_from_the_ticket(w: World) -> None:
    ticket = _resolved_ticket(w)
    d = w.kb.solution_draft(ticket)
    assert (d.ticket_id, d.client_id, d.title) == (
        ticket,
        w.client,
        "Outlook keeps asking for password",
    )
    assert d.category == "End-user computing › Windows 11 › Outlook"
    assert "## Symptoms\n\nOutlook prompts for credentials every few minutes." in d.body
    assert "## Steps tried\n\nRestarted Outlook; cleared cached credentials." in d.body
    assert "## Solution\n\nRecreated the Outlook profile and re-registered MFA." in d.body


def test_l2_saves_a_solution_for_the_client_linked_with_its_source_ticket(w: World) -> None:
    ticket = _resolved_ticket(w)
    d = w.kb.solution_draft(ticket)
    a = w.kb.save_solution(ticket, d.title, d.body, d.category, "outlook mfa", w.l2)

    assert (a.client_id, a.source_ticket_id, a.tags) == (w.client, ticket, ("outlook", "mfa"))
    assert [r.article_id for r in w.kb.linked(ticket)] == [a.article_id]
    assert _kb_events(w.db, ticket) == [
        (
            f"Solution saved to the knowledge base as {article_number(a.article_id)} "
            '"Outlook keeps asking for password".',
            w.l2,
        )
    ]
    [v] = w.kb.versions(a.article_id)
    assert v.summary.startswith("Written from ticket ")


@pytest.mark.parametrize("who", ["l3", "admin"])
def test_l3_and_admins_may_save_solutions_also_globally_and_from_closed_tickets(
    w: World, who: str
) -> None:
    ticket = _resolved_ticket(w, Status.CLOSED)
    a = w.kb.save_solution(ticket, "Fix", "body", "", "", getattr(w, who), global_article=True)
    assert a.client_id is None and a.source_ticket_id == ticket


def test_l1_and_l0_cannot_save_solutions(w: World) -> None:
    ticket = _resolved_ticket(w)
    l0 = add_technician(w.db, "Dispatch", tier=Tier.L0)
    for actor in (w.l1, l0, w.reader):
        with pytest.raises(PermissionDeniedError) as err:
            w.kb.save_solution(ticket, "Fix", "body", "", "", actor)
        assert err.value.action == "save_solution_to_kb"
    with w.db.read() as s:
        assert s.scalars(select(KbArticle)).all() == []
        assert s.scalars(select(TicketKbLink)).all() == []


@pytest.mark.parametrize("status", [Status.NEW, Status.IN_PROGRESS, Status.CANCELLED])
def test_only_resolved_or_closed_tickets_give_solutions(w: World, status: Status) -> None:
    ticket = add_ticket(w.db, w.client, status=status)
    with pytest.raises(ValidationError) as err:
        w.kb.save_solution(ticket, "Fix", "body", "", "", w.l2)
    assert err.value.problems == {"ticket_id": "not_resolved"}
    with w.db.read() as s:
        assert s.scalars(select(KbArticle)).all() == []


def test_bad_solution_text_writes_neither_article_nor_link(w: World) -> None:
    ticket = _resolved_ticket(w)
    with pytest.raises(ValidationError):
        w.kb.save_solution(ticket, "", "body", "", "", w.l2)
    with w.db.read() as s:
        assert s.scalars(select(KbArticle)).all() == []
        assert s.scalars(select(TicketKbLink)).all() == []
    assert _kb_events(w.db, ticket) == []


def test_linking_leaves_the_tickets_row_version_alone(w: World) -> None:
    ticket = add_ticket(w.db, w.client)
    with w.db.read() as s:
        before = s.scalar(select(Ticket.version).where(Ticket.id == ticket))
    a = w.kb.create(None, "Printer queue", "body", "", "", w.l1)
    w.clock.advance(minutes=5)
    w.kb.link(ticket, a.article_id, w.l1)
    with w.db.read() as s:
        version, updated = s.execute(
            select(Ticket.version, Ticket.updated_at).where(Ticket.id == ticket)
        ).one()
    assert version == before and updated == w.clock.now()
