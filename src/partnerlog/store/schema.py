"""Names the schema's steps share: which tables hold records and links, what a
link copies of its entry, which columns triggers stamp, and the time in SQL.
Read by the migrations (`store.migrations`) and by the file's check
(`store.soundness`)."""

# What each interaction↔partner link copies from its interaction (m004).
LINK_COPIES = ("occurred_at", "kind", "setting", "tone", "pillar_mask", "benefit_mask")

# The records people refer to by id, and whose changes and deletions a merge must see.
RECORD_TABLES = ("partners", "interactions", "goals", "goal_updates", "traits")
LINK_TABLES = (
    "interaction_partners",
    "interaction_tags",
    "interaction_pillars",
    "interaction_benefits",
)
# What another program may change in a record without stamping `updated_at`;
# a trigger stamps it. (Not for interactions and goals: their full-text index
# is kept by sqlite-utils' triggers, and an update made from inside a trigger
# on the same table can run before the index has seen the first one, which
# corrupts it. partnerlog stamps every change it makes itself.)
STAMPED_BY_TRIGGER = {
    "partners": "handle, name, kind, relation, role, org, cadence_days, notes, archived_at",
    "goal_updates": "at, progress, note",
    "traits": "partner_id, polarity, area, label, note",
}
# The time in SQL, in the shape Python writes it (UTC, microseconds, offset).
NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now')"


# The records m008 adds (kept apart from RECORD_TABLES, which m005 applied).
FOLLOW_UP_TABLES = ("follow_ups", "partner_dates")

# The full-text indexes and the columns each holds (m001, m008).
FULL_TEXT_COLUMNS = (("interactions", ("note",)), ("goals", ("title", "note")),
                     ("follow_ups", ("text",)))  # fmt: skip

# The triggers that keep each partner's last contact as links are added or
# moved (m014); a bulk merge does without them and reads the table again after.
LAST_CONTACT_TRIGGERS = ("last_contacts_added", "last_contacts_later", "last_contacts_moved")
# Each partner's last contact read again from their links, where the table says
# otherwise (after a bulk merge, which does without the triggers; a repair).
LAST_CONTACTS_SQL = (
    "INSERT OR REPLACE INTO last_contacts (partner_id, occurred_at) SELECT id, latest"
    " FROM (SELECT id, (SELECT max(occurred_at) FROM interaction_partners"
    " WHERE partner_id = partners.id) AS latest FROM partners)"
    " WHERE latest IS NOT (SELECT occurred_at FROM last_contacts WHERE partner_id = id)"
)
