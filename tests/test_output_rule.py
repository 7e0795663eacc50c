"""One output rule for scripts: piped, every listing is one header line, then one
tab-separated record a line with as many fields as the header (whatever the
user typed: tabs, line breaks, markup); at a terminal the same command draws
for people. Everything through the console script."""

import pytest

LISTINGS = [
    ("partner", "list"),
    ("partner", "list", "--archived"),
    ("goal", "list"),
    ("trait", "list"),
    ("trait", "list", "sari"),
    ("tags",),
    ("kinds",),
    ("search", "budget"),
    ("undo", "--list"),
    ("complement",),
    ("open",),
    ("timeline",),
    ("timeline", "sari"),
    ("due",),
    ("due", "--within", "30"),
    ("summary",),
    ("summary", "--all"),
]


@pytest.fixture
def busy(run):
    """A journal with something in every listing, and user text that could break a line."""
    for name in ("Sari\tWulandari [bold]x[/]", "Rina\nKusuma", "Budi Santoso"):
        assert run("partner", "add", name).exit_code == 0
    run("partner", "edit", "sari", "--role", "data\tengineer", "--org", "Acme\nInc")
    run("log", "sari", "lunch talk about the #budget\twith tabs\nand a second line", "-k", "lunch",
        "-t", "1", "--tag", "q4")  # fmt: skip
    run("log", "rina", "budget review", "-w", "3 weeks ago")
    run("log", "budi", "coffee", "-k", "coffee", "--private")
    run("owe", "sari", "send the budget\tdeck", "--due", "yesterday")
    run("raise", "rina", "the budget\noffsite")
    run("goal", "add", "sari", "budget\tplan", "--due", "next month")
    run("trait", "add", "sari", "strength", "SQL\tand more")
    run("trait", "add", "me", "weakness", "SQL\tand more")
    run("trait", "add", "me", "strength", "writing")
    run("trait", "add", "rina", "weakness", "writing")
    run("trait", "add", "me", "weakness", "design")
    run("partner", "archive", "budi")
    return run


@pytest.mark.parametrize("command", LISTINGS, ids=" ".join)
def test_every_listing_piped_is_a_header_and_records_of_as_many_fields(busy, command):
    result = busy(*command)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= 2, result.stdout  # a header, and at least one record
    header = lines[0].split("\t")
    assert len(header) >= 2 and all(field.strip() for field in header)
    for line in lines[1:]:
        assert line.count("\t") == len(header) - 1, (header, line)
    assert "\x1b" not in result.stdout


@pytest.mark.english
def test_listings_piped_say_what_a_person_sees_in_fields(busy):
    complement = busy("complement").stdout.splitlines()
    assert complement[0] == "area\tstrong\tweak"
    assert "writing\tme\tRina ⏎ Kusuma" in complement  # (a line break in a name is shown)
    assert busy("tags").stdout.splitlines()[:1] == ["tag\tentries"]
    due = busy("due").stdout.splitlines()
    assert due[0].split("\t")[:3] == ["handle", "name", "state"]
    sari = next(line.split("\t") for line in due[1:] if line.startswith("sari\t"))
    assert "send the budget deck" in sari[-1] and "partnerlog close 1" in sari[-1]
    found = busy("search", "budget").stdout.splitlines()
    assert found[0] == "found\tid\twhen\twith\twhat\ttone\ttext"
    assert [line.split("\t")[0] for line in found[1:]] == ["goal", "follow-up", "follow-up",
                                                          "entry", "entry"]  # fmt: skip
    undone = busy("undo", "--list").stdout.splitlines()
    assert undone[1].split("\t")[1:] == ["partner archive", "restore partner Budi Santoso (budi)"]


@pytest.mark.english
def test_at_a_terminal_the_same_listings_are_drawn_for_people(busy, monkeypatch):
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    assert busy("tags").stdout.splitlines() == ["1  #budget", "1  #q4"]
    assert "Who covers my weaknesses" in busy("complement").stdout
    assert "you promised: send the budget deck" in busy("due").stdout
    assert "\t" not in busy("search", "budget").stdout


@pytest.mark.english
@pytest.mark.parametrize("columns", ["60", "80"])
def test_help_lists_each_commands_first_sentence_whole(run, monkeypatch, columns):
    """Click cut summaries at a fixed width ("A topic to raise with a partner next
    time; `log` reminds..."); each is now its help's first sentence, wrapped."""
    from partnerlog.cli import summary
    from partnerlog.spec import COMMANDS

    monkeypatch.setenv("COLUMNS", columns)
    listed = run("--help").stdout.split("Commands:")[1]
    shown = " ".join(listed.split())
    assert "..." not in shown
    for command in COMMANDS:
        if len(command.path) == 1:
            assert summary(command.help) in shown, command.name
    assert "A topic to raise with a partner next time " in shown


@pytest.mark.english
def test_goal_list_at_sixty_columns_keeps_due_dates_whole(busy, monkeypatch):
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "60")
    busy("goal", "add", "rina", "a much longer goal title for the whole quarter", "--due",
         "2026-12-20")  # fmt: skip
    shown = busy("goal", "list").stdout
    assert "2026-12-20" in shown and "2026-1…" not in shown
