"""What the import benchmarks share: the installed console script, one whole
process timed, and the medians printed. Not part of the test suite."""

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def partnerlog() -> str:
    """The console script beside this Python, else the one on PATH."""
    beside = Path(sys.executable).parent / "partnerlog"
    found = str(beside) if beside.exists() else shutil.which("partnerlog")
    if not found:
        sys.exit("partnerlog is not installed in this environment")
    return found


def fresh_journal(work: Path, run: int) -> dict:
    """The environment of run ``run``: a journal of its own in ``work``, the real clock."""
    env = dict(os.environ, PARTNERLOG_DB=str(work / f"journal{run}.db"))
    env.pop("PARTNERLOG_NOW", None)
    return env


def timed(command: list[str], env: dict) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole-process run; a failure ends the benchmark."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def report(what: str, samples: list[tuple[float, float]], budget: float) -> None:
    """One line: the medians of ``samples`` against the budget (wall seconds)."""
    wall = statistics.median(s[0] for s in samples)
    cpu = statistics.median(s[1] for s in samples)
    print(f"{what}: {wall:.2f} s wall, {cpu:.2f} s CPU (budget {budget:g} s)")
