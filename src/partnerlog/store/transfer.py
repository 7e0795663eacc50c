"""Export and import: the journal as records in the export shape, and merging one back."""

from __future__ import annotations

from collections.abc import Iterator

from partnerlog.core.records import Goal, Interaction, Partner, Trait
from partnerlog.core.vocabulary import ME, fold
from partnerlog.store.connection import new_uuid, timestamp
from partnerlog.store.interactions import INTERACTION_SELECT, interaction_from_row
from partnerlog.store.partners import PARTNER_COLUMNS, partner_from_row

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
)


class TransferStore:
    # -- export and import ----------------------------------------------------

    def export_partners(self) -> Iterator[dict]:
        rows = self.conn.execute(f"SELECT {PARTNER_COLUMNS} FROM partners ORDER BY id")
        for row in rows:
            partner = partner_from_row(row)
            yield {
                **partner.to_json(),
                "notes": partner.notes,
                "created_at": partner.created_at,
                "archived_at": partner.archived_at,
            }

    def _partner_uuids(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT handle, uuid FROM partners"))

    def export_interactions(self, *, include_private: bool = True) -> Iterator[dict]:
        """Every interaction in the export shape (its JSON plus partner uuids and
        creation time), streamed oldest first."""
        uuids = self._partner_uuids()
        where = "" if include_private else " WHERE i.private = 0"
        for row in self.conn.execute(INTERACTION_SELECT + where + " ORDER BY i.id"):
            interaction = interaction_from_row(row)
            yield {
                **interaction.to_json(),
                "partner_uuids": [uuids[handle] for handle in interaction.partners],
                "created_at": interaction.created_at,
            }

    def export_goals(self) -> Iterator[dict]:
        """Every goal in the export shape: its JSON, check-ins with their uuids,
        and the partner's uuid."""
        uuids = self._partner_uuids()
        # In id order, so a journal imported from this file exports the same ids.
        for goal in sorted(self.goals(include_closed=True), key=lambda g: g.id):
            shown = goal.to_json()
            shown["updates"] = [
                {**u.to_json(), "uuid": u.uuid, "created_at": u.created_at} for u in goal.updates
            ]
            shown.update(
                partner_uuid=uuids[goal.partner],
                created_at=goal.created_at,
                closed_at=goal.closed_at,
            )
            yield shown

    def export_traits(self) -> Iterator[dict]:
        """Every trait in the export shape: its JSON, the partner's uuid (None for
        me) and its creation time."""
        uuids = self._partner_uuids()
        for trait in sorted(self.traits(active_only=False), key=lambda t: t.id):
            yield {
                **trait.to_json(),
                "partner_uuid": uuids.get(trait.subject) if trait.subject != ME else None,
                "created_at": trait.created_at,
            }

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

    def import_document(self, document: dict) -> dict:
        """Merge a validated export into this journal; call inside ``transaction()``.

        Records merge by uuid, so importing the same file twice adds nothing.
        A partner with a known uuid is the same partner; one whose handle is
        taken here by someone else with the same name is taken to be that
        person; a different person with a taken handle is imported under a
        free handle and reported.
        """
        added = dict.fromkeys(("partners", "interactions", "goals", "check_ins", "traits"), 0)
        skipped = dict.fromkeys(added, 0)
        notes: list[str] = []
        partner_ids: dict[str, int] = {}  # file uuid → id here
        for record in document["partners"]:
            row = self.conn.execute(
                "SELECT id FROM partners WHERE uuid = ?", [record["uuid"]]
            ).fetchone()
            if row:
                partner_ids[record["uuid"]] = row[0]
                skipped["partners"] += 1
                continue
            same_handle = self.conn.execute(
                "SELECT id, name FROM partners WHERE handle = ?", [record["handle"]]
            ).fetchone()
            if same_handle and fold(same_handle[1]) == fold(record["name"]):
                partner_ids[record["uuid"]] = same_handle[0]
                skipped["partners"] += 1
                notes.append(
                    f"partner '{record['handle']}' matched {same_handle[1]} here by handle and name"
                )
                continue
            handle = record["handle"]
            if same_handle:
                handle = self.free_handle(record["name"])
                notes.append(
                    f"partner '{record['handle']}' in the file "
                    f"({record['name']}) is someone else here "
                    f"({same_handle[1]}); imported as '{handle}'"
                )
            partner = self.add_partner(
                Partner(
                    handle=handle,
                    name=record["name"],
                    kind=record["kind"],
                    relation=record["relation"],
                    role=record.get("role"),
                    org=record.get("org"),
                    cadence_days=record.get("cadence_days"),
                    notes=record.get("notes"),
                    uuid=record["uuid"],
                    created_at=record.get("created_at"),
                    archived_at=record.get("archived_at")
                    or (timestamp() if record.get("archived") else None),
                )
            )
            partner_ids[record["uuid"]] = partner.id
            added["partners"] += 1
        by_handle = {r["handle"]: r["uuid"] for r in document["partners"]}
        for record in document["interactions"]:
            if self._uuid_exists("interactions", record["uuid"]):
                skipped["interactions"] += 1
                continue
            uuids = record.get("partner_uuids") or [by_handle[h] for h in record["partners"]]
            self.add_interaction(
                Interaction(
                    occurred_at=record["occurred_at"],
                    kind=record["kind"],
                    setting=record.get("setting"),
                    tone=record.get("tone"),
                    note=record.get("note") or "",
                    private=bool(record.get("private")),
                    pillars=record.get("pillars") or [],
                    benefits=record.get("benefits") or [],
                    tags=record.get("tags") or [],
                    uuid=record["uuid"],
                    created_at=record.get("created_at"),
                ),
                [partner_ids[u] for u in uuids],
            )
            added["interactions"] += 1
        for record in document["goals"]:
            goal_row = self.conn.execute(
                "SELECT id FROM goals WHERE uuid = ?", [record["uuid"]]
            ).fetchone()
            if goal_row:
                goal_id = goal_row[0]
                skipped["goals"] += 1
            else:
                owner_uuid = record.get("partner_uuid") or by_handle[record["partner"]]
                goal_id = self.add_goal(
                    Goal(
                        partner=record["partner"],
                        partner_id=partner_ids[owner_uuid],
                        title=record["title"],
                        owner=record["owner"],
                        note=record.get("note"),
                        due_on=record.get("due_on"),
                        status=record["status"],
                        progress=record.get("progress") or 0,
                        uuid=record["uuid"],
                        created_at=record.get("created_at"),
                        closed_at=record.get("closed_at"),
                    )
                ).id
                added["goals"] += 1
            for update in record.get("updates") or []:
                if update.get("uuid") and self._uuid_exists("goal_updates", update["uuid"]):
                    skipped["check_ins"] += 1
                    continue
                self.conn.execute(
                    "INSERT INTO goal_updates (uuid, goal_id, at, progress, note, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        update.get("uuid") or new_uuid(),
                        goal_id,
                        update["at"],
                        update.get("progress"),
                        update.get("note"),
                        update.get("created_at") or timestamp(),
                    ],
                )
                added["check_ins"] += 1
        for record in document["traits"]:
            if self._uuid_exists("traits", record["uuid"]):
                skipped["traits"] += 1
                continue
            subject_uuid = record.get("partner_uuid")
            if subject_uuid is None and record["subject"] != ME:
                subject_uuid = by_handle[record["subject"]]
            partner_id = partner_ids[subject_uuid] if subject_uuid else None
            if self.same_trait(partner_id, record["polarity"], record["area"]):
                skipped["traits"] += 1
                continue
            self.add_trait(
                Trait(
                    subject=record["subject"],
                    partner_id=partner_id,
                    polarity=record["polarity"],
                    area=record["area"],
                    label=record["label"],
                    note=record.get("note"),
                    uuid=record["uuid"],
                    created_at=record.get("created_at"),
                )
            )
            added["traits"] += 1
        return {"added": added, "skipped": skipped, "notes": notes}

    def _uuid_exists(self, table: str, uuid: str) -> bool:
        return (
            self.conn.execute(f"SELECT 1 FROM {table} WHERE uuid = ?", [uuid]).fetchone()
            is not None
        )
