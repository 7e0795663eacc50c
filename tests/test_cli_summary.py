import json
import os
import re
import sqlite3

import pytest

SUMMARY_KEYS = {
    "handle", "name", "kind", "relation", "last_contact", "days_since", "cadence_days", "due",
    "interactions_30d", "interactions_90d", "tone_avg_90d", "score", "pillars", "status",
    "reasons", "next_step",
}  # fmt: skip


@pytest.fixture
def journal(team, journal_path):
    """Sari thriving, Budi at risk, José drifting, Maria never contacted."""
    for days in range(1, 90, 7):
        team(
            "log",
            "sari",
            "-k",
            "lunch",
            "-s",
            "outside",
            "-t",
            "1",
            "-w",
            f"{days} days ago",
            "lunch",
        )
    team("log", "sari", "-k", "review", "-w", "3 days ago", "design review")
    team("log", "sari", "-k", "1on1", "-w", "20 days ago", "1:1")
    team("goal", "add", "sari", "ship the pipeline")
    team("goal", "update", "1", "--progress", "50")
    team("trait", "add", "me", "weakness", "public speaking")
    team("trait", "add", "me", "strength", "sql")
    team("trait", "add", "sari", "strength", "public speaking")
    team("trait", "add", "sari", "weakness", "SQL")
    team("log", "budi", "-k", "1on1", "-w", "60 days ago", "1:1")
    team("log", "jose", "-k", "coffee", "-w", "16 days ago", "coffee")
    for days in (23, 37, 51, 65):
        team("log", "jose", "-k", "1on1", "-w", f"{days} days ago", "1:1")
    conn = sqlite3.connect(journal_path)
    conn.execute("UPDATE partners SET created_at = '2025-06-01T00:00:00+00:00'")
    conn.commit()
    conn.close()
    return team


def summary(run, *args):
    result = run("summary", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return {row["handle"]: row for row in json.loads(result.stdout)}


def test_summary_json_has_the_documented_fields_and_verdicts(journal):
    rows = summary(journal)
    assert all(set(row) >= SUMMARY_KEYS for row in rows.values())
    assert {h: r["status"] for h, r in rows.items()} == {
        "sari": "thriving",
        "budi": "at-risk",
        "jose": "drifting",
        "maria": "at-risk",
    }
    sari = rows["sari"]
    assert set(sari["pillars"]) == {"communication", "bond", "understanding", "goals", "complement"}
    assert sari["score"] == sum(sari["pillars"].values())
    assert (sari["days_since"], sari["due"], sari["cadence_days"]) == (1, False, 14)
    assert sari["interactions_30d"] == 7 and sari["interactions_90d"] == 15
    assert sari["tone_avg_90d"] == 1.0
    budi = rows["budi"]
    assert budi["due"] and budi["days_since"] == 60
    assert budi["next_step"] == "last contact 60 days ago — ask Budi for 15 minutes this week"
    assert any("overdue by 46 days" in reason for reason in budi["reasons"])


def test_summary_is_sorted_by_who_needs_attention(journal):
    order = [row["handle"] for row in json.loads(journal("summary", "--json").stdout)]
    assert order == ["maria", "budi", "jose", "sari"]


def test_summary_window_option(journal):
    assert summary(journal, "--window", "30")["sari"]["pillars"]["bond"] == 20
    result = journal("summary", "--window", "0")
    assert result.exit_code == 2


def test_due_json_and_exit_code(journal):
    result = journal("due", "--json")
    same = {"upcoming": False, "due_in_days": 0, "promises_overdue": []}
    assert json.loads(result.stdout) == [
        {"handle": "maria", "name": "Maria Gonzalez", "days_since": None, "cadence_days": 30,
         "overdue_days": 515, **same},
        {"handle": "budi", "name": "Budi Santoso", "days_since": 60, "cadence_days": 14,
         "overdue_days": 46, **same},
        {"handle": "jose", "name": "José Álvarez", "days_since": 16, "cadence_days": 7,
         "overdue_days": 9, **same},
    ]  # fmt: skip
    flagged = journal("due", "--exit-code")
    assert flagged.exit_code == 6 and flagged.stderr == ""  # not 1: no error uses 6
    assert journal("--db", "/nonexistent/j.db", "due", "--exit-code").exit_code == 1
    assert flagged.stdout.splitlines()[1].startswith("maria\t")  # piped: a header first


@pytest.mark.english
def test_due_exit_code_is_0_when_nobody_is_due(team, journal_path):
    for who in ("sari", "budi", "jose", "maria"):
        team("log", who, "hello")
    result = team("due", "--exit-code")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert team("due").stderr == "Nobody is due. Well kept!\n"


@pytest.mark.english
def test_partner_show_has_health_with_reasons(journal):
    shown = json.loads(journal("partner", "show", "budi", "--json").stdout)
    assert shown["health"]["status"] == "at-risk"
    assert set(shown["health"]["pillar_reasons"]) == set(shown["health"]["pillars"])
    out = journal("partner", "show", "sari").stdout
    assert "\nHealth\nthriving\t" in out
    assert "\nNext step\t" in out and "\nBenefits (90 days)\t" in out
    assert "ship the pipeline" in out


@pytest.mark.english
def test_partner_show_piped_is_sections_of_labelled_lines_without_rich(run, monkeypatch):
    """Piped, the profile is its title, "label<TAB>value" lines and sections whose
    lists are tab-separated: nothing is wrapped or padded, user text is verbatim;
    on a terminal it is the drawn view."""
    run("partner", "add", "Sari [bold]W[/]", "--role", "data\tengineer")
    long_note = "a long note " * 40 + "[red]not markup[/]"
    run("log", "sari", long_note, "-t", "1")
    run("raise", "sari", "the budget")
    out = run("partner", "show", "sari").stdout
    lines = out.splitlines()
    assert lines[0] == "Sari [bold]W[/] (sari)"
    assert "role\tdata engineer" in lines  # a tab in a value cannot split the line
    assert lines[lines.index("To raise") + 1] == "id\ttext\tdue"
    recent = lines[lines.index("Recent interactions") + 2].split("\t")
    assert recent[-1] == long_note.strip() and recent[3] == "+"
    assert "\x1b" not in out and all(line == line.rstrip(" ") for line in lines)
    as_on_a_terminal(monkeypatch)
    drawn = run("partner", "show", "sari").stdout
    assert "Health  new" in drawn and "\tdata" not in drawn


def test_partner_show_judges_a_partner_as_the_summary_does(journal):
    """`partner show` reads only that partner's rows; the verdict must not differ."""
    journal("log", "sari", "-w", "3 days ago", "-k", "feedback", "-t", "-1", "--", "tense")
    journal("log", "sari,budi", "-w", "40 days ago", "-k", "lunch", "--where", "outside", "x")
    for verdict in json.loads(journal("summary", "--json").stdout):
        shown = json.loads(journal("partner", "show", verdict["handle"], "--json").stdout)
        assert {k: v for k, v in shown["health"].items() if k != "pillar_reasons"} == verdict


DASHBOARD = """\
status    partner         score  pillars  last seen    30d/90d  tone
at-risk   Maria Gonzalez      0  ▁▁▁▁▁    never            0/0
          ↳ never in touch yet — say hello to Maria this week
at-risk   Budi Santoso        7  ▂▁▂▁▁    60 days ago      0/1
          ↳ last contact 60 days ago — ask Budi for 15 minutes this week
drifting  José Álvarez       27  ▄▄▄▁▁    16 days ago      2/5
          ↳ last contact 16 days ago — book a 1:1 with José this week
thriving  Sari Wulandari     94  ████▆    yesterday       7/15   →
          ↳ learn from Sari: ask how they approach public speaking
pillars: communication · bond · understanding · goals · complement  (each 0–20;
the score is their sum)
"""


def as_on_a_terminal(monkeypatch):
    """Draw the dashboard's terminal layout (captured output is otherwise piped)."""
    from partnerlog.present import screen

    monkeypatch.setattr(screen, "on_terminal", lambda: True)


@pytest.mark.english
def test_the_dashboard_piped_is_a_partnership_a_line_under_a_header(run, monkeypatch):
    from partnerlog.core import vocabulary

    monkeypatch.setattr(vocabulary, "DASHBOARD_ROWS", 2)
    for name in ("Sari [bold]W[/]", "Budi\tSantoso", "Dewi"):
        run("partner", "add", name)
    run("log", "sari", "lunch", "-t", "2")
    result = run("summary")
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == [
        "status", "partner", "handle", "score", "communication", "bond", "understanding",
        "goals", "complement", "last seen", "30d/90d", "tone trend", "next step",
    ]  # fmt: skip
    assert len(lines) == 3 and all(line.count("\t") == 12 for line in lines)
    assert "\x1b" not in result.stdout and "↳" not in result.stdout
    assert "1 more partnership" in result.stderr
    everyone = run("summary", "--all").stdout.splitlines()
    rows = {line.split("\t")[2]: line.split("\t") for line in everyone[1:]}
    assert rows["sari"][1] == "Sari [bold]W[/]" and rows["sari"][9] == "today"
    assert rows["budi"][1] == "Budi Santoso"  # a tab in a name cannot split the record


@pytest.mark.english
def test_dashboard_renders_at_80_columns_without_colour(journal, monkeypatch):
    as_on_a_terminal(monkeypatch)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    result = journal("summary")
    assert "\x1b" not in result.stdout
    assert "\n".join(line.rstrip() for line in result.stdout.splitlines()) + "\n" == DASHBOARD


@pytest.mark.english
def test_summary_shows_the_neediest_first_and_says_how_many_more(run, monkeypatch):
    from partnerlog.core import vocabulary

    monkeypatch.setattr(vocabulary, "DASHBOARD_ROWS", 2)
    as_on_a_terminal(monkeypatch)
    for n in range(5):
        run("partner", "add", f"Person {n}")
    result = run("summary")
    assert result.stdout.count("↳") == 2
    assert "… and 3 more partnerships" in result.stderr
    assert run("summary", "--all").stdout.count("↳") == 5


def test_user_text_in_the_dashboard_is_shown_verbatim(run, monkeypatch):
    run("partner", "add", "[bold]Eve[/] \x1b[31m", "--handle", "eve")
    out = run("summary").stdout
    assert "[bold]Eve[/] \\x1b[31m" in out and "\x1b" not in out


@pytest.mark.english
@pytest.mark.parametrize("columns", [50, 80, 133])
@pytest.mark.parametrize("name", ["木村 健二", "María José Fernández-Castillo", "Sari"])
def test_the_next_step_wraps_whole_within_the_width(run, monkeypatch, columns, name):
    from rich.cells import cell_len

    as_on_a_terminal(monkeypatch)
    monkeypatch.setenv("COLUMNS", str(columns))
    run("partner", "add", name, "--handle", "x")
    run("log", "x", "hello")
    step = json.loads(run("summary", "--json").stdout)[0]["next_step"]
    lines = run("summary").stdout.splitlines()
    start = next(n for n, line in enumerate(lines) if "↳ " in line)
    end = next(n for n, line in enumerate(lines) if line.startswith("pillars: "))
    assert all(cell_len(line) <= columns and line == line.rstrip() for line in lines[start:])
    wrapped = [lines[start].split("↳ ", 1)[1]] + [line.strip() for line in lines[start + 1 : end]]
    assert " ".join(wrapped) == step


def test_scoring_leaves_the_garbage_collector_as_it_found_it(journal, journal_path, monkeypatch):
    import gc
    from datetime import datetime

    from partnerlog.app import dashboard as commands
    from partnerlog.store import Journal

    now = datetime.fromisoformat("2026-11-28T18:00:00+07:00")
    opened = Journal.open(journal_path)
    assert commands.verdicts(opened, now) and gc.isenabled()

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Journal, "health_facts", broken)
    with pytest.raises(RuntimeError):
        commands.verdicts(opened, now)
    assert gc.isenabled()
    opened.close()


@pytest.mark.english
@pytest.mark.parametrize("columns", [60, 80, 120, 200])
def test_layouts_keep_what_must_not_be_cut(team, monkeypatch, columns):
    """Handles are never cut, names get room before anything else, nothing runs over."""
    team("partner", "add", "Ayuningtyas Kusumawardhani", "--handle", "ayuningtyas")
    team("partner", "add", "François Lefèvre-Dubois", "--handle", "francois-ld")
    team("log", "ayuningtyas,francois-ld,sari", "a long note " * 10)
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # as a terminal of that width shows it
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("LINES", "1000")
    plain = re.compile(r"\x1b\[[0-9;]*m")
    for argv in (["partner", "list"], ["summary"], ["timeline"], ["partner", "show", "sari"]):
        shown = plain.sub("", team(*argv).stdout)
        assert all(len(line) <= columns for line in shown.splitlines()), (argv, columns)
    listed = plain.sub("", team("partner", "list").stdout)
    assert "ayuningtyas" in listed and "francois-ld" in listed
    dashboard = plain.sub("", team("summary").stdout)
    if columns >= 80:
        assert "Ayuningtyas Kusumawardh…" in dashboard  # 24 columns of it
        assert "François Lefèvre-Dubois" in dashboard
    profile = plain.sub("", team("partner", "show", "sari").stdout)
    assert "Sari Wulandari" not in profile.split("Recent interactions")[1]


def test_the_dashboard_puts_into_words_only_the_partnerships_it_shows(run, monkeypatch):
    """Every partnership is scored (the order needs it); only the shown ones get
    their reasons and next step written, so hidden ones cost no words."""
    from partnerlog.core import health, vocabulary

    written = []
    original = health.next_step
    monkeypatch.setattr(
        health, "next_step", lambda *args: written.append(args[2].handle) or original(*args)
    )
    monkeypatch.setattr(vocabulary, "DASHBOARD_ROWS", 2)
    for n in range(5):
        run("partner", "add", f"Person {n}")
    result = run("summary")
    assert result.exit_code == 0 and len(written) == 2
    assert result.stdout.count("\n") == 3 and " 3 " in result.stderr  # (3 more: any language)
    written.clear()
    shown = json.loads(run("summary", "--json").stdout)
    assert len(written) == 5 and all(v["next_step"] for v in shown)


def _varied_journal(path, seed: int) -> None:
    """A journal where partnerships stand every way the status rules tell apart:
    new and old, never met, far and just overdue, paused, with promises broken,
    tones falling, gaps growing, entries in the future, at the same second, in
    other offsets (a summer and a winter time, another continent) and private."""
    import random
    from datetime import datetime, timedelta, timezone

    from partnerlog.core import dates
    from partnerlog.core.records import FollowUp, Goal, Interaction, Partner
    from partnerlog.core.vocabulary import BENEFITS, RELATIONS, default_pillars
    from partnerlog.store import Journal

    rng = random.Random(seed)
    now = datetime.fromisoformat("2026-11-28T18:00:00+07:00")
    offsets = [timezone(timedelta(hours=h)) for h in (7, 7, 7, 1, 2, -5, 13)]
    journal = Journal.open(path, create=True)
    with journal.transaction():
        people = [
            journal.add_partner(
                Partner(
                    handle=f"p{n:03d}",
                    name=f"Person {n:03d}",
                    kind="partner",
                    relation=rng.choice(RELATIONS),
                    cadence_days=rng.choice([None, 3, 7, 14, 30]),
                    created_at=dates.iso(now - timedelta(days=rng.choice([5, 20, 45, 200, 400]))),
                )
            )  # fmt: skip
            for n in range(120)
        ]
        for partner in people:
            profile = rng.choice(["never", "regular", "growing", "falling", "quiet", "mixed"])
            if profile == "never":
                continue
            cadence = partner.effective_cadence
            if profile == "growing":  # each gap longer than the cadence and the one before
                gaps = [cadence * f for f in (1.7, 1.3, 1.15)] + [cadence * 0.5] * 5
            elif profile == "quiet":
                gaps = [cadence * rng.uniform(2, 4)] * 8
            else:
                gaps = [cadence * rng.uniform(0.2, 1.1) for _ in range(rng.randint(2, 25))]
            ago = rng.uniform(-2, 0.5 * cadence)  # some are in the future
            for number, gap in enumerate([0, *gaps]):
                # Now and then a few hours apart (in offsets that order them otherwise).
                ago += gap if rng.random() < 0.85 else rng.uniform(0.01, 0.2)
                moment = (now - timedelta(days=ago)).replace(microsecond=0)
                for _twice in range(rng.choice([1, 1, 1, 2])):  # the same second, twice
                    if profile == "falling":
                        tone = rng.choice([-1, 0]) if number < 3 else rng.choice([1, 2])
                    else:
                        tone = rng.choice([None, -2, -1, 0, 1, 2, 2])
                    kind = rng.choice(["lunch", "chat", "1on1", "coffee"])
                    setting = rng.choice([None, "office", "outside"])
                    journal.add_interaction(
                        Interaction(
                            occurred_at=dates.iso(moment.astimezone(rng.choice(offsets))),
                            kind=kind, setting=setting, tone=tone, note="n",
                            private=rng.random() < 0.1,
                            pillars=list(default_pillars(kind, setting)),
                            benefits=rng.sample(BENEFITS, k=rng.randint(0, 2)),
                        ),
                        [partner.id],
                    )  # fmt: skip
        for partner in rng.sample(people, 12):
            due = (now + timedelta(days=rng.randint(-20, 10))).date().isoformat()
            journal.add_follow_up(
                FollowUp(partner=partner.handle, partner_id=partner.id, type="promise",
                         owner="me", text="t", due_on=due)
            )  # fmt: skip
        for partner in rng.sample(people, 20):
            journal.add_goal(
                Goal(partner=partner.handle, partner_id=partner.id, title="g",
                     due_on=(now + timedelta(days=rng.randint(-10, 60))).date().isoformat())
            )  # fmt: skip
        for partner in rng.sample(people, 6):
            until = (now + timedelta(days=rng.randint(-5, 10))).date().isoformat()
            journal.set_pause(partner.id, until, "away")
    journal.close()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_dashboard_shows_what_every_row_scored_would(run, journal_path, monkeypatch, seed):
    """`summary` scores in full only the partnerships it may show; what it shows is
    exactly the first rows of `summary --all`, which scores everyone: at any
    number of rows, window and moment, in zones with and without summer time."""
    import time

    from partnerlog.core import vocabulary

    _varied_journal(journal_path, seed)
    for zone, now in (
        ("Asia/Jakarta", "2026-11-28T18:00:00+07:00"),
        ("Europe/Berlin", "2026-11-29T09:30:00+01:00"),
        ("America/New_York", "2026-12-05T23:59:59-05:00"),
    ):
        monkeypatch.setenv("TZ", zone)
        monkeypatch.setenv("PARTNERLOG_NOW", now)
        time.tzset()
        for window in ("90", "30"):
            everyone = run("summary", "--all", "--window", window).stdout.splitlines()
            statuses = {line.split("\t")[0] for line in everyone[1:]}
            assert len(statuses) >= 4  # the journal is as varied as it means to be
            # Where each status ends, one row short of it and one over, and more.
            status = [line.split("\t")[0] for line in everyone[1:]]
            ends = {n for n in range(1, len(status)) if status[n] != status[n - 1]}
            for rows in sorted({1, 7, 25, 200} | {n + d for n in ends for d in (-1, 0, 1)}):
                monkeypatch.setattr(vocabulary, "DASHBOARD_ROWS", rows)
                result = run("summary", "--window", window)
                assert result.exit_code == 0
                assert result.stdout.splitlines() == everyone[: rows + 1]
                hidden = len(everyone) - 1 - min(rows, len(everyone) - 1)
                assert (f" {hidden} " in result.stderr) == bool(hidden)
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("seed", [4, 5])
def test_due_reads_only_who_may_be_due_and_finds_everyone_who_is(run, journal_path, seed):
    """`due` builds only the partners who may be due (a margin for the offsets a
    stored time carries); who it finds is who checking every partner finds, at
    any moment and in any zone, with and without --within."""
    import time
    from datetime import datetime

    from partnerlog.app.dashboard import due_within
    from partnerlog.core import zones
    from partnerlog.store import Journal

    _varied_journal(journal_path, seed)
    opened = Journal.open(journal_path)
    try:
        for zone in ("Asia/Jakarta", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"):
            os.environ["TZ"] = zone
            time.tzset()
            zones._zone.clear()
            for moment in ("2026-11-28T18:00:00", "2026-11-30T00:30:00", "2026-12-01T23:59:00"):
                now = datetime.fromisoformat(moment).replace(tzinfo=zones.zone())
                for within in (0, 1, 3, 7, 30):
                    every = due_within(
                        opened, now, within,
                        partners=opened.partners(), last_contacts=opened.last_contacts(),
                    )  # fmt: skip
                    found = due_within(opened, now, within)
                    assert [d.to_json() for d in found] == [d.to_json() for d in every]
                    assert within or found  # (the journal has people due)
    finally:
        opened.close()
        os.environ["TZ"] = os.environ.get("PARTNERLOG_TEST_TZ", "Asia/Jakarta")
        time.tzset()
        zones._zone.clear()
