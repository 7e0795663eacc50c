"""Where the person is: their time zone, "now" in it, and local times settled
across daylight-saving changes. Every moment partnerlog stores carries the
offset in force at that moment in this zone, not the offset of "now".
"""

import os
from datetime import UTC, datetime, timedelta, tzinfo

from partnerlog.errors import UsageError
from partnerlog.i18n import N_, _

ENV_NOW = "PARTNERLOG_NOW"


def now() -> datetime:
    """The current time in the person's time zone (`zone`), which gives every moment
    computed from it the offset in force at that moment; ``$PARTNERLOG_NOW``
    fixes the instant (tests, scripts)."""
    fixed = os.environ.get(ENV_NOW)
    if fixed:
        try:
            value = datetime.fromisoformat(fixed)
        except ValueError:
            raise UsageError(
                _("{ENV_NOW}={fixed!r} is not an ISO date and time").format(
                    ENV_NOW=ENV_NOW, fixed=fixed
                )
            ) from None
        return value.astimezone(zone()) if value.tzinfo else value.replace(tzinfo=zone())
    return datetime.now(zone())


_zone: dict = {}


def zone() -> tzinfo:
    """The person's time zone: ``$TZ`` (an IANA name such as Europe/Berlin, or a
    zone file), else the system's (/etc/localtime). Where neither names a zone,
    the offset in force now, which is right for today only."""
    wanted = os.environ.get("TZ")
    if wanted in _zone:
        return _zone[wanted]
    from zoneinfo import ZoneInfo  # (4 ms: `log` stores a moment with its zone's offset)

    found = None
    name = (wanted or "").lstrip(":")
    try:
        if name.startswith("/"):
            with open(name, "rb") as data:
                found = ZoneInfo.from_file(data, key=name)
        elif name:
            found = ZoneInfo(name)
        else:
            found = _system_zone(ZoneInfo)
    except (OSError, ValueError, KeyError):  # (ZoneInfoNotFoundError is a KeyError)
        found = None
    if found is None:
        found = datetime.now().astimezone().tzinfo
    _zone[wanted] = found
    return found


def _system_zone(zone_info):
    """The system's zone, by its name where /etc/localtime links to one."""
    path = "/etc/localtime"
    if not os.path.exists(path):
        return None
    target = os.path.realpath(path)
    if "/zoneinfo/" in target:
        try:
            return zone_info(target.split("/zoneinfo/", 1)[1])
        except (KeyError, ValueError, OSError):
            pass
    with open(path, "rb") as data:
        return zone_info.from_file(data, key="localtime")


def zone_name(where: tzinfo | None = None) -> str:
    """A zone as a person knows it: "Europe/Berlin", or its offset now ("+07:00")."""
    where = where or zone()
    key = getattr(where, "key", None)
    return key or datetime.now(where).isoformat(timespec="seconds")[19:]


# What the parser settled that the person should hear about (a time of day that
# does not exist or exists twice), as (template, values) for `take_notes`.
_notes: list[tuple[str, dict]] = []


def in_zone(moment: datetime) -> datetime:
    """A time of day on a day, in its zone, by the rule for daylight-saving
    changes: a time the clocks skipped (02:30 when they go from 02:00 to 03:00)
    is taken that much later (03:30), and a time they passed twice (when they
    go back) is the first of the two. Either way a note says so."""
    where = moment.tzinfo
    if getattr(where, "key", None) is None:  # a fixed offset: every time exists once
        return moment
    real = moment.astimezone(UTC).astimezone(where)
    shown = f"{moment:%H:%M}"
    if real.replace(tzinfo=None) != moment.replace(tzinfo=None, fold=0):
        _notes.append(
            (
                N_("{time} did not exist on {day} in {zone} (the clocks went forward); taken as {taken}"),
                {"time": shown, "day": moment.date().isoformat(), "zone": where.key,
                 "taken": f"{real:%H:%M} ({iso(real)[19:]})"},
            )
        )  # fmt: skip
        return real
    second = moment.replace(fold=1)
    if second.utcoffset() != moment.utcoffset():
        _notes.append(
            (
                N_("{time} happened twice on {day} in {zone} (the clocks went back); taken as the first ({first}); write {second} for the second"),
                {"time": shown, "day": moment.date().isoformat(), "zone": where.key,
                 "first": iso(moment)[19:], "second": iso(second)[:16] + iso(second)[19:]},
            )
        )  # fmt: skip
    return moment


def note(template: str, **values) -> None:
    """Leave a note for the person (see `take_notes`): a date that was settled
    across a clock change, or, from the store, a -wal file set aside."""
    _notes.append((template, values))


def take_notes() -> list[tuple[str, dict]]:
    """The notes the parser left since last asked (and forget them)."""
    found = list(_notes)
    _notes.clear()
    return found


def iso(moment: datetime) -> str:
    """How times are stored: ISO 8601 to the second, with the UTC offset."""
    return moment.isoformat(timespec="seconds")


def zone_named(name: str) -> tzinfo:
    """The IANA zone ``name`` (Europe/Berlin), or a UsageError saying what is wanted."""
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # (ZoneInfoNotFoundError is a KeyError)
        raise UsageError(
            _("{name!r} is not a time zone (give an IANA name such as Europe/Berlin)").format(
                name=name
            )
        ) from None


def corrected(stored: str, where: tzinfo, *, keep_instant: bool) -> str | None:
    """A stored moment with the offset ``where`` had on its date, or None when it
    has it already or carries an offset ``where`` never uses (logged elsewhere).

    The offset of "now" given to every moment (before zones were kept) put the
    other half of the year an hour off: a typed time kept its time of day and got
    the wrong offset (``keep_instant`` False: the time of day is what was meant);
    a calendar's event kept its instant and showed the wrong time of day
    (``keep_instant`` True)."""
    moment = datetime.fromisoformat(stored)
    offset = moment.utcoffset()
    if offset is None:
        return None
    local = moment.replace(tzinfo=where)
    if offset in (local.utcoffset(), local.replace(fold=1).utcoffset()):
        return None
    if offset not in _offsets(where, moment.year):
        return None
    fixed = moment.astimezone(where) if keep_instant else local
    return iso(fixed)


_offsets_seen: dict = {}


def _offsets(where: tzinfo, year: int) -> set:
    """The offsets ``where`` used in ``year`` (sampled every two weeks)."""
    if (where, year) not in _offsets_seen:
        start = datetime(year, 1, 1, 12, tzinfo=where)
        _offsets_seen[where, year] = {
            (start + timedelta(days=day)).utcoffset() for day in range(0, 366, 14)
        }
    return _offsets_seen[where, year]
