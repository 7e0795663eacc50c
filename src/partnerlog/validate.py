"""Checking what people type: one clear message (exit 2) for a value partnerlog cannot use.

Cheap to import: the quick logging path uses it.
"""

import re

from partnerlog.errors import UsageError


def split_list(values: list[str] | None) -> list[str]:
    """``--tag a --tag b,c`` → ["a", "b", "c"]."""
    items: list[str] = []
    for value in values or []:
        items.extend(part.strip() for part in value.split(",") if part.strip())
    return items


def choose(values: list[str] | None, allowed: tuple[str, ...], option: str) -> list[str]:
    """Validate ``--pillar``/``--benefit`` values (case-insensitive, prefixes allowed)."""
    chosen: list[str] = []
    for raw in split_list(values):
        value = raw.lower()
        matches = [a for a in allowed if a == value] or [a for a in allowed if a.startswith(value)]
        if len(matches) != 1:
            raise UsageError(f"{option} {raw!r} is not one of: {', '.join(allowed)}")
        if matches[0] not in chosen:
            chosen.append(matches[0])
    return chosen


def choose_one(value: str | None, allowed: tuple[str, ...], option: str) -> str | None:
    if value is None:
        return None
    chosen = choose([value], allowed, option)
    if len(chosen) != 1:
        raise UsageError(f"{option} needs one of: {', '.join(allowed)}")
    return chosen[0]


def check_tone(tone: int | None) -> int | None:
    if tone is not None and not -2 <= tone <= 2:
        raise UsageError(f"--tone {tone} is out of range; use -2, -1, 0, 1 or 2")
    return tone


def check_kind(kind: str) -> str:
    value = kind.strip().lower()
    if not re.fullmatch(r"[^\W_][\w-]*", value):
        raise UsageError(f"--kind {kind!r} should be one word, like lunch, coffee or review")
    return value
