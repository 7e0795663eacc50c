import json
import multiprocessing
import os
import sqlite3
import stat

import pytest

from partnerlog.errors import NewerJournal, NotAJournal
from partnerlog.store import Journal, fts_query, migrations

from .conftest import dump, from_the_future


@pytest.fixture
def journal(journal_path):
    """A new, empty journal, closed after the test."""
    opened = Journal.open(journal_path, create=True)
    yield opened
    opened.close()


def columns(conn, table):
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def test_a_blank_journal_gets_exactly_these_columns(journal):
    conn = journal.conn
    assert columns(conn, "partners") == [
        "id", "uuid", "handle", "name", "kind", "relation", "role", "org",
        "cadence_days", "notes", "created_at", "archived_at", "updated_at", "paused_until",
        "pause_reason",
    ]  # fmt: skip
    assert columns(conn, "interactions") == [
        "id", "uuid", "occurred_at", "kind", "setting", "tone", "note", "private", "created_at",
        "pillar_mask", "benefit_mask", "updated_at",
    ]  # fmt: skip
    assert columns(conn, "interaction_partners") == [
        "interaction_id", "partner_id", "occurred_at", "kind", "setting", "tone", "pillar_mask",
        "benefit_mask",
    ]  # fmt: skip
    assert columns(conn, "interaction_tags") == ["interaction_id", "tag"]
    assert columns(conn, "interaction_pillars") == ["interaction_id", "pillar"]
    assert columns(conn, "interaction_benefits") == ["interaction_id", "benefit"]
    assert columns(conn, "goals") == [
        "id", "uuid", "partner_id", "owner", "title", "note", "due_on", "status",
        "progress", "created_at", "closed_at", "updated_at",
    ]  # fmt: skip
    assert columns(conn, "traits") == [
        "id", "uuid", "partner_id", "polarity", "area", "label", "note", "created_at",
        "updated_at",
    ]  # fmt: skip
    assert columns(conn, "goal_updates") == [
        "id", "uuid", "goal_id", "at", "progress", "note", "created_at", "updated_at",
    ]  # fmt: skip
    assert columns(conn, "tombstones") == ["uuid", "kind", "deleted_at"]
    assert columns(conn, "actions") == ["id", "command", "at", "undone_at"]
    assert columns(conn, "action_changes") == ["action_id", "seq", "kind", "uuid", "before"]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    assert applied == list(migrations.NAMES)
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"interactions_occurred_at", "interaction_partners_partner", "goals_partner"} <= indexes


def test_the_migrations_module_and_sqlite_utils_agree():
    assert [m.name for m in migrations.migrations()._migrations] == list(migrations.NAMES)


def test_the_dashboards_standings_read_each_partners_newest_links_from_an_index(journal):
    """`standings` asks each partner's last few contacts and tones newest first,
    and their window's tones: SQLite reads all of it from the (partner_id,
    instant, tone, occurred_at) index (m015) alone, which it uses only while
    the query's instant is the index's word for word."""
    from datetime import datetime, timedelta

    from partnerlog.store.health import STAMP_SQL

    said = []
    journal.conn.set_trace_callback(said.append)
    now = datetime.fromisoformat("2026-11-28T18:00:00+07:00")
    journal.standings(now - timedelta(days=91), now, 90)
    journal.conn.set_trace_callback(None)
    [query] = [sql for sql in said if STAMP_SQL in sql]
    plan = " / ".join(row[3] for row in journal.conn.execute(f"EXPLAIN QUERY PLAN {query}"))
    assert plan.count("USING COVERING INDEX interaction_partners_stamps") == 3, plan
    assert "TEMP B-TREE" not in plan, plan


def test_my_late_promises_are_read_from_their_own_index(journal):
    said = []
    journal.conn.set_trace_callback(said.append)
    journal.late_promises("2026-11-28")
    journal.conn.set_trace_callback(None)
    [query] = [sql for sql in said if "follow_ups" in sql]
    plan = " / ".join(row[3] for row in journal.conn.execute(f"EXPLAIN QUERY PLAN {query}"))
    assert "USING INDEX follow_ups_my_promises" in plan, plan


def test_contact_dates_follow_their_interaction(journal):
    conn = journal.conn
    with journal.transaction():
        conn.execute(
            "INSERT INTO partners (uuid, handle, name, created_at) VALUES ('p', 'sari', 'Sari', 'x')"
        )
        conn.execute(
            "INSERT INTO interactions (uuid, occurred_at, kind, created_at)"
            " VALUES ('i', '2026-11-01T12:00:00+07:00', 'chat', 'x')"
        )
        conn.execute("INSERT INTO interaction_partners (interaction_id, partner_id) VALUES (1, 1)")
    assert journal.last_contacts() == {1: "2026-11-01T12:00:00+07:00"}
    with journal.transaction():
        conn.execute("UPDATE interactions SET occurred_at = '2026-11-20T09:00:00+07:00'")
    assert journal.last_contacts() == {1: "2026-11-20T09:00:00+07:00"}


def test_links_copy_their_interaction_whatever_changes(journal):
    conn = journal.conn
    copied = "occurred_at, kind, setting, tone, pillar_mask, benefit_mask"

    def agree():
        """The link's copies, after checking they equal the interaction's own columns."""
        links = [tuple(r) for r in conn.execute(f"SELECT {copied} FROM interaction_partners")]
        assert links == [tuple(r) for r in conn.execute(f"SELECT {copied} FROM interactions")]
        return links

    with journal.transaction():
        conn.execute(
            "INSERT INTO partners (uuid, handle, name, created_at) VALUES ('p', 's', 'S', 'x')"
        )
        conn.execute(
            "INSERT INTO interactions (uuid, occurred_at, kind, setting, tone, created_at)"
            " VALUES ('i', '2026-11-01T12:00:00+07:00', 'chat', 'office', 1, 'x')"
        )
        conn.execute("INSERT INTO interaction_partners (interaction_id, partner_id) VALUES (1, 1)")
        conn.execute("INSERT INTO interaction_pillars VALUES (1, 'bond')")
    assert agree() == [("2026-11-01T12:00:00+07:00", "chat", "office", 1, 2, 0)]
    with journal.transaction():
        conn.execute(
            "UPDATE interactions SET kind = 'lunch', setting = 'outside', tone = -2,"
            " occurred_at = '2026-11-02T12:00:00+07:00'"
        )
        conn.execute("INSERT INTO interaction_benefits VALUES (1, 'growth')")
        conn.execute("DELETE FROM interaction_pillars")
    assert agree() == [("2026-11-02T12:00:00+07:00", "lunch", "outside", -2, 0, 4)]


@pytest.mark.parametrize(
    "occurred_at",
    ["2026-11-01T12:00:00+07:00", "2026-10-31T23:59:59-05:00", "2026-06-30T00:00:01+00:00",
     "2026-11-28T18:00:00+05:45"],
)  # fmt: skip
def test_health_facts_hold_the_contacts_the_model_would_build(journal, occurred_at):
    from datetime import datetime

    from partnerlog.core.tally import contact
    from partnerlog.core.vocabulary import BENEFITS, PILLARS

    conn = journal.conn
    kinds = [
        ("lunch", "outside", -1, ["bond", "goals"], ["network"]),
        ("chat", None, None, [], []),
        ("review", "office", 2, list(PILLARS), list(BENEFITS)),
        ("walk", "remote", -2, ["complement"], ["wellbeing", "growth"]),
        ("call", "outside", 0, [], ["environment"]),
    ]
    with journal.transaction():
        conn.execute(
            "INSERT INTO partners (uuid, handle, name, created_at) VALUES ('p', 's', 'S', 'x')"
        )
        for number, (kind, setting, tone, pillars, benefits) in enumerate(kinds, 1):
            conn.execute(
                "INSERT INTO interactions (uuid, occurred_at, kind, setting, tone, created_at)"
                " VALUES (?, ?, ?, ?, ?, 'x')",
                [str(number), occurred_at, kind, setting, tone],
            )
            conn.execute(
                "INSERT INTO interaction_partners (interaction_id, partner_id) VALUES (?, 1)",
                [number],
            )
            conn.executemany(
                "INSERT INTO interaction_pillars VALUES (?, ?)", [(number, p) for p in pillars]
            )
            conn.executemany(
                "INSERT INTO interaction_benefits VALUES (?, ?)", [(number, b) for b in benefits]
            )
    (facts,) = journal.health_facts(datetime.fromisoformat("2026-01-01T00:00:00+00:00"))
    at = datetime.fromisoformat(occurred_at)
    assert sorted(facts.contacts) == sorted(contact(at, *values) for values in kinds)


def test_pillar_and_benefit_masks_follow_the_link_tables(journal):
    conn = journal.conn
    with journal.transaction():
        conn.execute(
            "INSERT INTO interactions (uuid, occurred_at, kind, created_at)"
            " VALUES ('i', '2026-11-01T12:00:00+07:00', 'chat', 'x')"
        )
        conn.execute("INSERT INTO interaction_pillars VALUES (1, 'bond'), (1, 'complement')")
        conn.execute("INSERT INTO interaction_benefits VALUES (1, 'growth')")
    masks = "SELECT pillar_mask, benefit_mask FROM interactions"
    assert tuple(conn.execute(masks).fetchone()) == (0b10010, 0b100)
    with journal.transaction():
        conn.execute("DELETE FROM interaction_pillars WHERE pillar = 'bond'")
        conn.execute("DELETE FROM interaction_benefits")
    assert tuple(conn.execute(masks).fetchone()) == (0b10000, 0)


def test_full_text_search_follows_inserts_updates_and_deletes(journal):
    conn = journal.conn
    with journal.transaction():
        conn.execute(
            "INSERT INTO interactions (uuid, occurred_at, kind, note, created_at)"
            " VALUES ('u', '2026-11-01T12:00:00+07:00', 'chat', 'Roadmap with José', 'x')"
        )
    assert [i.note for i in journal.search("jose roadm")] == ["Roadmap with José"]
    with journal.transaction():
        conn.execute("UPDATE interactions SET note = 'budget'")
    assert journal.search("roadmap") == []
    assert len(journal.search("budget")) == 1
    with journal.transaction():
        conn.execute("DELETE FROM interactions")
    assert journal.search("budget") == []


@pytest.mark.parametrize(
    "query", ['"', "AND", "NEAR(", "a OR b", "col:x", "*", "'); DROP TABLE partners; --"]
)
def test_search_input_is_always_a_safe_query(journal, query):
    journal.search(query)  # never raises a syntax error
    assert fts_query('say "hi"') == '"say"* "hi"*'


def test_folder_is_0700_and_files_are_0600(tmp_path):
    path = tmp_path / "new" / "deeper" / "journal.db"
    journal = Journal.open(path, create=True)
    with journal.transaction():
        journal.set_meta("x", "y")
    modes = {p.name: stat.S_IMODE(os.stat(p).st_mode) for p in path.parent.iterdir()}
    journal.close()
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path.parent.parent).st_mode) == 0o700
    assert modes["journal.db"] == 0o600
    assert modes.get("journal.db-wal", 0o600) == 0o600
    assert modes.get("journal.db-shm", 0o600) == 0o600


def test_a_newer_journal_is_refused_untouched(journal_path):
    Journal.open(journal_path, create=True).close()
    from_the_future(journal_path)
    before = journal_path.read_bytes()
    with pytest.raises(NewerJournal):
        Journal.open(journal_path, create=True)
    assert journal_path.read_bytes() == before


def test_an_sqlite_file_of_another_program_is_refused(journal_path):
    conn = sqlite3.connect(journal_path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = journal_path.read_bytes()
    with pytest.raises(NotAJournal):
        Journal.open(journal_path, create=True)
    assert journal_path.read_bytes() == before


def _open_new_journal(path, barrier):
    barrier.wait()
    Journal.open(path, create=True).close()


def test_two_processes_creating_one_new_journal_both_succeed(tmp_path):
    path = tmp_path / "race.db"
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(4)
    workers = [context.Process(target=_open_new_journal, args=(path, barrier)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(
        migrations.NAMES
    )
    conn.close()


def test_dump_helper_sees_no_file_as_none(journal_path):
    assert dump(journal_path) is None


def test_named_agrees_with_find_partner(team, journal_path):
    from partnerlog.core.matching import find_partner
    from partnerlog.errors import PartnerlogError

    team("partner", "add", "José Two", "--handle", "josé")
    team("partner", "add", "Old Friend", "--handle", "old")
    team("partner", "archive", "old")
    journal = Journal.open(journal_path)
    everyone = journal.partners(include_archived=True)
    queries = ["sari", "@budi", "SARI", "jose", "josé", "JOSE", "old", "ol", "sa", "nobody", "ma"]

    def outcome(find, query):
        try:
            return find(query).handle
        except PartnerlogError as error:
            return error.message

    for query in queries:
        expected = outcome(lambda q: find_partner(everyone, q), query)
        assert outcome(lambda q: journal.named(q)[0], query) == expected, query
    assert [p.handle for p in journal.named("sari", "@sari", "budi", "Sari W")] == ["sari", "budi"]
    journal.close()


def test_full_text_indexes_stay_whole_through_every_kind_of_change(team, journal_path):
    """The indexes are re-written only when the text changes (m011): after logging
    with pillars, editing, renaming a tag, checking in on a goal, closing a
    follow-up and deleting, each index still matches its table exactly."""
    import sqlite3

    team("log", "sari", "roadmap lunch #q1", "-p", "goals,bond", "-b", "growth")
    team("log", "budi", "budget review", "-t", "1")
    team("entry", "edit", "1", "-t", "2", "-p", "communication")
    team("entry", "edit", "2", "--note", "budget review, second round")
    team("tag", "rename", "q1", "q2")
    team("goal", "add", "sari", "ship the roadmap")
    team("goal", "update", "1", "--progress", "40")
    team("goal", "edit", "1", "--title", "ship the new roadmap")
    team("raise", "sari", "the offsite budget")
    team("close", "1")
    team("entry", "delete", "1", "--yes")
    conn = sqlite3.connect(journal_path)
    for table in ("interactions", "goals", "follow_ups"):
        conn.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('integrity-check')")
    conn.close()
    found = json.loads(team("search", "second", "--json").stdout)["interactions"]
    assert [entry["id"] for entry in found] == [2]
    assert json.loads(team("search", "new roadmap", "--json").stdout)["goals"][0]["id"] == 1
    assert json.loads(team("search", "lunch", "--json").stdout)["interactions"] == []
