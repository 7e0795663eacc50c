import json
import re

import pytest

TRAIT_KEYS = {"id", "uuid", "subject", "polarity", "area", "label", "note"}


@pytest.fixture
def traits(team):
    for args in (
        ("me", "strength", "SQL"),
        ("me", "weakness", "Public Speaking"),
        ("me", "weakness", "negotiation"),
        ("sari", "strength", "public_speaking"),
        ("sari", "weakness", "sql", "--note", "avoids joins"),
        ("jose", "weakness", "SQL"),
        ("budi", "strength", "Public", "speaking"),
    ):
        assert team("trait", "add", *args).exit_code == 0
    return team


def test_trait_add_keeps_the_label_and_normalises_the_area(traits, rows):
    assert rows("SELECT partner_id, polarity, area, label FROM traits WHERE id = 2") == [
        {"partner_id": None, "polarity": "weakness", "area": "public-speaking",
         "label": "Public Speaking"}
    ]  # fmt: skip
    assert rows("SELECT label FROM traits WHERE id = 7") == [{"label": "Public speaking"}]


@pytest.mark.english
def test_the_same_trait_twice_says_so_and_adds_nothing(traits, unchanged):
    with unchanged():
        result = traits("trait", "add", "me", "weak", "  public-SPEAKING ")
    assert result.exit_code == 0
    assert "Already recorded as #2" in result.stderr


def test_trait_list_json(traits):
    mine = json.loads(traits("trait", "list", "me", "--json").stdout)
    assert set(mine[0]) == TRAIT_KEYS
    assert [(t["subject"], t["polarity"], t["area"]) for t in mine] == [
        ("me", "strength", "sql"),
        ("me", "weakness", "negotiation"),
        ("me", "weakness", "public-speaking"),
    ]
    sari = json.loads(traits("trait", "list", "sari", "--json").stdout)
    assert [t["note"] for t in sari] == [None, "avoids joins"]
    assert len(json.loads(traits("trait", "list", "--json").stdout)) == 7


def test_trait_remove(traits, rows):
    assert traits("trait", "remove", "6").exit_code == 2  # no terminal, no --yes: asked
    assert traits("trait", "remove", "6", "--yes").exit_code == 0
    assert rows("SELECT count(*) AS n FROM traits") == [{"n": 6}]


@pytest.mark.parametrize(
    "args, code, message",
    [
        (("trait", "add", "me", "talent", "SQL"), 2, "polarity 'talent' is not one of"),
        (("trait", "add", "me", "strength", "!!"), 2, "needs at least one letter"),
        (("trait", "add", "nobody", "strength", "x"), 1, "no partner called 'nobody'"),
        (("trait", "remove", "99"), 1, "no trait with id 99"),
        (("complement", "--area", "--"), 2, "needs at least one letter"),
    ],
)
@pytest.mark.english
def test_trait_bad_input_changes_nothing(traits, unchanged, args, code, message):
    with unchanged():
        result = traits(*args)
    assert result.exit_code == code
    assert message in result.stderr


def complement(run, *args):
    return json.loads(run("complement", *args, "--json").stdout)


@pytest.mark.english
def test_complement_both_directions_and_uncovered_gaps(traits, monkeypatch):
    assert complement(traits) == [
        {"area": "negotiation", "strong": None, "weak": "me"},
        {"area": "public-speaking", "strong": "budi", "weak": "me"},
        {"area": "public-speaking", "strong": "sari", "weak": "me"},
        {"area": "sql", "strong": "me", "weak": "jose"},
        {"area": "sql", "strong": "me", "weak": "sari"},
    ]
    piped = traits("complement").stdout.splitlines()
    assert piped[0] == "area\tstrong\tweak" and "SQL\tme\tJosé Álvarez" in piped
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    out = re.sub(r"\x1b\[[0-9;]*m", "", traits("complement").stdout)  # (bold, underline)
    assert "Who covers my weaknesses" in out and "Budi Santoso is strong" in out
    assert "I can help José Álvarez" in out
    assert "My weaknesses nobody covers yet" in out and "negotiation" in out


def test_complement_for_one_partner(traits):
    assert complement(traits, "sari") == [
        {"area": "public-speaking", "strong": "sari", "weak": "me"},
        {"area": "sql", "strong": "me", "weak": "sari"},
    ]


def test_complement_area_answers_who_can_help_me(traits):
    assert complement(traits, "--area", "Public Speaking") == [
        {"area": "public-speaking", "strong": "budi", "weak": "me"},
        {"area": "public-speaking", "strong": "sari", "weak": "me"},
    ]
    assert complement(traits, "--area", "negotiation") == [
        {"area": "negotiation", "strong": None, "weak": "me"}
    ]
    traits("trait", "add", "maria", "strength", "python")
    # Not written down as my weakness, but Maria can still help.
    assert complement(traits, "--area", "Python") == [
        {"area": "python", "strong": "maria", "weak": "me"}
    ]


def test_complement_leaves_out_archived_partners(traits):
    traits("partner", "archive", "budi")
    assert {"area": "public-speaking", "strong": "budi", "weak": "me"} not in complement(traits)


@pytest.mark.english
def test_partner_show_has_goals_traits_and_complement(traits):
    traits("goal", "add", "sari", "pipeline")
    traits("goal", "update", "1", "--progress", "40", "--note", "staging works")
    shown = json.loads(traits("partner", "show", "sari", "--json").stdout)
    assert [g["title"] for g in shown["goals"]] == ["pipeline"]
    assert [t["area"] for t in shown["traits"]] == ["public-speaking", "sql"]
    assert shown["complement"] == [
        {"area": "public-speaking", "strong": "sari", "weak": "me"},
        {"area": "sql", "strong": "me", "weak": "sari"},
    ]
    out = traits("partner", "show", "sari").stdout
    assert "pipeline" in out and "staging works" in out and "avoids joins" in out
    assert "I can help Sari Wulandari" in out


def test_area_completion_offers_known_areas(traits):
    from partnerlog.cli.completion import complete_area

    class Root:
        params: dict = {}

    class Ctx:
        def find_root(self):
            return Root()

    # Shells keep only what starts with what was typed: the key when the case differs.
    assert [label for label, _ in complete_area(Ctx(), "Pub")] == ["Public Speaking"]
    assert [label for label, _ in complete_area(Ctx(), "pub")] == ["public-speaking"]
