"""Merging another journal's export into this one: three-way, record by record,
field by field.

The rules (the README's Sync section says them to people too):

- Records are matched by uuid. For every other journal this one remembers each
  record as that journal's file last had it (the base, in ``sync_bases``).
  What changed since then decides, not whose clock is later:
- a record the file has not changed since the base is left as it is here;
- changed in the file and not here: the file's version is taken;
- changed on both sides: merged field by field. A field changed on one side
  takes that side; one changed on both sides to different values is a
  conflict, reported with its fields and settled by ``prefer`` or else by the
  later change stamp. Stamps come from a hybrid logical clock
  (`connection.timestamp`), so an edit sorts after everything its device had
  seen when it was made;
- a deletion on one side and a change on the other is a conflict too: the
  change is kept (nothing typed is lost) and the merge says so; ``prefer``
  ("theirs" for the file's deletion, "mine" for this journal's) settles it
  the other way;
- two journals meeting for the first time have no base: the later stamp wins.

Lookups (ids by uuid, partners, bases, tombstones) are read once per merge,
and a record the file has not changed since the base costs one dictionary
look-up, so a merge is linear in the file plus what it changes.
"""

from __future__ import annotations

import json
from hashlib import blake2b

from partnerlog.core.kinds import BY_TABLE, DELETION_ORDER, KINDS, fields_of
from partnerlog.core.vocabulary import fold
from partnerlog.i18n import Msg
from partnerlog.store.clock import observe, timestamp

# Fields that are views of others (handles shown for uuids) or this journal's own.
NOT_CONTENT = {"id", "updated_at", "partners", "partner", "subject", "archived", "updates"}


def _counts() -> dict[str, int]:
    return {kind.name: 0 for kind in KINDS}


def content(doc: dict) -> dict:
    """What a record says; a field left out (an older export) is the same as empty."""
    return {
        key: value for key, value in doc.items() if key not in NOT_CONTENT and value is not None
    }


def canonical(doc: dict) -> str:
    return json.dumps(content(doc), sort_keys=True, ensure_ascii=False)


def digest(text: str, stamp: str) -> str:
    """One version of a record: what it says and when it was last changed (a
    stamp alone can change: a goal's, with a check-in)."""
    return blake2b(f"{stamp}\n{text}".encode(), digest_size=16).hexdigest()


def stamp_of(doc: dict) -> str:
    return doc.get("updated_at") or doc.get("created_at") or ""


def incoming(document: dict, kind: str) -> list[dict]:
    """The file's records of one kind (check-ins come out of their goals)."""
    if kind != "goal_updates":
        return document.get(kind, [])
    found = []
    for goal in document.get("goals", []):
        for update in goal.get("updates") or []:
            stamp = update.get("updated_at") or update.get("created_at")
            found.append(
                {**update, "goal_uuid": goal["uuid"], "updated_at": stamp or goal.get("updated_at")}
            )
    return found


class Merge:
    """One merge in progress: the result, and what it looked up once."""

    def __init__(self, journal, source: str | None, prefer: str | None) -> None:
        self.journal = journal
        self.source = source
        self.prefer = prefer
        self.result = {
            "added": _counts(),
            "updated": _counts(),
            "deleted": _counts(),
            "unchanged": _counts(),
            "conflicts": [],
            "notes": [],
        }
        conn = journal.conn
        self.bases: dict[str, str] = (
            dict(conn.execute("SELECT uuid, digest FROM sync_bases WHERE source = ?", [source]))
            if source
            else {}
        )
        self.new_bases: dict[str, tuple[str, str] | None] = {}
        self.tombstones = dict(conn.execute("SELECT uuid, deleted_at FROM tombstones"))
        self.partner_uuids = dict(conn.execute("SELECT handle, uuid FROM partners"))
        self.ids: dict[str, dict[str, int]] = {}

    def id_of(self, kind: str, uuid: str) -> int | None:
        if kind not in self.ids:
            self.ids[kind] = dict(self.journal.conn.execute(f"SELECT uuid, id FROM {kind}"))
        return self.ids[kind].get(uuid)

    def base_content(self, uuid: str) -> dict | None:
        row = self.journal.conn.execute(
            "SELECT content FROM sync_bases WHERE source = ? AND uuid = ?", [self.source, uuid]
        ).fetchone()
        return json.loads(row[0]) if row else None

    def remember(self, uuid: str, text: str | None, stamp: str = "") -> None:
        """The file's version of a record is the base from now on (None: it is gone)."""
        if self.source:
            self.new_bases[uuid] = None if text is None else (digest(text, stamp), text)

    def save_bases(self) -> None:
        if not self.source:
            return
        conn = self.journal.conn
        gone = [uuid for uuid, base in self.new_bases.items() if base is None]
        conn.executemany(
            "DELETE FROM sync_bases WHERE source = ? AND uuid = ?",
            [(self.source, uuid) for uuid in gone],
        )
        conn.executemany(
            "INSERT OR REPLACE INTO sync_bases (source, uuid, digest, content) VALUES (?, ?, ?, ?)",
            [(self.source, uuid, *base) for uuid, base in self.new_bases.items() if base],
        )


class MergeStore:
    def merge_document(
        self, document: dict, *, prefer: str | None = None, advance=lambda n: None
    ) -> dict:
        """Merge a validated export into this journal; call inside ``transaction()``.
        ``advance(n)`` is told as records are done (a progress bar)."""
        self.watch_deletions()
        source = (document.get("source") or {}).get("journal")
        if source == self.get_meta("journal_id"):
            source = None  # this journal's own export: nothing to remember about it
        merge = Merge(self, source, prefer)
        observe((document.get("source") or {}).get("at"))
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
        record_id = merge.id_of(kind, doc["uuid"])
        if record_id is None:
            self._merge_new(kind, doc, text, base, merge)
            return
        mine = self.document(kind, record_id, partner_uuids=merge.partner_uuids)
        theirs = self._as_here(kind, mine, doc)
        mine_text = canonical(mine)
        merge.remember(doc["uuid"], text, stamp)
        if mine_text == canonical(theirs):
            if stamp > stamp_of(mine):  # the same content, stamped later there: take the stamp
                self.conn.execute(
                    f"UPDATE {kind} SET updated_at = ? WHERE id = ?", [stamp, record_id]
                )
            result["unchanged"][name] += 1
            return
        base_doc = merge.base_content(doc["uuid"]) if base is not None else None
        if base_doc is None or digest(mine_text, stamp_of(mine)) == base:
            # Changed there only (or no base: the later stamp wins, as a whole).
            if base_doc is not None or _later(theirs, mine):
                self.put(kind, theirs)
                result["updated"][name] += 1
            else:
                result["unchanged"][name] += 1
            return
        self._merge_fields(kind, mine, theirs, base_doc, merge)

    def _merge_new(self, kind: str, doc: dict, text: str, base: str | None, merge: Merge) -> None:
        """A record the file has and this journal has not (or not any more)."""
        name = BY_TABLE[kind].name
        result = merge.result
        deleted_at = merge.tombstones.get(doc["uuid"])
        merge.remember(doc["uuid"], text, stamp_of(doc))
        if deleted_at is not None:
            # Deleted here. Changed there since the last merge (or, with no base,
            # after the deletion by its stamp): a conflict, and the change stays.
            changed_there = base is not None or stamp_of(doc) > deleted_at
            if not changed_there:
                result["unchanged"][name] += 1
                return
            kept = "mine" if merge.prefer == "mine" else "theirs"
            result["conflicts"].append(
                {"kind": kind, "uuid": doc["uuid"], "kept": kept, "mine": None, "theirs": doc,
                 "deleted": "mine"}
            )  # fmt: skip
            if kept == "mine":
                return
        twin = self._same_trait_elsewhere(doc, merge) if kind == "traits" else None
        if twin is not None:
            # Both journals recorded the same strength or weakness: one record,
            # under the smaller uuid on every device, so their exports agree.
            if doc["uuid"] < twin.uuid:
                self.conn.execute("UPDATE traits SET uuid = ? WHERE id = ?", [doc["uuid"], twin.id])
                merge.ids.pop("traits", None)
                self.set_tombstone(twin.uuid, "traits", stamp_of(doc))
                self.conn.execute("DELETE FROM temp.fresh_tombstones WHERE uuid = ?", [twin.uuid])
                merge.bases.pop(doc["uuid"], None)
                self._merge_record(kind, doc, merge)
            else:
                result["unchanged"][name] += 1
            return
        new_id = self.put(kind, doc, partner_ids=None)
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
        """Both sides changed the record since the base: each field from the side
        that changed it; a field both changed differently is a conflict."""
        name = BY_TABLE[kind].name
        here, there = content(mine), content(theirs)
        rule = "theirs" if _later(theirs, mine) else "mine"
        merged, clashing = dict(here), []
        for group in fields_of(BY_TABLE[kind], set(here) | set(there) | set(base)):
            mine_value = [here.get(key) for key in group]
            their_value = [there.get(key) for key in group]
            base_value = [base.get(key) for key in group]
            if mine_value == their_value or their_value == base_value:
                continue
            if mine_value != base_value:
                clashing.append(group)
                if (merge.prefer or rule) == "mine":
                    continue
            for key, value in zip(group, their_value, strict=True):
                merged[key] = value
        merged = {key: value for key, value in merged.items() if value is not None}
        if clashing:
            merge.result["conflicts"].append(
                {"kind": kind, "uuid": theirs["uuid"], "kept": merge.prefer or rule, "mine": mine,
                 "theirs": theirs, "fields": [key for group in clashing for key in group]}
            )  # fmt: skip
        if merged == there:
            self.put(kind, theirs)
        elif merged == here and rule == "mine":
            merge.result["unchanged"][name] += 1
            return
        else:
            # A version neither side had: stamped now, after both, so the other
            # device takes it as it is.
            self.put(kind, {**mine, **{k: None for k in here}, **merged,
                            "uuid": theirs["uuid"], "updated_at": timestamp()})  # fmt: skip
        merge.result["updated"][name] += 1

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
        return self.same_trait(partner_id, doc["polarity"], doc["area"])

    def _merge_deletion(self, tombstone: dict, merge: Merge) -> None:
        kind, uuid, deleted_at = tombstone["kind"], tombstone["uuid"], tombstone["deleted_at"]
        name = BY_TABLE[kind].name
        observe(deleted_at)
        record_id = merge.id_of(kind, uuid)
        if record_id is None:
            if merge.tombstones.get(uuid) is None:
                self.set_tombstone(uuid, kind, deleted_at)
            merge.remember(uuid, None)
            return
        mine = self.document(kind, record_id, partner_uuids=merge.partner_uuids)
        base = merge.bases.get(uuid)
        if base is not None:
            changed_here = digest(canonical(mine), stamp_of(mine)) != base
        else:
            changed_here = stamp_of(mine) > deleted_at
        if changed_here:
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
        self.conn.execute("UPDATE tombstones SET deleted_at = ? WHERE uuid = ?", [deleted_at, uuid])
        self.conn.execute("DELETE FROM temp.fresh_tombstones WHERE uuid = ?", [uuid])
        merge.remember(uuid, None)
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
