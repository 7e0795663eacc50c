"""Whether the journal file is sound, what `db check --repair` fixes, and the
consistent copy `db backup` writes."""

from __future__ import annotations

import os

from partnerlog.errors import NotAJournal, sql_errors
from partnerlog.i18n import _


class SoundnessStore:
    def check(self) -> dict:
        """Integrity, foreign keys and schema state, as plain data."""
        from partnerlog.core.kinds import SECTIONS

        try:
            integrity = [row[0] for row in self.conn.execute("PRAGMA integrity_check")]
        except sql_errors("DatabaseError") as error:  # damage SQLite cannot even walk
            integrity = [str(error)]
        applied, pending = self.schema_state()
        try:
            foreign = [tuple(row) for row in self.conn.execute("PRAGMA foreign_key_check")]
            counts = {
                table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in (kind.section for kind in SECTIONS)
            }
            nobody = len(self._entries_with_nobody())
        except sql_errors("DatabaseError"):
            if integrity == ["ok"]:
                raise
            foreign, counts, nobody = [], {}, 0  # a damaged file: the integrity lines say where
        mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
        return {
            "path": str(self.path),
            "integrity": integrity,
            "foreign_key_problems": len(foreign),
            "migrations_applied": applied,
            "migrations_pending": pending,
            "journal_mode": mode,
            "counts": counts,
            "entries_with_nobody": nobody,
            "ok": integrity == ["ok"] and not foreign and not pending and not nobody,
        }

    def _entries_with_nobody(self) -> list[str]:
        """The uuids of entries no partner is linked to (another program deleted
        the partners, or their links): the views would show them with nobody."""
        return [
            row[0]
            for row in self.conn.execute(
                "SELECT uuid FROM interactions WHERE id NOT IN"
                " (SELECT interaction_id FROM interaction_partners)"
            )
        ]

    def repair(self) -> dict[str, int]:
        """Fix what another program left behind; call inside ``transaction()``.

        Links and check-ins whose record is gone are removed, and what the links
        copy from their interaction (m004), the masks (m003) and each partner's
        last contact (m014) are computed again. Returns how many rows each fix touched.
        """
        from partnerlog.store.schema import LAST_CONTACTS_SQL, LINK_COPIES, LINK_TABLES

        fixed = {}
        for table in LINK_TABLES:
            fixed[f"{table} without their entry"] = self.conn.execute(
                f"DELETE FROM {table} WHERE interaction_id NOT IN (SELECT id FROM interactions)"
            ).rowcount
        fixed["interaction_partners without their partner"] = self.conn.execute(
            "DELETE FROM interaction_partners WHERE partner_id NOT IN (SELECT id FROM partners)"
        ).rowcount
        nobody = self._entries_with_nobody()
        for uuid in nobody:  # (as `entry delete` would: undo brings them back)
            self.remove("interactions", uuid)
        fixed["entries with nobody"] = len(nobody)
        fixed["goal_updates without their goal"] = self.conn.execute(
            "DELETE FROM goal_updates WHERE goal_id NOT IN (SELECT id FROM goals)"
        ).rowcount
        columns = ", ".join(LINK_COPIES)
        fixed["interaction_partners copies out of date"] = self.conn.execute(
            f"UPDATE interaction_partners SET ({columns}) ="
            f" (SELECT {columns} FROM interactions WHERE id = interaction_id)"
            f" WHERE ({columns}) IS NOT (SELECT {columns} FROM interactions WHERE id = interaction_id)"
        ).rowcount
        fixed["last contacts out of date"] = self.conn.execute(LAST_CONTACTS_SQL).rowcount
        fixed["last contacts out of date"] += self.conn.execute(
            "DELETE FROM last_contacts WHERE partner_id NOT IN (SELECT id FROM partners)"
        ).rowcount
        return {what: count for what, count in fixed.items() if count}

    def backup(self, destination: str | os.PathLike) -> None:
        """A consistent copy through SQLite's backup API, written 0600 and atomically.

        A journal that fails SQLite's quick check is not copied: a backup someone
        relies on must not be corrupt too.
        """
        problems = [row[0] for row in self.conn.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise NotAJournal(
                _("{path} is damaged ({value}); not copying it. See: partnerlog db check").format(
                    path=self.path, value=problems[0]
                )
            )
        import tempfile

        destination = os.fspath(destination)
        folder, name = os.path.split(destination)
        fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or ".")
        os.close(fd)
        try:
            from partnerlog.store.files import copy_into

            copy_into(self.conn, temporary, self.passphrase)
            os.replace(temporary, destination)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
