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
        if not 1900 <= value.year <= 9000:  # (what every command computes from now stays a date)
            raise UsageError(
                _(
                    "{ENV_NOW}={fixed!r} is too far from today (give a year from 1900 to 9000)"
                ).format(ENV_NOW=ENV_NOW, fixed=fixed)
            )
        if not value.tzinfo:
            return value.replace(tzinfo=zone())
        return now_at(value.timestamp()) or value.astimezone(zone())
    import time

    return now_at(time.time()) or datetime.now(zone())


def zone() -> tzinfo:
    """The person's time zone: ``$TZ`` (an IANA name such as Europe/Berlin, or a
    zone file), else the system's (/etc/localtime). Where neither names a zone,
    the offset in force now, which is right for today only."""
    return _rules(os.environ.get("TZ"))


_zone: dict = {}


def _rules(wanted: str | None) -> tzinfo:
    """The zone ``$TZ`` = ``wanted`` names (see `zone`), its rules read once."""
    if wanted in _zone:
        return _zone[wanted]
    from zoneinfo import ZoneInfo  # (3 ms: only a moment other than now needs the rules)

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


# How far around "now" the C library is asked whether the offset changes (a
# day at a time: no zone changes twice in a day), and how far from a change a
# moment must be for the offset in force now to be taken as its own (more than
# any zone moves its clocks: gaps and repeated hours lie within it).
_LOOK = 40
_MARGIN = timedelta(hours=3)


def now_at(instant: float) -> datetime | None:
    """The moment ``instant`` (seconds since the epoch) in the person's zone, its
    offset read from the C library, which reads the same zone file: loading
    Python's zone rules costs every command 3 ms, and most need only "now"
    and the days around it (`NowZone`). None (read the rules) where the two
    may not read the same file."""
    wanted = os.environ.get("TZ")
    if os.name != "posix" or "TZDIR" in os.environ or "PYTHONTZPATH" in os.environ:
        return None
    name = (wanted or "").lstrip(":")
    if not name:
        file = "/etc/localtime"
    elif name.startswith("/"):
        file = name
    elif ".." in name or name.startswith("."):
        return None
    else:
        file = f"/usr/share/zoneinfo/{name}"  # (first on Python's zone path, and the C library's)
    import time

    if not os.path.isfile(file):
        return None
    time.tzset()  # (the C library reads $TZ as it is now)
    try:
        here = time.localtime(instant)
        offset = here.tm_gmtoff
        edges = []
        for way in (-86400, 86400):
            edge = instant
            for _day in range(_LOOK):
                if time.localtime(edge + way).tm_gmtoff != offset:
                    break
                edge += way
            edges.append(datetime.fromtimestamp(edge, UTC).replace(tzinfo=None))
        utc = datetime.fromtimestamp(instant, UTC).replace(tzinfo=None)
    except (OverflowError, OSError, ValueError):  # (the first or last days time can hold)
        return None
    dst = offset + time.timezone if here.tm_isdst > 0 else 0
    place = NowZone(wanted, timedelta(seconds=offset), timedelta(seconds=dst), here.tm_zone)
    place.since, place.until = edges[0] + _MARGIN, edges[1] - _MARGIN
    if not place.since <= utc <= place.until:
        return None  # (a clock change within hours: its repeated hour needs the rules)
    return (utc + place.offset).replace(tzinfo=place)


class NowZone(tzinfo):
    """The person's zone as "now" carries it (`now_at`): the offset in force now,
    for every moment between ``since`` and ``until`` (UTC), the days around now
    with no clock change near them; for any other moment, and for what only
    the rules know (the zone's name), it reads the rules (`zone`) and answers
    as they do."""

    def __init__(self, wanted, offset: timedelta, dst: timedelta, abbreviation: str) -> None:
        self._wanted = wanted
        self.offset = offset
        self._dst = dst
        self._abbreviation = abbreviation
        self.since = self.until = datetime.min

    def answers(self, dt: datetime) -> bool:
        """Whether the wall time ``dt`` is one the offset in force now holds for."""
        try:
            return self.since <= dt.replace(tzinfo=None) - self.offset <= self.until
        except OverflowError:  # (the first or last days datetime can hold)
            return False

    def utcoffset(self, dt):
        if dt is None or self.answers(dt):
            return self.offset
        return _rules(self._wanted).utcoffset(dt)

    def dst(self, dt):
        if dt is None or self.answers(dt):
            return self._dst
        return _rules(self._wanted).dst(dt)

    def tzname(self, dt):
        if dt is None or self.answers(dt):
            return self._abbreviation
        return _rules(self._wanted).tzname(dt)

    def fromutc(self, dt: datetime) -> datetime:
        if self.since <= dt.replace(tzinfo=None) <= self.until:
            return dt + self.offset
        rules = _rules(self._wanted)
        return rules.fromutc(dt.replace(tzinfo=rules)).replace(tzinfo=self)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(_rules(self._wanted), name)  # (the zone's ``key``)

    def __str__(self) -> str:
        return str(_rules(self._wanted))  # (the zone's name, as the rules give it)

    def __reduce__(self):
        return (_rules, (self._wanted,))  # (a copy, or a pickle, has the zone's rules)

    def __repr__(self) -> str:
        return f"NowZone({self._wanted!r}, {self.offset})"


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
    if isinstance(where, NowZone) and where.answers(moment):
        return moment  # (days with no clock change near them: every time exists once)
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
