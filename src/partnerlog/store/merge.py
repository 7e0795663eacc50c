"""Merging another journal's export into this one, record by record.

The rules (the README says them to people too):

- A record is matched by its uuid. One that is new here is added, unless this
  journal deleted it after the file's last change to it.
- A record that differs is settled by its last change: the newer wins (last
  writer wins, on the whole record). Equal times are settled by the content,
  the same way on every device, so journals converge.
- When this journal and the file both changed a record since they last met
  (the merge base, remembered per journal), that is a conflict: both versions
  are reported and the newer is kept, unless ``prefer`` says "mine" or
  "theirs" for every conflict. A kept version that was older is stamped now,
  so it wins on the other device too.
- A deletion in the file wins over a record here that has not changed since;
  a record changed here after the deletion stays (and comes back on the other
  device at the next merge). Deletions are remembered (tombstones), so an
  older file can never bring a deleted record back.
"""

from __future__ import annotations

from partnerlog.core.vocabulary import fold
from partnerlog.i18n import Msg
from partnerlog.store.connection import timestamp
from partnerlog.store.documents import KINDS

# The result's names for each kind (what the summary and --json call them).
NAMES = {
    "partners": "partners",
    "interactions": "interactions",
    "goals": "goals",
    "goal_updates": "check_ins",
    "traits": "traits",
    "follow_ups": "follow_ups",
    "partner_dates": "dates",
}
# Fields that are views of others (handles shown for uuids) or this journal's own.
NOT_CONTENT = {"id", "updated_at", "partners", "partner", "subject", "archived", "updates"}
# Deletions apply children first.
DELETION_ORDER = (
    "goal_updates", "interactions", "traits", "follow_ups", "partner_dates", "goals", "partners",
)  # fmt: skip


def _counts() -> dict[str, int]:
    return dict.fromkeys(NAMES.values(), 0)


def _changed(result: dict) -> bool:
    return any(any(result[key].values()) for key in ("added", "updated", "deleted")) or bool(
        result["conflicts"]
    )


def content(doc: dict) -> dict:
    """What a record says; a field left out (an older export) is the same as empty."""
    return {
        key: value for key, value in doc.items() if key not in NOT_CONTENT and value is not None
    }


def _canonical(doc: dict) -> str:
    import json

    return json.dumps(content(doc), sort_keys=True, ensure_ascii=False)


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


class MergeStore:
    def merge_document(
        self, document: dict, *, prefer: str | None = None, advance=lambda n: None
    ) -> dict:
        """Merge a validated export into this journal; call inside ``transaction()``.
        ``advance(n)`` is told as records are done (a progress bar)."""
        import json

        result = {
            "added": _counts(),
            "updated": _counts(),
            "deleted": _counts(),
            "unchanged": _counts(),
            "conflicts": [],
            "notes": [],
        }
        source = document.get("source") or {}
        base = self._merge_base(source.get("journal"))
        aliases = self._partner_aliases(document, result)
        for kind in KINDS:
            for n, doc in enumerate(incoming(document, kind), start=1):
                if n % 500 == 0:
                    advance(500)
                if kind == "goal_updates" and not doc.get("uuid"):
                    continue  # an old export's check-in without a uuid cannot be matched
                if kind == "partners" and doc["uuid"] in aliases:
                    result["unchanged"]["partners"] += 1
                    continue
                self._merge_record(kind, _translated(doc, aliases), base, prefer, result)
        deletions = sorted(
            document.get("deleted") or [], key=lambda t: DELETION_ORDER.index(t["kind"])
        )
        for tombstone in deletions:
            self._merge_deletion(tombstone, result)
        # Remember where the two journals met; the same file again leaves the
        # journal as it was, its base included.
        other = source.get("journal")
        if (
            other
            and other != self.get_meta("journal_id")
            and (base is None or base.get("theirs") != source.get("at") or _changed(result))
        ):
            self.set_meta(
                f"merge_base:{other}",
                json.dumps({"mine": timestamp(), "theirs": source.get("at")}),
            )
        result["skipped"] = result["unchanged"]  # the name before merges saw changes
        return result

    def _merge_base(self, journal_id: str | None) -> dict | None:
        if not journal_id:
            return None
        import json

        stored = self.get_meta(f"merge_base:{journal_id}")
        return json.loads(stored) if stored else None

    def _partner_aliases(self, document: dict, result: dict) -> dict[str, str]:
        """File partner uuid → uuid here, for a partner this journal knows under
        another uuid: same handle and same name (two journals started apart)."""
        aliases = {}
        for doc in document.get("partners", []):
            if self.id_of("partners", doc["uuid"]) is not None:
                continue
            row = self.conn.execute(
                "SELECT uuid, name FROM partners WHERE handle = ?", [doc["handle"]]
            ).fetchone()
            if row and fold(row[1]) == fold(doc["name"]):
                aliases[doc["uuid"]] = row[0]
                result["notes"].append(
                    Msg(
                        "partner '{handle}' matched {name} here by handle and name",
                        handle=doc["handle"],
                        name=row[1],
                    )
                )
        return aliases

    def _merge_record(self, kind, doc, base, prefer, result) -> None:
        name = NAMES[kind]
        record_id = self.id_of(kind, doc["uuid"])
        stamp = doc.get("updated_at") or doc.get("created_at") or ""
        if record_id is None:
            deleted = self._deleted_at(doc["uuid"])
            if deleted is not None and deleted >= stamp:
                result["unchanged"][name] += 1  # deleted here after its last change there
                return
            twin = self._same_trait_elsewhere(doc) if kind == "traits" else None
            if twin is not None:
                # Both journals recorded the same strength or weakness: one record,
                # under the smaller uuid on every device, so their exports agree.
                if doc["uuid"] < twin.uuid:
                    self.conn.execute(
                        "UPDATE traits SET uuid = ? WHERE id = ?", [doc["uuid"], twin.id]
                    )
                    self.set_tombstone(twin.uuid, "traits", stamp)
                    self._merge_record(kind, doc, base, prefer, result)
                else:
                    result["unchanged"][name] += 1
                return
            new_id = self.put(kind, doc)
            if kind == "partners":
                handle = self.partner(new_id).handle
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
            return
        mine = self.document(kind, record_id)
        mine_stamp = mine.get("updated_at") or mine.get("created_at") or ""
        if self._same(kind, mine, doc):
            if stamp > mine_stamp:  # the same content, stamped later there: take the stamp
                self.conn.execute(
                    f"UPDATE {kind} SET updated_at = ? WHERE id = ?", [stamp, record_id]
                )
            result["unchanged"][name] += 1
            return
        theirs_newer = (stamp, _canonical(doc)) > (mine_stamp, _canonical(mine))
        keep = "theirs" if theirs_newer else "mine"
        if base and mine_stamp > base["mine"] and stamp > (base.get("theirs") or ""):
            keep = prefer or keep
            result["conflicts"].append(
                {"kind": kind, "uuid": doc["uuid"], "kept": keep, "mine": mine, "theirs": doc}
            )
        if keep == "theirs":
            self.put(kind, doc if theirs_newer else {**doc, "updated_at": timestamp()})
            result["updated"][name] += 1
        else:
            if theirs_newer:  # kept although older: it must win on the other device too
                self._before_change(kind, record_id)
                self.conn.execute(
                    f"UPDATE {kind} SET updated_at = ? WHERE id = ?", [timestamp(), record_id]
                )
            result["unchanged"][name] += 1

    def _same(self, kind: str, mine: dict, theirs: dict) -> bool:
        if kind == "partners" and mine["handle"] != theirs["handle"]:
            owner = self._handle_owner(theirs["handle"])
            if owner is not None and owner != mine["id"]:
                theirs = {**theirs, "handle": mine["handle"]}  # renamed here on arrival
        return content(mine) == content(theirs)

    def _same_trait_elsewhere(self, doc: dict):
        """The trait here that says the same as ``doc`` under another uuid, or None."""
        partner_id = (
            self.id_of("partners", doc["partner_uuid"]) if doc.get("partner_uuid") else None
        )
        return self.same_trait(partner_id, doc["polarity"], doc["area"])

    def _deleted_at(self, uuid: str) -> str | None:
        row = self.conn.execute(
            "SELECT deleted_at FROM tombstones WHERE uuid = ?", [uuid]
        ).fetchone()
        return row[0] if row else None

    def _merge_deletion(self, tombstone: dict, result: dict) -> None:
        kind, uuid, deleted_at = tombstone["kind"], tombstone["uuid"], tombstone["deleted_at"]
        name = NAMES[kind]
        record_id = self.id_of(kind, uuid)
        if record_id is None:
            self.set_tombstone(uuid, kind, deleted_at)
            return
        mine = self.document(kind, record_id)
        if (mine.get("updated_at") or "") >= deleted_at:
            result["unchanged"][name] += 1  # changed here after it was deleted there: it stays
            return
        if kind == "partners" and self.partner_history(record_id):
            result["notes"].append(
                Msg(
                    "partner '{handle}' was deleted there but has history here; kept",
                    handle=mine["handle"],
                )
            )
            return
        self.remove(kind, uuid)
        self.conn.execute("UPDATE tombstones SET deleted_at = ? WHERE uuid = ?", [deleted_at, uuid])
        result["deleted"][name] += 1


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
