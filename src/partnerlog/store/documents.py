"""Records as documents: the export's shape of each record, read by id or uuid.

One shape serves three jobs: the export (every record, streamed), what `undo`
remembers of a record before an action changes it, and what a merge or an
undo puts back (`store.put`). A record keeps its uuid everywhere; its id is
this journal's own.
"""

from __future__ import annotations

from collections.abc import Iterator

from partnerlog.core.kinds import BY_TABLE
from partnerlog.core.vocabulary import BENEFITS, ME, PILLARS
from partnerlog.store.connection import marks, split_values
from partnerlog.store.interactions import INTERACTION_SELECT, named
from partnerlog.store.partners import PARTNER_COLUMNS, partner_from_row


class DocumentStore:
    def _partner_uuids(self, known: dict[str, str] | None = None, *, few: bool = False):
        """Partner uuids by handle (``known``: a map the caller already read;
        ``few``: for a few records, as undo remembers them, each read when first
        asked)."""
        if known is not None:
            return known
        if few:
            return _UuidsByHandle(self.conn)
        return dict(self.conn.execute("SELECT handle, uuid FROM partners"))

    def partner_documents(self, ids: list[int] | None = None, partner_uuids=None) -> Iterator[dict]:
        """Partners in the export shape (``ids``: only these), in id order."""
        where, params = ("", []) if ids is None else (f"WHERE id IN ({marks(ids)})", ids)
        rows = self.conn.execute(
            f"SELECT {PARTNER_COLUMNS}, updated_at FROM partners {where} ORDER BY id", params
        )
        for row in rows:
            partner = partner_from_row(tuple(row)[:-1])
            yield {
                **partner.to_json(),
                "notes": partner.notes,
                "created_at": partner.created_at,
                "archived_at": partner.archived_at,
                "updated_at": row[-1],
                "emails": self.emails(partner.id),
                "phones": self.phones(partner.id),
            }

    def interaction_documents(
        self, ids: list[int] | None = None, partner_uuids=None, *, include_private: bool = True
    ) -> Iterator[dict]:
        """Interactions in the export shape (their JSON, partner uuids, creation and
        change times), streamed oldest first (``ids``: only these)."""
        where, params = ("", []) if ids is None else (f" WHERE i.id IN ({marks(ids)})", ids)
        if not include_private:
            where = (where + " AND" if where else " WHERE") + " i.private = 0"
        plain = self.conn.cursor()
        plain.row_factory = None  # tuples, read by position (a Row's names cost more)
        rows = plain.execute(INTERACTION_SELECT + where + " ORDER BY i.id", params)
        uuids = self._partner_uuids(partner_uuids, few=ids is not None)
        for (
            entry_id, uuid, occurred_at, kind, setting, tone, note, private, created_at, updated_at,
            handles, tags, pillar_mask, benefit_mask,
        ) in rows:  # fmt: skip
            # Built from the row, not through an Interaction: an export writes
            # 100,000 of these (the same keys, in `INTERACTION_FIELDS`' order).
            partners = split_values(handles)
            yield {
                "id": entry_id,
                "uuid": uuid,
                "occurred_at": occurred_at,
                "partners": partners,
                "kind": kind,
                "setting": setting,
                "tone": tone,
                "pillars": named(pillar_mask, PILLARS),
                "benefits": named(benefit_mask, BENEFITS),
                "tags": split_values(tags),
                "note": note,
                "private": bool(private),
                "partner_uuids": [uuids[handle] for handle in partners],
                "created_at": created_at,
                "updated_at": updated_at,
            }

    def interaction_texts(self, *, include_private: bool = True) -> Iterator[str]:
        """What `interaction_documents` and `vector` give for every entry, as the
        JSON text of each record, oldest first: written by SQLite, which does for
        an export of 100,000 entries in a second what Python does in two."""
        return (text for text, _uuid in self.interaction_json(include_private=include_private))

    def interaction_json(
        self, ids: list[int] | None = None, *, include_private: bool = True, tags_only=False
    ) -> Iterator[tuple[str, str]]:
        """(JSON text, uuid) of entries (``ids``: only these that exist), oldest
        first (``tags_only``: a partial before-image of their tags alone)."""
        where = [] if ids is None else ["i.id IN (SELECT value FROM json_each(:ids))"]
        if not include_private:
            where.append("i.private = 0")
        select = _TAGS_BEFORE if tags_only else _INTERACTION_JSON
        sql = select + (" WHERE " + " AND ".join(where) if where else "")
        plain = self.conn.cursor()
        plain.row_factory = None
        import json  # (not at the top: `log` never reads a document)

        wanted = {"me": self.journal_id(), "ids": json.dumps(ids or [])}
        return plain.execute(sql + " ORDER BY i.id", wanted)

    def goal_documents(self, ids: list[int] | None = None, partner_uuids=None) -> Iterator[dict]:
        """Goals in the export shape: their JSON, check-ins with uuids and times, the
        partner's uuid. In id order, so an imported journal exports the same order."""
        uuids = self._partner_uuids(partner_uuids, few=ids is not None)
        goals = self.goals(include_closed=True) if ids is None else self.goals(ids=ids)
        for goal in sorted(goals, key=lambda g: g.id):
            shown = goal.to_json()
            shown["updates"] = [
                {
                    **u.to_json(),
                    "uuid": u.uuid,
                    "created_at": u.created_at,
                    "updated_at": u.updated_at or u.created_at,
                }
                for u in goal.updates
            ]
            shown.update(
                partner_uuid=uuids.get(goal.partner) if goal.partner_id else None,
                created_at=goal.created_at,
                closed_at=goal.closed_at,
                updated_at=goal.updated_at,
            )
            yield shown

    def trait_documents(self, ids: list[int] | None = None, partner_uuids=None) -> Iterator[dict]:
        """Strengths and weaknesses in the export shape (``ids``: only these)."""
        uuids = self._partner_uuids(partner_uuids, few=ids is not None)
        traits = self.traits(active_only=False)
        if ids is not None:
            traits = [trait for trait in traits if trait.id in ids]
        for trait in sorted(traits, key=lambda t: t.id):
            yield {
                **trait.to_json(),
                "partner_uuid": uuids.get(trait.subject) if trait.subject != ME else None,
                "created_at": trait.created_at,
                "updated_at": trait.updated_at,
            }

    def follow_up_documents(
        self, ids: list[int] | None = None, partner_uuids=None
    ) -> Iterator[dict]:
        """Follow-ups in the export shape: their JSON, the partner's uuid, their times."""
        uuids = self._partner_uuids(partner_uuids, few=ids is not None)
        items = self.follow_ups(include_closed=True) if ids is None else self.follow_ups(ids=ids)
        for item in sorted(items, key=lambda f: f.id):
            shown = item.to_json()
            del shown["tags"]  # read from the text, not stored
            yield {
                **shown,
                "partner_uuid": uuids[item.partner],
                "created_at": item.created_at,
                "updated_at": item.updated_at,
            }

    def date_documents(self, ids: list[int] | None = None, partner_uuids=None) -> Iterator[dict]:
        """The dates that matter, in the export shape, in id order."""
        uuids = self._partner_uuids(partner_uuids, few=ids is not None)
        found_dates = self.partner_dates(ids=ids, include_archived=True)
        for found in sorted(found_dates, key=lambda d: d.id):
            yield {
                **found.to_json(),
                "partner_uuid": uuids[found.partner],
                "created_at": found.created_at,
                "updated_at": found.updated_at,
            }

    def check_in_document(self, update_id: int) -> dict | None:
        row = self.conn.execute(
            "SELECT u.id, u.uuid, g.uuid, u.at, u.progress, u.note, u.created_at, u.updated_at"
            " FROM goal_updates u JOIN goals g ON g.id = u.goal_id WHERE u.id = ?",
            [update_id],
        ).fetchone()
        if row is None:
            return None
        keys = ("id", "uuid", "goal_uuid", "at", "progress", "note", "created_at", "updated_at")
        return dict(zip(keys, row, strict=True))

    def document(
        self, kind: str, record_id: int, *, partner_uuids=None, versions=None
    ) -> dict | None:
        """One record in the export shape with its version vector (``seen``), or None
        when there is no such record. (``partner_uuids``: partner uuids by handle,
        ``versions``: `version_rows`, when the caller has read them.)"""
        found = self.documents(kind, [record_id], partner_uuids=partner_uuids, versions=versions)
        return next(found, None)

    def documents(
        self, kind: str, record_ids: list[int], *, partner_uuids=None, versions=None
    ) -> Iterator[dict]:
        """The records ``record_ids`` that exist, as `document` gives each, read
        together (their versions too, 500 at a time, unless given)."""
        for start in range(0, len(record_ids), 500):  # (SQLite's limit on parameters)
            chunk = record_ids[start : start + 500]
            if kind == "goal_updates":  # (they travel inside their goals)
                found = [self.check_in_document(record_id) for record_id in chunk]
            else:
                reader = getattr(self, BY_TABLE[kind].documents)
                found = list(reader(chunk, partner_uuids=partner_uuids))
            docs = [doc for doc in found if doc is not None]
            rows = versions
            if rows is None:
                rows = self.version_rows_of([doc["uuid"] for doc in docs])
            for doc in docs:
                doc["seen"] = self.vector(doc["uuid"], doc["updated_at"] or "", rows)
                yield doc

    def before_images(
        self, kind: str, record_ids: list[int], *, tags_only: bool = False
    ) -> Iterator[tuple[str, dict | str]]:
        """(uuid, document or its JSON text) of these records, as `undo` keeps
        them: entries' written by SQLite. ``tags_only``: entries' tags alone, a
        partial before-image (`complete`): a tag renamed on 1,500 entries keeps
        their tags, not 1,500 whole entries (22 ms of its 95)."""
        if not record_ids:
            return iter(())
        if kind == "interactions":
            rows = self.interaction_json(record_ids, tags_only=tags_only)
            return ((uuid, text) for text, uuid in rows)
        return ((doc["uuid"], doc) for doc in self.documents(kind, record_ids))

    def complete(self, changes: list[tuple[str, str, dict | None]]) -> dict[str, dict]:
        """Whole before-images, by uuid, of the ``changes`` (kind, uuid, before-image)
        that keep only the fields their action changed (``{"partial": {field:
        value}}``): each record as it is now, with those fields as they were.
        Right for the latest action, which `undo` alone reverses (nothing has
        changed its records since)."""
        partial: dict[str, dict[str, dict]] = {}
        for kind, uuid, before in changes:
            if before is not None and "partial" in before:
                partial.setdefault(kind, {})[uuid] = before["partial"]
        whole = {}
        for kind, fields in partial.items():
            ids = self.ids_of(kind, list(fields))
            for doc in self.documents(kind, list(ids.values())):
                whole[doc["uuid"]] = {**doc, **fields[doc["uuid"]]}
        return whole

    def id_of(self, kind: str, uuid: str) -> int | None:
        row = self.conn.execute(f"SELECT id FROM {kind} WHERE uuid = ?", [uuid]).fetchone()
        return row[0] if row else None

    def ids_of(self, kind: str, uuids: list[str]) -> dict[str, int]:
        """The ids of the records here among ``uuids`` (read 500 at a time), by uuid."""
        found: dict[str, int] = {}
        for start in range(0, len(uuids), 500):
            chunk = uuids[start : start + 500]
            found.update(self.conn.execute(
                f"SELECT uuid, id FROM {kind} WHERE uuid IN ({marks(chunk)})", chunk))  # fmt: skip
        return found

    def tombstones(self, versions=None) -> list[dict]:
        """Every deletion: which record, when, and what it had seen."""
        versions = self.version_rows() if versions is None else versions
        return [
            {"uuid": row[0], "kind": row[1], "deleted_at": row[2],
             "seen": self.vector(row[0], row[2], versions)}
            for row in self.conn.execute(
                "SELECT uuid, kind, deleted_at FROM tombstones ORDER BY deleted_at, uuid"
            )
        ]  # fmt: skip


class _UuidsByHandle(dict):
    """Partner uuids by handle, each read when first asked (a few records' worth:
    not the 1,000 rows of every partner for the one follow-up being closed)."""

    def __init__(self, conn) -> None:
        super().__init__()
        self.conn = conn

    def __missing__(self, handle: str) -> str:
        row = self.conn.execute("SELECT uuid FROM partners WHERE handle = ?", [handle]).fetchone()
        if row is None:
            raise KeyError(handle)
        self[handle] = row[0]
        return row[0]

    def get(self, handle: str, default=None):
        try:
            return self[handle]
        except KeyError:
            return default


def _names(column: str, names: tuple[str, ...]) -> str:
    """SQL for the JSON list of the names whose bits ``column`` sets (`named`)."""
    cases = " ".join(
        "WHEN {} THEN '[{}]'".format(mask, ",".join(f'"{name}"' for name in named(mask, names)))
        for mask in range(1 << len(names))
    )
    return f"json(CASE {column} {cases} END)"


# An entry's partners' handles or uuids, in the order of their handles, as
# `split_values` gives them (an aggregate keeps its subquery's order).
_ENTRY_PARTNERS = (
    "json((SELECT json_group_array(value) FROM (SELECT p.{} AS value"
    " FROM interaction_partners ip JOIN partners p ON p.id = ip.partner_id"
    " WHERE ip.interaction_id = i.id ORDER BY p.handle)))"
)
# An entry's tags, in the order `split_values` gives them.
_ENTRY_TAGS = (
    "json((SELECT json_group_array(tag) FROM (SELECT tag FROM interaction_tags"
    " WHERE interaction_id = i.id ORDER BY tag)))"
)
# An entry's document (`interaction_documents`) with its vector (`vector`): the
# stored one while the entry keeps the stamp it was stored with; this journal's
# change joined to it (the later stamp) once changed here; this change alone
# without one. (SQLite's JSON functions: built in since 3.38, and compiled in
# by the SQLite that Python's installers bundle and Linux distributions ship.)
_INTERACTION_JSON = f"""
SELECT json_object(
  'id', i.id, 'uuid', i.uuid, 'occurred_at', i.occurred_at,
  'partners', {_ENTRY_PARTNERS.format("handle")},
  'kind', i.kind, 'setting', i.setting, 'tone', i.tone,
  'pillars', {_names("i.pillar_mask", PILLARS)},
  'benefits', {_names("i.benefit_mask", BENEFITS)},
  'tags', {_ENTRY_TAGS},
  'note', i.note, 'private', json(CASE i.private WHEN 0 THEN 'false' ELSE 'true' END),
  'partner_uuids', {_ENTRY_PARTNERS.format("uuid")},
  'created_at', i.created_at, 'updated_at', i.updated_at,
  'seen', CASE
    WHEN v.uuid IS NULL THEN json_object(:me, coalesce(i.updated_at, ''))
    WHEN v.stamp = coalesce(i.updated_at, '') THEN json(v.seen)
    ELSE json_set(v.seen, '$."' || :me || '"', max(
      coalesce(json_extract(v.seen, '$."' || :me || '"'), ''), coalesce(i.updated_at, '')))
  END), i.uuid
FROM interactions i LEFT JOIN versions v ON v.uuid = i.uuid
"""

# Entries' tags alone, as a partial before-image (`before_images`).
_TAGS_BEFORE = f"""
SELECT json_object('partial', json_object('tags', {_ENTRY_TAGS})), i.uuid FROM interactions i
"""
