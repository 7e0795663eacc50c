import json
import sqlite3

import pytest


def test_demo_builds_its_own_journal_and_never_touches_the_users(run, tmp_path, journal_path):
    result = run("demo")
    assert result.exit_code == 0, result.stderr
    assert not journal_path.exists()
    demo = tmp_path / "data" / "partnerlog" / "demo.db"
    conn = sqlite3.connect(demo)
    kinds = {r[0] for r in conn.execute("SELECT DISTINCT kind FROM partners")}
    relations = {r[0] for r in conn.execute("SELECT DISTINCT relation FROM partners")}
    partners = conn.execute("SELECT count(*) FROM partners").fetchone()[0]
    span = conn.execute("SELECT min(occurred_at), max(occurred_at) FROM interactions").fetchone()
    settings = {r[0] for r in conn.execute("SELECT DISTINCT setting FROM interactions")}
    tones = {r[0] for r in conn.execute("SELECT DISTINCT tone FROM interactions")}
    benefits = {r[0] for r in conn.execute("SELECT DISTINCT benefit FROM interaction_benefits")}
    conn.close()
    assert partners >= 8
    assert kinds == {"partner", "colleague"}
    assert relations == {"superior", "peer", "subordinate", "external"}
    assert span[0] < "2025-12-15" and span[1] > "2026-11-20"
    assert {"office", "outside", "remote"} <= settings
    assert {-1, 0, 1, 2} <= tones
    assert len(benefits) >= 4
    assert "PARTNERLOG_DB=" in result.stderr
    assert "Sari Wulandari" in result.stdout


@pytest.mark.english
def test_demo_rebuilds_a_demo_but_refuses_other_files(run, tmp_path):
    assert run("demo").exit_code == 0
    assert run("demo").exit_code == 0  # a demo may be rebuilt
    mine = tmp_path / "mine.db"
    run("--db", str(mine), "partner", "add", "Sari")
    result = run("demo", "--path", str(mine))
    assert result.exit_code == 1 and "not a demo journal" in result.stderr
    result = run("--db", str(mine), "demo", "--path", str(mine))
    assert result.exit_code == 1 and "is your journal" in result.stderr
    listed = json.loads(run("--db", str(mine), "partner", "list", "--json").stdout)
    assert [p["handle"] for p in listed] == ["sari"]


def test_a_demo_built_at_a_relative_path_is_named_in_full_for_the_export_hint(
    run, tmp_path, monkeypatch
):
    import re

    monkeypatch.chdir(tmp_path)
    result = run("demo", "--path", "demo.db")
    assert result.exit_code == 0, result.stderr
    hint = re.search(r"export PARTNERLOG_DB=(\S+)", result.stderr).group(1)
    assert hint == str(tmp_path / "demo.db")  # works after a cd
