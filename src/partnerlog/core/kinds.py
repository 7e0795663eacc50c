"""The record kinds a journal holds, declared once.

Each kind says its table (also what tombstones and undo call it), what merge
results and ``--json`` call it, how a count of them and one of them read, the
journal's reader of them in the export shape (whose name is the export's
section; check-ins travel inside their goals), which of its fields change
together, its fields (how an imported value is checked and the column it is
stored in), the records it refers to, and how undo names one of them. The
validation of an imported file (`core.document`), the store's upsert
(`PutStore.put`), the merge, its report, the export, the sync file's
fingerprint, `db check` and undo read these: a new kind of record is one
declaration here and its migration.

A merge settles a record field by field; the fields listed in ``together``
are one field for that purpose (a goal's status and the time it closed make
sense only as a pair).
"""

from __future__ import annotations

import re

from partnerlog.core.people import valid_handle
from partnerlog.core.vocabulary import (
    BENEFITS,
    FOLLOW_UP_OWNERS,
    FOLLOW_UP_STATUSES,
    FOLLOW_UP_TYPES,
    GOAL_OWNERS,
    GOAL_STATUSES,
    NOTE_LIMIT,
    PARTNER_KINDS,
    PILLARS,
    POLARITIES,
    RELATIONS,
    SETTINGS,
    valid_kind,
    valid_month_day,
)
from partnerlog.i18n import N_


def uuid_like(value: str):
    """Whether ``value`` looks like a uuid (compiled by `re` when first asked)."""
    return re.match(r"^[0-9a-fA-F-]{8,64}$", value)


class Field:
    """One field of a record: its key in the export, how an imported value is
    checked (``check``: one of `core.document`'s checks, with ``args``), and
    the column it is stored in (None: stored elsewhere, such as an entry's tags,
    or by `put` itself, as the times)."""

    __slots__ = ("key", "check", "args", "optional", "column", "default", "limit")

    def __init__(self, key, check, *args, optional=False, column="", default=None, limit=None):
        self.key = key
        self.check = check
        self.args = args
        self.optional = optional
        self.column = key if column == "" else column
        self.default = default  # stored when the document has none
        self.limit = limit  # the longest text allowed

    def stored(self, doc: dict):
        """The column's value for ``doc``."""
        value = doc.get(self.key)
        if self.check == "flag":
            return int(bool(value))
        return self.default if value is None else value


def text(key, *, optional=False, limit=None, default=None) -> Field:
    return Field(key, "text", optional=optional, limit=limit, default=default)


def choice(key, allowed, *, optional=False) -> Field:
    return Field(key, "choice", allowed, optional=optional)


def whole(key, low, high, *, optional=False, default=None) -> Field:
    return Field(key, "integer", low, high, optional=optional, default=default)


def when(key, *, optional=True) -> Field:
    """A moment (ISO date and time)."""
    return Field(key, "optional_time" if optional else "time")


def day(key) -> Field:
    """A day (ISO date), always optional."""
    return Field(key, "day")


def flag(key) -> Field:
    return Field(key, "flag")


def valid(key, test, expected, *, optional=False) -> Field:
    return Field(key, "valid", test, expected, optional=optional)


def words(key, allowed=None) -> Field:
    """A list of words, stored in a table of their own."""
    return Field(key, "words", allowed, column=None)


class Ref:
    """A record another one refers to: the document's ``key`` holds its uuid
    (a list of them with ``many``); older files name partners by handle under
    ``handles``; ``me``: the handle 'me' is allowed and refers to nothing.
    ``column`` stores this journal's id of it; ``problem`` says what is wrong
    when a file refers to something it does not hold (None: not checked, as
    for a check-in inside its goal)."""

    __slots__ = ("key", "target", "column", "handles", "me", "many", "problem")

    def __init__(self, key, *, target="partners", column=None, handles=None, me=False,
                 many=False, problem=None):  # fmt: skip
        self.key = key
        self.target = target
        self.column = column
        self.handles = handles
        self.me = me
        self.many = many
        self.problem = problem


# Every record's times, which `put` stores itself.
_TIMES = (Field("created_at", "optional_time", column=None),
          Field("updated_at", "optional_time", column=None))  # fmt: skip


class RecordKind:
    __slots__ = ("table", "name", "counted", "noun", "documents", "together", "fields", "refs",
                 "rule", "describe", "inside", "derived")  # fmt: skip

    def __init__(
        self,
        table: str,
        name: str,
        counted: str,
        noun: str,
        documents: str | None,
        together: tuple[tuple[str, ...], ...] = (),
        *,
        fields: tuple[Field, ...] = (),
        refs: tuple[Ref, ...] = (),
        rule=None,
        describe: str = "",
        inside: tuple[str, str] | None = None,
        derived: tuple[str, ...] = (),
    ) -> None:
        self.table = table
        self.name = name
        self.counted = counted  # "3 interactions"
        self.noun = noun  # "entry 'lunch'"
        self.documents = documents
        self.together = together
        self.fields = fields + _TIMES
        self.refs = refs
        # (test of a whole record, the problem when it fails) beyond its fields
        self.rule = rule
        # How undo names one: a template filled with the record's export shape
        # and what `present.undo.label` adds for it.
        self.describe = describe
        # (kind, key): the list in another kind's records that holds these
        # (check-ins: a goal's "updates").
        self.inside = inside
        # Columns the journal keeps from other rows (triggers), never written by `put`.
        self.derived = derived

    @property
    def section(self) -> str | None:
        """The export's section of these records (None: inside another kind's)."""
        return self.table if self.documents else None

    @property
    def columns(self) -> tuple[Field | Ref, ...]:
        """What `put` stores in the kind's own table."""
        return tuple(f for f in self.fields + self.refs if f.column)


_PARTNER = "partner_uuid"
_NOT_A_PARTNER = N_("{at}.partner_uuid: not a partner in the file")

# In the order a merge applies them (what others refer to first), reports them
# and the export writes them.
KINDS = (
    RecordKind(
        "partners", "partners", "partner", "partner", "partner_documents",
        (("paused_until", "pause_reason"), ("handle", "name")),
        fields=(
            valid("handle", valid_handle, "a handle (one word, not 'me')"),
            text("name"),
            choice("kind", PARTNER_KINDS),
            choice("relation", RELATIONS),
            text("role", optional=True),
            text("org", optional=True),
            text("notes", optional=True),
            when("archived_at"),
            day("paused_until"),
            text("pause_reason", optional=True),
            Field("emails", "emails", column=None),
            Field("phones", "phones", column=None),
            whole("cadence_days", 1, 100000, optional=True),
        ),
        describe=N_("partner {name} ({handle})"),
    ),
    RecordKind(
        "interactions", "interactions", "interaction", "entry", "interaction_documents",
        fields=(
            when("occurred_at", optional=False),
            valid("kind", valid_kind, "a kind (one word)"),
            choice("setting", SETTINGS, optional=True),
            whole("tone", -2, 2, optional=True),
            text("note", optional=True, limit=NOTE_LIMIT, default=""),
            flag("private"),
            words("pillars", PILLARS),
            words("benefits", BENEFITS),
            words("tags"),
        ),
        refs=(Ref("partner_uuids", handles="partners", many=True,
                  problem=N_("{at}.partners: names partners that are not in the file")),),
        describe=N_("entry {summary}"),
        derived=("pillar_mask", "benefit_mask"),
    ),
    RecordKind(
        "goals", "goals", "goal", "goal", "goal_documents", (("status", "closed_at"),),
        fields=(
            when("closed_at"),
            text("title"),
            choice("owner", GOAL_OWNERS),
            choice("status", GOAL_STATUSES),
            whole("progress", 0, 100, optional=True, default=0),
            day("due_on"),
            text("note", optional=True),
        ),
        refs=(Ref(_PARTNER, column="partner_id", handles="partner", me=True,
                  problem=N_("{at}.partner: not a partner in the file")),),
        describe=N_("goal #{id} with {handle}: {title}"),
    ),
    RecordKind(
        "goal_updates", "check_ins", "check-in", "check-in", None, (("at", "progress", "note"),),
        fields=(
            when("at", optional=False),
            whole("progress", 0, 100, optional=True),
            text("note", optional=True),
        ),
        refs=(Ref("goal_uuid", target="goals", column="goal_id"),),
        describe=N_("check-in on goal #{goal}{progress}{note}"),
        inside=("goals", "updates"),
    ),
    RecordKind(
        "traits", "traits", "trait", "trait", "trait_documents", (("polarity", "area", "label"),),
        fields=(
            choice("polarity", POLARITIES),
            text("area"),
            text("label"),
            text("note", optional=True),
        ),
        refs=(Ref(_PARTNER, column="partner_id", handles="subject", me=True,
                  problem=N_("{at}.subject: not 'me' and not a partner in the file")),),
        describe=N_("{polarity} #{id} of {subject}: {label}"),
    ),
    RecordKind(
        "follow_ups", "follow_ups", "follow-up", "follow-up", "follow_up_documents",
        (("status", "closed_at", "closed_in"),),
        fields=(
            when("closed_at"),
            choice("type", FOLLOW_UP_TYPES),
            choice("owner", FOLLOW_UP_OWNERS),
            choice("status", FOLLOW_UP_STATUSES),
            text("text", limit=NOTE_LIMIT),
            day("due_on"),
            valid("closed_in", uuid_like, "an interaction's uuid", optional=True),
        ),
        refs=(Ref(_PARTNER, column="partner_id", problem=_NOT_A_PARTNER),),
        describe=N_("{what} #{id} with {handle}: {text}"),
    ),
    RecordKind(
        "partner_dates", "dates", "date", "date", "date_documents",
        (("month", "day", "year", "yearly"),),
        fields=(
            text("label"),
            whole("month", 1, 12),
            whole("day", 1, 31),
            whole("year", 1, 9999, optional=True),
            flag("yearly"),
        ),
        refs=(Ref(_PARTNER, column="partner_id", problem=_NOT_A_PARTNER),),
        rule=(lambda r: valid_month_day(r["month"], r["day"], r.get("year")),
              N_("{at}: {day}/{month} is not a date")),
        describe=N_("date #{id} of {handle}: {label}"),
    ),
)  # fmt: skip
BY_TABLE = {kind.table: kind for kind in KINDS}
TABLES = tuple(kind.table for kind in KINDS)
# The kinds with a section of their own in an export, in its order.
SECTIONS = tuple(kind for kind in KINDS if kind.section)
# Deletions apply children first.
DELETION_ORDER = (
    "interactions", "traits", "partner_dates", "follow_ups", "goal_updates", "goals", "partners",
)  # fmt: skip


def fields_of(kind: RecordKind, keys) -> list[tuple[str, ...]]:
    """The record's fields as a merge settles them: each group of ``together``
    as one, every other key alone."""
    grouped = list(kind.together)
    taken = {key for group in grouped for key in group}
    return grouped + [(key,) for key in sorted(keys) if key not in taken]


# Fields that are views of others (handles shown for uuids) or this journal's own.
NOT_CONTENT = {
    "id", "updated_at", "partners", "partner", "subject", "archived", "updates", "seen",
}  # fmt: skip


def content(doc: dict) -> dict:
    """What a record says; a field left out (an older export) is the same as empty."""
    return {
        key: value for key, value in doc.items() if key not in NOT_CONTENT and value is not None
    }
