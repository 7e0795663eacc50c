from datetime import datetime, timedelta, timezone

import pytest

from partnerlog.core.dates import ago, describe, parse_day, parse_when
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


def test_describe_and_ago_read_naturally():
    assert describe(at(2026, 11, 28, 9, 5), NOW) == "today 09:05"
    assert describe(at(2026, 11, 27), NOW) == "yesterday 12:00"
    assert describe(at(2026, 11, 20), NOW) == "Fri 20 Nov 2026 12:00"
    assert ago(None, NOW) == "never"
    assert ago(at(2026, 11, 25), NOW) == "3 days ago"
    assert ago(at(2026, 10, 1), NOW) == "58 days ago"
    assert ago(at(2026, 1, 1), NOW) == "11 months ago"
    assert ago(at(2023, 1, 1), NOW) == "3 years ago"
