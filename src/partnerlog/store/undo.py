"""The record `undo` removes: the most recently created one, across every kind."""

from __future__ import annotations


class UndoStore:
    def latest_record(self) -> tuple[str, int] | None:
        """(table, id) of the most recently created record, or None in an empty journal."""
        row = self.conn.execute(
            "SELECT kind, id FROM ("
            " SELECT 'interactions' AS kind, id, created_at FROM interactions"
            " UNION ALL SELECT 'partners', id, created_at FROM partners"
            " UNION ALL SELECT 'goals', id, created_at FROM goals"
            " UNION ALL SELECT 'goal_updates', id, created_at FROM goal_updates"
            " UNION ALL SELECT 'traits', id, created_at FROM traits"
            ") ORDER BY created_at DESC LIMIT 1"
        ).fetchone()
        return (row[0], row[1]) if row else None

    def remove_record(self, table: str, record_id: int) -> None:
        """Delete one record `latest_record` named (what `undo` does)."""
        if table == "interactions":
            self.delete_interaction(record_id)
        elif table == "partners":
            self.delete_partner(record_id)
        elif table == "goal_updates":
            goal_id = self.conn.execute(
                "SELECT goal_id FROM goal_updates WHERE id = ?", [record_id]
            ).fetchone()[0]
            self.conn.execute("DELETE FROM goal_updates WHERE id = ?", [record_id])
            # The goal's progress goes back to what the previous check-in said.
            self.conn.execute(
                "UPDATE goals SET progress = coalesce((SELECT progress FROM goal_updates"
                " WHERE goal_id = :goal AND progress IS NOT NULL ORDER BY at DESC, id DESC"
                " LIMIT 1), 0) WHERE id = :goal",
                {"goal": goal_id},
            )
        elif table in ("goals", "traits"):
            self.conn.execute(f"DELETE FROM {table} WHERE id = ?", [record_id])
        else:
            raise ValueError(f"cannot remove records from {table}")

    def check_in(self, update_id: int) -> tuple[int, int | None, str | None]:
        """(goal id, progress, note) of one check-in."""
        row = self.conn.execute(
            "SELECT goal_id, progress, note FROM goal_updates WHERE id = ?", [update_id]
        ).fetchone()
        return (row[0], row[1], row[2])
