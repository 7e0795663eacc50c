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


@pytest.mark.english
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


@pytest.mark.english
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


@pytest.mark.english
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
        (("log", "sari", "-t", "great", "hi"), 2, "--tone needs a whole number, not 'great'"),
        (("log",), 2, "missing WHO (see: partnerlog log --help)"),
        (("log", "sari", "--bogus"), 2, "no such option: --bogus (see: partnerlog log --help)"),
        (("log", "sari", "-30%", "off"), 2, "text that starts with '-' goes after --"),
        (("log", "sari", "hi", "--kind"), 2, "--kind needs a value (see: partnerlog log --help)"),
    ],
)
@pytest.mark.english
def test_bad_input_is_one_line_and_changes_nothing(team, unchanged, args, code, message):
    with unchanged():
        result = team(*args)
    assert result.exit_code == code
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


@pytest.mark.english
def test_log_without_a_journal_says_how_to_start_and_creates_nothing(run, journal_path):
    result = run("log", "sari", "hi")
    assert result.exit_code == 1
    assert "no journal" in result.stderr and "partner add" in result.stderr
    assert not journal_path.exists()


def test_log_to_an_archived_partner_by_handle_still_works(team, rows):
    team("partner", "archive", "budi")
    assert team("log", "budi", "farewell coffee", "--yes").exit_code == 0
    assert stored(rows)["partners"] == ["budi"]


def test_confirmation_shows_user_text_verbatim_but_harmless(team):
    team("partner", "add", "[red]Rudi[/]\x1b]0;pwned\x07", "--handle", "rudi")
    result = team("log", "rudi", "hi")
    assert "[red]Rudi[/]\\x1b]0;pwned\\x07" in result.stderr
    assert "\x1b" not in result.stderr


# -- kinds and places as people say them ------------------------------------------------------


def test_indonesian_kinds_and_places_are_the_kinds_they_name(team, rows):
    assert team("log", "sari", "-k", "ngopi", "-s", "kantor", "pagi-pagi").exit_code == 0
    assert team("log", "sari", "-k", "makan siang", "-s", "luar", "warung").exit_code == 0
    assert team("log", "budi", "-k", "rapat", "-s", "daring", "sync").exit_code == 0
    stored = rows("SELECT kind, setting FROM interactions ORDER BY id")
    assert stored == [
        {"kind": "coffee", "setting": "office"},
        {"kind": "lunch", "setting": "outside"},
        {"kind": "meeting", "setting": "remote"},
    ]
    pillars = rows("SELECT pillar FROM interaction_pillars WHERE interaction_id = 1 ORDER BY 1")
    assert [p["pillar"] for p in pillars] == ["bond", "understanding"]


@pytest.mark.english
def test_a_near_miss_of_a_kind_asks_and_stores_nothing(team, unchanged, rows):
    with unchanged():
        result = team("log", "sari", "-k", "cofee", "x")
    assert result.exit_code == 2 and "did you mean coffee?" in result.stderr
    assert team("log", "sari", "-k", "cofee", "--new-kind", "x").exit_code == 0
    assert team("log", "sari", "-k", "cofee", "again").exit_code == 0  # used before: known
    assert team("log", "sari", "-k", "hackathon", "far from any kind").exit_code == 0
    assert [r["kind"] for r in rows("SELECT kind FROM interactions")] == [
        "cofee", "cofee", "hackathon",
    ]  # fmt: skip


@pytest.mark.english
def test_a_near_miss_of_a_kind_in_an_edit_changes_nothing_and_says_so(team, unchanged, rows):
    assert team("log", "sari", "-k", "coffee", "first").exit_code == 0
    with unchanged():
        result = team("entry", "edit", "1", "--kind", "cofee")
    assert result.exit_code == 2
    assert result.stderr == (
        "partnerlog: --kind 'cofee' is new; did you mean coffee? (add --new-kind to start"
        " using it; nothing was changed) (see: partnerlog entry edit --help)\n"
    )
    assert team("entry", "edit", "1", "--kind", "cofee", "--new-kind").exit_code == 0
    assert rows("SELECT kind FROM interactions") == [{"kind": "cofee"}]


@pytest.mark.english
def test_kinds_lists_the_vocabulary_with_pillars_words_and_counts(team):
    team("log", "sari", "-k", "ngopi", "x")
    team("log", "sari", "-k", "hackathon", "y")
    result = team("kinds")
    assert result.exit_code == 0
    lines = [line.split("\t") for line in result.stdout.splitlines()]  # piped: data
    assert lines[0] == ["kind", "entries", "pillars", "also", "yours"]
    coffee = next(line for line in lines if line[0] == "coffee")
    assert coffee[1] == "1" and coffee[2] == "bond, understanding" and "ngopi" in coffee[3]
    assert ["hackathon", "1", "understanding", "", "yes"] in lines
    listed = json.loads(team("kinds", "--json").stdout)
    assert {"kind": "hackathon", "pillars": ["understanding"], "aliases": [], "count": 1,
            "known": False} in listed  # fmt: skip


@pytest.mark.english
@pytest.mark.parametrize("args, stdin", [(("",), None), (("   ",), None), ((), ""), ((), "  \n ")])
def test_an_empty_note_logs_nothing(team, unchanged, args, stdin):
    with unchanged():
        result = team("log", "sari", *args, input=stdin)
    assert result.exit_code == 2 and "nothing logged" in result.stderr


# -- the editor -------------------------------------------------------------------------------


@pytest.fixture
def editor(tmp_path, monkeypatch):
    """A fake $EDITOR: a shell script told by a file what to do to the note it is given."""
    script = tmp_path / "fake editor.sh"
    plan = tmp_path / "plan"
    script.write_text(
        "#!/bin/sh\n"
        "for last; do :; done\n"  # the file is the last argument
        f'case "$(cat "{plan}")" in\n'
        f'  write) printf "%s" "$(cat "{tmp_path / "text"}")" > "$last" ;;\n'
        f'  append) cat "{tmp_path / "text"}" >> "$last" ;;\n'
        '  empty) : > "$last" ;;\n'
        "  keep) ;;\n"
        "esac\n"
    )
    script.chmod(0o755)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"sh '{script}' --wait")  # several words, a space in the path

    def use(action: str, text: str = "") -> None:
        plan.write_text(action)
        (tmp_path / "text").write_text(text)

    return use


def test_the_editor_writes_the_note(team, editor, rows):
    editor("write", "a long note\nwith #food and @budi\n# a comment line\n")
    result = team("log", "sari", "-e", "-k", "lunch")
    assert result.exit_code == 0, result.stderr
    [entry] = rows("SELECT note FROM interactions")
    assert entry["note"] == "a long note\nwith #food and @budi"
    assert rows("SELECT tag FROM interaction_tags") == [{"tag": "food"}]
    assert len(rows("SELECT * FROM interaction_partners")) == 2


@pytest.mark.english
def test_the_kinds_template_starts_the_note(team, editor, rows):
    editor("append", "went well")
    assert team("log", "jose", "-e", "-k", "1on1").exit_code == 0
    [entry] = rows("SELECT note FROM interactions")
    assert entry["note"].startswith("Wins:") and entry["note"].endswith("went well")
    assert "Next time:" in entry["note"] and "# " not in entry["note"]


def test_a_template_of_your_own_replaces_the_built_in_one(
    team, editor, rows, tmp_path, monkeypatch
):  # noqa: E501
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    own = tmp_path / "config" / "partnerlog" / "templates"
    own.mkdir(parents=True)
    (own / "lunch.txt").write_text("Where:\nWho paid:\n")
    editor("append", "the warung")
    assert team("log", "sari", "-e", "-k", "lunch").exit_code == 0
    assert rows("SELECT note FROM interactions")[0]["note"].startswith("Where:\nWho paid:")


@pytest.mark.english
@pytest.mark.parametrize("action", ["keep", "empty"])
def test_an_unchanged_or_emptied_note_logs_nothing(team, editor, unchanged, action):
    editor(action)
    with unchanged():
        result = team("log", "jose", "-e", "-k", "1on1")
        typed = team("log", "jose", input="   \n")  # an empty note piped in: the same answer
    assert result.exit_code == 2 and "nothing logged" in result.stderr
    assert typed.exit_code == 2 and "nothing logged" in typed.stderr


def test_an_edit_that_changes_nothing_writes_nothing_and_leaves_nothing_to_undo(team, editor, rows):
    team("log", "sari", "first words", "-t", "1", "--tag", "q4")
    before = rows("SELECT * FROM interactions")
    actions = rows("SELECT count(*) AS n FROM actions")
    editor("keep")
    for args in (["--edit"], ["--tone", "1"], ["--tag", "q4"], ["--note", "first words"],
                 ["--who", "sari"]):  # fmt: skip
        result = team("entry", "edit", "1", *args)
        assert result.exit_code == 0, (args, result.stderr)
        assert "#1" in result.stderr and not result.stdout
    assert rows("SELECT * FROM interactions") == before  # not even its change time
    assert rows("SELECT count(*) AS n FROM actions") == actions
    assert team("entry", "edit", "1", "--tone", "2").exit_code == 0
    assert rows("SELECT tone FROM interactions") == [{"tone": 2}]


@pytest.mark.english
def test_confirmations_quote_the_note_as_typed_without_punctuation_after_it(team):
    team("log", "sari", "ends with a full stop.")
    asked = team("entry", "delete", "1")
    assert "ends with a full stop.\n" in asked.stderr and "stop.?" not in asked.stderr
    team("entry", "edit", "1", "--tone", "1")
    said = team("entry", "edit", "1", "--tone", "2").stderr
    assert said.startswith("Updated entry #1") and said.endswith("ends with a full stop.\n")


def test_entry_edit_opens_the_existing_note(team, editor, rows):
    team("log", "sari", "first words")
    editor("append", " and more")
    assert team("entry", "edit", "1", "--edit").exit_code == 0
    assert rows("SELECT note FROM interactions")[0]["note"] == "first words\n\n and more"


@pytest.mark.english
def test_an_editor_that_cannot_start_is_explained(team, unchanged, monkeypatch):
    monkeypatch.setenv("EDITOR", "no-such-editor-here")
    monkeypatch.delenv("VISUAL", raising=False)
    with unchanged():
        result = team("log", "sari", "-e")
    assert result.exit_code == 1 and "cannot start the editor" in result.stderr


@pytest.mark.english
def test_tags_are_listed_renamed_and_merged(team, rows, unchanged):
    team("log", "sari", "one #project")
    team("log", "sari", "two #project #projects")
    team("log", "budi", "three", "--tag", "roadmap")
    listed = json.loads(team("tags", "--json").stdout)
    assert listed == [{"tag": "project", "count": 2}, {"tag": "projects", "count": 1},
                      {"tag": "roadmap", "count": 1}]  # fmt: skip
    result = team("tag", "rename", "project", "projects")
    assert result.exit_code == 0 and "#project is now #projects on 2 entries" in result.stderr
    assert rows("SELECT tag, count(*) AS n FROM interaction_tags GROUP BY tag ORDER BY tag") == [
        {"tag": "projects", "n": 2}, {"tag": "roadmap", "n": 1},
    ]  # fmt: skip
    with unchanged():
        assert team("tag", "rename", "nothing", "else").exit_code == 1
        assert team("log", "sari", "x", "--tag", "two words").exit_code == 2
    assert team("undo", "--yes").exit_code == 0  # the rename, as one action
    assert len(rows("SELECT * FROM interaction_tags WHERE tag = 'project'")) == 2


def test_undo_of_a_tag_rename_puts_every_entry_back_and_other_devices_follow(
    team, journal_path, tmp_path
):
    """A rename keeps only the entries' tags for undo; undo puts back each entry
    exactly as it was (one had both tags, and lost one to the merge), and a
    device that synced the rename syncs the undo too."""
    from .test_sync import comparable, export_of

    for note in ("one #project", "two #project #projects", "three #roadmap"):
        assert team("log", "sari", note, "-t", "1").exit_code == 0
    folder, other = str(tmp_path / "shared"), tmp_path / "other.db"
    assert team("sync", folder, "--create", "--device", "laptop").exit_code == 0
    assert team("--db", str(other), "sync", folder, "--device", "desktop").exit_code == 0
    stamps = ("id", "updated_at", "seen")
    before = comparable(export_of(team, journal_path), stamps)
    assert team("tag", "rename", "project", "projects").exit_code == 0
    assert team("sync", folder).exit_code == 0
    assert team("--db", str(other), "sync", folder).exit_code == 0
    renamed = [e["tags"] for e in export_of(team, other)["interactions"]]
    assert renamed == [["projects"], ["projects"], ["roadmap"]]
    assert team("undo", "--yes").exit_code == 0
    assert comparable(export_of(team, journal_path), stamps) == before
    assert team("sync", folder).exit_code == 0
    assert team("--db", str(other), "sync", folder).exit_code == 0
    assert comparable(export_of(team, other), stamps) == before


@pytest.mark.english
def test_undo_of_a_tag_on_many_entries_names_ten_and_counts_the_rest(team, rows, monkeypatch):
    for n in range(13):
        team("log", "sari" if n % 2 else "budi", f"entry {n} #q1")
    team("tag", "rename", "q1", "q2")
    asked = team("undo")  # no --yes: it shows what it would do, and asks
    assert asked.exit_code == 2 and asked.stderr.count("  restore entry #") == 10
    assert "  … and 3 more records\n" in asked.stderr
    assert "Sari Wulandari" in asked.stderr and "Budi Santoso" in asked.stderr
    piped = team("undo", "--list").stdout.splitlines()[1].split("\t")
    assert piped[1] == "tag rename" and piped[2].count("restore entry #") == 10
    assert piped[2].endswith("; … and 3 more records")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    listed = team("undo", "--list").stdout
    assert listed.count("  restore entry #") == 10 and "… and 3 more records" in listed
    assert team("undo", "--yes").exit_code == 0
    assert rows("SELECT count(*) AS n FROM interaction_tags WHERE tag = 'q1'") == [{"n": 13}]
    assert rows("SELECT count(*) AS n FROM interaction_tags WHERE tag = 'q2'") == [{"n": 0}]


@pytest.mark.english
def test_logging_with_an_archived_partner_asks_first(team, unchanged, rows):
    team("partner", "archive", "budi")
    with unchanged():
        result = team("log", "budi", "hello again")
    assert result.exit_code == 2 and "is archived; add --yes" in result.stderr
    assert team("log", "budi", "hello again", "--yes").exit_code == 0
    assert rows("SELECT note FROM interactions") == [{"note": "hello again"}]


def test_the_dashboard_tells_two_people_of_one_name_apart(team):
    team("partner", "add", "Sari Wulandari", "--yes", "--handle", "sari2")
    shown = team("summary").stdout
    assert "(sari)" in shown and "(sari2)" in shown
