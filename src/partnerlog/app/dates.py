"""The dates that matter to partners, and pauses: someone away until a day."""

from datetime import timedelta

from partnerlog.core import dates, when
from partnerlog.core.records import PartnerDate, Record
from partnerlog.errors import Conflict, NotFound, UsageError
from partnerlog.i18n import _


class Paused(Record):
    """A partner after `partner pause` or `partner resume` (``until`` None: back)."""

    __slots__ = ("partner", "until", "reason")


def pause(session, *, who: str, until: str, reason: list[str]) -> Paused:
    now = session.now
    last_day = dates.parse_day(until, now, prefer="future")
    if last_day < now.date():
        raise UsageError(
            _("--until {until!r} is {until2}, in the past; give the last day away").format(
                until=until, until2=last_day
            )
        )
    reason = " ".join(reason).strip() or None
    journal = session.journal
    with journal.transaction(session.command.name):
        [partner] = journal.named(who)
        if reason is None and partner.paused(now.date()):
            reason = partner.pause_reason  # a pause made longer keeps its reason
        journal.set_pause(partner.id, last_day.isoformat(), reason)
    return Paused(partner=partner, until=last_day, reason=reason)


def resume(session, *, who: str) -> Paused:
    journal = session.journal
    today = session.now.date()
    with journal.transaction(session.command.name):
        [partner] = journal.named(who)
        if not partner.paused(today):
            raise Conflict(
                _("{name} ({handle}) is not paused; nothing was changed").format(
                    name=partner.name, handle=partner.handle
                )
            )
        # The pause ends yesterday: they are back today, and their cadence counts from today.
        journal.set_pause(partner.id, (today - timedelta(days=1)).isoformat(), partner.pause_reason)
    return Paused(partner=partner, until=None, reason=None)


def add(session, *, who: str, label: str, date: str, yearly: bool) -> tuple[PartnerDate, str]:
    """(the date, the partner's name)."""
    label = " ".join(label.split())
    if not label:
        raise UsageError(_("LABEL cannot be empty: say what the date is (birthday, anniversary…)"))
    month, day, year = dates.month_day(date, session.now)
    found = PartnerDate(partner="", label=label, month=month, day=day, year=year)
    # Without a year, or a birthday, it comes back every year.
    found.yearly = yearly or year is None or found.is_birthday
    if not found.yearly and found.next_on(session.now.date()) is None:
        raise UsageError(
            _("{date!r} is past and happens once; add --yearly if it comes back every year").format(
                date=date
            )
        )
    journal = session.journal
    with journal.transaction(session.command.name):
        [partner] = journal.named(who)
        found.partner, found.partner_id = partner.handle, partner.id
        journal.add_date(found)
    return found, partner.name


def list_dates(session, *, who: str | None):
    """(dates, next first, each with its next day; partner names)."""
    journal, today = session.journal, session.now.date()
    partner = journal.named(who)[0] if who else None
    found = journal.partner_dates(partner_ids=[partner.id] if partner else None)
    coming = [(d, d.next_on(today)) for d in found]
    coming.sort(key=lambda pair: (pair[1] is None, pair[1] or today))
    return coming, journal.names_by_handle()


def remove(session, *, id_: int) -> tuple[PartnerDate, str]:
    """(the date removed, the partner's name: said as `date add` said it)."""
    journal = session.journal
    with journal.transaction(session.command.name):
        try:
            found = journal.partner_date(id_)
        except NotFound as error:
            raise error.with_hint(_("see: partnerlog partner date list")) from None
        journal.remove_date(found.id)
    return found, journal.partner(found.partner_id).name


def coming_up(journal, today, days: int, partner_ids=None) -> list[tuple[PartnerDate, object]]:
    """(date, the day it falls on) for each date within ``days`` from today, soonest first."""
    last = when.window_end(today, days)
    found = []
    for item in journal.partner_dates(partner_ids=partner_ids):
        day = item.next_on(today)
        if day is not None and day <= last:
            found.append((item, day))
    return sorted(found, key=lambda pair: (pair[1], pair[0].partner))
