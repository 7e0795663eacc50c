"""Dates as people type them: ISO, English and Indonesian, with an injectable "now".

The common forms (ISO, today, yesterday, N days ago, weekday names, kemarin,
N hari lalu, senin lalu…) are parsed here without any library; anything else
goes to dateparser, imported only when such a phrase appears.
"""

import re
from datetime import date, datetime, time, timedelta

from partnerlog.core import when, zones
from partnerlog.errors import UsageError
from partnerlog.i18n import N_, _

# Where the person is (`core.zones`), read here by the parser and its callers.
ENV_NOW = zones.ENV_NOW
now = zones.now
iso = zones.iso
in_zone = zones.in_zone
take_notes = zones.take_notes

# A day named without a time of day is taken to be midday: it sorts sensibly
# among that day's other entries and never slips into a neighbouring day when
# read in another time zone.
DEFAULT_TIME = time(12, 0)
# A logged interaction may be a few minutes "in the future" when clocks disagree.
FUTURE_SLACK = timedelta(minutes=5)


DAY_WORDS = {
    "now": 0, "today": 0, "sekarang": 0, "hari ini": 0, "tadi": 0,
    "yesterday": -1, "kemarin": -1, "kemarin lusa": -2,
    "tomorrow": 1, "besok": 1, "lusa": 2,
}  # fmt: skip

# Parts of the day, at their usual hour.
PARTS = {
    "pagi": 9, "morning": 9, "siang": 12, "afternoon": 15, "sore": 16, "evening": 19,
    "malam": 20, "night": 20,
}  # fmt: skip
# When each part of the day begins: said for today, once it has begun and
# before its usual hour, it is "earlier today" (now).
PART_STARTS = {
    "pagi": 4, "morning": 5, "siang": 11, "afternoon": 12, "sore": 15, "evening": 17,
    "malam": 18, "night": 18,
}  # fmt: skip
# Whole phrases for a part of a day: (the day, the part).
DAY_PARTS = {
    "this morning": ("today", "morning"), "this afternoon": ("today", "afternoon"),
    "this evening": ("today", "evening"), "tonight": ("today", "night"),
    "last night": ("yesterday", "night"), "semalam": ("kemarin", "malam"),
    "tadi malam": ("kemarin", "malam"), "noon": ("today", "siang"),
    "midday": ("today", "siang"), "nanti sore": ("nanti", "sore"), "nanti malam": ("nanti", "malam"),
}  # fmt: skip
# Words for today (a time or part of the day said with one is today's).
TODAY_WORDS = (
    "", "today", "hari ini", "tadi", "this", "ini", "nanti", "earlier today", "later today",
)  # fmt: skip

# Patterns as text: `re` compiles each on first use (and caches it), so
# logging without --when compiles none of them.
_CLOCK = (
    r"^(?P<rest>.*?)(?:^|\s+)(?:(?P<word>at|jam|pukul)\s+)?(?P<hour>\d{1,2})"
    r"(?:[:.](?P<minute>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?"
    r"(?:\s+(?P<part>pagi|siang|sore|malam|morning|afternoon|evening|night))?$"
)
_PART = r"^(?P<rest>.*?)\s*\b(?P<part>pagi|siang|sore|malam|morning|afternoon|evening|night)(?:\s+ini)?$"
_PART_WORDS = tuple(PARTS)  # (a phrase that ends with none of them has no part of the day)
_CLOCK_FIRST = (
    r"^(?P<clock>(?:at|jam|pukul)\s+\d{1,2}(?:[:.]\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?"
    r"|\d{1,2}[:.]\d{2}(?:\s*(?:am|pm))?|\d{1,2}\s*(?:am|pm))\s+(?P<rest>\D.*)$"
)
# Signs that a phrase names a time of day (dateparser's answer keeps its time).
_SAYS_A_TIME = (
    r"\d[:.]\d|\d\s*(am|pm)\b|\b(at|jam|pukul|noon|midnight|tengah malam|hour|hours|minute"
    r"|minutes|jam|menit|now|sekarang)\b"
)
_LAST_DAY = r"^(?:last\s+(\S+)|(\S+)\s+(?:lalu|kemarin))$"
_NEXT_DAY = r"^(?:next\s+(\S+)|(\S+)\s+depan)$"


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
        raise UsageError(_("an empty date was given (try 'yesterday' or 2026-11-27)"))
    result = _parse_simple(phrase, now, prefer)
    if result is None:
        result = _parse_with_dateparser(phrase, now, prefer)
    if result is None:
        raise UsageError(
            _(
                "cannot understand the date {text!r} (try 'yesterday', '3 days ago', 'last friday', 'kemarin' or 2026-11-27)"
            ).format(text=text)
        )
    if not allow_future and prefer == "past" and result > now + FUTURE_SLACK:
        raise UsageError(
            _("{text!r} is in the future ({when}); log what has happened").format(
                text=text, when=f"{when.full(result.date())} {result:%H:%M}"
            )
        )
    return result


def parse_day(text: str, now: datetime, *, prefer: str = "past") -> date:
    """A calendar day (for ``--since``, ``--until`` and due dates); never refused as future."""
    return parse_when(text, now, prefer=prefer, allow_future=True).date()


def due_day(text: str, now: datetime, name: str, *, ahead: bool = False) -> str:
    """A due date (goals, promises, postpone) as an ISO day. A day that has
    passed is kept (a promise already late is still owed) with a note that it
    is overdue already, or refused with ``ahead`` (postponing to the past). A
    due date is a day: a time given with it ("besok jam 14.00") is not kept,
    and a note says so too."""
    day = parse_day(text, now, prefer="future")
    if day < now.date() and ahead:
        raise UsageError(
            _("{name} {text!r} is {day}, in the past; give a day ahead").format(
                name=name, text=text, day=day
            )
        )
    if day < now.date():
        zones.note(
            N_("{name} {text!r} is {day}, which has passed: it is overdue already"),
            name=name, text=text, day=day.isoformat(),
        )  # fmt: skip
    phrase = text.strip().lower()
    if re.search(_SAYS_A_TIME, phrase) and not re.search(r"\b(now|sekarang)\b", phrase):
        zones.note(N_("a due date is a day: {day} is kept, without the time"), day=day.isoformat())
    return day.isoformat()


def _parse_simple(phrase: str, now: datetime, prefer: str) -> datetime | None:
    """The forms partnerlog knows itself: minutes or hours from now, a day
    (relative, ISO, day-first, named, `core.phrases`), and a time of day ("jam
    3 sore", "9am", "14.30") or a part of the day ("sore", "this morning",
    "semalam") before or after it, or both."""
    from partnerlog.core import calendar_days, phrases  # (only when a date is typed)

    found = phrases.moment(phrase, now)
    if found is not None:
        return found
    if len(phrase) <= 2 and phrase.isdecimal():  # (what r"\d{1,2}" matches)
        raise UsageError(
            _(
                "{phrase!r} is a bare number: write 'jam {phrase}' or '{phrase}:00' for a time, 'tgl {phrase}' for a day"
            ).format(phrase=phrase)
        )
    if phrase.startswith("-", 4) and (iso := _parse_iso(phrase, now)) is not None:
        return iso if isinstance(iso, datetime) else _at(iso, DEFAULT_TIME, now)
    rest, clock, certain = _split_clock(_clock_last(phrase))
    rest, part = _split_part_of_day(rest, now)
    if not rest and clock is None and part is None:
        return None
    today_word = rest in TODAY_WORDS
    if today_word:
        day = now.date()
    elif (iso := _parse_iso(rest, now)) is not None:
        if isinstance(iso, datetime):
            return iso if clock is None else _at(iso.date(), time(*clock), now)
        day = iso
    else:
        day = _relative_day(rest, now.date(), prefer)
        if day is None:
            day = calendar_days.calendar_day(rest, now.date(), prefer)
        if day is None:
            return None
    if clock is None and part is None:
        # "today" is now; any other day named without a time is midday.
        if day == now.date() and (today_word or rest in ("now", "sekarang")):
            return now.replace(microsecond=0)
        if day == now.date() and prefer == "past":  # today, named: not later than now
            return min(now.replace(microsecond=0), _at(day, DEFAULT_TIME, now))
        return _at(day, DEFAULT_TIME, now)
    if clock is None:
        hour = PARTS[part]
        begun = PART_STARTS[part] <= now.hour < hour and rest not in ("nanti", "later today")
        if day == now.date() and prefer == "past" and begun:
            return now.replace(second=0, microsecond=0)  # that part of today has begun
        return _at(day, time(hour, 0), now)
    hour, minute = clock
    if part is not None and not certain:
        hour = _hour_in_part(hour, part)
    elif not certain:
        hour = _bare_hour(hour, minute, day, now, prefer)
    if hour == 24 and today_word and prefer == "past":  # the midnight that began today
        return _at(day, time(0, minute), now)
    if hour >= 24:  # midnight at the end of the day ("jam 12 malam"), or the next day's
        return _at(day + timedelta(days=1), time(hour - 24, minute), now)
    return _at(day, time(hour, minute), now)


def _bare_hour(hour: int, minute: int, day: date, now: datetime, prefer: str) -> int:
    """An hour said without am/pm or a part of the day: today, the most recent
    such time for a log ("at 2" at 15:00 is 14:00), the next for a plan (the
    next day's when today's have passed: 24 and over); on another day, 1 to 6
    are in the afternoon (a meeting at 2 is at 14:00)."""
    if day != now.date():
        return hour + 12 if 1 <= hour <= 6 else hour
    candidates = [hour] if hour == 12 else [hour, hour + 12]
    moments = [(h, datetime.combine(day, time(h, minute), tzinfo=now.tzinfo)) for h in candidates]
    if prefer == "past":
        earlier = [h for h, at in moments if at <= now + FUTURE_SLACK]
        return max(earlier) if earlier else hour
    later = [h for h, at in moments if at >= now]
    return min(later) if later else 24 + (hour + 12 if 1 <= hour <= 6 else hour)


def _clock_last(phrase: str) -> str:
    """A time of day said first ("jam 9 tadi pagi", "9am yesterday") moved to the
    end, where the rest of the parser looks for it."""
    from partnerlog.core.calendar_days import has_digit

    match = re.match(_CLOCK_FIRST, phrase) if has_digit(phrase) else None
    return f"{match['rest']} {match['clock']}" if match else phrase


def _split_clock(phrase: str) -> tuple[str, tuple[int, int] | None, bool]:
    """(the rest, the time of day at the end of ``phrase`` as (hour, minute),
    whether its hour is certain), or (phrase, None, False).

    A time needs a sign that it is one: a word (at, jam, pukul), minutes, am/pm
    or a part of the day. "jam 3 sore" is 15:00, "jam 8 malam" 20:00, "9am"
    09:00; two numbers with a dot are a time (14.30), three a date (20.11.2026).
    The hour is certain with am/pm, a part of the day, a leading zero or past
    12; "jam 12 malam" is 24:00, midnight at the end of that day.
    """
    from partnerlog.core.calendar_days import has_digit

    match = re.match(_CLOCK, phrase) if has_digit(phrase) else None
    if not match or not (match["word"] or match["minute"] or match["ampm"] or match["part"]):
        return phrase, None, False
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    ampm, part = match["ampm"], match["part"]
    if (ampm and not 1 <= hour <= 12) or hour > 23 or minute > 59:
        raise UsageError(
            _("cannot understand the time in {phrase!r} (try jam 9, 14.30 or 3pm)").format(
                phrase=phrase
            )
        )
    if ampm:
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    elif part:
        hour = _hour_in_part(hour, part)
    certain = bool(ampm or part) or hour == 0 or hour > 12 or match["hour"].startswith("0")
    return match["rest"].strip(), (hour, minute), certain


def _hour_in_part(hour: int, part: str) -> int:
    """A clock hour said with a part of the day: "3 sore" is 15, "8 malam" 20, "1 siang" 13."""
    if part in ("siang", "afternoon") and 1 <= hour <= 6:
        return hour + 12
    if part in ("sore", "evening") and 1 <= hour <= 11:
        return hour + 12
    if part in ("malam", "night"):
        if 6 <= hour <= 11:
            return hour + 12
        if hour == 12:
            return 24
    if part in ("pagi", "morning") and hour == 12:
        return 0
    return hour


def _split_part_of_day(phrase: str, now: datetime) -> tuple[str, str | None]:
    """(the day, the part of the day named at its end), or (phrase, None):
    "kemarin sore" → ("kemarin", "sore"), "semalam" → ("kemarin", "malam")."""
    if phrase in DAY_PARTS:
        rest, part = DAY_PARTS[phrase]
        if phrase in ("semalam", "tadi malam") and now.hour >= 20:
            rest = "today"  # said late in the evening, it is tonight
        return rest, part
    said = phrase.removesuffix(" ini")
    match = re.match(_PART, phrase) if said.endswith(_PART_WORDS) else None
    if not match:
        return phrase, None
    rest = match["rest"].strip()
    if rest == "last" and match["part"] in ("night", "evening"):
        rest = "yesterday"
    return rest, match["part"]


def _parse_iso(phrase: str, now: datetime) -> datetime | date | None:
    dashes = phrase.startswith("-", 4) and phrase.startswith("-", 7)
    if not dashes or not re.match(r"^\d{4}-\d{2}-\d{2}", phrase):
        return None
    try:
        if len(phrase) == 10:
            return date.fromisoformat(phrase)
        value = datetime.fromisoformat(phrase.upper().replace(" ", "T", 1))
    except ValueError:
        raise UsageError(
            _("{phrase!r} is not a valid date (ISO dates look like 2026-11-27)").format(
                phrase=phrase
            )
        ) from None
    if value.tzinfo is None:
        value = in_zone(value.replace(tzinfo=now.tzinfo))
    return value


def _relative_day(phrase: str, today: date, prefer: str) -> date | None:
    from partnerlog.core import phrases  # (only when a date is typed)
    from partnerlog.core.calendar_days import WEEKDAYS

    if phrase in DAY_WORDS:
        return today + timedelta(days=DAY_WORDS[phrase])
    found = phrases.day(phrase, today, prefer)
    if found is not None:
        return found
    if phrase in WEEKDAYS:
        back = (today.weekday() - WEEKDAYS[phrase]) % 7
        if prefer == "future":
            return today + timedelta(days=(WEEKDAYS[phrase] - today.weekday()) % 7)
        return today - timedelta(days=back)
    said_last = phrase.startswith("last ") or phrase.endswith((" lalu", " kemarin"))
    match = re.match(_LAST_DAY, phrase) if said_last else None
    if match:
        name = match.group(1) or match.group(2)
        if name in ("week", "minggu", "pekan"):
            # "minggu" alone is Sunday, but "minggu lalu" is "last week".
            return today - timedelta(days=7)
        if name in WEEKDAYS:
            back = (today.weekday() - WEEKDAYS[name]) % 7 or 7
            return today - timedelta(days=back)
    said_next = phrase.startswith("next ") or phrase.endswith(" depan")
    match = re.match(_NEXT_DAY, phrase) if said_next else None
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
    if not re.search(_SAYS_A_TIME, phrase):
        # A day without a time is midday here too, not whatever time it is now.
        value = datetime.combine(value.date(), DEFAULT_TIME)
    return in_zone(value.replace(tzinfo=now.tzinfo, microsecond=0))


def _at(day: date, clock: time, now: datetime) -> datetime:
    return in_zone(datetime.combine(day, clock, tzinfo=now.tzinfo))


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def month_day(text: str, now: datetime) -> tuple[int, int, int | None]:
    """A date that matters to someone: (month, day, year or None).

    "14 March", "march 14", "14/3" and "--03-14" have no year (a birthday kept
    without one); "1990-03-14", "14 March 1990" and "14/3/1990" have one;
    anything else `parse_day` reads ("in 2 weeks", "next monday") is that day.
    29 February without a year is a date; with a year that has none, it is not.
    """
    from partnerlog.core import calendar_days  # (only when a date is typed)

    phrase = " ".join(text.strip().lower().split())
    match = re.fullmatch(r"--(\d{1,2})-(\d{1,2})", phrase)
    if match:
        return _month_day(int(match[1]), int(match[2]), None, text)
    for pattern, order in (
        (calendar_days.NUMERIC_DAY, "dm"),
        (calendar_days.NAMED_DAY, "dm"),
        (calendar_days.MONTH_FIRST, "md"),
    ):
        match = re.fullmatch(pattern, phrase)
        if not match:
            continue
        first, second, year = match[1], match[2], match[3]
        day_text, month_text = (first, second) if order == "dm" else (second, first)
        month = int(month_text) if month_text.isdigit() else calendar_days.month_number(month_text)
        if month is None:
            break
        number = int(year) if year else None
        if number is not None and number < 100:
            number += 2000
        return _month_day(month, int(day_text), number, text)
    day = parse_day(text, now, prefer="future")
    return day.month, day.day, day.year


def _month_day(month: int, day: int, year: int | None, text: str) -> tuple[int, int, int | None]:
    from partnerlog.core.vocabulary import valid_month_day

    if not 1 <= month <= 12:
        raise UsageError(
            _("{text!r} has no month {month}; write it as '14 March' or 1990-03-14").format(
                text=text, month=month
            )
        )
    if not valid_month_day(month, day, year):
        when = f"{day}/{month}/{year}" if year else f"{day}/{month}"
        raise UsageError(
            _("{text!r} is not a date (there is no {when})").format(text=text, when=when)
        )
    return month, day, year
