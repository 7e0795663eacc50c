"""A calendar file as `calendar import` reads it: the events that can be read, the
time zones it writes as offsets, the occurrences in a window (expanded by
recurring-ical-events, a runaway rule refused first), and which entry each
occurrence becomes, the same from one import to the next."""

import re
import uuid as uuids
from datetime import date, datetime, timedelta, timezone

from partnerlog.errors import UsageError
from partnerlog.i18n import _

# The calendar's events, under one namespace of uuids: uuid5(UID + occurrence).
NAMESPACE = uuids.UUID("6f1c2a0e-7d0b-4c55-9a57-2f8f4c3f9b10")


# Events read before a rule is called a runaway: a minutely rule over a year.
MOST_OCCURRENCES = 50_000


def entry_uuid(event, repeating: set) -> str:
    """The entry an occurrence becomes, the same from one import to the next."""
    key = f"{_identity(event)}|{_occurrence_key(event, repeating)}"
    return str(uuids.uuid5(NAMESPACE, key))


def occurrences(calendar, start: date, end: date) -> list:
    """The occurrences between ``start`` and ``end``; a calendar whose rules
    would give more than MOST_OCCURRENCES (one every minute or second) is
    refused with a clear line before anything is expanded."""

    if _dense_occurrences(calendar, start, end) > MOST_OCCURRENCES:
        raise UsageError(
            _(
                "the calendar has more than {count:,} events from {start} to {end} (a rule that repeats every minute?); give a shorter --since/--until"
            ).format(count=MOST_OCCURRENCES, start=start, end=end)
        )
    try:
        return _between(calendar, start, end)
    except Exception as error:  # the library's own errors name the component
        raise UsageError(_("the calendar cannot be read: {error}").format(error=error)) from None


def _between(calendar, start: date, end: date) -> list:
    """What ``recurring_ical_events.of(calendar).between(start, end)`` returns, in
    its order, without giving it the events that plainly happen once.

    Most of a busy calendar is single events, and the library copies each one
    it returns (a third of a 10,000-event import). An event that is plainly one
    occurrence (a UID of its own; no RRULE, RDATE, EXDATE, RECURRENCE-ID or
    DURATION; a start and an end that are times in the same zone, the end not
    before the start) and starts more than a day inside the window, or ends
    more than a day before it or starts more than a day after, is kept or left
    here as it is; every other event goes to the library, which expands it and
    decides at the window's edges (where it measures times in its own way).
    Where the library's parts are not where this version keeps them, all of it
    goes to the library.
    """
    import recurring_ical_events

    try:
        import x_wr_timezone
        from recurring_ical_events.adapters.event import EventAdapter
    except ImportError:
        query = recurring_ical_events.of(calendar, keep_recurrence_attributes=True)
        return list(query.between(start, end))
    calendar = x_wr_timezone.to_standard(calendar)  # (as `of` does first)
    span_start = datetime.combine(start, datetime.min.time()) + timedelta(days=1)
    span_stop = datetime.combine(end, datetime.min.time()) - timedelta(days=1)
    events = calendar.walk("VEVENT")
    uids: dict[str, int] = {}
    for event in events:
        uid = event.get("UID")
        if uid is not None:
            uids[str(uid)] = uids.get(str(uid), 0) + 1
    decided: dict[int, bool] = {}  # id(event): whether it is in the window
    for event in events:
        if _happens_once(event, uids):
            adapter = EventAdapter(event)
            first = adapter.start.replace(tzinfo=None)  # (a day's margin: any zone)
            last = adapter.end.replace(tzinfo=None)
            if span_start <= first < span_stop:
                decided[id(event)] = True
            elif last < span_start - timedelta(days=1) or first > span_stop + timedelta(days=1):
                decided[id(event)] = False
    rest = calendar.__class__()
    rest.update(calendar)  # (its properties: CALSCALE is checked)
    rest.subcomponents = [c for c in calendar.subcomponents if id(c) not in decided]
    expanded: dict[str, list] = {}  # the library's occurrences, by series (UID)
    query = recurring_ical_events.CalendarQuery(rest, keep_recurrence_attributes=True)
    for occurrence in query.between(start, end):
        expanded.setdefault(str(occurrence.get("UID", "")), []).append(occurrence)
    found = []
    for event in events:
        if id(event) in decided:
            if decided[id(event)]:
                found.append(event)
        else:
            found.extend(expanded.pop(str(event.get("UID", "")), ()))
    for left in expanded.values():  # (none: every series has an event above)
        found.extend(left)
    return found


def _happens_once(event, uids: dict[str, int]) -> bool:
    """Whether an event is plainly one occurrence (see `_between`)."""
    uid = event.get("UID")
    if uid is None or not str(uid).strip() or uids.get(str(uid)) != 1:
        return False
    if any(name in event for name in ("RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "DURATION")):
        return False
    first = event.get("DTSTART")
    last = event.get("DTEND")
    if first is None or not isinstance(first.dt, datetime):
        return False
    if last is None:
        return True
    return (
        isinstance(last.dt, datetime) and last.dt.tzinfo == first.dt.tzinfo and last.dt >= first.dt
    )


def _dense_occurrences(calendar, start: date, end: date) -> int:
    """How many times the rules that repeat within a day (hourly, minutely,
    secondly) occur between ``start`` and ``end``, counted up to just past
    MOST_OCCURRENCES."""
    import itertools

    from dateutil.rrule import rrulestr

    found = 0
    since = datetime.combine(start, datetime.min.time())
    limit = datetime.combine(end, datetime.min.time())
    for component in calendar.walk("VEVENT"):
        rule = component.get("RRULE")
        if rule is None:
            continue
        rules = rule if isinstance(rule, list) else [rule]
        for one in rules:
            if str(one.get("FREQ", [""])[0]).upper() not in ("SECONDLY", "MINUTELY", "HOURLY"):
                continue
            first = component.get("DTSTART").dt
            if not isinstance(first, datetime):
                first = datetime.combine(first, datetime.min.time())
            try:
                dates_of = rrulestr(one.to_ical().decode(), dtstart=first.replace(tzinfo=None))
            except (ValueError, TypeError):
                continue
            window = dates_of.xafter(since, inc=True)
            counted = itertools.takewhile(lambda moment: moment < limit, window)
            found += sum(1 for _ in itertools.islice(counted, MOST_OCCURRENCES + 1))
            if found > MOST_OCCURRENCES:
                return found
    return found


def set_aside_unreadable(calendar) -> list[str]:
    """Events that cannot be read (no start, a start that is not a date) taken
    out of the calendar, named by their title or UID: the rest imports."""
    bad = []
    for component in list(calendar.subcomponents):
        if component.name != "VEVENT":
            continue
        try:
            start = component.get("DTSTART")
            readable = start is not None and isinstance(start.dt, date)
        except (ValueError, TypeError, AttributeError, KeyError):
            readable = False
        if not readable:
            calendar.subcomponents.remove(component)
            bad.append(str(component.get("SUMMARY") or component.get("UID") or "?"))
    return bad


def repeating_uids(calendar) -> set:
    """The UIDs of events that repeat: an event with one of them and a RECURRENCE-ID
    is an occurrence of a series (moved, or edited in place)."""
    return {
        str(c.get("UID"))
        for c in calendar.walk("VEVENT")
        if c.get("UID") is not None and ("RRULE" in c or "RDATE" in c)
    }


def _identity(event) -> str:
    """The event's UID, or for one without (some exports leave it out) its title
    and first start: stable from one import to the next."""
    uid = event.get("UID")
    if uid is not None and str(uid).strip():
        return str(uid)
    return f"no-uid:{event.get('SUMMARY', '')}|{_first_start(event)}"


def _first_start(event) -> str:
    recurrence = event.get("RECURRENCE-ID")
    return (recurrence or event.get("DTSTART")).dt.isoformat()


def _occurrence_key(event, repeating: set) -> str:
    """Which occurrence of its event this is: its original start for an event that
    repeats (an occurrence moved or edited in place is still that one), nothing
    for a single event (moving it moves the entry)."""
    recurrence = event.get("RECURRENCE-ID")
    start = event.get("DTSTART").dt
    repeats = "RRULE" in event or "RDATE" in event or str(event.get("UID")) in repeating
    if recurrence is None or (not repeats and recurrence.dt == start):
        return ""
    return recurrence.dt.isoformat()


_UTC_OFFSET = re.compile(r"(?:UTC|GMT)\s*([+-])(\d{1,2})(?::?(\d{2}))?", re.I)


def read_offset_zones(calendar) -> None:
    """A TZID the file does not define and that is no IANA name ("UTC+07:00",
    "(UTC+07:00) Bangkok, Hanoi, Jakarta") still says its offset: such times
    are given that offset before expansion, not read as the local time."""
    for component in calendar.walk("VEVENT"):
        for key in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            prop = component.get(key)
            moment = getattr(prop, "dt", None)
            if not isinstance(moment, datetime) or moment.tzinfo is not None:
                continue
            found = _UTC_OFFSET.search(str(prop.params.get("TZID", "")))
            if found:
                minutes = int(found[2]) * 60 + int(found[3] or 0)
                offset = timedelta(minutes=minutes if found[1] == "+" else -minutes)
                del component[key]
                component.add(key, moment.replace(tzinfo=timezone(offset)))
