"""The domain's records (goals, traits, complements). No I/O.

The vocabulary (pillars, kinds, matching, `Partner`) lives in `domain`, which
the quick logging path imports without this module; it is re-exported here.
"""

from partnerlog.domain import *  # noqa: F403  (the vocabulary, re-exported)
from partnerlog.domain import ME, Record


class GoalUpdate(Record):
    """A dated check-in on a goal."""

    __slots__ = ("at", "progress", "note", "uuid", "created_at")
    _defaults = {"progress": None, "note": None, "uuid": None, "created_at": None}

    def to_json(self) -> dict:
        return {"at": self.at, "progress": self.progress, "note": self.note}


class Goal(Record):
    """A target or plan with a partner (``partner`` is their handle)."""

    __slots__ = (
        "partner", "title", "owner", "note", "due_on", "status", "progress", "updates", "id",
        "uuid", "partner_id", "created_at", "closed_at",
    )  # fmt: skip
    _defaults = {
        "owner": "shared", "note": None, "due_on": None, "status": "open", "progress": 0,
        "updates": list, "id": None, "uuid": None, "partner_id": None, "created_at": None,
        "closed_at": None,
    }  # fmt: skip

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


class Trait(Record):
    """A strength or weakness: ``subject`` is a partner's handle or "me"; ``area``
    the normalised key (see `area_key`), ``label`` the words as typed."""

    __slots__ = (
        "subject", "polarity", "area", "label", "note", "id", "uuid", "partner_id", "created_at",
    )  # fmt: skip
    _defaults = {"note": None, "id": None, "uuid": None, "partner_id": None, "created_at": None}

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


class Pair(Record):
    """One complement: ``strong`` (a handle or "me") covers ``weak`` in ``area``.

    ``strong`` is None for a weakness of mine that nobody in the journal covers yet.
    ``label`` is how the area is shown; it does not take part in equality.
    """

    __slots__ = ("area", "strong", "weak", "label")
    _defaults = {"label": ""}
    _compare = ("area", "strong", "weak")

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
