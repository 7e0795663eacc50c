"""Merging another journal's export into this one, record by record, field by field.

The rules (the README's Sync section says them to people too):

- Records are matched by uuid, and each version carries a version vector
  (`core.vectors`): which journals' changes it includes, by their change
  stamps. Stamps come from a hybrid logical clock (`store.clock`): an edit
  sorts after everything its device had seen, whatever its wall clock says.
- A version that has seen the other side's replaces it (or stays, when it is
  this journal's); the clocks are not compared.
- Two versions that have not seen each other were made apart: they merge
  field by field against the base (the record as the other journal's file
  last had it, `store.merge_state`). A field changed on one side takes that
  side; one changed on both sides to different values (any differing field,
  with no base) is a conflict, reported with its fields and settled by
  ``prefer`` or else by the later stamp. The result has seen both, so the
  other journal takes it as it is.
- A deletion and a change made apart are a conflict too: the change is kept
  (nothing typed is lost) and the merge says so; ``prefer`` ("theirs" for the
  file's deletion, "mine" for this journal's) settles it the other way.

Lookups (ids, stamps, partners, bases, versions, tombstones) are read once per
merge, so a merge is linear in the file plus what it changes; many new entries
are written in bulk (`store.bulk`).
"""

from __future__ import annotations

from partnerlog.core.kinds import BY_TABLE, DELETION_ORDER, KINDS, content, fields_of
from partnerlog.core.vectors import has_seen, joined, with_change
from partnerlog.core.vocabulary import fold
from partnerlog.i18n import Msg
from partnerlog.store.clock import observe, timestamp
from partnerlog.store.merge_state import Merge, canonical, digest, incoming, stamp_of


class MergeStore:
    def merge_document(
        self, document: dict, *, prefer: str | None = None, advance=lambda n: None
    ) -> dict:
        """Merge a validated export into this journal; call inside ``transaction()``.
        ``advance(n)`` is told as records are done (a progress bar)."""
        self.watch_deletions()
        origin = (document.get("source") or {}).get("journal") or "?"
        # This journal's own export: nothing to remember about it.
        source = None if origin in ("?", self.journal_id()) else origin
        merge = Merge(self, source, origin, prefer)
        # Records the file says were deleted there: no record of the file is the
        # same as one of them (a trait removed and recorded again is a new one).
        merge.deleted_there = {t["uuid"] for t in document.get("deleted") or []}
        observe((document.get("source") or {}).get("at"))
        from partnerlog.store.bulk import FULL_TEXT, written_in_bulk

        with written_in_bulk(self, sum(len(document.get(kind) or []) for kind in FULL_TEXT)):
            return self._merge_all(document, merge, advance)

    def _merge_all(self, document: dict, merge: Merge, advance) -> dict:
        aliases = self._partner_aliases(document, merge)
        for kind in KINDS:
            for n, doc in enumerate(incoming(document, kind.table), start=1):
                if n % 500 == 0:
                    advance(500)
                if kind.table == "goal_updates" and not doc.get("uuid"):
                    continue  # an old export's check-in without a uuid cannot be matched
                if kind.table == "partners" and doc["uuid"] in aliases:
                    merge.result["unchanged"]["partners"] += 1
                    continue
                self._merge_record(kind.table, _translated(doc, aliases), merge)
            if self.bulk is not None:
                self.bulk.flush()  # the new entries, before anything reads them
        deletions = sorted(
            document.get("deleted") or [], key=lambda t: DELETION_ORDER.index(t["kind"])
        )
        for tombstone in deletions:
            self._merge_deletion(tombstone, merge)
        merge.save_bases()
        result = merge.result
        result["skipped"] = result["unchanged"]  # the name before merges saw changes
        return result

    def _partner_aliases(self, document: dict, merge: Merge) -> dict[str, str]:
        """File partner uuid → uuid here, for a partner this journal knows under
        another uuid: same handle and same name (two journals started apart)."""
        aliases = {}
        known = {
            handle: (uuid, name)
            for handle, uuid, name in self.conn.execute("SELECT handle, uuid, name FROM partners")
        }
        for doc in document.get("partners", []):
            if merge.id_of("partners", doc["uuid"]) is not None:
                continue
            found = known.get(doc["handle"])
            if found and fold(found[1]) == fold(doc["name"]):
                if doc["uuid"] < found[0]:
                    # One person, two uuids: both journals keep the smaller one, so
                    # they converge. This one takes the file's partner as it is.
                    self.conn.execute(
                        "UPDATE partners SET uuid = ? WHERE uuid = ?", [doc["uuid"], found[0]]
                    )
                    self.conn.execute("DELETE FROM versions WHERE uuid = ?", [found[0]])
                    merge.ids.pop("partners", None)
                    merge.partner_uuids[doc["handle"]] = doc["uuid"]
                    self.put("partners", {**doc, "seen": merge.seen(doc)})
                else:
                    aliases[doc["uuid"]] = found[0]
                merge.result["notes"].append(
                    Msg(
                        "partner '{handle}' matched {name} here by handle and name",
                        handle=doc["handle"],
                        name=found[1],
                    )
                )
        return aliases

    def _merge_record(self, kind: str, doc: dict, merge: Merge) -> None:
        name = BY_TABLE[kind].name
        result = merge.result
        stamp = stamp_of(doc)
        observe(stamp)
        text = canonical(doc)
        base = merge.bases.get(doc["uuid"])
        if base is not None and base == digest(text, stamp):
            result["unchanged"][name] += 1  # the file has not changed it since the last merge
            return
        merge.remember(doc["uuid"], text, stamp)
        theirs_seen = merge.seen(doc)
        record_id = merge.id_of(kind, doc["uuid"])
        if record_id is None:
            self._merge_new(kind, {**doc, "seen": theirs_seen}, merge)
            return
        if merge.stamp_here(kind, doc["uuid"]) == stamp and theirs_seen == self.vector(
            doc["uuid"], stamp, merge.versions
        ):
            result["unchanged"][name] += 1  # the very version this journal has
            return
        mine = self.document(kind, record_id, partner_uuids=merge.partner_uuids,
                             versions=merge.versions)  # fmt: skip
        theirs = {**self._as_here(kind, mine, doc), "seen": theirs_seen}
        mine_seen = mine["seen"]
        if canonical(mine) == canonical(theirs):
            if (stamp, theirs_seen) != (stamp_of(mine), mine_seen):
                # The same content: one stamp and one history on both sides.
                later = max(stamp, stamp_of(mine))
                self.conn.execute(
                    f"UPDATE {kind} SET updated_at = ? WHERE id = ?", [later, record_id]
                )
                self.set_vector(doc["uuid"], later, joined(mine_seen, theirs_seen))
            result["unchanged"][name] += 1
            return
        if has_seen(mine_seen, theirs_seen):
            result["unchanged"][name] += 1  # theirs is a version this one has taken in
            return
        if has_seen(theirs_seen, mine_seen):
            self.put(kind, theirs)  # changed there since it saw this version
            result["updated"][name] += 1
            return
        base_doc = merge.base_content(doc["uuid"]) if base is not None else None
        self._merge_fields(kind, mine, theirs, base_doc or {}, merge)

    def _merge_new(self, kind: str, doc: dict, merge: Merge) -> None:
        """A record the file has and this journal has not (or not any more)."""
        name = BY_TABLE[kind].name
        result = merge.result
        deleted_at = merge.tombstones.get(doc["uuid"])
        if deleted_at is not None:
            deletion = self.vector(doc["uuid"], deleted_at, merge.versions)
            if has_seen(deletion, doc["seen"]):
                result["unchanged"][name] += 1  # deleted here after this version
                return
            # Changed there without having seen the deletion: a conflict; the change stays.
            kept = "mine" if merge.prefer == "mine" else "theirs"
            result["conflicts"].append(
                {"kind": kind, "uuid": doc["uuid"], "kept": kept, "mine": None, "theirs": doc,
                 "deleted": "mine"}
            )  # fmt: skip
            if kept == "mine":
                # The deletion has now seen that change too: the other side deletes it.
                self.set_vector(doc["uuid"], deleted_at, joined(deletion, doc["seen"]))
                return
        twin = self._same_trait_elsewhere(doc, merge) if kind == "traits" else None
        if twin is not None:
            # Both journals recorded the same strength or weakness: one record,
            # under the smaller uuid on every device, so their exports agree.
            if doc["uuid"] < twin.uuid:
                self.conn.execute("UPDATE traits SET uuid = ? WHERE id = ?", [doc["uuid"], twin.id])
                self.set_tombstone(twin.uuid, "traits", stamp_of(doc))
                self.put(kind, doc)  # one record now: the file's version of it
                merge.ids.pop("traits", None)
                result["updated"][name] += 1
            else:
                result["unchanged"][name] += 1
            return
        new_id = self.put(kind, doc, partner_ids=merge.partner_ids(), new=True)
        merge.ids.setdefault(kind, {})[doc["uuid"]] = new_id
        if kind == "partners":
            handle = self.partner(new_id).handle
            merge.partner_uuids[handle] = doc["uuid"]
            if handle != doc["handle"]:
                other = self.partner(self._handle_owner(doc["handle"])).name
                result["notes"].append(
                    Msg(
                        "partner '{handle}' in the file ({name}) is someone else here"
                        " ({other}); imported as '{new}'",
                        handle=doc["handle"],
                        name=doc["name"],
                        other=other,
                        new=handle,
                    )
                )
        result["added"][name] += 1

    def _merge_fields(self, kind: str, mine: dict, theirs: dict, base: dict, merge: Merge):
        """Both sides changed the record without seeing the other's change: each
        field from the side that changed it since the base; a field both changed
        differently (any differing field, with no base) is a conflict."""
        name = BY_TABLE[kind].name
        here, there = content(mine), content(theirs)
        rule = "theirs" if _later(theirs, mine) else "mine"
        winner = merge.prefer or rule
        merged, clashing = dict(here), []
        for group in fields_of(BY_TABLE[kind], set(here) | set(there) | set(base)):
            mine_value = [here.get(key) for key in group]
            their_value = [there.get(key) for key in group]
            base_value = [base.get(key) for key in group] if base else None
            if mine_value == their_value or their_value == base_value:
                continue
            if mine_value != base_value:
                clashing.append(group)
                if winner == "mine":
                    continue
            for key, value in zip(group, their_value, strict=True):
                merged[key] = value
        merged = {key: value for key, value in merged.items() if value is not None}
        if clashing:
            merge.result["conflicts"].append(
                {"kind": kind, "uuid": theirs["uuid"], "kept": winner, "mine": mine,
                 "theirs": theirs, "fields": [key for group in clashing for key in group]}
            )  # fmt: skip
        # A version that has seen both: stamped now, after both, so the other
        # journal takes it as it is.
        stamp = timestamp()
        seen = with_change(joined(mine["seen"], theirs["seen"]), self.journal_id(), stamp)
        self.put(kind, {**mine, **{k: None for k in here}, **merged, "uuid": theirs["uuid"],
                        "updated_at": stamp, "seen": seen})  # fmt: skip
        merge.result["updated" if merged != here else "unchanged"][name] += 1

    def _as_here(self, kind: str, mine: dict, theirs: dict) -> dict:
        """The file's record as it would read here: a partner whose handle is
        someone else's here keeps the handle it was given on arrival."""
        if kind == "partners" and mine["handle"] != theirs["handle"]:
            owner = self._handle_owner(theirs["handle"])
            if owner is not None and owner != mine["id"]:
                return {**theirs, "handle": mine["handle"]}
        return theirs

    def _same_trait_elsewhere(self, doc: dict, merge: Merge):
        """The trait here that says the same as ``doc`` under another uuid, or None."""
        partner_id = (
            merge.id_of("partners", doc["partner_uuid"]) if doc.get("partner_uuid") else None
        )
        twin = self.same_trait(partner_id, doc["polarity"], doc["area"])
        return None if twin is None or twin.uuid in merge.deleted_there else twin

    def _merge_deletion(self, tombstone: dict, merge: Merge) -> None:
        kind, uuid, deleted_at = tombstone["kind"], tombstone["uuid"], tombstone["deleted_at"]
        name = BY_TABLE[kind].name
        observe(deleted_at)
        deletion = tombstone.get("seen") or {merge.origin: deleted_at}
        record_id = merge.id_of(kind, uuid)
        merge.remember(uuid, None)
        if record_id is None:
            here = merge.tombstones.get(uuid)
            if here is None or (deleted_at, deletion) != (
                here,
                self.vector(uuid, here, merge.versions),
            ):
                seen = (
                    deletion
                    if here is None
                    else joined(deletion, self.vector(uuid, here, merge.versions))
                )
                self.set_tombstone(uuid, kind, deleted_at)
                self.set_vector(uuid, max(deleted_at, here or ""), seen)
            return
        mine = self.document(kind, record_id, partner_uuids=merge.partner_uuids,
                             versions=merge.versions)  # fmt: skip
        if not has_seen(deletion, mine["seen"]):
            # Changed here without the deletion having seen it: a conflict.
            kept = "theirs" if merge.prefer == "theirs" else "mine"
            merge.result["conflicts"].append(
                {"kind": kind, "uuid": uuid, "kept": kept, "mine": mine, "theirs": None,
                 "deleted": "theirs"}
            )  # fmt: skip
            if kept == "mine":
                merge.result["unchanged"][name] += 1
                return
        if kind == "partners" and self.partner_history(record_id):
            merge.result["notes"].append(
                Msg(
                    "partner '{handle}' was deleted there but has history here; kept",
                    handle=mine["handle"],
                )
            )
            return
        self.remove(kind, uuid)
        merge.ids[kind].pop(uuid, None)
        self.set_tombstone(uuid, kind, deleted_at, replace=True)
        self.set_vector(uuid, deleted_at, joined(deletion, mine["seen"]))
        merge.result["deleted"][name] += 1


def _later(theirs: dict, mine: dict) -> bool:
    """Whether the file's version is the later one: by stamp, then (equal stamps)
    by content, the same way on every device so journals converge."""
    return (stamp_of(theirs), canonical(theirs)) > (stamp_of(mine), canonical(mine))


def _translated(doc: dict, aliases: dict[str, str]) -> dict:
    """``doc`` with the file's partner uuids replaced by the ones here."""
    if not aliases:
        return doc
    doc = dict(doc)
    if doc.get("uuid") in aliases:
        doc["uuid"] = aliases[doc["uuid"]]
    if doc.get("partner_uuid") in aliases:
        doc["partner_uuid"] = aliases[doc["partner_uuid"]]
    if doc.get("partner_uuids"):
        doc["partner_uuids"] = [aliases.get(u, u) for u in doc["partner_uuids"]]
    return doc
