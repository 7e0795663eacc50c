"""The calendar does the logging: iCalendar files in, interactions out; and people from vCards."""

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from icalendar import Calendar, Event, vCalAddress

from .test_last_contacts import kept

WIB = timezone(timedelta(hours=7))
ME = "me@nusantara.co.id"

# A Google Calendar export: X-WR-TIMEZONE, floating times, a weekly 1:1 with an
# EXDATE and one occurrence moved, a Meet link, a declined event, a cancelled one.
GOOGLE = """BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
X-WR-TIMEZONE:Asia/Jakarta
BEGIN:VEVENT
UID:weekly-1on1@google.com
DTSTART:20261102T100000
DTEND:20261102T103000
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE:20261109T100000
SUMMARY:Sari / me weekly
LOCATION:https://meet.google.com/abc-defg-hij
ORGANIZER;CN=Me:mailto:me@nusantara.co.id
ATTENDEE;CN=Sari Wulandari;PARTSTAT=ACCEPTED:mailto:sari@nusantara.co.id
ATTENDEE;CN=Me;PARTSTAT=ACCEPTED:mailto:me@nusantara.co.id
END:VEVENT
BEGIN:VEVENT
UID:weekly-1on1@google.com
RECURRENCE-ID:20261116T100000
DTSTART:20261117T140000
DTEND:20261117T143000
SUMMARY:Sari / me weekly (moved)
LOCATION:https://meet.google.com/abc-defg-hij
ORGANIZER;CN=Me:mailto:me@nusantara.co.id
ATTENDEE;CN=Sari Wulandari;PARTSTAT=ACCEPTED:mailto:sari@nusantara.co.id
END:VEVENT
BEGIN:VEVENT
UID:declined@google.com
DTSTART:20261110T090000
DTEND:20261110T100000
SUMMARY:Planning I skipped
ATTENDEE;CN=Budi Santoso:mailto:budi@nusantara.co.id
ATTENDEE;CN=Me;PARTSTAT=DECLINED:mailto:me@nusantara.co.id
END:VEVENT
BEGIN:VEVENT
UID:cancelled@google.com
DTSTART:20261111T090000
DTEND:20261111T100000
STATUS:CANCELLED
SUMMARY:Cancelled review
ATTENDEE;CN=Budi Santoso:mailto:budi@nusantara.co.id
END:VEVENT
END:VCALENDAR
"""


def write_calendar(path: Path, events: list[dict]) -> Path:
    """A real .ics file, built with icalendar."""
    calendar = Calendar()
    calendar.add("prodid", "-//partnerlog tests//EN")
    calendar.add("version", "2.0")
    for n, spec in enumerate(events):
        event = Event()
        event.add("uid", spec.get("uid", f"event-{n}@test"))
        event.add("summary", spec.get("title", "Meeting"))
        event.add("dtstart", spec["start"])
        event.add("dtend", spec.get("end", spec["start"] + timedelta(minutes=30))
                  if isinstance(spec["start"], datetime) else spec["start"] + timedelta(days=1))  # fmt: skip
        if "location" in spec:
            event.add("location", spec["location"])
        if "status" in spec:
            event.add("status", spec["status"])
        for email, name, answer in spec.get("attendees", []):
            attendee = vCalAddress(f"mailto:{email}")
            attendee.params["cn"] = name
            attendee.params["partstat"] = answer
            event.add("attendee", attendee, encode=0)
        calendar.add_component(event)
    path.write_bytes(calendar.to_ical())
    return path


def at(day: int, hour: int = 10, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=WIB)


@pytest.fixture
def people(team):
    team("partner", "edit", "sari", "--email", "sari@nusantara.co.id")
    team("partner", "edit", "budi", "--email", "budi@nusantara.co.id")
    return team


def entries(run, *args):
    return json.loads(run("timeline", "--json", "-n", "0", *args).stdout)


@pytest.mark.english
def test_a_google_export_becomes_entries(people, tmp_path):
    path = tmp_path / "google.ics"
    path.write_text(GOOGLE)
    result = people("calendar", "import", str(path), "--me", ME)
    assert result.exit_code == 0, result.stderr
    logged = entries(people, "--tag", "calendar")
    # Weekly from 2 November, 4 times, without 9 November, the 16th moved to the 17th.
    # (X-WR-TIMEZONE is Jakarta: these instants, in whatever zone the importer is)
    assert sorted(datetime.fromisoformat(e["occurred_at"]).astimezone(WIB).isoformat()
                  for e in logged) == [
        "2026-11-02T10:00:00+07:00", "2026-11-17T14:00:00+07:00", "2026-11-23T10:00:00+07:00",
    ]  # fmt: skip
    assert {e["kind"] for e in logged} == {"1on1"}
    assert {e["setting"] for e in logged} == {"remote"}
    assert all(e["partners"] == ["sari"] and e["tags"] == ["calendar"] for e in logged)
    assert "Skipped: 1 declined, 1 cancelled." in result.stderr


@pytest.mark.english
def test_importing_again_adds_nothing_and_keeps_the_uuids(people, tmp_path, rows):
    path = tmp_path / "google.ics"
    path.write_text(GOOGLE)
    people("calendar", "import", str(path), "--me", ME)
    before = rows("SELECT id, uuid, occurred_at, note FROM interactions ORDER BY id")
    again = people("calendar", "import", str(path))  # --me is remembered
    assert again.exit_code == 0 and "0 meetings were logged" in again.stderr
    assert rows("SELECT id, uuid, occurred_at, note FROM interactions ORDER BY id") == before


@pytest.mark.english
def test_a_moved_meeting_moves_its_entry(people, tmp_path, rows):
    path = tmp_path / "cal.ics"
    sari = [("sari@nusantara.co.id", "Sari Wulandari", "ACCEPTED"), (ME, "Me", "ACCEPTED")]
    write_calendar(path, [{"uid": "u1", "start": at(20), "title": "Coffee", "attendees": sari}])
    people("calendar", "import", str(path), "--me", ME)
    write_calendar(path, [{"uid": "u1", "start": at(21, 15), "title": "Coffee", "attendees": sari}])
    result = people("calendar", "import", str(path))
    assert "1 updated" in result.stderr
    [row] = rows("SELECT occurred_at FROM interactions")
    assert datetime.fromisoformat(row["occurred_at"]) == at(21, 15)  # that instant, in any zone


@pytest.mark.parametrize(
    "spec, kind, setting",
    [
        ({"title": "Lunch with the team", "location": "Warung Sunda"}, "lunch", "outside"),
        ({"title": "Ngopi sore", "location": "Kopi Kenangan"}, "coffee", "outside"),
        ({"title": "Makan siang", "location": "Kantin"}, "lunch", "outside"),
        ({"title": "Quarterly review", "location": "Room 4"}, "review", "office"),
        ({"title": "Sync", "location": "https://zoom.us/j/123"}, "meeting", "remote"),
        ({"title": "Sync"}, "meeting", "remote"),
    ],
)
def test_kind_and_place_come_from_the_title_and_location(people, tmp_path, spec, kind, setting):
    group = [("sari@nusantara.co.id", "Sari", "ACCEPTED"), ("budi@nusantara.co.id", "Budi", "ACCEPTED"),
             (ME, "Me", "ACCEPTED")]  # fmt: skip
    path = write_calendar(tmp_path / "c.ics", [{**spec, "start": at(20), "attendees": group}])
    assert people("calendar", "import", str(path), "--me", ME).exit_code == 0
    [entry] = entries(people)
    assert (entry["kind"], entry["setting"]) == (kind, setting)
    assert entry["partners"] == ["budi", "sari"]


def test_all_day_future_and_partnerless_events_are_skipped_and_counted(people, tmp_path):
    sari = [("sari@nusantara.co.id", "Sari", "ACCEPTED")]
    path = write_calendar(tmp_path / "c.ics", [
        {"start": date(2026, 11, 20), "attendees": sari},
        {"start": at(30, month=12), "attendees": sari},
        {"start": at(20), "attendees": [("nobody@else.org", "Nobody", "ACCEPTED")]},
    ])  # fmt: skip
    result = people("calendar", "import", str(path), "--json")
    skipped = json.loads(result.stdout)["skipped"]
    assert skipped == {"declined": 0, "cancelled": 0, "all-day": 1, "future": 1,
                       "no known partner": 1, "unreadable": 0}  # fmt: skip
    assert entries(people) == []


def test_attendees_match_by_name_when_the_address_is_unknown(team, tmp_path):
    path = write_calendar(tmp_path / "c.ics", [
        {"start": at(20), "attendees": [("jose.alvarez@gmail.com", "José Álvarez", "ACCEPTED")]},
    ])  # fmt: skip
    assert team("calendar", "import", str(path)).exit_code == 0
    assert entries(team)[0]["partners"] == ["jose"]


@pytest.mark.english
def test_unknown_attendees_are_listed_and_can_be_added(people, tmp_path):
    dewi = ("dewi@nusantara.co.id", "Dewi Lestari", "ACCEPTED")
    kim = ("kim@other.org", "Kim", "ACCEPTED")
    sari = ("sari@nusantara.co.id", "Sari", "ACCEPTED")
    path = write_calendar(tmp_path / "c.ics", [
        {"start": at(d), "attendees": [dewi, sari, (ME, "Me", "ACCEPTED")]} for d in (10, 11, 12)
    ] + [{"start": at(13), "attendees": [kim]}])  # fmt: skip
    listed = people("calendar", "import", str(path), "--me", ME, "--dry-run")
    assert "3 meetings with dewi@nusantara.co.id, not a partner: partnerlog partner add " \
           "'Dewi Lestari' --email dewi@nusantara.co.id" in listed.stderr  # fmt: skip
    added = people("calendar", "import", str(path), "--me", ME, "--add-unknown")
    assert added.exit_code == 0, added.stderr
    partners = {p["handle"]: p for p in json.loads(people("partner", "list", "--json").stdout)}
    assert partners["dewi"]["kind"] == "partner" and partners["kim"]["kind"] == "colleague"
    assert len(entries(people)) == 4


@pytest.mark.english
def test_a_dry_run_shows_the_entries_and_changes_nothing(people, tmp_path, unchanged, rows):
    path = tmp_path / "google.ics"
    path.write_text(GOOGLE)
    with unchanged():
        result = people("calendar", "import", str(path), "--me", ME, "--dry-run")
    assert result.exit_code == 0
    assert "3 meetings would be logged" in result.stderr and "Sari / me weekly" in result.stdout
    # Nothing at all is saved: not even the address given with --me.
    assert rows("SELECT value FROM meta WHERE key = 'me_email'") == []


@pytest.mark.parametrize(
    "text",
    [
        "not a calendar at all",
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:garbage\nEND:VEVENT\nEND:VCALENDAR\n",
    ],
)
@pytest.mark.english
def test_a_malformed_calendar_exits_2_and_changes_nothing(people, tmp_path, unchanged, text):
    path = tmp_path / "bad.ics"
    path.write_text(text)
    with unchanged():
        result = people("calendar", "import", str(path))
    assert result.exit_code == 2 and "bad.ics" in result.stderr or "calendar" in result.stderr


def test_a_calendar_from_stdin(people):
    result = people("calendar", "import", "-", "--me", ME, input=GOOGLE)
    assert result.exit_code == 0 and len(entries(people)) == 3


# -- vCards --------------------------------------------------------------------------------

VCARDS = """BEGIN:VCARD
VERSION:3.0
FN:Dewi Lestari
N:Lestari;Dewi;;;
EMAIL;TYPE=work:dewi@nusantara.co.id
ORG:Nusantara Logistik
TITLE:Junior analyst
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Sari Wulandari
EMAIL:sari.w@gmail.com
TITLE:Data engineer
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Budi Santoso
EMAIL:budi@nusantara.co.id
ORG:Nusantara Logistik
END:VCARD
"""


@pytest.mark.english
def test_vcards_add_new_people_and_update_known_ones(people, tmp_path):
    path = tmp_path / "contacts.vcf"
    path.write_text(VCARDS)
    result = people("partner", "import", str(path))
    assert result.exit_code == 0, result.stderr
    listed = {p["handle"]: p for p in json.loads(people("partner", "list", "--json").stdout)}
    assert (
        listed["dewi"]["role"] == "Junior analyst" and listed["dewi"]["org"] == "Nusantara Logistik"
    )
    sari = json.loads(people("partner", "show", "sari", "--json").stdout)
    assert sari["emails"] == ["sari.w@gmail.com", "sari@nusantara.co.id"]
    assert listed["budi"]["org"] == "Nusantara Logistik"
    assert len(listed) == 5  # Sari and Budi were matched, not doubled
    again = people("partner", "import", str(path))
    assert "already here" in again.stderr


@pytest.mark.english
def test_a_vcard_dry_run_changes_nothing_and_bad_files_exit_2(people, tmp_path, unchanged):
    path = tmp_path / "contacts.vcf"
    path.write_text(VCARDS)
    with unchanged():
        result = people("partner", "import", str(path), "--dry-run")
        assert "Would add Dewi Lestari" in result.stderr
        bad = tmp_path / "bad.vcf"
        bad.write_text("BEGIN:VCARD\nthis is not a card\n")
        assert people("partner", "import", str(bad)).exit_code == 2


# An Outlook export: a VTIMEZONE with TZID, a Teams link, a weekly series with an
# exception, organizer and attendees with their answers.
OUTLOOK = """BEGIN:VCALENDAR
PRODID:Microsoft Exchange Server 2010
VERSION:2.0
BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:STANDARD
DTSTART:16011028T030000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010325T020000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E00800000000
DTSTART;TZID=Europe/Berlin:20261103T090000
DTEND;TZID=Europe/Berlin:20261103T093000
RRULE:FREQ=WEEKLY;UNTIL=20261125T080000Z
EXDATE;TZID=Europe/Berlin:20261110T090000
SUMMARY:Maria / me: dbt sync
LOCATION:Microsoft Teams Meeting
DESCRIPTION:Join on your computer: https://teams.microsoft.com/l/meetup-join/xyz
ORGANIZER;CN=María González:mailto:maria@datawise.de
ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Me:mailto:me@nusantara.co.id
END:VEVENT
END:VCALENDAR
"""


def test_an_outlook_export_in_another_time_zone(team, tmp_path):
    team("partner", "edit", "maria", "--email", "maria@datawise.de")
    path = tmp_path / "outlook.ics"
    path.write_text(OUTLOOK)
    result = team("calendar", "import", str(path), "--me", ME)
    assert result.exit_code == 0, result.stderr
    logged = sorted(entries(team), key=lambda e: e["occurred_at"])
    # 09:00 in Berlin (winter, UTC+1) is 15:00 in Jakarta; 10 November is an exception.
    instants = [
        datetime.fromisoformat(e["occurred_at"]).astimezone(WIB).isoformat() for e in logged
    ]
    assert instants == [
        "2026-11-03T15:00:00+07:00", "2026-11-17T15:00:00+07:00", "2026-11-24T15:00:00+07:00",
    ]  # fmt: skip
    assert {(e["kind"], e["setting"]) for e in logged} == {("1on1", "remote")}
    assert logged[0]["partners"] == ["maria"]


# -- calendars as real apps write them ------------------------------------------------

# A Google export: the calendar's own address and a booked room among the
# attendees of a 1:1, a weekly series with one occurrence edited in place (its
# start unchanged), two events without a UID, an attendee address with a space.
GOOGLE_REAL = """BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
X-WR-TIMEZONE:Asia/Jakarta
BEGIN:VEVENT
UID:room-1on1@google.com
DTSTART;TZID=Asia/Jakarta:20261110T100000
DTEND;TZID=Asia/Jakarta:20261110T103000
SUMMARY:Sari / me
LOCATION:Lantai 3 - Ruang Merapi (6)
ORGANIZER;CN=Me:mailto:me@nusantara.co.id
ATTENDEE;CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED;CN=Sari Wulandari:mailto:sari@nusantara.co.id
ATTENDEE;CUTYPE=RESOURCE;PARTSTAT=ACCEPTED;CN=Lantai 3 - Ruang Merapi (6):mailto:c_188@resource.calendar.google.com
ATTENDEE;CUTYPE=ROOM;CN=Board room:mailto:boardroom@nusantara.co.id
ATTENDEE;CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED;CN=Team calendar:mailto:nusantara.co.id_abc@group.calendar.google.com
ATTENDEE;CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED;CN=Me:mailto:me@nusantara.co.id
ATTENDEE;CN=Typo;PARTSTAT=ACCEPTED:mailto:hcabot@ example.com
END:VEVENT
BEGIN:VEVENT
UID:series-7@google.com
DTSTART;TZID=Asia/Jakarta:20261102T090000
DTEND;TZID=Asia/Jakarta:20261102T093000
RRULE:FREQ=WEEKLY;COUNT=3
SUMMARY:test7
ATTENDEE;PARTSTAT=ACCEPTED;CN=Budi Santoso:mailto:budi@nusantara.co.id
END:VEVENT
BEGIN:VEVENT
UID:series-7@google.com
RECURRENCE-ID;TZID=Asia/Jakarta:20261109T090000
DTSTART;TZID=Asia/Jakarta:20261109T090000
DTEND;TZID=Asia/Jakarta:20261109T093000
SUMMARY:test7 - edited
ATTENDEE;PARTSTAT=ACCEPTED;CN=Budi Santoso:mailto:budi@nusantara.co.id
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Asia/Jakarta:20261112T140000
DTEND;TZID=Asia/Jakarta:20261112T150000
SUMMARY:no uid one
ATTENDEE;PARTSTAT=ACCEPTED;CN=Sari:mailto:sari@nusantara.co.id
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Asia/Jakarta:20261113T140000
DTEND;TZID=Asia/Jakarta:20261113T150000
SUMMARY:no uid two
ATTENDEE;PARTSTAT=ACCEPTED;CN=Sari:mailto:sari@nusantara.co.id
END:VEVENT
BEGIN:VEVENT
UID:broken@google.com
SUMMARY:an event with no start
ATTENDEE;PARTSTAT=ACCEPTED;CN=Sari:mailto:sari@nusantara.co.id
END:VEVENT
END:VCALENDAR
"""


def test_rooms_resources_and_the_calendars_own_address_are_not_people(people, tmp_path, rows):
    path = tmp_path / "google.ics"
    path.write_text(GOOGLE_REAL)
    result = people("calendar", "import", str(path), "--me", ME, "--add-unknown", "--json")
    assert result.exit_code == 0, result.stderr
    emails = {r["email"] for r in rows("SELECT email FROM partner_emails")}
    assert not any("calendar.google.com" in e or "boardroom" in e or " " in e for e in emails)
    [one_on_one] = [e for e in entries(people) if e["note"] == "Sari / me"]
    assert one_on_one["kind"] == "1on1"  # a booked room does not make it a meeting


def test_an_occurrence_edited_in_place_updates_its_entry(people, tmp_path):
    path = tmp_path / "google.ics"
    path.write_text(GOOGLE_REAL)
    assert people("calendar", "import", str(path), "--me", ME).exit_code == 0
    series = sorted(  # the instants, as Jakarta writes them, whatever the zone here
        (datetime.fromisoformat(e["occurred_at"]).astimezone(WIB).isoformat(), e["note"])
        for e in entries(people)
        if e["note"].startswith("test7")
    )
    assert series == [
        ("2026-11-02T09:00:00+07:00", "test7"),
        ("2026-11-09T09:00:00+07:00", "test7 - edited"),
        ("2026-11-16T09:00:00+07:00", "test7"),
    ]
    again = json.loads(people("calendar", "import", str(path), "--json").stdout)
    assert (again["added"], again["updated"]) == (0, 0)


def test_events_without_a_uid_are_each_their_own_and_stay_so(people, tmp_path):
    path = tmp_path / "google.ics"
    path.write_text(GOOGLE_REAL)
    people("calendar", "import", str(path), "--me", ME)
    assert {e["note"] for e in entries(people)} >= {"no uid one", "no uid two"}
    again = json.loads(people("calendar", "import", str(path), "--json").stdout)
    assert (again["added"], again["updated"]) == (0, 0)


@pytest.mark.english
def test_an_event_that_cannot_be_read_is_skipped_and_named(people, tmp_path):
    path = tmp_path / "google.ics"
    path.write_text(GOOGLE_REAL)
    result = people("calendar", "import", str(path), "--me", ME)
    assert result.exit_code == 0, result.stderr
    assert "1 unreadable" in result.stderr
    assert "cannot be read was skipped: an event with no start" in result.stderr
    shown = json.loads(people("calendar", "import", str(path), "--json").stdout)
    assert shown["skipped"]["unreadable"] == 1
    assert shown["unreadable"] == ["an event with no start"]


@pytest.mark.english
def test_a_rule_every_minute_is_cut_off_with_one_line(people, tmp_path, unchanged):
    path = tmp_path / "minutely.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:m@x\n"
        "DTSTART:20260101T000000Z\nRRULE:FREQ=MINUTELY\nSUMMARY:tick\n"
        "ATTENDEE:mailto:sari@nusantara.co.id\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    with unchanged():
        result = people("calendar", "import", str(path), "--me", ME)
    assert result.exit_code == 2
    assert "more than 50,000 events" in result.stderr and result.stderr.count("\n") == 1


def test_a_daily_event_since_1900_logs_only_the_window(people, tmp_path):
    """Without --since, a year back: a daily stand-up since 1900 logs a year of
    mornings, not 46,000 of them."""
    path = tmp_path / "daily.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:daily@x\n"
        "DTSTART;TZID=Asia/Jakarta:19000101T090000\nRRULE:FREQ=DAILY\nSUMMARY:stand-up\n"
        "ATTENDEE:mailto:sari@nusantara.co.id\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    result = json.loads(people("calendar", "import", str(path), "--me", ME, "--json").stdout)
    assert 360 <= result["added"] <= 367


def test_a_big_calendar_is_written_in_bulk_and_reads_back_whole(people, tmp_path, journal_path):
    """2,100 meetings (more than the bulk threshold): every entry, its partners,
    its tag and its words in the search index; importing again adds nothing."""
    sari = ("sari@nusantara.co.id", "Sari", "ACCEPTED")
    start = datetime(2026, 1, 1, 9, 0, tzinfo=WIB)
    path = write_calendar(tmp_path / "big.ics", [
        {"start": start + timedelta(hours=3 * n), "title": f"retro {n}", "attendees": [sari]}
        for n in range(2100)
    ])  # fmt: skip
    result = json.loads(
        people(
            "calendar", "import", str(path), "--me", ME, "--since", "2026-01-01", "--json"
        ).stdout
    )
    assert result["added"] == 2100
    found = json.loads(people("search", "retro", "--json").stdout)
    assert len(found["interactions"] if isinstance(found, dict) else found) > 0
    logged = entries(people, "sari")
    assert len(logged) == 2100 and all(e["partners"] == ["sari"] for e in logged)
    assert all("calendar" in e["tags"] for e in logged)
    assert people("db", "check").exit_code == 0
    assert kept(journal_path)[1] == max(e["occurred_at"] for e in logged)  # (bulk: read again)
    again = json.loads(
        people("calendar", "import", str(path), "--since", "2026-01-01", "--json").stdout
    )
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 2100)


# -- address books as real apps export them --------------------------------------------

OUTLOOK_2003 = """BEGIN:VCARD
VERSION:2.1
N:Gonz=E1lez;Mar=EDa
FN;ENCODING=QUOTED-PRINTABLE:Mar=C3=ADa Gonz=C3=A1lez
ORG:Datawise GmbH
TITLE:Data lead
NOTE;ENCODING=QUOTED-PRINTABLE:Met at PyCon=0D=0A=
Likes dbt
EMAIL;PREF;INTERNET:maria@datawise.de
REV:20261101T120000Z
END:VCARD
"""
ANDROID = """BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Lestari;Dewi;;;
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dewi Lestari
TEL;CELL:+6281234567
EMAIL;HOME:dewi@nusantara.co.id
NOTE;ENCODING=QUOTED-PRINTABLE:Met at the=0A=
 offsite, likes=0A=
hiking
END:VCARD
BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=B8=A1=E8=BE=BA;=E5=81=A5=E4=BA=8C;;;
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=B8=A1=E8=BE=BA=20=E5=81=A5=E4=BA=8C
EMAIL;WORK:kenji@example.jp
END:VCARD
"""
IPHONE = """BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//iPhone OS 17.0//EN
N:Kusuma;Rina;;;
FN:Rina Kusuma
ORG:Nusantara Logistik;Product
TITLE:Product manager
item1.EMAIL;type=INTERNET;type=pref:rina@nusantara.co.id
item1.X-ABLabel:_$!<Work>!$_
EMAIL;type=INTERNET;type=HOME:rina.k@mail.example
PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR
 ofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwh
END:VCARD
"""
LOTUS_NOTES = """BEGIN:VCARD
VERSION:2.1
N:Becker;Tom
EMAIL;INTERNET:tom.becker@partner.example
END:VCARD
"""
GOOGLE_CARDS = """BEGIN:VCARD
VERSION:3.0
FN:Andi Pratama
N:Pratama;Andi;;;
EMAIL;TYPE=INTERNET;TYPE=WORK:andi@nusantara.co.id
EMAIL;TYPE=INTERNET:andi.p@gmail.example
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:\x20\x20\x20
N:;;;;
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Broken Card
EMAIL;TYPE=INTERNET:broken@x.org
X-NOT A PROPERTY
END:VCARD
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (OUTLOOK_2003, {"María González": ["maria@datawise.de"]}),
        (ANDROID, {"Dewi Lestari": ["dewi@nusantara.co.id"], "渡辺 健二": ["kenji@example.jp"]}),
        (IPHONE, {"Rina Kusuma": ["rina.k@mail.example", "rina@nusantara.co.id"]}),
        (LOTUS_NOTES, {"Tom Becker": ["tom.becker@partner.example"]}),
        (GOOGLE_CARDS, {"Andi Pratama": ["andi.p@gmail.example", "andi@nusantara.co.id"]}),
    ],
    ids=["outlook-2003", "android-2.1", "iphone", "lotus-notes", "google"],
)
def test_address_books_as_they_export_them(run, tmp_path, text, expected):
    path = tmp_path / "contacts.vcf"
    path.write_text(text, encoding="utf-8")
    result = run("partner", "import", str(path))
    assert result.exit_code == 0, result.stderr
    partners = json.loads(run("partner", "list", "--json").stdout)
    found = {p["name"]: sorted(json.loads(run("partner", "show", p["handle"], "--json").stdout)["emails"])
             for p in partners}  # fmt: skip
    assert found == expected


@pytest.mark.english
def test_a_card_that_cannot_be_read_is_skipped_and_named_the_rest_imported(run, tmp_path):
    path = tmp_path / "contacts.vcf"
    long_name = "x" * 10_000_000
    path.write_text(GOOGLE_CARDS + f"BEGIN:VCARD\nVERSION:3.0\nFN:{long_name}\nEND:VCARD\n")
    result = run("partner", "import", str(path))
    assert result.exit_code == 0, result.stderr
    assert "skipped: card 3 (cannot read the line 'X-NOT A PROPERTY')" in result.stderr
    assert "skipped: card 4 (a name of 10,000,000 characters)" in result.stderr
    assert [p["name"] for p in json.loads(run("partner", "list", "--json").stdout)] == [
        "Andi Pratama"
    ]


@pytest.mark.english
def test_files_that_are_not_calendars_are_named_in_the_persons_words(run, tmp_path, rows):
    run("partner", "add", "Sari")
    empty = tmp_path / "empty.ics"
    empty.write_text("")
    said = run("calendar", "import", str(empty))
    assert said.exit_code == 2
    assert said.stderr == (
        f"partnerlog: {empty} is not an iCalendar file (it is empty)"
        " (see: partnerlog calendar import --help)\n"
    )
    junk = tmp_path / "notes.ics"
    junk.write_text("just some notes\n")
    said = run("calendar", "import", str(junk))
    assert said.exit_code == 2 and "it has no BEGIN:VCALENDAR" in said.stderr
    assert "component" not in said.stderr  # (the library's words)
    said = run("calendar", "import", str(junk), "--me", "notanemail")
    assert said.exit_code == 2 and "--me 'notanemail' is not an email address" in said.stderr
    assert rows("SELECT count(*) AS n FROM interactions") == [{"n": 0}]


@pytest.mark.english
def test_a_json_file_that_is_not_an_export_says_what_is_missing(run, tmp_path):
    plain = tmp_path / "other.json"
    plain.write_text("{}")
    said = run("import", str(plain))
    assert said.exit_code != 0 and 'it has no "format": "partnerlog" field' in said.stderr
    assert "None" not in said.stderr
    plain.write_text('{"format": "jrnl"}')
    said = run("import", str(plain))
    assert "its format is 'jrnl', not 'partnerlog'" in said.stderr


@pytest.mark.english
def test_the_same_file_again_with_nothing_changed_is_answered_without_reading_it(
    people, tmp_path, rows, monkeypatch
):
    """An unchanged re-import gives the same answer without parsing 10,000 events
    again; anything that could change the answer (an address added, a record
    changed, an event skipped as still to come having started) reads it again."""
    import icalendar

    path = write_calendar(
        tmp_path / "cal.ics",
        [
            {"start": at(20), "attendees": [("sari@nusantara.co.id", "Sari", "ACCEPTED")]},
            {"start": at(21), "attendees": [("dewi@vendor.example", "Dewi Lestari", "ACCEPTED")]},
            {
                "start": at(30, month=11),
                "attendees": [("sari@nusantara.co.id", "Sari", "ACCEPTED")],
            },
        ],
    )  # fmt: skip  (NOW is 28 November 18:00: the last one is still to come)
    first = people("calendar", "import", str(path))
    assert first.exit_code == 0 and "1 meeting was logged" in first.stderr
    parsed = []
    real = icalendar.Calendar.from_ical
    monkeypatch.setattr(icalendar.Calendar, "from_ical",
                        lambda text, **kw: parsed.append(1) or real(text, **kw))  # fmt: skip
    again = people("calendar", "import", str(path))
    assert again.exit_code == 0 and not parsed  # answered from memory
    assert "0 meetings were logged from the calendar, 0 updated, 1 already here" in again.stderr
    assert "1 future" in again.stderr and "dewi@vendor.example" in again.stderr
    assert again.stderr.splitlines()[1:] == first.stderr.splitlines()[1:]  # word for word
    people("partner", "add", "Dewi Lestari", "--email", "dewi@vendor.example")  # now known
    known = people("calendar", "import", str(path))
    assert parsed and "1 meeting was logged" in known.stderr
    parsed.clear()
    monkeypatch.setenv("PARTNERLOG_NOW", "2026-11-30T12:00:00+07:00")  # the last one began
    later = people("calendar", "import", str(path))
    assert parsed and "1 meeting was logged" in later.stderr
    assert rows("SELECT count(*) AS n FROM interactions WHERE id IN"
                " (SELECT interaction_id FROM interaction_tags WHERE tag = 'calendar')"
                ) == [{"n": 3}]  # fmt: skip


# vCard 4.0 and older shapes the reader must take apart: a quoted parameter holding
# ':' and ';', escaped commas and semicolons, a folded name, a group prefix,
# quoted-printable in Latin-1, an N without FN.
AWKWARD_CARDS = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\n"
    'EMAIL;TYPE="work,voice";LABEL="Office: 3rd floor; east":ayu@nusantara.co.id\r\n'
    "FN:Ayu\r\n  Maharani\\, PhD\r\n"
    "ORG:PT Nusantara\\; Logistik;Data\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\r\n"
    "work.EMAIL;INTERNET;PREF:juergen@example.de\r\n"
    "END:VCARD\r\n"
)


def test_awkward_but_valid_vcards_are_read(run, tmp_path):
    path = tmp_path / "contacts.vcf"
    path.write_text(AWKWARD_CARDS, encoding="utf-8", newline="")
    result = run("partner", "import", str(path))
    assert result.exit_code == 0, result.stderr
    partners = {p["name"]: p for p in json.loads(run("partner", "list", "--json").stdout)}
    assert set(partners) == {"Ayu Maharani, PhD", "Jürgen Müller"}
    assert partners["Ayu Maharani, PhD"]["org"] == "PT Nusantara; Logistik Data"
    ayu = json.loads(
        run("partner", "show", partners["Ayu Maharani, PhD"]["handle"], "--json").stdout
    )
    assert ayu["emails"] == ["ayu@nusantara.co.id"]


def test_undo_of_a_vcard_import_takes_back_the_added_and_the_changed(run, tmp_path, rows):
    run("partner", "add", "Budi Santoso")
    before = rows("SELECT handle, name, org FROM partners ORDER BY id")
    path = tmp_path / "contacts.vcf"
    path.write_text(VCARDS)
    assert run("partner", "import", str(path)).exit_code == 0
    assert len(rows("SELECT id FROM partners")) == 3
    assert run("undo", "--yes").exit_code == 0
    assert rows("SELECT handle, name, org FROM partners ORDER BY id") == before
    assert rows("SELECT email FROM partner_emails") == []
