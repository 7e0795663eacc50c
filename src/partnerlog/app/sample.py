"""A realistic sample journal: a year with eleven people, in English and Indonesian.

Seeded, so every run tells the same story relative to "now": one partnership
thriving, one drifting, one at risk, a brand-new one, colleagues at other
companies seen now and then.
"""

import random
from datetime import datetime, timedelta

from partnerlog.core import dates
from partnerlog.core.records import Goal, GoalUpdate, Interaction, Partner, Trait
from partnerlog.core.vocabulary import ME, area_key, default_pillars

SEED = 20261128

# handle, name, kind, relation, role, org, cadence, (mean days between contacts,
# days since the last contact, how long you have known them in days)
PEOPLE = [
    ("sari", "Sari Wulandari", "partner", "peer", "data engineer", "Nusantara Logistik", None, (5, 2, 365)),
    ("budi", "Budi Santoso", "partner", "superior", "head of engineering", "Nusantara Logistik", None, (12, 6, 365)),
    ("dewi", "Dewi Lestari", "partner", "subordinate", "junior analyst", "Nusantara Logistik", None, (6, 19, 300)),
    ("andi", "Andi Pratama", "partner", "peer", "product manager", "Nusantara Logistik", None, (14, 61, 365)),
    ("rina", "Rina Kusuma", "partner", "subordinate", "QA engineer", "Nusantara Logistik", None, (6, 3, 365)),
    ("jose", "José Álvarez", "partner", "peer", "product designer", "Nusantara Logistik", 21, (15, 9, 250)),
    ("putri", "Putri Anggraini", "partner", "superior", "VP operations", "Nusantara Logistik", 30, (35, 40, 365)),
    ("maria", "María González", "colleague", "external", "data scientist", "Datawise (Madrid)", None, (30, 12, 365)),
    ("tom", "Tom Becker", "colleague", "external", "analytics engineer", "Freelance", 60, (70, 95, 365)),
    ("kenji", "渡辺 健二 (Kenji)", "colleague", "external", "SRE", "Hikari Cloud", None, (40, 20, 200)),
    ("lukas", "Lukas Weber", "colleague", "external", "data engineer", "Kurz GmbH", None, (5, 4, 6)),
]  # fmt: skip

# kind, setting, note templates ({name} is the partner's first name)
MOMENTS = [
    (
        "lunch",
        "outside",
        "Lunch at the warung near the office; {name} talked about their kids #family",
    ),
    ("lunch", "outside", "Makan siang bareng {name}, ngobrol soal rencana liburan"),
    ("coffee", "office", "Coffee with {name}: swapped ideas on the data migration #migration"),
    ("coffee", "outside", "Ngopi sore dengan {name} di kedai dekat kantor"),
    ("1on1", "office", "1:1 with {name}: priorities for the sprint, blockers on the ETL #sprint"),
    ("1on1", "remote", "1on1 online dengan {name}, bahas target kuartal ini"),
    ("review", "office", "Code review with {name}; they caught a bug in my SQL #review"),
    ("feedback", "office", "Gave {name} feedback on the presentation: clearer story, fewer slides"),
    ("feedback", "remote", "{name} gave me honest feedback about my estimates. Ouch, but fair."),
    ("planning", "office", "Planning the Q1 roadmap with {name} #roadmap"),
    ("planning", "remote", "Rencana migrasi ke gudang data baru bersama {name} #migration"),
    ("pairing", "office", "Paired with {name} on the dashboard; learned their testing tricks"),
    ("call", "remote", "Call with {name} about the conference talk #conference"),
    (
        "chat",
        "office",
        "Quick chat with {name} in the pantry; they seem stressed about the deadline",
    ),
    ("chat", "remote", "Chat singkat dengan {name} soal [bold] markup in a note — shown as typed"),
    ("meeting", "office", "Project sync with {name}: dependencies and risks #project"),
    (
        "drinks",
        "outside",
        "After-work drinks with the team; {name} told the story of their first job",
    ),
]

# The people who show up at team drinks and project syncs.
REGULARS = ("sari", "budi", "rina", "jose")

BENEFIT_BY_KIND = {
    "review": ["growth"],
    "feedback": ["growth"],
    "pairing": ["productivity", "growth"],
    "planning": ["productivity"],
    "meeting": ["productivity"],
    "lunch": ["wellbeing", "environment"],
    "drinks": ["wellbeing", "environment"],
    "coffee": ["wellbeing"],
    "call": ["network"],
}


# handle (or "me"), polarity, area as typed, note
TRAITS = [
    ("me", "strength", "SQL", None),
    ("me", "strength", "Python", None),
    ("me", "weakness", "public speaking", "my voice shakes past ten minutes"),
    ("me", "weakness", "negotiation", None),
    ("sari", "strength", "Public Speaking", "ran the company all-hands"),
    ("sari", "weakness", "sql", "avoids window functions"),
    ("budi", "strength", "negotiation", None),
    ("jose", "weakness", "python", None),
    ("jose", "strength", "design", None),
    ("rina", "weakness", "SQL", None),
    ("maria", "strength", "statistics", None),
]

# handle, owner, title, due (days from now), progress check-ins (days ago, %, note), status
GOALS = [
    ("sari", "shared", "Ship the warehouse pipeline", 30,
     [(40, 20, "schema agreed"), (12, 45, "staging works"), (3, 60, "backfill running")], "open"),
    ("sari", "shared", "Talk together at the data meetup", -20, [(25, 100, "went well!")], "done"),
    ("budi", "me", "Promotion case for Q1", 45, [(20, 30, "first draft")], "open"),
    ("jose", "partner", "Learn enough Python for the prototypes", -10, [(50, 20, None)], "open"),
    ("rina", "shared", "Automate the regression suite", 60, [(6, 35, "half the suites")], "open"),
    ("andi", "shared", "Align the roadmap with sales", -35, [], "open"),
]  # fmt: skip


# handle, type, owner, text, due (days from now, or None), created (days ago)
FOLLOW_UPS = [
    ("sari", "raise", "me", "the offsite budget: who pays for the venue? #planning", None, 9),
    ("budi", "raise", "me", "my promotion case: what is still missing?", None, 20),
    ("sari", "promise", "me", "send the migration deck before the review", 2, 3),
    ("sari", "raise", "me", "pairing on the new pipeline next sprint #migration", None, 2),
    ("andi", "promise", "me", "share the churn analysis with the sales numbers", -5, 30),
    ("budi", "promise", "partner", "review my conference abstract", 3, 6),
    ("sari", "promise", "partner", "an introduction to the Datawise team", None, 2),
    ("dewi", "raise", "me", "her growth plan for next year", None, 19),
    ("maria", "raise", "me", "a joint talk at PyCon ID? #conference", None, 12),
]  # fmt: skip

# handle, label, (month, day) from now in days, year or None, yearly
DATES = [
    ("rina", "birthday", 4, None, True),
    ("budi", "work anniversary", 6, 2019, True),
    ("sari", "birthday", 75, 1994, True),
]
# handle, days away from now, why
PAUSES = [("kenji", 12, "conference season in Tokyo")]


def build(journal, now: datetime) -> dict:
    """Fill an empty journal with the sample year; returns what it added."""
    rng = random.Random(SEED)
    added = {"partners": 0, "interactions": 0}
    partners: dict[str, Partner] = {}
    with journal.transaction():
        journal.set_meta("demo", "1")
        for handle, name, kind, relation, role, org, cadence, (every, last, known) in PEOPLE:
            partner = Partner(
                handle=handle,
                name=name,
                kind=kind,
                relation=relation,
                role=role,
                org=org,
                cadence_days=cadence,
                created_at=dates.iso(now - timedelta(days=known)),
            )
            journal.add_partner(partner)
            partners[handle] = partner
            added["partners"] += 1
            day = last
            while day <= known:
                added["interactions"] += _log_one(journal, rng, partner, partners, now, day)
                day += max(1, round(rng.expovariate(1 / every)))
        for subject, polarity, label, note in TRAITS:
            journal.add_trait(
                Trait(
                    subject=subject,
                    partner_id=None if subject == ME else partners[subject].id,
                    polarity=polarity,
                    area=area_key(label),
                    label=label,
                    note=note,
                )
            )
        for handle, owner, title, due_in, check_ins, status in GOALS:
            goal = journal.add_goal(
                Goal(
                    partner=handle,
                    partner_id=partners[handle].id,
                    owner=owner,
                    title=title,
                    due_on=(now + timedelta(days=due_in)).date().isoformat(),
                    created_at=dates.iso(now - timedelta(days=60)),
                )
            )
            for days_ago, progress, note in check_ins:
                at = dates.iso(now - timedelta(days=days_ago))
                journal.add_goal_update(goal.id, GoalUpdate(at=at, progress=progress, note=note))
            if status != "open":
                journal.close_goal(
                    goal.id, status, dates.iso(now - timedelta(days=check_ins[-1][0]))
                )
        added["goals"] = len(GOALS)
        added["traits"] = len(TRAITS)
        _follow_ups_and_dates(journal, partners, now)
        added["follow_ups"] = len(FOLLOW_UPS)
    return added


def _follow_ups_and_dates(journal, partners: dict, now: datetime) -> None:
    from partnerlog.core.records import FollowUp, PartnerDate

    for handle, kind, owner, text, due_in, created in FOLLOW_UPS:
        due = (now + timedelta(days=due_in)).date().isoformat() if due_in is not None else None
        journal.add_follow_up(
            FollowUp(
                partner=handle, partner_id=partners[handle].id, type=kind, owner=owner,
                text=text, due_on=due, created_at=dates.iso(now - timedelta(days=created)),
            )
        )  # fmt: skip
    for handle, label, days_ahead, year, yearly in DATES:
        day = (now + timedelta(days=days_ahead)).date()
        journal.add_date(
            PartnerDate(
                partner=handle, partner_id=partners[handle].id, label=label, month=day.month,
                day=day.day, year=year, yearly=yearly,
            )
        )  # fmt: skip
    for handle, days_away, why in PAUSES:
        until = (now + timedelta(days=days_away)).date().isoformat()
        journal.set_pause(partners[handle].id, until, why)


def _log_one(journal, rng, partner, partners, now, days_ago) -> int:
    kind, setting, template = rng.choice(MOMENTS)
    if partner.kind == "colleague" and kind in ("1on1", "review", "planning", "pairing"):
        kind, setting, template = "call", "remote", MOMENTS[12][2]
    first = partner.name.split()[0]
    moment = (now - timedelta(days=days_ago)).replace(
        hour=rng.choice([9, 10, 12, 13, 15, 17]), minute=rng.choice([0, 15, 30]), second=0
    )
    if moment > now:
        moment = now - timedelta(hours=1)
    tone = rng.choice([2, 1, 1, 1, 0, 0, None, -1])
    if partner.handle == "andi" and days_ago < 150:
        tone = rng.choice([-1, -1, 0, -2])
    note = template.format(name=first)
    with_ids = [partner.id]
    handles = [partner.handle]
    if kind in ("drinks", "meeting") and partner.kind == "partner":
        other = rng.choice([p for h, p in partners.items() if h in REGULARS])
        if other.id != partner.id:
            with_ids.append(other.id)
            handles.append(other.handle)
    from partnerlog.core.vocabulary import hashtags

    interaction = Interaction(
        occurred_at=dates.iso(moment),
        kind=kind,
        partners=handles,
        setting=setting,
        tone=tone,
        note=note,
        private=rng.random() < 0.05,
        pillars=list(default_pillars(kind, setting)),
        benefits=list(BENEFIT_BY_KIND.get(kind, [])),
        tags=hashtags(note),
    )
    journal.add_interaction(interaction, with_ids)
    return 1
