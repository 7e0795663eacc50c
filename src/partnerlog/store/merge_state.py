"""One merge in progress: what a record says, the merge's lookups (read once),
and the bases it remembers for the next merge with the same journal.

A record's content leaves out what is each journal's own (ids, handles shown
for uuids, change stamps, version vectors). Its base is its content as the
other journal's file last had it, kept in ``sync_bases`` with a digest of
content and stamp: a record whose file version matches its base costs one
dictionary look-up.
"""

from __future__ import annotations

from functools import cache

from partnerlog.core.kinds import KINDS, content


def _counts() -> dict[str, int]:
    return {kind.name: 0 for kind in KINDS}


def canonical(doc: dict) -> str:
    return _canonical_encoder()(content(doc))


@cache
def _canonical_encoder():
    """One encoder for every record of a merge (`json.dumps` with options builds
    one per call)."""
    import json  # (not at the top: every command imports the store, `log` too)

    return json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode


def digest(text: str, stamp: str) -> str:
    """One version of a record: what it says and when it was last changed (a
    stamp alone can change: a goal's, with a check-in)."""
    from hashlib import blake2b  # (OpenSSL: 6 MiB and milliseconds `log` does not need)

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

    def __init__(self, journal, source: str | None, origin: str, prefer: str | None) -> None:
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
        self.versions = journal.version_rows()
        self.ids: dict[str, dict[str, int]] = {}
        self.stamps: dict[str, dict[str, str]] = {}
        self.origin = origin
        self.deleted_there: set[str] = set()  # uuids the file's journal has deleted

    def seen(self, doc: dict) -> dict[str, str]:
        """The vector of the file's version of a record (an older export has none:
        it has seen only its own journal's change)."""
        seen = doc.get("seen")
        return seen if seen else {self.origin: stamp_of(doc)}

    def _read(self, kind: str) -> None:
        """Every record of a kind here: its id and change stamp, by uuid."""
        rows = self.journal.conn.execute(f"SELECT uuid, id, updated_at FROM {kind}").fetchall()
        self.ids[kind] = {uuid: record_id for uuid, record_id, _stamp in rows}
        self.stamps[kind] = {uuid: stamp for uuid, _id, stamp in rows}

    def id_of(self, kind: str, uuid: str) -> int | None:
        if kind not in self.ids:
            self._read(kind)
        return self.ids[kind].get(uuid)

    def stamp_here(self, kind: str, uuid: str) -> str | None:
        """The record's change stamp here (as read when the merge began)."""
        if kind not in self.stamps:
            self._read(kind)
        return self.stamps[kind].get(uuid)

    def partner_ids(self) -> dict[str, int]:
        """Partners here by uuid (a record's put looks its partners up here)."""
        self.id_of("partners", "")
        return self.ids["partners"]

    def base_content(self, uuid: str) -> dict | None:
        row = self.journal.conn.execute(
            "SELECT content FROM sync_bases WHERE source = ? AND uuid = ?", [self.source, uuid]
        ).fetchone()
        import json

        return json.loads(row[0]) if row else None

    def remember(self, uuid: str, text: str | None, stamp: str = "") -> None:
        """The file's version of a record is the base from now on (None: it is gone)."""
        if self.source:
            if len(self.new_bases) >= 20_000:  # written as they come: a big file's are not all kept
                self.save_bases()  # (before this one: its merge may still read the old base)
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
        conn.executemany(  # in key order: pages filled in turn, not split at random
            "INSERT OR REPLACE INTO sync_bases (source, uuid, digest, content) VALUES (?, ?, ?, ?)",
            sorted((self.source, uuid, *base) for uuid, base in self.new_bases.items() if base),
        )
        self.new_bases.clear()
