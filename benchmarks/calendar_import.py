"""Time `calendar import` of a busy calendar on a journal: the first import, and
importing the same file again (nothing changes).

    python benchmarks/calendar_import.py --journal big.db
    python benchmarks/calendar_import.py --journal big.db --events 1000 --runs 3

Builds the .ics with icalendar as real exports write it: start times with an
IANA TZID (Asia/Jakarta), 10,000 events over the last year (one in twenty a
weekly series of ten), one to three attendees each among the journal's
partners (their addresses are added first). Prints medians. Budgets (the files
issue): 10,000 events ≤ 5 s wall on a quiet machine, an unchanged re-import
≤ 2 s. Not part of the test suite.
"""

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path


def build(path: Path, handles: list[str], events: int) -> None:
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event, vCalAddress

    rng = random.Random(20261130)
    calendar = Calendar()
    calendar.add("prodid", "-//partnerlog benchmark//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-timezone", "Asia/Jakarta")
    now = datetime.now(ZoneInfo("Asia/Jakarta"))
    for n in range(events):
        event = Event()
        start = now - timedelta(days=rng.uniform(1, 365), hours=rng.randint(0, 8))
        event.add("uid", f"bench-{n}@partnerlog")
        event.add("summary", rng.choice(["Sync", "Lunch", "1:1", "Review", "Planning", "Coffee"]))
        event.add("dtstart", start.replace(microsecond=0))
        event.add("dtend", (start + timedelta(minutes=30)).replace(microsecond=0))
        if n % 20 == 0:
            event.add("rrule", {"freq": "weekly", "count": 10})
        for handle in rng.sample(handles, rng.randint(1, 3)):
            event.add("attendee", vCalAddress(f"mailto:{handle}@bench.example"), encode=0)
        calendar.add_component(event)
    path.write_bytes(calendar.to_ical())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journal", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args()
    exe = str(Path(sys.executable).parent / "partnerlog")
    work = Path(tempfile.mkdtemp(prefix="partnerlog-calendar-"))
    conn = sqlite3.connect(args.journal)
    handles = [row[0] for row in conn.execute("SELECT handle FROM partners LIMIT 200")]
    conn.close()
    ics = work / "year.ics"
    build(ics, handles, args.events)
    times, again = [], []
    for _ in range(args.runs):
        journal = work / "journal.db"
        shutil.copy(args.journal, journal)
        env = dict(os.environ, PARTNERLOG_DB=str(journal))
        env.pop("PARTNERLOG_NOW", None)
        # Bring the journal's schema up to date, then give the partners addresses
        # in one go through SQL: set-up, not timed.
        subprocess.run([exe, "db", "check"], env=env, capture_output=True, check=False)
        db = sqlite3.connect(journal)
        ids = dict(db.execute("SELECT handle, id FROM partners"))
        db.executemany(
            "INSERT OR IGNORE INTO partner_emails (partner_id, email) VALUES (?, ?)",
            [(ids[h], f"{h}@bench.example") for h in handles],
        )
        db.commit()
        db.close()
        started = time.perf_counter()
        done = subprocess.run([exe, "calendar", "import", str(ics)], env=env, capture_output=True)
        times.append(time.perf_counter() - started)
        if done.returncode:
            sys.exit(done.stderr.decode())
        print(done.stderr.decode().strip().splitlines()[0], file=sys.stderr)
        started = time.perf_counter()
        subprocess.run([exe, "calendar", "import", str(ics)], env=env, capture_output=True)
        again.append(time.perf_counter() - started)
    print(f"calendar import, {args.events:,} events: median {statistics.median(times):.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f}; budget 5 s)")  # fmt: skip
    print(f"the same file again: median {statistics.median(again):.2f} s "
          f"(min {min(again):.2f}, max {max(again):.2f}; budget 2 s)")  # fmt: skip
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
