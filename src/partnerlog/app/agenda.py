"""`agenda`: the days ahead on one page."""

from datetime import timedelta

from partnerlog.core.records import Record
from partnerlog.core.when import window_end


class Agenda(Record):
    """What the days ahead hold: who is due or coming due, promises by date, topics
    for people you are likely to meet (and how many for others), dates coming up,
    and who comes back from a pause."""

    __slots__ = (
        "first", "last", "due", "promises", "to_raise", "others", "dates", "returning", "names",
    )  # fmt: skip


def agenda(session, *, days: int) -> Agenda:
    from partnerlog.app.dashboard import due_within
    from partnerlog.app.dates import coming_up

    journal, now = session.journal, session.now
    today = now.date()
    last = window_end(today, days)
    partners = journal.partners()
    journal_seen = journal.last_contacts()
    due = due_within(journal, now, days, partners=partners, last_contacts=journal_seen)
    items = journal.follow_ups()
    coming = coming_up(journal, today, days)
    returning = [p for p in partners if p.back_on and today <= p.back_on <= last]
    # Likely to meet: who is due or comes due, whom you see at least this often (by
    # cadence, or seen within as many days), whose day it is, and who comes back.
    likely = {d.handle for d in due}
    likely |= {p.handle for p in partners if p.effective_cadence <= days}
    seen_since = (today - timedelta(days=days)).isoformat()
    likely |= {p.handle for p in partners if (journal_seen.get(p.id) or "") >= seen_since}
    likely |= {item.partner for item, _ in coming} | {p.handle for p in returning}
    active = {p.handle for p in partners if not p.paused(today)} | {p.handle for p in returning}
    # A promise stays a promise while someone is away: every active partner's count.
    everyone = {p.handle for p in partners}
    promises = [
        i
        for i in items
        if i.type == "promise" and i.partner in everyone and (not i.due_on or i.due_on <= str(last))
    ]
    promises.sort(key=lambda i: (i.due_on is None, i.due_on or "", i.owner != "me", i.id))
    raised = sorted(
        (i for i in items if i.type == "raise" and i.partner in active),
        key=lambda i: (i.partner, i.id),
    )
    return Agenda(
        first=today,
        last=last,
        due=due,
        promises=promises,
        to_raise=[i for i in raised if i.partner in likely],
        others=sum(1 for i in raised if i.partner not in likely),
        dates=coming,
        returning=returning,
        names={p.handle: p.name for p in partners},
    )
