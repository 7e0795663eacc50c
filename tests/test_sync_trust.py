"""Sync in the user's real world: devices whose clocks disagree, undo after a sync,
two journals with one device name, a bad file in the folder, ids, privacy.

Each device is a journal file with its own clock: the change stamps it makes
come from that clock (``store.clock.wall_clock``), as they would on a machine
whose clock runs fast or slow. One test runs the real console script under
libfaketime, which moves the whole process's clock.
"""

import itertools
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from partnerlog.i18n import _
from partnerlog.store import clock

from .test_sync import comparable, export_of

REAL_NOW = datetime.now(UTC)


TICKS = itertools.count(1)


class Device:
    """A journal on a device whose clock is ``skew`` away from the real time."""

    def __init__(self, run, monkeypatch, path: Path, skew=timedelta(0)) -> None:
        self._run, self._monkeypatch = run, monkeypatch
        self.db, self.skew = path, skew

    def __call__(self, *args: str, input: str | None = None):
        # Every command a little later than the one before, on any device: the
        # real clock alone can read the same for two commands in a row.
        at = datetime.now(UTC) + self.skew + timedelta(milliseconds=next(TICKS))
        self._monkeypatch.setattr(clock, "wall_clock", lambda: at)
        return self._run("--db", str(self.db), *args, input=input)

    def ok(self, *args: str, input: str | None = None):
        result = self(*args, input=input)
        assert result.exit_code == 0, (args, result.stderr)
        return result

    def sync(self, folder: Path, *args: str):
        return self.ok("sync", str(folder), "--device", self.db.stem, "--create", *args)

    def notes(self) -> list[str]:
        entries = json.loads(self.ok("timeline", "--json", "-n", "0").stdout)
        return sorted(entry["note"] for entry in entries)

    def entries(self) -> list[dict]:
        return json.loads(self.ok("timeline", "--json", "-n", "0").stdout)

    def export(self) -> dict:
        return export_of(self._run, self.db)


@pytest.fixture
def device(run, monkeypatch, tmp_path):
    def make(name: str, skew=timedelta(0)) -> Device:
        return Device(run, monkeypatch, tmp_path / f"{name}.db", skew)

    return make


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "shared"


# -- clocks ------------------------------------------------------------------------------


def test_a_device_two_hours_fast_does_not_revert_a_later_edit(device, folder):
    a, c = device("a", timedelta(hours=2)), device("c")
    a.ok("partner", "add", "Sari Wulandari")
    a.ok("log", "sari", "A's note")
    a.sync(folder)
    c.sync(folder)
    c.ok("entry", "edit", "1", "--note", "C's edit")
    result = c.sync(folder)
    assert "Updated" not in result.stderr
    assert c.notes() == ["C's edit"]
    a.sync(folder)
    assert a.notes() == ["C's edit"]


def test_a_device_ten_years_ahead_loses_no_later_edit(device, folder):
    ahead, other = device("ahead", timedelta(days=3653)), device("other")
    ahead.ok("partner", "add", "Sari Wulandari")
    ahead.ok("log", "sari", "from the future")
    ahead.sync(folder)
    other.sync(folder)
    for n in range(3):
        other.ok("entry", "edit", "1", "--note", f"edit {n} on the other device")
        other.sync(folder)
        ahead.sync(folder)
        assert ahead.notes() == other.notes() == [f"edit {n} on the other device"]
    ahead.ok("entry", "edit", "1", "--note", "the fast one again")
    ahead.sync(folder)
    other.sync(folder)
    assert other.notes() == ["the fast one again"]


def test_a_device_a_day_slow_keeps_its_last_edit_and_its_deletion(device, folder):
    slow, other = device("slow", -timedelta(days=1)), device("other")
    other.ok("partner", "add", "Sari Wulandari")
    other.ok("log", "sari", "first")
    other.ok("log", "sari", "second")
    other.sync(folder)
    slow.sync(folder)
    slow.ok("entry", "edit", "1", "--note", "first, edited on the slow device")
    slow.ok("entry", "delete", "2", "--yes")
    slow.sync(folder)
    other.sync(folder)
    assert other.notes() == slow.notes() == ["first, edited on the slow device"]
    other.sync(folder)
    slow.sync(folder)
    assert comparable(other.export()) == comparable(slow.export())


def test_a_clock_that_jumps_back_still_stamps_later(device, folder, run, monkeypatch):
    laptop = device("laptop")
    laptop.ok("partner", "add", "Sari Wulandari")
    laptop.ok("log", "sari", "before the jump")
    laptop.skew = -timedelta(days=30)
    laptop.ok("entry", "edit", "1", "--note", "after the jump")
    [entry] = laptop.export()["interactions"]
    assert entry["updated_at"] > entry["created_at"]


LIBFAKETIME = next(
    (
        path
        for path in (
            "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
            "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
            "/usr/lib/faketime/libfaketime.so.1",
        )
        if os.path.exists(path)
    ),
    None,
)


@pytest.mark.skipif(LIBFAKETIME is None, reason="libfaketime (Debian's faketime) is not installed")
def test_the_fast_clock_sequence_under_libfaketime(tmp_path):
    """The report's exact steps: the whole `partnerlog` process two hours fast."""
    script = shutil.which("partnerlog", path=os.path.dirname(sys.executable))
    assert script, "the console script is installed beside the interpreter"

    def partnerlog(db: str, *args: str, fast: bool = False) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if k != "PARTNERLOG_NOW"}
        env.update(PARTNERLOG_DB=str(tmp_path / db), PARTNERLOG_LANG="en")
        if fast:
            env.update(LD_PRELOAD=LIBFAKETIME, FAKETIME="+2h", FAKETIME_DONT_FAKE_MONOTONIC="1")
        done = subprocess.run([script, *args], env=env, capture_output=True, text=True)
        assert done.returncode == 0, (args, done.stderr)
        return done

    folder = str(tmp_path / "shared")
    partnerlog("a.db", "partner", "add", "Sari", fast=True)
    partnerlog("a.db", "log", "sari", "A's note", fast=True)
    partnerlog("a.db", "sync", folder, "--device", "a", "--create", fast=True)
    partnerlog("c.db", "sync", folder, "--device", "c")
    partnerlog("c.db", "entry", "edit", "1", "--note", "C's edit")
    second = partnerlog("c.db", "sync", folder)
    assert "Updated 1 interaction" not in second.stderr
    [entry] = json.loads(partnerlog("c.db", "timeline", "--json").stdout)
    assert entry["note"] == "C's edit"
    partnerlog("a.db", "sync", folder, fast=True)
    [entry] = json.loads(partnerlog("a.db", "timeline", "--json").stdout)
    assert entry["note"] == "C's edit"


# -- what changed since the base decides --------------------------------------------------


@pytest.fixture
def pair(device, folder):
    """Two devices that have synced and hold the same entry #1 with Sari."""
    laptop, desktop = device("laptop"), device("desktop")
    laptop.ok("partner", "add", "Sari Wulandari")
    laptop.ok("log", "sari", "lunch at the warung", "-t", "0")
    laptop.sync(folder)
    desktop.sync(folder)
    laptop.sync(folder)
    return laptop, desktop


def test_a_note_edited_here_and_a_tone_there_both_survive(pair, folder):
    laptop, desktop = pair
    laptop.ok("entry", "edit", "1", "--note", "lunch, and the roadmap")
    desktop.ok("entry", "edit", "1", "-t", "2")
    assert "Conflict" not in laptop.sync(folder).stderr
    assert "Conflict" not in desktop.sync(folder).stderr
    laptop.sync(folder)
    for device in pair:
        [entry] = device.entries()
        assert (entry["note"], entry["tone"]) == ("lunch, and the roadmap", 2)
    assert comparable(laptop.export()) == comparable(desktop.export())


@pytest.mark.english
def test_the_same_field_changed_on_both_sides_is_a_reported_conflict(pair, folder):
    laptop, desktop = pair
    laptop.ok("entry", "edit", "1", "--note", "the laptop's words")
    desktop.ok("entry", "edit", "1", "--note", "the desktop's words", "-t", "1")
    laptop.sync(folder)
    result = desktop.sync(folder, "--json")
    [conflict] = json.loads(result.stdout)["merged"]["laptop.json"]["conflicts"]
    assert conflict["fields"] == ["note"] and conflict["kept"] == "mine"
    result = laptop.sync(folder)  # settled on the desktop: taken as it is, no second conflict
    assert "Conflict" not in result.stderr and "Updated 1 interaction" in result.stderr
    desktop.sync(folder)
    for device in pair:
        [entry] = device.entries()
        assert (entry["note"], entry["tone"]) == ("the desktop's words", 1)


def test_prefer_theirs_settles_a_conflict_for_every_device(pair, folder):
    laptop, desktop = pair
    laptop.ok("entry", "edit", "1", "--note", "the laptop's words")
    laptop.sync(folder)
    desktop.ok("entry", "edit", "1", "--note", "the desktop's words")  # later: the rule's pick
    desktop.sync(folder, "--prefer", "theirs")
    assert desktop.notes() == ["the laptop's words"]
    desktop.ok("entry", "edit", "1", "--note", "the desktop's words again")
    desktop.sync(folder)
    laptop.ok("entry", "edit", "1", "-t", "-1", "--note", "the laptop insists")
    laptop.sync(folder, "--prefer", "mine")  # against the rule: the desktop's edit is later
    desktop.sync(folder)
    laptop.sync(folder)
    assert laptop.notes() == desktop.notes() == ["the laptop insists"]
    assert comparable(laptop.export()) == comparable(desktop.export())


@pytest.mark.english
def test_a_deletion_against_an_edit_is_a_conflict_and_the_edit_stays(pair, folder):
    laptop, desktop = pair
    laptop.ok("entry", "delete", "1", "--yes")
    laptop.sync(folder)
    desktop.ok("entry", "edit", "1", "--note", "edited while the laptop deleted it")
    result = desktop.sync(folder)
    assert "was deleted in the file and changed here; kept the changed version" in result.stderr
    result = laptop.sync(folder)
    assert "was deleted here and changed in the file; kept the changed version" in result.stderr
    assert laptop.notes() == desktop.notes() == ["edited while the laptop deleted it"]
    assert comparable(laptop.export()) == comparable(desktop.export())


@pytest.mark.english
def test_a_tag_rename_does_not_silently_bring_back_a_deleted_entry(pair, folder):
    laptop, desktop = pair
    laptop.ok("log", "sari", "planning #roadmap")
    laptop.sync(folder)
    desktop.sync(folder)
    [planning] = [e["id"] for e in desktop.entries() if e["note"].startswith("planning")]
    desktop.ok("entry", "delete", str(planning), "--yes")
    desktop.sync(folder)
    laptop.ok("tag", "rename", "roadmap", "plans")
    laptop.sync(folder)
    result = desktop.sync(folder)
    # It comes back only with the sync saying so, and why.
    assert "Conflict: entry 'planning #roadmap' was deleted here and changed in the file" in (
        result.stderr
    )
    laptop.sync(folder)
    assert comparable(laptop.export()) == comparable(desktop.export())


@pytest.mark.english
def test_a_deletion_on_one_side_only_is_applied(pair, folder):
    laptop, desktop = pair
    laptop.ok("entry", "delete", "1", "--yes")
    laptop.sync(folder)
    result = desktop.sync(folder)
    assert "Deleted 1 interaction" in result.stderr and "Conflict" not in result.stderr
    assert desktop.notes() == []


# -- undo ---------------------------------------------------------------------------------


@pytest.mark.english
def test_undo_of_a_sync_does_not_delete_the_other_devices_records(device, folder, rows):
    d, e = device("d"), device("e")
    d.ok("partner", "add", "Sari Wulandari")
    d.sync(folder)
    e.sync(folder)
    e.ok("partner", "add", "Eko Prasetyo")
    e.ok("log", "eko", "coffee with Eko")
    e.sync(folder)
    d.sync(folder)
    asked = d("undo", input="n\n")
    assert "on this device only" in asked.stderr and "other devices keep" in asked.stderr
    d.ok("undo", "--yes")
    assert "eko" not in [p["handle"] for p in json.loads(d.ok("partner", "list", "--json").stdout)]
    assert not [t for t in d.export()["deleted"] if t["kind"] in ("partners", "interactions")]
    result = e.sync(folder)
    assert "Deleted" not in result.stderr
    assert e.notes() == ["coffee with Eko"]
    d.sync(folder)  # the next sync brings them back here, as the prompt said
    assert d.notes() == ["coffee with Eko"]
    assert comparable(d.export()) == comparable(e.export())


def test_undo_of_an_import_publishes_no_deletions(device, tmp_path):
    source, target = device("source"), device("target")
    source.ok("partner", "add", "Sari Wulandari")
    source.ok("log", "sari", "lunch")
    source.ok("export", "-o", str(tmp_path / "source.json"))
    target.ok("import", str(tmp_path / "source.json"))
    target.ok("undo", "--yes")
    assert target.export()["deleted"] == []
    target.ok("import", str(tmp_path / "source.json"))
    assert target.notes() == ["lunch"]


# -- device names -------------------------------------------------------------------------


@pytest.mark.english
def test_two_journals_with_the_same_device_name_both_merge(device, folder, monkeypatch):
    from partnerlog.app import sync_folder as merging

    monkeypatch.setattr(merging, "_device_name", lambda: "macbook-pro")
    one, two = device("one"), device("two")
    one.ok("partner", "add", "Sari Wulandari")
    one.ok("sync", str(folder), "--create")
    two.ok("partner", "add", "Budi Santoso")
    result = two.ok("sync", str(folder))
    assert "macbook-pro.json in the folder belongs to another journal" in result.stderr
    assert "macbook-pro-2.json" in result.stderr
    written = json.loads((folder / "macbook-pro.json").read_text())
    assert (
        written["source"]["journal"]
        != json.loads((folder / "macbook-pro-2.json").read_text())["source"]["journal"]
    )
    one.ok("sync", str(folder))
    two.ok("sync", str(folder))
    assert sorted(p.name for p in folder.iterdir()) == ["macbook-pro-2.json", "macbook-pro.json"]
    assert comparable(one.export()) == comparable(two.export())
    handles = [p["handle"] for p in one.export()["partners"]]
    assert sorted(handles) == ["budi", "sari"]


def test_a_device_name_another_journal_uses_is_refused_when_asked_for(device, folder, unchanged):
    one, two = device("one"), device("two")
    one.ok("partner", "add", "Sari Wulandari")
    one.ok("sync", str(folder), "--device", "laptop", "--create")
    two.ok("partner", "add", "Budi Santoso")
    before = (folder / "laptop.json").read_bytes()
    result = two("sync", str(folder), "--device", "laptop")
    assert result.exit_code == 2 and "--device" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (folder / "laptop.json").read_bytes() == before
    assert [p["handle"] for p in two.export()["partners"]] == ["budi"]


# -- checked options, folders, ids, privacy -----------------------------------------------


@pytest.mark.parametrize("command", ["sync", "import"])
def test_prefer_takes_only_mine_or_theirs(run, tmp_path, unchanged, command):
    run("partner", "add", "Sari Wulandari")
    (tmp_path / "shared").mkdir()
    run("export", "-o", str(tmp_path / "x.json"))
    target = str(tmp_path / ("shared" if command == "sync" else "x.json"))
    with unchanged():
        result = run(command, target, "--prefer", "yours")
    assert result.exit_code == 2
    # (the choices as the language spoken says them: milikku, milik mereka)
    assert _("mine") in result.stderr and _("theirs") in result.stderr
    assert "'yours'" in result.stderr
    assert not list((tmp_path / "shared").iterdir())


def test_a_mistyped_folder_is_refused_and_create_makes_it(run, tmp_path, unchanged):
    run("partner", "add", "Sari Wulandari")
    with unchanged():
        result = run("sync", str(tmp_path / "Dropbx" / "partnerlog"))
    assert result.exit_code == 2 and "--create" in result.stderr
    assert not (tmp_path / "Dropbx").exists()
    assert run("sync", str(tmp_path / "Dropbox" / "partnerlog"), "--create").exit_code == 0
    assert (tmp_path / "Dropbox" / "partnerlog").stat().st_mode & 0o777 == 0o700


def test_ids_are_never_reused_by_a_merge(device, folder):
    c, d = device("c"), device("d")
    c.ok("partner", "add", "Sari Wulandari")
    c.sync(folder)
    d.sync(folder)
    c.ok("log", "sari", "C first")
    c.ok("entry", "delete", "1", "--yes")
    d.ok("log", "sari", "B first")
    d.sync(folder)
    c.sync(folder)
    [entry] = c.entries()
    assert entry["note"] == "B first" and entry["id"] != 1


@pytest.mark.english
def test_private_entries_stay_out_of_the_folder_unless_asked(device, folder):
    laptop = device("laptop")
    laptop.ok("partner", "add", "Sari Wulandari")
    laptop.ok("log", "sari", "salary talk", "--private")
    laptop.ok("log", "sari", "lunch")
    result = laptop.sync(folder)
    assert "without private entries" in result.stderr
    written = (folder / "laptop.json").read_text()
    assert "salary talk" not in written and "lunch" in written
    laptop.sync(folder, "--include-private")
    assert "salary talk" in (folder / "laptop.json").read_text()
    help_text = laptop.ok("sync", "--help").stdout
    assert "private" in help_text and "clear text" in help_text


# -- a bad file in the folder -------------------------------------------------------------


@pytest.mark.english
def test_a_bad_file_is_skipped_named_and_the_rest_still_merges(device, folder):
    a, b = device("a"), device("b")
    a.ok("partner", "add", "Sari Wulandari")
    a.ok("log", "sari", "from a")
    a.sync(folder)
    text = (folder / "a.json").read_text()
    (folder / "zz.json").write_text(text[: len(text) // 2])  # truncated by a sync tool
    newer = json.loads(text)
    newer["version"] = 99
    newer["source"]["journal"] = "f" * 32
    (folder / "newer.json").write_text(json.dumps(newer))
    result = b("sync", str(folder), "--device", "b", "--create")
    assert result.exit_code == 7
    assert "Skipped a file: zz.json is not valid JSON" in result.stderr
    assert "Skipped a file: newer.json" in result.stderr
    assert "a.json: Added 1 partner, 1 interaction" in result.stderr
    assert "nothing was imported" not in result.stderr
    assert (folder / "b.json").exists()
    assert b.notes() == ["from a"]
    (folder / "zz.json").unlink()
    (folder / "newer.json").unlink()
    assert b("sync", str(folder)).exit_code == 0


@pytest.mark.english
def test_a_folder_that_cannot_be_written_says_what_happened(device, folder, monkeypatch):
    from partnerlog import paths

    a, b = device("a"), device("b")
    a.ok("partner", "add", "Sari Wulandari")
    a.sync(folder)

    def full_disk(path, chunks):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(paths, "write_private", full_disk)
    result = b("sync", str(folder), "--device", "b", "--create")
    assert result.exit_code == 1
    assert "a.json: Added 1 partner" in result.stderr
    assert "Could not write" in result.stderr and "No space left on device" in result.stderr
    assert "nothing was changed" not in result.stderr
    assert [p["handle"] for p in b.export()["partners"]] == ["sari"]
    assert not (folder / "b.json").exists()


@pytest.mark.english
def test_an_unchanged_file_is_recognised_without_merging_it_again(pair, folder):
    laptop, desktop = pair
    desktop.sync(folder)
    result = desktop.sync(folder)
    assert "laptop.json: unchanged since the last sync" in result.stderr


def test_this_devices_own_file_cut_short_is_written_again(device, folder):
    laptop, desktop = device("laptop"), device("desktop")
    laptop.ok("partner", "add", "Sari Wulandari")
    laptop.sync(folder)
    desktop.sync(folder)
    own = folder / "laptop.json"
    own.write_text(own.read_text()[:100])  # a sync tool left half of it
    result = laptop("sync", str(folder))
    assert result.exit_code == 0, result.stderr
    assert "Skipped" not in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["desktop.json", "laptop.json"]
    assert json.loads(own.read_text())["partners"][0]["name"] == "Sari Wulandari"
    assert desktop("sync", str(folder)).exit_code == 0


def test_a_dry_run_import_then_a_real_one_in_the_same_journal(device, tmp_path):
    source, target = device("source"), device("target")
    source.ok("partner", "add", "Sari Wulandari")
    source.ok("log", "sari", "lunch")
    source.ok("entry", "delete", "1", "--yes")
    source.ok("export", "-o", str(tmp_path / "source.json"))
    target.ok("partner", "add", "Budi Santoso")  # a journal, for the dry run to roll back in
    target.ok("import", str(tmp_path / "source.json"), "--dry-run")
    assert [p["handle"] for p in target.export()["partners"]] == ["budi"]
    target.ok("import", str(tmp_path / "source.json"))
    assert [p["handle"] for p in target.export()["partners"]] == ["budi", "sari"]
    assert [t["kind"] for t in target.export()["deleted"]] == ["interactions"]


# -- one declaration per record kind ----------------------------------------------------


def test_each_record_kind_declares_exactly_its_tables_columns(run, tmp_path):
    """The registry is what import checks, `put` stores and a merge compares: a
    column a migration adds without declaring it would silently not travel."""
    from partnerlog.core.kinds import KINDS

    journal = tmp_path / "j.db"
    assert run("demo", "--path", str(journal)).exit_code == 0
    conn = sqlite3.connect(journal)
    for kind in KINDS:
        table = {row[1] for row in conn.execute(f"PRAGMA table_info({kind.table})")}
        declared = {item.column for item in kind.columns} | set(kind.derived)
        assert declared | {"id", "uuid", "created_at", "updated_at"} == table, kind.table


def test_every_exported_field_is_declared(run, tmp_path):
    """Every field an export writes is one its kind declares (or a view of one)."""
    from partnerlog.core.kinds import BY_TABLE, KINDS, NOT_CONTENT

    journal = tmp_path / "j.db"
    assert run("demo", "--path", str(journal)).exit_code == 0
    document = export_of(run, journal)
    for kind in KINDS:
        keys = {f.key for f in kind.fields} | {r.key for r in kind.refs} | NOT_CONTENT | {"uuid"}
        if kind.inside:
            records = [u for parent in document[kind.inside[0]] for u in parent[kind.inside[1]]]
        else:
            records = document[kind.table]
        assert records, kind.table
        for record in records:
            assert set(record) <= keys, (kind.table, set(record) - keys)
    assert BY_TABLE["goal_updates"].inside == ("goals", "updates")
