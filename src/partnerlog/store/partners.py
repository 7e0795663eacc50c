"""Partners: adding, naming, editing and archiving the people you work with."""

from __future__ import annotations

from partnerlog.core.people import handle_candidates, phone_tail
from partnerlog.core.records import Partner
from partnerlog.errors import Conflict, NotFound
from partnerlog.i18n import _
from partnerlog.store.clock import timestamp
from partnerlog.store.connection import marks

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime

# The columns a partner writes (its id is the table's), and all of them in the
# order of Partner's fields, so a row builds one positionally.
PARTNER_FIELDS = tuple(field for field in Partner.__slots__ if field != "id")
PARTNER_COLUMNS = ", ".join(Partner.__slots__)


class PartnerStore:
    # -- partners ----------------------------------------------------------

    def partners(self, *, include_archived: bool = False) -> list[Partner]:
        where = "" if include_archived else "WHERE archived_at IS NULL"
        rows = self.conn.execute(f"SELECT {PARTNER_COLUMNS} FROM partners {where} ORDER BY handle")
        return [partner_from_row(row) for row in rows]

    def names_by_handle(self, handles: list[str] | None = None) -> dict[str, str]:
        """Partners' names by handle, archived ones too (``handles``: only these)."""
        if handles is None:
            return dict(self.conn.execute("SELECT handle, name FROM partners"))
        wanted = sorted(set(handles))
        if len(wanted) > 500:  # (SQLite's limit on parameters): everyone's
            return self.names_by_handle()
        marks = ", ".join("?" * len(wanted))
        return dict(
            self.conn.execute(
                f"SELECT handle, name FROM partners WHERE handle IN ({marks})", wanted
            )
        )

    def partner(self, partner_id: int) -> Partner:
        row = self.conn.execute(
            f"SELECT {PARTNER_COLUMNS} FROM partners WHERE id = ?", [partner_id]
        ).fetchone()
        if row is None:
            raise NotFound(_("no partner with id {partner_id}").format(partner_id=partner_id))
        return partner_from_row(row)

    def named(self, *queries: str) -> list[Partner]:
        """The partners ``queries`` name, without repeats, by the rules of
        `core.matching.find_partner` (which raises for a name that matches nobody or
        several).

        An active partner's exact handle, the everyday case, is one indexed
        lookup; any other query loads every partner once.
        """
        found: dict[int, Partner] = {}
        everyone = None
        for query in queries:
            row = self.conn.execute(
                f"SELECT {PARTNER_COLUMNS} FROM partners WHERE handle = ? AND archived_at IS NULL",
                [query.lstrip("@")],
            ).fetchone()
            if row is not None:
                partner = partner_from_row(row)
            else:
                if everyone is None:
                    everyone = self.partners(include_archived=True)
                from partnerlog.core.matching import find_partner

                partner = find_partner(everyone, query)
            found.setdefault(partner.id, partner)
        return list(found.values())

    def free_handle(self, name: str) -> str:
        """The first handle derived from ``name`` that nobody has yet."""
        from itertools import islice

        candidates = handle_candidates(name)
        size = 4  # (the first few are free for most names: "sari", "sari-w", …)
        while True:
            # The candidates in batches, each looked up by the index: reading every
            # handle that begins alike made an address book of 20,000 people with
            # a few hundred first names quadratic.
            batch, size = list(islice(candidates, size)), 64
            taken = {
                row[0]
                for row in self.conn.execute(
                    f"SELECT handle FROM partners WHERE handle IN ({marks(batch)})", batch
                )
            }
            free = next((handle for handle in batch if handle not in taken), None)
            if free is not None:
                return free

    def add_partner(self, partner: Partner) -> Partner:
        if self._handle_owner(partner.handle) is not None:
            raise Conflict(_("the handle '{handle}' is taken").format(handle=partner.handle))
        partner.id = self._insert("partners", partner, PARTNER_FIELDS)
        return partner

    def update_partner(self, partner_id: int, changes: dict) -> Partner:
        allowed = {"handle", "name", "kind", "relation", "role", "org", "cadence_days", "notes"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"not partner fields: {sorted(unknown)}")
        if "handle" in changes:
            owner = self._handle_owner(changes["handle"])
            if owner is not None and owner != partner_id:
                raise Conflict(_("the handle '{handle}' is taken").format(handle=changes["handle"]))
        if changes:
            self._before_change("partners", partner_id)
            assignments = ", ".join(f"{column} = ?" for column in changes)
            self.conn.execute(
                f"UPDATE partners SET {assignments}, updated_at = ? WHERE id = ?",
                [*changes.values(), timestamp(), partner_id],
            )
        return self.partner(partner_id)

    def set_archived(self, partner_id: int, archived: bool) -> Partner:
        self._before_change("partners", partner_id)
        now = timestamp()
        self.conn.execute(
            "UPDATE partners SET archived_at = ?, updated_at = ? WHERE id = ?",
            [now if archived else None, now, partner_id],
        )
        return self.partner(partner_id)

    def partner_history(self, partner_id: int) -> int:
        """How many interactions, goals, traits, follow-ups and dates refer to this partner."""
        return self.conn.execute(
            "SELECT (SELECT count(*) FROM interaction_partners WHERE partner_id = :id)"
            " + (SELECT count(*) FROM goals WHERE partner_id = :id)"
            " + (SELECT count(*) FROM traits WHERE partner_id = :id)"
            " + (SELECT count(*) FROM follow_ups WHERE partner_id = :id)"
            " + (SELECT count(*) FROM partner_dates WHERE partner_id = :id)",
            {"id": partner_id},
        ).fetchone()[0]

    def delete_partner(self, partner_id: int) -> None:
        """Delete a partner with no history; one with history can only be archived."""
        if self.partner_history(partner_id):
            raise Conflict(
                _(
                    "this partner has interactions, goals, traits or follow-ups; archive them instead"
                )
            )
        self._before_change("partners", partner_id)
        self.watch_deletions()
        self.conn.execute("DELETE FROM partners WHERE id = ?", [partner_id])

    def _handle_owner(self, handle: str) -> int | None:
        row = self.conn.execute("SELECT id FROM partners WHERE handle = ?", [handle]).fetchone()
        return row[0] if row else None

    def emails(self, partner_id: int) -> list[str]:
        return [
            row[0]
            for row in self.conn.execute(
                "SELECT email FROM partner_emails WHERE partner_id = ? ORDER BY email", [partner_id]
            )
        ]

    def set_emails(self, partner_id: int, emails: list[str], *, replace: bool = False) -> None:
        """Give a partner these addresses (all of theirs with ``replace``). An address
        another partner has is refused (Conflict)."""
        for email in emails:
            if self.partner_with_email(email) not in (None, partner_id):
                raise Conflict(_("{email} belongs to another partner").format(email=email))
        rows = [(partner_id, email.lower()) for email in emails]
        self._set_ways(partner_id, "partner_emails", ("email",), rows, replace)

    def phones(self, partner_id: int) -> list[str]:
        return [
            row[0]
            for row in self.conn.execute(
                "SELECT phone FROM partner_phones WHERE partner_id = ? ORDER BY phone", [partner_id]
            )
        ]

    def set_phones(self, partner_id: int, phones: list[str], *, replace: bool = False) -> None:
        """Give a partner these numbers (all of theirs with ``replace``). A number
        another partner has is refused (Conflict)."""
        for phone in phones:
            if self.partner_with_phone(phone) not in (None, partner_id):
                raise Conflict(_("{phone} belongs to another partner").format(phone=phone))
        rows = [(partner_id, phone, phone_tail(phone)) for phone in phones]
        self._set_ways(partner_id, "partner_phones", ("phone", "tail"), rows, replace)

    def _set_ways(self, partner_id: int, table: str, columns: tuple, rows: list, replace: bool):
        """Write a partner's addresses or numbers (``rows``, after their checks) as
        one change of the partner."""
        self._before_change("partners", partner_id)
        if replace:
            self.conn.execute(f"DELETE FROM {table} WHERE partner_id = ?", [partner_id])
        marks = ", ".join("?" * (len(columns) + 1))
        self.conn.executemany(
            f"INSERT OR IGNORE INTO {table} (partner_id, {', '.join(columns)}) VALUES ({marks})",
            rows,
        )
        self.conn.execute(
            "UPDATE partners SET updated_at = ? WHERE id = ?", [timestamp(), partner_id]
        )

    def partner_with_phone(self, phone: str) -> int | None:
        """Whose number ``phone`` is (by its last nine digits), if anyone's."""
        row = self.conn.execute(
            "SELECT partner_id FROM partner_phones WHERE tail = ?", [phone_tail(phone)]
        ).fetchone()
        return row[0] if row else None

    def partner_with_email(self, email: str) -> int | None:
        row = self.conn.execute(
            "SELECT partner_id FROM partner_emails WHERE email = ?", [email]
        ).fetchone()
        return row[0] if row else None

    def all_emails(self) -> dict[str, int]:
        """Every address, lowercase, to its partner's id."""
        return {
            e.lower(): p
            for p, e in self.conn.execute("SELECT partner_id, email FROM partner_emails")
        }

    def last_contacts(self) -> dict[int, str]:
        """partner id → occurred_at of the latest interaction with them."""
        rows = self.conn.execute(  # (kept by triggers: m014)
            "SELECT partner_id, occurred_at FROM last_contacts WHERE occurred_at IS NOT NULL"
        )
        return dict(rows)

    def due_candidates(
        self, now: datetime, within: int, promised: list[int]
    ) -> tuple[list[Partner], dict[int, str]]:
        """The active partners who may be due for contact now or ``within`` days
        from now, or who are owed a promise (``promised``: their ids), by handle;
        and their last contacts. More than are due (a day's margin each way for
        the offsets a stored time carries), never fewer: `contact.due_partners`
        decides. Most partners are not due: they are never built."""
        from partnerlog.core.vocabulary import DEFAULT_CADENCE_DAYS, FALLBACK_CADENCE_DAYS

        if len(promised) > 500:  # (SQLite's limit on parameters): read everyone
            return self.partners(), self.last_contacts()
        defaults = " ".join(
            f"WHEN '{relation}' THEN {days}" for relation, days in DEFAULT_CADENCE_DAYS.items()
        )
        cadence = (
            f"coalesce(nullif(cadence_days, 0), CASE relation {defaults}"
            f" ELSE {FALLBACK_CADENCE_DAYS} END)"
        )
        plain = self.conn.cursor()
        plain.row_factory = None  # tuples: a Partner is built from one
        rows = plain.execute(
            f"SELECT {PARTNER_COLUMNS}, seen FROM (SELECT partners.*, last_contacts.occurred_at"
            "  AS seen FROM partners LEFT JOIN last_contacts ON partner_id = partners.id"
            "  WHERE archived_at IS NULL)"
            f" WHERE seen IS NULL OR julianday(?) - julianday(seen) >= {cadence} - ? - 3"
            f" OR id IN ({marks(promised)}) ORDER BY handle",
            [now.isoformat(), within, *promised],
        )
        partners, seen = [], {}
        for row in rows:
            partner = partner_from_row(row[:-1])
            partners.append(partner)
            if row[-1] is not None:
                seen[partner.id] = row[-1]
        return partners, seen


def partner_from_row(row) -> Partner:
    return Partner(*row)
