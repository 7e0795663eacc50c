"""What to do next, and every problem worth naming: words for the health model's verdicts.

Pure. The steps come from the article's tips, fitted to the situation: getting
to know someone only when the relationship is young, reconnecting when it has
lapsed, and words that differ where the tips do for someone you lead, a peer,
your superior and a colleague at another company.
"""

from __future__ import annotations

from datetime import datetime

from partnerlog.core.vocabulary import ME
from partnerlog.core.when import day_month_msg
from partnerlog.i18n import Msg, Msgs

TYPE_CHECKING = False
if TYPE_CHECKING:
    from partnerlog.core.records import Facts, Partner

# A goal with no check-in for this long has stalled.
STALLED_DAYS = 60


def first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def called(people: list[tuple[str, str]]) -> dict[str, str]:
    """What steps call each of ``people`` ((handle, name)): the first name, and
    where two share it, the first name and an initial ("Budi S."), or where
    that is shared too, the name and handle ("Budi Santoso (budi2)")."""
    firsts: dict[str, list[tuple[str, str]]] = {}
    for handle, name in people:
        firsts.setdefault(first_name(name).casefold(), []).append((handle, name))
    found = {}
    for same in firsts.values():
        if len(same) == 1:
            handle, name = same[0]
            found[handle] = first_name(name)
            continue
        short = {handle: _initialled(name) for handle, name in same}
        counts: dict[str, int] = {}
        for value in short.values():
            counts[value] = counts.get(value, 0) + 1
        for handle, name in same:
            unique = counts[short[handle]] == 1
            found[handle] = short[handle] if unique else f"{name} ({handle})"
    return found


def _initialled(name: str) -> str:
    words = name.split()
    return f"{words[0]} {words[-1][0]}." if len(words) > 1 else name


def problems(
    facts: Facts, now: datetime, days_since: int | None, overdue_days: int, cadence: int,
    age_days: int,
) -> list[str]:  # fmt: skip
    """Every problem that matters, worst first (the weakest pillar is added after)."""
    found = []
    if days_since is None and age_days >= cadence:
        found.append(Msg("never met since you added them {age_days} days ago", age_days=age_days))
    elif overdue_days > 0:
        last = (
            Msg("{days_since} days ago", days_since=days_since)
            if days_since is not None
            else Msg("never")
        )
        found.append(
            Msg(
                "overdue by {overdue_days} days (last contact {last}, cadence {cadence})",
                overdue_days=overdue_days,
                last=last,
                cadence=cadence,
            )
        )
    today = now.date()
    for item in facts.follow_ups:
        if item.mine and item.overdue_days(today):
            found.append(
                Msg(
                    "you promised '{text}': {value} days overdue",
                    text=item.text,
                    value=item.overdue_days(today),
                )
            )
    for goal in facts.goals:
        if goal.status != "open":
            continue
        late = goal.overdue_days(today)
        checked = [u.at for u in goal.updates]
        last_move = max(checked) if checked else goal.created_at
        idle = (now - _parse(last_move)).days if last_move else None
        if late and (idle is None or idle > 30):
            found.append(
                Msg(
                    "goal '{title}' is {late} days overdue, no check-in for a month",
                    title=goal.title,
                    late=late,
                )
            )
        elif late:
            found.append(Msg("goal '{title}' is {late} days overdue", title=goal.title, late=late))
        elif idle is not None and idle >= STALLED_DAYS:
            found.append(
                Msg("goal '{title}' has not moved in {idle} days", title=goal.title, idle=idle)
            )
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
        return Msg(
            "{first} is away until {day} — welcome them back then",
            first=first,
            day=day_month_msg(back),
        )
    if is_new and days_since is None:
        return Msg(
            "say hello to {first}: a coffee to hear about their role and what they aim for",
            first=first,
        )
    late = [f for f in facts.follow_ups if f.mine and f.overdue_days(today)]
    if late:
        promise = max(late, key=lambda f: f.overdue_days(today))
        return Msgs(
            "keep your word: '{text}' is {count} day overdue — deliver it (partnerlog close {id}) or agree a new date with {first} (partnerlog postpone {id} DATE)",
            "keep your word: '{text}' is {count} days overdue — deliver it (partnerlog close {id}) or agree a new date with {first} (partnerlog postpone {id} DATE)",
            promise.overdue_days(today),
            text=promise.text,
            id=promise.id,
            first=first,
        )
    birthday = _coming_birthday(facts, today)
    if birthday is not None:
        when = Msg("today") if birthday == today else Msg("on {day}", day=day_month_msg(birthday))
        return Msg(
            "{first}'s birthday is {when} — wish them well, over a coffee or a card",
            first=first,
            when=when,
        )
    if is_new and facts.total_contacts < 3 and not due:
        return Msg(
            "get to know {first}: a coffee to hear about their role and what they aim for",
            first=first,
        )
    if due or pillar == "communication":
        return _talk(first, relation, days_since, due)
    if pillar == "bond":
        return Msg(
            "no time outside the office in {window_days} days — invite {first} for lunch",
            window_days=window_days,
            first=first,
        )
    if pillar == "understanding":
        if relation == "external":
            return Msg(
                "ask {first} about their work and network — or introduce them to someone in yours",
                first=first,
            )
        return Msg(
            "involve {first} in your work: swap stories about your projects over coffee",
            first=first,
        )
    if pillar == "goals":
        overdue = [g for g in facts.goals if g.status == "open" and g.overdue_days(now.date())]
        if overdue:
            return Msg(
                "goal '{title}' is overdue — review it with {first} and reset the date",
                title=overdue[0].title,
                first=first,
            )
        if any(g.status == "open" for g in facts.goals):
            return Msg(
                "check in on your goal with {first}: partnerlog goal update ID --progress N",
                first=first,
            )
        return Msg(
            "agree on one target with {first} that you both work towards (partnerlog goal add {handle} …)",
            first=first,
            handle=handle,
        )
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
        return Msg("never in touch yet — say hello to {first} this week", first=first)
    if due:
        step = {
            "subordinate": Msg("book a 1:1 with {first} this week", first=first),
            "superior": Msg("ask {first} for 15 minutes this week", first=first),
            "external": Msg("send {first} a note this week", first=first),
        }.get(relation, Msg("check in with {first} this week", first=first))
        return Msg("last contact {days} days ago — {step}", days=days_since, step=step)
    return {
        "superior": Msg(
            "ask {first} for honest feedback on your work, and share a doubt", first=first
        ),
        "subordinate": Msg("in your next 1:1, ask {first} what gets in their way", first=first),
    }.get(
        relation,
        Msg("speak openly with {first}: share a doubt or ask for honest feedback", first=first),
    )


def _complement_step(first: str, handle: str, facts: Facts) -> str:
    theirs = [p for p in facts.pairs if p.strong == handle and p.weak == ME]
    if theirs:
        return Msg(
            "learn from {first}: ask how they approach {value}",
            first=first,
            value=theirs[0].label or theirs[0].area,
        )
    mine = [p for p in facts.pairs if p.strong == ME and p.weak == handle]
    if mine:
        return Msg(
            "offer {first} a hand with {value}, where you are strong",
            first=first,
            value=mine[0].label or mine[0].area,
        )
    # Traits recorded that do not meet: name where one side is strong and the other has not said.
    my_areas = {t.area for t in facts.my_traits}
    their_areas = {t.area for t in facts.traits}
    for trait in facts.traits:
        if trait.polarity == "strength" and trait.area not in my_areas:
            return Msg(
                "{first} is strong in {label}, which you have not said how you do at: learn from them? (partnerlog trait add me weakness {area})",
                first=first,
                label=trait.label,
                area=trait.area,
            )
    for trait in facts.my_traits:
        if trait.polarity == "strength" and trait.area not in their_areas:
            return Msg(
                "you are strong in {label}: ask whether {first} would like a hand with it",
                label=trait.label,
                first=first,
            )
    if facts.traits:
        return Msg(
            "your strengths and {first}'s weaknesses do not meet yet: ask what they would like to learn",
            first=first,
        )
    return Msg(
        "note what {first} is strong and weak at (partnerlog trait add {handle} strength …) to see where you complement each other",
        first=first,
        handle=handle,
    )


def _parse(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.astimezone()
