import json

import pytest

INTERACTION_KEYS = {
    "id", "uuid", "occurred_at", "partners", "kind", "setting", "tone", "pillars", "benefits",
    "tags", "note", "private",
}  # fmt: skip


def stored(rows, interaction_id=1):
    [entry] = rows("SELECT * FROM interactions WHERE id = ?", [interaction_id])
    entry["partners"] = [
        r["handle"]
        for r in rows(
            "SELECT p.handle FROM interaction_partners ip JOIN partners p ON p.id = ip.partner_id"
            " WHERE ip.interaction_id = ? ORDER BY p.handle",
            [interaction_id],
        )
    ]
    for table, column in (("tags", "tag"), ("pillars", "pillar"), ("benefits", "benefit")):
        entry[table] = sorted(
            r[column]
            for r in rows(
                f"SELECT {column} FROM interaction_{table} WHERE interaction_id = ?",
                [interaction_id],
            )
        )
    return entry


def test_log_saves_one_interaction_and_says_so(team, rows):
    result = team("log", "sari", "lunch at the warung")
    assert result.exit_code == 0
    assert result.stderr == "Logged chat #1 with Sari Wulandari, today 18:00.\n"
    entry = stored(rows)
    assert entry["note"] == "lunch at the warung"
    assert entry["occurred_at"] == "2026-11-28T18:00:00+07:00"
    assert entry["kind"] == "chat" and entry["partners"] == ["sari"]
    assert entry["pillars"] == ["communication"]
    assert entry["private"] == 0 and entry["tone"] is None


def test_log_with_everything(team, rows):
    result = team(
        "log", "sari,budi", "Planning with @jose #Roadmap", "-k", "Lunch", "-w", "kemarin",
        "-t", "2", "-s", "outside", "-p", "goals", "-p", "bond", "-b", "growth,network",
        "--tag", "q1", "--private",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "yesterday 12:00" in result.stderr and "tone +2" in result.stderr
    entry = stored(rows)
    assert entry["partners"] == ["budi", "jose", "sari"]
    assert entry["kind"] == "lunch" and entry["setting"] == "outside" and entry["tone"] == 2
    assert entry["occurred_at"] == "2026-11-27T12:00:00+07:00"
    assert entry["pillars"] == ["bond", "goals"]
    assert entry["benefits"] == ["growth", "network"]
    assert entry["tags"] == ["q1", "roadmap"]
    assert entry["private"] == 1


def test_log_default_pillars_follow_kind_and_setting(team, rows):
    team("log", "sari", "-k", "planning", "-s", "outside", "walk and plan")
    assert stored(rows)["pillars"] == ["bond", "goals"]


def test_log_json_has_the_documented_shape(team):
    result = team("log", "sari", "coffee", "-k", "coffee", "--json")
    shown = json.loads(result.stdout)
    assert set(shown) == INTERACTION_KEYS
    assert shown["partners"] == ["sari"] and shown["pillars"] == ["bond", "understanding"]


def test_note_words_are_joined_and_stdin_is_read_when_no_note(team, rows):
    team("log", "sari", "had", "lunch")
    assert stored(rows, 1)["note"] == "had lunch"
    long_note = "line one\nline two with [bold] and \x1b[31m\n"
    assert team("log", "sari", input=long_note).exit_code == 0
    assert stored(rows, 2)["note"] == long_note.strip()


def test_unknown_mention_is_kept_as_text_with_a_note(team, rows):
    result = team("log", "sari", "drinks @home with @budi")
    assert result.exit_code == 0
    assert "@home is not a partner; kept as text" in result.stderr
    assert stored(rows)["partners"] == ["budi", "sari"]
    assert stored(rows)["note"] == "drinks @home with @budi"


@pytest.mark.parametrize(
    "args, code, message",
    [
        (("log", "sarah", "hi"), 1, "no partner called 'sarah' (did you mean sari"),
        (("log", "s", "hi"), 1, "could be"),
        (("log", "sari,nobody", "hi"), 1, "no partner called 'nobody'"),
        (("log", ",", "hi"), 2, "say who it was with"),
        (("log", "sari", "-t", "3", "hi"), 2, "--tone 3 is out of range"),
        (("log", "sari", "-t", "-5", "hi"), 2, "--tone -5 is out of range"),
        (("log", "sari", "-w", "blorp", "hi"), 2, "cannot understand the date 'blorp'"),
        (("log", "sari", "-w", "tomorrow", "hi"), 2, "in the future"),
        (("log", "sari", "-s", "home", "hi"), 2, "--where 'home' is not one of"),
        (("log", "sari", "-p", "love", "hi"), 2, "--pillar 'love' is not one of"),
        (("log", "sari", "-b", "money", "hi"), 2, "--benefit 'money' is not one of"),
        (("log", "sari", "-k", "two words", "hi"), 2, "--kind 'two words' should be one word"),
        (("log", "sari", "-t", "great", "hi"), 2, "Invalid value for '--tone'"),
        (("log",), 2, "Missing argument 'WHO'"),
        (("log", "sari", "--bogus"), 2, "No such option: --bogus"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(team, unchanged, args, code, message):
    with unchanged():
        result = team(*args)
    assert result.exit_code == code
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_log_without_a_journal_says_how_to_start_and_creates_nothing(run, journal_path):
    result = run("log", "sari", "hi")
    assert result.exit_code == 1
    assert "no journal" in result.stderr and "partner add" in result.stderr
    assert not journal_path.exists()


def test_log_to_an_archived_partner_by_handle_still_works(team, rows):
    team("partner", "archive", "budi")
    assert team("log", "budi", "farewell coffee").exit_code == 0
    assert stored(rows)["partners"] == ["budi"]


def test_confirmation_shows_user_text_verbatim_but_harmless(team):
    team("partner", "add", "[red]Rudi[/]\x1b]0;pwned\x07", "--handle", "rudi")
    result = team("log", "rudi", "hi")
    assert "[red]Rudi[/]\\x1b]0;pwned\\x07" in result.stderr
    assert "\x1b" not in result.stderr
