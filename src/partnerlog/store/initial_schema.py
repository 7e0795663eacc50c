"""The schema the first migration (m001) created: applied once, never edited."""

INITIAL_SCHEMA = """
CREATE TABLE partners (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    handle TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'partner' CHECK (kind IN ('partner', 'colleague')),
    relation TEXT NOT NULL DEFAULT 'peer'
        CHECK (relation IN ('superior', 'peer', 'subordinate', 'external')),
    role TEXT,
    org TEXT,
    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    notes TEXT,
    created_at TEXT NOT NULL,
    archived_at TEXT
);

CREATE TABLE interactions (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    occurred_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    setting TEXT CHECK (setting IS NULL OR setting IN ('office', 'outside', 'remote')),
    tone INTEGER CHECK (tone IS NULL OR tone BETWEEN -2 AND 2),
    note TEXT NOT NULL DEFAULT '',
    private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    created_at TEXT NOT NULL
);
CREATE INDEX interactions_occurred_at ON interactions (occurred_at);
CREATE INDEX interactions_created_at ON interactions (created_at);

CREATE TABLE interaction_partners (
    interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    partner_id INTEGER NOT NULL REFERENCES partners (id),
    PRIMARY KEY (interaction_id, partner_id)
) WITHOUT ROWID;
CREATE INDEX interaction_partners_partner ON interaction_partners (partner_id, interaction_id);

CREATE TABLE interaction_tags (
    interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (interaction_id, tag)
) WITHOUT ROWID;
CREATE INDEX interaction_tags_tag ON interaction_tags (tag, interaction_id);

CREATE TABLE interaction_pillars (
    interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    pillar TEXT NOT NULL CHECK (pillar IN
        ('communication', 'bond', 'understanding', 'goals', 'complement')),
    PRIMARY KEY (interaction_id, pillar)
) WITHOUT ROWID;

CREATE TABLE interaction_benefits (
    interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    benefit TEXT NOT NULL CHECK (benefit IN
        ('productivity', 'network', 'growth', 'wellbeing', 'environment')),
    PRIMARY KEY (interaction_id, benefit)
) WITHOUT ROWID;

CREATE TABLE goals (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    partner_id INTEGER NOT NULL REFERENCES partners (id),
    owner TEXT NOT NULL DEFAULT 'shared' CHECK (owner IN ('me', 'partner', 'shared')),
    title TEXT NOT NULL,
    note TEXT,
    due_on TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    created_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX goals_partner ON goals (partner_id, status);

CREATE TABLE goal_updates (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    progress INTEGER CHECK (progress IS NULL OR progress BETWEEN 0 AND 100),
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX goal_updates_goal ON goal_updates (goal_id, at);

CREATE TABLE traits (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    partner_id INTEGER REFERENCES partners (id),
    polarity TEXT NOT NULL CHECK (polarity IN ('strength', 'weakness')),
    area TEXT NOT NULL,
    label TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX traits_partner ON traits (partner_id, polarity, area);
CREATE INDEX traits_area ON traits (area, polarity);

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
"""
