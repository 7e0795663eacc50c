"""`calendar import`: meetings from an iCalendar file become interactions.

icalendar reads the file and recurring-ical-events expands repeating events
(EXDATE and moved occurrences included, time zones as the file states them,
Google's X-WR-TIMEZONE too). Each past, timed, accepted event with at least one
known partner becomes one interaction whose uuid comes from the event's UID and
occurrence, so importing the same calendar again adds nothing and moves what
moved.
"""

import re
from datetime import datetime, timedelta

from partnerlog.app import calendar_file
from partnerlog.app.files import DryRun, read_input
from partnerlog.core import dates
from partnerlog.core.people import check_email, valid_email
from partnerlog.core.records import Interaction, Partner, Record
from partnerlog.core.vocabulary import KIND_ALIASES, PILLARS_BY_KIND, default_pillars, fold
from partnerlog.errors import PartnerlogError, UsageError
from partnerlog.i18n import N_, _

VIDEO = re.compile(r"zoom\.us|meet\.google\.com|teams\.microsoft\.com|webex\.com|whereby\.com")
# Words in a title that say what kind of meeting it was.
TITLE_KINDS = {**{kind: kind for kind in PILLARS_BY_KIND}, **KIND_ALIASES}
OUTSIDE_KINDS = {"lunch", "coffee", "dinner", "drinks", "walk"}
TAG = "calendar"
# Addresses that are not people: a Google calendar's own, its rooms and resources.
NOT_PEOPLE = re.compile(
    r"@(?:group(?:\.v)?|resource|import)\.calendar\.google\.com$|^[^@]*@resource\.", re.I
)
# Attendees that are not people, by their calendar user type.
NOT_PERSON_TYPES = {"ROOM", "RESOURCE", "GROUP", "UNKNOWN"}
# Without --since, events from this many days back.
DEFAULT_SINCE_DAYS = 366


class Imported(Record):
    """What a calendar import did, or would do: counts, the entries, who is unknown."""

    __slots__ = ("added", "updated", "unchanged", "skipped", "entries", "unknown", "dry_run",
                 "added_partners", "unreadable", "next_start")  # fmt: skip
    _defaults = {"unreadable": list, "next_start": None}


def import_calendar(
    session,
    *,
    file: str,
    since: str | None,
    until: str | None,
    me: str | None,
    add_unknown: bool,
    dry_run: bool,
) -> Imported:
    import icalendar

    journal, now = session.journal, session.now
    # What was typed is checked before the file is read.
    me = check_email(me, "--me") if me else journal.get_meta("me_email")
    text = read_input(session, file, what=_("a calendar"), encoding=None, missing=UsageError)
    from partnerlog.app import calendar_memory

    state = calendar_memory.state(journal, text, (since, until), me, now)
    remembered = calendar_memory.recall(journal, state, now)
    if remembered is not None:  # the same file, nothing changed since: the same answer
        return Imported(**remembered, entries=[], dry_run=dry_run, added_partners=[])
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError:  # (icalendar's words are not the person's: say what is missing)
        why = (
            _("it is empty")
            if not text.strip()
            else _("it has no BEGIN:VCALENDAR … END:VCALENDAR that can be read")
        )
        raise UsageError(
            _("{file} is not an iCalendar file ({why})").format(file=file, why=why)
        ) from None
    first = (
        dates.parse_day(since, now) if since else now.date() - timedelta(days=DEFAULT_SINCE_DAYS)
    )
    last = dates.parse_day(until, now) if until else now.date()
    if first > last:
        raise UsageError(
            _("--since {since} is after --until {until}").format(since=first, until=last)
        )
    # Future events are read too (a year ahead at most), to be counted as skipped.
    end = last if until else now.date() + timedelta(days=366)
    unreadable = calendar_file.set_aside_unreadable(calendar)
    calendar_file.read_offset_zones(calendar)
    repeating = calendar_file.repeating_uids(calendar)
    occurrences = calendar_file.occurrences(calendar, first, end + timedelta(days=1))
    result = Imported(added=0, updated=0, unchanged=0, skipped={}, entries=[], unknown={},
                      dry_run=dry_run, added_partners=[])  # fmt: skip
    try:
        with journal.transaction(session.command.name):
            if me and journal.get_meta("me_email") != me:
                journal.set_meta("me_email", me)  # remembered (a dry run remembers nothing)
            planned = _plan(session, occurrences, me, result)
            if add_unknown and result.unknown:
                result.added_partners = [
                    (email, name or email.split("@")[0])
                    for email, (name, _) in result.unknown.items()
                ]
                _add_unknown(journal, result.added_partners, me)
                planned = _plan(session, occurrences, me, result)
            partners = {p.id: p for p in journal.partners(include_archived=True)}
            _apply(journal, planned, partners, result, repeating)
            result.skipped["unreadable"] = len(unreadable)
            result.unreadable = unreadable
            if dry_run:
                raise DryRun
    except DryRun:
        pass
    else:
        if not add_unknown:  # (what it adds would change the answer)
            calendar_memory.remember(journal, text, (since, until), me, now, result)
    return result


def _plan(session, occurrences, me, result) -> list:
    """The events to log, each with its known partners; what is skipped, and who is
    unknown, goes into ``result``."""
    journal, now = session.journal, session.now
    emails = journal.all_emails()
    result.skipped = dict.fromkeys(
        (
            N_("declined"),
            N_("cancelled"),
            N_("all-day"),
            N_("future"),
            N_("no known partner"),
            N_("unreadable"),
        ),
        0,  # fmt: skip
    )
    result.unknown = {}
    planned = []
    for event in _with_progress(session, occurrences):
        start = event.get("DTSTART").dt
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            result.skipped["cancelled"] += 1
            continue
        if not isinstance(start, datetime):
            result.skipped["all-day"] += 1
            continue
        moment = _local(start, now)
        if moment > now:
            result.skipped["future"] += 1
            result.next_start = min(result.next_start or moment, moment)
            continue
        people = _people(event)
        if me and people.get(me, {}).get("partstat") == "DECLINED":
            result.skipped["declined"] += 1
            continue
        others = {email: who for email, who in people.items() if email != me and who["person"]}
        found = []
        for email, who in others.items():
            partner_id = emails.get(email) or _by_name(journal, who.get("name"))
            if partner_id is None:
                result.unknown.setdefault(email, [who.get("name"), 0])[1] += 1
            elif partner_id not in found:
                found.append(partner_id)
        if not found:
            result.skipped["no known partner"] += 1
            continue
        planned.append((event, moment, found, len(others)))
    return planned


def _apply(journal, planned, partners, result, repeating: set) -> None:
    from partnerlog.store.bulk import written_in_bulk

    with written_in_bulk(journal, len(planned)):
        _put_all(journal, planned, partners, result, repeating)


def _put_all(journal, planned, partners, result, repeating: set) -> None:
    # Read once, not per entry: partners by handle and by uuid, the entries already here.
    by_handle = {p.handle: p.uuid for p in partners.values()}
    partner_ids = {p.uuid: p.id for p in partners.values()}
    keys = [
        calendar_file.entry_uuid(event, repeating) for event, _moment, _found, _people in planned
    ]
    known = journal.ids_of("interactions", list(dict.fromkeys(keys)))
    done = set()  # the same occurrence twice in a file is one entry
    for (event, moment, found, attendees), uuid in zip(planned, keys, strict=True):
        title = str(event.get("SUMMARY", "")).strip() or "(untitled meeting)"
        kind = _kind(title, attendees)
        setting = _setting(event, kind)
        doc = Interaction(
            occurred_at=dates.iso(moment),
            kind=kind,
            partners=sorted(partners[p].handle for p in found),
            setting=setting,
            note=title,
            pillars=list(default_pillars(kind, setting)),
            tags=[TAG],
            uuid=uuid,
        )
        if doc.uuid in done:
            continue
        done.add(doc.uuid)
        existing = known.get(doc.uuid)
        record = {
            **doc.to_json(),
            "partner_uuids": [partners[p].uuid for p in found],
            "uuid": doc.uuid,
        }
        if existing is None:
            journal.put("interactions", {**record, "id": None}, partner_ids=partner_ids, new=True)
            result.added += 1
            result.entries.append(("add", doc))
        else:
            current = journal.document("interactions", existing, partner_uuids=by_handle)
            moved = any(
                current[k] != record[k] for k in ("occurred_at", "note", "kind", "setting")
            ) or sorted(current["partner_uuids"]) != sorted(record["partner_uuids"])
            if moved:
                # A change made here: stamped now, so other devices see it.
                changed = {**current, **record, "id": existing, "seen": None}
                journal.put("interactions", {**changed, "updated_at": journal.stamp()})
                result.updated += 1
                result.entries.append(("update", doc))
            else:
                result.unchanged += 1


def _add_unknown(journal, people, me) -> None:
    """Unknown attendees as partners: colleagues when their domain is not mine."""
    my_domain = me.split("@")[-1] if me else None
    for email, name in people:
        partner = Partner(
            handle=journal.free_handle(name),
            name=name,
            kind="partner" if my_domain and email.endswith("@" + my_domain) else "colleague",
            relation="peer" if my_domain and email.endswith("@" + my_domain) else "external",
        )
        journal.add_partner(partner)
        journal.set_emails(partner.id, [email])


def _with_progress(session, items: list):
    """The events, with a progress bar on a terminal's stderr for a long import."""
    if len(items) < 200:
        yield from items
        return
    with session.progress(_("Reading the calendar"), len(items)) as advance:
        for n, item in enumerate(items, 1):
            yield item
            if n % 50 == 0:
                advance(50)
        advance(len(items) % 50)


def _people(event) -> dict[str, dict]:
    """Attendees and the organizer: email → name and answer (PARTSTAT)."""
    found: dict[str, dict] = {}
    attendees = event.get("ATTENDEE") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    organizer = event.get("ORGANIZER")
    for value in [*attendees, *([organizer] if organizer else [])]:
        address = str(value).strip()
        if not address.lower().startswith("mailto:"):
            continue
        email = address[len("mailto:") :].strip().lower()
        params = getattr(value, "params", {})
        person = (
            valid_email(email)
            and not NOT_PEOPLE.search(email)
            and str(params.get("CUTYPE", "INDIVIDUAL")).upper() not in NOT_PERSON_TYPES
        )
        entry = found.setdefault(
            email, {"name": params.get("CN"), "partstat": None, "person": person}
        )
        entry["name"] = entry["name"] or params.get("CN")
        if params.get("PARTSTAT"):
            entry["partstat"] = str(params.get("PARTSTAT")).upper()
    return found


def _by_name(journal, name: str | None) -> int | None:
    if not name or "@" in name:
        return None
    try:
        return journal.named(name)[0].id
    except PartnerlogError:
        return None


def _kind(title: str, attendees: int) -> str:
    words = re.findall(r"[\w-]+", fold(title))
    joined = "-".join(words)
    for word in [*words, *(f"{a}-{b}" for a, b in zip(words, words[1:], strict=False))]:
        if word in TITLE_KINDS:
            return TITLE_KINDS[word]
    if "makan-siang" in joined:
        return "lunch"
    return "1on1" if attendees == 1 else "meeting"


def _setting(event, kind: str) -> str:
    location = str(event.get("LOCATION", "") or "")
    linked = " ".join(
        str(event.get(key, "") or "")
        for key in ("LOCATION", "URL", "DESCRIPTION", "X-GOOGLE-CONFERENCE")
    )
    if VIDEO.search(linked) or not location.strip():
        return "remote"
    return "outside" if kind in OUTSIDE_KINDS else "office"


def _local(moment: datetime, now: datetime) -> datetime:
    if moment.tzinfo is None:  # floating time: the time where the person is
        return moment.replace(tzinfo=now.tzinfo)
    return moment.astimezone(now.tzinfo).replace(microsecond=0)
