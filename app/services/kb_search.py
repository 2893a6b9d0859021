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
# Many matches: rank only a pool, per tier at most `RANK_POOL` visible matches, the most recent
# (a cheap order: rowids). bm25's statistics are table-wide, so a row scores the same whichever
# rows are ranked with it: while each tier's matches fit in the pool the order is exactly that
# of ranking every match, and above it title and tag/category matches still come first. A word
# in nearly every body then costs one pool's bm25 instead of thousands. Each MATCH is run once
# (`m`) plus once for bm25: a prefix term of a common word merges thousands of doclists a time.
_SQLITE_SEARCH: Final = """
WITH visible AS MATERIALIZED (
    SELECT a.id, a.client_id FROM kb_article a WHERE a.archived = :archived {scope}
),
in_title AS MATERIALIZED (
    SELECT rowid AS id FROM kb_article_fts WHERE kb_article_fts MATCH :in_title
),
in_tags AS MATERIALIZED (
    SELECT rowid AS id FROM kb_article_fts WHERE kb_article_fts MATCH :in_tags
),
m AS MATERIALIZED (
    SELECT v.id, v.client_id,
           CASE WHEN v.id IN in_title THEN 0 WHEN v.id IN in_tags THEN 1 ELSE 2 END AS tier
    FROM kb_article_fts f CROSS JOIN visible v ON v.id = f.rowid
    WHERE f.kb_article_fts MATCH :query
),
pool AS MATERIALIZED (
    SELECT * FROM (SELECT id, client_id, tier FROM m WHERE tier = 0
                   ORDER BY id DESC LIMIT :pool)
    UNION ALL
    SELECT * FROM (SELECT id, client_id, tier FROM m WHERE tier = 1
                   ORDER BY id DESC LIMIT :pool)
    UNION ALL
    SELECT * FROM (SELECT id, client_id, tier FROM m WHERE tier = 2
                   ORDER BY id DESC LIMIT :pool)
),
best AS (
    SELECT f.rowid AS id, bm25(f.kb_article_fts, 10.0, 1.0, 5.0, 5.0) AS score, p.client_id,
           p.tier
    FROM kb_article_fts f CROSS JOIN pool p ON p.id = f.rowid
    WHERE f.kb_article_fts MATCH :query
    ORDER BY p.tier, score, CASE WHEN p.client_id IS NULL THEN 1 ELSE 0 END, f.rowid
    LIMIT :limit
)
SELECT a.id, a.title, a.client_id, a.category, best.score, best.tier
FROM best JOIN kb_article a ON a.id = best.id
ORDER BY best.tier, best.score, CASE WHEN a.client_id IS NULL THEN 1 ELSE 0 END, a.id
"""
#: Matches ranked at most per tier (PostgreSQL: per part) when a search matches very many.
RANK_POOL: Final = 500
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
#: Above this many matches the pooled covering-index plan (`_SQLITE_SEARCH`) is the faster one.
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
# Many matches: one pass over them instead. A pinned query re-reads the query's doclists, and a
# prefix term of a common word merges thousands of them each time (~5 ms a snippet).
_SQLITE_SNIPPETS_ONE_PASS: Final = (
    "SELECT rowid, snippet(kb_article_fts, 1, :start, :end, '…', 24) FROM kb_article_fts "
    "WHERE kb_article_fts MATCH :query AND +rowid IN ({ids})"
)
# The vector's weights: A title, B tags and category, C body; ts_rank's array is {D, C, B, A}.
# Unlike bm25, ts_rank does not saturate: without length normalisation one title match (1.0)
# outranks any number of tag/category matches (< 0.66) and those any number of body matches
# (< 0.17), so the weights alone give the tiers. (Testing the tiers with extra @@ per row would
# decompress each matching vector again and double the cost.) Tier is kept as a column so
# both backends return the same shape.
# Suggestions (any word) rank every match: their words are the rarer ones of a description
# (`discriminating_words`), so the matches stay few, and there the pool's extra scans cost more.
_PG_SEARCH_ALL: Final = """
WITH q AS MATERIALIZED (SELECT to_tsquery('simple', :query) AS query)
SELECT a.id, a.title, a.client_id, a.category,
       -ts_rank('{{0.01, 0.1, 0.4, 1.0}}', a.search_vector, q.query) AS score, 2 AS tier
FROM kb_article a, q
WHERE a.search_vector @@ q.query AND a.archived = :archived {scope}
ORDER BY score, CASE WHEN a.client_id IS NULL THEN 1 ELSE 0 END, a.id
LIMIT :limit
"""
# Only a pool of the matches is ranked (ts_rank decompresses each vector: ranking ~10,000
# matches of a common word costs ~80 ms): every visible match with the whole query within the
# title, every one within the tags or category, and the `RANK_POOL` most recent matches, each
# part at most `RANK_POOL`. With up to `RANK_POOL` matches that is all of them, so the order is
# exactly that of ranking every match; above, title and tag/category matches still come first
# (the weights, below), body-only matches are ranked among the most recent. The title and tag
# parts run the columns' own to_tsvector as the generated column builds its A and B parts (a
# weight-restricted @@ would decompress every matching vector); a LIKE per word keeps that to
# the rows that can match (ASCII text without the word cannot; other text is always checked),
# and translate() with the long fold strings (~35 µs a row) only runs on non-ASCII text.
# No count query first: with the query unknown to the planner (`q` is a CTE) the plan keeps
# the GIN index, where a generic plan of a count with LIMIT turned to a sequential scan.
_PG_SEARCH: Final = """
WITH q AS MATERIALIZED (SELECT to_tsquery('simple', :query) AS query),
matches AS MATERIALIZED (
    SELECT a.id, coalesce(a.title, '') AS title,
           coalesce(a.tags, '') || ' ' || coalesce(a.category, '') AS tags
    FROM kb_article a, q
    WHERE a.search_vector @@ q.query AND a.archived = :archived {scope}
),
pool AS (
    (SELECT m.id FROM matches m, q
     WHERE {like_title} AND to_tsvector('simple', {fold_title}) @@ q.query
     ORDER BY m.id DESC LIMIT {pool})
    UNION
    (SELECT m.id FROM matches m, q
     WHERE {like_tags} AND to_tsvector('simple', {fold_tags}) @@ q.query
     ORDER BY m.id DESC LIMIT {pool})
    UNION
    (SELECT m.id FROM matches m ORDER BY m.id DESC LIMIT {pool})
)
SELECT a.id, a.title, a.client_id, a.category,
       -ts_rank('{{0.01, 0.1, 0.4, 1.0}}', a.search_vector, q.query) AS score, 2 AS tier
FROM pool p JOIN kb_article a ON a.id = p.id, q
ORDER BY score, CASE WHEN a.client_id IS NULL THEN 1 ELSE 0 END, a.id
LIMIT :limit
"""


def _pg_fold(column: str) -> str:
    """SQL folding `column` like the generated column; ASCII text (as many bytes as
    characters) is left as is, sparing translate()."""
    return (
        f"CASE WHEN octet_length({column}) = char_length({column}) THEN {column} "
        f"ELSE translate({column}, :fold_from, :fold_to) END"
    )


def _pg_may_match(column: str, count: int, any_word: bool) -> str:
    """SQL true when `column` may hold the words `:like0`… (`%word%` patterns): it is not
    ASCII, or it contains every word (any word, with `any_word`) as a substring."""
    likes = (" OR " if any_word else " AND ").join(f"{column} ILIKE :like{i}" for i in range(count))
    return f"(octet_length({column}) <> char_length({column}) OR ({likes}))"


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
        # The query in a materialized CTE and the cap written in (an int): planned with the
        # word's value, or as a generic plan with a LIMIT parameter (psycopg prepares repeated
        # statements), a count of a common word scanned the table, decompressing every vector.
        sql = (
            "WITH q AS MATERIALIZED (SELECT to_tsquery('simple', :q) AS query) "
            "SELECT count(*) FROM (SELECT 1 FROM kb_article, q WHERE search_vector @@ q.query "
            f"LIMIT {int(cap)}) found"
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
    many = False
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
        many = found > _SQLITE_FEW_MATCHES
        if not many:
            rows = conn.execute(text(_SQLITE_SEARCH_FEW.format(scope=scope)), params).all()
        else:
            params["pool"] = RANK_POOL
            rows = conn.execute(text(_SQLITE_SEARCH.format(scope=scope)), params).all()
    else:
        params["query"] = tsquery(tokens, prefix_last=prefix_last, any_word=any_word)
        if any_word:
            sql = _PG_SEARCH_ALL.format(scope=scope)
        else:
            params.update(fold_from=FOLD_FROM, fold_to=FOLD_TO)
            params.update({f"like{i}": f"%{t}%" for i, t in enumerate(tokens)})
            sql = _PG_SEARCH.format(
                scope=scope,
                pool=int(RANK_POOL),
                like_title=_pg_may_match("m.title", len(tokens), any_word),
                like_tags=_pg_may_match("m.tags", len(tokens), any_word),
                fold_title=_pg_fold("m.title"),
                fold_tags=_pg_fold("m.tags"),
            )
        rows = conn.execute(text(sql), params).all()
    if not rows:
        return []
    snippets = _snippets(conn, [int(r[0]) for r in rows], str(params["query"]), sqlite, many=many)
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


def _snippets(
    conn: Connection, ids: list[int], query: str, sqlite: bool, *, many: bool = False
) -> dict[int, str]:
    """Snippets for the page of hits only: computing them for every match would dominate."""
    # The ids are integers from the database, so formatting them into the SQL is safe.
    if sqlite:
        if many:
            sql = _SQLITE_SNIPPETS_ONE_PASS.format(ids=", ".join(str(i) for i in ids))
        else:
            sql = " UNION ALL ".join(_SQLITE_SNIPPET.format(id=i) for i in ids)
        params = {"query": query, "start": MARK_START, "end": MARK_END}
    else:
        sql = _PG_SNIPPETS.format(ids=", ".join(str(i) for i in ids))
        params = {"query": query, "options": _PG_HEADLINE}
    rows = conn.execute(text(sql), params).all()
    return {int(i): _SPACES.sub(" ", s or "").strip() for i, s in rows}
