"""How a partnership is going: pillars, score, status, reasons and the next step.

Pure: facts in, verdict out, with an injectable ``now``. Nothing here reads the
journal or prints.

The model, over a window (90 days unless asked otherwise), or over the part of
it the relationship has existed: a relationship begins when the partner was
added or at their first interaction, whichever came first, and a young one is
judged on its own pace. Each of the five pillars scores 0–20 and the score is
their sum (0–100):

- communication: 15 points for recency against the cadence (full within the
  cadence, none at three cadences, linear between) + 5 for candour: at least
  two interactions in the window that exercised `communication` (feedback,
  1:1s, reviews; fewer for a younger relationship). Seeing someone often is
  not the same as talking openly.
- bond: interactions that built the bond (pillar `bond`, or outside the office):
  0, 1, 2, 3, 4+ → 0, 8, 12, 16, 20 over a whole window, fewer needed for a
  younger relationship.
- understanding: 14 for frequency (interactions against what the cadence asks
  for in the window, capped) + 6 for variety (1, 2, 3+ kinds → 2, 4, 6).
- goals: an open or recently reached goal 10, a shared one +4, a check-in in
  the last 30 days or a goal reached in the window +6, an overdue goal −6
  (−10 once more than 30 days overdue), whatever its check-ins. Without goals, planning together (pillar `goals`)
  still earns 6.
- complement: matched strength↔weakness pairs, each direction 0, 1, 2+ → 0, 7,
  10. Without recorded traits, learning from each other (pillar
  `complement`) still earns 6.

The status word is not the score: `core.status` says it by rules a person
can check against the history (danger, slipping contact, then regular
contact with or without depth), and its reasons say why.

`reasons` name every problem, worst first (`advice.problems`): never met,
overdue contact, overdue or stalled goals, a falling tone, then the weakest
pillar. `next_step` picks the one most useful step (`advice.next_step`).
"""

import math
from datetime import datetime, timedelta

from partnerlog.core.advice import called, first_name, next_step, problems  # noqa: F401
from partnerlog.core.contact import contact_gap
from partnerlog.core.records import Goal, Pair, Record
from partnerlog.core.status import (  # noqa: F401 (NEW_DAYS, STATUS_ORDER: the model's words)
    BROKEN_PROMISE_DAYS,
    GROWING_GAPS,
    NEW_DAYS,
    RECENT_RATED,
    STATUS_ORDER,
    ToneEvidence,
    gaps_growing,
    status_of,
)
from partnerlog.core.tally import WEEKS, WINDOW_DAYS, Tally, tally_contacts  # noqa: F401
from partnerlog.core.vocabulary import BENEFITS, ME, PILLARS, pillar_name
from partnerlog.i18n import Msg, Msgs, joined

# Each pillar scores up to this many points; five of them make 100.
PILLAR_POINTS = 20


class Facts(Record):
    """What the journal knows about one partnership: the partner, their last
    contact, the contacts (see `contact`) of the window or more, goals, complement pairs, and
    how many contacts in all (the model only asks "fewer than three?")."""

    __slots__ = (
        "partner", "last_contact", "contacts", "goals", "pairs", "total_contacts", "first_contact",
        "traits", "my_traits", "follow_ups", "dates", "called",
    )  # fmt: skip
    _defaults = {
        "last_contact": None, "contacts": list, "goals": list, "pairs": list, "total_contacts": 0,
        "first_contact": None, "traits": list, "my_traits": list, "follow_ups": list,
        "dates": list, "called": None,
    }  # fmt: skip


class Reasons(dict):
    """pillar → why it scored so, each put in words the first time it is read: the
    dashboard reads none of them, `partner show` and the report all five."""

    def __getitem__(self, pillar: str):
        said = dict.__getitem__(self, pillar)
        if callable(said):
            said = said()
            dict.__setitem__(self, pillar, said)
        return said

    def words(self) -> dict:
        return {pillar: self[pillar] for pillar in self}


class Verdict(Record):
    """How one partnership is going (every field is given; see `to_json`)."""

    __slots__ = (
        "handle", "name", "kind", "relation", "last_contact", "days_since", "cadence_days", "due",
        "overdue_days", "interactions_30d", "interactions_90d", "tone_avg_90d", "tone_trend",
        "score", "pillars", "pillar_reasons", "status", "reasons", "next_step", "benefits",
        "weekly", "paused_until",
    )  # fmt: skip

    def to_json(self) -> dict:
        return {
            "handle": self.handle,
            "name": self.name,
            "kind": self.kind,
            "relation": self.relation,
            "last_contact": self.last_contact,
            "days_since": self.days_since,
            "cadence_days": self.cadence_days,
            "due": self.due,
            "interactions_30d": self.interactions_30d,
            "interactions_90d": self.interactions_90d,
            "tone_avg_90d": self.tone_avg_90d,
            "score": self.score,
            "pillars": dict(self.pillars),
            "status": self.status,
            "reasons": list(self.reasons),
            "next_step": self.next_step,
            "overdue_days": self.overdue_days,
            "tone_trend": self.tone_trend,
            "benefits": dict(self.benefits),
            "paused_until": self.paused_until,
        }


def score_partnership(facts: Facts, now: datetime, window_days: int = WINDOW_DAYS) -> Verdict:
    """The verdict on one partnership at ``now``."""
    partner = facts.partner
    first = facts.called or first_name(partner.name)
    cadence = partner.effective_cadence
    start = now - timedelta(days=window_days)
    tally = tally_contacts(facts.contacts, now, window_days)

    age_days = relationship_age(facts, now)
    # The part of the window the relationship has existed: a young one is
    # judged on its own pace, an old one on the whole window.
    span = max(1, min(window_days, age_days))
    days_since, reference_days, overdue_days = contact_gap(partner, facts.last_contact, now)
    if facts.last_contact is None:
        reference_days = min(reference_days, age_days)
        overdue_days = max(0, reference_days - cadence)
    due = overdue_days > 0

    scores: dict[str, int] = {}
    why: dict[str, str] = {}
    # Away, or back from a pause: the days away do not count against the cadence.
    recency_days = days_since
    if partner.paused_until and days_since is not None:
        recency_days = min(days_since, reference_days)
    late = [f for f in facts.follow_ups if f.mine and f.overdue_days(now.date())]
    scores["communication"], why["communication"] = _communication(
        recency_days, cadence, tally, window_days, span, late, now
    )
    scores["bond"], why["bond"] = _bond(tally, window_days, span)
    scores["understanding"], why["understanding"] = _understanding(
        tally, cadence, window_days, span
    )
    scores["goals"], why["goals"] = _goals(facts.goals, tally, now, start)
    scores["complement"], why["complement"] = _complement(facts.pairs, tally, partner.handle)
    score = sum(scores.values())

    in_90 = tally.tone_90
    tone_avg_90 = round(in_90[0] / in_90[1], 2) if in_90[1] else None
    tone = ToneEvidence(tally.rated)
    growing = not due and gaps_growing(tally.stamps, cadence)
    broken = any(f.overdue_days(now.date()) > BROKEN_PROMISE_DAYS for f in late)
    status = status_of(
        age_days=age_days, score=score, reference_days=reference_days, cadence=cadence,
        tone=tone, broken_promise=broken, growing=growing, never_met=facts.last_contact is None,
    )  # fmt: skip
    is_new = status == "new"
    reasons: list[str] = []
    if is_new:
        reasons.append(Msgs("new: known for {count} day", "new: known for {count} days", age_days))
    else:
        reasons.append(Msg("score {score}/100", score=score))
    reasons += problems(facts, now, days_since, overdue_days, cadence, age_days)
    if tone.falling or tone.low:
        reasons.append(_tone_reason(tone))
    if growing:
        reasons.append(_slipping_reason(tally.stamps))
    weakest = weakest_pillar(scores, due)
    if scores[weakest] < PILLAR_POINTS:
        why[weakest] = why[weakest]()  # in words now, once
        reasons.append(
            Msg("weakest pillar: {pillar} ({why})", pillar=pillar_name(weakest), why=why[weakest])
        )

    return Verdict(
        handle=partner.handle,
        name=partner.name,
        kind=partner.kind,
        relation=partner.relation,
        last_contact=facts.last_contact.isoformat() if facts.last_contact else None,
        days_since=days_since,
        cadence_days=cadence,
        due=due,
        overdue_days=overdue_days,
        interactions_30d=tally.count_30,
        interactions_90d=tally.count_90,
        tone_avg_90d=tone_avg_90,
        tone_trend=tone.trend,
        score=score,
        pillars=scores,
        pillar_reasons=Reasons(why),
        status=status,
        reasons=reasons,
        next_step=next_step(
            weakest, first, partner, facts, days_since, due, is_new, now, window_days
        ),
        benefits={benefit: tally.benefits.get(benefit, 0) for benefit in BENEFITS},
        weekly=tally.weekly,
        paused_until=partner.paused_until if partner.paused(now.date()) else None,
    )


def attention_order(verdict: Verdict) -> tuple:
    """Who needs attention most comes first: worst status, most overdue, lowest score."""
    return (
        STATUS_ORDER.index(verdict.status),
        -verdict.overdue_days,
        verdict.score,
        verdict.handle,
    )


def weakest_pillar(scores: dict[str, int], due: bool) -> str:
    """The pillar to work on. When contact is overdue, communication comes first."""
    if due:
        return "communication"
    return min(PILLARS, key=scores.__getitem__)  # on a tie, the first in PILLARS


# -- the pillars -------------------------------------------------------------


def _communication(days_since, cadence, tally, window_days, span, late, now) -> tuple[int, str]:
    if days_since is None:
        recency = 0.0
    elif days_since <= cadence:
        recency = 1.0
    else:
        recency = max(0.0, 1 - (days_since - cadence) / (2 * cadence))
    candid = tally.candid
    wanted = max(1, round(2 * span / window_days))  # two in a whole window
    candour = 5 if candid >= wanted else 3 if candid else 0
    if late:
        candour = 0  # saying what you will do and doing it: a promise of mine overdue
    return round(15 * recency) + candour, lambda: _communication_words(
        days_since, cadence, candid, window_days, late, now
    )


def _communication_words(days_since, cadence, candid, window_days, late, now) -> Msg:
    if days_since is None:
        said = [Msg("never in touch yet")]
    elif days_since <= cadence:
        said = [
            Msg(
                "in touch {when}, within your {cadence}-day cadence",
                when=_days(days_since),
                cadence=cadence,
            )
        ]
    else:
        said = [
            Msg(
                "last contact {days} days ago; you aim for every {cadence} days",
                days=days_since,
                cadence=cadence,
            )
        ]
    if candid:
        said.append(
            Msgs(
                "{count} open conversation in {window} days",
                "{count} open conversations in {window} days",
                candid,
                window=window_days,
            )
        )
    else:
        said.append(
            Msg("no open conversation (feedback, 1:1) in {window} days", window=window_days)
        )
    if late:
        worst = max(late, key=lambda f: f.overdue_days(now.date()))
        said.append(
            Msg(
                "you owe '{text}', {days} days overdue",
                text=worst.text,
                days=worst.overdue_days(now.date()),
            )
        )
        if len(late) > 1:
            said.append(Msg("and {count} more", count=len(late) - 1))
    return joined("; ", said)


def _bond(tally, window_days, span) -> tuple[int, str]:
    bonding = tally.bonding
    # Four times in a whole window is full marks; a younger relationship needs fewer.
    share = max(span / window_days, 0.25)
    points = (0, 8, 12, 16, 20)[min(4, math.ceil(bonding / share))]
    if not bonding:
        return 0, lambda: Msg("no time outside the office in {window} days", window=window_days)
    return points, lambda: Msgs(
        "{count} time together beyond work in {window} days",
        "{count} times together beyond work in {window} days",
        bonding,
        window=window_days,
    )


def _understanding(tally, cadence, window_days, span) -> tuple[int, str]:
    count = tally.count_window
    expected = max(1.0, span / cadence)
    frequency = min(1.0, count / expected)
    kinds = tally.kind_count
    variety = (0, 2, 4, 6)[min(kinds, 3)]
    if not count:
        return 0, lambda: Msg("no interactions in {window} days", window=window_days)
    return round(14 * frequency) + variety, lambda: joined(
        ", ",
        [
            Msg(
                "{interactions} {over} (your cadence asks for about {expected})",
                interactions=Msgs("{count} interaction", "{count} interactions", count),
                over=_over(span, window_days),
                expected=round(expected),
            ),
            Msgs("{count} kind", "{count} kinds", kinds),
        ],
    )


def _goals(goals: list[Goal], tally, now: datetime, start: datetime) -> tuple[int, str]:
    open_goals = [g for g in goals if g.status == "open"]
    reached = [g for g in goals if g.status == "done" and _after(g.closed_at, start)]
    planning = tally.planning
    if not open_goals and not reached:
        if planning:
            return 6, lambda: Msgs(
                "no written goal, but {count} planning conversation",
                "no written goal, but {count} planning conversations",
                planning,
            )
        return 0, lambda: Msg("no shared goals or plans")
    points = 10
    if any(g.owner == "shared" for g in open_goals + reached):
        points += 4
    recent_check_in = any(
        _after(u.at, now - timedelta(days=30)) for g in open_goals for u in g.updates
    )
    if recent_check_in or reached:
        points += 6
    # An overdue goal costs points until it is reached, dropped or given a new
    # date, whatever its check-ins; more once a month overdue.
    overdue = [g for g in open_goals if g.overdue_days(now.date()) > 0]
    if overdue:
        worst = max(g.overdue_days(now.date()) for g in overdue)
        points -= 10 if worst > 30 else 6
    return max(0, min(PILLAR_POINTS, points)), lambda: _goals_words(
        open_goals, reached, overdue, recent_check_in, now
    )


def _goals_words(open_goals, reached, overdue, recent_check_in, now) -> Msg:
    parts = [Msgs("{count} open goal", "{count} open goals", len(open_goals))]
    if reached:
        parts.append(Msg("{count} reached in the window", count=len(reached)))
    if overdue:
        parts.append(
            Msg(
                "'{title}' overdue by {days} days",
                title=overdue[0].title,
                days=overdue[0].overdue_days(now.date()),
            )
        )
    elif recent_check_in:
        parts.append(Msg("checked in this month"))
    return joined(", ", parts)


def _complement(pairs: list[Pair], tally, handle: str) -> tuple[int, str]:
    theirs_cover_mine = [p for p in pairs if p.strong == handle and p.weak == ME]
    mine_cover_theirs = [p for p in pairs if p.strong == ME and p.weak == handle]
    points = (0, 7, 10)[min(len(theirs_cover_mine), 2)] + (0, 7, 10)[min(len(mine_cover_theirs), 2)]
    learning = tally.learning
    if not points:
        if learning:
            return 6, lambda: Msgs(
                "no matched strengths and weaknesses recorded, but learned from each other "
                "{count} time",
                "no matched strengths and weaknesses recorded, but learned from each other "
                "{count} times",
                learning,
            )
        return 0, lambda: Msg("no matched strengths and weaknesses recorded")
    return points, lambda: _complement_words(theirs_cover_mine, mine_cover_theirs)


def _complement_words(theirs_cover_mine, mine_cover_theirs) -> Msg:
    parts = []
    if theirs_cover_mine:
        areas = ", ".join(p.label or p.area for p in theirs_cover_mine)
        parts.append(Msg("they cover your {areas}", areas=areas))
    if mine_cover_theirs:
        areas = ", ".join(p.label or p.area for p in mine_cover_theirs)
        parts.append(Msg("you cover their {areas}", areas=areas))
    return joined("; ", parts)


# -- helpers -----------------------------------------------------------------


def _tone_reason(tone: ToneEvidence) -> str:
    if tone.falling:
        return Msg(
            "tone falling: {before} → {now} over the last {count} rated interactions",
            before=f"{tone.baseline:+.1f}",
            now=f"{tone.recent:+.1f}",
            count=RECENT_RATED,
        )
    return Msg(
        "tone low: {now} on average over the last {count} rated interactions",
        now=f"{tone.recent:+.1f}",
        count=RECENT_RATED,
    )


def _slipping_reason(stamps: list[int]) -> str:
    moments = sorted(set(stamps))[-(GROWING_GAPS + 1) :]
    gaps = [round((b - a) / 86400) for a, b in zip(moments, moments[1:], strict=False)]
    return Msg(
        "contact slipping: the gaps between you grew to {gaps} days",
        gaps=" → ".join(str(g) for g in gaps),
    )


def relationship_age(facts: Facts, now: datetime) -> int:
    """Days since the relationship began: the partner's creation or their first
    interaction, whichever came first (people add partners they have long known)."""
    began = [t for t in (_parse(facts.partner.created_at), facts.first_contact) if t is not None]
    return max(0, (now.date() - min(began).date()).days) if began else 0


def _over(span: int, window_days: int) -> str:
    """The stretch a count covers: the window, or the days a young relationship has had."""
    if span >= window_days:
        return Msg("in {window} days", window=window_days)
    return Msgs(
        "in the {count} day you have known each other",
        "in the {count} days you have known each other",
        span,
    )


def _days(days: int) -> str:
    if days == 0:
        return Msg("today")
    return Msg("yesterday") if days == 1 else Msg("{days} days ago", days=days)


def _parse(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.astimezone()


def _after(text: str | None, moment: datetime) -> bool:
    value = _parse(text)
    return value is not None and value >= moment
