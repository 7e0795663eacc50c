"""Time `chat import` of a long WhatsApp chat: into a journal that knows the
partner, then the same file again (nothing new).

    python benchmarks/chat_import.py                  # 100,000 lines over two years
    python benchmarks/chat_import.py --lines 20000 --runs 3

The chat is an Android export in English (UK dates, 24-hour), one partner and
you, with media lines, deleted messages and messages over several lines, as
the app writes them. Every step is the real console script in a new process;
wall and CPU time are read with wait4. Budgets (the chats issue): 100,000
lines ≤ 3 s wall, the same file again ≤ 1 s. Not part of the test suite.
"""

import argparse
import random
import shutil
import subprocess
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from timing import fresh_journal, partnerlog, report, timed


def build(path: Path, lines: int) -> None:
    rng = random.Random(20261205)
    moment = datetime(2024, 12, 1, 8, 0)
    step = timedelta(days=730) / lines
    written = []
    while len(written) < lines:
        moment += step * rng.uniform(0.2, 1.8)
        sender = rng.choice(["Sari Wulandari", "Budi"])
        said = rng.choice(["ok", "see you at 10", "<Media omitted>", "This message was deleted",
                           "the numbers look off", "thanks!"])  # fmt: skip
        written.append(f"{moment:%d/%m/%Y, %H:%M} - {sender}: {said}")
        if rng.random() < 0.05:
            written.append("and one more thing: the deck")
    path.write_text("\n".join(written[:lines]) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    exe = partnerlog()
    work = Path(tempfile.mkdtemp(prefix="partnerlog-chat-"))
    chat = work / "WhatsApp Chat with Sari Wulandari.txt"
    build(chat, args.lines)
    first, again = [], []
    for run in range(args.runs):
        env = fresh_journal(work, run)
        subprocess.run([exe, "partner", "add", "Sari Wulandari"], env=env, capture_output=True)
        first.append(timed([exe, "chat", "import", str(chat), "--me", "Budi"], env))
        again.append(timed([exe, "chat", "import", str(chat)], env))
    for label, samples, budget in (("first import", first, 3), ("again (nothing new)", again, 1)):
        report(f"{args.lines:,} lines, {label}", samples, budget)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
