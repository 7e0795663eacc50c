"""Generate a realistic journal of any size, through partnerlog's own store.

    python benchmarks/generate.py journal.db --partners 1000 --interactions 100000

Seeded (the same arguments give the same journal), and a year long: contact
frequency varies by partner, as in life; some partners have gone quiet.
"""

import argparse
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

from partnerlog.core import dates
from partnerlog.core.records import (
    FollowUp,
    Goal,
    GoalUpdate,
    Interaction,
    Partner,
    PartnerDate,
    Trait,
)
from partnerlog.core.vocabulary import BENEFITS, RELATIONS, area_key, default_pillars
from partnerlog.store import Journal

KINDS = ["chat", "lunch", "coffee", "1on1", "review", "planning", "meeting", "call", "pairing"]
SETTINGS = [None, "office", "office", "remote", "outside"]
WORDS = [
    "roadmap",
    "migration",
    "budget",
    "hiring",
    "dashboard",
    "pipeline",
    "design",
    "review",
    "incident",
    "launch",
    "rencana",
    "target",
    "kuartal",
    "rapat",
    "makan",
    "siang",
    "kopi",
    "presentasi",
    "laporan",
]
AREAS = ["SQL", "Python", "public speaking", "negotiation", "design", "statistics", "writing"]


def generate(path: Path, partners: int, interactions: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    now = dates.now()
    journal = Journal.open(path, create=True)
    with journal.transaction():
        people = []
        weights = []
        for n in range(partners):
            partner = journal.add_partner(
                Partner(
                    handle=f"p{n:04d}",
                    name=f"Partner {n:04d} {rng.choice(['Sari', 'Budi', 'José', 'María', 'Kenji'])}",
                    kind=rng.choice(["partner", "partner", "colleague"]),
                    relation=rng.choice(RELATIONS),
                    created_at=dates.iso(now - timedelta(days=400)),
                )
            )
            people.append(partner)
            # A few people you see all the time, many you see now and then.
            weights.append(rng.paretovariate(1.2))
        quiet = {p.id for p in rng.sample(people, k=len(people) // 10)}
        for _ in range(interactions):
            partner = rng.choices(people, weights)[0]
            days_ago = rng.uniform(0, 365)
            if partner.id in quiet:
                days_ago = rng.uniform(60, 365)
            moment = (now - timedelta(days=days_ago)).replace(microsecond=0)
            kind, setting = rng.choice(KINDS), rng.choice(SETTINGS)
            note = " ".join(rng.choices(WORDS, k=rng.randint(3, 15)))
            journal.add_interaction(
                Interaction(
                    occurred_at=dates.iso(moment),
                    kind=kind,
                    setting=setting,
                    tone=rng.choice([None, -1, 0, 1, 1, 2]),
                    note=note,
                    private=rng.random() < 0.03,
                    pillars=list(default_pillars(kind, setting)),
                    benefits=rng.sample(BENEFITS, k=rng.randint(0, 2)),
                    tags=[rng.choice(WORDS)] if rng.random() < 0.3 else [],
                ),
                [partner.id],
            )
        for area in AREAS:
            polarity = rng.choice(["strength", "weakness"])
            journal.add_trait(
                Trait(subject="me", polarity=polarity, area=area_key(area), label=area)
            )
        for partner in rng.sample(people, k=len(people) // 3):
            area = rng.choice(AREAS)
            journal.add_trait(
                Trait(
                    subject=partner.handle,
                    partner_id=partner.id,
                    polarity=rng.choice(["strength", "weakness"]),
                    area=area_key(area),
                    label=area,
                )
            )
        for partner in rng.sample(people, k=len(people) // 4):
            goal = journal.add_goal(
                Goal(
                    partner=partner.handle,
                    partner_id=partner.id,
                    title=" ".join(rng.choices(WORDS, k=4)),
                    due_on=(now + timedelta(days=rng.randint(-30, 120))).date().isoformat(),
                )
            )
            journal.add_goal_update(
                goal.id,
                GoalUpdate(at=dates.iso(now - timedelta(days=rng.randint(0, 60))), progress=40),
            )
        # Follow-ups: a few open with the first partners (what `log p0001` lists),
        # thousands more open and closed; dates that matter; some people away.
        for n in range(5000):
            partner = people[n % 10] if n < 30 else rng.choice(people)
            due = rng.choice([None, rng.randint(-20, 60)])
            item = journal.add_follow_up(
                FollowUp(
                    partner=partner.handle, partner_id=partner.id,
                    type=rng.choice(["raise", "promise"]), owner=rng.choice(["me", "partner"]),
                    text=" ".join(rng.choices(WORDS, k=5)),
                    due_on=None if due is None else (now + timedelta(days=due)).date().isoformat(),
                )
            )  # fmt: skip
            if n >= 30 and rng.random() < 0.6:
                journal.close_follow_up(item.id, dates.iso(now))
        for partner in rng.sample(people, k=len(people) // 3):
            journal.add_date(
                PartnerDate(
                    partner=partner.handle, partner_id=partner.id, label="birthday",
                    month=rng.randint(1, 12), day=rng.randint(1, 28), yearly=True,
                )
            )  # fmt: skip
        for partner in rng.sample(people, k=len(people) // 50):
            until = (now + timedelta(days=rng.randint(1, 30))).date().isoformat()
            journal.set_pause(partner.id, until, "away")
    journal.conn.execute("PRAGMA optimize")
    journal.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--partners", type=int, default=1000)
    parser.add_argument("--interactions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.path.exists():
        sys.exit(f"{args.path} exists; choose a new file")
    started = time.perf_counter()
    generate(args.path, args.partners, args.interactions, args.seed)
    print(
        f"{args.path}: {args.partners} partners, {args.interactions} interactions "
        f"in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
