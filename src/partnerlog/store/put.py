"""Records put back from their documents: what a merge or an undo writes (`put`),
removes, and the deletions it records. The documents are `store.documents`'."""

from __future__ import annotations

from partnerlog.core.kinds import BY_TABLE, Ref
from partnerlog.core.people import phone_tail
from partnerlog.store.clock import timestamp
from partnerlog.store.connection import new_uuid


class PutStore:
    # New entries gathered to be written together (`store.bulk`), during a big merge.
    bulk = None

    def put(
        self,
        kind: str,
        doc: dict,
        *,
        partner_ids: dict[str, int] | None = None,
        own_id: bool = False,
        new: bool = False,
    ) -> int:
        """Make the record with ``doc``'s uuid look like ``doc`` (creating it, under
        ``doc``'s id when that id is free, or changing it); return its id.

        ``partner_ids`` maps partner uuids of a file to partners here (an import
        may find a file's partner here under another uuid). ``own_id``: ``doc``
        is this journal's own record as it was (undo), whose id is still its own.
        ``new``: the caller knows that no record here has ``doc``'s uuid.
        """
        existing = None if new else self.id_of(kind, doc["uuid"])
        if existing is not None:
            self._before_change(kind, existing)
        ids = partner_ids or {}

        def partner(uuid: str | None) -> int | None:
            return None if uuid is None else ids.get(uuid) or self.id_of("partners", uuid)

        def refers(ref, uuid):
            return partner(uuid) if ref.target == "partners" else self.id_of(ref.target, uuid)

        stamp = doc.get("updated_at") or doc.get("created_at") or timestamp()
        values = {
            item.column: refers(item, doc.get(item.key))
            if isinstance(item, Ref)
            else item.stored(doc)
            for item in BY_TABLE[kind].columns
        }
        if kind == "partners":
            self._settle_partner(values, doc, existing)
        values["updated_at"] = stamp
        values["created_at"] = doc.get("created_at") or stamp
        fresh = existing is None
        if kind == "interactions":  # its partners here (a file's uuids may not all be)
            linked = [p for p in (partner(u) for u in doc.get("partner_uuids") or []) if p]
        if fresh:
            values = {"id": doc.get("id"), "uuid": doc["uuid"] or new_uuid(), **values}
            if kind == "interactions" and self.bulk is not None:
                # (it keeps the file's id only above every id ever used here)
                entry_id = self.bulk.add(values, doc, linked)
                self._remember(kind, doc["uuid"], None)
                return entry_id
            record_id = values["id"]
            if record_id is not None and not (
                self._id_free(kind, record_id) if own_id else self._never_used(kind, record_id)
            ):
                values["id"] = None  # that id is, or was, another record's here: never reused
            columns = ", ".join(values)
            existing = self.conn.execute(
                f"INSERT INTO {kind} ({columns}) VALUES ({', '.join('?' * len(values))})",
                list(values.values()),
            ).lastrowid
            self._remember(kind, doc["uuid"], None)
        else:
            assignments = ", ".join(f"{column} = ?" for column in values)
            self.conn.execute(
                f"UPDATE {kind} SET {assignments} WHERE id = ?", [*values.values(), existing]
            )
        if kind == "partners":
            self._put_ways(existing, doc)
        if doc.get("seen"):
            self.set_vector(doc["uuid"], stamp, doc["seen"])
        if kind == "interactions":
            self._set_links(
                existing,
                linked,
                doc.get("tags") or [],
                doc.get("pillars") or [],
                doc.get("benefits") or [],
                fresh=fresh,
            )
            if self.bulk is not None:  # (its triggers are off: `store.bulk`)
                self.bulk.changed(existing, doc)
        return existing

    def _put_ways(self, partner_id: int, doc: dict) -> None:
        """A partner's addresses and numbers as ``doc`` has them (one another partner
        has here stays theirs); a document without them (an older file) leaves them."""
        for key, table, columns, owner_of, row in (
            ("emails", "partner_emails", "email", self.partner_with_email,
             lambda email: (email.lower(),)),
            ("phones", "partner_phones", "phone, tail", self.partner_with_phone,
             lambda phone: (phone, phone_tail(phone))),
        ):  # fmt: skip
            if doc.get(key) is None:
                continue
            self.conn.execute(f"DELETE FROM {table} WHERE partner_id = ?", [partner_id])
            for value in doc[key]:
                if owner_of(value) is None:
                    values = row(value)
                    self.conn.execute(
                        f"INSERT INTO {table} (partner_id, {columns})"
                        f" VALUES (?, {', '.join('?' * len(values))})",
                        [partner_id, *values],
                    )

    def _settle_partner(self, values: dict, doc: dict, existing: int | None) -> None:
        """A partner's handle stays one word no other partner here has; an older
        file says only whether a partner is archived."""
        owner = self._handle_owner(values["handle"])
        if owner is not None and owner != existing:
            values["handle"] = (
                self.partner(existing).handle
                if existing is not None
                else self.free_handle(doc["name"])
            )
        if values["archived_at"] is None and doc.get("archived"):
            values["archived_at"] = timestamp()

    def _id_free(self, kind: str, record_id: int) -> bool:
        row = self.conn.execute(f"SELECT 1 FROM {kind} WHERE id = ?", [record_id]).fetchone()
        return row is None

    def _never_used(self, kind: str, record_id: int) -> bool:
        """Whether no record of this kind has ever had ``record_id`` here (ids are
        never reused, so a record from another journal keeps its id only then)."""
        row = self.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", [kind]).fetchone()
        return record_id > (row[0] if row else 0)

    def remove(self, kind: str, uuid: str) -> bool:
        """Delete the record with this uuid (its links go with it); False if absent."""
        record_id = self.id_of(kind, uuid)
        if record_id is None:
            return False
        self._before_change(kind, record_id)
        self.watch_deletions()
        self.conn.execute(f"DELETE FROM {kind} WHERE id = ?", [record_id])
        return True

    def set_tombstone(self, uuid: str, kind: str, deleted_at: str, *, replace=False) -> None:
        """Record (or move later; with ``replace``, set) the deletion of a record,
        as another journal saw it."""
        self.conn.execute(
            "INSERT INTO tombstones (uuid, kind, deleted_at) VALUES (?, ?, ?) ON CONFLICT (uuid)"
            + (" DO UPDATE SET deleted_at = excluded.deleted_at" if replace else
               " DO UPDATE SET deleted_at = max(deleted_at, excluded.deleted_at)"),
            [uuid, kind, deleted_at],
        )  # fmt: skip
        if self._fresh_tombstones:  # another journal's time, not one to stamp now
            self.conn.execute("DELETE FROM temp.fresh_tombstones WHERE uuid = ?", [uuid])
