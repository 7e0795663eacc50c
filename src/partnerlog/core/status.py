"""The status word of a partnership, by rules a person can check against the
history. Pure.

The score (0–100, `core.health`) measures depth; the status says whether the
partnership is in danger, slipping, regular or both regular and deep:

- `new`: known for fewer than NEW_DAYS days (one rule: its age).
- `at-risk`, what can lose a partnership:
  - contact far overdue: FAR_OVERDUE cadences or more since the last contact;
  - never met since you added them NEVER_MET cadences ago or more;
  - a tone sinking over several interactions (`tone_evidence`);
  - a broken promise: one of yours more than BROKEN_PROMISE_DAYS days past
    its date.
- `drifting`, contact slipping: overdue (past the cadence) but not far, or
  the gaps between contacts growing: the last GROWING_GAPS gaps each longer
  than the cadence and than the one before (meetings a day apart and then a
  longer gap are a cluster, not a slipping rhythm).
- `thriving`: regular contact and depth, a score of THRIVING or more.
- `steady`: regular contact with less depth; its next step deepens it.

The tone (`tone_evidence`) needs evidence: the last RECENT_RATED rated
interactions against this partner's own baseline, the rated interactions of
the window before them (at least BASELINE_RATED). It is falling when the
recent average is TONE_DROP or more below the baseline, is neutral or worse,
and at least two of the recent ones are below the baseline; it is low when
the recent ones average −1 or worse. One cooler day among warm ones is
neither.
"""

from __future__ import annotations

NEW_DAYS = 30
THRIVING = 70
FAR_OVERDUE = 3
NEVER_MET = 2
BROKEN_PROMISE_DAYS = 7
GROWING_GAPS = 2
RECENT_RATED = 3
BASELINE_RATED = 3
TONE_DROP = 1.0
# The status words, from the worst; the dashboard's order puts `new` between.
STATUS_ORDER = ("at-risk", "drifting", "new", "steady", "thriving")
DAY = 86400


class ToneEvidence:
    """What the rated interactions say: the recent and baseline averages (None
    without enough of them), the trend (recent − baseline), falling, low."""

    __slots__ = ("recent", "baseline", "trend", "falling", "low")

    def __init__(self, recent: list[int], before: tuple[int, int]) -> None:
        """From the last RECENT_RATED tones (oldest first) and the (sum, count) of
        the window's rated interactions before them (see `of_rated`)."""
        self.recent = sum(recent) / len(recent) if len(recent) == RECENT_RATED else None
        total, count = before
        self.baseline = total / count if count >= BASELINE_RATED else None
        self.trend = None
        self.falling = self.low = False
        if self.recent is None:
            return
        self.low = self.recent <= -1
        if self.baseline is not None:
            self.trend = round(self.recent - self.baseline, 2)
            cooler = sum(1 for tone in recent if tone < self.baseline)
            self.falling = self.trend <= -TONE_DROP and self.recent <= 0 and cooler >= 2

    @classmethod
    def of_rated(cls, rated: list[tuple[int, int]]) -> ToneEvidence:
        """From the window's rated interactions, (stamp, tone) pairs in any order."""
        tones = [tone for _at, tone in sorted(rated)]
        before = tones[:-RECENT_RATED]
        return cls(tones[-RECENT_RATED:], (sum(before), len(before)))


def gaps_growing(stamps: list[int], cadence: int) -> bool:
    """Whether the gaps between contacts grow: the last GROWING_GAPS gaps each
    longer than the cadence and than the one before."""
    moments = sorted(set(stamps))[-(GROWING_GAPS + 1) :]
    if len(moments) < GROWING_GAPS + 1:
        return False
    gaps = [(later - earlier) / DAY for earlier, later in zip(moments, moments[1:], strict=False)]
    longer = all(a < b for a, b in zip(gaps, gaps[1:], strict=False))
    return longer and all(gap > cadence for gap in gaps)


def contact_status(
    *,
    age_days: int,
    reference_days: int,
    cadence: int,
    tone: ToneEvidence,
    broken_promise: bool,
    growing: bool,
    never_met: bool,
) -> str | None:
    """`new`, `at-risk` or `drifting` by the rules above, which need no score; None
    for a regular partnership (`depth_status` says which)."""
    if age_days < NEW_DAYS:
        return "new"
    far = reference_days >= (NEVER_MET if never_met else FAR_OVERDUE) * cadence
    if far or tone.falling or tone.low or broken_promise:
        return "at-risk"
    if reference_days > cadence or growing:
        return "drifting"
    return None


def depth_status(score: int) -> str:
    """A regular partnership's status: `thriving` with depth, else `steady`."""
    return "thriving" if score >= THRIVING else "steady"
