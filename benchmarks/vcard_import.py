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
import shutil
import tempfile
from pathlib import Path

from timing import fresh_journal, partnerlog, report, timed

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    exe = partnerlog()
    work = Path(tempfile.mkdtemp(prefix="partnerlog-vcard-"))
    vcf = work / "contacts.vcf"
    build(vcf, args.cards)
    first, again = [], []
    for run in range(args.runs):
        env = fresh_journal(work, run)
        first.append(timed([exe, "partner", "import", str(vcf)], env))
        again.append(timed([exe, "partner", "import", str(vcf)], env))
    for label, samples in (("into a new journal", first), ("again (all known)", again)):
        report(f"{args.cards:,} cards, {label}", samples, 3)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
