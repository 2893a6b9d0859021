"""Knowledge-base full-text search (app/services/kb_search.py through KnowledgeBaseService):
ranking, scope, archive, accents, as-you-type prefixes, hostile input, snippets, suggestions.

Every test runs on SQLite (FTS5) and PostgreSQL (tsvector + GIN) inside a rolled-back
transaction, so both indexes are exercised through their triggers / generated column.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.db import Database
from app.models.enums import Tier
from app.services import kb_search
from app.services.kb_search import MARK_END, MARK_START
from app.services.knowledge_base import KnowledgeBaseService
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

FILLER = (
    "Open the settings page, then check the account details and sign in again. "
    "Ask the user to restart the workstation when the change does not apply. "
)


@dataclass(frozen=True)
class World:
    kb: KnowledgeBaseService
    client: int
    other: int
    tech: int


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    return World(
        kb=KnowledgeBaseService(db, clock),
        client=add_client(db, "Acme Dental"),
        other=add_client(db, "Borealis Law"),
        tech=add_technician(db, "Lena One", tier=Tier.L2),
    )


def _add(
    w: World,
    title: str,
    body: str = "",
    *,
    client: int | None = None,
    category: str = "",
    tags: str = "",
) -> int:
    return w.kb.create(client, title, body, category, tags, w.tech).article_id


def _ids(hits: list[kb_search.SearchHit]) -> list[int]:
    return [h.article_id for h in hits]


def test_title_beats_tags_and_category_which_beat_the_body(w: World) -> None:
    in_body = _add(w, "Mail client slow", FILLER + "spooler " * 30)
    in_title = _add(w, "Spooler restart", FILLER)
    in_tags = _add(w, "Print jobs stuck", FILLER, tags="spooler printing")
    in_category = _add(w, "Queue frozen", FILLER, category="Spooler")

    hits = w.kb.search("spooler")
    assert _ids(hits)[0] == in_title
    assert set(_ids(hits)[1:3]) == {in_tags, in_category}
    assert _ids(hits)[3] == in_body
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)


def test_clients_own_article_comes_before_an_equal_global_one(w: World) -> None:
    glob = _add(w, "Reset MFA", "Remove the authenticator and register again.")
    own = _add(w, "Reset MFA", "Remove the authenticator and register again.", client=w.client)
    assert _ids(w.kb.search("mfa", client_id=w.client)) == [own, glob]


def test_scope_other_clients_articles_stay_out_of_a_clients_search(w: World) -> None:
    glob = _add(w, "VPN troubleshooting")
    own = _add(w, "VPN at Acme", client=w.client)
    other = _add(w, "VPN at Borealis", client=w.other)
    assert set(_ids(w.kb.search("vpn", client_id=w.client))) == {glob, own}
    assert _ids(w.kb.search("vpn")) == [glob]
    assert set(_ids(w.kb.search("vpn", every_client=True))) == {glob, own, other}


def test_archived_articles_are_not_found_and_come_back_when_unarchived(w: World) -> None:
    a = _add(w, "Fax gateway restart")
    w.kb.archive(a, w.tech)
    assert w.kb.search("fax") == []
    assert w.kb.suggest("the fax gateway is down", None) == []
    w.kb.unarchive(a, w.tech)
    assert _ids(w.kb.search("fax")) == [a]


def test_edits_reach_the_index(w: World) -> None:
    a = w.kb.create(None, "Printer offline", "body", "", "", w.tech)
    w.kb.update(a.article_id, a.version, "Scanner offline", "body", "", "", "", w.tech)
    assert w.kb.search("printer") == []
    assert _ids(w.kb.search("scanner")) == [a.article_id]


def test_accents_are_ignored_both_ways(w: World) -> None:
    accented = _add(w, "Réseau Wi-Fi coupé", "Le pare-feu bloque l'accès.")
    plain = _add(w, "Reseau VPN", "Le pare-feu bloque le tunnel.")
    assert set(_ids(w.kb.search("reseau"))) == {accented, plain}
    assert set(_ids(w.kb.search("RÉSEAU"))) == {accented, plain}
    assert _ids(w.kb.search("coupe")) == [accented]
    assert _ids(w.kb.search("acces")) == [accented]


def test_the_last_word_is_a_prefix_while_typing(w: World) -> None:
    outlook = _add(w, "Outlook profile reset", "Recreate the profile in Control Panel.")
    _add(w, "OneDrive sync", "Sign off and on again.")
    for typed in ("out", "outl", "outlook prof", "profile out"):
        assert _ids(w.kb.search(typed)) == [outlook], typed
    # Only the last word is a prefix: "prof" as a complete earlier word must match exactly.
    assert w.kb.search("prof outlook") == []


def test_every_word_must_match(w: World) -> None:
    both = _add(w, "Printer queue stuck", "Restart the spooler service.")
    _add(w, "Printer toner low", "Replace the cartridge.")
    assert _ids(w.kb.search("printer spooler")) == [both]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "**",
        "NEAR(",
        "NEAR(a b",
        "AND OR",
        "AND",
        "OR NOT",
        "-",
        "-vpn",
        ":",
        "vpn:",
        "'",
        "o'brien",
        "title:vpn",
        "{title}: vpn",
        "^vpn",
        "vpn*",
        "(vpn",
        "vpn)",
        "!",
        "&",
        "|",
        "<->",
        "vpn & | !",
        "\\",
        "%_",
        "\x01\x02",
        "日本語",
        "a" * 500,
        " ".join(["vpn"] * 250),
        "x" * 10_000,
    ],
)
def test_hostile_query_strings_never_fail(w: World, query: str) -> None:
    vpn = _add(w, "VPN troubleshooting", "Check the vpn client and the MFA prompt.")
    hits = w.kb.search(query)
    assert all(h.article_id == vpn for h in hits)
    if "vpn" in query.lower() and "title" not in query:
        assert _ids(hits) == [vpn], query
    assert all(h.article_id == vpn for h in w.kb.suggest(query, None))


def test_empty_or_wordless_text_finds_nothing(w: World) -> None:
    _add(w, "VPN troubleshooting")
    for query in ("", "   ", "\n\t", "!?-*", '" "'):
        assert w.kb.search(query) == []
    assert w.kb.search("vpn", limit=0) == []


def test_snippet_marks_the_match_in_plain_text(w: World) -> None:
    _add(w, "VPN", "First reboot the router. Then <b>reconnect</b> the tunnel & test.")
    [hit] = w.kb.search("tunnel")
    assert f"{MARK_START}tunnel{MARK_END}" in hit.snippet
    # The body's own words as plain text: no markup of ours besides the two markers.
    assert "reconnect" in hit.snippet and "<mark>" not in hit.snippet
    assert hit.snippet.count(MARK_START) == hit.snippet.count(MARK_END) == 1
    assert (hit.title, hit.client_id, hit.category) == ("VPN", None, "")


def test_limit_caps_the_hits(w: World) -> None:
    for i in range(5):
        _add(w, f"Printer {i}")
    assert len(w.kb.search("printer", limit=3)) == 3
    assert len(w.kb.search("printer")) == 5


def test_suggestions_use_the_significant_words_of_a_description(w: World) -> None:
    outlook = _add(w, "Outlook password prompts", "Recreate the Outlook profile.", tags="outlook")
    vpn = _add(w, "VPN drops every hour", "Renew the certificate.", tags="vpn")
    own = _add(w, "Acme Outlook add-in", "The dental add-in breaks Outlook.", client=w.client)
    _add(w, "Borealis Outlook", "Not for Acme.", client=w.other)

    hits = w.kb.suggest(
        "Hello, the user says that Outlook keeps asking for the password since this morning",
        w.client,
    )
    assert _ids(hits)[0] == outlook  # matches "outlook" and "password"
    assert set(_ids(hits)) == {outlook, own}
    assert vpn not in _ids(hits)
    assert len(w.kb.suggest("outlook password", w.client, limit=1)) == 1
    # Nothing but filler words: nothing to suggest.
    assert w.kb.suggest("hello please help, it is not working", w.client) == []


def test_significant_words_drop_stop_words_short_tokens_numbers_and_repeats() -> None:
    words = kb_search.significant_words("The printer on floor 2 is offline, PRINTER 1234 jams")
    assert words == ["printer", "offline", "floor", "jams"]


def test_query_builders_quote_every_token() -> None:
    assert kb_search.fts5_query(["vpn", "mfa"]) == '"vpn" AND "mfa"*'
    assert kb_search.fts5_query(["vpn"], columns="title") == '{title} : ("vpn"*)'
    assert kb_search.tsquery(["vpn", "mfa"], weights="A") == "vpn:A & mfa:*A"
    assert kb_search.fts5_query(["vpn", "mfa"], prefix_last=False, any_word=True) == (
        '"vpn" OR "mfa"'
    )
    assert kb_search.tsquery(["vpn", "mfa"]) == "vpn & mfa:*"
    assert kb_search.words('NEAR("a" b*) title:x') == ["near", "a", "b", "title", "x"]
    assert len(kb_search.words("w " * 100)) == kb_search.MAX_TOKENS


def test_accent_folding_matches_migration_0008() -> None:
    path = Path(__file__).parents[2] / "app/migrations/versions/0008_service_desk_workflow.py"
    spec = importlib.util.spec_from_file_location("m0008", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (module._KB_FOLD_FROM, module._KB_FOLD_TO) == (kb_search.FOLD_FROM, kb_search.FOLD_TO)
    assert kb_search.fold("Ångström Ça Œ") == "angstrom ca œ"


def test_category_and_tag_filters_narrow_the_hits(w: World) -> None:
    a = _add(w, "Printer queue", category="Printing", tags="spooler hp")
    b = _add(w, "Printer driver", category="Drivers", tags="hp")
    _add(w, "Printer toner", category="Printing", tags="hpx")
    assert _ids(w.kb.search("printer", category="Drivers")) == [b]
    assert set(_ids(w.kb.search("printer", tag="HP"))) == {a, b}
    assert _ids(w.kb.search("printer", category="Printing", tag="spooler")) == [a]


def test_the_many_matches_plan_ranks_and_filters_alike(w: World, monkeypatch) -> None:
    # SQLite switches to a covering-index plan above a number of matches; force it here.
    monkeypatch.setattr(kb_search, "_SQLITE_FEW_MATCHES", 0)
    in_body = _add(w, "Mail client slow", FILLER + "spooler " * 30)
    in_title = _add(w, "Spooler restart", FILLER)
    glob = _add(w, "Reset spooler", "Same text.")
    own = _add(w, "Reset spooler", "Same text.", client=w.client)
    _add(w, "Borealis spooler", client=w.other)
    archived = _add(w, "Old spooler fix")
    w.kb.archive(archived, w.tech)

    hits = _ids(w.kb.search("spooler", client_id=w.client))
    assert set(hits[:3]) == {in_title, glob, own}  # title matches first
    assert hits[3:] == [in_body]  # archived and the other client's article left out
    assert hits.index(own) < hits.index(glob)
    assert _ids(w.kb.search("spooler", category="nothing")) == []


def test_a_word_in_very_many_articles_ranks_a_pool_title_matches_first(
    w: World, monkeypatch
) -> None:
    # Above `RANK_POOL` matches only a pool is ranked (both backends): every title and
    # tag/category match, plus the most recent others. Force it with a tiny pool.
    monkeypatch.setattr(kb_search, "_SQLITE_FEW_MATCHES", 0)
    monkeypatch.setattr(kb_search, "RANK_POOL", 2)
    glob = _add(w, "Reset spooler", "Same text.")
    own = _add(w, "Reset spooler", "Same text.", client=w.client)
    in_tags = _add(w, "Print jobs stuck", FILLER, tags="spooler printing")
    _add(w, "Borealis spooler", client=w.other)
    archived = _add(w, "Old spooler fix")
    w.kb.archive(archived, w.tech)
    in_body = [_add(w, f"Mail client slow {i}", FILLER + "spooler " * (i + 1)) for i in range(6)]

    hits = w.kb.search("spooler", client_id=w.client)
    assert _ids(hits)[:3] == [own, glob, in_tags]  # the oldest, but title and tags come first
    assert set(_ids(hits)[3:]) == set(in_body[-2:])  # of the body matches, the newest pool
    assert all(f"{MARK_START}spooler{MARK_END}" in h.snippet.lower() for h in hits[3:])
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)
    assert _ids(w.kb.search("spoo", client_id=w.client))[:3] == [own, glob, in_tags]
    assert _ids(w.kb.search("spooler", client_id=w.client, limit=2)) == [own, glob]
    assert _ids(w.kb.search("spooler", category="nothing")) == []
