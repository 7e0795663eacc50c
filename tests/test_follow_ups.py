"""Follow-ups (raise, owe, open, close, log --close), due --within, pauses, the dates
that matter, and agenda: through the console script, on stored rows and exit codes."""

import json

import pytest

# NOW is Saturday 28 November 2026, 18:00 in Jakarta.


def items(rows):
    return rows("SELECT id, partner_id, type, owner, text, due_on, status FROM follow_ups")


# -- raise and owe ---------------------------------------------------------------------


@pytest.mark.english
def test_raise_stores_a_topic_for_each_partner_named(team, rows):
    result = team("raise", "sari", "the offsite budget #planning, ask @budi too")
    assert result.exit_code == 0
    assert "topic to raise #1 with Sari Wulandari" in result.stderr
    assert "#2 with Budi Santoso" in result.stderr
    assert items(rows) == [
        {"id": 1, "partner_id": 1, "type": "raise", "owner": "me",
         "text": "the offsite budget #planning, ask @budi too", "due_on": None, "status": "open"},
        {"id": 2, "partner_id": 2, "type": "raise", "owner": "me",
         "text": "the offsite budget #planning, ask @budi too", "due_on": None, "status": "open"},
    ]  # fmt: skip
    shown = json.loads(team("open", "sari", "--json").stdout)
    assert [i["tags"] for i in shown] == [["planning"]]


@pytest.mark.english
def test_an_unknown_mention_is_kept_as_text(team, rows):
    result = team("raise", "sari", "lunch with @nobody")
    assert result.exit_code == 0 and "@nobody is not a partner" in result.stderr
    assert len(items(rows)) == 1


def test_owe_is_mine_by_default_theirs_on_request_and_reads_the_date(team, rows):
    assert team("owe", "sari", "send", "the", "deck", "--due", "friday").exit_code == 0
    assert team("owe", "budi", "review my abstract", "--theirs").exit_code == 0
    assert [(i["owner"], i["text"], i["due_on"]) for i in items(rows)] == [
        ("me", "send the deck", "2026-12-04"),
        ("partner", "review my abstract", None),
    ]
    assert json.loads(team("owe", "jose", "x", "--json").stdout)[0]["type"] == "promise"


@pytest.mark.parametrize(
    "args, code, said",
    [
        (("owe", "sari", "send it", "--due", "whenever-ish"), 2, ""),
        (("raise", "sari", "   "), 2, "say what it is"),
        (("raise", "nobody", "x"), 1, "nobody"),
        (("raise", ",", "x"), 2, "say with whom"),
        (("owe", "sari", "x" * 65537), 2, "at most"),
    ],
)
@pytest.mark.english
def test_bad_follow_ups_change_nothing(team, unchanged, args, code, said):
    with unchanged():
        result = team(*args)
    assert result.exit_code == code
    assert said in result.stderr and result.stderr.count("\n") == 1


# -- open and close ---------------------------------------------------------------------


@pytest.mark.english
def test_open_lists_overdue_first_then_by_day(team, rows, journal_path):
    import sqlite3

    team("raise", "sari", "the budget")
    team("owe", "budi", "the report", "--due", "2026-12-10")
    team("owe", "jose", "the review", "--due", "2026-12-01")
    conn = sqlite3.connect(journal_path)  # a promise that has since become overdue
    conn.execute("UPDATE follow_ups SET due_on = '2026-11-20' WHERE id = 2")
    conn.commit()
    conn.close()
    shown = json.loads(team("open", "--json").stdout)
    assert [i["id"] for i in shown] == [2, 3, 1]
    piped = team("open").stdout.splitlines()
    assert piped[0].split("\t") == ["id", "with", "what", "text", "due"]
    assert piped[1].split("\t") == ["2", "Budi Santoso", "promise", "the report", "8 days overdue"]
    assert [i["id"] for i in json.loads(team("open", "jose", "--json").stdout)] == [3]


def test_nothing_open_says_how_to_start(team):
    result = team("open")
    assert result.exit_code == 0 and result.stdout == "" and "partnerlog raise" in result.stderr


@pytest.mark.english
def test_close_closes_all_or_none(team, rows, unchanged):
    team("raise", "sari", "one")
    team("raise", "sari", "two")
    with unchanged():
        assert team("close", "1", "9").exit_code == 1  # 9 does not exist: 1 stays open
        assert team("close", "abc").exit_code == 2
    result = team("close", "1,2")
    assert result.exit_code == 0 and result.stderr.count("Closed") == 2
    assert {i["status"] for i in items(rows)} == {"done"}
    with unchanged():
        again = team("close", "2")
    assert again.exit_code == 1 and "closed already" in again.stderr
    listed = json.loads(team("open", "--all", "--json").stdout)
    assert [i["status"] for i in listed] == ["done", "done"]


@pytest.mark.english
def test_postpone_agrees_a_new_day(team, rows, unchanged, journal_path):
    overdue_promise(team, journal_path)
    result = team("postpone", "1", "next friday")
    assert (
        result.exit_code == 0
        and "Promise #1 with Sari Wulandari is now due Friday" in result.stderr
    )
    assert items(rows)[0]["due_on"] == "2026-12-04"
    assert team("due", "--exit-code").exit_code == 0  # no longer overdue
    with unchanged():
        assert team("postpone", "1", "2026-12-04").exit_code == 1  # the same day
        assert team("postpone", "1", "last week").exit_code == 2
        assert team("postpone", "9", "friday").exit_code == 1
    assert team("postpone", "1", "none").exit_code == 0
    assert items(rows)[0]["due_on"] is None
    team("close", "1")
    with unchanged():
        assert team("postpone", "1", "friday").exit_code == 1  # closed


# -- log says what is open, and closes what was settled -----------------------------------


@pytest.mark.english
def test_log_lists_what_is_open_with_them(team):
    team("raise", "sari", "the budget")
    team("owe", "sari", "the deck", "--due", "friday")
    team("owe", "sari", "an intro", "--theirs")
    result = team("log", "sari", "lunch")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[1] == (
        "Open with Sari Wulandari: 1 to raise, 1 you owe (due Friday), 1 they owe "
        "(partnerlog open sari)"
    )
    assert "Open with" not in team("log", "budi", "coffee").stderr
    assert "Open with" not in team("log", "sari", "x", "--json").stderr


@pytest.mark.english
def test_log_close_settles_items_in_the_entry(team, rows):
    team("raise", "sari", "the budget")
    team("owe", "sari", "the deck")
    result = team("log", "sari", "went through it all", "--close", "1,2")
    assert result.exit_code == 0 and result.stderr.count("Closed") == 2
    [entry] = rows("SELECT uuid FROM interactions")
    assert [(i["status"], i["closed_in"]) for i in rows("SELECT * FROM follow_ups")] == [
        ("done", entry["uuid"]),
        ("done", entry["uuid"]),
    ]
    assert "Open with" not in result.stderr
    # undo takes back the entry and reopens what it closed
    assert team("undo", "--yes").exit_code == 0
    assert rows("SELECT count(*) AS n FROM interactions") == [{"n": 0}]
    assert {i["status"] for i in items(rows)} == {"open"}


@pytest.mark.parametrize(
    "close, code, said",
    [
        ("2", 1, "who is not in this entry"),  # budi's item, logged with sari
        ("9", 1, "no follow-up with id 9"),
        ("x", 2, "is not an id"),
    ],
)
@pytest.mark.english
def test_log_close_refusing_logs_nothing_and_says_the_note_back(team, unchanged, close, code, said):
    team("raise", "sari", "the budget")
    team("raise", "budi", "the review")
    team("close", "1")
    with unchanged():
        result = team("log", "sari", "our long talk", "--close", close)
    assert result.exit_code == code and said in result.stderr
    if code == 1:
        assert "the note was: our long talk" in result.stderr
    with unchanged():
        assert team("log", "sari", "again", "--close", "1").exit_code == 1  # closed already


# -- due: promises and what is coming -------------------------------------------------------


def overdue_promise(run, journal_path, who="sari", text="the deck", day="2026-11-23"):
    import sqlite3

    run("owe", who, text, "--due", "friday")
    conn = sqlite3.connect(journal_path)
    conn.execute("UPDATE follow_ups SET due_on = ? WHERE text = ?", [day, text])
    conn.commit()
    conn.close()


@pytest.mark.english
def test_an_overdue_promise_of_mine_makes_someone_due(team, journal_path, monkeypatch):
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # the lines a person reads
    monkeypatch.setenv("NO_COLOR", "1")
    for who in ("sari", "budi", "jose", "maria"):
        team("log", who, "hello")
    overdue_promise(team, journal_path)
    team("owe", "budi", "their thing", "--theirs", "--due", "friday")
    result = team("due", "--exit-code")
    assert result.exit_code == 6
    lines = result.stdout.splitlines()
    assert lines[0].startswith("sari  promise overdue")
    assert "you promised: the deck (5 days overdue; partnerlog close 1)" in lines[1]
    [due] = json.loads(team("due", "--json").stdout)
    assert due["promises_overdue"] == [{"id": 1, "text": "the deck", "due_on": "2026-11-23"}]
    team("close", "1")
    assert team("due", "--exit-code").exit_code == 0


@pytest.mark.english
def test_due_within_adds_who_comes_due_marked_upcoming(team, monkeypatch):
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # the lines a person reads
    monkeypatch.setenv("NO_COLOR", "1")
    for who in ("sari", "budi", "jose", "maria"):
        team("log", who, "hello", "--when", "3 days ago")
    assert team("due", "--exit-code").stdout == ""
    result = team("due", "--within", "7d", "--exit-code")
    assert result.exit_code == 0  # coming due is not due
    assert result.stdout.splitlines() == [
        "jose  due in 4 days (upcoming)  last contact 3 days ago, every 7 days  José Álvarez"
    ]
    [upcoming] = json.loads(team("due", "--within", "2w", "--json").stdout)[:1]
    assert upcoming["upcoming"] is True and upcoming["due_in_days"] == 4
    assert len(json.loads(team("due", "--within", "2w", "--json").stdout)) == 3


def test_due_within_refuses_what_is_not_a_span(team):
    result = team("due", "--within", "soon")
    assert result.exit_code == 2 and "--within 'soon'" in result.stderr


# -- pauses -----------------------------------------------------------------------------


def verdict(run, who):
    return json.loads(run("partner", "show", who, "--json").stdout)["health"]


@pytest.mark.english
def test_a_paused_partner_is_not_due_and_not_penalised_until_back(team, rows):
    team("log", "budi", "review", "--when", "40 days ago")
    assert "budi" in team("due").stdout
    result = team("partner", "pause", "budi", "--until", "2026-12-14", "parental", "leave")
    assert result.exit_code == 0 and "until Monday, 14 Dec (parental leave)" in result.stderr
    assert rows("SELECT paused_until, pause_reason FROM partners WHERE handle = 'budi'") == [
        {"paused_until": "2026-12-14", "pause_reason": "parental leave"}
    ]
    assert "budi" not in team("due").stdout
    health = verdict(team, "budi")
    assert health["due"] is False and health["paused_until"] == "2026-12-14"
    assert not any("overdue" in reason for reason in health["reasons"])
    assert health["next_step"] == "Budi is away until Mon 14 Dec — welcome them back then"
    shown = team("partner", "show", "budi").stdout
    assert "paused" in shown and "parental leave" in shown


def test_a_pause_made_longer_keeps_its_reason_and_a_new_one_replaces_it(team, rows):
    def reason():
        return rows("SELECT pause_reason FROM partners WHERE handle = 'budi'")[0]["pause_reason"]

    team("partner", "pause", "budi", "--until", "2026-12-14", "parental", "leave")
    assert team("partner", "pause", "budi", "--until", "2026-12-28").exit_code == 0
    assert reason() == "parental leave"
    team("partner", "pause", "budi", "--until", "2027-01-04", "a project abroad")
    assert reason() == "a project abroad"
    team("partner", "resume", "budi")
    team("partner", "pause", "budi", "--until", "2027-02-01")  # a new pause: no old reason
    assert reason() is None


def test_back_from_a_pause_the_cadence_starts_afresh(team, journal_path):
    import sqlite3

    team("log", "budi", "review", "--when", "60 days ago")
    team("partner", "pause", "budi", "--until", "2026-12-14")
    conn = sqlite3.connect(journal_path)  # the pause ended five days ago
    conn.execute("UPDATE partners SET paused_until = '2026-11-22' WHERE handle = 'budi'")
    conn.commit()
    conn.close()
    assert "budi" not in team("due").stdout  # back 5 days, cadence 14
    assert verdict(team, "budi")["paused_until"] is None
    upcoming = json.loads(team("due", "--within", "10d", "--json").stdout)
    assert [(d["handle"], d["due_in_days"]) for d in upcoming if d["handle"] == "budi"] == [
        ("budi", 9)
    ]


@pytest.mark.english
def test_resume_ends_a_pause_and_bad_pauses_change_nothing(team, unchanged):
    with unchanged():
        assert team("partner", "resume", "budi").exit_code == 1
        past = team("partner", "pause", "budi", "--until", "yesterday")
        assert past.exit_code == 2 and "in the past" in past.stderr
        assert team("partner", "pause", "nobody", "--until", "friday").exit_code == 1
    team("partner", "pause", "budi", "--until", "friday")
    result = team("partner", "resume", "budi")
    assert result.exit_code == 0 and "is back" in result.stderr
    assert verdict(team, "budi")["paused_until"] is None


# -- dates that matter ------------------------------------------------------------------------


@pytest.mark.english
def test_dates_with_and_without_a_year(team, rows):
    assert team("partner", "date", "add", "sari", "birthday", "14 march").exit_code == 0
    assert team("partner", "date", "add", "budi", "birthday", "1980-03-14").exit_code == 0
    added = team("partner", "date", "add", "jose", "work anniversary", "2019-12-01", "--yearly")
    assert "next Tuesday, in 3 days, 7 years" in added.stderr
    back = team("partner", "date", "add", "maria", "back from leave", "in 2 weeks")
    assert back.exit_code == 0
    assert rows("SELECT label, month, day, year, yearly FROM partner_dates") == [
        {"label": "birthday", "month": 3, "day": 14, "year": None, "yearly": 1},
        {"label": "birthday", "month": 3, "day": 14, "year": 1980, "yearly": 1},
        {"label": "work anniversary", "month": 12, "day": 1, "year": 2019, "yearly": 1},
        {"label": "back from leave", "month": 12, "day": 12, "year": 2026, "yearly": 0},
    ]
    listed = json.loads(team("partner", "date", "list", "--json").stdout)
    assert [(d["label"], d["next_on"]) for d in listed] == [
        ("work anniversary", "2026-12-01"),
        ("back from leave", "2026-12-12"),
        ("birthday", "2027-03-14"),
        ("birthday", "2027-03-14"),
    ]
    assert "turns 47" in team("partner", "date", "list").stdout


def test_29_february_falls_on_the_28th_in_a_common_year(team):
    assert team("partner", "date", "add", "sari", "birthday", "29 feb").exit_code == 0
    [found] = json.loads(team("partner", "date", "list", "--json").stdout)
    assert (found["month"], found["day"], found["next_on"]) == (2, 29, "2027-02-28")


@pytest.mark.parametrize(
    "when, said",
    [
        ("2027-02-29", "not a valid date"),
        ("29/2/2027", "there is no 29/2/2027"),
        ("31 april", "there is no 31/4"),
        ("--13-01", "no month 13"),  # after "--": an argument that starts with dashes
        ("2020-01-01", "past and happens once"),
        ("someday maybe", ""),
    ],
)
@pytest.mark.english
def test_bad_dates_change_nothing(team, unchanged, when, said):
    with unchanged():
        result = team("partner", "date", "add", "sari", "farewell", "--", when)
    assert result.exit_code == 2 and said in result.stderr


def test_removing_a_date(team, rows, unchanged):
    team("partner", "date", "add", "sari", "birthday", "14 march")
    with unchanged():
        assert team("partner", "date", "remove", "5").exit_code == 1
    assert team("partner", "date", "remove", "1").exit_code == 0
    assert rows("SELECT * FROM partner_dates") == []


def test_a_coming_birthday_is_a_bond_step(team):
    team("log", "sari", "coffee", "-k", "coffee")
    team("partner", "date", "add", "sari", "birthday", "2 december")
    assert verdict(team, "sari")["next_step"] == (
        "Sari's birthday is on Wed 2 Dec — wish them well, over a coffee or a card"
    )


def test_an_overdue_promise_costs_communication_and_is_named(team, journal_path):
    team("log", "sari", "1:1 feedback", "-k", "1on1")
    team("log", "sari", "feedback", "-k", "feedback")
    before = verdict(team, "sari")["pillars"]["communication"]
    overdue_promise(team, journal_path)
    after = verdict(team, "sari")
    assert after["pillars"]["communication"] == before - 5
    assert "you promised 'the deck': 5 days overdue" in after["reasons"]
    assert after["next_step"] == (
        "keep your word: 'the deck' is 5 days overdue — deliver it (partnerlog close 1) "
        "or agree a new date with Sari (partnerlog postpone 1 DATE)"
    )


# -- where they show ----------------------------------------------------------------------------


@pytest.mark.english
def test_partner_show_and_the_prep_sheet_open_with_what_to_bring(team):
    team("raise", "sari", "the offsite *budget*")
    team("owe", "sari", "the deck", "--due", "friday")
    shown = team("partner", "show", "sari").stdout
    assert shown.index("To raise") < shown.index("Open promises") < shown.index("Health")
    sheet = team("report", "sari", "--no-pager").stdout
    assert sheet.index("## To raise") < sheet.index("## Open promises") < sheet.index("## Overview")
    assert "- [ ] the offsite \\*budget\\* (#1)" in sheet
    assert "- [ ] the deck (mine, #2, due Friday)" in sheet
    assert "### To raise" in team("report", "--no-pager").stdout


def test_search_finds_follow_ups(team):
    team("owe", "sari", "the churn analysis")
    found = json.loads(team("search", "churn", "--json").stdout)
    assert [i["text"] for i in found["follow_ups"]] == ["the churn analysis"]


def test_hostile_text_prints_as_typed(team):
    team("raise", "sari", "\x1b[2J[bold]x[/]")
    out = team("open").stdout
    assert "\x1b" not in out and "\\x1b[2J[bold]x[/]" in out


# -- agenda -------------------------------------------------------------------------------------------


@pytest.mark.english
def test_agenda_brings_the_week_together(team, journal_path):
    team("log", "jose", "1:1", "--when", "3 days ago")
    team("log", "sari", "coffee", "--when", "yesterday")
    team("raise", "sari", "the budget")
    team("raise", "maria", "a talk")  # maria is not likely this week
    team("owe", "sari", "the deck", "--due", "monday")
    team("partner", "date", "add", "budi", "birthday", "3 december")
    team("partner", "pause", "maria", "--until", "2026-12-31")
    result = team("agenda")
    assert result.exit_code == 0 and "\x1b" not in result.stdout
    lines = result.stdout.splitlines()
    assert lines[0] == "Agenda from Sat 28 Nov to Sat 5 Dec 2026"
    for heading in ("Due or coming due", "Promises", "To raise with people you are likely to meet",
                    "Dates"):  # fmt: skip
        assert heading in lines
    assert "  Mon 30 Nov      you owe Sari Wulandari: the deck (#3)" in lines
    assert "  Sari Wulandari: the budget (#1)" in lines
    assert "  Thu 3 Dec       Budi Santoso: birthday (in 5 days)" in lines
    assert "a talk" not in result.stdout
    shown = json.loads(team("agenda", "--json").stdout)
    assert set(shown) == {
        "from", "to", "due", "promises", "to_raise", "other_topics", "dates", "returning",
    }  # fmt: skip
    assert [(d["handle"], d["upcoming"]) for d in shown["due"]] == [("jose", True)]


def test_a_promise_shows_in_the_agenda_while_they_are_away(team):
    team("owe", "maria", "the slides", "--due", "friday")
    team("owe", "budi", "a review", "--theirs", "--due", "monday")
    team("partner", "pause", "maria", "--until", "2027-01-31", "sabbatical")
    team("partner", "pause", "budi", "--until", "2027-01-31")
    shown = json.loads(team("agenda", "--json").stdout)
    assert [(i["partner"], i["text"]) for i in shown["promises"]] == [
        ("budi", "a review"),
        ("maria", "the slides"),
    ]


def test_agenda_names_who_comes_back(team):
    team("partner", "pause", "maria", "--until", "2026-12-02", "conference")
    result = team("agenda", "--json")
    assert json.loads(result.stdout)["returning"] == [
        {"handle": "maria", "name": "Maria Gonzalez", "back_on": "2026-12-03",
         "reason": "conference"}
    ]  # fmt: skip


@pytest.mark.english
def test_an_empty_agenda_and_a_bad_span(team):
    for who in ("sari", "budi", "jose", "maria"):
        team("log", who, "hello")
    quiet = team("agenda", "--days", "3")
    assert quiet.exit_code == 0 and quiet.stdout == ""
    assert "Nothing on the agenda for the next 3 days" in quiet.stderr
    assert team("agenda", "--days", "0").exit_code == 2


# -- they travel: export, import, undo, an older journal ---------------------------------------


def test_follow_ups_dates_and_pauses_round_trip_and_merge(team, run, tmp_path, journal_path):
    team("raise", "sari", "the budget")
    team("owe", "budi", "the deck", "--due", "friday")
    team("close", "1")
    team("partner", "date", "add", "sari", "birthday", "14 march")
    team("partner", "date", "add", "budi", "birthday", "15 march")
    team("partner", "pause", "budi", "--until", "2026-12-20", "leave")
    path = tmp_path / "e.json"
    team("export", "-o", str(path))
    exported = json.loads(path.read_text())
    assert [f["text"] for f in exported["follow_ups"]] == ["the budget", "the deck"]
    assert [d["label"] for d in exported["partner_dates"]] == ["birthday", "birthday"]
    other = str(tmp_path / "other.db")
    first = json.loads(run("--db", other, "import", str(path), "--json").stdout)
    assert (first["added"]["follow_ups"], first["added"]["dates"]) == (2, 2)
    again = json.loads(run("--db", other, "import", str(path), "--json").stdout)
    assert set(again["added"].values()) == set(again["updated"].values()) == {0}
    second = json.loads(run("--db", other, "export").stdout)
    for key in ("follow_ups", "partner_dates"):
        assert [{k: v for k, v in r.items() if k != "updated_at"} for r in second[key]] == [
            {k: v for k, v in r.items() if k != "updated_at"} for r in exported[key]
        ]
    budi = next(p for p in second["partners"] if p["handle"] == "budi")
    assert (budi["paused_until"], budi["pause_reason"]) == ("2026-12-20", "leave")
    # a date removed here is removed there at the next merge
    team("partner", "date", "remove", "1")
    team("export", "-o", str(path))
    merged = json.loads(run("--db", other, "import", str(path), "--json").stdout)
    assert merged["deleted"]["dates"] == 1


def test_a_version_2_export_still_imports(team, run, tmp_path):
    path = tmp_path / "e.json"
    team("export", "-o", str(path))
    document = json.loads(path.read_text())
    document["version"] = 2
    for key in ("follow_ups", "partner_dates"):
        del document[key]
    for partner in document["partners"]:
        del partner["paused_until"], partner["pause_reason"]
    path.write_text(json.dumps(document))
    result = run("--db", str(tmp_path / "o.db"), "import", str(path))
    assert result.exit_code == 0
    assert json.loads(team("import", str(path), "--json").stdout)["updated"]["partners"] == 0


@pytest.mark.parametrize(
    "change, said",
    [
        (lambda d: d["follow_ups"][0].update(type="todo"), "follow_ups[0].type"),
        (lambda d: d["follow_ups"][0].update(partner_uuid="nobody-0000"), "not a partner"),
        (lambda d: d["follow_ups"][0].update(due_on="2026-02-30"), "follow_ups[0].due_on"),
        (lambda d: d["partner_dates"][0].update(day=30, month=2), "is not a date"),
        (lambda d: d["partners"][0].update(paused_until="soon"), "partners[0].paused_until"),
    ],
)
@pytest.mark.english
def test_a_bad_follow_up_in_a_file_imports_nothing(team, tmp_path, unchanged, change, said):
    team("owe", "sari", "the deck")
    team("partner", "date", "add", "sari", "birthday", "14 march")
    path = tmp_path / "e.json"
    team("export", "-o", str(path))
    document = json.loads(path.read_text())
    change(document)
    path.write_text(json.dumps(document))
    with unchanged():
        result = team("import", str(path))
    assert result.exit_code == 1 and said in result.stderr


def test_deleting_a_partner_elsewhere_takes_their_follow_ups_and_dates(tmp_path):
    """Another program (foreign keys off) deletes a partner: what was theirs goes too."""
    import sqlite3

    from partnerlog.core.records import FollowUp, Partner, PartnerDate
    from partnerlog.store import Journal

    path = tmp_path / "j.db"
    journal = Journal.open(path, create=True)
    with journal.transaction():
        partner = journal.add_partner(Partner("sari", "Sari"))
        journal.add_follow_up(FollowUp(partner="sari", partner_id=partner.id, type="raise",
                                       text="x"))  # fmt: skip
        journal.add_date(PartnerDate(partner="sari", partner_id=partner.id, label="birthday",
                                     month=3, day=14, yearly=True))  # fmt: skip
    journal.close()
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM partners")
    conn.commit()
    counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("follow_ups", "partner_dates")]  # fmt: skip
    kinds = sorted(r[0] for r in conn.execute("SELECT kind FROM tombstones"))
    conn.close()
    assert counts == [0, 0]
    assert kinds == ["follow_ups", "partner_dates", "partners"]


def test_a_partner_with_follow_ups_is_archived_not_deleted(team):
    team("partner", "add", "Wayan")
    team("raise", "wayan", "hello")
    result = team("undo", "--yes")  # the raise
    assert result.exit_code == 0
    assert team("undo", "--yes").exit_code == 0  # then the partner can go


def test_a_window_of_n_days_includes_the_nth_day(team):
    """José (every 7 days), seen today, comes due in exactly 7 days: `due
    --within 7d` and `agenda` (7 days) both list him; `--within 6d` does not.
    A date on the 7th day is in the agenda too."""
    team("log", "jose", "1:1")
    team("partner", "date", "add", "budi", "birthday", "5 december")  # 7 days from NOW
    within = json.loads(team("due", "--within", "7d", "--json").stdout)
    assert [(d["handle"], d["due_in_days"]) for d in within if d["handle"] == "jose"] == [
        ("jose", 7)
    ]
    assert "jose" not in {
        d["handle"] for d in json.loads(team("due", "--within", "6d", "--json").stdout)
    }
    agenda = json.loads(team("agenda", "--json").stdout)
    assert "jose" in {d["handle"] for d in agenda["due"]}
    assert agenda["to"] == "2026-12-05"
    assert any(d["label"] == "birthday" for d in agenda["dates"])


@pytest.mark.english
def test_a_past_due_date_is_kept_with_a_warning_for_promises_and_goals_alike(team, rows):
    """A promise already late is still owed, and a goal already overdue is
    still a goal: both are kept, and both say that the date has passed."""
    for args in (("owe", "sari", "send it"), ("goal", "add", "sari", "ship it")):
        result = team(*args, "--due", "2026-11-27")
        assert result.exit_code == 0, result.stderr
        assert "which has passed: it is overdue already" in result.stderr
    assert rows("SELECT due_on FROM follow_ups") == [{"due_on": "2026-11-27"}]
    assert rows("SELECT due_on FROM goals") == [{"due_on": "2026-11-27"}]


@pytest.mark.english
def test_a_due_date_with_a_time_keeps_the_day_and_says_so(team, rows):
    result = team("owe", "sari", "the deck", "--due", "besok jam 14.00")
    assert result.exit_code == 0, result.stderr
    assert rows("SELECT due_on FROM follow_ups") == [{"due_on": "2026-11-29"}]
    assert "a due date is a day: 2026-11-29 is kept, without the time" in result.stderr
    quiet = team("goal", "add", "sari", "ship it", "--due", "friday")
    assert quiet.exit_code == 0 and "due date is a day" not in quiet.stderr
    timed = team("goal", "add", "sari", "demo", "--due", "friday 3pm")
    assert "a due date is a day" in timed.stderr
