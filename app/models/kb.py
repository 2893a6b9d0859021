"""The knowledge base: global and per-client articles with their versions, ticket links, and
canned replies.

Full-text search lives beside these tables and outside the ORM: an FTS5 table `kb_article_fts`
on SQLite, a generated `tsvector` column and GIN index on PostgreSQL (migration 0008). Schema
comparisons skip them through `SEARCH_INDEX_NAMES`.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime

#: Database objects of the KB's full-text index that no model declares.
SEARCH_INDEX_NAMES: Final = frozenset(
    {
        "kb_article_fts",
        "kb_article_fts_data",
        "kb_article_fts_idx",
        "kb_article_fts_content",
        "kb_article_fts_docsize",
        "kb_article_fts_config",
        "search_vector",
        "ix_kb_article_search_vector",
    }
)


def compared_in_schema(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic `include_name` hook: leave the full-text index out of schema comparisons."""
    return name not in SEARCH_INDEX_NAMES


class KbArticle(Base):
    """A knowledge-base article (Markdown); `client_id` None = the global KB."""

    __tablename__ = "kb_article"
    __table_args__ = (
        Index(None, "client_id", "updated_at"),
        # Search filters the full-text matches by these two; on SQLite the index covers them,
        # so the filter never reads the (long) body of each matching row.
        Index(None, "archived", "client_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(200), default="")
    #: Lower-case tags separated by single spaces, e.g. "outlook vpn printer".
    tags: Mapped[str] = mapped_column(String(500), default="")
    #: The version number of the text above (1 = first).
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The resolved ticket the article was written from (K3), if any.
    source_ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class KbArticleVersion(Base):
    """A kept version of an article: its text as saved, by whom and when (K5)."""

    __tablename__ = "kb_article_version"
    __table_args__ = (Index(None, "article_id", "number", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("kb_article.id"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(200), default="")
    tags: Mapped[str] = mapped_column(String(500), default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    #: What changed, as the author summarised it.
    summary: Mapped[str] = mapped_column(String(300), default="")


class TicketKbLink(Base):
    """An article linked to a ticket (K4): used for the fix, or sent to the user."""

    __tablename__ = "ticket_kb_link"
    __table_args__ = (
        Index(None, "ticket_id", "article_id", unique=True),
        Index(None, "article_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"))
    article_id: Mapped[int] = mapped_column(ForeignKey("kb_article.id"))
    linked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    linked_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))


class CannedReply(Base):
    """A reusable reply text with placeholders ({client}, {contact}, {ticket}, {technician})."""

    __tablename__ = "canned_reply"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    #: None = for every client.
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), index=True)
    #: A technician's private reply; None = shared with the team.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
