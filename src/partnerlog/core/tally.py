"""Counting a partnership's contacts: the compact form the store hands the model,
and one pass that tallies what the health model needs. Pure.
"""

from datetime import datetime
from functools import cache

from partnerlog.core.records import Record
from partnerlog.core.vocabulary import BENEFITS, PILLARS, WINDOW_DAYS

# The dashboard's sparkline covers this many weeks.
WEEKS = 12
# Written contact (a day of messages in a chat, an email) counts as contact and
# for communication, and this much of a conversation for understanding.
WRITTEN = frozenset({"message", "email"})
WRITTEN_WEIGHT = 0.5


# A contact is one interaction as the model counts it, a plain tuple
# (stamp, kind, code): `stamp` in whole seconds since the epoch, and `code` an
# integer holding the rest. Its low bits are the pillar mask (bit n for
# PILLARS[n]), with `bond` also set for a meeting outside the office (the
# model counts those as bonding either way); above them the benefit mask (bit
# n for BENEFITS[n]), and above that the tone plus TONE_OFFSET (0: no tone).
# The store computes the same tuples in SQL from these constants (store.health) (tens of
# thousands for the dashboard), so no object is built per interaction and
# each row carries three values.
BENEFIT_SHIFT = len(PILLARS)
TONE_SHIFT = BENEFIT_SHIFT + len(BENEFITS)
TONE_OFFSET = 3  # tones run from -2 to 2
MASKS = (1 << TONE_SHIFT) - 1  # pillars and benefits


def contact(
    at: datetime,
    kind: str,
    setting: str | None = None,
    tone: int | None = None,
    pillars=(),
    benefits=(),
) -> tuple:
    """One contact, from readable values (pillar and benefit names)."""
    pillar_mask = sum(1 << PILLARS.index(name) for name in set(pillars))
    if setting == "outside":
        pillar_mask |= 1 << PILLARS.index("bond")
    benefit_mask = sum(1 << BENEFITS.index(name) for name in set(benefits))
    toned = 0 if tone is None else tone + TONE_OFFSET
    code = pillar_mask | benefit_mask << BENEFIT_SHIFT | toned << TONE_SHIFT
    return (round(at.timestamp()), kind, code)


class Tally(Record):
    """What the model counts in a partnership's contacts (see `tally_contacts`).

    Tones are (sum, count) pairs. (Counting in SQL instead was tried: with
    forty expressions a row, SQLite took longer than `tally_contacts`.)
    """

    __slots__ = (
        "count_window", "candid", "bonding", "kind_count", "planning", "learning", "benefits",
        "count_30", "count_90", "tone_90", "weekly", "rated", "stamps", "heard",
    )  # fmt: skip


DAY = 86400
WEEK = 7 * DAY


def tally_contacts(contacts: list[tuple], now: datetime, window_days: int) -> Tally:
    """Count what the model needs in ``contacts``, as of ``now``.

    An interaction counts by its age: in the window when 0 ≤ age ≤ window days,
    in "30 days" when ≤ 30 days; the window's rated interactions are kept
    (`core.status` weighs the recent ones against the rest), as is every
    contact's time (the gaps between them); week n of the sparkline holds
    whole days 7n…7n+6.

    One loop with local counters: the dashboard runs it over every contact of
    every partner (23,500 of them in 90 days of a 100,000-entry journal), and
    one pass costs less than a pass per count.
    """
    stamp = int(now.timestamp())  # whole seconds, like the contacts: integer arithmetic
    window_end, day_30, day_90 = window_days * DAY, 30 * DAY, 90 * DAY
    count_window = count_30 = count_90 = 0
    heard = 0.0  # the window's contacts, written ones at WRITTEN_WEIGHT (understanding)
    tone_90 = toned_90 = 0
    rated = []  # (stamp, tone) of the window's rated interactions
    stamps = []  # when each contact was
    kinds = set()
    masks: dict[int, int] = {}  # pillar and benefit masks in the window, and how often
    weekly = [0] * WEEKS
    for at, kind, code in contacts:
        age = stamp - at
        if age < 0:
            continue
        stamps.append(at)
        if age <= window_end:
            count_window += 1
            heard += WRITTEN_WEIGHT if kind in WRITTEN else 1
            kinds.add(kind)
            mask = code & MASKS
            masks[mask] = masks.get(mask, 0) + 1
            if code >> TONE_SHIFT:
                rated.append((at, (code >> TONE_SHIFT) - TONE_OFFSET))
        if age <= day_90:
            count_90 += 1
            if age <= day_30:
                count_30 += 1
            tone = code >> TONE_SHIFT
            if tone and age < day_90:
                tone_90 += tone - TONE_OFFSET
                toned_90 += 1
        week = age // WEEK  # the same as whole days // 7, for ages ≥ 0
        if week < WEEKS:
            weekly[WEEKS - 1 - week] += 1
    bits = [0] * TONE_SHIFT  # how many contacts in the window have each bit set
    for mask, count in masks.items():
        for bit in _set_bits(mask):
            bits[bit] += count
    candid = bits[PILLARS.index("communication")]
    bonding = bits[PILLARS.index("bond")]
    planning = bits[PILLARS.index("goals")]
    learning = bits[PILLARS.index("complement")]
    benefit_counts = {
        benefit: bits[bit] for bit, benefit in enumerate(BENEFITS, BENEFIT_SHIFT) if bits[bit]
    }
    return Tally(
        count_window=count_window,
        heard=heard,
        kind_count=len(kinds),
        candid=candid,
        bonding=bonding,
        planning=planning,
        learning=learning,
        benefits=benefit_counts,
        count_30=count_30,
        count_90=count_90,
        tone_90=(tone_90, toned_90),
        weekly=weekly,
        rated=rated,
        stamps=stamps,
    )


@cache
def _set_bits(mask: int) -> tuple[int, ...]:
    return tuple(bit for bit in range(mask.bit_length()) if mask & (1 << bit))


def weekly_counts(contacts: list[tuple], now: datetime) -> list[int]:
    """Interactions per week for the last 12 weeks, oldest first."""
    return tally_contacts(contacts, now, WINDOW_DAYS).weekly
