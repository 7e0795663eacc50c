"""Change stamps from a hybrid logical clock, so a merge can trust their order.

A stamp is UTC to the microsecond, and never behind the newest stamp this
journal has made or seen (``meta.clock``): a device whose clock is slow, or
jumps back, still stamps an edit after everything it had merged, and one
whose clock runs fast pulls the others' clocks forward with it instead of
winning every later comparison. SQLite's triggers can only read the wall
clock, so the deletions a transaction makes are stamped again from this
clock before it commits.
"""

from __future__ import annotations

from datetime import UTC, datetime

from partnerlog.errors import sql_errors


def wall_clock() -> datetime:
    """This device's clock (the tests give each simulated device its own)."""
    return datetime.now(UTC)


# The newest stamp the open transaction's journal has made or seen (its
# ``meta.clock``): a hybrid logical clock. Empty outside a transaction.
_clock = {"last": ""}


def timestamp() -> str:
    """A change stamp: UTC to the microsecond, and never behind the newest stamp
    this journal has made or seen, whatever the wall clock says (a device whose
    clock is slow, or jumps back, still stamps an edit after what it merged)."""
    stamp = wall_clock().astimezone(UTC).isoformat(timespec="microseconds")
    last = _clock["last"]
    if stamp <= last:
        from datetime import timedelta

        stamp = (datetime.fromisoformat(last) + timedelta(microseconds=1)).isoformat(
            timespec="microseconds"
        )
    _clock["last"] = stamp
    return stamp


def observe(stamp: str | None) -> None:
    """Move the clock up to a stamp another journal made (a merge reads them)."""
    if stamp and stamp > _clock["last"] and _is_stamp(stamp):
        _clock["last"] = stamp


def _is_stamp(text: str) -> bool:
    """A stamp in the one shape they are written in (so they sort as text)."""
    return len(text) == 32 and text.endswith("+00:00") and text[10] == "T"


class ClockStore:
    def _read_clock(self) -> str:
        """Start the hybrid clock where this journal left it."""
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'clock'").fetchone()
        except sql_errors("OperationalError"):  # a journal being created: no meta table yet
            row = None
        _clock["last"] = row[0] if row and row[0] else ""
        return _clock["last"]

    def _settle_clock(self, before: str) -> None:
        """Before committing: deletions made in this transaction get a stamp from
        the clock (SQLite's triggers can only read the wall clock), and the
        clock is saved when it moved."""
        if self._fresh_tombstones:
            fresh = self.conn.execute("SELECT uuid FROM temp.fresh_tombstones").fetchall()
            if fresh:
                self.conn.execute(
                    "UPDATE tombstones SET deleted_at = ?"
                    " WHERE uuid IN (SELECT uuid FROM temp.fresh_tombstones)",
                    [timestamp()],
                )
                self.conn.execute("DELETE FROM temp.fresh_tombstones")
        if _clock["last"] > before:
            self.set_meta("clock", _clock["last"])

    def watch_deletions(self) -> None:
        """Note the tombstones this connection writes (a temporary trigger, seen by
        no other program), so `_settle_clock` stamps them. Commands that may
        delete call it; `log` never deletes and does not pay for it."""
        if self._fresh_tombstones:
            return
        self.conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS fresh_tombstones (uuid TEXT PRIMARY KEY)"
        )
        self.conn.execute(
            "CREATE TEMP TRIGGER IF NOT EXISTS tombstone_is_fresh AFTER INSERT ON main.tombstones"
            " BEGIN INSERT OR IGNORE INTO fresh_tombstones (uuid) VALUES (NEW.uuid); END"
        )
        self._fresh_tombstones = True

    def stamp(self) -> str:
        """A change stamp for a record changed in the open transaction."""
        return timestamp()

    def clock_now(self) -> str:
        """A stamp from this journal's clock outside a transaction (an export's time)."""
        self._read_clock()
        try:
            return timestamp()
        finally:
            _clock["last"] = ""
