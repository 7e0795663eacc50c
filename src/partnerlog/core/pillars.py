"""The five pillars of a partnership, each scored 0–PILLAR_POINTS with its reason
in plain words (kept as a function: put in words only when it is read). Pure;
`core.health` sums them and says how the partnership is going (its docstring
gives each pillar's rule).
"""

import math
from datetime import datetime, timedelta

from partnerlog.core.records import Goal, Pair
from partnerlog.core.vocabulary import ME
from partnerlog.i18n import Msg, Msgs, joined

# Each pillar scores up to this many points; five of them make 100.
PILLAR_POINTS = 20


def communication_points(
    days_since, cadence, tally, window_days, span, late, now
) -> tuple[int, str]:
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
            Msgs(
                "you owe '{text}', {count} day overdue",
                "you owe '{text}', {count} days overdue",
                worst.overdue_days(now.date()),
                text=worst.text,
            )
        )
        if len(late) > 1:
            said.append(Msg("and {count} more", count=len(late) - 1))
    return joined("; ", said)


def bond_points(tally, window_days, span) -> tuple[int, str]:
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


def understanding_points(tally, cadence, window_days, span) -> tuple[int, str]:
    count = tally.count_window
    expected = max(1.0, span / cadence)
    frequency = min(1.0, tally.heard / expected)  # (written contact counts less: tally)
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


def goals_points(goals: list[Goal], tally, now: datetime, start: datetime) -> tuple[int, str]:
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


def complement_points(pairs: list[Pair], tally, handle: str) -> tuple[int, str]:
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


def parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.astimezone()


def _after(text: str | None, moment: datetime) -> bool:
    value = parse_time(text)
    return value is not None and value >= moment
