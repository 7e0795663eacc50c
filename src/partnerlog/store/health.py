"""What the health model needs, in a handful of queries whatever the journal's size.

The model (`core.health`) is pure; this is where its facts come from, and where
a contact's compact code is computed in SQL from the model's own constants.
"""

from __future__ import annotations

from datetime import datetime

from partnerlog.core.tally import BENEFIT_SHIFT, TONE_OFFSET, TONE_SHIFT
from partnerlog.core.vocabulary import ME, PILLARS

# A link's moment in whole seconds since the epoch (`tally.contact`'s stamp).
# julianday() costs a fraction of strftime('%s').
STAMP_SQL = "CAST(round((julianday(occurred_at) - 2440587.5) * 86400) AS INTEGER)"
# The links of entries not logged private.
PUBLIC_SQL = " AND interaction_id NOT IN (SELECT id FROM interactions WHERE private = 1)"

# `tally.contact`'s code from a row with an interaction's columns. SQLite
# gives `<<` and `|` the same precedence: every shift is bracketed.
CONTACT_CODE_SQL = (
    f"(pillar_mask | ((setting IS 'outside') << {PILLARS.index('bond')})"
    f" | (benefit_mask << {BENEFIT_SHIFT})"
    f" | (coalesce(tone + {TONE_OFFSET}, 0) << {TONE_SHIFT}))"
)


class HealthStore:
    # -- what the health model needs ------------------------------------------

    def health_facts(
        self,
        since: datetime,
        *,
        partner_id: int | None = None,
        include_private: bool = True,
        today=None,
        details: bool = True,
    ) -> list:
        """Facts for every active partner (or one), in a handful of queries whatever their number.

        ``since`` bounds the interactions loaded (the model's window, or more); of
        the follow-ups, the model only needs my promises overdue on ``today``.
        Without ``include_private``, entries logged private count for nothing (a
        report must not reveal them through a last contact, a count or a tone).
        Without ``details``, only what says where each partnership stands
        (`health.standing`): contacts, goals, dates and traits are left to
        `add_details` (the dashboard adds them for the partnerships it may show).
        """
        # Imported here: `log` and `due` load the store but never score anyone.
        from partnerlog.core.health import Facts, called

        partners = self.partners() if partner_id is None else [self.partner(partner_id)]
        # What steps call them: a first name two partners share says which one.
        names = called(
            list(self.conn.execute("SELECT handle, name FROM partners WHERE archived_at IS NULL"))
        )
        facts = {p.id: Facts(partner=p, called=names.get(p.handle)) for p in partners}
        # For one partner, only their rows (through the (partner_id, occurred_at) index).
        selected = [] if partner_id is None else [partner_id]
        public = "" if include_private else PUBLIC_SQL
        for row in self.conn.execute(
            # The count stops at 3: the model only asks "fewer than three?"
            "SELECT id, (SELECT max(occurred_at) FROM interaction_partners"
            f"  WHERE partner_id = partners.id{public}),"
            " (SELECT min(occurred_at) FROM interaction_partners"
            f"  WHERE partner_id = partners.id{public}),"
            " (SELECT count(*) FROM (SELECT 1 FROM interaction_partners"
            f"  WHERE partner_id = partners.id{public} LIMIT 3)) FROM partners"
            + (" WHERE id = ?" if selected else ""),
            selected,
        ):
            if row[0] in facts and row[1] is not None:
                facts[row[0]].last_contact = datetime.fromisoformat(row[1])
                facts[row[0]].first_contact = datetime.fromisoformat(row[2])
                facts[row[0]].total_contacts = row[3]
        late_on = (today or datetime.now().date()).isoformat()
        for item in self.follow_ups(partner_ids=selected or None, late_on=late_on):
            if item.partner_id in facts:
                facts[item.partner_id].follow_ups.append(item)
        found = list(facts.values())
        if details:
            self.add_details(found, since, include_private=include_private)
        return found

    def add_details(self, facts: list, since: datetime, *, include_private: bool = True) -> None:
        """Add to ``facts`` what scoring needs besides where they stand: the
        contacts and goals since ``since``, the dates, the traits and complement pairs."""
        from partnerlog.core.complement import complement_pairs

        self.load_contacts(facts, since, include_private=include_private)
        by_id = {f.partner.id: f for f in facts}
        few = list(by_id) if len(by_id) <= 50 else None
        for goal in self.goals(closed_since=since.isoformat(), partner_ids=few):
            if goal.partner_id in by_id:
                by_id[goal.partner_id].goals.append(goal)
        for found in self.partner_dates(partner_ids=few):
            if found.partner_id in by_id:
                by_id[found.partner_id].dates.append(found)
        by_handle = {f.partner.handle: f for f in facts}
        traits = self.traits()
        mine = [t for t in traits if t.subject == ME]
        for found in facts:
            found.my_traits = mine
        for trait in traits:
            if trait.subject in by_handle:
                by_handle[trait.subject].traits.append(trait)
        for pair in complement_pairs(traits):
            for side in (pair.strong, pair.weak):
                if side in by_handle:
                    by_handle[side].pairs.append(pair)

    def load_contacts(self, facts: list, since: datetime, *, include_private: bool = True) -> None:
        """Fill in the contacts (see `tally.contact`) since ``since`` of each of ``facts``."""
        found = {f.partner.id: f.contacts for f in facts}
        public = "" if include_private else PUBLIC_SQL
        plain = self.conn.cursor()
        plain.row_factory = None  # tuples: a contact is one, and they cost less than Rows
        select = (
            f"SELECT partner_id, {STAMP_SQL}, kind, {CONTACT_CODE_SQL} FROM interaction_partners"
        )
        if len(found) > 50:
            # For everyone, one covering index answers this (m004): no
            # interaction is visited.
            rows = plain.execute(f"{select} WHERE occurred_at >= ?{public}", [since.isoformat()])
        else:  # a few: theirs only, through the (partner_id, occurred_at) index
            marks = ", ".join("?" * len(found))
            rows = plain.execute(
                f"{select} WHERE partner_id IN ({marks}) AND occurred_at >= ?{public}",
                [*found, since.isoformat()],
            )
        for row in rows:
            contacts = found.get(row[0])
            if contacts is not None:
                contacts.append(row[1:])

    def standings(self, since: datetime, now: datetime, window_days: int) -> dict[int, tuple]:
        """What the status rules need of every partner's contacts since ``since``
        (see `health.standing`), without loading the contacts: partner id →
        (the last GROWING_GAPS + 1 distinct stamps up to ``now``, the last
        RECENT_RATED tones of the window and the (sum, count) of its tones before
        them). One covering index answers it (m012)."""
        from partnerlog.core.status import GROWING_GAPS, RECENT_RATED

        stamp = int(now.timestamp())
        own = "FROM interaction_partners WHERE partner_id = partners.id"
        # All from the (partner_id, instant, tone, occurred_at) index (m015),
        # which answers alone: the last few newest first, without a sort.
        window = f"{STAMP_SQL} BETWEEN :start AND :now"
        newest = f"ORDER BY {STAMP_SQL} DESC"
        found = {}
        for pid, stamps, recent, rated in self.conn.execute(
            f"SELECT id, (SELECT group_concat(s) FROM (SELECT DISTINCT {STAMP_SQL} AS s {own}"
            f"  AND {STAMP_SQL} BETWEEN :since AND :now {newest} LIMIT {GROWING_GAPS + 1})),"
            f" (SELECT group_concat(tone) FROM (SELECT tone {own} AND tone IS NOT NULL"
            f"  AND {window} {newest}, tone DESC LIMIT {RECENT_RATED})),"
            f" (SELECT count(tone) || ' ' || total(tone) {own} AND {window}) FROM partners",
            {"since": int(since.timestamp()), "start": stamp - window_days * 86400, "now": stamp},
        ):
            tones = [int(tone) for tone in recent.split(",")] if recent else []
            count, total = rated.split()
            found[pid] = (
                [int(at) for at in stamps.split(",")] if stamps else [],
                tones,
                (int(float(total)) - sum(tones), int(count) - len(tones)),
            )
        return found

    def busiest_week(self, since: datetime, now: datetime, weeks: int) -> int:
        """The most contacts any partner had in one of the last ``weeks`` weeks
        (week n holds whole days 7n…7n+6 ago, as `tally_contacts` counts them)."""
        stamp = int(now.timestamp())
        row = self.conn.execute(
            "SELECT max(n) FROM (SELECT count(*) AS n FROM interaction_partners"
            f" WHERE occurred_at >= ? AND {STAMP_SQL} BETWEEN ? AND ?"
            f" GROUP BY partner_id, (? - {STAMP_SQL}) / 604800)",
            [since.isoformat(), stamp - weeks * 604800 + 1, stamp, stamp],
        ).fetchone()
        return row[0] or 0
