"""The actions `undo` reverses: each write command's before-images, kept in its transaction."""

from __future__ import annotations

from partnerlog.core.vectors import with_change
from partnerlog.errors import Conflict
from partnerlog.i18n import _
from partnerlog.store.clock import timestamp

# The actions that brought in other journals' records: undone here only.
MERGES = ("sync", "import")


class Action:
    """One recorded action: the command, when, and each record as it was before
    (``before`` None: the action created it)."""

    __slots__ = ("id", "command", "at", "changes")

    def __init__(self, action_id: int, command: str, at: str, changes: list) -> None:
        self.id = action_id
        self.command = command
        self.at = at
        self.changes = changes


class UndoStore:
    def actions(self, limit: int | None = None) -> list[Action]:
        """Actions not undone yet, the latest first."""
        import json

        rows = self.conn.execute(
            "SELECT id, command, at FROM actions WHERE undone_at IS NULL ORDER BY id DESC"
            + (" LIMIT ?" if limit else ""),
            [limit] if limit else [],
        ).fetchall()
        found = []
        for action_id, command, at in rows:
            changes = [
                (kind, uuid, None if before is None else json.loads(before))
                for kind, uuid, before in self.conn.execute(
                    "SELECT kind, uuid, before FROM action_changes WHERE action_id = ?"
                    " ORDER BY seq",
                    [action_id],
                )
            ]
            found.append(Action(action_id, command, at, changes))
        return found

    def undo(self, action: Action) -> None:
        """Put every record the action touched back as it was; call inside ``transaction()``.

        Restored records are stamped now, so a merge carries the undo to other
        devices like any other change. A merge (`sync`, `import`) is undone on
        this journal only: what it added goes without a tombstone and what it
        changed or deleted comes back with its own stamp, so no other device
        is told to delete or change anything; the bases of those records are
        forgotten, so the next merge of the same files does the same again.
        """
        latest = self.actions(1)
        if not latest or latest[0].id != action.id:
            raise Conflict(_("the journal changed meanwhile; run undo again"))
        here_only = action.command in MERGES
        now = timestamp()
        whole = self.complete(action.changes)  # (a tag rename keeps only the tags)
        for kind, uuid, before in reversed(action.changes):
            before = whole.get(uuid, before)
            if before is None:
                record_id = self.id_of(kind, uuid)
                if kind == "partners" and record_id is not None:
                    self.delete_partner(record_id)  # refused while they have history
                else:
                    self.remove(kind, uuid)
                if here_only:
                    self.conn.execute("DELETE FROM tombstones WHERE uuid = ?", [uuid])
                    self.conn.execute("DELETE FROM versions WHERE uuid = ?", [uuid])
            elif here_only:
                self.put(kind, before, own_id=True)  # as it was, history and all
                if not before.get("seen"):  # remembered before versions were kept
                    self.conn.execute("DELETE FROM versions WHERE uuid = ?", [uuid])
            else:
                seen = with_change(before.get("seen") or {}, self.journal_id(), now)
                self.put(kind, {**before, "updated_at": now, "seen": seen}, own_id=True)
        if here_only:
            self.conn.executemany(
                "DELETE FROM sync_bases WHERE uuid = ?",
                [(uuid,) for _k, uuid, _b in action.changes],
            )
            self.conn.execute("DELETE FROM meta WHERE key LIKE 'sync_file:%'")
        self.conn.execute("UPDATE actions SET undone_at = ? WHERE id = ?", [now, action.id])
