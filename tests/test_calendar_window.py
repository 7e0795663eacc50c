"""The window of a calendar import: partnerlog checks the events that happen
once itself and leaves every other to recurring-ical-events. Both together
must give what the library alone gives, for every shape an event can have."""

import os
import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar, Event

from partnerlog.app.calendar_file import _between

# Floating time, UTC, and zones whose clocks change in the weeks the events
# fall in (New York on 8 March, Berlin on 29 March, Lord Howe by half an hour
# on 5 April 2026), and one whose clocks never change.
ZONES = [
    None,
    UTC,
    ZoneInfo("Europe/Berlin"),
    ZoneInfo("America/New_York"),
    ZoneInfo("Australia/Lord_Howe"),
    ZoneInfo("Asia/Jakarta"),
]


def _moment(rng: random.Random, zone) -> datetime:
    start = datetime(2026, 3, 1) + timedelta(
        hours=rng.randrange(0, 24 * 40), minutes=rng.choice([0, 30])
    )
    return start if zone is None else start.replace(tzinfo=zone)


def _event(rng: random.Random, number: int, uids: list[str]) -> Event:
    event = Event()
    shape = rng.random()
    if shape < 0.8:
        uid = f"event-{number}@example.com"
        uids.append(uid)
    elif shape < 0.9 and uids:
        uid = rng.choice(uids)  # the same UID again: an override, or a duplicate
    else:
        uid = None  # some exports leave it out
    if uid:
        event.add("uid", uid)
    event.add("summary", f"meeting {number}")
    zone = rng.choice(ZONES)
    all_day = rng.random() < 0.15
    start = _moment(rng, None).date() if all_day else _moment(rng, zone)
    event.add("dtstart", start)
    ending = rng.random()
    if ending < 0.45:
        event.add("dtend", start + timedelta(hours=rng.choice([0, 1, 2, 24, 30, 49])))
    elif ending < 0.55:
        event.add("duration", timedelta(minutes=rng.choice([0, 45, 24 * 60])))
    elif ending < 0.65 and isinstance(start, datetime):
        event.add("dtend", start - timedelta(hours=1))  # ends before it starts
    elif ending < 0.75 and isinstance(start, datetime):
        other = rng.choice(ZONES)
        later = start.replace(tzinfo=None) + timedelta(hours=1)
        event.add("dtend", later if other is None else later.replace(tzinfo=other))
    if rng.random() < 0.15:
        event.add("rrule", {"freq": rng.choice(["daily", "weekly"]), "count": rng.randint(2, 5)})
    if uid and rng.random() < 0.1:
        event.add("recurrence-id", start)
    if rng.random() < 0.05:
        event.add("exdate", start)
    return event


def _calendar(rng: random.Random) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//partnerlog test//EN")
    calendar.add("version", "2.0")
    if rng.random() < 0.3:
        calendar.add("x-wr-timezone", rng.choice(["Asia/Jakarta", "Europe/Berlin"]))
    uids: list[str] = []
    for number in range(rng.randint(1, 30)):
        calendar.add_component(_event(rng, number, uids))
    return Calendar.from_ical(calendar.to_ical())  # read back as a file is read


def _seen(events) -> list[tuple]:
    return [(str(e.get("UID", "")), e["DTSTART"].dt.isoformat(), str(e["SUMMARY"])) for e in events]


def _outcome(work):
    try:
        return _seen(work())
    except Exception as error:  # the same calendar must fail the same way
        return type(error).__name__


@pytest.mark.parametrize("seed", range(int(os.environ.get("PARTNERLOG_CALENDAR_SEEDS", "300"))))
def test_single_events_checked_here_give_what_the_library_gives(seed):
    rng = random.Random(seed)
    calendar = _calendar(rng)
    first = date(2026, 3, 1) + timedelta(days=rng.randrange(0, 40))
    last = first + timedelta(days=rng.choice([0, 1, 3, 10, 30]))
    library = _outcome(
        lambda: recurring_ical_events.of(calendar, keep_recurrence_attributes=True).between(
            first, last
        )
    )
    ours = _outcome(lambda: _between(Calendar.from_ical(calendar.to_ical()), first, last))
    if isinstance(library, str) or isinstance(ours, str):
        assert ours == library
        return
    # The same occurrences, and each series where the library puts it (within a
    # series, the library's own order follows its objects' hashes; events
    # without a UID are a series each there, one series here).
    assert sorted(ours) == sorted(library)
    assert _series_order(ours) == _series_order(library)


def _series_order(seen: list[tuple]) -> list[str]:
    order: list[str] = []
    for uid, _start, _title in seen:
        if uid and uid not in order:
            order.append(uid)
    return order
