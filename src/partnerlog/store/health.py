"""What the health model needs, in a handful of queries whatever the journal's size.

The model (`core.health`) is pure; this is where its facts come from, and where
a contact's compact code is computed in SQL from the model's own constants.
"""

from __future__ import annotations

from datetime import datetime

from partnerlog.core.tally import BENEFIT_SHIFT, TONE_OFFSET, TONE_SHIFT
from partnerlog.core.vocabulary import ME, PILLARS

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
    ) -> list:
        """Facts for every active partner (or one), in five queries whatever their number.

        ``since`` bounds the interactions loaded (the model's window, or more); of
        the follow-ups, the model only needs my promises overdue on ``today``.
        Without ``include_private``, entries logged private count for nothing (a
        report must not reveal them through a last contact, a count or a tone).
        """
        # Imported here: `log` and `due` load the store but never score anyone.
        from partnerlog.core.complement import complement_pairs
        from partnerlog.core.health import Facts, called

        partners = self.partners() if partner_id is None else [self.partner(partner_id)]
        # What steps call them: a first name two partners share says which one.
        names = called(
            list(self.conn.execute("SELECT handle, name FROM partners WHERE archived_at IS NULL"))
        )
        facts = {p.id: Facts(partner=p, called=names.get(p.handle)) for p in partners}
        # For one partner, only their rows (through the (partner_id, occurred_at) index).
        selected = [] if partner_id is None else [partner_id]
        public = (
            ""
            if include_private
            else " AND interaction_id NOT IN (SELECT id FROM interactions WHERE private = 1)"
        )
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
        contacts = {key: found.contacts for key, found in facts.items()}
        plain = self.conn.cursor()
        plain.row_factory = None  # tuples: a contact is one, and they cost less than Rows
        for row in plain.execute(
            # For everyone, one covering index answers this (m004): no
            # interaction is visited. julianday() costs a fraction of strftime('%s').
            "SELECT partner_id,"
            " CAST(round((julianday(occurred_at) - 2440587.5) * 86400) AS INTEGER),"
            f" kind, {CONTACT_CODE_SQL} FROM interaction_partners WHERE occurred_at >= ?{public}"
            + (" AND partner_id = ?" if selected else ""),
            [since.isoformat(), *selected],
        ):
            found = contacts.get(row[0])
            if found is not None:
                found.append(row[1:])  # a contact, as `health.contact` describes it
        for goal in self.goals(partner_id=partner_id, closed_since=since.isoformat()):
            if goal.partner_id in facts:
                facts[goal.partner_id].goals.append(goal)
        late_on = (today or datetime.now().date()).isoformat()
        for item in self.follow_ups(partner_ids=selected or None, late_on=late_on):
            if item.partner_id in facts:
                facts[item.partner_id].follow_ups.append(item)
        for found in self.partner_dates(partner_ids=selected or None):
            if found.partner_id in facts:
                facts[found.partner_id].dates.append(found)
        by_handle = {f.partner.handle: f for f in facts.values()}
        traits = self.traits()
        mine = [t for t in traits if t.subject == ME]
        for found in facts.values():
            found.my_traits = mine
        for trait in traits:
            if trait.subject in by_handle:
                by_handle[trait.subject].traits.append(trait)
        for pair in complement_pairs(traits):
            for side in (pair.strong, pair.weak):
                if side in by_handle:
                    by_handle[side].pairs.append(pair)
        return list(facts.values())
