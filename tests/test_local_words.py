"""Indonesian words are accepted wherever a choice is typed (pillars, benefits,
places, owners, polarities, relations, kinds of partner) and stored as the
language-neutral key; a word that names nothing, or two things, is refused."""

import pytest


def test_indonesian_words_are_stored_as_their_keys(team, rows):
    result = team("log", "sari", "makan siang di warung", "-p", "kedekatan,Saling-Pengertian",
                  "-b", "kesehatan mental", "-b", "relasi", "-s", "di luar")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    [entry] = rows("SELECT id, setting FROM interactions")
    assert entry["setting"] == "outside"
    pillars = rows("SELECT pillar FROM interaction_pillars ORDER BY pillar")
    benefits = rows("SELECT benefit FROM interaction_benefits ORDER BY benefit")
    assert [p["pillar"] for p in pillars] == ["bond", "understanding"]
    assert [b["benefit"] for b in benefits] == ["network", "wellbeing"]


def test_owners_polarities_relations_and_kinds_in_indonesian(team, rows):
    assert team("goal", "add", "sari", "Migrasi", "--owner", "bersama").exit_code == 0
    assert team("trait", "add", "me", "kelemahan", "public speaking").exit_code == 0
    assert team("trait", "add", "sari", "kelebihan", "SQL").exit_code == 0
    assert team("partner", "add", "Rina Kusuma", "--relation", "bawahan", "--kind", "kolega")
    assert rows("SELECT owner FROM goals") == [{"owner": "shared"}]
    polarities = rows("SELECT polarity FROM traits ORDER BY id")
    assert [t["polarity"] for t in polarities] == ["weakness", "strength"]
    [rina] = rows("SELECT relation, kind FROM partners WHERE handle = 'rina'")
    assert rina == {"relation": "subordinate", "kind": "colleague"}


@pytest.mark.parametrize("pillar", ["saling", "persahabatan", ""])
def test_a_word_that_names_nothing_or_two_things_is_refused(team, unchanged, pillar):
    with unchanged():
        result = team("log", "sari", "x", "-p", pillar)
    assert result.exit_code == 2
    assert result.stderr.startswith("partnerlog: ") and result.stderr.count("\n") == 1


def test_the_refusal_lists_the_words_in_the_language_spoken(team, unchanged):
    with unchanged():
        result = team("--lang", "id", "log", "sari", "x", "-p", "persahabatan")
    assert result.exit_code == 2
    assert "komunikasi, kedekatan, saling pengertian, tujuan bersama, saling melengkapi" in (
        result.stderr
    )
