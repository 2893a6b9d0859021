"""The knowledge base (K2–K5): global and per-client Markdown articles with kept versions,
full-text search and suggestions, links to tickets, and "save solution to KB" from a resolved
ticket.

Every save that changes an article writes a `KbArticleVersion` (number, author, time, summary);
restoring an old version is a save of its text. Article writes announce `Changes("kb_article")`;
links and solutions also write a KB event on the ticket and announce the ticket. Any thread;
each public method is one unit of work.
"""

from __future__ import annotations

import builtins
import datetime as dt
from typing import Final

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import (
    Client,
    KbArticle,
    KbArticleVersion,
    Technician,
    Ticket,
    TicketEvent,
    TicketKbLink,
)
from app.models.enums import EventKind, Role, Status, Tier
from app.models.ticket import format_number
from app.services import kb_search
from app.services.clock import Clock
from app.services.errors import (
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.kb_articles import (
    BODY_MAX,
    CATEGORY_MAX,
    CHANGES_KIND,
    SUMMARY_MAX,
    TAGS_MAX,
    TAGS_TEXT_MAX,
    TITLE_MAX,
    ArticleDetail,
    ArticleRow,
    LinkedArticle,
    SolutionDraft,
    VersionDetail,
    VersionRow,
    article_number,
    conflict_error,
    detail_of,
    load_article,
    normalise_tags,
    row_of,
    split_tags,
    validate_article,
    version_row_of,
)
from app.services.kb_search import SearchHit
from app.services.permissions import require_editor
from app.services.ticket_store import load_ticket

__all__ = [
    "BODY_MAX",
    "CATEGORY_MAX",
    "CHANGES_KIND",
    "SOLUTION_TIERS",
    "SUMMARY_MAX",
    "TAGS_MAX",
    "TAGS_TEXT_MAX",
    "TITLE_MAX",
    "ArticleDetail",
    "ArticleRow",
    "KnowledgeBaseService",
    "LinkedArticle",
    "SearchHit",
    "SolutionDraft",
    "VersionDetail",
    "VersionRow",
    "article_number",
    "normalise_tags",
]

SEARCH_LIMIT_MAX: Final = 200
#: Tiers that write solutions back to the KB (domain.md §1.1: L2 "writes solutions back").
SOLUTION_TIERS: Final = frozenset({Tier.L2, Tier.L3})
_SOLVED: Final = frozenset({Status.RESOLVED, Status.CLOSED})


class KnowledgeBaseService:
    """Use cases on KB articles. Any thread; each call commits its own unit of work."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # -- reads ---------------------------------------------------------------------------------

    def get(self, article_id: int) -> ArticleDetail:
        with self._db.read() as s:
            return detail_of(s, load_article(s, article_id))

    def list(
        self,
        client_id: int | None = None,
        category: str = "",
        tag: str = "",
        include_global: bool = True,
        *,
        every_client: bool = False,
        archived: bool = False,
    ) -> builtins.list[ArticleRow]:
        """Articles by title. `client_id` given: that client's (and the global ones unless
        not `include_global`); none: the global ones, or all articles when `every_client`.
        `archived` lists the archived articles instead of the current ones."""
        stmt = (
            select(KbArticle, Client.name, Technician.name)
            .outerjoin(Client, KbArticle.client_id == Client.id)
            .outerjoin(Technician, KbArticle.updated_by_id == Technician.id)
            .where(KbArticle.archived == archived)
            .order_by(KbArticle.title, KbArticle.id)
        )
        if client_id is not None:
            own = KbArticle.client_id == client_id
            stmt = stmt.where(or_(own, KbArticle.client_id.is_(None)) if include_global else own)
        elif not every_client:
            stmt = stmt.where(KbArticle.client_id.is_(None))
        if category.strip():
            stmt = stmt.where(KbArticle.category == category.strip())
        tag = tag.strip().lower()
        with self._db.read() as s:
            rows = [
                row_of(a, client, editor)
                for a, client, editor in s.execute(stmt).all()
                if not tag or tag in split_tags(a.tags)
            ]
        return rows

    def categories(self) -> builtins.list[str]:
        """The categories in use by current articles, sorted."""
        stmt = (
            select(KbArticle.category)
            .where(KbArticle.archived.is_(False), KbArticle.category != "")
            .distinct()
        )
        with self._db.read() as s:
            return sorted(s.scalars(stmt), key=str.casefold)

    def tags(self) -> builtins.list[str]:
        """The tags in use by current articles, sorted."""
        stmt = select(KbArticle.tags).where(KbArticle.archived.is_(False), KbArticle.tags != "")
        with self._db.read() as s:
            return sorted({t for tags in s.scalars(stmt) for t in split_tags(tags)})

    def versions(self, article_id: int) -> builtins.list[VersionRow]:
        """The article's kept versions, newest first."""
        stmt = (
            select(KbArticleVersion, Technician.name)
            .outerjoin(Technician, KbArticleVersion.author_id == Technician.id)
            .where(KbArticleVersion.article_id == article_id)
            .order_by(KbArticleVersion.number.desc())
        )
        with self._db.read() as s:
            load_article(s, article_id)
            return [
                VersionRow(v.number, v.title, name, v.at, v.summary)
                for v, name in s.execute(stmt).all()
            ]

    def version(self, article_id: int, number: int) -> VersionDetail:
        with self._db.read() as s:
            v, name = _version(s, article_id, number)
            return VersionDetail(
                article_id,
                v.number,
                v.title,
                v.body,
                v.category,
                split_tags(v.tags),
                name,
                v.at,
                v.summary,
            )

    def search(
        self,
        text: str,
        client_id: int | None = None,
        limit: int = 20,
        *,
        every_client: bool = False,
        category: str = "",
        tag: str = "",
    ) -> builtins.list[SearchHit]:
        """Current articles matching every word of `text` (the last one as a prefix, for
        as-you-type search), best first; see `kb_search` for ranking and scope. Any input is
        safe; text without letters or digits finds nothing. `category` and `tag` filter
        exactly, like `list()`."""
        tokens = kb_search.words(text)
        with self._db.read_connection() as conn:
            return kb_search.search(
                conn,
                tokens,
                client_id=client_id,
                every_client=every_client,
                limit=max(0, min(limit, SEARCH_LIMIT_MAX)),
                category=category.strip(),
                tag=tag.strip().lower(),
            )

    def suggest(
        self, description: str, client_id: int | None, limit: int = 5
    ) -> builtins.list[SearchHit]:
        """Articles for a ticket's description while it is typed: any of its significant words
        (stop words, short tokens and words most articles contain dropped); articles
        matching more of them rank higher."""
        words = kb_search.significant_words(description)
        with self._db.read_connection() as conn:
            tokens = kb_search.discriminating_words(conn, words)
            return kb_search.search(
                conn,
                tokens,
                client_id=client_id,
                every_client=False,
                limit=max(0, min(limit, SEARCH_LIMIT_MAX)),
                prefix_last=False,
                any_word=True,
            )

    def linked(self, ticket_id: int) -> builtins.list[LinkedArticle]:
        """The articles linked to the ticket, in the order they were linked."""
        stmt = (
            select(TicketKbLink, KbArticle.title, KbArticle.client_id, KbArticle.archived)
            .join(KbArticle, TicketKbLink.article_id == KbArticle.id)
            .where(TicketKbLink.ticket_id == ticket_id)
            .order_by(TicketKbLink.linked_at, TicketKbLink.id)
        )
        with self._db.read() as s:
            names = dict(s.execute(select(Technician.id, Technician.name)).all())
            return [
                LinkedArticle(
                    link.article_id,
                    title,
                    client_id,
                    archived,
                    link.linked_at,
                    names.get(link.linked_by_id) if link.linked_by_id else None,
                )
                for link, title, client_id, archived in s.execute(stmt).all()
            ]

    def solution_draft(self, ticket_id: int) -> SolutionDraft:
        """A KB article prefilled from the ticket: symptoms, what was tried, the fix."""
        with self._db.read() as s:
            t = load_ticket(s, ticket_id)
            parts = [f"## Symptoms\n\n{t.description.strip() or t.subject}"]
            if t.occurs_circumstances.strip():
                parts.append(f"## When it happens\n\n{t.occurs_circumstances.strip()}")
            if t.steps_tried.strip():
                parts.append(f"## Steps tried\n\n{t.steps_tried.strip()}")
            fix = "## Workaround" if t.workaround else "## Solution"
            parts.append(f"{fix}\n\n{t.resolution.strip()}")
            return SolutionDraft(
                ticket_id, t.client_id, t.subject, "\n\n".join(parts) + "\n", t.category, ()
            )

    # -- article writes ------------------------------------------------------------------------

    def create(
        self,
        client_id: int | None,
        title: str,
        body: str,
        category: str,
        tags: str | tuple[str, ...] | builtins.list[str],
        actor: int,
        *,
        source_ticket_id: int | None = None,
    ) -> ArticleDetail:
        """A new article (version 1); `client_id` None = global."""
        with self._db.write() as s:
            require_editor(s, actor, "create_kb_article")
            article = self._create_in(
                s, client_id, title, body, category, tags, actor, source_ticket_id
            )
            return detail_of(s, article)

    def update(
        self,
        article_id: int,
        expected_version: int,
        title: str,
        body: str,
        category: str,
        tags: str | tuple[str, ...] | builtins.list[str],
        summary: str,
        actor: int,
    ) -> ArticleDetail:
        """Save an edit made on `expected_version` as a new version; an edit that changes
        nothing writes nothing. Refused if someone saved in between."""
        title, category, norm_tags = title.strip(), category.strip(), normalise_tags(tags)
        validate_article(title, body, category, norm_tags, summary.strip())
        return self._save(
            article_id,
            expected_version,
            actor,
            "edit_kb_article",
            (title, body, category, " ".join(norm_tags)),
            summary.strip(),
        )

    def restore(
        self, article_id: int, number: int, expected_version: int, actor: int
    ) -> ArticleDetail:
        """Make version `number`'s text current again, as a new version."""
        with self._db.read() as s:
            v, _name = _version(s, article_id, number)
            text_ = (v.title, v.body, v.category, v.tags)
        return self._save(
            article_id,
            expected_version,
            actor,
            "edit_kb_article",
            text_,
            f"Restored version {number}",
        )

    def archive(self, article_id: int, actor: int) -> ArticleDetail:
        """Hide the article from search, suggestions and lists; its links stay."""
        return self._set_archived(article_id, actor, True)

    def unarchive(self, article_id: int, actor: int) -> ArticleDetail:
        return self._set_archived(article_id, actor, False)

    # -- ticket links --------------------------------------------------------------------------

    def link(self, ticket_id: int, article_id: int, actor: int) -> Changes:
        """Link the article to the ticket (a KB event on its timeline); linking twice is a
        no-op. The article must be global or the ticket's client's, and not archived."""
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor, "link_kb_article")
            ticket = load_ticket(s, ticket_id)
            article = load_article(s, article_id)
            if article.client_id not in (None, ticket.client_id):
                raise ValidationError({"article_id": "other_client"})
            if article.archived:
                raise ValidationError({"article_id": "archived"})
            exists = s.scalar(
                select(TicketKbLink.id).where(
                    TicketKbLink.ticket_id == ticket_id, TicketKbLink.article_id == article_id
                )
            )
            if exists is not None:
                return Changes("ticket")
            self._link_in(s, ticket_id, article, actor, now, "Linked knowledge-base article")
            return self._announce_ticket(s, ticket_id)

    def unlink(self, ticket_id: int, article_id: int, actor: int) -> Changes:
        """Remove the link (a KB event says so); unlinking what is not linked is a no-op."""
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor, "link_kb_article")
            load_ticket(s, ticket_id)
            link = s.scalar(
                select(TicketKbLink).where(
                    TicketKbLink.ticket_id == ticket_id, TicketKbLink.article_id == article_id
                )
            )
            if link is None:
                return Changes("ticket")
            article = load_article(s, article_id)
            s.delete(link)
            body = (
                f'Unlinked knowledge-base article {article_number(article.id)} "{article.title}".'
            )
            _ticket_event(s, ticket_id, actor, now, str(article.id), "", body)
            return self._announce_ticket(s, ticket_id)

    def save_solution(
        self,
        ticket_id: int,
        title: str,
        body: str,
        category: str,
        tags: str | tuple[str, ...] | builtins.list[str],
        actor: int,
        *,
        global_article: bool = False,
    ) -> ArticleDetail:
        """Write the resolved ticket's solution as a new article (the ticket's client's, or
        global) with `source_ticket_id`, and link it to the ticket. L2/L3 technicians and
        administrators only (domain.md §1.1); the ticket must be resolved or closed."""
        now = self._clock.now()
        with self._db.write() as s:
            tech = require_editor(s, actor, "save_solution_to_kb")
            if tech.role is not Role.ADMIN and tech.tier not in SOLUTION_TIERS:
                raise PermissionDeniedError("save_solution_to_kb")
            ticket = load_ticket(s, ticket_id)
            if ticket.status not in _SOLVED:
                raise ValidationError({"ticket_id": "not_resolved"})
            client_id = None if global_article else ticket.client_id
            article = self._create_in(s, client_id, title, body, category, tags, actor, ticket_id)
            self._link_in(
                s, ticket_id, article, actor, now, "Solution saved to the knowledge base as"
            )
            self._announce_ticket(s, ticket_id)
            return detail_of(s, article)

    # -- helpers -------------------------------------------------------------------------------

    def _create_in(
        self,
        s: Session,
        client_id: int | None,
        title: str,
        body: str,
        category: str,
        tags: str | tuple[str, ...] | builtins.list[str],
        actor: int,
        source_ticket_id: int | None,
    ) -> KbArticle:
        title, category, norm_tags = title.strip(), category.strip(), normalise_tags(tags)
        validate_article(title, body, category, norm_tags, "")
        if client_id is not None and s.get(Client, client_id) is None:
            raise ValidationError({"client_id": "not_found"})
        if source_ticket_id is not None:
            load_ticket(s, source_ticket_id)
        now = self._clock.now()
        article = KbArticle(
            client_id=client_id,
            title=title,
            body=body,
            category=category,
            tags=" ".join(norm_tags),
            current_version=1,
            archived=False,
            source_ticket_id=source_ticket_id,
            created_at=now,
            created_by_id=actor,
            updated_at=now,
            updated_by_id=actor,
        )
        s.add(article)
        s.flush()
        summary = (
            f"Written from ticket {format_number(source_ticket_id)}" if source_ticket_id else ""
        )
        s.add(version_row_of(article, 1, actor, now, summary or "Created"))
        self._db.announce(s, Changes(CHANGES_KIND, frozenset({article.id})))
        s.flush()
        return article

    def _save(
        self,
        article_id: int,
        expected_version: int,
        actor: int,
        action: str,
        text_: tuple[str, str, str, str],
        summary: str,
    ) -> ArticleDetail:
        now = self._clock.now()
        try:
            with self._db.write() as s:
                require_editor(s, actor, action)
                article = load_article(s, article_id)
                if article.version != expected_version:
                    raise conflict_error(s, article)
                current = (article.title, article.body, article.category, article.tags)
                if current == text_:
                    return detail_of(s, article)
                article.title, article.body, article.category, article.tags = text_
                article.current_version += 1
                article.updated_at = now
                article.updated_by_id = actor
                s.add(version_row_of(article, article.current_version, actor, now, summary))
                self._db.announce(s, Changes(CHANGES_KIND, frozenset({article.id})))
                s.flush()
                return detail_of(s, article)
        except StaleDataError:
            with self._db.read() as s:
                raise conflict_error(s, load_article(s, article_id)) from None

    def _set_archived(self, article_id: int, actor: int, archived: bool) -> ArticleDetail:
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor, "archive_kb_article")
            article = load_article(s, article_id)
            if article.archived != archived:
                article.archived = archived
                article.updated_at = now
                article.updated_by_id = actor
                self._db.announce(s, Changes(CHANGES_KIND, frozenset({article.id})))
                s.flush()
            return detail_of(s, article)

    def _link_in(
        self,
        s: Session,
        ticket_id: int,
        article: KbArticle,
        actor: int,
        now: dt.datetime,
        what: str,
    ) -> None:
        s.add(
            TicketKbLink(
                ticket_id=ticket_id, article_id=article.id, linked_at=now, linked_by_id=actor
            )
        )
        body = f'{what} {article_number(article.id)} "{article.title}".'
        _ticket_event(s, ticket_id, actor, now, "", str(article.id), body)
        # The timeline moved, not the fields: a plain UPDATE leaves the ticket's version alone.
        s.execute(update(Ticket).where(Ticket.id == ticket_id).values(updated_at=now))

    def _announce_ticket(self, s: Session, ticket_id: int) -> Changes:
        changes = Changes("ticket", frozenset({ticket_id}))
        self._db.announce(s, changes)
        s.flush()
        return changes


def _ticket_event(
    s: Session, ticket_id: int, actor: int, now: dt.datetime, old: str, new: str, body: str
) -> None:
    s.add(
        TicketEvent(
            ticket_id=ticket_id,
            at=now,
            actor_id=actor,
            kind=EventKind.KB,
            old_value=old,
            new_value=new,
            body=body,
        )
    )


def _version(s: Session, article_id: int, number: int) -> tuple[KbArticleVersion, str | None]:
    found = s.execute(
        select(KbArticleVersion, Technician.name)
        .outerjoin(Technician, KbArticleVersion.author_id == Technician.id)
        .where(and_(KbArticleVersion.article_id == article_id, KbArticleVersion.number == number))
    ).first()
    if found is None:
        raise NotFoundError("kb_article_version", f"{article_id}/{number}")
    return found[0], found[1]
