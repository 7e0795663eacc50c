"""What the `db` commands print."""

import sys

from partnerlog.present.text import print_json, say


def path(location: str, values: dict, now) -> None:
    sys.stdout.write(location + "\n")


def check(report: dict, values: dict, now) -> int:
    """The check, as JSON or as lines; exit 1 if anything is wrong."""
    if values["json"]:
        print_json(report)
    else:
        if report["repaired"] is not None:
            fixed = report["repaired"]
            say("Repaired: {fixes}." if fixed else "Nothing needed repair.",
                fixes="; ".join(f"{n} {what}" for what, n in fixed.items()))  # fmt: skip
        counts = ", ".join(f"{n} {table}" for table, n in report["counts"].items())
        integrity = report["integrity"]
        problems = report["foreign_key_problems"]
        lines = [
            ("journal", report["path"]),
            ("integrity", "ok" if integrity == ["ok"] else "; ".join(integrity)),
            ("foreign keys", "ok" if not problems else f"{problems} broken references"),
            (
                "schema",
                f"{len(report['migrations_applied'])} migrations applied, "
                f"{len(report['migrations_pending'])} pending",
            ),
            ("mode", report["journal_mode"]),
            ("contents", counts),
        ]
        sys.stdout.write("\n".join(f"{label + ':':<14}{value}" for label, value in lines) + "\n")
    return 0 if report["ok"] else 1


def backed_up(result: tuple[str, str], values: dict, now) -> None:
    source, destination = result
    say("Backed up {source} to {destination}", source=source, destination=destination)
