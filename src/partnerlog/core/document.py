"""The export document: its format and version, and the check of a whole file
before anything is imported. Pure; the same vocabulary and validators as the
command line, so nothing enters through an import that could not be typed.
"""

import json
import re
from datetime import date, datetime

from partnerlog.core.kinds import TABLES
from partnerlog.core.vocabulary import (
    BENEFITS,
    FOLLOW_UP_OWNERS,
    FOLLOW_UP_STATUSES,
    FOLLOW_UP_TYPES,
    GOAL_OWNERS,
    GOAL_STATUSES,
    ME,
    NOTE_LIMIT,
    PARTNER_KINDS,
    PILLARS,
    POLARITIES,
    RELATIONS,
    SETTINGS,
    valid_email,
    valid_handle,
    valid_kind,
    valid_month_day,
)
from partnerlog.i18n import _

FORMAT = "partnerlog"
# The export format's version: bump it when a change would confuse an older reader.
# 2: every record's `updated_at`, the deletions (`deleted`) and the `source` journal.
# 3: follow-ups (`follow_ups`), the dates that matter (`partner_dates`), pauses.
# 4: each record's and deletion's version vector (`seen`: journal id → stamp).
VERSION = 4
SECTIONS = ("partners", "interactions", "goals", "traits")
# Sections an older export does not have: missing is empty.
LATER_SECTIONS = ("follow_ups", "partner_dates")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?")
RECORD_KINDS = TABLES


class ImportProblem(Exception):
    """What is wrong with a file to import, and where (one line)."""

    def __init__(self, message: str, *, newer: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.newer = newer


_UUID = re.compile(r"^[0-9a-fA-F-]{8,64}$")


def validate(document: object) -> dict:
    """Check a whole export before anything is written; raise ImportProblem naming the spot."""
    if not isinstance(document, dict):
        raise ImportProblem(_("the file is not a partnerlog export (expected a JSON object)"))
    if document.get("format") != FORMAT:
        raise ImportProblem(
            _("the file is not a partnerlog export (format is {value!r})").format(
                value=document.get("format")
            )
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportProblem(
            _("version: expected a whole number, got {version!r}").format(version=version)
        )
    if version > VERSION:
        raise ImportProblem(
            _(
                "the file was exported by a newer partnerlog (format version {version}, this one reads up to {VERSION}); upgrade partnerlog to import it"
            ).format(version=version, VERSION=VERSION),
            newer=True,
        )
    for section in SECTIONS:
        if not _records(document.get(section)):
            raise ImportProblem(_("{section}: expected a list").format(section=section))
    for section in LATER_SECTIONS:
        if not _records(document.setdefault(section, [])):
            raise ImportProblem(_("{section}: expected a list").format(section=section))
    check = _Checker()
    handles: dict[str, str] = {}
    uuids: set[str] = set()
    for n, record in enumerate(document["partners"]):
        at = f"partners[{n}]"
        check.record(record, at)
        check.uuid(record, at, uuids)
        check.optional_time(record, "updated_at", at)
        check.text(record, "handle", at)
        check.valid(record, "handle", valid_handle, "a handle (one word, not 'me')", at)
        check.text(record, "name", at)
        check.choice(record, "kind", PARTNER_KINDS, at)
        check.choice(record, "relation", RELATIONS, at)
        for key in ("role", "org", "notes"):
            check.text(record, key, at, optional=True)
        for key in ("created_at", "archived_at"):
            check.optional_time(record, key, at)
        check.day(record, "paused_until", at)
        check.text(record, "pause_reason", at, optional=True)
        emails = record.get("emails", [])
        if not isinstance(emails, list) or not all(
            isinstance(e, str) and valid_email(e) for e in emails
        ):
            raise ImportProblem(_("{at}.emails: expected a list of email addresses").format(at=at))
        if record["handle"] in handles:
            raise ImportProblem(
                _("{at}.handle: {handle!r} appears twice in the file").format(
                    at=at, handle=record["handle"]
                )
            )
        check.integer(record, "cadence_days", at, 1, 100000, optional=True)
        handles[record["handle"]] = record["uuid"]
    partner_uuids = set(handles.values())
    for n, record in enumerate(document["interactions"]):
        at = f"interactions[{n}]"
        check.record(record, at)
        check.uuid(record, at, uuids)
        check.optional_time(record, "updated_at", at)
        check.optional_time(record, "created_at", at)
        check.time(record, "occurred_at", at)
        check.valid(record, "kind", valid_kind, "a kind (one word)", at)
        check.choice(record, "setting", SETTINGS, at, optional=True)
        check.integer(record, "tone", at, -2, 2, optional=True)
        check.text(record, "note", at, optional=True)
        if len(record.get("note") or "") > NOTE_LIMIT:
            raise ImportProblem(
                _("{at}.note: longer than {NOTE_LIMIT:,} characters").format(
                    at=at, NOTE_LIMIT=NOTE_LIMIT
                )
            )
        check.flag(record, "private", at)
        for key, allowed in (("pillars", PILLARS), ("benefits", BENEFITS), ("tags", None)):
            check.words(record, key, at, allowed)
        people = record.get("partner_uuids")
        if people is None:
            check.words(record, "partners", at, None)
            people = [handles.get(h) for h in record.get("partners", [])]
        if (
            not isinstance(people, list)
            or not people
            or not all(p in partner_uuids for p in people)
        ):
            raise ImportProblem(
                _("{at}.partners: names partners that are not in the file").format(at=at)
            )
    for n, record in enumerate(document["goals"]):
        at = f"goals[{n}]"
        check.record(record, at)
        check.uuid(record, at, uuids)
        check.optional_time(record, "updated_at", at)
        check.optional_time(record, "created_at", at)
        check.optional_time(record, "closed_at", at)
        check.text(record, "title", at)
        check.choice(record, "owner", GOAL_OWNERS, at)
        check.choice(record, "status", GOAL_STATUSES, at)
        check.integer(record, "progress", at, 0, 100, optional=True)
        check.day(record, "due_on", at)
        check.text(record, "note", at, optional=True)
        owner = record.get("partner_uuid") or handles.get(record.get("partner"))
        if owner not in partner_uuids and record.get("partner") != ME:
            raise ImportProblem(_("{at}.partner: not a partner in the file").format(at=at))
        updates = record.get("updates", [])
        if not isinstance(updates, list):
            raise ImportProblem(_("{at}.updates: expected a list").format(at=at))
        for m, update in enumerate(updates):
            where = f"{at}.updates[{m}]"
            check.record(update, where)
            check.time(update, "at", where)
            check.integer(update, "progress", where, 0, 100, optional=True)
            check.text(update, "note", where, optional=True)
            check.optional_time(update, "updated_at", where)
            check.optional_time(update, "created_at", where)
            if update.get("uuid") is not None:
                check.uuid(update, where, uuids)
    for n, record in enumerate(document["traits"]):
        at = f"traits[{n}]"
        check.record(record, at)
        check.uuid(record, at, uuids)
        check.optional_time(record, "updated_at", at)
        check.optional_time(record, "created_at", at)
        check.choice(record, "polarity", POLARITIES, at)
        check.text(record, "area", at)
        check.text(record, "label", at)
        check.text(record, "note", at, optional=True)
        subject = record.get("partner_uuid") or (
            None if record.get("subject") == ME else handles.get(record.get("subject"))
        )
        if record.get("subject") != ME and subject not in partner_uuids:
            raise ImportProblem(
                _("{at}.subject: not 'me' and not a partner in the file").format(at=at)
            )
    for n, record in enumerate(document["follow_ups"]):
        at = f"follow_ups[{n}]"
        check.record(record, at)
        check.uuid(record, at, uuids)
        for key in ("updated_at", "created_at", "closed_at"):
            check.optional_time(record, key, at)
        check.choice(record, "type", FOLLOW_UP_TYPES, at)
        check.choice(record, "owner", FOLLOW_UP_OWNERS, at)
        check.choice(record, "status", FOLLOW_UP_STATUSES, at)
        check.text(record, "text", at)
        if len(record["text"]) > NOTE_LIMIT:
            raise ImportProblem(
                _("{at}.text: longer than {NOTE_LIMIT:,} characters").format(
                    at=at, NOTE_LIMIT=NOTE_LIMIT
                )
            )
        check.day(record, "due_on", at)
        if record.get("closed_in") is not None:
            check.valid(record, "closed_in", _UUID.match, "an interaction's uuid", at)
        if record.get("partner_uuid") not in partner_uuids:
            raise ImportProblem(_("{at}.partner_uuid: not a partner in the file").format(at=at))
    for n, record in enumerate(document["partner_dates"]):
        at = f"partner_dates[{n}]"
        check.record(record, at)
        check.uuid(record, at, uuids)
        check.optional_time(record, "updated_at", at)
        check.optional_time(record, "created_at", at)
        check.text(record, "label", at)
        check.integer(record, "month", at, 1, 12)
        check.integer(record, "day", at, 1, 31)
        check.integer(record, "year", at, 1, 9999, optional=True)
        check.flag(record, "yearly", at)
        if not valid_month_day(record["month"], record["day"], record.get("year")):
            raise ImportProblem(
                _("{at}: {day}/{month} is not a date").format(
                    at=at, day=record["day"], month=record["month"]
                )
            )
        if record.get("partner_uuid") not in partner_uuids:
            raise ImportProblem(_("{at}.partner_uuid: not a partner in the file").format(at=at))
    deleted = document.get("deleted", [])
    if not _records(deleted):
        raise ImportProblem(_("deleted: expected a list"))
    for n, record in enumerate(deleted):
        at = f"deleted[{n}]"
        check.record(record, at)
        check.uuid(record, at, set())
        check.choice(record, "kind", RECORD_KINDS, at)
        check.time(record, "deleted_at", at)
    source = document.get("source")
    if source is not None and not (
        isinstance(source, dict)
        and all(isinstance(source.get(k), str | None) for k in ("journal", "at"))
    ):
        raise ImportProblem(_("source: expected the journal that wrote the file and when"))
    return document


def _records(value) -> bool:
    """A list of records, or a section read from the file record by record."""
    return isinstance(value, list) or getattr(value, "streamed", False)


class _Checker:
    def record(self, value, at):
        if not isinstance(value, dict):
            raise ImportProblem(_("{at}: expected an object").format(at=at))
        seen = value.get("seen")
        if seen is not None and not (
            isinstance(seen, dict)
            and all(isinstance(k, str) and isinstance(v, str) and _TIME.fullmatch(v)
                    for k, v in seen.items())
        ):  # fmt: skip
            raise ImportProblem(
                _("{at}.seen: expected the changes it has seen (journal: time)").format(at=at)
            )

    def uuid(self, record, at, seen: set):
        value = record.get("uuid")
        if not isinstance(value, str) or not _UUID.match(value):
            raise ImportProblem(
                _("{at}.uuid: expected a uuid, got {value}").format(at=at, value=_show(value))
            )
        if value in seen:
            raise ImportProblem(
                _("{at}.uuid: {value} appears twice in the file").format(at=at, value=value)
            )
        seen.add(value)

    def text(self, record, key, at, *, optional=False):
        value = record.get(key)
        if value is None and optional:
            return
        if not isinstance(value, str) or (not optional and not value.strip()):
            raise ImportProblem(
                _("{at}.{key}: expected text, got {value}").format(
                    at=at, key=key, value=_show(value)
                )
            )

    def valid(self, record, key, test, expected, at):
        value = record.get(key)
        if not isinstance(value, str) or not test(value):
            raise ImportProblem(
                _("{at}.{key}: expected {expected}, got {value}").format(
                    at=at, key=key, expected=expected, value=_show(value)
                )
            )

    def choice(self, record, key, allowed, at, *, optional=False):
        value = record.get(key)
        if value is None and optional:
            return
        if value not in allowed:
            raise ImportProblem(
                _("{at}.{key}: expected one of {value}, got {value2}").format(
                    at=at, key=key, value=", ".join(allowed), value2=_show(value)
                )
            )

    def integer(self, record, key, at, low, high, *, optional=False):
        value = record.get(key)
        if value is None and optional:
            return
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ImportProblem(
                _("{at}.{key}: expected a whole number from {low} to {high}, got {value}").format(
                    at=at, key=key, low=low, high=high, value=_show(value)
                )
            )

    def flag(self, record, key, at):
        if not isinstance(record.get(key, False), bool):
            raise ImportProblem(
                _("{at}.{key}: expected true or false, got {value}").format(
                    at=at, key=key, value=_show(record.get(key))
                )
            )

    def words(self, record, key, at, allowed):
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ImportProblem(
                _("{at}.{key}: expected a list of words, got {value}").format(
                    at=at, key=key, value=_show(value)
                )
            )
        if allowed is not None:
            wrong = [v for v in value if v not in allowed]
            if wrong:
                raise ImportProblem(
                    _("{at}.{key}: {value} is not one of {value2}").format(
                        at=at, key=key, value=_show(wrong[0]), value2=", ".join(allowed)
                    )
                )

    def optional_time(self, record, key, at):
        if record.get(key) is not None:
            self.time(record, key, at)

    def time(self, record, key, at):
        value = record.get(key)
        # The extended ISO form partnerlog writes, and nothing looser: Python
        # reads "20261120T1000" too, but the views expect the form they wrote.
        if not isinstance(value, str) or not _TIME.fullmatch(value):
            raise ImportProblem(
                _("{at}.{key}: expected an ISO date and time, got {value}").format(
                    at=at, key=key, value=_show(value)
                )
            )
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise ImportProblem(
                _("{at}.{key}: expected an ISO date and time, got {value}").format(
                    at=at, key=key, value=_show(value)
                )
            ) from None

    def day(self, record, key, at):
        value = record.get(key)
        if value is None:
            return
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ImportProblem(
                _("{at}.{key}: expected an ISO date, got {value}").format(
                    at=at, key=key, value=_show(value)
                )
            )
        try:
            date.fromisoformat(value)
        except (TypeError, ValueError):
            raise ImportProblem(
                _("{at}.{key}: expected an ISO date, got {value}").format(
                    at=at, key=key, value=_show(value)
                )
            ) from None


def _show(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"
