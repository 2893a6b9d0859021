"""app/services/demo_kb.py: the demo knowledge base and canned replies, seeded once."""

from __future__ import annotations

from sqlalchemy import func, select

from app.db import Database
from app.models import CannedReply, KbArticle
from app.models.enums import Role, Tier
from app.services.canned_replies import check_placeholders
from app.services.demo_kb import CANNED_REPLIES, GLOBAL_ARTICLES, seed_demo_kb
from app.services.knowledge_base import KnowledgeBaseService
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock


def _counts(db: Database) -> tuple[int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(KbArticle)) or 0,
            s.scalar(select(func.count()).select_from(CannedReply)) or 0,
        )


def test_seeds_useful_articles_versions_and_replies_once(db: Database, clock: FakeClock) -> None:
    clients = [add_client(db, f"Demo {i}") for i in range(3)]
    add_technician(db, "Lars Two", tier=Tier.L2)
    add_technician(db, "Ada Admin", role=Role.ADMIN)
    seed_demo_kb(db, clock)
    articles, replies = _counts(db)
    assert len(GLOBAL_ARTICLES) >= 25
    assert articles == len(GLOBAL_ARTICLES) + 3 and replies == len(CANNED_REPLIES)

    kb = KnowledgeBaseService(db, clock)
    [vpn] = [h for h in kb.search("vpn troubleshooting")]
    assert [v.number for v in kb.versions(vpn.article_id)] == [3, 2, 1]
    assert {r.client_id for r in kb.list(every_client=True)} == {None, *clients}
    for _name, body in CANNED_REPLIES:
        check_placeholders(body)

    seed_demo_kb(db, clock)
    assert _counts(db) == (articles, replies)


def test_nothing_without_a_technician(db: Database, clock: FakeClock) -> None:
    seed_demo_kb(db, clock)
    assert _counts(db) == (0, 0)
