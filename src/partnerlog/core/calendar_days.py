"""Days written with numbers or month names: day-first (03/11/2026, 3/11,
20.11.2026), "tgl 20", "the 5th", "20 nov", "20 November 2026", "november
20". A day without a year is the nearest one the way the field looks (back
for a log, ahead for a plan). Pure; read by `core.dates` and `core.phrases`.
"""

import re
from datetime import date

from partnerlog.errors import UsageError
from partnerlog.i18n import _

MONTHS = (
    ("january", "januari"), ("february", "februari", "pebruari"), ("march", "maret"),
    ("april",), ("may", "mei"), ("june", "juni"), ("july", "juli"),
    ("august", "agustus", "agt", "ags"), ("september", "sept"), ("october", "oktober"),
    ("november", "nopember"), ("december", "desember"),
)  # fmt: skip
# The days of the week by name, in English and Indonesian (Monday is 0).
WEEKDAYS = {
    "monday": 0, "mon": 0, "senin": 0,
    "tuesday": 1, "tue": 1, "tues": 1, "selasa": 1,
    "wednesday": 2, "wed": 2, "rabu": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "kamis": 3,
    "friday": 4, "fri": 4, "jumat": 4, "jum'at": 4,
    "saturday": 5, "sat": 5, "sabtu": 5,
    "sunday": 6, "sun": 6, "minggu": 6, "ahad": 6,
}  # fmt: skip
NUMERIC_DAY = r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?"
TGL = r"(?:tgl\.?|tanggal)\s*(\d{1,2})(?:\s+([a-z]+\.?)(?:\s+(\d{4}))?)?"
ORDINAL = r"(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)()()"
NAMED_DAY = r"(\d{1,2})\s+([a-z]+\.?)(?:\s+(\d{4}))?"
MONTH_FIRST = r"([a-z]+\.?)\s+(\d{1,2})(?:,?\s+(\d{4}))?"


def has_digit(phrase: str) -> bool:
    """Whether ``phrase`` has a digit (what ``\\d`` matches): a pattern that needs
    one is not even compiled for a phrase without (a new process compiles each
    pattern it tries, a millisecond of `log -w` for a handful)."""
    return any(character.isdecimal() for character in phrase)


def calendar_day(phrase: str, today: date, prefer: str) -> date | None:
    """Days written with numbers or month names: day-first (03/11/2026, 3/11,
    20.11.2026), "tgl 20", "20 nov", "20 November 2026", "november 20"."""
    if not has_digit(phrase):  # (every form below has one)
        return None
    match = re.fullmatch(NUMERIC_DAY, phrase)
    if match:
        day, month = int(match[1]), int(match[2])
        year = match[3]
        if not 1 <= month <= 12:
            hint = " " + _("(it is read day-first: day/month/year)") if 1 <= day <= 12 else ""
            number = int(year) if year else today.year
            number += 2000 if number < 100 else 0
            swapped = valid_or_none(number, day, month) if day <= 12 else None
            raise UsageError(
                _("{phrase!r} has no month {month}{hint}; write it as {iso} to be sure").format(
                    phrase=phrase, month=month, hint=hint,
                    iso=swapped.isoformat() if swapped else f"{number}-MM-DD",
                )
            )  # fmt: skip
        return _day_of(day, month, year, today, prefer, phrase)
    match = re.fullmatch(TGL, phrase) or re.fullmatch(ORDINAL, phrase)
    if match:
        day = int(match[1])
        if match[2]:
            month = month_number(match[2])
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
            chosen = valid_or_none(year, month, day)
            if chosen is not None and (chosen <= today if step < 0 else chosen >= today):
                return chosen
            month += step
            if month in (0, 13):
                month, year = (12, year - 1) if month == 0 else (1, year + 1)
    match = re.fullmatch(NAMED_DAY, phrase)
    if match:
        month = month_number(match[2])
        if month is None:
            return None
        return _day_of(int(match[1]), month, match[3], today, prefer, phrase)
    match = re.fullmatch(MONTH_FIRST, phrase)
    if match:
        month = month_number(match[1])
        if month is None:
            return None
        return _day_of(int(match[2]), month, match[3], today, prefer, phrase)
    return None


def month_number(word: str) -> int | None:
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
        chosen = valid_or_none(year_number, month, day)
        if chosen is not None and (chosen <= today if step < 0 else chosen >= today):
            return chosen
    return _valid(today.year, month, day, phrase)


def valid_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _valid(year: int, month: int, day: int, phrase: str) -> date:
    found = valid_or_none(year, month, day)
    if found is None:
        raise UsageError(
            _("{phrase!r} is not a valid date (there is no {day}/{month}/{year})").format(
                phrase=phrase, day=day, month=month, year=year
            )
        )
    return found
