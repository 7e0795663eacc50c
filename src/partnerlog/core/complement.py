"""Who complements whom: strengths that cover weaknesses, both ways. Pure."""

from __future__ import annotations

from partnerlog.core.records import Pair, Trait
from partnerlog.core.vocabulary import ME


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


def helpers_for_area(
    pairs: list[Pair], traits: list[Trait], area: str, *, only: str | None = None
) -> list[Pair]:
    """The pairs in one area, plus everyone strong in it as a helper for me.

    "Who can help me with this?" is a fair question even before I wrote the
    weakness down: every partner strong in the area can. ``only`` limits the
    helpers to one partner.
    """
    found = [p for p in pairs if p.area == area]
    helpers = {p.strong for p in found if p.weak == ME and p.strong}
    found = [p for p in found if not (p.strong is None and helpers)]
    for trait in traits:
        if (
            trait.area == area
            and trait.polarity == "strength"
            and trait.subject not in helpers | {ME}
            and (only is None or trait.subject == only)
        ):
            found.append(Pair(area, trait.subject, ME, trait.label))
    found.sort(key=lambda p: (p.strong is None, p.strong or "", p.weak))
    return found
