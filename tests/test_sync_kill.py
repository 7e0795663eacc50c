"""kill -9 at random moments of a sync of 10,000 entries leaves every journal
intact, and a later sync converges.

The journals come from benchmarks/generate.py (two seeds: every record new to
the other side), and each sync is the real console script in its own process,
killed with SIGKILL part-way: while it reads the folder, merges, or writes its
own file.
"""

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import LANGUAGE
from .test_last_contacts import kept
from .test_sync import comparable

ROOT = Path(__file__).resolve().parent.parent
SIZE = 10_000
ALL = ("--include-private",)  # the generated journals have private entries


@pytest.fixture(scope="module")
def journals(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("kill")
    made = []
    for name, seed in (("laptop", 7), ("desktop", 8)):
        path = folder / f"{name}.db"
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(path),
             "--partners", "100", "--interactions", str(SIZE), "--seed", str(seed)],
            check=True, capture_output=True,
        )  # fmt: skip
        made.append(path)
    pristine = folder / "pristine.db"
    shutil.copy(made[0], pristine)
    ROOT_JOURNAL[:] = [pristine]
    return made[0], made[1]


def partnerlog(db: Path, *args: str, wait: bool = True):
    script = shutil.which("partnerlog", path=os.path.dirname(sys.executable))
    env = dict(os.environ, PARTNERLOG_LANG="en", PARTNERLOG_DB=str(db))
    command = [script, "--db", str(db), *args]
    if not wait:
        return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)  # fmt: skip
    return subprocess.run(command, env=env, capture_output=True, text=True)


def intact(db: Path) -> None:
    checked = partnerlog(db, "db", "check", "--json")
    assert checked.returncode == 0, checked.stderr
    report = json.loads(checked.stdout)
    assert report["ok"] and report["integrity"] == ["ok"], report
    # A big merge drops triggers for its duration (`store.bulk`): all are back,
    # and what they keep is right.
    assert triggers(db) == triggers(ROOT_JOURNAL[0])
    kept(db)


def triggers(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return sorted(row[0] for row in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger'"))  # fmt: skip
    finally:
        conn.close()


ROOT_JOURNAL: list[Path] = []  # a generated journal no sync has touched


@pytest.mark.skipif(LANGUAGE != "en", reason="slow and says nothing in words: runs once")
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kill_9_during_a_big_sync_leaves_journals_intact_and_a_later_sync_converges(
    journals, tmp_path, seed
):
    rng = random.Random(seed)
    laptop, desktop = (tmp_path / "laptop.db", tmp_path / "desktop.db")
    shutil.copy(journals[0], laptop)
    shutil.copy(journals[1], desktop)
    folder = tmp_path / "shared"
    first = partnerlog(laptop, "sync", str(folder), "--create", "--device", "laptop", *ALL)
    assert first.returncode == 0, first.stderr
    before = partnerlog(desktop, "export")
    started = time.monotonic()
    process = partnerlog(desktop, "sync", str(folder), "--device", "desktop", *ALL, wait=False)
    time.sleep(rng.uniform(0.3, 4.0))
    process.send_signal(signal.SIGKILL)
    process.wait()
    killed_after = time.monotonic() - started
    intact(desktop)
    # Whole or nothing: the merge either landed or left the journal as it was.
    counts = json.loads(partnerlog(desktop, "db", "check", "--json").stdout)["counts"]
    assert counts["interactions"] in (SIZE, 2 * SIZE), (killed_after, counts)
    if counts["interactions"] == SIZE:
        after = json.loads(partnerlog(desktop, "export").stdout)
        assert comparable(after) == comparable(json.loads(before.stdout))
    for name in os.listdir(folder):  # no half-written file is left to be read
        assert not name.startswith(".") or not name.endswith(".json"), name
    for db, device in ((desktop, "desktop"), (laptop, "laptop"), (desktop, "desktop")):
        done = partnerlog(db, "sync", str(folder), "--device", device, *ALL)
        assert done.returncode == 0, done.stderr
    intact(desktop)
    intact(laptop)
    exports = [json.loads(partnerlog(db, "export").stdout) for db in (laptop, desktop)]
    # Handles are each journal's own (generated journals share p0001…, so
    # arrivals were renamed): the same records, by uuid, apart from them.
    local = ("id", "handle", "partner", "partners", "subject")
    assert comparable(exports[0], local) == comparable(exports[1], local)
