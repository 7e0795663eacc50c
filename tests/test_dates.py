from datetime import datetime, timedelta, timezone

import pytest

from partnerlog.core.dates import parse_day, parse_when
from partnerlog.core.when import ago, describe
from partnerlog.errors import UsageError

WIB = timezone(timedelta(hours=7))
NOW = datetime(2026, 11, 28, 18, 0, tzinfo=WIB)  # Saturday


def at(y, m, d, hh=12, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=WIB)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("today", NOW),
        ("now", NOW),
        ("hari ini", NOW),
        ("yesterday", at(2026, 11, 27)),
        ("Yesterday", at(2026, 11, 27)),
        ("kemarin", at(2026, 11, 27)),
        ("kemarin lusa", at(2026, 11, 26)),
        ("3 days ago", at(2026, 11, 25)),
        ("1 day ago", at(2026, 11, 27)),
        ("a week ago", at(2026, 11, 21)),
        ("2 weeks ago", at(2026, 11, 14)),
        ("3 hari lalu", at(2026, 11, 25)),
        ("3 hari yang lalu", at(2026, 11, 25)),
        ("2 minggu lalu", at(2026, 11, 14)),
        ("minggu lalu", at(2026, 11, 21)),
        ("friday", at(2026, 11, 27)),
        ("saturday", at(2026, 11, 28)),
        ("last friday", at(2026, 11, 27)),
        ("last saturday", at(2026, 11, 21)),
        ("monday", at(2026, 11, 23)),
        ("senin lalu", at(2026, 11, 23)),
        ("jumat", at(2026, 11, 27)),
        ("rabu kemarin", at(2026, 11, 25)),
        ("2026-11-20", at(2026, 11, 20)),
        ("2026-11-20 09:30", at(2026, 11, 20, 9, 30)),
        ("2026-11-20T09:30", at(2026, 11, 20, 9, 30)),
        ("yesterday 14:30", at(2026, 11, 27, 14, 30)),
        ("kemarin jam 14.00", at(2026, 11, 27, 14, 0)),
        ("9:15", at(2026, 11, 28, 9, 15)),
        ("20 november", at(2026, 11, 20)),  # dateparser
        ("  Yesterday  ", at(2026, 11, 27)),
    ],
)
def test_parse_when_understands(text, expected):
    assert parse_when(text, NOW) == expected


def test_an_iso_time_with_an_offset_keeps_it():
    assert parse_when("2026-11-20T09:30+01:00", NOW).utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("blorp", "cannot understand the date 'blorp'"),
        ("", "empty date"),
        ("2026-13-01", "not a valid date"),
        ("2026-02-30", "not a valid date"),
        ("25:00", "cannot understand"),
        ("tomorrow", "in the future"),
        ("besok", "in the future"),
        ("next friday", "in the future"),
        ("2027-01-01", "in the future"),
    ],
)
@pytest.mark.english
def test_parse_when_refuses(text, fragment):
    with pytest.raises(UsageError) as caught:
        parse_when(text, NOW)
    assert fragment in caught.value.message
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    "text, expected",
    [
        ("friday", "2026-12-04"),
        ("saturday", "2026-11-28"),
        ("next monday", "2026-11-30"),
        ("senin depan", "2026-11-30"),
        ("tomorrow", "2026-11-29"),
        ("besok", "2026-11-29"),
        ("in 10 days", "2026-12-08"),
        ("3 hari lagi", "2026-12-01"),
        ("2027-03-31", "2027-03-31"),
    ],
)
def test_future_days_for_plans(text, expected):
    assert parse_day(text, NOW, prefer="future").isoformat() == expected


@pytest.mark.english
def test_describe_and_ago_read_naturally():
    assert describe(at(2026, 11, 28, 9, 5), NOW) == "today 09:05"
    assert describe(at(2026, 11, 27), NOW) == "yesterday 12:00"
    assert describe(at(2026, 11, 20), NOW) == "Fri 20 Nov 2026 12:00"
    assert ago(None, NOW) == "never"
    assert ago(at(2026, 11, 25), NOW) == "3 days ago"
    assert ago(at(2026, 10, 1), NOW) == "58 days ago"
    assert ago(at(2026, 1, 1), NOW) == "11 months ago"
    assert ago(at(2023, 1, 1), NOW) == "3 years ago"


# -- written as people say it: day-first, Indonesian, times and parts of the day -----------

SAID = [
    ("03/11/2026", at(2026, 11, 3)),
    ("13/11/2026", at(2026, 11, 13)),
    ("3/11", at(2026, 11, 3)),
    ("03-11-2026", at(2026, 11, 3)),
    ("20.11.2026", at(2026, 11, 20)),
    ("20/12", at(2025, 12, 20)),  # no year, in the past: last December
    ("29/02/2024", at(2024, 2, 29)),
    ("31/10", at(2026, 10, 31)),
    ("1/3/25", at(2025, 3, 1)),
    ("kemarin jam 9", at(2026, 11, 27, 9)),
    ("kemarin jam 9.30", at(2026, 11, 27, 9, 30)),
    ("kemarin pukul 14.30", at(2026, 11, 27, 14, 30)),
    ("pukul 14.30", at(2026, 11, 28, 14, 30)),
    ("jam 9", at(2026, 11, 28, 9)),
    ("kemarin jam 3 sore", at(2026, 11, 27, 15)),
    ("kemarin jam 1 siang", at(2026, 11, 27, 13)),
    ("kemarin jam 8 malam", at(2026, 11, 27, 20)),
    ("9am", at(2026, 11, 28, 9)),
    ("3pm", at(2026, 11, 28, 15)),
    ("yesterday 3pm", at(2026, 11, 27, 15)),
    ("yesterday 9:30am", at(2026, 11, 27, 9, 30)),
    ("15:00", at(2026, 11, 28, 15)),
    ("14.30", at(2026, 11, 28, 14, 30)),
    ("tadi pagi", at(2026, 11, 28, 9)),
    ("tadi siang", at(2026, 11, 28, 12)),
    ("tadi sore", at(2026, 11, 28, 16)),
    ("kemarin sore", at(2026, 11, 27, 16)),
    ("kemarin pagi", at(2026, 11, 27, 9)),
    ("semalam", at(2026, 11, 27, 20)),
    ("tadi malam", at(2026, 11, 27, 20)),
    ("this morning", at(2026, 11, 28, 9)),
    ("this afternoon", at(2026, 11, 28, 15)),
    ("last night", at(2026, 11, 27, 20)),
    ("yesterday evening", at(2026, 11, 27, 19)),
    ("kemarin lusa", at(2026, 11, 26)),
    ("tgl 20", at(2026, 11, 20)),
    ("tanggal 20", at(2026, 11, 20)),
    ("tgl 31", at(2026, 10, 31)),  # November has no 31st: the last month that has
    ("tgl 20 okt", at(2026, 10, 20)),
    ("20 oktober", at(2026, 10, 20)),
    ("20 Oktober 2025", at(2025, 10, 20)),
    ("3 desember", at(2025, 12, 3)),
    ("20 nov", at(2026, 11, 20)),
    ("november 20", at(2026, 11, 20)),
    ("1 agustus 2026", at(2026, 8, 1)),
    ("three days ago", at(2026, 11, 25)),
    ("dua hari lalu", at(2026, 11, 26)),
    ("rabu jam 10", at(2026, 11, 25, 10)),
    ("senin lalu jam 9", at(2026, 11, 23, 9)),
]


@pytest.mark.parametrize("text, expected", SAID, ids=[t for t, _ in SAID])
def test_dates_as_people_say_them(text, expected):
    assert parse_when(text, NOW) == expected


MONTH_END = datetime(2026, 3, 1, 8, 0, tzinfo=WIB)  # the morning of 1 March


@pytest.mark.parametrize(
    "text, expected",
    [
        ("kemarin", datetime(2026, 2, 28, 12, 0, tzinfo=WIB)),
        ("semalam", datetime(2026, 2, 28, 20, 0, tzinfo=WIB)),
        ("tgl 30", datetime(2026, 1, 30, 12, 0, tzinfo=WIB)),  # February has none
        ("29/2", datetime(2024, 2, 29, 12, 0, tzinfo=WIB)),  # the last 29 February
        ("31/12", datetime(2025, 12, 31, 12, 0, tzinfo=WIB)),
    ],
)
def test_month_ends_and_leap_days(text, expected):
    assert parse_when(text, MONTH_END) == expected


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("11/23/2026", "no month 23 (it is read day-first"),
        ("31/11/2026", "not a valid date"),
        ("tgl 32", "not a valid date"),
        ("jam 25", "cannot understand the time"),
        ("13pm", "cannot understand the time"),
        ("jam 8 malam", "in the future"),  # 20:00, and it is 18:00
    ],
)
@pytest.mark.english
def test_dates_that_cannot_be_meant_are_refused(text, fragment):
    with pytest.raises(UsageError) as caught:
        parse_when(text, NOW)
    assert fragment in caught.value.message


def test_plans_look_ahead_with_the_same_forms():
    assert parse_day("20/12", NOW, prefer="future").isoformat() == "2026-12-20"
    assert parse_day("tgl 5", NOW, prefer="future").isoformat() == "2026-12-05"
    assert parse_day("3 januari", NOW, prefer="future").isoformat() == "2027-01-03"


def test_a_fallback_phrase_without_a_time_is_midday_too():
    assert parse_when("20th of november", NOW) == at(2026, 11, 20)


def test_every_documented_form_stays_off_dateparser():
    import json
    import subprocess
    import sys

    forms = [text for text, _ in SAID]
    code = (
        "import json, sys\n"
        "from datetime import datetime, timedelta, timezone\n"
        "from partnerlog.core.dates import parse_when\n"
        "now = datetime(2026, 11, 28, 18, 0, tzinfo=timezone(timedelta(hours=7)))\n"
        f"for text in {forms!r}:\n"
        "    parse_when(text, now)\n"
        "print(json.dumps('dateparser' in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert json.loads(result.stdout) is False, result.stderr
