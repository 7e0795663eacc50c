"""The record kinds a journal holds, declared once.

Each kind says its table (also what tombstones and undo call it), what merge
results and ``--json`` call it, how a count of them and one of them read, the
journal's reader of them in the export shape (whose name is the export's
section; check-ins travel inside their goals), and which of its fields change
together. The merge, its report, the export, the sync file's fingerprint,
`db check` and undo read these; the validation of an imported file and the
store's upsert (`DocumentStore.put`) still spell out each kind's fields.

A merge settles a record field by field; the fields listed in ``together``
are one field for that purpose (a goal's status and the time it closed make
sense only as a pair).
"""

from __future__ import annotations


class RecordKind:
    __slots__ = ("table", "name", "counted", "noun", "documents", "together")

    def __init__(
        self,
        table: str,
        name: str,
        counted: str,
        noun: str,
        documents: str | None,
        together: tuple[tuple[str, ...], ...] = (),
    ) -> None:
        self.table = table
        self.name = name
        self.counted = counted  # "3 interactions"
        self.noun = noun  # "entry 'lunch'"
        self.documents = documents
        self.together = together

    @property
    def section(self) -> str | None:
        """The export's section of these records (None: inside another kind's)."""
        return self.table if self.documents else None


# In the order a merge applies them (what others refer to first), reports them
# and the export writes them.
KINDS = (
    RecordKind("partners", "partners", "partner", "partner", "partner_documents",
               (("paused_until", "pause_reason"), ("handle", "name"))),
    RecordKind("interactions", "interactions", "interaction", "entry", "interaction_documents"),
    RecordKind("goals", "goals", "goal", "goal", "goal_documents", (("status", "closed_at"),)),
    RecordKind("goal_updates", "check_ins", "check-in", "check-in", None,
               (("at", "progress", "note"),)),
    RecordKind("traits", "traits", "trait", "trait", "trait_documents",
               (("polarity", "area", "label"),)),
    RecordKind("follow_ups", "follow_ups", "follow-up", "follow-up", "follow_up_documents",
               (("status", "closed_at", "closed_in"),)),
    RecordKind("partner_dates", "dates", "date", "date", "date_documents",
               (("month", "day", "year", "yearly"),)),
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
