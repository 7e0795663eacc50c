"""Time the real partnerlog CLI on a generated journal, as ratios to Python's start-up.

    python benchmarks/run.py                      # generates a 100k/1000 journal first
    python benchmarks/run.py --journal big.db --runs 21

Every command runs as a whole new process, paired with `python -c "import
sqlite3"` (S) in the same round, so the ratios hold on any machine. Prints each
command's median, min–max, its ratio to S, and its budget. jrnl and Watson are
timed beside it when they are installed. Not part of the test suite.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(command: list[str], env: dict) -> tuple[float, int]:
    """(wall seconds, peak memory in KiB) of one whole-process run."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode not in (0, 6) or (process.returncode == 6 and "due" not in command):
        sys.exit(f"{' '.join(command)} failed ({process.returncode}): {error.strip()}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journal", type=Path, help="A journal to copy and time on.")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--only", metavar="TEXT", help="Time only the commands whose name contains TEXT."
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="partnerlog-bench-"))
    journal = work / "journal.db"
    if args.journal:
        shutil.copy(args.journal, journal)
    else:
        print("generating 1,000 partners and 100,000 interactions…", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(journal)], check=True)

    beside = Path(sys.executable).parent / "partnerlog"
    exe = str(beside) if beside.exists() else shutil.which("partnerlog")
    if not exe:
        sys.exit("partnerlog is not installed in this environment")
    python = sys.executable
    env = dict(os.environ, PARTNERLOG_DB=str(journal), COLUMNS="120")
    env.pop("PARTNERLOG_NOW", None)
    complete = dict(
        env, _PARTNERLOG_COMPLETE="complete_bash", COMP_WORDS="partnerlog log p01", COMP_CWORD="2"
    )
    zsh = dict(env, _PARTNERLOG_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS="partnerlog log p01")
    fish = dict(
        env,
        _PARTNERLOG_COMPLETE="complete_fish",
        _TYPER_COMPLETE_ARGS="partnerlog log p01",
        _TYPER_COMPLETE_FISH_ACTION="get-args",
    )
    report = str(work / "report.md")
    cases = [
        ("log WHO NOTE (3 open listed)", [exe, "log", "p0001", "benchmark note"], env, 3),
        (
            "log WHO NOTE, in Indonesian",
            [exe, "log", "p0001", "-w", "kemarin", "catatan"],
            dict(env, PARTNERLOG_LANG="id"),
            3,
        ),
        (
            "log --when yesterday -k -t",
            [exe, "log", "p0002", "-w", "yesterday", "-k", "lunch", "-t", "1", "note"],
            env,
            3,
        ),
        ("log --when '3 hari lalu'", [exe, "log", "p0003", "-w", "3 hari lalu", "note"], env, 3),
        (
            "log --when 'kemarin jam 3 sore'",
            [exe, "log", "p0004", "-w", "kemarin jam 3 sore", "note"],
            env,
            3,
        ),
        ("log --when 03/11/2026", [exe, "log", "p0005", "-w", "03/11/2026", "note"], env, 3),
        (
            "log --when 'jam 4 kemarin sore', in Berlin",
            [exe, "log", "p0006", "-w", "jam 4 kemarin sore", "note"],
            dict(env, TZ="Europe/Berlin"),
            3,
        ),
        ("log --when 'sejam lalu'", [exe, "log", "p0007", "-w", "sejam lalu", "note"], env, 3),
        (
            "log --when 'senin pekan lalu'",
            [exe, "log", "p0008", "-w", "senin pekan lalu", "note"],
            env,
            3,
        ),
        (
            "log --when 'end of last month'",
            [exe, "log", "p0009", "-w", "end of last month", "note"],
            env,
            3,
        ),
        ("due --exit-code", [exe, "due", "--exit-code"], env, 3),
        ("due --within 7d", [exe, "due", "--within", "7d"], env, 3),
        ("agenda", [exe, "agenda"], env, 15),
        ("completion of a handle, bash", [exe], complete, 6),
        ("completion of a handle, zsh", [exe], zsh, 6),
        ("completion of a handle, fish", [exe], fish, 6),
        ("summary", [exe, "summary"], env, 15),
        ("partner show", [exe, "partner", "show", "p0001"], env, 15),
        ("timeline --limit 50", [exe, "timeline", "--limit", "50"], env, 12),
        ("report (all, to a file)", [exe, "report", "-o", report], env, None),
    ]
    others = []
    # jrnl and Watson write into a home of their own here, never into yours.
    home = work / "home"
    (home / "config" / "jrnl").mkdir(parents=True)
    (home / "config" / "jrnl" / "jrnl.yaml").write_text(
        f"journals:\n  default:\n    journal: {home / 'journal.txt'}\n"
    )
    sandbox = dict(
        env,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        WATSON_DIR=str(home / "watson"),
    )
    for name, command in (
        ("jrnl (one entry)", ["jrnl", "benchmark entry"]),
        ("watson (add a frame)", ["watson", "add", "-f", "10:00", "-t", "10:30", "bench"]),
    ):
        found = shutil.which(
            command[0], path=str(Path(python).parent) + os.pathsep + env.get("PATH", "")
        )
        if found:
            timed([found, *command[1:]], sandbox)  # first run: set-up messages, not timed
            others.append((name, [found, *command[1:]], sandbox, None))

    if args.only:
        cases = [case for case in cases if args.only in case[0]]
        others = [case for case in others if args.only in case[0]]
    baseline: list[float] = []
    results: dict[str, tuple[list[float], int]] = {}
    for _ in range(args.runs):
        for name, command, case_env, _budget in cases + others:
            baseline.append(timed([python, "-c", "import sqlite3"], env)[0])
            seconds, peak = timed(command, case_env)
            runs, top = results.get(name, ([], 0))
            runs.append(seconds)
            results[name] = (runs, max(top, peak))
    s = statistics.median(baseline)
    print(f"S = python -c 'import sqlite3': median {s * 1000:.1f} ms ({len(baseline)} runs)\n")
    print(f"{'command':<30} {'median':>9} {'min–max':>15} {'ratio':>7} {'budget':>8}  peak MiB")
    for name, _command, _env, budget in cases + others:
        runs, peak = results[name]
        median = statistics.median(runs)
        ratio = median / s
        verdict = "" if budget is None else ("ok" if ratio <= budget else "OVER")
        shown_budget = "3 s" if name.startswith("report") else (f"{budget}×" if budget else "")
        if name.startswith("report"):
            verdict = "ok" if median <= 3 and peak / 1024 <= 150 else "OVER"
        print(
            f"{name:<30} {median * 1000:>7.0f}ms {min(runs) * 1000:>6.0f}–{max(runs) * 1000:<6.0f}ms"
            f" {ratio:>6.1f}× {shown_budget:>8}  {peak / 1024:>6.0f}  {verdict}"
        )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
