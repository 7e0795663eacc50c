"""Three devices with their own clocks (one hours fast, one days slow, one that
jumps back), random writes and random sync orders: after settling, every
device holds the same journal, no edit is lost without a conflict saying so,
and nothing deleted comes back unless a conflict said so.

A few examples run with the suite; ``PARTNERLOG_LONG_PROPERTY=500`` runs that
many (the closing notes quote such a run).
"""

import json
import os
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from partnerlog.store import clock

from .test_last_contacts import kept
from .test_sync import comparable, export_of

EXAMPLES = int(os.environ.get("PARTNERLOG_LONG_PROPERTY") or 6)
PARTNERS = ("sari", "budi")
SKEWS = (timedelta(hours=3), -timedelta(days=2), timedelta(0))

device_index = st.integers(0, 2)
pick = st.integers(0, 50)
OPERATIONS = st.one_of(
    st.tuples(st.just("log"), device_index, st.integers(0, 1), st.booleans()),
    st.tuples(st.just("note"), device_index, pick),
    st.tuples(st.just("tone"), device_index, pick, st.integers(-2, 2)),
    st.tuples(st.just("delete"), device_index, pick),
    st.tuples(st.just("tag"), device_index),
    st.tuples(st.just("rename"), device_index, st.integers(0, 1)),
    st.tuples(st.just("archive"), device_index, st.integers(0, 1)),
    st.tuples(st.just("goal"), device_index, st.integers(0, 1)),
    st.tuples(st.just("goal_done"), device_index, pick),
    st.tuples(st.just("raise"), device_index, st.integers(0, 1)),
    st.tuples(st.just("close"), device_index, pick),
    st.tuples(st.just("jump"), st.integers(1, 5)),
    st.tuples(st.just("sync"), device_index),
    st.tuples(st.just("sync"), device_index),
    st.tuples(st.just("sync"), device_index),
)


class World:
    """Three devices, a shared folder, and what each device has seen (the model)."""

    def __init__(self, run, monkeypatch, root: Path) -> None:
        self.run, self.monkeypatch, self.root = run, monkeypatch, root
        self.folder = root / "shared"
        self.skews = list(SKEWS)
        self.ticks = 0
        self.counter = 0
        self.knows: list[set] = [set(), set(), set()]  # event ids each device has seen
        self.in_folder: list[set | None] = [None, None, None]
        self.events: dict[int, tuple] = {}  # id → (uuid, field, value, what its device knew)
        self.conflicted: set[str] = set()

    def cli(self, device: int, *args: str):
        self.ticks += 1
        at = datetime.now(UTC) + self.skews[device] + timedelta(milliseconds=self.ticks)
        self.monkeypatch.setattr(clock, "wall_clock", lambda: at)
        return self.run("--db", str(self.root / f"d{device}.db"), *args)

    def ok(self, device: int, *args: str):
        result = self.cli(device, *args)
        assert result.exit_code == 0, (device, args, result.stderr)
        return result

    def listing(self, device: int, *args: str) -> list:
        return json.loads(self.ok(device, *args, "--json").stdout or "[]")

    def event(self, device: int, uuid: str, field: str, value) -> None:
        self.counter += 1
        self.events[self.counter] = (uuid, field, value, frozenset(self.knows[device]))
        self.knows[device].add(self.counter)

    def sync(self, device: int) -> None:
        for other, known in enumerate(self.in_folder):
            if other != device and known is not None:
                self.knows[device] |= known
        result = self.ok(device, "sync", str(self.folder), "--device", f"d{device}",
                         "--create", "--json")  # fmt: skip
        for merged in json.loads(result.stdout)["merged"].values():
            self.conflicted |= {conflict["uuid"] for conflict in merged["conflicts"]}
        self.in_folder[device] = set(self.knows[device])

    def entries(self, device: int) -> list[dict]:
        return self.listing(device, "timeline", "-n", "0")

    def apply(self, operation: tuple) -> None:
        what, *args = operation
        self.counter += 1
        label = f"n{self.counter}"
        if what == "jump":
            self.skews[2] -= timedelta(hours=args[0])
            return
        device = args[0]
        if what == "sync":
            self.sync(device)
        elif what == "log":
            tag = " #plans" if args[2] else ""
            result = self.ok(device, "log", PARTNERS[args[1]], label + tag, "--yes", "--json")
            uuid = json.loads(result.stdout)["uuid"]
            self.event(device, uuid, "note", label + tag)
            self.event(device, uuid, "tone", None)
        elif what in ("note", "tone", "delete"):
            entries = self.entries(device)
            if not entries:
                return
            entry = entries[args[1] % len(entries)]
            if what == "note":
                self.ok(device, "entry", "edit", str(entry["id"]), "--note", label)
                self.event(device, entry["uuid"], "note", label)
            elif what == "tone":
                self.ok(device, "entry", "edit", str(entry["id"]), "--tone", str(args[2]))
                if entry["tone"] != args[2]:
                    self.event(device, entry["uuid"], "tone", args[2])
            else:
                self.ok(device, "entry", "delete", str(entry["id"]), "--yes")
                self.event(device, entry["uuid"], "deleted", True)
        elif what == "tag":
            tags = [t["tag"] for t in self.listing(device, "tags") if t["tag"].startswith("plans")]
            if tags:
                tagged = [e for e in self.entries(device) if tags[0] in e["tags"]]
                self.ok(device, "tag", "rename", tags[0], f"plans{self.counter}")
                for entry in tagged:  # a change to each entry (its tags)
                    self.event(device, entry["uuid"], "tags", self.counter)
        elif what == "rename":
            self.ok(device, "partner", "edit", PARTNERS[args[1]], "--name", f"Name {label}")
        elif what == "archive":
            self.cli(device, "partner", "archive", PARTNERS[args[1]])
        elif what == "goal":
            self.ok(device, "goal", "add", PARTNERS[args[1]], f"goal {label}")
        elif what == "goal_done":
            goals = self.listing(device, "goal", "list")
            if goals:
                self.cli(device, "goal", "done", str(goals[args[1] % len(goals)]["id"]))
        elif what == "raise":
            self.ok(device, "raise", PARTNERS[args[1]], f"topic {label}")
        elif what == "close":
            items = self.listing(device, "open", "--all")
            if items:
                self.cli(device, "close", str(items[args[1] % len(items)]["id"]))

    def check(self) -> None:
        exports = [comparable(export_of(self.run, self.root / f"d{d}.db")) for d in range(3)]
        for device in range(3):
            kept(self.root / f"d{device}.db")
        assert exports[0] == exports[1] == exports[2]
        final = {entry["uuid"]: entry for entry in exports[0]["interactions"]}
        by_record: dict[str, list] = {}
        for number, (uuid, field, value, knew) in self.events.items():
            by_record.setdefault(uuid, []).append((number, field, value, knew))
        for uuid, events in by_record.items():
            said = uuid in self.conflicted
            deletions = [e for e in events if e[1] == "deleted"]
            changes = [e for e in events if e[1] != "deleted"]
            unseen = [c for c in changes if not any(c[0] in d[3] for d in deletions)]
            if uuid not in final:
                # Deleted: every change was seen by a deletion, or a conflict said so.
                assert deletions and (not unseen or said), (uuid, events)
                continue
            # Still here after a deletion: only if a conflict said so.
            assert not deletions or said, (uuid, events)
            for field in ("note", "tone"):
                writes = [e for e in changes if e[1] == field]
                latest = [e for e in writes if not any(e[0] in o[3] for o in writes)]
                values = {json.dumps(e[2]) for e in latest}
                if len(values) == 1 and not said:
                    assert json.dumps(final[uuid].get(field)) in values, (uuid, field, events)
                elif len(values) > 1:
                    assert said, (uuid, field, events)


@pytest.mark.filterwarnings("ignore")
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking takes many minutes
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=st.lists(OPERATIONS, min_size=5, max_size=30))
def test_three_devices_with_their_own_clocks_converge_and_lose_nothing_silently(
    run, monkeypatch, operations
):
    with tempfile.TemporaryDirectory() as root:
        world = World(run, monkeypatch, Path(root))
        world.ok(0, "partner", "add", "Sari Wulandari")
        world.ok(0, "partner", "add", "Budi Santoso", "--relation", "superior")
        for device in (0, 1, 2, 0):
            world.sync(device)
        for operation in operations:
            world.apply(operation)
        for _ in range(3):
            for device in (0, 1, 2):
                world.sync(device)
        world.check()
