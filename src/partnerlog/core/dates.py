"""Dates as people type them: ISO, English and Indonesian, with an injectable "now".

The common forms (ISO, today, yesterday, N days ago, weekday names, kemarin,
N hari lalu, senin lalu…) are parsed here without any library; anything else
goes to dateparser, imported only when such a phrase appears.
"""

import os
import re
from datetime import date, datetime, time, timedelta

from partnerlog.errors import UsageError

ENV_NOW = "PARTNERLOG_NOW"
# A day named without a time of day is taken to be midday: it sorts sensibly
# among that day's other entries and never slips into a neighbouring day when
# read in another time zone.
DEFAULT_TIME = time(12, 0)
# A logged interaction may be a few minutes "in the future" when clocks disagree.
FUTURE_SLACK = timedelta(minutes=5)

WEEKDAYS = {
    "monday": 0, "mon": 0, "senin": 0,
    "tuesday": 1, "tue": 1, "tues": 1, "selasa": 1,
    "wednesday": 2, "wed": 2, "rabu": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "kamis": 3,
    "friday": 4, "fri": 4, "jumat": 4, "jum'at": 4,
    "saturday": 5, "sat": 5, "sabtu": 5,
    "sunday": 6, "sun": 6, "minggu": 6, "ahad": 6,
}  # fmt: skip

DAY_WORDS = {
    "now": 0, "today": 0, "sekarang": 0, "hari ini": 0, "tadi": 0,
    "yesterday": -1, "kemarin": -1, "kemarin lusa": -2,
    "tomorrow": 1, "besok": 1, "lusa": 2,
}  # fmt: skip

UNITS = {"day": 1, "days": 1, "hari": 1, "week": 7, "weeks": 7, "minggu": 7, "pekan": 7}

# Patterns as text: `re` compiles each on first use (and caches it), so
# logging without --when compiles none of them.
_TIME_SUFFIX = r"^(.*?)(?:\s+(?:at|jam|pukul))?\s+(\d{1,2})[:.](\d{2})$"
_AGO = r"^(\d+|a|an|se)\s*(day|days|week|weeks|hari|minggu|pekan)\s+(?:ago|(?:yang\s+)?lalu)$"
_IN = r"^(?:in\s+(\d+|a|an)\s*(day|days|week|weeks)|(\d+)\s*(hari|minggu|pekan)\s+lagi)$"
_LAST_DAY = r"^(?:last\s+(\S+)|(\S+)\s+(?:lalu|kemarin))$"
_NEXT_DAY = r"^(?:next\s+(\S+)|(\S+)\s+depan)$"


def now() -> datetime:
    """The current local time with its offset; ``$PARTNERLOG_NOW`` fixes it (tests, scripts)."""
    fixed = os.environ.get(ENV_NOW)
    if fixed:
        try:
            value = datetime.fromisoformat(fixed)
        except ValueError:
            raise UsageError(f"{ENV_NOW}={fixed!r} is not an ISO date and time") from None
        return value if value.tzinfo else value.astimezone()
    return datetime.now().astimezone()


def parse_when(
    text: str, now: datetime, *, prefer: str = "past", allow_future: bool = False
) -> datetime:
    """A point in time from what a person typed, relative to ``now``.

    ``prefer="past"`` is for things that happened (``log --when``): "friday"
    means the most recent Friday and a result in the future is refused.
    ``prefer="future"`` is for plans (goal due dates): "friday" is the next one.
    """
    phrase = " ".join(text.strip().lower().split())
    if not phrase:
        raise UsageError("an empty date was given (try 'yesterday' or 2026-11-27)")
    result = _parse_simple(phrase, now, prefer)
    if result is None:
        result = _parse_with_dateparser(phrase, now, prefer)
    if result is None:
        raise UsageError(
            f"cannot understand the date {text!r} "
            "(try 'yesterday', '3 days ago', 'last friday', 'kemarin' or 2026-11-27)"
        )
    if not allow_future and prefer == "past" and result > now + FUTURE_SLACK:
        raise UsageError(
            f"{text!r} is in the future ({result:%a %d %b %Y %H:%M}); log what has happened"
        )
    return result


def parse_day(text: str, now: datetime, *, prefer: str = "past") -> date:
    """A calendar day (for ``--since``, ``--until`` and due dates); never refused as future."""
    return parse_when(text, now, prefer=prefer, allow_future=True).date()


def _parse_simple(phrase: str, now: datetime, prefer: str) -> datetime | None:
    clock: time | None = None
    match = re.match(_TIME_SUFFIX, phrase)
    if match and match.group(1):
        hour, minute = int(match.group(2)), int(match.group(3))
        if hour > 23 or minute > 59:
            return None
        phrase, clock = match.group(1).strip(), time(hour, minute)
    elif re.fullmatch(r"\d{1,2}[:.]\d{2}", phrase):
        hour, minute = (int(x) for x in re.split(r"[:.]", phrase))
        if hour > 23 or minute > 59:
            return None
        return _at(now.date(), time(hour, minute), now)

    iso = _parse_iso(phrase, now)
    if iso is not None:
        if isinstance(iso, datetime):
            return iso if clock is None else _at(iso.date(), clock, now)
        return _at(iso, clock or DEFAULT_TIME, now)

    day = _relative_day(phrase, now.date(), prefer)
    if day is None:
        return None
    if clock is None:
        # "today" is now; any other day named without a time is midday.
        if day == now.date() and phrase in ("now", "today", "sekarang", "hari ini", "tadi"):
            return now.replace(microsecond=0)
        clock = DEFAULT_TIME
    return _at(day, clock, now)


def _parse_iso(phrase: str, now: datetime) -> datetime | date | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}", phrase):
        return None
    try:
        if len(phrase) == 10:
            return date.fromisoformat(phrase)
        value = datetime.fromisoformat(phrase.upper().replace(" ", "T", 1))
    except ValueError:
        raise UsageError(
            f"{phrase!r} is not a valid date (ISO dates look like 2026-11-27)"
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=now.tzinfo)
    return value


def _relative_day(phrase: str, today: date, prefer: str) -> date | None:
    if phrase in DAY_WORDS:
        return today + timedelta(days=DAY_WORDS[phrase])
    if phrase in ("seminggu lalu", "seminggu yang lalu"):
        return today - timedelta(days=7)
    match = re.match(_AGO, phrase)
    if match:
        count = 1 if match.group(1) in ("a", "an", "se") else int(match.group(1))
        return today - timedelta(days=count * UNITS[match.group(2)])
    match = re.match(_IN, phrase)
    if match:
        raw, unit = (match.group(1), match.group(2)) if match.group(2) else match.group(3, 4)
        count = 1 if raw in ("a", "an") else int(raw)
        return today + timedelta(days=count * UNITS[unit])
    if phrase in WEEKDAYS:
        back = (today.weekday() - WEEKDAYS[phrase]) % 7
        if prefer == "future":
            return today + timedelta(days=(WEEKDAYS[phrase] - today.weekday()) % 7)
        return today - timedelta(days=back)
    match = re.match(_LAST_DAY, phrase)
    if match:
        name = match.group(1) or match.group(2)
        if name in ("week", "minggu", "pekan"):
            # "minggu" alone is Sunday, but "minggu lalu" is "last week".
            return today - timedelta(days=7)
        if name in WEEKDAYS:
            back = (today.weekday() - WEEKDAYS[name]) % 7 or 7
            return today - timedelta(days=back)
    match = re.match(_NEXT_DAY, phrase)
    if match:
        name = match.group(1) or match.group(2)
        if name in WEEKDAYS:
            ahead = (WEEKDAYS[name] - today.weekday()) % 7 or 7
            return today + timedelta(days=ahead)
    return None


def _parse_with_dateparser(phrase: str, now: datetime, prefer: str) -> datetime | None:
    import dateparser  # slow to import: only for phrases the simple parser does not know

    settings = {
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "PREFER_DATES_FROM": "future" if prefer == "future" else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        value = dateparser.parse(phrase, languages=["en", "id"], settings=settings)
    except (ValueError, OverflowError):
        return None
    if value is None:
        return None
    if value.time() == time(0, 0) and not re.search(r"\d[:.]\d|midnight|tengah malam", phrase):
        value = datetime.combine(value.date(), DEFAULT_TIME)
    return value.replace(tzinfo=now.tzinfo, microsecond=0)


def _at(day: date, clock: time, now: datetime) -> datetime:
    return datetime.combine(day, clock, tzinfo=now.tzinfo)


def iso(moment: datetime) -> str:
    """How times are stored: ISO 8601 to the second, with the UTC offset."""
    return moment.isoformat(timespec="seconds")


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def describe(moment: datetime, now: datetime) -> str:
    """A date as a person reads it back: "today 18:02", "yesterday 12:00", "Fri 20 Nov 2026"."""
    days = (now.date() - moment.date()).days
    clock = moment.strftime("%H:%M")
    if days == 0:
        return f"today {clock}"
    if days == 1:
        return f"yesterday {clock}"
    return moment.strftime("%a %d %b %Y ") + clock


def ago(moment: datetime | None, now: datetime) -> str:
    """ "today", "yesterday", "3 days ago", "5 weeks ago", or "never"."""
    if moment is None:
        return "never"
    days = (now.date() - moment.date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 100:
        return f"{days} days ago"
    if days < 730:
        return f"{days // 30} months ago"
    return f"{days // 365} years ago"
