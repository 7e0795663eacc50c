import json
import unicodedata

import pytest


@pytest.mark.english
def test_add_derives_a_unique_handle(run, rows):
    assert run("partner", "add", "Sari Wulandari").exit_code == 0
    result = run("partner", "add", "Sari Putri", "--relation", "sub")
    assert result.exit_code == 0
    assert "as 'sari-p'" in result.stderr
    stored = rows("SELECT handle, name, kind, relation FROM partners ORDER BY id")
    assert stored == [
        {"handle": "sari", "name": "Sari Wulandari", "kind": "partner", "relation": "peer"},
        {"handle": "sari-p", "name": "Sari Putri", "kind": "partner", "relation": "subordinate"},
    ]


def test_add_with_every_option_and_json(run, rows):
    result = run(
        "partner", "add", "María González", "--handle", "Maria", "--kind", "colleague",
        "--relation", "external", "--role", "data scientist", "--org", "Datawise",
        "--cadence", "2w", "--notes", "met at PyCon", "--json",
    )  # fmt: skip
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    assert {k: shown[k] for k in ("handle", "name", "kind", "relation", "cadence_days")} == {
        "handle": "maria",
        "name": "María González",
        "kind": "colleague",
        "relation": "external",
        "cadence_days": 14,
    }
    assert set(shown) == {
        "id", "uuid", "handle", "name", "kind", "relation", "role", "org", "cadence_days",
        "archived", "paused_until", "pause_reason",
    }  # fmt: skip
    assert rows("SELECT notes, org FROM partners") == [{"notes": "met at PyCon", "org": "Datawise"}]


@pytest.mark.parametrize(
    "args, message",
    [
        (("partner", "add", "X", "--relation", "boss"), "--relation 'boss' is not one of"),
        (("partner", "add", "X", "--kind", "friend"), "--kind 'friend' is not one of"),
        (("partner", "add", "X", "--cadence", "often"), "--cadence 'often'"),
        (("partner", "add", "X", "--cadence", "0"), "--cadence '0'"),
        (("partner", "add", "X", "--handle", "two words"), "--handle 'two words'"),
        (("partner", "add", "X", "--handle", "me"), "not 'me'"),
        (("partner", "add", "   "), "needs a name"),
        (("partner", "add", "!!!"), "give one with --handle"),
    ],
)
@pytest.mark.english
def test_add_bad_input_is_one_line_exit_2_and_nothing_stored(run, unchanged, args, message):
    with unchanged():
        result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.english
def test_a_taken_handle_is_refused(team, unchanged):
    with unchanged():
        result = team("partner", "add", "Another Sari", "--handle", "sari")
    assert result.exit_code == 1
    assert "handle 'sari' is taken" in result.stderr


def test_list_json_and_table(team):
    listed = json.loads(team("partner", "list", "--json").stdout)
    assert [p["handle"] for p in listed] == ["budi", "jose", "maria", "sari"]
    table = team("partner", "list").stdout
    assert "Sari Wulandari" in table and "data engineer" in table


def test_names_resolve_across_unicode_forms(team, rows):
    nfd = unicodedata.normalize("NFD", "josé")
    assert team("log", nfd, "hola").exit_code == 0
    assert rows(
        "SELECT p.handle FROM interaction_partners ip JOIN partners p ON p.id = ip.partner_id"
    ) == [{"handle": "jose"}]


@pytest.mark.english
def test_show_unknown_partner_suggests(team):
    result = team("partner", "show", "sary")
    assert result.exit_code == 1
    assert result.stderr == "partnerlog: no partner called 'sary' (did you mean sari?)\n"


def test_show_is_the_profile(team):
    team("log", "sari", "lunch #food", "-k", "lunch")
    result = team("partner", "show", "sari")
    assert result.exit_code == 0
    assert "Sari Wulandari" in result.stdout and "data engineer" in result.stdout
    assert "lunch #food" in result.stdout
    shown = json.loads(team("partner", "show", "sari", "--json").stdout)
    assert shown["handle"] == "sari" and shown["recent"][0]["note"] == "lunch #food"


def test_edit_changes_only_what_is_given(team, rows):
    result = team("partner", "edit", "sari", "--cadence", "7", "--role", "tech lead")
    assert result.exit_code == 0
    assert rows("SELECT role, cadence_days, org FROM partners WHERE handle = 'sari'") == [
        {"role": "tech lead", "cadence_days": 7, "org": None}
    ]
    team("partner", "edit", "sari", "--cadence", "default", "--handle", "sw")
    assert rows("SELECT handle, cadence_days FROM partners WHERE name = 'Sari Wulandari'") == [
        {"handle": "sw", "cadence_days": None}
    ]


@pytest.mark.english
def test_edit_with_nothing_to_change_or_a_taken_handle(team, unchanged):
    with unchanged():
        assert team("partner", "edit", "sari").exit_code == 2
        result = team("partner", "edit", "sari", "--handle", "budi")
    assert result.exit_code == 1 and "taken" in result.stderr


def test_archive_keeps_history_and_hides_from_lists(team, rows):
    team("log", "budi", "1:1")
    assert team("partner", "archive", "budi").exit_code == 0
    assert rows("SELECT archived_at IS NOT NULL AS archived FROM partners WHERE handle='budi'") == [
        {"archived": 1}
    ]
    assert "budi" not in [p["handle"] for p in json.loads(team("partner", "list", "--json").stdout)]
    archived = json.loads(team("partner", "list", "--archived", "--json").stdout)
    assert [p["archived"] for p in archived if p["handle"] == "budi"] == [True]
    assert rows("SELECT count(*) AS n FROM interaction_partners") == [{"n": 1}]
    assert team("partner", "archive", "budi", "--restore").exit_code == 0
    assert rows("SELECT archived_at FROM partners WHERE handle='budi'") == [{"archived_at": None}]


def test_markup_in_names_prints_as_typed(run):
    run("partner", "add", "[bold red]Evil[/] \x1b[2J Name", "--handle", "evil")
    table = run("partner", "list").stdout
    assert "[bold red]Evil[/]" in table
    assert "\x1b" not in table and "\\x1b[2J" in table


def test_completion_offers_active_handles(team):
    from partnerlog.cli.completion import complete_partner

    class Root:
        params: dict = {}

    class Ctx:
        def find_root(self):
            return Root()

    assert complete_partner(Ctx(), "s") == [("sari", "Sari Wulandari")]
    assert complete_partner(Ctx(), "sari,b") == [("sari,budi", "Budi Santoso")]
    assert [h for h, _ in complete_partner(Ctx(), "")] == ["budi", "jose", "maria", "sari"]
    # No handle starts so: a word of a name does ("wul" is Sari Wulandari).
    assert complete_partner(Ctx(), "wul") == [("sari", "Sari Wulandari")]
    assert complete_partner(Ctx(), "Santo") == [("budi", "Budi Santoso")]
    assert complete_partner(Ctx(), "xyz") == []


@pytest.mark.english
def test_archiving_twice_or_restoring_an_active_partner_says_so(team, unchanged):
    with unchanged():
        result = team("partner", "archive", "sari", "--restore")
    assert result.exit_code == 1 and "is not archived" in result.stderr
    assert team("partner", "archive", "sari").exit_code == 0
    assert "archived already" in team("partner", "archive", "sari").stderr


def test_a_report_takes_partners_separated_by_commas(team):
    report = team("report", "sari,budi").stdout
    assert "## Sari Wulandari" in report and "## Budi Santoso" in report


def test_starting_with_your_own_traits_creates_the_journal(run, journal_path):
    assert run("trait", "add", "me", "strength", "SQL").exit_code == 0
    assert journal_path.exists()


@pytest.mark.english
def test_a_second_partner_of_the_same_name_needs_a_yes(team, unchanged):
    with unchanged():
        result = team("partner", "add", "sari wulandari")
    assert result.exit_code == 2 and "is here already (sari)" in result.stderr
    assert team("partner", "add", "Sari Wulandari", "--yes").exit_code == 0


def test_a_mistyped_address_can_be_removed_and_undo_brings_it_back(run, rows, unchanged):
    assert run("partner", "add", "Sari Wulandari", "--email", "sari@nusantara.co.id").exit_code == 0
    assert run("partner", "edit", "sari", "--email", "sari@nusantra.co.id").exit_code == 0
    result = run("partner", "edit", "sari", "--remove-email", "SARI@nusantra.co.id")
    assert result.exit_code == 0, result.stderr
    assert rows("SELECT email FROM partner_emails") == [{"email": "sari@nusantara.co.id"}]
    with unchanged():
        refused = run("partner", "edit", "sari", "--remove-email", "nobody@x.org")
    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1
    assert run("undo", "--yes").exit_code == 0
    assert sorted(r["email"] for r in rows("SELECT email FROM partner_emails")) == [
        "sari@nusantara.co.id", "sari@nusantra.co.id",
    ]  # fmt: skip


@pytest.mark.english
def test_a_piped_partner_list_has_every_column_and_a_header(run):
    """Piped, the list is data: every column, whatever the width of a terminal."""
    run("partner", "add", "Sari Wulandari", "--role", "data engineer", "--org", "Acme\tInc")
    lines = run("partner", "list").stdout.splitlines()
    assert lines[0].split("\t") == [
        "handle", "name", "kind", "relation", "role", "org", "cadence", "last contact",
    ]  # fmt: skip
    assert lines[1].split("\t")[:6] == [
        "sari", "Sari Wulandari", "partner", "peer", "data engineer", "Acme Inc",
    ]  # fmt: skip


def test_seventy_people_of_one_name_get_the_next_free_handles(run, rows):
    """Handles are looked up in batches of candidates: past the first batch too."""
    for _ in range(70):
        assert run("partner", "add", "Sari", "--yes").exit_code == 0
    handles = [row["handle"] for row in rows("SELECT handle FROM partners ORDER BY id")]
    assert handles == ["sari", *(f"sari{n}" for n in range(2, 71))]


@pytest.mark.parametrize(
    ("name", "handle"),
    [
        ("Dr. A. J. van der Berg", "berg"),
        ("Sari Wulandari, S.Kom.", "sari"),
        ("Pak Budi Santoso", "budi"),
        ("Ir. H. Joko Widodo", "joko"),
        ("J. R. R. Tolkien", "tolkien"),
        ("Van Morrison", "van"),  # a given name, not a particle
        ("Ludwig van Beethoven", "ludwig"),
        ("Dr.", "dr"),  # nothing else to go by
    ],
)
def test_a_handle_passes_over_titles_initials_and_degrees(run, rows, name, handle):
    assert run("partner", "add", name).exit_code == 0
    assert rows("SELECT handle, name FROM partners") == [{"handle": handle, "name": name}]


@pytest.mark.english
def test_removing_a_date_names_the_partner_as_adding_it_did(run):
    run("partner", "add", "Rina Kusuma")
    added = run("partner", "date", "add", "rina", "birthday", "14 march")
    assert added.stderr.startswith("Added birthday of Rina Kusuma (#1)")
    removed = run("partner", "date", "remove", "1")
    assert removed.exit_code == 0 and removed.stderr == "Removed birthday of Rina Kusuma (#1).\n"


@pytest.mark.parametrize(
    "args",
    [
        ("partner", "edit", "sari", "--cadence", "99999999999999999999"),
        ("partner", "add", "Budi Santoso", "--cadence", "36501"),
        ("due", "--within", "99999999999999999999d"),
        ("due", "--within", "1217m"),
    ],
)
def test_a_cadence_or_window_of_more_than_a_hundred_years_is_refused(team, unchanged, args):
    with unchanged():
        result = team(*args)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "36500" in result.stderr


def test_a_hundred_years_is_still_a_cadence(team, rows):
    assert team("partner", "edit", "sari", "--cadence", "36500").exit_code == 0
    assert rows("SELECT cadence_days FROM partners WHERE handle = 'sari'") == [
        {"cadence_days": 36500}
    ]
    assert team("due", "--within", "1216m").exit_code == 0
