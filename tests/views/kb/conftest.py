"""Fixtures for the KB view tests: real KB and canned-reply services over the test database."""

from __future__ import annotations

import pytest

from app.db import Database
from app.services.canned_replies import CannedReplyService
from app.services.knowledge_base import KnowledgeBaseService
from tests.fakes import FakeClock


@pytest.fixture
def kb(db: Database, clock: FakeClock) -> KnowledgeBaseService:
    return KnowledgeBaseService(db, clock)


@pytest.fixture
def canned(db: Database, clock: FakeClock) -> CannedReplyService:
    return CannedReplyService(db, clock)
