import json

import pytest


@pytest.fixture
def journal(team):
    team("log", "sari", "-w", "2026-11-01", "-k", "lunch", "roadmap lunch #roadmap")
    team("log", "budi", "-w", "2026-11-10", "-k", "1on1", "budget review")
    team("log", "sari,budi", "-w", "2026-11-20", "-k", "planning", "Q1 plan with José #roadmap")
    team("log", "maria", "-w", "2026-11-27", "conference call", "--private")
    return team


def notes(result):
    return [entry["note"] for entry in json.loads(result.stdout)]


def test_timeline_is_newest_first(journal):
    assert notes(journal("timeline", "--json")) == [
        "conference call",
        "Q1 plan with José #roadmap",
        "budget review",
        "roadmap lunch #roadmap",
    ]


@pytest.mark.parametrize(
    "args, expected",
    [
        (("sari",), ["Q1 plan with José #roadmap", "roadmap lunch #roadmap"]),
        (
            ("--since", "2026-11-10"),
            ["conference call", "Q1 plan with José #roadmap", "budget review"],
        ),
        (("--until", "2026-11-10"), ["budget review", "roadmap lunch #roadmap"]),
        (("--since", "2026-11-10", "--until", "2026-11-10"), ["budget review"]),
        (("--since", "10 days ago"), ["conference call", "Q1 plan with José #roadmap"]),
        (("--kind", "1on1"), ["budget review"]),
        (("--tag", "#Roadmap"), ["Q1 plan with José #roadmap", "roadmap lunch #roadmap"]),
        (("--limit", "1"), ["conference call"]),
        (("budi", "--tag", "roadmap"), ["Q1 plan with José #roadmap"]),
    ],
)
def test_timeline_filters(journal, args, expected):
    assert notes(journal("timeline", *args, "--json")) == expected


@pytest.mark.english
def test_timeline_table_shows_names_tags_and_private_marker(journal):
    out = journal("timeline").stdout
    assert "Sari Wulandari" in out and "Q1 plan with José" in out and "(private)" in out


@pytest.mark.parametrize(
    "args, code, message",
    [
        (("--since", "someday"), 2, "cannot understand the date 'someday'"),
        (("--since", "2026-11-20", "--until", "2026-11-01"), 2, "is after --until"),
        (("--limit", "-1"), 2, "--limit cannot be negative"),
        (("nobody",), 1, "no partner called 'nobody'"),
    ],
)
@pytest.mark.english
def test_timeline_bad_input(journal, args, code, message):
    result = journal("timeline", *args)
    assert (result.exit_code, result.stdout) == (code, "")
    assert message in result.stderr


@pytest.mark.english
def test_read_commands_on_a_missing_journal_do_not_create_it(run, journal_path):
    for command in (("timeline",), ("search", "x"), ("partner", "list"), ("undo", "--yes")):
        result = run(*command)
        assert result.exit_code == 1
        assert "there is no journal" in result.stderr
    assert not journal_path.exists()


@pytest.mark.english
def test_an_empty_timeline_says_so_on_stderr(team):
    result = team("timeline")
    assert (result.exit_code, result.stdout) == (0, "")
    assert "No interactions" in result.stderr


@pytest.mark.parametrize(
    "query, expected",
    [
        ("roadmap", ["roadmap lunch #roadmap", "Q1 plan with José #roadmap"]),
        ("road", ["roadmap lunch #roadmap", "Q1 plan with José #roadmap"]),
        ("jose plan", ["Q1 plan with José #roadmap"]),
        ("BUDGET", ["budget review"]),
        ('"unbalanced', []),
        ("NEAR(", []),
        ("review OR lunch", []),
    ],
)
def test_search(journal, query, expected):
    result = journal("search", query, "--json")
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    assert sorted(entry["note"] for entry in found["interactions"]) == sorted(expected)
    assert found["goals"] == []


def test_search_lists_entries_newest_first_like_the_timeline(team):
    team("log", "sari", "-w", "2026-11-02", "second roadmap")
    team("log", "sari", "-w", "2026-11-20", "newest roadmap roadmap roadmap")
    team("log", "sari", "-w", "2026-10-01", "oldest roadmap")
    team("log", "budi", "-w", "2026-11-02", "also second roadmap, logged later")
    found = json.loads(team("search", "roadmap", "--json").stdout)["interactions"]
    assert [entry["note"] for entry in found] == [
        "newest roadmap roadmap roadmap", "also second roadmap, logged later",
        "second roadmap", "oldest roadmap",
    ]  # fmt: skip
    assert (
        len(json.loads(team("search", "roadmap", "-n", "2", "--json").stdout)["interactions"]) == 2
    )


def test_search_finds_goals_too(journal):
    journal("goal", "add", "sari", "finish the roadmap deck", "--note", "for the board")
    found = json.loads(journal("search", "board", "--json").stdout)
    assert [g["title"] for g in found["goals"]] == ["finish the roadmap deck"]
    table = journal("search", "roadmap").stdout
    assert "finish the roadmap deck" in table and "Q1 plan with José" in table


@pytest.mark.english
def test_search_without_words(journal):
    result = journal("search", "  ")
    assert result.exit_code == 2 and "give some words" in result.stderr


@pytest.mark.english
def test_times_are_shown_where_you_are_now(team, monkeypatch):
    """An entry logged at 09:30 in Berlin reads 15:30 in Jakarta (TZ, here PARTNERLOG_NOW)."""
    team("log", "sari", "-w", "2026-11-20T09:30+01:00", "from a trip")
    shown = team("timeline").stdout
    assert "2026-11-20 15:30" in shown
    stored = json.loads(team("timeline", "--json").stdout)[0]["occurred_at"]
    assert stored == "2026-11-20T09:30:00+01:00"  # kept as it was written
    assert "Fri 20 Nov 2026 15:30" in team("entry", "delete", "1").stderr


@pytest.mark.english
def test_piped_tables_are_one_record_per_line(team):
    team("log", "sari", "a long note that would wrap " * 6)
    team("log", "budi", "line one\nline two")
    shown = team("timeline").stdout.splitlines()
    assert shown[0].split("\t") == ["id", "when", "with", "kind", "tone", "note"]
    assert len(shown) == 3 and all(line == line.rstrip() for line in shown)
    assert shown[1].split("\t")[5] == "line one ⏎ line two"
    for argv in (["partner", "list"], ["goal", "list"], ["trait", "list"]):
        lines = team(*argv).stdout.splitlines()
        assert all("  " not in line.split("\t")[0] for line in lines), argv


def test_a_long_view_on_a_terminal_goes_through_the_pager(team, tmp_path, monkeypatch):
    for n in range(30):
        team("log", "sari", f"entry number {n}")
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"sh -c 'cat > {paged}'")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # as on a terminal
    monkeypatch.setenv("LINES", "20")
    monkeypatch.setenv("LESS", "")
    result = team("timeline", "-n", "0")
    assert result.stdout == "" and "entry number 29" in paged.read_text()
    paged.unlink()
    direct = team("timeline", "-n", "0", "--no-pager")
    assert "entry number 29" in direct.stdout and not paged.exists()
    monkeypatch.delenv("TTY_COMPATIBLE")
    assert "entry number 0" in team("timeline", "-n", "0").stdout  # piped: never paged
    assert not paged.exists()


@pytest.mark.english
def test_a_kind_no_entry_has_is_a_mistake_with_a_suggestion(run):
    run("partner", "add", "Sari")
    run("log", "sari", "flat white", "-k", "coffee")
    typo = run("timeline", "--kind", "cofee")
    assert typo.exit_code == 2 and typo.stdout == ""
    assert typo.stderr == (
        "partnerlog: no entry has the kind 'cofee' (did you mean coffee?)"
        " (see: partnerlog timeline --help)\n"
    )
    unknown = run("timeline", "--kind", "zzzz")
    assert unknown.exit_code == 2 and unknown.stderr.endswith("(see: partnerlog kinds)\n")
    assert run("timeline", "--kind", "lunch").exit_code == 0  # a known kind: none yet
    assert "flat white" in run("timeline", "--kind", "kopi").stdout  # an alias of coffee
