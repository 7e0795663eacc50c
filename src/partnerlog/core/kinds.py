"""The record kinds a journal holds, declared once: what a merge, its report and
the export call each, and which of its fields change together.

A merge settles a record field by field; the fields listed in ``together``
are one field for that purpose (a goal's status and the time it closed make
sense only as a pair).
"""

from __future__ import annotations


class RecordKind:
    __slots__ = ("table", "name", "noun", "together")

    def __init__(
        self, table: str, name: str, noun: str, together: tuple[tuple[str, ...], ...] = ()
    ) -> None:
        self.table = table  # the SQLite table, and the kind named in tombstones
        self.name = name  # what merge results and --json call it
        self.noun = noun  # what a person reads ("1 entry", "a check-in")
        self.together = together


# In the order a merge applies them (what others refer to first) and reports them.
KINDS = (
    RecordKind(
        "partners",
        "partners",
        "partner",
        (("paused_until", "pause_reason"), ("handle", "name")),
    ),
    RecordKind("interactions", "interactions", "entry"),
    RecordKind("goals", "goals", "goal", (("status", "closed_at"),)),
    RecordKind("goal_updates", "check_ins", "check-in", (("at", "progress", "note"),)),
    RecordKind("traits", "traits", "trait", (("polarity", "area", "label"),)),
    RecordKind("follow_ups", "follow_ups", "follow-up", (("status", "closed_at", "closed_in"),)),
    RecordKind("partner_dates", "dates", "date", (("month", "day", "year", "yearly"),)),
)
BY_TABLE = {kind.table: kind for kind in KINDS}
# Deletions apply children first.
DELETION_ORDER = tuple(
    reversed(("partners", "goals", "goal_updates", "follow_ups", "partner_dates", "traits",
              "interactions"))
)  # fmt: skip


def fields_of(kind: RecordKind, keys) -> list[tuple[str, ...]]:
    """The record's fields as a merge settles them: each group of ``together``
    as one, every other key alone."""
    grouped = [group for group in kind.together]
    taken = {key for group in grouped for key in group}
    return grouped + [(key,) for key in sorted(keys) if key not in taken]
