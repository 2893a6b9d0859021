"""Knowledge-base article records as services hand them out, with their validation and the
mapping from rows: shared by `KnowledgeBaseService` and the views. Qt-free."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Client, KbArticle, KbArticleVersion, Technician
from app.services.errors import ConcurrentEditError, NotFoundError, ValidationError

TITLE_MAX: Final = 300
BODY_MAX: Final = 200_000
CATEGORY_MAX: Final = 200
SUMMARY_MAX: Final = 300
TAGS_MAX: Final = 20
#: The `tags` column holds the normalised tags joined by spaces.
TAGS_TEXT_MAX: Final = 500
#: Announced after every article write.
CHANGES_KIND: Final = "kb_article"
_NUL: Final = "\x00"


def article_number(article_id: int) -> str:
    """The article's human reference, e.g. "KB-42"."""
    return f"KB-{article_id}"


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """An article as lists show it."""

    article_id: int
    client_id: int | None
    client_name: str | None
    title: str
    category: str
    tags: tuple[str, ...]
    archived: bool
    current_version: int
    updated_at: dt.datetime
    updated_by_name: str | None


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """A whole article, as the browser and the editor show it."""

    article_id: int
    client_id: int | None
    client_name: str | None
    title: str
    body: str
    category: str
    tags: tuple[str, ...]
    archived: bool
    current_version: int
    source_ticket_id: int | None
    created_at: dt.datetime
    created_by_name: str | None
    updated_at: dt.datetime
    updated_by_name: str | None
    #: The row version an edit must quote (optimistic locking).
    version: int

    @property
    def number(self) -> str:
        return article_number(self.article_id)


@dataclass(frozen=True, slots=True)
class VersionRow:
    number: int
    title: str
    author_name: str | None
    at: dt.datetime
    summary: str


@dataclass(frozen=True, slots=True)
class VersionDetail:
    article_id: int
    number: int
    title: str
    body: str
    category: str
    tags: tuple[str, ...]
    author_name: str | None
    at: dt.datetime
    summary: str


@dataclass(frozen=True, slots=True)
class LinkedArticle:
    article_id: int
    title: str
    client_id: int | None
    archived: bool
    linked_at: dt.datetime
    linked_by_name: str | None


@dataclass(frozen=True, slots=True)
class SolutionDraft:
    """A prefilled "save solution to KB" form; `client_id` is the ticket's client."""

    ticket_id: int
    client_id: int
    title: str
    body: str
    category: str
    tags: tuple[str, ...]


def normalise_tags(tags: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Tags lower-cased, split on spaces and commas, without repeats, in the order given."""
    raw = tags if isinstance(tags, str) else " ".join(tags)
    seen: dict[str, None] = {}
    for tag in raw.replace(",", " ").split():
        seen.setdefault(tag.lower(), None)
    return tuple(seen)


def split_tags(tags: str) -> tuple[str, ...]:
    return tuple(tags.split())


def validate_article(
    title: str, body: str, category: str, tags: tuple[str, ...], summary: str
) -> None:
    problems: dict[str, str] = {}
    if not title:
        problems["title"] = "required"
    elif len(title) > TITLE_MAX:
        problems["title"] = "too_long"
    if len(body) > BODY_MAX:
        problems["body"] = "too_long"
    if len(category) > CATEGORY_MAX:
        problems["category"] = "too_long"
    if len(tags) > TAGS_MAX:
        problems["tags"] = "too_many"
    elif len(" ".join(tags)) > TAGS_TEXT_MAX:
        problems["tags"] = "too_long"
    if len(summary) > SUMMARY_MAX:
        problems["summary"] = "too_long"
    values = {
        "title": title,
        "body": body,
        "category": category,
        "tags": " ".join(tags),
        "summary": summary,
    }
    for name, value in values.items():
        if name not in problems and _NUL in value:
            problems[name] = "invalid"
    if problems:
        raise ValidationError(problems)


def version_row_of(
    article: KbArticle, number: int, actor: int, now: dt.datetime, summary: str
) -> KbArticleVersion:
    return KbArticleVersion(
        article_id=article.id,
        number=number,
        title=article.title,
        body=article.body,
        category=article.category,
        tags=article.tags,
        author_id=actor,
        at=now,
        summary=summary,
    )


def load_article(s: Session, article_id: int) -> KbArticle:
    article = s.get(KbArticle, article_id)
    if article is None:
        raise NotFoundError("kb_article", article_id)
    return article


def conflict_error(s: Session, article: KbArticle) -> ConcurrentEditError:
    by = s.get(Technician, article.updated_by_id) if article.updated_by_id else None
    return ConcurrentEditError(
        "kb_article", article.id, article.version, by.name if by else None, article.updated_at
    )


def _names(s: Session, article: KbArticle) -> tuple[str | None, str | None, str | None]:
    ids = {i for i in (article.created_by_id, article.updated_by_id) if i is not None}
    techs = dict(
        s.execute(select(Technician.id, Technician.name).where(Technician.id.in_(ids))).all()
    )
    client = s.get(Client, article.client_id) if article.client_id is not None else None
    return (
        client.name if client else None,
        techs.get(article.created_by_id) if article.created_by_id else None,
        techs.get(article.updated_by_id) if article.updated_by_id else None,
    )


def detail_of(s: Session, a: KbArticle) -> ArticleDetail:
    client, creator, editor = _names(s, a)
    return ArticleDetail(
        article_id=a.id,
        client_id=a.client_id,
        client_name=client,
        title=a.title,
        body=a.body,
        category=a.category,
        tags=split_tags(a.tags),
        archived=a.archived,
        current_version=a.current_version,
        source_ticket_id=a.source_ticket_id,
        created_at=a.created_at,
        created_by_name=creator,
        updated_at=a.updated_at,
        updated_by_name=editor,
        version=a.version,
    )


def row_of(a: KbArticle, client: str | None, editor: str | None) -> ArticleRow:
    return ArticleRow(
        a.id,
        a.client_id,
        client,
        a.title,
        a.category,
        split_tags(a.tags),
        a.archived,
        a.current_version,
        a.updated_at,
        editor,
    )
