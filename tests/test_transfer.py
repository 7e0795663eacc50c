"""Reports, exports and imports."""

import json
import os
import re
import stat
from datetime import datetime

import pytest

from .conftest import dump

NASTY = [
    "# heading",
    "---",
    "a | b | c",
    "`code` and ```fence```",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "> quoted",
    "1. numbered",
    "- bullet",
    "==",
    "[bold]markup[/]",
    "esc \x1b[2J bell \x07",
    "multi\nline\n# with heading\n---",
    "emoji 🎉, 漢字, العربية, José (NFD: Jose\u0301)",
]


@pytest.fixture
def journal(team):
    for n, note in enumerate(NASTY):
        # "--": a note such as "---" or "- bullet" is not an option.
        team("log", "sari", "-w", f"{n + 1} days ago", "-k", "chat", "--", note)
    team("log", "budi", "-w", "2 days ago", "--private", "secret salary talk")
    team(
        "log",
        "sari,jose",
        "-k",
        "lunch",
        "-s",
        "outside",
        "-t",
        "2",
        "-b",
        "wellbeing",
        "team lunch #food",
    )
    team("goal", "add", "sari", "# ship | it", "--due", "2027-01-31", "--note", "line1\nline2")
    team("goal", "update", "1", "--progress", "40", "--note", "<b>half</b>")
    team("trait", "add", "me", "weakness", "public speaking", "--note", "| pipe")
    team("trait", "add", "sari", "strength", "Public Speaking")
    team("partner", "edit", "jose", "--notes", "> likes *design*")
    return team


def export_doc(run, *args):
    result = run("export", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def without_time(document):
    """An export without what differs between journals: when, and which journal wrote it."""
    return {k: v for k, v in document.items() if k not in ("exported_at", "source")}


# -- export --------------------------------------------------------------------


def test_export_has_the_documented_shape(journal):
    document = export_doc(journal)
    assert document["format"] == "partnerlog" and document["version"] == 4
    assert document["source"]["journal"] and document["source"]["at"]
    assert document["deleted"] == []
    assert all(record["updated_at"] for record in document["interactions"])
    exported = datetime.fromisoformat(document["exported_at"])  # the instant, in any zone
    assert exported == datetime.fromisoformat("2026-11-28T18:00:00+07:00")
    assert len(document["partners"]) == 4
    assert len(document["interactions"]) == len(NASTY) + 2
    [goal] = document["goals"]
    assert goal["updates"][0]["note"] == "<b>half</b>" and goal["updates"][0]["uuid"]
    assert {t["subject"] for t in document["traits"]} == {"me", "sari"}
    lunch = next(i for i in document["interactions"] if i["kind"] == "lunch")
    assert lunch["partners"] == ["jose", "sari"] and lunch["benefits"] == ["wellbeing"]


def test_export_exclude_private(journal):
    notes = [i["note"] for i in export_doc(journal, "--exclude-private")["interactions"]]
    assert "secret salary talk" not in notes
    assert "secret salary talk" in [i["note"] for i in export_doc(journal)["interactions"]]


def test_round_trip_is_lossless(journal, run, tmp_path):
    first = export_doc(journal)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(first, ensure_ascii=False))
    other = tmp_path / "other.db"
    assert run("--db", str(other), "import", str(path)).exit_code == 0
    second = json.loads(run("--db", str(other), "export").stdout)
    assert without_time(second) == without_time(first)
    assert second["interactions"][0]["note"] == NASTY[0]
    assert [i["note"] for i in second["interactions"]][: len(NASTY)] == NASTY


def test_importing_twice_adds_nothing(journal, run, tmp_path):
    path = tmp_path / "export.json"
    journal("export", "-o", str(path))
    other = tmp_path / "other.db"
    first = json.loads(run("--db", str(other), "import", str(path), "--json").stdout)
    assert first["added"] == {
        "partners": 4, "interactions": len(NASTY) + 2, "goals": 1, "check_ins": 1, "traits": 2,
        "follow_ups": 0, "dates": 0,
    }  # fmt: skip
    before = dump(other)
    second = json.loads(run("--db", str(other), "import", str(path), "--json").stdout)
    assert set(second["added"].values()) == {0}
    assert second["skipped"]["interactions"] == len(NASTY) + 2
    assert dump(other) == before


def test_two_machines_exchanging_both_ways_lose_and_duplicate_nothing(journal, run, tmp_path):
    laptop, desktop = str(tmp_path / "laptop.db"), str(tmp_path / "desktop.db")
    to_laptop, to_desktop = tmp_path / "a.json", tmp_path / "b.json"
    journal("export", "-o", str(to_laptop))
    run("--db", laptop, "import", str(to_laptop))
    run("--db", desktop, "import", str(to_laptop))
    run("--db", laptop, "log", "sari", "from the laptop")
    run("--db", desktop, "log", "budi", "from the desktop")
    run("--db", desktop, "partner", "add", "Dewi Lestari")
    for _ in range(2):  # twice: nothing doubles
        run("--db", laptop, "export", "-o", str(to_desktop))
        run("--db", desktop, "import", str(to_desktop))
        run("--db", desktop, "export", "-o", str(to_laptop))
        run("--db", laptop, "import", str(to_laptop))
    on_laptop = json.loads(run("--db", laptop, "export").stdout)
    on_desktop = json.loads(run("--db", desktop, "export").stdout)

    def content(document, section, key="uuid"):
        return sorted(record[key] for record in document[section])

    for section in ("partners", "interactions", "goals", "traits"):
        assert content(on_laptop, section) == content(on_desktop, section)
    assert len(on_laptop["interactions"]) == len(NASTY) + 4
    notes = [i["note"] for i in on_laptop["interactions"]]
    assert notes.count("from the laptop") == 1 and notes.count("from the desktop") == 1


@pytest.mark.english
def test_a_different_person_with_a_taken_handle_is_imported_under_a_new_handle(run, tmp_path):
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    run("--db", a, "partner", "add", "Sari Wulandari")
    run("--db", a, "log", "sari", "from a")
    run("--db", b, "partner", "add", "Sari Putri")
    path = tmp_path / "a.json"
    run("--db", a, "export", "-o", str(path))
    result = run("--db", b, "import", str(path))
    assert result.exit_code == 0
    assert "is someone else here (Sari Putri); imported as 'sari-w'" in result.stderr
    handles = [p["handle"] for p in json.loads(run("--db", b, "partner", "list", "--json").stdout)]
    assert handles == ["sari", "sari-w"]
    entries = json.loads(run("--db", b, "timeline", "--json").stdout)
    assert entries[0]["partners"] == ["sari-w"]


@pytest.mark.english
def test_the_same_person_added_on_two_machines_is_matched_by_handle_and_name(run, tmp_path):
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    run("--db", a, "partner", "add", "José Álvarez")
    run("--db", a, "log", "jose", "from a")
    run("--db", b, "partner", "add", "Jose Alvarez")
    path = tmp_path / "a.json"
    run("--db", a, "export", "-o", str(path))
    result = run("--db", b, "import", str(path))
    assert "matched Jose Alvarez here by handle and name" in result.stderr
    assert len(json.loads(run("--db", b, "partner", "list", "--json").stdout)) == 1
    assert json.loads(run("--db", b, "timeline", "--json").stdout)[0]["partners"] == ["jose"]


def good_document(run):
    return json.loads(run("export").stdout)


def broken(document, path, value):
    """A copy of ``document`` with the item at ``path`` (a tuple of keys) set to ``value``."""
    document = json.loads(json.dumps(document))
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return document


@pytest.mark.parametrize(
    "where, value, exit_code",
    [
        (("format",), "jrnl", 1),
        (("version",), 99, 5),
        (("version",), "1", 1),
        (("partners",), {}, 1),
        (("partners", 0, "relation"), "boss", 1),
        (("partners", 0, "uuid"), 42, 1),
        (("interactions", 0, "tone"), 7, 1),
        (("interactions", 0, "occurred_at"), "last week", 1),
        (("interactions", 0, "pillars"), ["love"], 1),
        (("interactions", 0, "partner_uuids"), ["nobody"], 1),
        (("interactions", 1, "uuid"), None, 1),
        (("goals", 0, "progress"), 101, 1),
        (("goals", 0, "updates"), "x", 1),
        (("traits", 0, "polarity"), "talent", 1),
    ],
)
@pytest.mark.english
def test_malformed_imports_change_nothing(journal, tmp_path, unchanged, where, value, exit_code):
    document = good_document(journal)
    # A new record too, so that a valid import *would* change something.
    extra = json.loads(json.dumps(document["interactions"][0]))
    extra["uuid"] = "00000000-0000-4000-8000-000000000000"
    document["interactions"].append(extra)
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(broken(document, where, value)))
    with unchanged():
        result = journal("import", str(file))
    assert result.exit_code == exit_code
    assert "nothing was imported" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("not json at all", "is not valid JSON (line 1, column 1: a value was expected)"),
        ('{"format": "partnerlog", "version": 1, "partners": [', "is not valid JSON"),
        ("[]", "expected a JSON object"),
        ("", "is not valid JSON"),
        ('{"format": "partnerlog",\n}', "(line 2, column 1: a field name in double quotes"),
        ('{"a": "b" "c"}', "(line 1, column 11: a ',' was expected)"),
    ],
)
@pytest.mark.english
def test_unreadable_imports_name_the_problem(run, tmp_path, journal_path, content, fragment):
    file = tmp_path / "bad.json"
    file.write_text(content)
    result = run("import", str(file))
    assert result.exit_code == 1 and fragment in result.stderr
    assert not journal_path.exists()  # nothing created either


def test_a_broken_file_is_described_in_the_language_spoken(run, tmp_path):
    file = tmp_path / "bad.json"
    file.write_text('{"format": "partnerlog",\n}')
    result = run("--lang", "id", "import", str(file))
    assert result.exit_code == 1
    assert "(baris 2, kolom 1: seharusnya ada nama kolom dalam tanda kutip ganda)" in (
        result.stderr
    )


@pytest.mark.english
def test_import_of_a_missing_file(run):
    result = run("import", "/nonexistent/export.json")
    assert result.exit_code == 1 and "no file" in result.stderr


@pytest.mark.english
def test_import_names_the_bad_record(journal, tmp_path):
    document = broken(good_document(journal), ("interactions", 3, "tone"), 7)
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(document))
    result = journal("import", str(file))
    assert "interactions[3].tone: expected a whole number from -2 to 2, got 7" in result.stderr


# -- files are private and whole -------------------------------------------------


def test_written_files_are_0600(journal, tmp_path):
    journal("export", "-o", str(tmp_path / "e.json"))
    journal("export", "-f", "csv", "-o", str(tmp_path / "csv"))
    journal("report", "-o", str(tmp_path / "r.md"))
    journal("db", "backup", str(tmp_path / "b.db"))
    files = [tmp_path / "e.json", tmp_path / "r.md", tmp_path / "b.db"]
    files += list((tmp_path / "csv").iterdir())
    assert len(files) == 17  # an export, a report, a backup and fourteen CSV tables
    assert {stat.S_IMODE(os.stat(f).st_mode) for f in files} == {0o600}
    assert stat.S_IMODE(os.stat(tmp_path / "csv").st_mode) == 0o700
    assert not list(tmp_path.glob(".*.tmp"))


def test_an_interrupted_write_leaves_no_half_file(tmp_path):
    from partnerlog.paths import write_private

    target = tmp_path / "report.md"
    target.write_text("the old report")

    def chunks():
        yield "half of the new"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_private(target, chunks())
    assert target.read_text() == "the old report"
    assert list(tmp_path.iterdir()) == [target]


def test_csv_export_has_every_table_and_honours_exclude_private(journal, tmp_path):
    journal("export", "-f", "csv", "-o", str(tmp_path / "all"))
    journal("export", "-f", "csv", "-o", str(tmp_path / "public"), "--exclude-private")
    everything = (tmp_path / "all" / "interactions.csv").read_text()
    public = (tmp_path / "public" / "interactions.csv").read_text()
    assert "secret salary talk" in everything and "secret salary talk" not in public
    header = (tmp_path / "all" / "partners.csv").read_text().splitlines()[0]
    assert header.startswith("id,uuid,handle,name")


@pytest.mark.english
def test_export_bad_format_and_csv_without_folder(journal, unchanged):
    assert journal("export", "-f", "xml").exit_code == 2
    result = journal("export", "-f", "csv")
    assert result.exit_code == 2 and "give a folder" in result.stderr


# -- reports -------------------------------------------------------------------


def table_blocks(markdown: str):
    """Each markdown table as a list of rows (lines starting with '|')."""
    blocks, current = [], []
    for line in markdown.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    return blocks


def cells(row: str) -> int:
    """The number of cells in a table row, ignoring escaped pipes."""
    return len(re.split(r"(?<!\\)\|", row)) - 2


@pytest.mark.english
def test_user_text_cannot_break_the_report(journal):
    for note in NASTY:
        journal("partner", "add", note.replace("\n", " "), "--handle", f"p{NASTY.index(note)}")
        journal("log", f"p{NASTY.index(note)}", "--", note)
    result = journal("report", "--include-private")
    assert result.exit_code == 0
    markdown = result.stdout
    # Headings are only the report's own.
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert all(re.match(r"^#{1,3} [^#]", h) for h in headings)
    assert not any(h.startswith("# ") for h in headings[1:])
    for heading in headings:
        assert heading.split(" ", 1)[1].split(" (`")[0] in {
            "Partnerships report", "Overview", "Goals", "Strengths and weaknesses",
        } or heading.startswith(("## ", "### Health", "### Interactions"))  # fmt: skip
    # Every table row has its table's column count.
    for block in table_blocks(markdown):
        assert len({cells(row) for row in block}) == 1, block
    # No raw HTML, no links, no line-start constructs from user text.
    assert "<script>" not in markdown and "](javascript" not in markdown.replace("\\]", "")
    # The escape shows as the text \x1b[2J (its backslash and bracket escaped).
    assert "\x1b" not in markdown and "\\\\x1b\\[2J" in markdown
    for line in markdown.splitlines():
        assert not line.startswith((">", "---", "==", "1. ")), line
    # Multi-line notes are fenced, and each fence is closed.
    assert markdown.count("```text") >= 1
    fences = [line.strip() for line in markdown.splitlines() if line.strip().startswith("```")]
    assert len(fences) % 2 == 0


@pytest.mark.english
def test_report_of_one_partner_is_a_1on1_prep_sheet(journal):
    markdown = journal("report", "sari").stdout
    assert markdown.startswith("# 1:1 prep: Sari Wulandari\n")
    assert "### Health:" in markdown and "### Goals" in markdown
    assert "\\# ship \\| it" in markdown
    assert "- **They cover my:** public speaking" in markdown
    assert "Budi" not in markdown.split("## Sari Wulandari")[1]


@pytest.mark.english
def test_report_range_and_private_entries(journal):
    recent = journal("report", "sari", "--since", "3 days ago").stdout
    assert "### Interactions (4)" in recent  # days 1, 2, 3 and the lunch
    assert "secret salary talk" not in journal("report", "budi").stdout
    assert "secret salary talk" in journal("report", "budi", "--include-private").stdout
    result = journal("report", "--since", "2026-11-20", "--until", "2026-11-01")
    assert result.exit_code == 2


@pytest.mark.english
def test_report_charts_are_mermaid(journal):
    markdown = journal("report", "--charts").stdout
    assert "```mermaid\nxychart-beta" in markdown
    assert '```mermaid\npie title "Kinds of interaction"\n    "chat" : 14\n' in markdown
    assert "```mermaid" not in journal("report").stdout


@pytest.mark.english
def test_report_to_a_file(journal, tmp_path):
    target = tmp_path / "report.md"
    result = journal("report", "-o", str(target))
    assert result.stdout == "" and "Wrote a report of 4 partnerships" in result.stderr
    assert target.read_text().startswith("# Partnerships report")


def test_a_dry_run_into_a_journal_that_does_not_exist_creates_none(team, tmp_path, run):
    """It says what would be added (into an empty journal) and leaves no file."""
    exported = tmp_path / "x.json"
    assert team("export", "-o", str(exported)).exit_code == 0
    fresh = tmp_path / "new.db"
    result = run("--db", str(fresh), "import", str(exported), "--dry-run", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["added"]["partners"] == 4
    assert not list(tmp_path.glob("new.db*"))


def test_a_wholesale_import_builds_the_indexes_again_and_loses_nothing(
    journal, run, tmp_path, monkeypatch
):
    """Tens of thousands of new entries are written with their links' and entries'
    own indexes dropped and built again after: the journal ends with the same
    indexes, sound, holding the same entries as a record-by-record import."""
    import sqlite3

    from partnerlog.store import bulk

    path = tmp_path / "export.json"
    journal("export", "-o", str(path))

    def imported(name: str) -> tuple:
        target = tmp_path / name
        assert run("--db", str(target), "import", str(path)).exit_code == 0
        conn = sqlite3.connect(target)
        indexes = sorted(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()
        entries = json.loads(run("--db", str(target), "timeline", "--json", "-n", "0").stdout)
        return indexes, [(e["uuid"], e["note"], e["partners"], e["tags"]) for e in entries]

    one_by_one = imported("slow.db")
    monkeypatch.setattr(bulk, "BULK", 3)  # (the thresholds, made small enough for a test)
    monkeypatch.setattr(bulk, "WHOLESALE", 3)
    assert imported("wholesale.db") == one_by_one
