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

from datetime import datetime, timedelta

from partnerlog.core.advice import called, first_name, next_step, problems  # noqa: F401
from partnerlog.core.contact import contact_gap
from partnerlog.core.pillars import (  # noqa: F401 (PILLAR_POINTS: the views read it here)
    PILLAR_POINTS,
    bond_points,
    communication_points,
    complement_points,
    goals_points,
    parse_time,
    understanding_points,
)
from partnerlog.core.records import Facts, Record  # noqa: F401 (Facts: the model's input)
from partnerlog.core.status import (  # noqa: F401 (NEW_DAYS, STATUS_ORDER: the model's words)
    BROKEN_PROMISE_DAYS,
    GROWING_GAPS,
    NEW_DAYS,
    RECENT_RATED,
    STATUS_ORDER,
    ToneEvidence,
    contact_status,
    depth_status,
    gaps_growing,
)
from partnerlog.core.tally import WEEKS, WINDOW_DAYS, Tally, tally_contacts  # noqa: F401
from partnerlog.core.vocabulary import BENEFITS, PILLARS, pillar_name
from partnerlog.i18n import Msg, Msgs


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
        "score", "pillars", "pillar_reasons", "status", "explained", "benefits",
        "weekly", "paused_until",
    )  # fmt: skip

    # The reasons and the next step are put into words when first read: the
    # dashboard needs every partnership's score and status to order them, but
    # the words of the 25 it shows only. (``explained`` is a function giving
    # (reasons, next step) until then.)

    @property
    def reasons(self) -> list:
        return self._words()[0]

    @property
    def next_step(self) -> str:
        return self._words()[1]

    def _words(self) -> tuple[list, str]:
        if callable(self.explained):
            self.explained = self.explained()
        return self.explained

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


class Standing(Record):
    """Where a partnership stands before its depth is scored: what its contact
    and promises say (see `standing`). ``status`` is None for a regular one,
    whose score says whether it is thriving or steady."""

    __slots__ = (
        "age_days", "days_since", "reference_days", "overdue_days", "recency_days", "late",
        "tone", "growing", "status",
    )  # fmt: skip

    def order(self) -> tuple:
        """Its place in `attention_order` as far as it is known without the score."""
        return (STATUS_ORDER.index(self.status or "steady"), -self.overdue_days)


def standing(facts: Facts, now: datetime, tone: ToneEvidence, stamps: list[int]) -> Standing:
    """Where the partnership in ``facts`` stands at ``now``, given what its rated
    interactions say (``tone``) and when its contacts were (``stamps``: at
    least the last GROWING_GAPS + 1 distinct ones, in any order)."""
    partner = facts.partner
    cadence = partner.effective_cadence
    age_days = relationship_age(facts, now)
    days_since, reference_days, overdue_days = contact_gap(partner, facts.last_contact, now)
    if facts.last_contact is None:
        reference_days = min(reference_days, age_days)
        overdue_days = max(0, reference_days - cadence)
    # Away, or back from a pause: the days away do not count against the cadence.
    recency_days = days_since
    if partner.paused_until and days_since is not None:
        recency_days = min(days_since, reference_days)
    today = now.date()
    late = [f for f in facts.follow_ups if f.mine and f.overdue_days(today)]
    growing = not overdue_days and gaps_growing(stamps, cadence)
    status = contact_status(
        age_days=age_days, reference_days=reference_days, cadence=cadence, tone=tone,
        broken_promise=any(f.overdue_days(today) > BROKEN_PROMISE_DAYS for f in late),
        growing=growing, never_met=facts.last_contact is None,
    )  # fmt: skip
    return Standing(
        age_days=age_days, days_since=days_since, reference_days=reference_days,
        overdue_days=overdue_days, recency_days=recency_days, late=late, tone=tone,
        growing=growing, status=status,
    )  # fmt: skip


def score_partnership(facts: Facts, now: datetime, window_days: int = WINDOW_DAYS) -> Verdict:
    """The verdict on one partnership at ``now``."""
    partner = facts.partner
    first = facts.called or first_name(partner.name)
    cadence = partner.effective_cadence
    start = now - timedelta(days=window_days)
    tally = tally_contacts(facts.contacts, now, window_days)
    stands = standing(facts, now, ToneEvidence.of_rated(tally.rated), tally.stamps)
    age_days, days_since, overdue_days = stands.age_days, stands.days_since, stands.overdue_days
    due = overdue_days > 0
    tone, growing = stands.tone, stands.growing
    # The part of the window the relationship has existed: a young one is
    # judged on its own pace, an old one on the whole window.
    span = max(1, min(window_days, age_days))

    scores: dict[str, int] = {}
    why: dict[str, str] = {}
    scores["communication"], why["communication"] = communication_points(
        stands.recency_days, cadence, tally, window_days, span, stands.late, now
    )
    scores["bond"], why["bond"] = bond_points(tally, window_days, span)
    scores["understanding"], why["understanding"] = understanding_points(
        tally, cadence, window_days, span
    )
    scores["goals"], why["goals"] = goals_points(facts.goals, tally, now, start)
    scores["complement"], why["complement"] = complement_points(facts.pairs, tally, partner.handle)
    score = sum(scores.values())

    in_90 = tally.tone_90
    tone_avg_90 = round(in_90[0] / in_90[1], 2) if in_90[1] else None
    status = stands.status or depth_status(score)
    is_new = status == "new"

    def explained() -> tuple[list, str]:
        reasons: list = []
        if is_new:
            reasons.append(
                Msgs("new: known for {count} day", "new: known for {count} days", age_days)
            )
        else:
            reasons.append(Msg("score {score}/100", score=score))
        reasons += problems(facts, now, days_since, overdue_days, cadence, age_days)
        if tone.falling or tone.low:
            reasons.append(_tone_reason(tone))
        if growing:
            reasons.append(_slipping_reason(tally.stamps))
        if scores[weakest] < PILLAR_POINTS:
            reasons.append(
                Msg(
                    "weakest pillar: {pillar} ({why})",
                    pillar=pillar_name(weakest),
                    why=pillar_reasons[weakest],  # (in words now, once)
                )
            )
        step = next_step(weakest, first, partner, facts, days_since, due, is_new, now, window_days)
        return reasons, step

    weakest = weakest_pillar(scores, due)
    pillar_reasons = Reasons(why)
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
        pillar_reasons=pillar_reasons,
        status=status,
        explained=explained,
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


# -- helpers -----------------------------------------------------------------


def _tone_reason(tone: ToneEvidence) -> str:
    if tone.falling:
        return Msg(
            "tone falling: {before:+.1f} → {now:+.1f} over the last {count} rated interactions",
            before=tone.baseline,
            now=tone.recent,
            count=RECENT_RATED,
        )
    return Msg(
        "tone low: {now:+.1f} on average over the last {count} rated interactions",
        now=tone.recent,
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
    began = [
        t for t in (parse_time(facts.partner.created_at), facts.first_contact) if t is not None
    ]
    return max(0, (now.date() - min(began).date()).days) if began else 0
