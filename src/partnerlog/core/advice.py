"""What to do next, and every problem worth naming: words for the health model's verdicts.

Pure. The steps come from the article's tips, fitted to the situation: getting
to know someone only when the relationship is young, reconnecting when it has
lapsed, and words that differ where the tips do for someone you lead, a peer,
your superior and a colleague at another company.
"""

from __future__ import annotations

from datetime import datetime

from partnerlog.core.vocabulary import ME

TYPE_CHECKING = False
if TYPE_CHECKING:
    from partnerlog.core.health import Facts
    from partnerlog.core.records import Partner

# A goal with no check-in for this long has stalled.
STALLED_DAYS = 60


def problems(
    facts: Facts, now: datetime, days_since: int | None, overdue_days: int, cadence: int,
    age_days: int,
) -> list[str]:  # fmt: skip
    """Every problem that matters, worst first (the weakest pillar is added after)."""
    found = []
    if days_since is None and age_days >= cadence:
        found.append(f"never met since you added them {age_days} days ago")
    elif overdue_days > 0:
        last = f"{days_since} days ago" if days_since is not None else "never"
        found.append(f"overdue by {overdue_days} days (last contact {last}, cadence {cadence})")
    today = now.date()
    for item in facts.follow_ups:
        if item.mine and item.overdue_days(today):
            found.append(f"you promised '{item.text}': {item.overdue_days(today)} days overdue")
    for goal in facts.goals:
        if goal.status != "open":
            continue
        late = goal.overdue_days(today)
        checked = [u.at for u in goal.updates]
        last_move = max(checked) if checked else goal.created_at
        idle = (now - _parse(last_move)).days if last_move else None
        if late and (idle is None or idle > 30):
            found.append(f"goal '{goal.title}' is {late} days overdue, no check-in for a month")
        elif late:
            found.append(f"goal '{goal.title}' is {late} days overdue")
        elif idle is not None and idle >= STALLED_DAYS:
            found.append(f"goal '{goal.title}' has not moved in {idle} days")
    return found


def next_step(
    pillar: str,
    first: str,
    partner: Partner,
    facts: Facts,
    days_since: int | None,
    due: bool,
    is_new: bool,
    now: datetime,
    window_days: int,
) -> str:
    """One concrete suggestion, the most useful: for a young relationship, getting to
    know each other; for a lapsed one, reconnecting; otherwise the weakest pillar."""
    handle, relation = partner.handle, partner.relation
    today = now.date()
    if partner.paused(today):
        back = today.fromisoformat(partner.paused_until)
        return f"{first} is away until {back:%a} {back.day} {back:%b} — welcome them back then"
    if is_new and days_since is None:
        return f"say hello to {first}: a coffee to hear about their role and what they aim for"
    late = [f for f in facts.follow_ups if f.mine and f.overdue_days(today)]
    if late:
        promise = max(late, key=lambda f: f.overdue_days(today))
        return (
            f"keep your word: '{promise.text}' is {promise.overdue_days(today)} days overdue — "
            f"deliver it (partnerlog close {promise.id}) or agree a new date with {first} "
            f"(partnerlog postpone {promise.id} DATE)"
        )
    birthday = _coming_birthday(facts, today)
    if birthday is not None:
        when = "today" if birthday == today else f"on {birthday:%a} {birthday.day} {birthday:%b}"
        return f"{first}'s birthday is {when} — wish them well, over a coffee or a card"
    if is_new and facts.total_contacts < 3 and not due:
        return f"get to know {first}: a coffee to hear about their role and what they aim for"
    if due or pillar == "communication":
        return _talk(first, relation, days_since, due)
    if pillar == "bond":
        return f"no time outside the office in {window_days} days — invite {first} for lunch"
    if pillar == "understanding":
        if relation == "external":
            return (
                f"ask {first} about their work and network — or introduce them to someone in yours"
            )
        return f"involve {first} in your work: swap stories about your projects over coffee"
    if pillar == "goals":
        overdue = [g for g in facts.goals if g.status == "open" and g.overdue_days(now.date())]
        if overdue:
            return (
                f"goal '{overdue[0].title}' is overdue — review it with {first} and reset the date"
            )
        if any(g.status == "open" for g in facts.goals):
            return f"check in on your goal with {first}: partnerlog goal update ID --progress N"
        return f"agree on one target with {first} that you both work towards (partnerlog goal add {handle} …)"
    return _complement_step(first, handle, facts)


# A birthday this many days ahead becomes the next step (the bond beyond work).
BIRTHDAY_DAYS = 7


def _coming_birthday(facts: Facts, today):
    """The day of the partner's birthday when it is within BIRTHDAY_DAYS, else None."""
    for found in facts.dates:
        if found.is_birthday:
            day = found.next_on(today)
            if day is not None and (day - today).days <= BIRTHDAY_DAYS:
                return day
    return None


def _talk(first: str, relation: str, days_since: int | None, due: bool) -> str:
    """Reconnecting when contact has lapsed, or talking more openly when it has not."""
    if days_since is None:
        return f"never in touch yet — say hello to {first} this week"
    if due:
        lapse = f"last contact {days_since} days ago — "
        return lapse + {
            "subordinate": f"book a 1:1 with {first} this week",
            "superior": f"ask {first} for 15 minutes this week",
            "external": f"send {first} a note this week",
        }.get(relation, f"check in with {first} this week")
    return {
        "superior": f"ask {first} for honest feedback on your work, and share a doubt",
        "subordinate": f"in your next 1:1, ask {first} what gets in their way",
    }.get(relation, f"speak openly with {first}: share a doubt or ask for honest feedback")


def _complement_step(first: str, handle: str, facts: Facts) -> str:
    theirs = [p for p in facts.pairs if p.strong == handle and p.weak == ME]
    if theirs:
        return f"learn from {first}: ask how they approach {theirs[0].label or theirs[0].area}"
    mine = [p for p in facts.pairs if p.strong == ME and p.weak == handle]
    if mine:
        return f"offer {first} a hand with {mine[0].label or mine[0].area}, where you are strong"
    # Traits recorded that do not meet: name where one side is strong and the other has not said.
    my_areas = {t.area for t in facts.my_traits}
    their_areas = {t.area for t in facts.traits}
    for trait in facts.traits:
        if trait.polarity == "strength" and trait.area not in my_areas:
            return (
                f"{first} is strong in {trait.label}, which you have not said how you do at: "
                f"learn from them? (partnerlog trait add me weakness {trait.area})"
            )
    for trait in facts.my_traits:
        if trait.polarity == "strength" and trait.area not in their_areas:
            return f"you are strong in {trait.label}: ask whether {first} would like a hand with it"
    if facts.traits:
        return f"your strengths and {first}'s weaknesses do not meet yet: ask what they would like to learn"
    return (
        f"note what {first} is strong and weak at (partnerlog trait add {handle} strength …) "
        "to see where you complement each other"
    )


def _parse(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.astimezone()
