"""Follow-ups (topics to raise, promises), the dates that matter to partners, and pauses."""

from __future__ import annotations

from collections.abc import Iterable

from partnerlog.core.records import FollowUp, PartnerDate
from partnerlog.errors import NotFound
from partnerlog.i18n import _
from partnerlog.store.clock import timestamp
from partnerlog.store.connection import marks, one_of, where_clause

FOLLOW_UP_COLUMNS = (
    "uuid", "partner_id", "type", "owner", "text", "due_on", "status", "created_at", "closed_at",
    "closed_in",
)  # fmt: skip
DATE_COLUMNS = ("uuid", "partner_id", "label", "month", "day", "year", "yearly", "created_at")
# Open items first: overdue and due ones by day, then the undated, oldest first.
FOLLOW_UP_ORDER = " ORDER BY f.status != 'open', f.due_on IS NULL, f.due_on, f.id"


class FollowUpStore:
    # -- follow-ups ----------------------------------------------------------------

    def add_follow_up(self, item: FollowUp) -> FollowUp:
        item.id = self._insert("follow_ups", item, FOLLOW_UP_COLUMNS)
        return item

    def follow_ups(
        self,
        *,
        partner_ids: Iterable[int] | None = None,
        include_closed: bool = False,
        ids: Iterable[int] | None = None,
        late_on: str | None = None,
    ) -> list[FollowUp]:
        """Follow-ups (open ones unless asked), overdue and soonest first; with
        ``late_on`` (an ISO day), only my promises due before it."""
        where, params = [], []
        if late_on is not None:
            where.append("f.type = 'promise' AND f.owner = 'me' AND f.due_on < ?")
            params.append(late_on)
        if partner_ids is not None:
            one_of("f.partner_id", partner_ids, where, params)
        if ids is not None:
            one_of("f.id", ids, where, params)
        elif not include_closed:
            where.append("f.status = 'open'")
        sql = (
            "SELECT f.*, p.handle FROM follow_ups f JOIN partners p ON p.id = f.partner_id"
            + where_clause(where)
            + FOLLOW_UP_ORDER
        )
        return [follow_up_from_row(row) for row in self.conn.execute(sql, params)]

    def late_promises(self, today: str) -> dict[int, list[FollowUp]]:
        """partner id → my open promises due before ``today``."""
        found: dict[int, list[FollowUp]] = {}
        for item in self.follow_ups(late_on=today):
            found.setdefault(item.partner_id, []).append(item)
        return found

    def follow_up(self, item_id: int) -> FollowUp:
        found = self.follow_ups(ids=[item_id])
        if not found:
            raise NotFound(_("no follow-up with id {item_id}").format(item_id=item_id))
        return found[0]

    def close_follow_up(self, item_id: int, at: str, closed_in: str | None = None) -> FollowUp:
        self._before_change("follow_ups", item_id)
        self.conn.execute(
            "UPDATE follow_ups SET status = 'done', closed_at = ?, closed_in = ?, updated_at = ?"
            " WHERE id = ?",
            [at, closed_in, timestamp(), item_id],
        )
        return self.follow_up(item_id)

    def set_follow_up_due(self, item_id: int, due_on: str | None) -> FollowUp:
        self._before_change("follow_ups", item_id)
        self.conn.execute(
            "UPDATE follow_ups SET due_on = ?, updated_at = ? WHERE id = ?",
            [due_on, timestamp(), item_id],
        )
        return self.follow_up(item_id)

    def open_items(self, partner_ids: list[int]) -> list[tuple[int, str, str, str | None]]:
        """(partner id, type, owner, due day) of each open item of these partners:
        what `log` says is still open. One seek of the (partner_id, status) index each."""
        return self.conn.execute(
            "SELECT partner_id, type, owner, due_on FROM follow_ups"
            f" WHERE partner_id IN ({marks(partner_ids)}) AND status = 'open'"
            " ORDER BY due_on IS NULL, due_on, id",
            partner_ids,
        ).fetchall()

    def search_follow_ups(self, query: str, *, limit: int | None = None) -> list[FollowUp]:
        """Follow-ups whose text matches every word of ``query``, best first."""
        ids = self._matching_ids("follow_ups", query, limit)
        by_id = {f.id: f for f in self.follow_ups(ids=ids)}
        return [by_id[i] for i in ids if i in by_id]

    # -- the dates that matter ----------------------------------------------------

    def add_date(self, found: PartnerDate) -> PartnerDate:
        found.yearly = int(bool(found.yearly))
        found.id = self._insert("partner_dates", found, DATE_COLUMNS)
        found.yearly = bool(found.yearly)
        return found

    def partner_dates(
        self,
        *,
        partner_ids: Iterable[int] | None = None,
        ids: Iterable[int] | None = None,
        include_archived: bool = False,
    ) -> list[PartnerDate]:
        """Dates, in the order of the year (month, day), then by partner; an archived
        partner's only when asked for (or by id)."""
        where: list[str] = []
        params: list = []
        if ids is None and not include_archived:
            where.append("p.archived_at IS NULL")
        for column, chosen in (("d.partner_id", partner_ids), ("d.id", ids)):
            if chosen is not None:
                one_of(column, chosen, where, params)
        sql = (
            "SELECT d.*, p.handle FROM partner_dates d JOIN partners p ON p.id = d.partner_id"
            + where_clause(where)
            + " ORDER BY d.month, d.day, p.handle, d.id"
        )
        return [date_from_row(row) for row in self.conn.execute(sql, params)]

    def partner_date(self, date_id: int) -> PartnerDate:
        found = self.partner_dates(ids=[date_id])
        if not found:
            raise NotFound(_("no date with id {date_id}").format(date_id=date_id))
        return found[0]

    def remove_date(self, date_id: int) -> None:
        self.partner_date(date_id)  # raises NotFound
        self._before_change("partner_dates", date_id)
        self.watch_deletions()
        self.conn.execute("DELETE FROM partner_dates WHERE id = ?", [date_id])

    # -- pauses ----------------------------------------------------------------------

    def set_pause(self, partner_id: int, until: str | None, reason: str | None) -> None:
        """Away until ``until`` (an ISO day), or back (None)."""
        self._before_change("partners", partner_id)
        self.conn.execute(
            "UPDATE partners SET paused_until = ?, pause_reason = ?, updated_at = ? WHERE id = ?",
            [until, reason, timestamp(), partner_id],
        )


def follow_up_from_row(row) -> FollowUp:
    return FollowUp(
        partner=row["handle"],
        **{key: row[key] for key in row.keys() if key != "handle"},  # noqa: SIM118
    )


def date_from_row(row) -> PartnerDate:
    values = {key: row[key] for key in row.keys() if key != "handle"}  # noqa: SIM118
    values["yearly"] = bool(values["yearly"])
    return PartnerDate(partner=row["handle"], **values)
