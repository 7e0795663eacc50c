"""Moments right in every time zone: each stored with the offset in force at that
moment where the person is (not the offset of "now"), shown in the zone they are
in, and the times daylight saving skips or repeats settled by a stated rule.

Four zones: Jakarta (no daylight saving), Berlin and New York (an hour, on
different dates), Lord Howe (half an hour), with now on both sides of a change.
"""

import json
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .test_calendar import ME, OUTLOOK
from .test_sync_trust import LIBFAKETIME

# Clock changes to test "now" beside (UTC seconds): Berlin's and New York's in
# March and October/November 2026, Lord Howe's in April and October 2026.
_CHANGES = (1774746000, 1792890000, 1772953200, 1793512800, 1775314800, 1791041400)


@pytest.fixture
def zone(monkeypatch):
    """Put the person in an IANA zone, with ``now`` the given local time there."""

    def put(name: str, now: str) -> None:
        monkeypatch.setenv("TZ", name)
        monkeypatch.setenv("PARTNERLOG_NOW", now)
        time.tzset()

    yield put
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def sari(run):
    assert run("partner", "add", "Sari Wulandari", "--relation", "peer").exit_code == 0
    return run


def stored(rows) -> list[str]:
    return [r["occurred_at"] for r in rows("SELECT occurred_at FROM interactions ORDER BY id")]


@pytest.mark.parametrize(
    ("name", "now", "typed", "expected"),
    [
        # Berlin in December (+01:00): a July moment has July's offset.
        ("Europe/Berlin", "2026-12-04T10:00:00+01:00", "2026-07-10 10:00", "2026-07-10T10:00:00+02:00"),
        # Berlin in July (+02:00): a December moment has December's.
        ("Europe/Berlin", "2026-07-15T10:00:00+02:00", "2025-12-01 09:00", "2025-12-01T09:00:00+01:00"),
        # New York in July (-04:00): January is -05:00.
        ("America/New_York", "2026-07-01T12:00:00-04:00", "2026-01-15 09:00", "2026-01-15T09:00:00-05:00"),
        # New York in December: an August day named with a part of the day.
        ("America/New_York", "2026-12-02T12:00:00-05:00", "8 aug morning", "2026-08-08T09:00:00-04:00"),
        # Lord Howe in its summer (+11:00): July is +10:30.
        ("Australia/Lord_Howe", "2026-12-04T10:00:00+11:00", "2026-07-01 10:00", "2026-07-01T10:00:00+10:30"),
        ("Australia/Lord_Howe", "2026-07-04T10:00:00+10:30", "1/1 08:15", "2026-01-01T08:15:00+11:00"),
        # Jakarta has one offset all year.
        ("Asia/Jakarta", "2026-11-28T18:00:00+07:00", "2026-07-10 10:00", "2026-07-10T10:00:00+07:00"),
    ],
)  # fmt: skip
def test_a_typed_moment_gets_the_offset_of_its_own_date(
    sari, rows, zone, name, now, typed, expected
):
    zone(name, now)
    result = sari("log", "sari", "planning", "-w", typed)
    assert result.exit_code == 0, result.stderr
    assert stored(rows) == [expected]


def test_days_ago_across_a_change_keep_the_time_of_day(sari, rows, zone):
    """Three days before Tuesday noon in Berlin, across the October change, is
    Saturday noon in summer time: the same time of day, not an hour off."""
    zone("Europe/Berlin", "2026-10-27T12:00:00+01:00")
    assert sari("log", "sari", "coffee", "-w", "3 days ago").exit_code == 0
    assert sari("log", "sari", "lunch", "-w", "kemarin lusa jam 9").exit_code == 0
    assert stored(rows) == ["2026-10-24T12:00:00+02:00", "2026-10-25T09:00:00+01:00"]


def test_now_is_stored_with_the_offset_in_force_now(sari, rows, zone):
    zone("America/New_York", "2026-03-09T15:00:00Z")  # the Monday after the change
    assert sari("log", "sari", "standup").exit_code == 0
    assert stored(rows) == ["2026-03-09T11:00:00-04:00"]


def test_views_show_each_moment_in_the_zone_you_are_in(sari, zone):
    """Logged in July, looked at in December: still 10:00 on the day, in the
    terminal and in the JSON (whose instant is the one that was meant)."""
    zone("Europe/Berlin", "2026-07-10T18:00:00+02:00")
    assert sari("log", "sari", "planning", "-w", "10:00").exit_code == 0
    zone("Europe/Berlin", "2026-12-04T10:00:00+01:00")
    shown = sari("timeline", "-n", "0").stdout
    assert "10:00" in shown and "11:00" not in shown and "09:00" not in shown
    [entry] = json.loads(sari("timeline", "--json", "-n", "0").stdout)
    assert entry["occurred_at"] == "2026-07-10T10:00:00+02:00"


@pytest.mark.english
def test_a_time_the_clocks_skipped_is_taken_later_and_said(sari, rows, zone):
    zone("Europe/Berlin", "2027-03-29T12:00:00+02:00")
    result = sari("log", "sari", "late call", "-w", "2027-03-28 02:30")
    assert result.exit_code == 0, result.stderr
    assert stored(rows) == ["2027-03-28T03:30:00+02:00"]
    assert "02:30 did not exist on 2027-03-28 in Europe/Berlin" in result.stderr
    assert "03:30" in result.stderr


@pytest.mark.english
def test_a_time_the_clocks_passed_twice_is_the_first_and_said(sari, rows, zone):
    zone("Europe/Berlin", "2026-10-26T12:00:00+01:00")
    result = sari("log", "sari", "night shift", "-w", "2026-10-25 02:30")
    assert result.exit_code == 0, result.stderr
    assert "happened twice on 2026-10-25 in Europe/Berlin" in result.stderr
    assert "2026-10-25T02:30+01:00" in result.stderr  # how to say the second
    # The second, written with its offset, is taken as written, without a note.
    second = sari("log", "sari", "night shift, later", "-w", "2026-10-25T02:30+01:00")
    assert second.exit_code == 0 and "twice" not in second.stderr
    assert stored(rows) == ["2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00"]


def test_lord_howe_skips_half_an_hour(sari, rows, zone):
    """Lord Howe goes from 02:00 to 02:30 on the first Sunday of October."""
    zone("Australia/Lord_Howe", "2026-10-05T12:00:00+11:00")
    assert sari("log", "sari", "x", "-w", "2026-10-04 02:15").exit_code == 0
    assert stored(rows) == ["2026-10-04T02:45:00+11:00"]


def test_a_calendar_series_across_the_change_keeps_its_local_hour(team, tmp_path, zone):
    """A weekly 09:00 meeting in Berlin from October into November, imported by
    someone in Berlin: 09:00 every week, with summer then winter offsets."""
    zone("Europe/Berlin", "2026-12-04T10:00:00+01:00")
    team("partner", "edit", "maria", "--email", "maria@datawise.de")
    path = tmp_path / "outlook.ics"
    path.write_text(
        OUTLOOK.replace("20261103T090000", "20261020T090000").replace(
            "EXDATE;TZID=Europe/Berlin:20261110T090000\n", ""
        )
    )
    result = team("calendar", "import", str(path), "--me", ME)
    assert result.exit_code == 0, result.stderr
    entries = json.loads(team("timeline", "--json", "-n", "0").stdout)
    assert sorted(e["occurred_at"] for e in entries) == [
        "2026-10-20T09:00:00+02:00", "2026-10-27T09:00:00+01:00", "2026-11-03T09:00:00+01:00",
        "2026-11-10T09:00:00+01:00", "2026-11-17T09:00:00+01:00", "2026-11-24T09:00:00+01:00",
    ]  # fmt: skip


def test_a_summer_meeting_after_midnight_stays_on_its_day(team, tmp_path, zone):
    """00:30 in July in Berlin, imported in December: the same day, 00:30."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from .test_calendar import write_calendar

    zone("Europe/Berlin", "2026-12-04T10:00:00+01:00")
    team("partner", "edit", "sari", "--email", "sari@nusantara.co.id")
    start = datetime(2026, 7, 10, 0, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    path = write_calendar(
        tmp_path / "late.ics",
        [{"start": start, "attendees": [("sari@nusantara.co.id", "Sari", "ACCEPTED")]}],
    )
    assert team("calendar", "import", str(path), "--me", ME).exit_code == 0
    [entry] = json.loads(team("timeline", "--json", "-n", "0").stdout)
    assert entry["occurred_at"] == "2026-07-10T00:30:00+02:00"
    assert "2026-07-10 00:30" in team("timeline", "-n", "0").stdout


def test_a_zone_that_cannot_be_read_falls_back_to_the_offset_now(sari, rows, zone):
    zone("Not/AZone", "2026-11-28T18:00:00+07:00")
    result = sari("log", "sari", "x", "-w", "yesterday")
    assert result.exit_code == 0, result.stderr
    assert len(stored(rows)) == 1


# -- the repair of journals written before zones were kept ----------------------------


def _written_before_zones(sari, rows, journal_path):
    """Two entries as the offset of "now" (December, +01:00) left them: one typed
    for July (10:00, wrong offset) and one from a July calendar event (its
    instant right, shown an hour early)."""
    import sqlite3

    assert sari("log", "sari", "typed in July", "-w", "2026-07-10 10:00").exit_code == 0
    assert (
        sari("log", "sari", "from the calendar #calendar", "-w", "2026-07-11 10:00").exit_code == 0
    )
    assert sari("log", "sari", "in December", "-w", "2026-12-01 10:00").exit_code == 0
    with sqlite3.connect(journal_path) as conn:
        conn.execute(
            "UPDATE interactions SET occurred_at = '2026-07-10T10:00:00+01:00' WHERE id = 1"
        )
        conn.execute(
            "UPDATE interactions SET occurred_at = '2026-07-11T09:00:00+01:00' WHERE id = 2"
        )
    conn.close()


def test_db_check_finds_entries_with_another_dates_offset(sari, rows, zone, journal_path):
    zone("Europe/Berlin", "2026-12-04T10:00:00+01:00")
    _written_before_zones(sari, rows, journal_path)
    result = sari("db", "check", "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["zone"] == "Europe/Berlin" and report["times_to_repair"] == 2
    assert [(t["id"], t["corrected"]) for t in report["times"]] == [
        (1, "2026-07-10T10:00:00+02:00"),  # the time of day that was typed
        (2, "2026-07-11T10:00:00+02:00"),  # the calendar's instant
    ]
    # In Jakarta (one offset all year) the same journal has nothing to repair:
    # Berlin's offsets are not Jakarta's, so they were logged elsewhere.
    zone("Asia/Jakarta", "2026-12-04T16:00:00+07:00")
    assert sari("db", "check").exit_code == 0
    assert sari("db", "check", "--zone", "Europe/Berlin").exit_code == 1


@pytest.mark.english
def test_db_check_repair_dry_run_lists_and_changes_nothing(sari, rows, zone, journal_path):
    zone("Europe/Berlin", "2026-12-04T10:00:00+01:00")
    _written_before_zones(sari, rows, journal_path)
    before = stored(rows)
    result = sari("db", "check", "--repair", "--dry-run")
    assert result.exit_code == 1
    assert stored(rows) == before
    assert "#1: 2026-07-10T10:00:00+01:00 → 2026-07-10T10:00:00+02:00" in result.stderr


def test_db_check_repair_fixes_them_as_one_undoable_step(sari, rows, zone, journal_path):
    zone("Europe/Berlin", "2026-12-04T10:00:00+01:00")
    _written_before_zones(sari, rows, journal_path)
    before = stored(rows)
    result = sari("db", "check", "--repair")
    assert result.exit_code == 0, result.stderr
    assert stored(rows) == [
        "2026-07-10T10:00:00+02:00", "2026-07-11T10:00:00+02:00", "2026-12-01T10:00:00+01:00",
    ]  # fmt: skip
    assert sari("db", "check").exit_code == 0
    assert sari("undo", "--yes").exit_code == 0
    assert stored(rows) == before


def test_db_check_refuses_a_zone_that_is_not_one_and_dry_run_alone(sari, rows, unchanged):
    for args in (("--zone", "Mars/Base"), ("--dry-run",)):
        with unchanged():
            result = (
                sari("db", "check", "--repair", *args)
                if args[0] == "--zone"
                else sari("db", "check", *args)
            )
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1


# -- what leaves the journal is the instant that was meant ----------------------------


@pytest.mark.parametrize(
    ("name", "now", "typed", "meant_utc"),
    [
        # New York in March, the week after clocks went forward: February is -05:00.
        ("America/New_York", "2026-03-10T12:00:00-04:00", "2026-02-20 09:00", "2026-02-20T14:00:00+00:00"),
        # Lord Howe in April, after its half-hour change back: March is +11:00.
        ("Australia/Lord_Howe", "2026-04-10T12:00:00+10:30", "2026-03-20 09:00", "2026-03-19T22:00:00+00:00"),
        # Berlin in November: an October morning before the change is +02:00.
        ("Europe/Berlin", "2026-11-02T12:00:00+01:00", "2026-10-24 09:00", "2026-10-24T07:00:00+00:00"),
    ],
)  # fmt: skip
def test_an_exported_instant_is_the_one_that_was_meant(
    sari, zone, tmp_path, name, now, typed, meant_utc
):
    from datetime import UTC, datetime

    zone(name, now)
    assert sari("log", "sari", "planning", "-w", typed).exit_code == 0
    target = tmp_path / "out.json"
    assert sari("export", "-o", str(target)).exit_code == 0
    [entry] = json.loads(target.read_text())["interactions"]
    instant = datetime.fromisoformat(entry["occurred_at"]).astimezone(UTC)
    assert instant.isoformat() == meant_utc


def test_a_promise_due_tomorrow_late_on_a_change_day_is_the_next_local_day(sari, rows, zone):
    """23:30 in New York on the night clocks go back (the day is 25 hours):
    'besok' is the next calendar day there, not two days on or the same day."""
    zone("America/New_York", "2026-11-01T23:30:00-05:00")
    assert sari("owe", "sari", "the deck", "--due", "besok").exit_code == 0
    assert rows("SELECT due_on FROM follow_ups") == [{"due_on": "2026-11-02"}]


def test_a_date_that_matters_comes_up_on_its_local_day_across_a_change(sari, zone):
    """A birthday on 30 March, seen from Berlin on the day the clocks go
    forward (a 23-hour day): tomorrow, in one day."""
    zone("Europe/Berlin", "2026-03-29T22:30:00+02:00")
    assert sari("partner", "date", "add", "sari", "birthday", "30 march").exit_code == 0
    agenda = json.loads(sari("agenda", "--json").stdout)
    assert [(d["label"], d["on"]) for d in agenda["dates"]] == [("birthday", "2026-03-30")]


# -- "now" without the zone's rules --------------------------------------------------------

NOW_ZONES = ("Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Jakarta")
# From 2000 to 2040, with many instants within hours of a change.
INSTANTS = st.one_of(
    st.floats(946_684_800, 2_208_988_800, allow_nan=False),
    st.sampled_from(_CHANGES).flatmap(lambda t: st.floats(t - 2 * 86400, t + 2 * 86400)),
    # the hours around a change: skipped, repeated (either time), and just after
    st.sampled_from(_CHANGES).flatmap(lambda t: st.integers(t - 5 * 3600, t + 5 * 3600)),
)
DELTAS = st.lists(
    st.one_of(st.integers(-400 * 86400, 400 * 86400), st.integers(-45 * 86400, 45 * 86400)),
    max_size=8,
).map(lambda found: [0, 1, -1, 3599, -3600, 22 * 3600, -23 * 3600, 86400, -86400, *found])


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.sampled_from(NOW_ZONES), instant=INSTANTS, deltas=DELTAS)
# The repeated hour's second time in Berlin and New York, and Lord Howe's
# repeated half hour; an hour before each; a day and four hours after.
@example("Europe/Berlin", 1792891800, [0])
@example("America/New_York", 1793514600, [0])
@example("Australia/Lord_Howe", 1775315700, [0])
@example("Europe/Berlin", 1792886400, [0])
@example("America/New_York", 1793512800 + 86400 + 4 * 3600, [0, -86400 - 4 * 3600])
def test_now_without_the_rules_answers_as_the_rules_do(monkeypatch, name, instant, deltas):
    """`zones.now_at` reads the offset in force now from the C library; every
    moment made from it (days and hours away, converted to and from UTC,
    changed to another time of day, either of a repeated hour, settled across a
    change) says what the zone's rules say."""
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    from partnerlog.core import zones

    monkeypatch.setenv("TZ", name)
    time.tzset()
    rules = ZoneInfo(name)
    real = datetime.fromtimestamp(instant, rules)
    quick = zones.now_at(instant)
    if quick is None:  # within a day of a change, near enough for "now" to need the rules
        hours = {
            datetime.fromtimestamp(instant + 3600 * h, rules).utcoffset() for h in range(-27, 28)
        }
        assert len(hours) > 1
        return
    assert quick.isoformat() == real.isoformat() and quick.tzname() == real.tzname()
    assert quick.tzinfo.key == name and quick.dst() == real.dst()
    for seconds in deltas:
        step = timedelta(seconds=seconds)
        assert (quick + step).isoformat() == (real + step).isoformat(), seconds
        assert (quick + step).astimezone(UTC) == (real + step).astimezone(UTC)
        moment = datetime.fromtimestamp(instant + seconds, UTC)
        assert moment.astimezone(quick.tzinfo).isoformat() == moment.astimezone(rules).isoformat()
        at_two = (quick + step).replace(hour=2, minute=30)
        assert at_two.utcoffset() == (real + step).replace(hour=2, minute=30).utcoffset()
        assert (quick + step).date() == (real + step).date()
        for fold in (0, 1):
            wall = (quick + step).replace(fold=fold)
            assert wall.utcoffset() == (real + step).replace(fold=fold).utcoffset(), seconds
        assert zones.in_zone(quick + step).isoformat() == zones.in_zone(real + step).isoformat()
    monkeypatch.undo()
    time.tzset()


@pytest.mark.skipif(LIBFAKETIME is None, reason="libfaketime (Debian's faketime) is not installed")
@pytest.mark.parametrize(
    ("zone_name", "clock", "stored"),
    [
        # Berlin's repeated hour, each time; the hour before; a summer noon.
        ("Europe/Berlin", "@2026-10-25 00:30:00", "2026-10-25T02:30:00+02:00"),
        ("Europe/Berlin", "@2026-10-25 01:30:00", "2026-10-25T02:30:00+01:00"),
        ("Europe/Berlin", "@2026-10-24 23:30:00", "2026-10-25T01:30:00+02:00"),
        ("Europe/Berlin", "@2026-07-01 10:00:00", "2026-07-01T12:00:00+02:00"),
        # New York's second 01:30; Lord Howe's second 01:45.
        ("America/New_York", "@2026-11-01 06:30:00", "2026-11-01T01:30:00-05:00"),
        ("Australia/Lord_Howe", "@2026-04-04 15:15:00", "2026-04-05T01:45:00+10:30"),
    ],
)
def test_log_stores_the_real_now_under_a_whole_process_clock(tmp_path, zone_name, clock, stored):
    """The console script under libfaketime (the clock at a UTC moment), with no
    $PARTNERLOG_NOW: the moment stored is now, with the offset in force, in the
    hours around a change too."""
    import os
    import shutil
    import sqlite3
    import subprocess
    import sys

    script = shutil.which("partnerlog", path=os.path.dirname(sys.executable))
    env = {k: v for k, v in os.environ.items() if k != "PARTNERLOG_NOW"}
    env.update(PARTNERLOG_DB=str(tmp_path / "j.db"), PARTNERLOG_LANG="en", TZ=zone_name)
    from datetime import UTC, datetime

    at = int(datetime.fromisoformat(clock[1:]).replace(tzinfo=UTC).timestamp())
    env.update(LD_PRELOAD=LIBFAKETIME, FAKETIME=f"@{at}", FAKETIME_FMT="%s")
    env["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
    for args in (("partner", "add", "Sari"), ("log", "sari", "now")):
        done = subprocess.run([script, *args], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(tmp_path / "j.db")
    [(found,)] = conn.execute("SELECT occurred_at FROM interactions").fetchall()
    conn.close()
    assert found[:16] + found[19:] == stored[:16] + stored[19:]


@pytest.mark.parametrize("name", NOW_ZONES)
def test_now_without_the_rules_copies_pickles_and_names_itself_as_the_rules_do(monkeypatch, name):
    import copy
    import pickle
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from partnerlog.core import zones

    monkeypatch.setenv("TZ", name)
    time.tzset()
    quick = zones.now_at(1790000000.0)  # (a September day, far from any change)
    assert type(quick.tzinfo) is zones.NowZone
    for made in (copy.copy(quick), copy.deepcopy(quick), pickle.loads(pickle.dumps(quick))):
        assert made == quick and made.isoformat() == quick.isoformat()
    assert str(quick.tzinfo) == name == zones.zone_name(quick.tzinfo)
    assert quick.strftime("%Z %z") == datetime.fromtimestamp(1790000000, ZoneInfo(name)).strftime(
        "%Z %z"
    )
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    "moment",
    ["0001-01-01T00:00:00+00:00", "0001-01-02T00:00:00+00:00", "9999-12-31T23:59:59+00:00",
     "9999-11-20T00:00:00+00:00", "1899-12-31T23:59:59", "9001-01-01T00:00:00+00:00",
     "1900-01-01T00:00:00+00:00", "9000-12-31T12:00:00+00:00"],
)  # fmt: skip
def test_now_at_the_ends_of_time_is_never_an_internal_error(sari, monkeypatch, moment, unchanged):
    """$PARTNERLOG_NOW beyond the years every command can compute from is
    refused in one line (exit 2, nothing changed); within them, every command
    answers, never with an internal error."""
    monkeypatch.setenv("PARTNERLOG_NOW", moment)
    beyond = not 1900 <= int(moment[:4]) <= 9000
    for args in (("due",), ("summary",), ("agenda",), ("log", "sari", "x"), ("timeline",)):
        if beyond:
            with unchanged():
                result = sari(*args)
            assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
            assert "PARTNERLOG_NOW" in result.stderr
        else:
            result = sari(*args)
            assert result.exit_code in (0, 6), (args, result.stderr)
