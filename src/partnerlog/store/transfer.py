"""The journal's tables as rows, for the CSV export."""

from __future__ import annotations

from collections.abc import Iterator

# The tables a CSV export writes, one file each.
EXPORT_TABLES = (
    "partners",
    "interactions",
    "interaction_partners",
    "interaction_tags",
    "interaction_pillars",
    "interaction_benefits",
    "goals",
    "goal_updates",
    "traits",
    "partner_emails",
    "partner_phones",
    "follow_ups",
    "partner_dates",
    "tombstones",
)


class TransferStore:
    # -- export and import ----------------------------------------------------

    def table_rows(self, table: str) -> tuple[list[str], Iterator[tuple]]:
        """(column names, rows) of one table, streamed, for CSV export."""
        if table not in EXPORT_TABLES:
            raise ValueError(f"not an exported table: {table}")
        cursor = self.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")
        return [column[0] for column in cursor.description], iter(cursor)

    def public_rows(self, table: str, columns: list[str], rows: Iterator[tuple]) -> Iterator:
        """``rows`` of ``table`` without anything belonging to a private interaction."""
        private = {
            row[0] for row in self.conn.execute("SELECT id FROM interactions WHERE private = 1")
        }
        if not private:
            return rows
        if table == "interactions":
            key = columns.index("id")
        elif table.startswith("interaction_"):
            key = columns.index("interaction_id")
        else:
            return rows
        return (row for row in rows if row[key] not in private)
