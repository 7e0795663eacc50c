"""The export document: its format and version, and the check of a whole file
before anything is imported. Pure; the same vocabulary and validators as the
command line, so nothing enters through an import that could not be typed.
"""

import json
import re
from datetime import date, datetime

from partnerlog.core.kinds import KINDS, TABLES, uuid_like
from partnerlog.core.people import valid_email
from partnerlog.core.vocabulary import ME
from partnerlog.i18n import N_, _

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
SECTIONS_OF_KINDS = tuple(kind for kind in KINDS if kind.section)
# Kinds whose records travel inside another kind's, by that kind.
INSIDE = {kind.inside[0]: (kind,) for kind in KINDS if kind.inside}


class ImportProblem(Exception):
    """What is wrong with a file to import, and where (one line)."""

    def __init__(self, message: str, *, newer: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.newer = newer


def validate(document: object) -> dict:
    """Check a whole export before anything is written; raise ImportProblem naming the spot."""
    _check_header(document)
    for section in SECTIONS:
        if not _records(document.get(section)):
            raise ImportProblem(_("{section}: expected a list").format(section=section))
    for section in LATER_SECTIONS:
        if not _records(document.setdefault(section, [])):
            raise ImportProblem(_("{section}: expected a list").format(section=section))
    check = _Checker()
    handles = _Partners()  # the file's partners: handle → uuid
    uuids: set[str] = set()
    for kind in SECTIONS_OF_KINDS:
        for n, record in enumerate(document[kind.table]):
            at = f"{kind.table}[{n}]"
            _check_record(check, kind, record, at, uuids, handles)
            for inner in INSIDE.get(kind.table, ()):
                key = inner.inside[1]
                updates = record.get(key, [])
                if not isinstance(updates, list):
                    raise ImportProblem(_("{at}.{key}: expected a list").format(at=at, key=key))
                for m, update in enumerate(updates):
                    where = f"{at}.{key}[{m}]"
                    _check_record(check, inner, update, where, uuids, handles)
    deleted = document.get("deleted", [])
    if not _records(deleted):
        raise ImportProblem(_("deleted: expected a list"))
    for n, record in enumerate(deleted):
        at = f"deleted[{n}]"
        check.record(record, at)
        check.uuid(record, at, set())
        check.choice(record, "kind", at, RECORD_KINDS)
        check.time(record, "deleted_at", at)
    source = document.get("source")
    if source is not None and not (
        isinstance(source, dict)
        and all(isinstance(source.get(k), str | None) for k in ("journal", "at"))
    ):
        raise ImportProblem(_("source: expected the journal that wrote the file and when"))
    return document


class _Partners(dict):
    """The file's partners by handle, and the set of their uuids (a record's
    check looks its partners up there: a dict's values are a list to search)."""

    def __init__(self) -> None:
        super().__init__()
        self.partner_uuids: set[str] = set()


def _check_header(document: object) -> None:
    """The file is a partnerlog export this version can read."""
    if not isinstance(document, dict):
        raise ImportProblem(_("the file is not a partnerlog export (expected a JSON object)"))
    if document.get("format") != FORMAT:
        if "format" not in document:
            why = _('it has no "format": "{expected}" field').format(expected=FORMAT)
        else:
            why = _("its format is {value!r}, not {expected!r}").format(
                value=document.get("format"), expected=FORMAT
            )
        raise ImportProblem(_("the file is not a partnerlog export ({why})").format(why=why))
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


def _check_record(check, kind, record, at, uuids: set, handles: dict) -> None:
    """One record of ``kind`` by its declaration: its fields, what it refers to
    (partners the file holds, by uuid or, in older files, by handle), its rule."""
    check.record(record, at)
    if kind.inside is None or record.get("uuid") is not None:  # (older check-ins have none)
        check.uuid(record, at, uuids)
    for test, key, args, optional, limit in check.steps(kind):
        test(record, key, at, *args, optional=optional)
        if limit is not None and len(record.get(key) or "") > limit:
            raise ImportProblem(
                _("{at}.{key}: longer than {limit:,} characters").format(
                    at=at, key=key, limit=limit
                )
            )
    for ref in kind.refs:
        if ref.problem is not None and not _refers_to_file(check, ref, record, at, handles):
            raise ImportProblem(_(ref.problem).format(at=at))
    if kind.rule is not None and not kind.rule[0](record):
        raise ImportProblem(_(kind.rule[1]).format_map({**record, "at": at}))
    if kind.table == "partners":
        if record["handle"] in handles:
            raise ImportProblem(
                _("{at}.handle: {handle!r} appears twice in the file").format(
                    at=at, handle=record["handle"]
                )
            )
        handles[record["handle"]] = record["uuid"]
        handles.partner_uuids.add(record["uuid"])


def _refers_to_file(check, ref, record, at, handles: dict) -> bool:
    """Whether what ``record`` refers to is in the file."""
    partner_uuids = handles.partner_uuids
    if ref.me and record.get(ref.handles) == ME:
        return True
    found = record.get(ref.key)
    if ref.many:
        if found is None:
            check.words(record, ref.handles, at, None)
            found = [handles.get(h) for h in record.get(ref.handles, [])]
        return isinstance(found, list) and bool(found) and all(p in partner_uuids for p in found)
    if not found and ref.handles:
        found = handles.get(record.get(ref.handles))
    return found in partner_uuids


def _records(value) -> bool:
    """A list of records, or a section read from the file record by record."""
    return isinstance(value, list) or getattr(value, "streamed", False)


class _Checker:
    def __init__(self) -> None:
        self._steps: dict[str, tuple] = {}

    def steps(self, kind) -> tuple:
        """A kind's field checks, looked up once for the whole file."""
        found = self._steps.get(kind.table)
        if found is None:
            found = self._steps[kind.table] = tuple(
                (getattr(self, f.check), f.key, f.args, f.optional, f.limit) for f in kind.fields
            )
        return found

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
        if not isinstance(value, str) or not uuid_like(value):
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

    def valid(self, record, key, at, test, expected, *, optional=False):
        value = record.get(key)
        if value is None and optional:
            return
        if not isinstance(value, str) or not test(value):
            raise ImportProblem(
                _("{at}.{key}: expected {expected}, got {value}").format(
                    at=at, key=key, expected=expected, value=_show(value)
                )
            )

    def choice(self, record, key, at, allowed, *, optional=False):
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

    def flag(self, record, key, at, *, optional=False):
        if not isinstance(record.get(key, False), bool):
            raise ImportProblem(
                _("{at}.{key}: expected true or false, got {value}").format(
                    at=at, key=key, value=_show(record.get(key))
                )
            )

    def words(self, record, key, at, allowed=None, *, optional=False):
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

    def emails(self, record, key, at, *, optional=False):
        emails = record.get(key, [])
        if not isinstance(emails, list) or not all(
            isinstance(e, str) and valid_email(e) for e in emails
        ):
            raise ImportProblem(_("{at}.emails: expected a list of email addresses").format(at=at))

    def phones(self, record, key, at, *, optional=False):
        phones = record.get(key, [])
        if not isinstance(phones, list) or not all(_phone(p) for p in phones):
            raise ImportProblem(_("{at}.phones: expected a list of phone numbers").format(at=at))

    def optional_time(self, record, key, at, *, optional=True):
        if record.get(key) is not None:
            self.time(record, key, at)

    def time(self, record, key, at, *, optional=False):
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

    def day(self, record, key, at, *, optional=True):
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


# What Python's JSON reader says is wrong, in words the catalogue translates (the
# start of its message: some end with a position, said separately).
JSON_PROBLEMS = {
    "Expecting value": N_("a value was expected"),
    "Expecting property name enclosed in double quotes": N_(
        "a field name in double quotes was expected"
    ),
    "Expecting ':' delimiter": N_("a ':' was expected"),
    "Expecting ',' delimiter": N_("a ',' was expected"),
    "Unterminated string starting at": N_("a text is not closed"),
    "Invalid control character": N_("a control character is in a text"),
    "Invalid \\escape": N_("a backslash escape is not valid"),
    "Invalid \\uXXXX escape": N_("a \\u escape is not valid"),
    "Extra data": N_("more follows the end of the document"),
    "Illegal trailing comma": N_("a ',' comes before the end of a list or object"),
}


def json_problem(message: str) -> str:
    """Python's JSON error ``message`` in the person's language (as it is when unknown)."""
    for start, said in JSON_PROBLEMS.items():
        if message.startswith(start):
            return _(said)
    return message


def _phone(value) -> bool:
    from partnerlog.core.people import check_phone
    from partnerlog.errors import UsageError

    try:
        return isinstance(value, str) and check_phone(value) == value
    except UsageError:
        return False
