"""Time `sync` between two journals through a shared folder, at several sizes.

    python benchmarks/sync.py                        # 1k, 10k and 100k interactions
    python benchmarks/sync.py --sizes 10000 --runs 5

Two journals (generated with different seeds: their records are all different,
1,000 partners each at 100k, 100 at 10k, 10 at 1k), each a device syncing
through one folder. Every step is the real console script in a new process;
wall time, CPU time and peak memory are read with wait4. Prints, per size:

- export: `export -o FILE` of one journal (the yardstick for a sync's cost);
- first sync: the second device merging the first's file (every record new);
- nothing new: a sync when neither journal changed since (median of --runs);
- re-import of an unchanged export of a journal of that size (median).

Budgets (the sync issue), at 100k interactions and 1,000 partners: nothing new
≤ 2 s wall and ≤ 3× an export; a first sync ≤ 15 s; peak memory ≤ 200 MiB;
re-importing an unchanged 10k export ≤ 1 s. Not part of the test suite.
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
    """(wall seconds, CPU seconds, peak memory in MiB) of one whole-process run."""
    with tempfile.TemporaryFile() as messages:  # (a pipe nobody reads would fill and block)
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=messages)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            messages.seek(0)
            error = messages.read().decode(errors="replace")
            sys.exit(f"{' '.join(command)} failed ({code}): {error.strip()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def line(label: str, samples: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    wall = statistics.median(s[0] for s in samples)
    cpu = statistics.median(s[1] for s in samples)
    memory = max(s[2] for s in samples)
    print(f"  {label:<28} {wall:7.2f} s wall  {cpu:7.2f} s CPU  {memory:5d} MiB peak")
    return wall, cpu, memory


def bench(size: int, runs: int, work: Path, partnerlog: str) -> None:
    partners = max(10, size // 100)
    print(f"{size:,} interactions, {partners:,} partners per journal")
    journals = []
    for name, seed in (("laptop", 7), ("desktop", 8)):
        path = work / f"{name}-{size}.db"
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), str(path), "--partners", str(partners),
             "--interactions", str(size), "--seed", str(seed)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        journals.append(path)
    laptop, desktop = journals
    folder = work / f"shared-{size}"
    env = dict(os.environ, PARTNERLOG_LANG="en")

    def run(db: Path, *args: str):
        return timed([partnerlog, "--db", str(db), *args], env)

    export = line("export", [run(laptop, "export", "-o", str(work / "x.json")) for _ in range(3)])
    line("sync, alone in the folder", [run(laptop, "sync", str(folder), "--create")])
    first = line("first sync (all new)", [run(desktop, "sync", str(folder))])
    line("first sync, other way", [run(laptop, "sync", str(folder))])
    run(desktop, "sync", str(folder))
    run(laptop, "sync", str(folder))
    quiet = line(
        "sync, nothing new",
        [run(db, "sync", str(folder)) for _ in range(runs) for db in (laptop, desktop)],
    )
    copy = work / f"copy-{size}.db"  # another journal, which has imported the file once
    exported = work / f"laptop-{size}.json"
    run(laptop, "export", "-o", str(exported))
    line("import into a new journal", [run(copy, "import", str(exported))])
    line("import an unchanged export", [run(copy, "import", str(exported)) for _ in range(runs)])
    print(
        f"  nothing new ÷ export: {quiet[0] / export[0]:.2f}× wall, {quiet[1] / export[1]:.2f}× CPU"
    )
    print(f"  first sync ÷ export: {first[0] / export[0]:.2f}× wall\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    partnerlog = shutil.which("partnerlog", path=os.path.dirname(sys.executable))
    if partnerlog is None:
        sys.exit("partnerlog is not installed beside this Python")
    work = Path(tempfile.mkdtemp(prefix="partnerlog-sync-bench-"))
    try:
        for size in args.sizes:
            bench(size, args.runs, work, partnerlog)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
