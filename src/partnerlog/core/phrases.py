"""The longer ways people name a moment or a day, in English and Indonesian:
minutes and hours ago or ahead, weeks as weeks, counts ahead, the beginning,
middle and end of a week, month or year, a weekday of this, next or last week.
Read by `core.dates` before its own forms; pure, no library.

The rules, as the README's date table says them:

- "5 mins ago", "1h ago", "sejam lalu", "setengah jam lalu": that long before
  now, to the minute ("in 2 hours", "2 jam lagi": after). "barusan", "just now",
  "earlier today": now.
- "minggu depan", "pekan depan", "next week": a week from today; "minggu lalu",
  "last week": a week ago; "minggu ini", "this week": the end of this work week
  (Friday; today when that has passed) for a plan.
- "3 hari lagi", "seminggu lagi", "in 2 weeks", "sebulan lagi", "bulan depan":
  that many days, weeks or months ahead (a month keeps the day of the month,
  or its last day).
- "awal", "pertengahan", "akhir" ("beginning"/"start", "middle"/"mid", "end")
  of the month: the 1st, the 15th, the last day; of the year: 1 January,
  1 July, 31 December; of the week: Monday, Wednesday, Friday. "akhir pekan",
  "weekend": Saturday. With "ini"/"this", "depan"/"next" or "lalu"/"last"
  that period's; without, the nearest one the way the field looks (back for
  a log, ahead for a plan).
- "hari Jumat", "Jumat ini", "this friday": Friday of this week, or the
  nearest Friday; "Jumat pekan depan", "friday next week": Friday of next
  week; "this past friday": the last Friday before today.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from partnerlog.errors import UsageError
from partnerlog.i18n import _

NUMBERS = {
    "a": 1, "an": 1, "se": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "satu": 1, "dua": 2, "tiga": 3, "empat": 4,
    "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10,
    "setengah": 0.5, "half an": 0.5, "half a": 0.5,
}  # fmt: skip
_COUNT = r"\d+|half an|half a|setengah|se|a|an|one|two|three|four|five|six|seven|eight|nine|ten|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh"  # noqa: E501
MINUTES = {"m": 1, "min": 1, "mins": 1, "minute": 1, "minutes": 1, "menit": 1,
           "h": 60, "hr": 60, "hrs": 60, "hour": 60, "hours": 60, "jam": 60}  # fmt: skip
DAYS = {"day": 1, "days": 1, "hari": 1, "week": 7, "weeks": 7, "minggu": 7, "pekan": 7}
MONTHS = {"month": 1, "months": 1, "bulan": 1, "year": 12, "years": 12, "tahun": 12}
_SPAN = r"(?P<count>" + _COUNT + r")\s*(?P<unit>[a-z]+)"
_PAST = r"\s+(?:ago|(?:yang\s+)?lalu)"
_AHEAD = r"\s+lagi"
NOW_WORDS = ("barusan", "just now", "earlier today", "baru saja", "tadi barusan")
WEEKS = ("minggu", "pekan", "week")
THIS, NEXT, LAST = ("ini", "this"), ("depan", "next"), ("lalu", "last", "kemarin")
# Where in a period: (the week's weekday, the month's day, the year's (month, day)).
PLACES = {
    "awal": (0, 1, (1, 1)), "beginning": (0, 1, (1, 1)), "start": (0, 1, (1, 1)),
    "pertengahan": (2, 15, (7, 1)), "tengah": (2, 15, (7, 1)), "middle": (2, 15, (7, 1)),
    "mid": (2, 15, (7, 1)),
    "akhir": (4, -1, (12, 31)), "end": (4, -1, (12, 31)),
}  # fmt: skip
PERIODS = {"minggu": "week", "pekan": "week", "week": "week", "bulan": "month",
           "month": "month", "tahun": "year", "year": "year"}  # fmt: skip


def moment(phrase: str, now: datetime) -> datetime | None:
    """Minutes or hours from now ("5 mins ago", "sejam lalu", "in 2 hours"), or now."""
    if phrase in NOW_WORDS:
        return now.replace(microsecond=0)
    phrase = {"sejam lalu": "1 jam lalu", "sejam lagi": "1 jam lagi"}.get(phrase, phrase)
    for pattern, sign in _spans(phrase):
        match = re.match(pattern, phrase)
        if match and match["unit"] in MINUTES:
            minutes = _count(match["count"]) * MINUTES[match["unit"]]
            # Elapsed time, right across a daylight-saving change.
            moved = now.astimezone(UTC) + sign * timedelta(minutes=minutes)
            return moved.astimezone(now.tzinfo).replace(second=0, microsecond=0)
    return None


def day(phrase: str, today: date, prefer: str) -> date | None:
    """A day named the longer ways (see the module's rules), or None."""
    ahead = prefer == "future"
    for pattern, sign in _spans(phrase):
        match = re.match(pattern, phrase)
        if match:
            return _later(today, match, sign)
    words = phrase.split()
    if phrase in ("kemarin dulu",):
        return today - timedelta(days=2)
    if phrase in ("nanti", "later today", "end of day", "end of the day", "eod"):
        return today
    if len(words) == 2 and words[0] in PERIODS and words[1] in THIS + NEXT + LAST:
        words = [words[1], words[0]] if words[1] in ("this", "next", "last") else words
    if len(words) == 2 and words[0] in ("this", "next", "last") and words[1] in PERIODS:
        words = [words[1], {"this": "ini", "next": "depan", "last": "lalu"}[words[0]]]
    if len(words) == 2 and words[0] in PERIODS and words[1] in THIS + NEXT + LAST:
        return _whole_period(PERIODS[words[0]], words[1], today, ahead, phrase)
    found = _weekend(phrase, today, ahead)
    if found is None:
        found = _place_in_period(phrase, today, ahead)
    if found is None:
        found = _weekday(phrase, today, ahead)
    return found


def _spans(phrase: str) -> list[tuple[str, int]]:
    """The patterns of a span before or after now ("5 mins ago", "3 hari lagi",
    "in 2 weeks") that ``phrase`` may match, with their sign: by how it ends
    (ago or lalu, lagi) or starts (in); its spaces are single ones. The others
    are not even compiled."""
    found = []
    if phrase.endswith((" ago", " lalu")):
        found.append(("^" + _SPAN + _PAST + "$", -1))
    if phrase.endswith(" lagi"):
        found.append(("^" + _SPAN + _AHEAD + "$", 1))
    if phrase.startswith("in "):
        found.append((r"^in\s+" + _SPAN + "$", 1))
    return found


def _count(text: str) -> float:
    return NUMBERS[text] if text in NUMBERS else int(text)


def _later(today: date, match, sign: int) -> date | None:
    unit, count = match["unit"], _count(match["count"])
    if unit in DAYS and count == int(count):
        return today + sign * timedelta(days=int(count) * DAYS[unit])
    if unit in MONTHS and count == int(count):
        return add_months(today, sign * int(count) * MONTHS[unit])
    return None


def add_months(day_: date, months: int) -> date:
    """The same day ``months`` later (or earlier), or that month's last day."""
    index = day_.year * 12 + day_.month - 1 + months
    year, month = divmod(index, 12)
    last = _days_in(year, month + 1)
    return date(year, month + 1, min(day_.day, last))


def _days_in(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def _whole_period(period: str, which: str, today: date, ahead: bool, phrase: str) -> date | None:
    """ "minggu depan" (a week from today), "bulan lalu" (a month ago), "minggu ini"
    (a plan: the end of this work week)."""
    if which in NEXT or which in LAST:
        sign = 1 if which in NEXT else -1
        if period == "week":
            return today + timedelta(days=7 * sign)
        return add_months(today, sign * (1 if period == "month" else 12))
    if not ahead:  # "this week" in a log: a whole week, not a day
        raise UsageError(
            _(
                "{phrase!r} is a whole week; name a day of it (senin, 'rabu lalu', 2026-11-23)"
            ).format(phrase=phrase)
        )
    return max(today, _place("end", period, today, 0))


def _place(place: str, period: str, today: date, shift: int) -> date:
    """The place in the period ``shift`` periods from today's."""
    weekday, month_day, (month, year_day) = PLACES[place]
    if period == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7 * shift)
        return monday + timedelta(days=weekday)
    if period == "month":
        first = add_months(today.replace(day=1), shift)
        last = _days_in(first.year, first.month)
        return first.replace(day=last if month_day == -1 else month_day)
    return date(today.year + shift, month, year_day)


def _place_in_period(phrase: str, today: date, ahead: bool) -> date | None:
    """ "akhir bulan", "awal tahun depan", "end of the month", "end of next week"."""
    if not phrase.startswith(tuple(PLACES)):
        return None
    match = re.match(
        r"^(?P<place>awal|pertengahan|tengah|akhir|beginning|start|middle|mid|end)"
        r"(?:\s+of)?(?:\s+the)?(?:\s+(?P<pre>this|next|last))?\s+(?P<period>minggu|pekan|week"
        r"|bulan|month|tahun|year)(?:\s+(?P<post>ini|depan|lalu))?$",
        phrase,
    )
    if not match:
        return None
    period, which = PERIODS[match["period"]], match["pre"] or match["post"]
    if which is not None:
        shift = 1 if which in NEXT else -1 if which in LAST else 0
        return _place(match["place"], period, today, shift)
    this = _place(match["place"], period, today, 0)
    if ahead and this < today:
        return _place(match["place"], period, today, 1)
    if not ahead and this > today:
        return _place(match["place"], period, today, -1)
    return this


def _weekend(phrase: str, today: date, ahead: bool) -> date | None:
    """ "akhir pekan", "weekend", "this weekend", "last weekend": its Saturday."""
    if "weekend" not in phrase and "akhir" not in phrase:
        return None
    match = re.match(
        r"^(?:(?P<pre>this|next|last)\s+)?(?:weekend|akhir\s+(?:pekan|minggu))"
        r"(?:\s+(?P<post>ini|depan|lalu))?$",
        phrase,
    )
    if not match:
        return None
    which = match["pre"] or match["post"]
    saturday = today - timedelta(days=today.weekday()) + timedelta(days=5)
    if which in NEXT:
        return saturday + timedelta(days=7)
    if which in LAST:
        return saturday - timedelta(days=7)
    if which is None and not ahead and saturday > today:
        return saturday - timedelta(days=7)
    if ahead and saturday < today:  # a plan on Sunday: the weekend is today
        return today
    return saturday


def _weekday(phrase: str, today: date, ahead: bool) -> date | None:
    """ "hari jumat", "jumat ini", "this friday", "this past friday", "jumat
    pekan depan", "friday next week", "friday last week"."""
    from partnerlog.core.calendar_days import WEEKDAYS

    if not any(word in WEEKDAYS for word in phrase.split()):
        return None
    match = re.match(
        r"^(?:hari\s+)?(?:(?P<pre>this past|this|on)\s+)?(?P<day>[a-z']+)"
        r"(?:\s+(?P<post>ini|(?:minggu|pekan)\s+(?:depan|lalu)|next week|last week))?$",
        phrase,
    )
    if not match or match["day"] not in WEEKDAYS:
        return None
    if not (match["pre"] or match["post"] or phrase.startswith("hari ")):
        return None  # a weekday alone is `core.dates`'s
    monday = today - timedelta(days=today.weekday())
    target = WEEKDAYS[match["day"]]
    post = match["post"] or ""
    if post.endswith(("depan", "next week")):
        return monday + timedelta(days=7 + target)
    if post.endswith(("lalu", "last week")):
        return monday + timedelta(days=target - 7)
    if match["pre"] == "this past":
        return today - timedelta(days=(today.weekday() - target) % 7 or 7)
    if match["pre"] == "this" or post == "ini":
        this = monday + timedelta(days=target)
        # a plan made after this week's one is about next week's
        return this + timedelta(days=7) if ahead and this < today else this
    # "hari jumat", "on friday": the nearest one the way the field looks
    if ahead:
        return today + timedelta(days=(target - today.weekday()) % 7)
    return today - timedelta(days=(today.weekday() - target) % 7)
