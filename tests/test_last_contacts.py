"""Each partner's last contact is kept in a table of its own (m014), by triggers,
so `due` and `agenda` do not read every partner's links. Whatever changes the
links — a log, a date moved either way, partners swapped, a deletion, undo, a
merge written in bulk, another program — the table says what the links say."""

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerlog.store import migrations


def kept(path: Path) -> dict:
    """The table, after asserting it equals what the links say (partners with none: absent or None)."""
    conn = sqlite3.connect(path)
    try:
        stored = dict(conn.execute("SELECT partner_id, occurred_at FROM last_contacts"))
        links = dict(
            conn.execute(
                "SELECT id, (SELECT max(occurred_at) FROM interaction_partners"
                " WHERE partner_id = partners.id) FROM partners"
            )
        )
    finally:
        conn.close()
    assert set(stored) <= set(links), "a row for a partner who is gone"
    assert {k: v for k, v in stored.items() if v} == {k: v for k, v in links.items() if v}
    return stored


def due_names(run) -> set[str]:
    return {item["handle"] for item in json.loads(run("due", "--json").stdout)}


OPERATION = st.one_of(
    st.tuples(st.just("log"), st.sampled_from(["sari", "budi", "sari,budi"]), st.integers(0, 60)),
    st.tuples(st.just("when"), st.integers(0, 20), st.integers(0, 60)),
    st.tuples(st.just("who"), st.integers(0, 20), st.sampled_from(["sari", "budi", "budi,sari"])),
    st.tuples(st.just("delete"), st.integers(0, 20)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("partner"), st.sampled_from(["sari", "budi"])),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=st.lists(OPERATION, min_size=1, max_size=12))
def test_the_last_contacts_follow_every_change_to_the_links(run, journal_path, operations):
    journal_path.unlink(missing_ok=True)
    assert run("partner", "add", "Sari Wulandari").exit_code == 0
    assert run("partner", "add", "Budi Santoso").exit_code == 0
    names = {"sari": "Sari Wulandari", "budi": "Budi Santoso"}
    for what, *args in operations:
        entries = json.loads(run("timeline", "-n", "0", "--json").stdout or "[]")
        here = {p["handle"] for p in json.loads(run("partner", "list", "--json").stdout or "[]")}
        named = set(args[0].split(",")) if what in ("log", "partner") else set()
        named |= set(args[1].split(",")) if what == "who" else set()
        if what == "partner":
            if args[0] in here:
                continue
            result = run("partner", "add", names[args[0]])
        elif not named <= here:
            continue  # (undo took them away: a "partner" adds them again)
        elif what == "log":
            result = run("log", args[0], "-w", f"{args[1]} days ago", "x", "--yes")
        elif what == "undo":
            result = run("undo", "--yes")
        elif not entries:
            continue
        else:
            entry = str(entries[args[0] % len(entries)]["id"])
            if what == "when":
                result = run("entry", "edit", entry, "-w", f"{args[1]} days ago")
            elif what == "who":
                result = run("entry", "edit", entry, "--who", args[1])
            else:
                result = run("entry", "delete", entry, "--yes")
        assert result.exit_code == 0, (what, args, result.stderr)
        kept(journal_path)


def test_what_another_program_does_to_the_links_is_followed(run, journal_path):
    for args in (
        ("partner", "add", "Sari Wulandari"),
        ("partner", "add", "Budi Santoso"),
        ("log", "sari", "-w", "yesterday", "lunch"),
        ("log", "sari", "-w", "10 days ago", "coffee"),
        ("log", "budi", "-w", "20 days ago", "review"),
    ):
        assert run(*args).exit_code == 0
    conn = sqlite3.connect(journal_path)
    for statement in (
        # yesterday's lunch was Budi's: both partners' latest change
        "UPDATE interaction_partners SET partner_id = 2 WHERE interaction_id = 1",
        "UPDATE interactions SET occurred_at = '2026-01-01T09:00:00+07:00' WHERE id = 1",
        "INSERT OR REPLACE INTO interaction_partners (interaction_id, partner_id) VALUES (3, 1)",
        "DELETE FROM partners WHERE id = 1",
    ):
        conn.execute(statement)
        conn.commit()
        kept(journal_path)
    conn.close()
    assert set(kept(journal_path)) == {2}


def test_an_older_journal_learns_its_last_contacts_when_it_opens(run, journal_path):
    for args in (
        ("partner", "add", "Sari Wulandari", "--cadence", "7"),
        ("partner", "add", "Budi Santoso", "--cadence", "7"),
        ("log", "sari", "-w", "2 days ago", "recent"),
        ("log", "budi", "-w", "30 days ago", "long ago"),
        ("log", "budi,sari", "-w", "40 days ago", "older"),
    ):
        assert run(*args).exit_code == 0
    # As an older partnerlog left it: no table, no triggers, m014 not applied.
    conn = sqlite3.connect(journal_path)
    found = conn.execute("SELECT type, name FROM sqlite_master WHERE name LIKE 'last_contacts%'")
    for kind, name in found.fetchall():
        conn.execute(f"DROP {kind} {name}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm014_last_contacts'")
    conn.commit()
    conn.close()
    assert due_names(run) == {"budi"}
    assert len(kept(journal_path)) == 2
    applied = sqlite3.connect(journal_path).execute("SELECT name FROM _sqlite_migrations")
    assert {row[0] for row in applied} == set(migrations.NAMES)


def test_repair_puts_right_a_table_another_program_changed(run, journal_path):
    assert run("partner", "add", "Sari Wulandari", "--cadence", "7").exit_code == 0
    assert run("log", "sari", "-w", "yesterday", "lunch").exit_code == 0
    conn = sqlite3.connect(journal_path)
    conn.execute("UPDATE last_contacts SET occurred_at = '2020-01-01T00:00:00+00:00'")
    conn.execute("INSERT INTO last_contacts VALUES (999, '2020-01-01T00:00:00+00:00')")
    conn.commit()
    conn.close()
    assert due_names(run) == {"sari"}  # what the table says, however it came to say it
    repaired = run("db", "check", "--repair", "--json")
    assert repaired.exit_code == 0, repaired.stderr
    assert json.loads(repaired.stdout)["repaired"] == {"last contacts out of date": 2}
    kept(journal_path)
    assert due_names(run) == set()


@pytest.mark.english
def test_repair_says_in_words_which_last_contacts_it_put_right(run, journal_path):
    assert run("partner", "add", "Sari Wulandari").exit_code == 0
    assert run("log", "sari", "lunch").exit_code == 0
    conn = sqlite3.connect(journal_path)
    conn.execute("UPDATE last_contacts SET occurred_at = NULL")
    conn.commit()
    conn.close()
    repaired = run("db", "check", "--repair")
    assert repaired.exit_code == 0
    assert "Repaired: 1 partner's last contact out of date." in repaired.stderr
