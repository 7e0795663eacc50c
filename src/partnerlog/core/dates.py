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

# Parts of the day, at their usual hour.
PARTS = {
    "pagi": 9, "morning": 9, "siang": 12, "afternoon": 15, "sore": 16, "evening": 19,
    "malam": 20, "night": 20,
}  # fmt: skip
# Whole phrases for a part of a day: (days from today, hour).
PART_PHRASES = {
    "this morning": (0, 9), "this afternoon": (0, 15), "this evening": (0, 19),
    "tonight": (0, 20), "last night": (-1, 20), "semalam": (-1, 20), "tadi malam": (-1, 20),
    "noon": (0, 12), "midday": (0, 12),
}  # fmt: skip
MONTHS = (
    ("january", "januari"), ("february", "februari", "pebruari"), ("march", "maret"),
    ("april",), ("may", "mei"), ("june", "juni"), ("july", "juli"),
    ("august", "agustus", "agt", "ags"), ("september", "sept"), ("october", "oktober"),
    ("november", "nopember"), ("december", "desember"),
)  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "se": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "satu": 1, "dua": 2, "tiga": 3, "empat": 4,
    "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10,
}  # fmt: skip

UNITS = {"day": 1, "days": 1, "hari": 1, "week": 7, "weeks": 7, "minggu": 7, "pekan": 7}

# Patterns as text: `re` compiles each on first use (and caches it), so
# logging without --when compiles none of them.
_NUMBER = (
    r"\d+|a|an|se|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh"
)
_AGO = rf"^({_NUMBER})\s*(day|days|week|weeks|hari|minggu|pekan)\s+(?:ago|(?:yang\s+)?lalu)$"
_CLOCK = (
    r"^(?P<rest>.*?)(?:^|\s+)(?:(?P<word>at|jam|pukul)\s+)?(?P<hour>\d{1,2})"
    r"(?:[:.](?P<minute>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?"
    r"(?:\s+(?P<part>pagi|siang|sore|malam|morning|afternoon|evening|night))?$"
)
_PART = r"^(?P<rest>.*?)\s*\b(?P<part>pagi|siang|sore|malam|morning|afternoon|evening|night)(?:\s+ini)?$"
_NUMERIC_DAY = r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?"
_TGL = r"(?:tgl\.?|tanggal)\s*(\d{1,2})(?:\s+([a-z]+\.?)(?:\s+(\d{4}))?)?"
_NAMED_DAY = r"(\d{1,2})\s+([a-z]+\.?)(?:\s+(\d{4}))?"
_MONTH_FIRST = r"([a-z]+\.?)\s+(\d{1,2})(?:,?\s+(\d{4}))?"
_IN = r"^(?:in\s+(\d+|a|an)\s*(day|days|week|weeks)|(\d+)\s*(hari|minggu|pekan)\s+lagi)$"
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


def due_day(text: str, now: datetime, name: str, *, past: bool = False) -> str:
    """A due date (goals, promises, postpone) as an ISO day: ahead (today counts),
    a past one refused unless ``past``. A due date is a day: a time given with
    it ("besok jam 14.00") is not kept, and a note says so."""
    day = parse_day(text, now, prefer="future")
    if day < now.date() and not past:
        raise UsageError(
            _("{name} {text!r} is {day}, in the past; give a day ahead").format(
                name=name, text=text, day=day
            )
        )
    phrase = text.strip().lower()
    if re.search(_SAYS_A_TIME, phrase) and not re.search(r"\b(now|sekarang)\b", phrase):
        zones.note(N_("a due date is a day: {day} is kept, without the time"), day=day.isoformat())
    return day.isoformat()


def _parse_simple(phrase: str, now: datetime, prefer: str) -> datetime | None:
    """The forms partnerlog knows itself: a day (relative, ISO, day-first, named),
    then optionally a time of day ("jam 3 sore", "9am", "14.30") or a part of
    the day ("kemarin sore", "this morning", "semalam")."""
    if phrase in PART_PHRASES:
        days, hour = PART_PHRASES[phrase]
        if phrase in ("semalam", "tadi malam") and now.hour >= 20:
            days = 0  # said late in the evening, it is tonight
        return _at(now.date() + timedelta(days=days), time(hour, 0), now)
    if re.match(r"\d{4}-", phrase) and (iso := _parse_iso(phrase, now)) is not None:
        return iso if isinstance(iso, datetime) else _at(iso, DEFAULT_TIME, now)
    rest, clock = _split_clock(phrase)
    if clock is None:
        rest, clock = _split_part_of_day(phrase)
    if rest in ("", "today", "hari ini", "tadi", "this", "ini") and clock is not None:
        return _at(now.date(), clock, now)
    if not rest:
        return None
    iso = _parse_iso(rest, now)
    if iso is not None:
        if isinstance(iso, datetime):
            return iso if clock is None else _at(iso.date(), clock, now)
        return _at(iso, clock or DEFAULT_TIME, now)
    day = _relative_day(rest, now.date(), prefer)
    if day is None:
        day = _calendar_day(rest, now.date(), prefer)
    if day is None:
        return None
    if clock is None:
        # "today" is now; any other day named without a time is midday.
        if day == now.date() and rest in ("now", "today", "sekarang", "hari ini", "tadi"):
            return now.replace(microsecond=0)
        clock = DEFAULT_TIME
    return _at(day, clock, now)


def _split_clock(phrase: str) -> tuple[str, time | None]:
    """(the rest, the time of day at the end of ``phrase``), or (phrase, None).

    A time needs a sign that it is one: a word (at, jam, pukul), minutes, am/pm
    or a part of the day. "jam 3 sore" is 15:00, "jam 8 malam" 20:00, "9am"
    09:00; two numbers with a dot are a time (14.30), three a date (20.11.2026).
    """
    match = re.match(_CLOCK, phrase)
    if not match or not (match["word"] or match["minute"] or match["ampm"] or match["part"]):
        return phrase, None
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
    return match["rest"].strip(), time(hour, minute)


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
            return 0
    if part in ("pagi", "morning") and hour == 12:
        return 0
    return hour


def _split_part_of_day(phrase: str) -> tuple[str, time | None]:
    """(the day, the usual time of a part of the day named at the end), or (phrase, None):
    "kemarin sore" → ("kemarin", 16:00), "yesterday morning" → ("yesterday", 09:00)."""
    match = re.match(_PART, phrase)
    if not match:
        return phrase, None
    rest = match["rest"].strip()
    if rest == "last" and match["part"] in ("night", "evening"):
        rest = "yesterday"
    return rest, time(PARTS[match["part"]], 0)


def _calendar_day(phrase: str, today: date, prefer: str) -> date | None:
    """Days written with numbers or month names: day-first (03/11/2026, 3/11,
    20.11.2026), "tgl 20", "20 nov", "20 November 2026", "november 20"."""
    match = re.fullmatch(_NUMERIC_DAY, phrase)
    if match:
        day, month = int(match[1]), int(match[2])
        year = match[3]
        if not 1 <= month <= 12:
            hint = " " + _("(it is read day-first: day/month/year)") if 1 <= day <= 12 else ""
            raise UsageError(
                _(
                    "{phrase!r} has no month {month}{hint}; write it as 2026-MM-DD to be sure"
                ).format(phrase=phrase, month=month, hint=hint)
            )
        return _day_of(day, month, year, today, prefer, phrase)
    match = re.fullmatch(_TGL, phrase)
    if match:
        day = int(match[1])
        if match[2]:
            month = _month(match[2])
            if month is None:
                return None
            return _day_of(day, month, match[3], today, prefer, phrase)
        if not 1 <= day <= 31:
            raise UsageError(
                _("{phrase!r} is not a valid date (there is no day {day})").format(
                    phrase=phrase, day=day
                )
            )
        # The nearest month with that day, back (or ahead, for plans) from today.
        step = -1 if prefer == "past" else 1
        month, year = today.month, today.year
        while True:
            chosen = _valid_or_none(year, month, day)
            if chosen is not None and (chosen <= today if step < 0 else chosen >= today):
                return chosen
            month += step
            if month in (0, 13):
                month, year = (12, year - 1) if month == 0 else (1, year + 1)
    match = re.fullmatch(_NAMED_DAY, phrase)
    if match:
        month = _month(match[2])
        if month is None:
            return None
        return _day_of(int(match[1]), month, match[3], today, prefer, phrase)
    match = re.fullmatch(_MONTH_FIRST, phrase)
    if match:
        month = _month(match[1])
        if month is None:
            return None
        return _day_of(int(match[2]), month, match[3], today, prefer, phrase)
    return None


def _month(word: str) -> int | None:
    word = word.rstrip(".")
    for number, names in enumerate(MONTHS, start=1):
        if word in names or (len(word) >= 3 and any(n.startswith(word) for n in names)):
            return number
    return None


def _day_of(day: int, month: int, year: str | None, today: date, prefer: str, phrase: str) -> date:
    """A day and month, in the year given, else the nearest year the way ``prefer`` looks."""
    if year is not None:
        number = int(year)
        return _valid(number + 2000 if number < 100 else number, month, day, phrase)
    step = -1 if prefer == "past" else 1
    for year_number in range(today.year, today.year + 9 * step, step):  # 29 February: 8 years
        chosen = _valid_or_none(year_number, month, day)
        if chosen is not None and (chosen <= today if step < 0 else chosen >= today):
            return chosen
    return _valid(today.year, month, day, phrase)


def _valid_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _valid(year: int, month: int, day: int, phrase: str) -> date:
    found = _valid_or_none(year, month, day)
    if found is None:
        raise UsageError(
            _("{phrase!r} is not a valid date (there is no {day}/{month}/{year})").format(
                phrase=phrase, day=day, month=month, year=year
            )
        )
    return found


def _parse_iso(phrase: str, now: datetime) -> datetime | date | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}", phrase):
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
    if phrase in DAY_WORDS:
        return today + timedelta(days=DAY_WORDS[phrase])
    if phrase in ("seminggu lalu", "seminggu yang lalu"):
        return today - timedelta(days=7)
    match = re.match(_AGO, phrase)
    if match:
        count = NUMBER_WORDS.get(match.group(1)) or int(match.group(1))
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
    phrase = " ".join(text.strip().lower().split())
    match = re.fullmatch(r"--(\d{1,2})-(\d{1,2})", phrase)
    if match:
        return _month_day(int(match[1]), int(match[2]), None, text)
    for pattern, order in ((_NUMERIC_DAY, "dm"), (_NAMED_DAY, "dm"), (_MONTH_FIRST, "md")):
        match = re.fullmatch(pattern, phrase)
        if not match:
            continue
        first, second, year = match[1], match[2], match[3]
        day_text, month_text = (first, second) if order == "dm" else (second, first)
        month = int(month_text) if month_text.isdigit() else _month(month_text)
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
