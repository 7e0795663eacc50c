import json

import pytest

GOAL_KEYS = {
    "id", "uuid", "partner", "owner", "title", "note", "due_on", "status", "progress", "updates",
}  # fmt: skip


@pytest.fixture
def goals(team):
    team("goal", "add", "sari", "ship the warehouse pipeline", "--due", "in 30 days")
    team("goal", "add", "budi", "promotion case", "--owner", "me", "--due", "2026-11-01")
    team("goal", "add", "jose", "talk at the meetup", "--owner", "partner", "--note", "Jan")
    return team


def listed(run, *args):
    return json.loads(run("goal", "list", *args, "--json").stdout)


def test_goal_add_stores_owner_due_and_note(goals, rows):
    stored = rows("SELECT title, owner, due_on, note, status, progress FROM goals ORDER BY id")
    assert stored == [
        {"title": "ship the warehouse pipeline", "owner": "shared", "due_on": "2026-12-28",
         "note": None, "status": "open", "progress": 0},
        {"title": "promotion case", "owner": "me", "due_on": "2026-11-01", "note": None,
         "status": "open", "progress": 0},
        {"title": "talk at the meetup", "owner": "partner", "due_on": None, "note": "Jan",
         "status": "open", "progress": 0},
    ]  # fmt: skip
    assert all(r["uuid"] for r in rows("SELECT uuid FROM goals"))


def test_goal_list_json_shape_and_order(goals):
    shown = listed(goals)
    assert set(shown[0]) == GOAL_KEYS
    assert [g["title"] for g in shown] == [
        "promotion case",
        "ship the warehouse pipeline",
        "talk at the meetup",
    ]
    assert [g["title"] for g in listed(goals, "sari")] == ["ship the warehouse pipeline"]


@pytest.mark.english
def test_goal_list_marks_overdue(goals):
    out = goals("goal", "list").stdout
    assert "overdue 27d" in out
    assert out.count("overdue") == 1


def test_check_ins_keep_their_history(goals, rows):
    assert goals("goal", "update", "1", "--progress", "30", "--note", "staging").exit_code == 0
    assert goals("goal", "update", "1", "--progress", "60").exit_code == 0
    assert goals("goal", "update", "1", "--note", "blocked on access").exit_code == 0
    [goal] = listed(goals, "sari")
    assert goal["progress"] == 60
    assert [(u["progress"], u["note"]) for u in goal["updates"]] == [
        (30, "staging"),
        (60, None),
        (None, "blocked on access"),
    ]
    assert goal["updates"][0]["at"] == "2026-11-28T18:00:00+07:00"


def test_done_and_drop_close_goals(goals, rows):
    assert goals("goal", "done", "3", "--note", "great talk").exit_code == 0
    assert goals("goal", "drop", "2", "priorities", "changed").exit_code == 0
    assert rows("SELECT id, status, progress, closed_at FROM goals WHERE id > 1 ORDER BY id") == [
        {"id": 2, "status": "dropped", "progress": 0, "closed_at": "2026-11-28T18:00:00+07:00"},
        {"id": 3, "status": "done", "progress": 100, "closed_at": "2026-11-28T18:00:00+07:00"},
    ]
    assert [g["id"] for g in listed(goals)] == [1]
    closed = {g["id"]: g for g in listed(goals, "--all")}
    assert closed[2]["updates"][-1]["note"] == "priorities changed"


@pytest.mark.parametrize(
    "args, code, message",
    [
        (("goal", "update", "1", "--progress", "101"), 2, "--progress 101 is out of range"),
        (("goal", "update", "1", "--progress", "-1"), 2, "--progress -1 is out of range"),
        (("goal", "update", "1"), 2, "give --progress, --note or both"),
        (("goal", "update", "99", "--progress", "5"), 1, "no goal with id 99"),
        (("goal", "done", "99"), 1, "no goal with id 99"),
        (("goal", "drop", "99"), 1, "no goal with id 99"),
        (("goal", "add", "nobody", "x"), 1, "no partner called 'nobody'"),
        (("goal", "add", "sari", "x", "--owner", "boss"), 2, "--owner 'boss' is not one of"),
        (("goal", "add", "sari", "x", "--due", "someday"), 2, "cannot understand the date"),
        (("goal", "add", "sari", " "), 2, "a goal needs a title"),
    ],
)
@pytest.mark.english
def test_goal_bad_input_changes_nothing(goals, unchanged, args, code, message):
    with unchanged():
        result = goals(*args)
    assert result.exit_code == code
    assert message in result.stderr


@pytest.mark.english
def test_closing_a_closed_goal_changes_nothing(goals, unchanged):
    goals("goal", "done", "3")
    with unchanged():
        for args in (
            ("goal", "done", "3"),
            ("goal", "drop", "3"),
            ("goal", "update", "3", "--progress", "5"),
        ):
            result = goals(*args)
            assert result.exit_code == 1
            assert "goal #3 is already done" in result.stderr


@pytest.mark.english
def test_undo_of_a_check_in_restores_the_previous_progress(goals, rows):
    goals("goal", "update", "1", "--progress", "30")
    goals("goal", "update", "1", "--progress", "60")
    result = goals("undo", "--yes")
    assert "check-in on goal #1 60%" in result.stderr
    assert rows("SELECT progress FROM goals WHERE id = 1") == [{"progress": 30}]


def test_archiving_keeps_goals_and_deleting_is_refused_while_history_exists(goals, journal_path):
    from partnerlog.errors import Conflict
    from partnerlog.store import Journal

    goals("partner", "archive", "sari")
    assert [g["partner"] for g in listed(goals, "--all") if g["id"] == 1] == ["sari"]
    journal = Journal.open(journal_path)
    with pytest.raises(Conflict), journal.transaction():
        journal.delete_partner(journal.partners(include_archived=True)[-1].id)
    journal.close()


def test_goal_edit_fixes_what_was_typed_and_reopen_undoes_a_wrong_close(goals, rows, unchanged):
    assert goals("goal", "edit", "1", "--title", "ship the pipeline", "--due", "2027-02-01",
                 "--owner", "me").exit_code == 0  # fmt: skip
    [goal] = rows("SELECT title, due_on, owner FROM goals WHERE id = 1")
    assert goal == {"title": "ship the pipeline", "due_on": "2027-02-01", "owner": "me"}
    assert goals("goal", "edit", "1", "--due", "none").exit_code == 0
    assert rows("SELECT due_on FROM goals WHERE id = 1") == [{"due_on": None}]
    with unchanged():
        assert goals("goal", "edit", "1").exit_code == 2
        assert goals("goal", "edit", "99", "--title", "x").exit_code == 1
        assert goals("goal", "reopen", "1").exit_code == 1  # open already
    assert goals("goal", "done", "1").exit_code == 0
    assert goals("goal", "reopen", "1").exit_code == 0
    assert rows("SELECT status, closed_at FROM goals WHERE id = 1") == [
        {"status": "open", "closed_at": None}
    ]


@pytest.mark.english
def test_a_goal_of_your_own(team, rows, tmp_path):
    result = team("goal", "add", "me", "learn to present", "--due", "2027-03-01")
    assert result.exit_code == 0 and "Added goal #1 with yourself" in result.stderr
    assert rows("SELECT partner_id, owner FROM goals") == [{"partner_id": None, "owner": "me"}]
    listed = json.loads(team("goal", "list", "--json").stdout)
    assert listed[0]["partner"] == "me"
    assert team("goal", "update", "1", "--progress", "30").exit_code == 0
    assert team("summary").exit_code == 0 and team("report").exit_code == 0
    path = tmp_path / "e.json"
    team("export", "-o", str(path))
    other = tmp_path / "o.db"
    assert team("--db", str(other), "import", str(path)).exit_code == 0
    moved = json.loads(team("--db", str(other), "goal", "list", "--json").stdout)
    assert [(g["partner"], g["title"], g["progress"]) for g in moved] == [
        ("me", "learn to present", 30)
    ]
