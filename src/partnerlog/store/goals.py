"""Goals and their check-ins."""

from __future__ import annotations

from collections.abc import Iterable

from partnerlog.core.records import Goal, GoalUpdate
from partnerlog.errors import NotFound
from partnerlog.i18n import _
from partnerlog.store.clock import timestamp
from partnerlog.store.connection import marks, new_uuid, one_of, where_clause

GOAL_COLUMNS = (
    "uuid", "partner_id", "owner", "title", "note", "due_on", "status", "progress",
    "created_at", "closed_at",
)  # fmt: skip


class GoalStore:
    # -- goals -------------------------------------------------------------

    def add_goal(self, goal: Goal) -> Goal:
        goal.id = self._insert("goals", goal, GOAL_COLUMNS)
        return goal

    def goals(
        self,
        *,
        partner_id: int | None = None,
        include_closed: bool = False,
        closed_since: str | None = None,
        ids: Iterable[int] | None = None,
        partner_ids: Iterable[int] | None = None,
    ) -> list[Goal]:
        """Goals with their check-ins; open ones first, then by due date.

        ``closed_since`` adds goals closed on or after that ISO time to the open ones.
        """
        where, params = [], []
        if partner_id is not None:
            where.append("g.partner_id = ?")
            params.append(partner_id)
        if partner_ids is not None:
            one_of("g.partner_id", partner_ids, where, params)
        if ids is not None:
            one_of("g.id", ids, where, params)
        elif not include_closed:
            if closed_since is not None:
                where.append("(g.status = 'open' OR g.closed_at >= ?)")
                params.append(closed_since)
            else:
                where.append("g.status = 'open'")
        sql = (
            "SELECT g.*, coalesce(p.handle, 'me') AS handle FROM goals g"
            " LEFT JOIN partners p ON p.id = g.partner_id"
            + where_clause(where)
            + " ORDER BY g.status != 'open', g.due_on IS NULL, g.due_on, g.id"
        )
        goals = [
            Goal(
                partner=row["handle"],
                **{k: row[k] for k in row.keys() if k != "handle"},  # noqa: SIM118
            )
            for row in self.conn.execute(sql, params)
        ]
        by_id = {goal.id: goal for goal in goals}
        if by_id:
            for row in self.conn.execute(
                f"SELECT goal_id, at, progress, note, uuid, created_at, updated_at FROM goal_updates"
                f" WHERE goal_id IN ({marks(by_id)}) ORDER BY at, id",
                list(by_id),
            ):
                by_id[row[0]].updates.append(GoalUpdate(*row[1:]))
        return goals

    def goal(self, goal_id: int) -> Goal:
        found = self.goals(ids=[goal_id])
        if not found:
            raise NotFound(_("no goal with id {goal_id}").format(goal_id=goal_id))
        return found[0]

    def add_goal_update(self, goal_id: int, update: GoalUpdate) -> Goal:
        """Record a dated check-in; a progress figure becomes the goal's progress."""
        self._before_change("goals", goal_id)
        uuid, now = new_uuid(), timestamp()
        self.conn.execute(
            "INSERT INTO goal_updates (uuid, goal_id, at, progress, note, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [uuid, goal_id, update.at, update.progress, update.note, now, now],
        )
        self._remember("goal_updates", uuid, None)
        self.conn.execute(
            "UPDATE goals SET progress = coalesce(?, progress), updated_at = ? WHERE id = ?",
            [update.progress, now, goal_id],
        )
        return self.goal(goal_id)

    def update_goal(self, goal_id: int, changes: dict) -> Goal:
        """Change a goal's title, due date, owner or note."""
        unknown = set(changes) - {"title", "due_on", "owner", "note"}
        if unknown:
            raise ValueError(f"not goal fields: {sorted(unknown)}")
        self._before_change("goals", goal_id)
        assignments = "".join(f"{column} = ?, " for column in changes)
        self.conn.execute(
            f"UPDATE goals SET {assignments}updated_at = ? WHERE id = ?",
            [*changes.values(), timestamp(), goal_id],
        )
        return self.goal(goal_id)

    def reopen_goal(self, goal_id: int) -> Goal:
        self._before_change("goals", goal_id)
        self.conn.execute(
            # Reached and reopened: the progress it had, from its last check-in.
            "UPDATE goals SET status = 'open', closed_at = NULL, updated_at = ?, progress ="
            " CASE WHEN status = 'done' THEN coalesce((SELECT progress FROM goal_updates"
            " WHERE goal_id = goals.id AND progress IS NOT NULL ORDER BY at DESC, id DESC"
            " LIMIT 1), 0) ELSE progress END WHERE id = ?",
            [timestamp(), goal_id],
        )
        return self.goal(goal_id)

    def close_goal(self, goal_id: int, status: str, at: str) -> Goal:
        self._before_change("goals", goal_id)
        self.conn.execute(
            "UPDATE goals SET status = ?, closed_at = ?, updated_at = ?,"
            " progress = CASE WHEN ? = 'done' THEN 100 ELSE progress END WHERE id = ?",
            [status, at, timestamp(), status, goal_id],
        )
        return self.goal(goal_id)
