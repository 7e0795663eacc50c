"""The domain's records as dataclasses. No I/O.

The vocabulary (pillars, kinds, matching, `Partner`) lives in `domain`, which
the quick logging path imports without this module; it is re-exported here.
"""

from dataclasses import dataclass, field

from partnerlog.domain import *  # noqa: F403  (the vocabulary, re-exported)
from partnerlog.domain import ME


@dataclass
class GoalUpdate:
    at: str
    progress: int | None = None
    note: str | None = None

    def to_json(self) -> dict:
        return {"at": self.at, "progress": self.progress, "note": self.note}


@dataclass
class Goal:
    partner: str  # handle
    title: str
    owner: str = "shared"
    note: str | None = None
    due_on: str | None = None
    status: str = "open"
    progress: int = 0
    updates: list[GoalUpdate] = field(default_factory=list)
    id: int | None = None
    uuid: str | None = None
    partner_id: int | None = None
    created_at: str | None = None
    closed_at: str | None = None

    def overdue_days(self, today) -> int:
        """Days past the due date for an open goal (0 when not overdue)."""
        from datetime import date

        if self.status != "open" or not self.due_on:
            return 0
        return max(0, (today - date.fromisoformat(self.due_on)).days)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "partner": self.partner,
            "owner": self.owner,
            "title": self.title,
            "note": self.note,
            "due_on": self.due_on,
            "status": self.status,
            "progress": self.progress,
            "updates": [u.to_json() for u in self.updates],
        }


@dataclass
class Trait:
    subject: str  # a partner's handle, or "me"
    polarity: str
    area: str  # normalised key, see area_key()
    label: str  # as typed
    note: str | None = None
    id: int | None = None
    uuid: str | None = None
    partner_id: int | None = None
    created_at: str | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "subject": self.subject,
            "polarity": self.polarity,
            "area": self.area,
            "label": self.label,
            "note": self.note,
        }


@dataclass(frozen=True)
class Pair:
    """One complement: ``strong`` (a handle or "me") covers ``weak`` in ``area``.

    ``strong`` is None for a weakness of mine that nobody in the journal covers yet.
    """

    area: str
    strong: str | None
    weak: str
    label: str = field(default="", compare=False)

    def to_json(self) -> dict:
        return {"area": self.area, "strong": self.strong, "weak": self.weak}


def complement_pairs(traits: list[Trait], *, only: str | None = None) -> list[Pair]:
    """Who covers whose gaps, both ways, between me and each partner.

    - my weakness in an area + their strength in it → (area, them, me)
    - their weakness + my strength → (area, me, them)
    - my weakness nobody is strong in → (area, None, me)
    ``only`` limits the result to one partner's pairs (my uncovered gaps are then left out).
    Sorted by area, then partner.
    """
    strong: dict[str, list[Trait]] = {}
    weak: dict[str, list[Trait]] = {}
    for trait in traits:
        (strong if trait.polarity == "strength" else weak).setdefault(trait.area, []).append(trait)
    pairs: list[Pair] = []
    for area in sorted(set(strong) | set(weak)):
        strong_subjects = [t.subject for t in strong.get(area, [])]
        weak_subjects = [t.subject for t in weak.get(area, [])]
        both = strong.get(area, []) + weak.get(area, [])
        # Show the area as I wrote it, if I did.
        label = next((t.label for t in both if t.subject == ME), both[0].label)
        if ME in weak_subjects:
            helpers = sorted(s for s in strong_subjects if s != ME)
            pairs += [Pair(area, helper, ME, label) for helper in helpers]
            if not helpers and only is None:
                pairs.append(Pair(area, None, ME, label))
        if ME in strong_subjects:
            pairs += [Pair(area, ME, w, label) for w in sorted(weak_subjects) if w != ME]
    if only is not None:
        pairs = [p for p in pairs if only in (p.strong, p.weak)]
    return pairs
