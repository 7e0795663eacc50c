"""Strengths and weaknesses, mine and my partners'."""

from __future__ import annotations

from partnerlog.core.records import Trait
from partnerlog.errors import NotFound
from partnerlog.i18n import _
from partnerlog.store.connection import where_clause

TRAIT_COLUMNS = ("uuid", "partner_id", "polarity", "area", "label", "note", "created_at")


class TraitStore:
    # -- traits --------------------------------------------------------------

    def add_trait(self, trait: Trait) -> Trait:
        trait.id = self._insert("traits", trait, TRAIT_COLUMNS)
        return trait

    def traits(
        self, *, partner_id: int | None = None, mine: bool = False, active_only: bool = True
    ) -> list[Trait]:
        """Traits, mine first, then by partner, polarity and area.

        ``mine`` limits to my own; ``partner_id`` to one partner's; archived
        partners' traits are left out unless ``active_only`` is False.
        """
        where, params = [], []
        if mine:
            where.append("t.partner_id IS NULL")
        elif partner_id is not None:
            where.append("t.partner_id = ?")
            params.append(partner_id)
        if active_only:
            where.append("(p.id IS NULL OR p.archived_at IS NULL)")
        sql = (
            "SELECT t.*, coalesce(p.handle, 'me') AS subject FROM traits t"
            " LEFT JOIN partners p ON p.id = t.partner_id"
            + where_clause(where)
            + " ORDER BY t.partner_id IS NOT NULL, subject, t.polarity, t.area"
        )
        return [
            Trait(**{k: row[k] for k in row.keys()})  # noqa: SIM118
            for row in self.conn.execute(sql, params)
        ]

    def trait(self, trait_id: int) -> Trait:
        row = self.conn.execute(
            "SELECT t.*, coalesce(p.handle, 'me') AS subject FROM traits t"
            " LEFT JOIN partners p ON p.id = t.partner_id WHERE t.id = ?",
            [trait_id],
        ).fetchone()
        if row is None:
            raise NotFound(_("no trait with id {trait_id}").format(trait_id=trait_id))
        return Trait(**{k: row[k] for k in row.keys()})  # noqa: SIM118

    def same_trait(self, partner_id: int | None, polarity: str, area: str) -> Trait | None:
        row = self.conn.execute(
            "SELECT id FROM traits WHERE partner_id IS ? AND polarity = ? AND area = ?",
            [partner_id, polarity, area],
        ).fetchone()
        return self.trait(row[0]) if row else None

    def remove_trait(self, trait_id: int) -> None:
        self.trait(trait_id)  # raises NotFound
        self._before_change("traits", trait_id)
        self.watch_deletions()
        self.conn.execute("DELETE FROM traits WHERE id = ?", [trait_id])
