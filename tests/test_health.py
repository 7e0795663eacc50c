"""The partnership model, table-driven with a fixed "now"."""

from datetime import datetime, timedelta, timezone

import pytest

from partnerlog.core import tally
from partnerlog.core.contact import contact_gap, due_partners
from partnerlog.core.health import Facts, attention_order, score_partnership
from partnerlog.core.records import Goal, GoalUpdate, Pair, Partner
from partnerlog.core.tally import weekly_counts

WIB = timezone(timedelta(hours=7))
NOW = datetime(2026, 11, 28, 18, 0, tzinfo=WIB)
LONG_AGO = "2025-01-01T00:00:00+00:00"


def partner(relation="peer", cadence=None, created=LONG_AGO, name="Sari Wulandari", handle="sari"):
    return Partner(
        handle=handle, name=name, relation=relation, cadence_days=cadence, created_at=created, id=1
    )


def contact(days_ago, kind="chat", setting=None, tone=None, pillars=(), benefits=()):
    return tally.contact(NOW - timedelta(days=days_ago), kind, setting, tone, pillars, benefits)


def facts(contacts=(), goals=(), pairs=(), **partner_args):
    contacts = list(contacts)
    return Facts(
        partner=partner(**partner_args),
        last_contact=max((datetime.fromtimestamp(c[0], WIB) for c in contacts), default=None),
        contacts=contacts,
        goals=list(goals),
        pairs=list(pairs),
        total_contacts=len(contacts),
    )


def verdict(*args, **kwargs):
    return score_partnership(facts(*args, **kwargs), NOW)


# -- cadence ---------------------------------------------------------------


@pytest.mark.parametrize(
    "relation, cadence, expected",
    [("subordinate", None, 7), ("peer", None, 14), ("superior", None, 14),
     ("external", None, 30), ("peer", 3, 3)],
)  # fmt: skip
def test_cadence_defaults_by_relation(relation, cadence, expected):
    assert verdict([contact(1)], relation=relation, cadence=cadence).cadence_days == expected


@pytest.mark.parametrize(
    "days_ago, due, overdue",
    [(0, False, 0), (14, False, 0), (15, True, 1), (60, True, 46)],
)
def test_due_and_overdue_days(days_ago, due, overdue):
    result = verdict([contact(days_ago)])
    assert (result.due, result.overdue_days, result.days_since) == (due, overdue, days_ago)


def test_never_contacted_is_counted_from_when_they_were_added():
    added = (NOW - timedelta(days=20)).isoformat()
    assert contact_gap(partner(created=added), None, NOW) == (None, 20, 6)


# -- each pillar's edges -----------------------------------------------------


@pytest.mark.parametrize(
    "contacts, expected",
    [
        ([], 0),
        ([contact(14)], 15),  # within cadence, no open conversation
        ([contact(14, pillars=["communication"])], 18),
        ([contact(14, pillars=["communication"]), contact(20, pillars=["communication"])], 20),
        ([contact(28)], 8),  # two cadences: halfway
        ([contact(42)], 0),  # three cadences: nothing
        ([contact(60)], 0),
    ],
)
def test_communication(contacts, expected):
    assert verdict(contacts).pillars["communication"] == expected


@pytest.mark.parametrize(
    "contacts, expected",
    [
        ([contact(1)], 0),
        ([contact(1, pillars=["bond"])], 8),
        ([contact(1, setting="outside")], 8),
        ([contact(d, setting="outside") for d in (1, 2)], 12),
        ([contact(d, setting="outside") for d in (1, 2, 3)], 16),
        ([contact(d, setting="outside") for d in (1, 2, 3, 4, 5)], 20),
        ([contact(95, setting="outside")], 0),  # outside the 90-day window
    ],
)
def test_bond(contacts, expected):
    assert verdict(contacts).pillars["bond"] == expected


@pytest.mark.parametrize(
    "contacts, expected",
    [
        ([], 0),
        ([contact(1)], 2 + 2),  # 1 of ~6 expected → 2, one kind → 2
        ([contact(d * 10) for d in range(7)], 14 + 2),
        ([contact(d * 10, kind=k) for d, k in enumerate(["a", "b", "c", "a", "b", "c", "a"])], 20),
    ],
)
def test_understanding(contacts, expected):
    assert verdict(contacts).pillars["understanding"] == expected


def goal(status="open", owner="shared", due=None, updates=(), closed=None):
    return Goal(
        partner="sari",
        title="ship it",
        owner=owner,
        status=status,
        due_on=due,
        updates=[
            GoalUpdate(at=(NOW - timedelta(days=d)).isoformat(), progress=10) for d in updates
        ],
        closed_at=closed,
    )


@pytest.mark.parametrize(
    "goals, contacts, expected",
    [
        ([], [contact(1)], 0),
        ([], [contact(1, pillars=["goals"])], 6),
        ([goal(owner="me")], [], 10),
        ([goal()], [], 14),
        ([goal(updates=[3])], [], 20),
        ([goal(updates=[40])], [], 14),
        ([goal(status="done", closed=(NOW - timedelta(days=5)).isoformat())], [], 20),
        ([goal(status="done", closed=(NOW - timedelta(days=200)).isoformat())], [], 0),
        ([goal(status="dropped", closed=(NOW - timedelta(days=5)).isoformat())], [], 0),
        ([goal(due="2026-11-01")], [], 8),  # 27 days overdue: 10 + 4 − 6
        ([goal(due="2026-11-01", updates=[2])], [], 14),  # checked in, still overdue
        ([goal(due="2026-10-01", updates=[2])], [], 10),  # over a month overdue: − 10
    ],
)
def test_goals(goals, contacts, expected):
    assert verdict(contacts or [contact(1)], goals=goals).pillars["goals"] == expected


@pytest.mark.parametrize(
    "pairs, contacts, expected",
    [
        ([], [contact(1)], 0),
        ([], [contact(1, pillars=["complement"])], 6),
        ([Pair("sql", "me", "sari")], [contact(1)], 7),
        ([Pair("speaking", "sari", "me")], [contact(1)], 7),
        ([Pair("speaking", "sari", "me"), Pair("sql", "me", "sari")], [contact(1)], 14),
        ([Pair(a, "sari", "me") for a in "xyz"] + [Pair(a, "me", "sari") for a in "uv"], [], 20),
    ],
)
def test_complement(pairs, contacts, expected):
    assert verdict(contacts or [contact(1)], pairs=pairs).pillars["complement"] == expected


# -- statuses ----------------------------------------------------------------


def thriving_facts(shift=0, tone=None):
    """Weekly lunches (tone +1) and two reviews, ``shift`` days earlier, with
    ``tone(days_ago)`` as every contact's tone when given."""
    weekly_lunches = [
        contact(
            d + shift,
            kind="lunch",
            setting="outside",
            tone=tone(d + shift) if tone else 1,
            pillars=["bond", "understanding"],
        )
        for d in range(1, 90, 7)
    ]
    reviews = [
        contact(
            d + shift,
            kind="review",
            tone=tone(d + shift) if tone else None,
            pillars=["communication", "complement"],
        )
        for d in (3, 30)
    ]
    return dict(
        contacts=weekly_lunches + reviews,
        goals=[goal(updates=[5])],
        pairs=[Pair("speaking", "sari", "me"), Pair("sql", "me", "sari")],
    )


def test_seen_weekly_outside_with_a_shared_goal_and_complements_is_thriving():
    result = verdict(**thriving_facts())
    assert result.status == "thriving"
    assert result.score >= 90
    assert result.reasons[0].startswith("score ")


def test_sixty_days_without_contact_at_a_14_day_cadence_is_at_risk():
    result = verdict([contact(60, kind="lunch", setting="outside"), contact(80)])
    assert result.due and result.status == "at-risk"
    assert "overdue by 46 days" in " ".join(result.reasons)
    assert result.next_step == "last contact 60 days ago — check in with Sari this week"


@pytest.mark.parametrize(
    "days_ago, expected",
    [(10, "thriving"), (16, "drifting"), (29, "drifting"), (42, "at-risk")],
)
def test_being_overdue_is_drifting_and_far_overdue_at_risk(days_ago, expected):
    assert verdict(**thriving_facts(shift=days_ago - 1)).status == expected


def test_regular_contact_is_steady_whatever_the_depth_and_thriving_with_it():
    shallow = verdict([contact(1)])  # 15 + 0 + 4 + 0 + 0 = 19, seen yesterday
    assert shallow.score < 25 and shallow.status == "steady"
    steady = [contact(d, kind=k, pillars=["communication"]) for d, k in [(1, "a"), (20, "b")]]
    steady += [contact(5, setting="outside")]
    result = verdict(steady, goals=[goal(owner="me")])
    assert 45 <= result.score < 70 and result.status == "steady"
    assert verdict(**thriving_facts()).status == "thriving"


def test_new_partners_are_new_until_known_a_month():
    recent = (NOW - timedelta(days=5)).isoformat()
    result = verdict([contact(2)], created=recent)
    assert result.status == "new"
    assert result.next_step.startswith("get to know Sari")
    assert verdict([contact(2)], created=LONG_AGO).status != "new"


def test_a_tone_sinking_over_several_interactions_is_at_risk():
    result = verdict(**thriving_facts(tone=lambda days_ago: -1 if days_ago < 30 else 1))
    # The last three rated (−1) against the window's earlier ones (+1, and a −1).
    assert result.tone_trend == -1.5
    assert result.status == "at-risk"
    assert any(
        r.startswith("tone falling: +0.5 → -1.0 over the last 3 rated") for r in result.reasons
    )


def test_tone_average_and_trend():
    result = verdict([contact(5, tone=2), contact(10, tone=0), contact(40, tone=-1)])
    assert result.tone_avg_90d == 0.33
    assert result.tone_trend is None  # three rated: no baseline to compare with
    rated = [(5, 2), (10, 0), (15, 1), (40, 1), (50, 1), (60, 1)]
    result = verdict([contact(d, tone=t) for d, t in rated])
    assert result.tone_trend == 0.0  # the last three (1, 0, 2) against the three before (1, 1, 1)


# -- reasons and next steps -------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, step",
    [
        (dict(contacts=[contact(1, pillars=["communication"])] * 2 + [contact(2, kind="b")],
              goals=[goal(updates=[1])], pairs=[Pair("x", "sari", "me")] * 2 + [Pair("y", "me", "sari")] * 2),
         "no time outside the office in 90 days — invite Sari for lunch"),
        (dict(contacts=[contact(d, setting="outside", pillars=["communication"]) for d in range(1, 90, 5)],
              pairs=[Pair("x", "sari", "me")] * 2 + [Pair("y", "me", "sari")] * 2),
         "agree on one target with Sari that you both work towards (partnerlog goal add sari …)"),
        (dict(contacts=[contact(d, setting="outside", pillars=["communication"]) for d in range(1, 90, 5)],
              goals=[goal(due="2026-11-01")], pairs=[Pair("x", "sari", "me")] * 2 + [Pair("y", "me", "sari")] * 2),
         "goal 'ship it' is overdue — review it with Sari and reset the date"),
        (dict(contacts=[contact(d, setting="outside", pillars=["communication"]) for d in range(1, 90, 5)],
              goals=[goal(updates=[1])]),
         "note what Sari is strong and weak at (partnerlog trait add sari strength …) to see where you complement each other"),
        (dict(contacts=[contact(d, setting="outside", pillars=["communication"]) for d in range(1, 90, 5)],
              goals=[goal(updates=[1])], pairs=[Pair("public speaking", "sari", "me", "public speaking")]),
         "learn from Sari: ask how they approach public speaking"),
        (dict(contacts=[contact(d, kind=k, setting="outside") for d, k in zip(range(1, 8), "abcabca", strict=True)],
              goals=[goal(updates=[1])],
              pairs=[Pair("x", "sari", "me")] * 2 + [Pair("y", "me", "sari")] * 2),
         "speak openly with Sari: share a doubt or ask for honest feedback"),
    ],
)  # fmt: skip
def test_next_step_turns_the_weakest_pillar_into_a_suggestion(kwargs, step):
    assert verdict(**kwargs).next_step == step


def test_every_pillar_has_a_reason_in_plain_words():
    result = verdict([contact(3, kind="lunch", setting="outside")])
    assert result.pillar_reasons["bond"] == "1 time together beyond work in 90 days"
    assert result.pillar_reasons["goals"] == "no shared goals or plans"
    assert "within your 14-day cadence" in result.pillar_reasons["communication"]
    assert set(result.pillar_reasons) == set(result.pillars)


def test_benefit_profile_counts_the_window():
    result = verdict(
        [contact(1, benefits=["growth", "network"]), contact(5, benefits=["growth"]),
         contact(100, benefits=["wellbeing"])]
    )  # fmt: skip
    assert result.benefits == {
        "productivity": 0, "network": 1, "growth": 2, "wellbeing": 0, "environment": 0,
    }  # fmt: skip


def test_weekly_counts_oldest_first():
    counts = weekly_counts([contact(0), contact(6), contact(7), contact(83), contact(84)], NOW)
    assert counts == [1] + [0] * 9 + [1, 2]


def test_attention_order_puts_the_worst_first():
    at_risk = verdict([contact(60)])
    fine = verdict(**thriving_facts())
    new = verdict([contact(1)], created=(NOW - timedelta(days=3)).isoformat())
    ordered = sorted([fine, new, at_risk], key=attention_order)
    assert [v.status for v in ordered] == ["at-risk", "new", "thriving"]


def test_due_partners_most_overdue_first():
    a = partner(handle="a", name="A")
    b = partner(handle="b", name="B", relation="subordinate")
    b.id = 2
    c = partner(handle="c", name="C")
    c.id = 3
    found = due_partners(
        [a, b, c], {1: NOW - timedelta(days=20), 2: NOW - timedelta(days=30), 3: NOW}, NOW
    )
    assert [(d.handle, d.overdue_days) for d in found] == [("b", 23), ("a", 6)]


def test_the_weakest_pillar_is_the_first_of_the_lowest():
    from partnerlog.core.health import weakest_pillar

    scores = {"communication": 9, "bond": 3, "understanding": 12, "goals": 3, "complement": 4}
    assert weakest_pillar(scores, due=False) == "bond"
    assert weakest_pillar(dict.fromkeys(scores, 20), due=False) == "communication"
    assert weakest_pillar(scores, due=True) == "communication"
    scores["bond"] = 4
    assert weakest_pillar(scores, due=False) == "goals"
