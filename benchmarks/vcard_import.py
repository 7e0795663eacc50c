"""Time `partner import` of a large address book, into a new journal and into a
journal that already knows its people.

    python benchmarks/vcard_import.py                  # 20,000 cards
    python benchmarks/vcard_import.py --cards 5000 --runs 3

The .vcf mixes the shapes address books write: vCard 3.0 with several
addresses (Google, iPhone), and vCard 2.1 with quoted-printable names broken
over lines (Android, old Outlook). Every step is the real console script in a
new process; wall and CPU time are read with wait4. Budget (the files issue):
linear in cards, 20,000 cards ≤ 3 s. Not part of the test suite.
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

FIRST = ["Sari", "Budi", "Dewi", "Andi", "Rina", "José", "María", "Kenji", "Lukas", "Putri"]
LAST = ["Wulandari", "Santoso", "Lestari", "Pratama", "Kusuma", "Álvarez", "Weber", "Becker"]


def quoted_printable(text: str) -> str:
    """UTF-8 quoted-printable, broken into lines of at most 40 characters with soft breaks."""
    encoded = "".join(
        ch
        if ch.isascii() and ch.isalnum() or ch == " "
        else "".join(f"={b:02X}" for b in ch.encode())
        for ch in text
    )
    pieces = [encoded[i : i + 40] for i in range(0, len(encoded), 40)]
    return "=\r\n".join(pieces)


def build(path: Path, cards: int) -> None:
    lines = []
    for n in range(cards):
        first, last = FIRST[n % len(FIRST)], LAST[(n // len(FIRST)) % len(LAST)]
        name = f"{first} {last} {n}"
        if n % 3 == 0:  # Android / Outlook: vCard 2.1, quoted-printable
            lines += [
                "BEGIN:VCARD", "VERSION:2.1",
                f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{quoted_printable(f'{last} {n};{first}')};;;",
                f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{quoted_printable(name)}",
                f"EMAIL;INTERNET:person{n}@example.com",
                "TEL;CELL:+62 812-3456-7890",
                "END:VCARD",
            ]  # fmt: skip
        else:  # Google / iPhone: vCard 3.0, several addresses
            lines += [
                "BEGIN:VCARD", "VERSION:3.0",
                f"N:{last} {n};{first};;;", f"FN:{name}",
                f"EMAIL;TYPE=INTERNET;TYPE=WORK:person{n}@example.com",
                f"EMAIL;TYPE=INTERNET;TYPE=HOME:p{n}@home.example",
                "ORG:Nusantara Logistik;Engineering", "TITLE:Data engineer",
                "END:VCARD",
            ]  # fmt: skip
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))


def timed(command: list[str], env: dict) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole-process run."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    beside = Path(sys.executable).parent / "partnerlog"
    exe = str(beside) if beside.exists() else shutil.which("partnerlog")
    if not exe:
        sys.exit("partnerlog is not installed in this environment")
    work = Path(tempfile.mkdtemp(prefix="partnerlog-vcard-"))
    vcf = work / "contacts.vcf"
    build(vcf, args.cards)
    first, again = [], []
    for run in range(args.runs):
        env = dict(os.environ, PARTNERLOG_DB=str(work / f"journal{run}.db"))
        first.append(timed([exe, "partner", "import", str(vcf)], env))
        again.append(timed([exe, "partner", "import", str(vcf)], env))
    for label, samples in (("into a new journal", first), ("again (all known)", again)):
        wall = statistics.median(s[0] for s in samples)
        cpu = statistics.median(s[1] for s in samples)
        print(f"{args.cards:,} cards, {label}: {wall:.2f} s wall, {cpu:.2f} s CPU (budget 3 s)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
