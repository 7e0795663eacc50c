import pytest


@pytest.fixture
def logged(team):
    team("log", "sari", "-k", "lunch", "lunch #food")
    team("log", "budi", "-k", "1on1", "budget")
    return team


def test_entry_edit_changes_only_what_is_given(logged, rows):
    result = logged(
        "entry", "edit", "1", "--when", "yesterday", "--tone", "1", "--who", "sari,jose"
    )
    assert result.exit_code == 0, result.stderr
    [entry] = rows("SELECT * FROM interactions WHERE id = 1")
    assert entry["occurred_at"] == "2026-11-27T12:00:00+07:00"
    assert entry["tone"] == 1 and entry["note"] == "lunch #food" and entry["kind"] == "lunch"
    partners = rows(
        "SELECT p.handle FROM interaction_partners ip JOIN partners p ON p.id = ip.partner_id"
        " WHERE interaction_id = 1 ORDER BY handle"
    )
    assert [p["handle"] for p in partners] == ["jose", "sari"]


def test_entry_edit_note_adds_its_tags(logged, rows):
    logged("entry", "edit", "1", "--note", "lunch #food #kopi", "--private")
    assert [r["tag"] for r in rows("SELECT tag FROM interaction_tags ORDER BY tag")] == [
        "food",
        "kopi",
    ]
    assert rows("SELECT private FROM interactions WHERE id = 1") == [{"private": 1}]


@pytest.mark.parametrize(
    "args, code, message",
    [
        (("entry", "edit", "99", "--tone", "1"), 1, "no entry with id 99"),
        (("entry", "edit", "1"), 2, "nothing to change"),
        (("entry", "edit", "1", "--tone", "9"), 2, "out of range"),
        (("entry", "edit", "1", "--when", "nope"), 2, "cannot understand the date"),
        (("entry", "edit", "1", "--who", "nobody"), 1, "no partner called 'nobody'"),
        (("entry", "edit", "x", "--tone", "1"), 2, "id needs a whole number, not 'x'"),
        (("entry", "delete", "99", "--yes"), 1, "no entry with id 99"),
        (("entry", "delete", "1"), 2, "add --yes"),
        (("undo",), 2, "add --yes"),
    ],
)
@pytest.mark.english
def test_entry_bad_input_changes_nothing(logged, unchanged, args, code, message):
    with unchanged():
        result = logged(*args)
    assert result.exit_code == code
    assert message in result.stderr


def test_entry_delete_removes_it_and_its_links(logged, rows):
    result = logged("entry", "delete", "1", "--yes")
    assert result.exit_code == 0
    assert "lunch #food" in result.stderr
    assert rows("SELECT id FROM interactions") == [{"id": 2}]
    assert rows("SELECT count(*) AS n FROM interaction_tags") == [{"n": 0}]
    assert rows("SELECT interaction_id FROM interaction_partners") == [{"interaction_id": 2}]


@pytest.mark.english
def test_undo_removes_the_most_recent_record_after_showing_it(logged, rows):
    result = logged("undo", "--yes")
    assert result.exit_code == 0
    assert "entry #2 1on1 with Budi Santoso" in result.stderr and "budget" in result.stderr
    assert rows("SELECT id FROM interactions") == [{"id": 1}]
    logged("undo", "--yes")
    # Next most recent: the last partner added (Maria), who has no history.
    result = logged("undo", "--yes")
    assert "partner Maria Gonzalez (maria)" in result.stderr
    assert "maria" not in [r["handle"] for r in rows("SELECT handle FROM partners")]


@pytest.mark.english
def test_undo_on_an_empty_journal(run):
    run("partner", "add", "Solo")
    run("undo", "--yes")
    result = run("undo", "--yes")
    assert result.exit_code == 0 and "Nothing to undo" in result.stderr and not result.stdout
