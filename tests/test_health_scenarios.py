"""Situations a person would recognise, and what the dashboard says of each.

Each test names the situation in plain words, builds the facts the journal
would hold, and checks the status, the reasons that must be there, and the kind
of step suggested. The pure model, with a fixed "now" (Saturday 28 November
2026, 18:00 in Jakarta).
"""

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from partnerlog.core import health, tally
from partnerlog.core.health import Facts, score_partnership
from partnerlog.core.records import Goal, GoalUpdate, Pair, Partner, Trait

WIB = timezone(timedelta(hours=7))
NOW = datetime(2026, 11, 28, 18, 0, tzinfo=WIB)


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def situation(
    *,
    added_days_ago: int = 400,
    relation: str = "peer",
    cadence: int | None = None,
    contacts=(),
    goals=(),
    pairs=(),
    traits=(),
    my_traits=(),
    name: str = "Ayu Lestari",
):
    """The verdict on a partnership; ``contacts`` are (days ago, kind, setting, tone, pillars)."""
    built = [
        tally.contact(ago(days), kind, setting, tone, pillars)
        for days, kind, setting, tone, pillars in (
            (c + (None, None, ())[len(c) - 2 :] if len(c) < 5 else c) for c in contacts
        )
    ]
    moments = [ago(c[0]) for c in contacts]
    partner = Partner(
        handle="ayu", name=name, relation=relation, cadence_days=cadence,
        created_at=ago(added_days_ago).isoformat(), id=1,
    )  # fmt: skip
    facts = Facts(
        partner=partner,
        last_contact=max(moments, default=None),
        first_contact=min(moments, default=None),
        contacts=built,
        goals=list(goals),
        pairs=list(pairs),
        total_contacts=len(built),
        traits=list(traits),
        my_traits=list(my_traits),
    )
    return score_partnership(facts, NOW)


def goal(title="ship it", owner="shared", due_in=None, check_ins=(), created_days_ago=100):
    return Goal(
        partner="ayu", partner_id=1, title=title, owner=owner,
        due_on=(NOW + timedelta(days=due_in)).date().isoformat() if due_in is not None else None,
        updates=[GoalUpdate(at=ago(d).isoformat(), progress=10) for d in check_ins],
        created_at=ago(created_days_ago).isoformat(),
    )  # fmt: skip


def trait(subject, polarity, area):
    return Trait(subject=subject, polarity=polarity, area=area, label=area)


# Two complements each way: full marks for the complement pillar.
FOUR_PAIRS = [Pair("a", "ayu", "me"), Pair("b", "ayu", "me"), Pair("c", "me", "ayu"),
              Pair("d", "me", "ayu")]  # fmt: skip


def said(verdict) -> str:
    return " | ".join(verdict.reasons)


def weekly(kind="chat", setting=None, pillars=(), span=90, every=7, tone=None):
    return [(d, kind, setting, tone, pillars) for d in range(1, span, every)]


# -- the situations ------------------------------------------------------------------------


def test_a_boss_added_today_with_a_review_logged_50_days_ago_is_lapsed_not_new():
    result = situation(added_days_ago=0, relation="superior", contacts=[(50, "review")])
    assert result.status in ("drifting", "at-risk")
    assert "overdue by 36 days" in said(result)
    assert result.next_step == "last contact 50 days ago — ask Ayu for 15 minutes this week"


def test_a_peer_added_ten_days_ago_with_three_coffees_is_new_and_doing_well():
    result = situation(
        added_days_ago=10,
        contacts=[(9, "coffee", None, None, ("bond", "understanding")),
                  (5, "coffee", None, None, ("bond", "understanding")),
                  (1, "coffee", None, None, ("bond", "understanding"))],
    )  # fmt: skip
    assert result.status == "new"
    assert result.score >= 45
    assert "overdue" not in said(result)


def test_someone_just_added_and_not_met_yet_is_new_with_a_hello():
    result = situation(added_days_ago=3)
    assert result.status == "new"
    assert result.next_step.startswith("say hello to Ayu")


def test_someone_added_forty_days_ago_and_never_met_is_at_risk():
    result = situation(added_days_ago=40)
    assert result.status == "at-risk"
    assert "never met since you added them 40 days ago" in said(result)
    assert result.next_step == "never in touch yet — say hello to Ayu this week"


def test_a_new_relationship_met_once_is_getting_to_know():
    result = situation(added_days_ago=12, contacts=[(4, "chat")])
    assert result.status == "new"
    assert result.next_step.startswith("get to know Ayu")


def test_a_peer_not_seen_for_forty_days_is_reconnected_with():
    result = situation(contacts=[(40, "lunch", "outside"), (60, "chat")])
    assert result.status == "drifting"  # overdue, not yet three fortnights
    assert result.next_step == "last contact 40 days ago — check in with Ayu this week"


def test_someone_you_lead_not_seen_for_three_weeks_gets_a_one_on_one():
    result = situation(relation="subordinate", contacts=[(21, "1on1"), (35, "1on1")])
    assert result.status in ("drifting", "at-risk")
    assert result.next_step == "last contact 21 days ago — book a 1:1 with Ayu this week"


def test_a_colleague_elsewhere_not_heard_from_in_ten_weeks_gets_a_note():
    result = situation(relation="external", contacts=[(70, "call")])
    assert "overdue by 40 days" in said(result)
    assert result.next_step == "last contact 70 days ago — send Ayu a note this week"


def test_a_thriving_partnership_whose_tone_sours_over_a_month_is_at_risk():
    good = weekly("lunch", "outside", ("communication", "bond"), tone=2)
    sour = [(d, k, s, (-1 if d < 30 else 2), p) for d, k, s, _, p in good]
    happy = situation(contacts=good, goals=[goal(check_ins=[3])],
                      pairs=[Pair("sql", "ayu", "me"), Pair("go", "me", "ayu")])  # fmt: skip
    souring = situation(contacts=sour, goals=[goal(check_ins=[3])],
                        pairs=[Pair("sql", "ayu", "me"), Pair("go", "me", "ayu")])  # fmt: skip
    assert happy.status == "thriving"
    assert souring.status == "at-risk" and "tone falling" in said(souring)


def test_seeing_someone_only_in_group_meetings_suggests_time_outside():
    result = situation(contacts=weekly("meeting", "office", ("understanding", "communication")),
                       goals=[goal(check_ins=[3])],
                       pairs=FOUR_PAIRS)  # fmt: skip
    assert result.pillars["bond"] == 0
    assert result.next_step == "no time outside the office in 90 days — invite Ayu for lunch"


def test_a_custom_three_day_cadence_is_overdue_after_four_days():
    result = situation(cadence=3, contacts=weekly(every=3)[1:])
    assert result.due and result.status != "thriving"
    assert "cadence 3" in said(result)


def test_goals_on_track_are_no_problem():
    result = situation(contacts=weekly(pillars=("communication",)),
                       goals=[goal(due_in=30, check_ins=[5])])  # fmt: skip
    assert result.pillars["goals"] == 20
    assert "goal '" not in said(result)


def test_an_overdue_goal_is_named_even_when_another_pillar_is_weaker():
    result = situation(
        contacts=weekly("lunch", "outside", ("communication", "bond")),
        goals=[goal(due_in=-20, check_ins=[50])],
    )
    assert "goal 'ship it' is 20 days overdue, no check-in for a month" in said(result)
    assert "weakest pillar: complement" in said(result)


def test_a_goal_nobody_has_touched_for_two_months_is_named():
    result = situation(contacts=weekly(), goals=[goal(check_ins=[70])])
    assert "goal 'ship it' has not moved in 70 days" in said(result)


def test_matched_strengths_suggest_learning_from_each_other():
    result = situation(
        contacts=weekly("lunch", "outside", ("communication", "bond", "goals")),
        goals=[goal(check_ins=[2])],
        pairs=[Pair("public speaking", "ayu", "me", "public speaking")],
    )
    assert result.next_step == "learn from Ayu: ask how they approach public speaking"


def test_traits_that_do_not_meet_name_where_one_side_is_strong():
    result = situation(
        contacts=weekly("lunch", "outside", ("communication", "bond", "goals")),
        goals=[goal(check_ins=[2])],
        traits=[trait("ayu", "strength", "negotiation"), trait("ayu", "weakness", "design")],
        my_traits=[trait("me", "weakness", "sql")],
    )
    assert result.next_step.startswith("Ayu is strong in negotiation, which you have not said")
    assert "trait add me weakness negotiation" in result.next_step


def test_my_strength_they_have_not_spoken_of_is_offered():
    result = situation(
        contacts=weekly("lunch", "outside", ("communication", "bond", "goals")),
        goals=[goal(check_ins=[2])],
        traits=[trait("ayu", "weakness", "design")],
        my_traits=[trait("me", "strength", "sql")],
    )
    assert result.next_step == "you are strong in sql: ask whether Ayu would like a hand with it"


def test_no_traits_at_all_asks_to_note_them():
    result = situation(contacts=weekly("lunch", "outside", ("communication", "bond", "goals")),
                       goals=[goal(check_ins=[2])])  # fmt: skip
    assert result.next_step.startswith("note what Ayu is strong and weak at")


def test_a_long_absence_then_a_return_is_not_overdue():
    result = situation(contacts=[(1, "coffee", "outside"), (120, "lunch"), (130, "lunch")])
    assert not result.due and "overdue" not in said(result)
    assert result.status != "new"


def test_a_superior_seen_often_but_without_candour_is_asked_for_feedback():
    result = situation(relation="superior",
                       contacts=weekly("lunch", "outside", ("bond", "goals"), every=5),
                       goals=[goal(check_ins=[2])],
                       pairs=FOUR_PAIRS)  # fmt: skip
    assert result.next_step == "ask Ayu for honest feedback on your work, and share a doubt"


def test_someone_you_lead_without_candour_is_asked_what_gets_in_the_way():
    result = situation(relation="subordinate",
                       contacts=weekly("lunch", "outside", ("bond", "goals"), every=3),
                       goals=[goal(check_ins=[2])],
                       pairs=FOUR_PAIRS)  # fmt: skip
    assert result.next_step == "in your next 1:1, ask Ayu what gets in their way"


def test_a_colleague_elsewhere_seen_rarely_is_asked_about_their_network():
    result = situation(relation="external",
                       contacts=[(5, "drinks", "outside", None, ("bond", "communication")),
                                 (10, "drinks", "outside", None, ("bond", "communication")),
                                 (15, "drinks", "outside", None, ("bond", "communication")),
                                 (20, "drinks", "outside", None, ("bond", "communication"))],
                       goals=[goal(check_ins=[2])],
                       pairs=FOUR_PAIRS)  # fmt: skip
    assert result.next_step.startswith("ask Ayu about their work and network")


# -- through the real program ---------------------------------------------------------------


def test_an_archived_partner_leaves_the_dashboard(team):
    team("partner", "archive", "maria")
    handles = [v["handle"] for v in json.loads(team("summary", "--json").stdout)]
    assert "maria" not in handles and "sari" in handles


@pytest.mark.english
def test_a_partner_seen_only_in_private_is_never_met_in_a_report(team):
    team("log", "jose", "private talk", "-w", "yesterday", "--private")
    report = team("report", "jose").stdout
    assert "| never |" in report


# -- the README and the code say the same ---------------------------------------------------


def test_the_readme_states_the_models_rules():
    from partnerlog.core import status

    readme = " ".join((Path(__file__).parent.parent / "README.md").read_text().split())
    assert f"younger than {status.NEW_DAYS} days" in readme
    assert f"a score of {status.THRIVING} or more" in readme
    assert f"{('', 'once', 'twice', 'three times')[status.FAR_OVERDUE]} the cadence" in readme
    assert f"{('', 'once', 'twice', 'three times')[status.NEVER_MET]} the cadence" in readme
    assert f"more than {status.BROKEN_PROMISE_DAYS} days past its date" in readme
    assert f"the last {status.RECENT_RATED} rated interactions" in readme
    assert f"at least {status.BASELINE_RATED} before them" in readme
    assert f"{status.TONE_DROP:g} or more below" in readme
    assert f"the last {status.GROWING_GAPS} gaps" in readme
    assert re.search(rf"five pillars of 0–{health.PILLAR_POINTS} each", readme)


def test_the_model_documents_its_rules_beside_the_code():
    from partnerlog.core import status

    doc = " ".join((status.__doc__ or "").split())
    for name in ("NEW_DAYS", "THRIVING", "FAR_OVERDUE", "NEVER_MET", "BROKEN_PROMISE_DAYS",
                 "GROWING_GAPS", "RECENT_RATED", "BASELINE_RATED", "TONE_DROP"):  # fmt: skip
        assert name in doc, name
