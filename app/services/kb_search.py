"""Full-text search of knowledge-base articles on each backend (migration 0008's index).

SQLite has an FTS5 table `kb_article_fts` kept in step by triggers; PostgreSQL a generated,
weighted `kb_article.search_vector` with a GIN index. Neither is mapped, so the queries here are
`text()` SQL. The user's words never reach MATCH or to_tsquery as typed: `words()` cuts them
into letters-and-digits tokens and the query builders quote or join those tokens, so operators,
quotes, brackets and colons are plain separators and a query cannot fail to parse.

Ranking: a match in the title beats one in the tags or category, which beats one in the body
(SQLite: explicit tiers from column-filtered queries, then bm25; PostgreSQL: ts_rank's weights,
strict for one-word queries); on an equal score the client's own articles come before global
ones. The last word is a prefix (as-you-type). Accents are ignored on both backends (FTS5's
remove_diacritics; `FOLD_FROM`/`FOLD_TO` on PostgreSQL). Snippets mark the matched
words with `MARK_START` / `MARK_END`, control characters that views turn into emphasis after
escaping everything else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from sqlalchemy import Connection, text

#: Around each matched word in `SearchHit.snippet`.
MARK_START: Final = "\x02"
MARK_END: Final = "\x03"

#: Enough for any real query; keeps a pasted paragraph from building a huge one.
MAX_TOKENS: Final = 16
MAX_TOKEN_LENGTH: Final = 64
#: Words of a description kept for suggestions, the longest (most specific) first.
MAX_SUGGEST_WORDS: Final = 10

#: The same two strings as migration 0008's `_KB_FOLD_FROM` / `_KB_FOLD_TO` (a test checks):
#: PostgreSQL's index folds accents with them, so the query's words must be folded alike.
FOLD_FROM: Final = (
    "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤ"
    "ĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƠơƯưǍǎǏǐǑǒǓǔǕ"
    "ǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ"
)
FOLD_TO: Final = (
    "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgH"
    "hIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzsOoUuAaIiOoUuUu"
    "UuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy"
)
_FOLD: Final = str.maketrans(FOLD_FROM, FOLD_TO)
_TOKEN: Final = re.compile(r"[^\W_]+")
_SPACES: Final = re.compile(r"\s+")

#: Words that say nothing about which article helps (English, plus help-desk filler).
STOP_WORDS: Final = frozenset(
    (
        "a",
        "about",
        "after",
        "again",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "but",
        "by",
        "can",
        "cannot",
        "could",
        "did",
        "do",
        "does",
        "doesn",
        "don",
        "done",
        "for",
        "from",
        "get",
        "gets",
        "getting",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "me",
        "more",
        "my",
        "no",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "please",
        "same",
        "she",
        "should",
        "since",
        "so",
        "some",
        "still",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "will",
        "with",
        "would",
        "yes",
        "yesterday",
        "you",
        "your",
        "today",
        "hello",
        "hi",
        "thanks",
        "thank",
        "help",
        "issue",
        "issues",
        "problem",
        "problems",
        "user",
        "users",
        "working",
        "work",
        "works",
        "worked",
        "anymore",
        "trying",
        "tried",
        "keeps",
        "able",
        "unable",
        "need",
        "needs",
        "new",
    )
)

# Ranking is tiered, then scored: tier 0 = the whole query matches within the title, 1 = within
# the tags or category, 2 = anywhere (the body, or spread over fields). Scores alone cannot
# promise "title beats body": FTS5's bm25 saturates the column-weighted count, so a body full of
# the word scores like a title holding it once. Tiers come from column-filtered queries.
_SQLITE_SEARCH: Final = """
WITH hits AS (
    SELECT rowid AS id, bm25(kb_article_fts, 10.0, 1.0, 5.0, 5.0) AS score
    FROM kb_article_fts WHERE kb_article_fts MATCH :query
),
visible AS MATERIALIZED (
    SELECT a.id, a.client_id FROM kb_article a WHERE a.archived = :archived {scope}
),
best AS (
    SELECT hits.id, hits.score, v.client_id,
           CASE WHEN hits.id IN (
                    SELECT rowid FROM kb_article_fts WHERE kb_article_fts MATCH :in_title)
                THEN 0
                WHEN hits.id IN (
                    SELECT rowid FROM kb_article_fts WHERE kb_article_fts MATCH :in_tags)
                THEN 1 ELSE 2 END AS tier
    FROM hits CROSS JOIN visible v ON v.id = hits.id
    ORDER BY tier, hits.score, CASE WHEN v.client_id IS NULL THEN 1 ELSE 0 END, hits.id
    LIMIT :limit
)
SELECT a.id, a.title, a.client_id, a.category, best.score, best.tier
FROM best JOIN kb_article a ON a.id = best.id
ORDER BY best.tier, best.score, CASE WHEN a.client_id IS NULL THEN 1 ELSE 0 END, a.id
"""
# Few matches: test each matching row directly (reading a few rows beats listing every visible
# article, which costs the same however rare the words are).
_SQLITE_SEARCH_FEW: Final = """
WITH hits AS (
    SELECT rowid AS id, bm25(kb_article_fts, 10.0, 1.0, 5.0, 5.0) AS score
    FROM kb_article_fts WHERE kb_article_fts MATCH :query
)
SELECT a.id, a.title, a.client_id, a.category, hits.score,
       CASE WHEN a.id IN (SELECT rowid FROM kb_article_fts WHERE kb_article_fts MATCH :in_title)
            THEN 0
            WHEN a.id IN (SELECT rowid FROM kb_article_fts WHERE kb_article_fts MATCH :in_tags)
            THEN 1 ELSE 2 END AS tier
FROM hits CROSS JOIN kb_article a ON a.id = hits.id
WHERE a.archived = :archived {scope}
ORDER BY tier, hits.score, CASE WHEN a.client_id IS NULL THEN 1 ELSE 0 END, a.id
LIMIT :limit
"""
_SQLITE_COUNT: Final = (
    "SELECT count(*) FROM (SELECT 1 FROM kb_article_fts WHERE kb_article_fts MATCH :query "
    "LIMIT :cap)"
)
#: Above this many matches the covering-index plan (`_SQLITE_SEARCH`) is the faster one.
_SQLITE_FEW_MATCHES: Final = 400
# Why the detour through `visible`: on SQLite `archived` and `client_id` sit after the long
# body in each row, so testing them row by row reads every matching body; the covering index
# (archived, client_id) answers the filter without touching the rows. Only the page of hits
# is then read in full. One rowid-pinned query per snippet: FTS5 cannot push `rowid IN (…)`
# down and would otherwise walk every match again.
_SQLITE_SNIPPET: Final = (
    "SELECT rowid, snippet(kb_article_fts, 1, :start, :end, '…', 24) FROM kb_article_fts "
    "WHERE kb_article_fts MATCH :query AND rowid = {id}"
)
# The vector's weights: A title, B tags and category, C body; ts_rank's array is {D, C, B, A}.
# Unlike bm25, ts_rank does not saturate: without length normalisation one title match (1.0)
# outranks any number of tag/category matches (< 0.66) and those any number of body matches
# (< 0.17), so the weights alone give the tiers. (Testing the tiers with extra @@ per row would
# decompress each matching vector again and double the cost.) Tier is kept as a column so
# both backends return the same shape.
_PG_SEARCH: Final = """
SELECT a.id, a.title, a.client_id, a.category,
       -ts_rank('{{0.01, 0.1, 0.4, 1.0}}', a.search_vector, q.query) AS score, 2 AS tier
FROM kb_article a, (SELECT to_tsquery('simple', :query) AS query) q
WHERE a.search_vector @@ q.query AND a.archived = :archived {scope}
ORDER BY score, CASE WHEN a.client_id IS NULL THEN 1 ELSE 0 END, a.id
LIMIT :limit
"""
_PG_SNIPPETS: Final = """
SELECT a.id, ts_headline('simple', a.body, to_tsquery('simple', :query), :options)
FROM kb_article a WHERE a.id IN ({ids})
"""
_PG_HEADLINE: Final = (
    'StartSel="\x02", StopSel="\x03", MaxWords=30, MinWords=12, ShortWord=2, '
    "MaxFragments=1, FragmentDelimiter=' … '"
)
#: Added to a hit's score per tier above "anywhere", so `rank` orders like the query.
_TIER_STEP: Final = 1_000_000.0


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article found; `rank` is higher for a better match (comparable within one search)."""

    article_id: int
    title: str
    client_id: int | None
    category: str
    #: Plain text around the match; matched words between `MARK_START` and `MARK_END`.
    snippet: str
    rank: float


def fold(word: str) -> str:
    """`word` lower-cased with Latin accents removed, as the index stores it."""
    return word.translate(_FOLD).lower()


def words(text_: str) -> list[str]:
    """The searchable tokens of `text_`: letters and digits only, folded, at most `MAX_TOKENS`."""
    return [t[:MAX_TOKEN_LENGTH] for t in _TOKEN.findall(fold(text_))][:MAX_TOKENS]


def significant_words(text_: str) -> list[str]:
    """The words of a ticket description worth searching for: no stop words, no short or purely
    numeric tokens, no repeats; the longest (most specific) `MAX_SUGGEST_WORDS` of them."""
    seen: dict[str, None] = {}
    for token in _TOKEN.findall(fold(text_)):
        token = token[:MAX_TOKEN_LENGTH]
        if len(token) >= 3 and not token.isdigit() and token not in STOP_WORDS:
            seen.setdefault(token, None)
    ranked = sorted(seen, key=len, reverse=True)[:MAX_SUGGEST_WORDS]
    return ranked


#: Suggestions ignore words found in more than this share of the articles (they match nearly
#: everything, so they only cost time), once the KB has `COMMON_MIN_ARTICLES` articles.
COMMON_SHARE: Final = 0.3
COMMON_MIN_ARTICLES: Final = 200
#: Words of a description searched for at most, the rarest first.
MAX_SUGGEST_TERMS: Final = 6


def discriminating_words(conn: Connection, tokens: Sequence[str]) -> list[str]:
    """`tokens` without the ones most articles contain, rarest first, at most
    `MAX_SUGGEST_TERMS`. Counts stop at the threshold, so each count is cheap."""
    if not tokens:
        return []
    total = int(conn.execute(text("SELECT count(*) FROM kb_article")).scalar_one())
    cap = max(COMMON_MIN_ARTICLES, int(total * COMMON_SHARE)) + 1
    if conn.dialect.name == "sqlite":
        sql = (
            "SELECT count(*) FROM (SELECT 1 FROM kb_article_fts WHERE kb_article_fts MATCH :q "
            "LIMIT :cap)"
        )
        queries = {t: fts5_query([t], prefix_last=False) for t in tokens}
    else:
        sql = (
            "SELECT count(*) FROM (SELECT 1 FROM kb_article WHERE search_vector @@ "
            "to_tsquery('simple', :q) LIMIT :cap) found"
        )
        queries = {t: tsquery([t], prefix_last=False) for t in tokens}
    counts = {
        t: int(conn.execute(text(sql), {"q": q, "cap": cap}).scalar_one())
        for t, q in queries.items()
    }
    kept = [t for t in tokens if 0 < counts[t] < cap]
    return sorted(kept, key=lambda t: counts[t])[:MAX_SUGGEST_TERMS]


def fts5_query(
    tokens: Sequence[str],
    *,
    prefix_last: bool = True,
    any_word: bool = False,
    columns: str = "",
) -> str:
    """An FTS5 MATCH expression: every token a quoted string (tokens hold no quotes), the last
    one a prefix query for as-you-type search; all tokens required unless `any_word`.
    `columns` (e.g. "title" or "tags category") restricts the match to those columns."""
    parts = [f'"{t}"' for t in tokens]
    if prefix_last and parts:
        parts[-1] += "*"
    expr = (" OR " if any_word else " AND ").join(parts)
    return f"{{{columns}}} : ({expr})" if columns else expr


def tsquery(
    tokens: Sequence[str],
    *,
    prefix_last: bool = True,
    any_word: bool = False,
    weights: str = "",
) -> str:
    """A `to_tsquery('simple', …)` text from the same tokens (letters and digits only);
    `weights` (e.g. "A" or "B") restricts each token to lexemes of those weights."""
    parts = [f"{t}:{weights}" if weights else t for t in tokens]
    if prefix_last and parts:
        last = tokens[-1]
        parts[-1] = f"{last}:*{weights}"
    return (" | " if any_word else " & ").join(parts)


def search(
    conn: Connection,
    tokens: Sequence[str],
    *,
    client_id: int | None,
    every_client: bool,
    limit: int,
    prefix_last: bool = True,
    any_word: bool = False,
    category: str = "",
    tag: str = "",
) -> list[SearchHit]:
    """Unarchived articles matching `tokens`, best first, with snippets. No tokens: none.

    `client_id` given: that client's articles and the global ones; else the global ones only,
    or every article when `every_client`. `category` / `tag`, when given, must match exactly.
    """
    if not tokens or limit <= 0:
        return []
    params: dict[str, object] = {"archived": False, "limit": limit}
    if every_client and client_id is None:
        scope = ""
    elif client_id is None:
        scope = "AND a.client_id IS NULL"
    else:
        scope = "AND (a.client_id = :client_id OR a.client_id IS NULL)"
        params["client_id"] = client_id
    sqlite = conn.dialect.name == "sqlite"
    if category:
        scope += " AND a.category = :category"
        params["category"] = category
    if tag:
        # Tags are stored space-separated: look for the whole word.
        find = "instr" if sqlite else "strpos"
        scope += f" AND {find}(' ' || a.tags || ' ', :tag) > 0"
        params["tag"] = f" {tag} "
    if sqlite:
        params["query"] = fts5_query(tokens, prefix_last=prefix_last, any_word=any_word)
        params["in_title"] = fts5_query(
            tokens, prefix_last=prefix_last, any_word=any_word, columns="title"
        )
        params["in_tags"] = fts5_query(
            tokens, prefix_last=prefix_last, any_word=any_word, columns="tags category"
        )
        found = conn.execute(
            text(_SQLITE_COUNT), {"query": params["query"], "cap": _SQLITE_FEW_MATCHES + 1}
        ).scalar_one()
        sql = _SQLITE_SEARCH_FEW if found <= _SQLITE_FEW_MATCHES else _SQLITE_SEARCH
        rows = conn.execute(text(sql.format(scope=scope)), params).all()
    else:
        params["query"] = tsquery(tokens, prefix_last=prefix_last, any_word=any_word)
        rows = conn.execute(text(_PG_SEARCH.format(scope=scope)), params).all()
    if not rows:
        return []
    snippets = _snippets(conn, [int(r[0]) for r in rows], str(params["query"]), sqlite)
    return [
        SearchHit(
            article_id=int(r[0]),
            title=r[1],
            client_id=r[2],
            category=r[3],
            snippet=snippets.get(int(r[0]), ""),
            rank=(2 - int(r[5])) * _TIER_STEP - float(r[4]),
        )
        for r in rows
    ]


def _snippets(conn: Connection, ids: list[int], query: str, sqlite: bool) -> dict[int, str]:
    """Snippets for the page of hits only: computing them for every match would dominate."""
    # The ids are integers from the database, so formatting them into the SQL is safe.
    if sqlite:
        sql = " UNION ALL ".join(_SQLITE_SNIPPET.format(id=i) for i in ids)
        params = {"query": query, "start": MARK_START, "end": MARK_END}
    else:
        sql = _PG_SNIPPETS.format(ids=", ".join(str(i) for i in ids))
        params = {"query": query, "options": _PG_HEADLINE}
    rows = conn.execute(text(sql), params).all()
    return {int(i): _SPACES.sub(" ", s or "").strip() for i, s in rows}
