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


def timed(command: list[str], env: dict) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak memory in KiB) of one whole-process run."""
    with tempfile.TemporaryFile() as errors:  # a pipe would fill up and stall the command
        started = time.perf_counter()
        process = subprocess.Popen(
            command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        said = errors.read().decode(errors="replace")
    if code not in (0, 6) or (code == 6 and "due" not in command):
        sys.exit(f"{' '.join(command)} failed ({code}): {said.strip()[-500:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


class Case:
    """One command to time: its name, its command line for run ``n`` (a write
    command changes something new each run), its environment, and its budget:
    a CPU ratio to S, or (for the whole-journal commands) CPU seconds and MiB."""

    def __init__(self, group, name, line, env, ratio=None, seconds=None, mib=None):
        self.group, self.name, self.line, self.env = group, name, line, env
        self.ratio, self.seconds, self.mib = ratio, seconds, mib
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self.ratios: list[float] = []
        self.wall_ratios: list[float] = []
        self.peak = 0

    def command(self, exe: str, n: int) -> list[str]:
        return [exe, *(word.format(n=n, p=n - 1) for word in self.line)]

    def verdict(self) -> str:
        cpu = statistics.median(self.cpu)
        if self.ratio is not None:
            return "ok" if statistics.median(self.ratios) <= self.ratio else "OVER"
        if self.seconds is not None:
            fits = cpu <= self.seconds and self.peak / 1024 <= (self.mib or float("inf"))
            return "ok" if fits else "OVER"
        return ""

    def budget(self) -> str:
        if self.ratio is not None:
            return f"≤ {self.ratio:g}×"
        if self.seconds is not None:
            return f"≤ {self.seconds:g} s, {self.mib} MiB"
        return ""


def cases(env: dict, work: Path) -> list[Case]:
    """The table the speed issue set, row by row (every command, every budget)."""
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
    indonesian = dict(env, PARTNERLOG_LANG="id")
    berlin = dict(env, TZ="Europe/Berlin")
    quick, write, listing = "quick", "write", "listing"
    rows = [
        Case(quick, "log WHO NOTE", ["log", "p0001", "benchmark note"], env, 2.5),
        Case(quick, "log, in Indonesian", ["log", "p0001", "-w", "kemarin", "catatan"], indonesian, 2.5),
        Case(quick, "log -w yesterday -k -t", ["log", "p0002", "-w", "yesterday", "-k", "lunch", "-t", "1", "x"], env, 2.5),
        Case(quick, "log -w '3 hari lalu'", ["log", "p0003", "-w", "3 hari lalu", "x"], env, 2.5),
        Case(quick, "log -w 'kemarin jam 3 sore'", ["log", "p0004", "-w", "kemarin jam 3 sore", "x"], env, 2.5),
        Case(quick, "log -w 03/11/2026", ["log", "p0005", "-w", "03/11/2026", "x"], env, 2.5),
        Case(quick, "log -w 'jam 4 kemarin sore', Berlin", ["log", "p0006", "-w", "jam 4 kemarin sore", "x"], berlin, 2.5),
        Case(quick, "log -w 'end of last month'", ["log", "p0009", "-w", "end of last month", "x"], env, 2.5),
        Case(quick, "raise", ["raise", "p0010", "the budget question {n}"], env, 2.5),
        Case(quick, "owe", ["owe", "p0011", "send the deck {n}"], env, 2.5),
        Case(quick, "close", ["close", "{n}"], env, 2.5),
        Case(quick, "due --exit-code", ["due", "--exit-code"], env, 2.5),
        Case(quick, "due --within 7d", ["due", "--within", "7d"], env, 2.5),
        Case(quick, "completion of a handle, bash", [], complete, 2.5),
        Case(quick, "completion of a handle, zsh", [], zsh, 2.5),
        Case(quick, "completion of a handle, fish", [], fish, 2.5),
        Case(write, "partner add", ["partner", "add", "Bench Person {n}"], env, 3),
        Case(write, "partner edit", ["partner", "edit", "p0020", "--role", "role {n}"], env, 3),
        Case(write, "undo --yes (the edit above)", ["undo", "--yes"], env, 3),
        Case(write, "partner archive", ["partner", "archive", "p09{n:02d}"], env, 3),
        Case(write, "partner pause", ["partner", "pause", "p0030", "--until", "in 2 weeks"], env, 3),
        Case(write, "goal add", ["goal", "add", "p0040", "goal {n}"], env, 3),
        Case(write, "goal update", ["goal", "update", "1", "--progress", "{n}"], env, 3),
        Case(write, "trait add", ["trait", "add", "p0050", "strength", "area {n}"], env, 3),
        Case(write, "entry edit", ["entry", "edit", "{n}", "--tone", "1"], env, 3),
        Case(write, "entry delete", ["entry", "delete", "{n}", "--yes"], env, 3),
        Case(write, "tag rename", ["tag", "rename", "budget{p}", "budget{n}"], env, 3),
        Case(listing, "partner list", ["partner", "list"], env, 5),
        Case(listing, "goal list", ["goal", "list"], env, 5),
        Case(listing, "trait list", ["trait", "list", "p0050"], env, 5),
        Case(listing, "tags", ["tags"], env, 5),
        Case(listing, "kinds", ["kinds"], env, 5),
        Case(listing, "search WORD", ["search", "roadmap"], env, 5),
        Case(listing, "undo --list", ["undo", "--list"], env, 5),
        Case(listing, "complement", ["complement", "p0001"], env, 5),
        Case(listing, "open", ["open"], env, 5),
        Case(listing, "timeline", ["timeline"], env, 5),
        Case(listing, "partner show", ["partner", "show", "p0001"], env, 5),
        Case(listing, "agenda", ["agenda"], env, 5),
        Case("summary", "summary", ["summary"], env, 6),
        Case("report", "report WHO -o FILE", ["report", "p0001", "-o", str(work / "one.md")], env, 6),
        Case("version", "--version", ["--version"], env, 1.5),
        Case("whole", "report (all, -o FILE)", ["report", "-o", str(work / "all.md")], env, None, 0.8, 120),
        Case("whole", "export (JSON, -o FILE)", ["export", "-o", str(work / "all.json")], env, None, 1.5, 120),
    ]  # fmt: skip
    return rows


def encrypted_cases(exe: str, journal: Path, env: dict, work: Path) -> list[Case]:
    """The same journal encrypted (`db encrypt`), when the encrypt extra is
    installed: `log` and two reads, beside the plain rows. No budget of their
    own: SQLCipher derives the key from the passphrase on every start, on
    purpose slowly (PBKDF2-HMAC-SHA512, 256,000 iterations)."""
    try:
        import sqlcipher3  # noqa: F401
    except ImportError:
        print("(sqlcipher3 is not installed: no encrypted rows)", file=sys.stderr)
        return []
    encrypted = work / "encrypted.db"
    shutil.copy(journal, encrypted)
    passphrase = "benchmark passphrase"
    started = time.perf_counter()
    subprocess.run(
        [exe, "db", "encrypt"], input=f"{passphrase}\n".encode(), check=True,
        env=dict(env, PARTNERLOG_DB=str(encrypted)), stderr=subprocess.DEVNULL,
    )  # fmt: skip
    took = time.perf_counter() - started
    print(f"db encrypt of the journal: {took:.1f} s wall", file=sys.stderr)
    secret = dict(env, PARTNERLOG_DB=str(encrypted), PARTNERLOG_PASSPHRASE=passphrase)
    return [
        Case("encrypted", "log WHO NOTE, encrypted journal", ["log", "p0001", "note"], secret),
        Case("encrypted", "timeline, encrypted journal", ["timeline"], secret),
        Case("encrypted", "summary, encrypted journal", ["summary"], secret),
    ]


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
    table = cases(env, work) + encrypted_cases(exe, journal, env, work)
    # (`tag rename` renames budget0 to budget1 on the first run, and so on)
    timed([exe, "tag", "rename", "budget", "budget0"], env)
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
            others.append(Case("peer", name, command[1:], sandbox))
            others[-1].command = lambda exe, n, found=found, rest=command[1:]: [found, *rest]

    if args.only:
        table = [case for case in table if args.only in case.name]
        others = [case for case in others if args.only in case.name]
    for n in range(1, args.runs + 1):
        for case in table + others:
            s_wall, s_cpu, _ = timed([python, "-c", "import sqlite3"], env)
            wall, cpu, peak = timed(case.command(exe, n), case.env)
            case.wall.append(wall)
            case.cpu.append(cpu)
            case.ratios.append(cpu / s_cpu if s_cpu else float("nan"))
            case.wall_ratios.append(wall / s_wall)
            case.peak = max(case.peak, peak)
    print(f"{len(table + others)} commands, {args.runs} runs each, each paired with S =")
    print("python -c 'import sqlite3'; ratios are medians of the pairs' ratios.\n")
    head = f"{'command':<34} {'CPU median':>10} {'min–max':>13} {'CPU×S':>6} {'wall×S':>6}"
    print(f"{head} {'budget':>16} {'MiB':>5}")
    for case in table + others:
        cpu = statistics.median(case.cpu) * 1000
        low, high = min(case.cpu) * 1000, max(case.cpu) * 1000
        print(
            f"{case.name:<34} {cpu:>8.0f}ms {low:>5.0f}–{high:<5.0f}ms"
            f" {statistics.median(case.ratios):>5.1f}× {statistics.median(case.wall_ratios):>5.1f}×"
            f" {case.budget():>16} {case.peak / 1024:>5.0f}  {case.verdict()}"
        )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
