"""What the `db` commands print."""

import sys

from partnerlog.i18n import Nn_, _, ngettext
from partnerlog.present.text import plural, print_json, say


def path(found: tuple[str, str], values: dict, now) -> None:
    location, kind = found
    sys.stdout.write(location + "\n")
    if kind == "encrypted":  # (stderr: `$(partnerlog db path)` is still the path alone)
        say("(encrypted: partnerlog asks for its passphrase)")


def check(report: dict, values: dict, now) -> int:
    """The check, as JSON or as lines; exit 1 if anything is wrong."""
    if values["json"]:
        print_json(report)
    else:
        if report["dry_run"]:
            _would_correct(report)
        if report["repaired"] is not None:
            fixed = report["repaired"]
            if fixed:
                say(
                    "Repaired: {fixes}.",
                    fixes="; ".join(_repair(what, n) for what, n in fixed.items()),
                )
            elif not report["times_repaired"]:
                say("Nothing needed repair.")
            if report["times_repaired"]:
                print(
                    ngettext(
                        "Gave {count} entry the offset of its date in {zone}.",
                        "Gave {count} entries the offset of their dates in {zone}.",
                        report["times_repaired"],
                    ).format(count=report["times_repaired"], zone=report["zone"]),
                    file=sys.stderr,
                )
        counts = _counts(report["counts"])
        integrity = report["integrity"]
        problems = report["foreign_key_problems"]
        lines = [
            (_("journal"), report["path"]),
            (_("integrity"), _("ok") if integrity == ["ok"] else "; ".join(integrity)),
            (
                _("foreign keys"),
                _("ok") if not problems else _("{count} broken references").format(count=problems),
            ),
            (
                _("schema"),
                _("{applied} migrations applied, {pending} pending").format(
                    applied=len(report["migrations_applied"]),
                    pending=len(report["migrations_pending"]),
                ),
            ),
            (_("entries"), _entries(report)),
            (_("times"), _times(report)),
            (_("mode"), report["journal_mode"]),
            (
                _("encryption"),
                _("SQLCipher (AES-256), passphrase needed")
                if report["encrypted"]
                else _("none (partnerlog db encrypt)"),
            ),
            (_("contents"), counts),
        ]
        sys.stdout.write("\n".join(f"{label + ':':<14}{value}" for label, value in lines) + "\n")
    return 0 if report["ok"] else 1


def _entries(report: dict) -> str:
    if not report["entries_with_nobody"]:
        return _("ok (each with at least one partner)")
    return ngettext(
        "{count} entry with nobody (partnerlog db check --repair deletes it; undo brings it back)",
        "{count} entries with nobody (partnerlog db check --repair deletes them; undo brings them back)",
        report["entries_with_nobody"],
    ).format(count=report["entries_with_nobody"])


def _times(report: dict) -> str:
    if not report["times_to_repair"]:
        return _("ok (each entry has its date's offset in {zone})").format(zone=report["zone"])
    return ngettext(
        "{count} entry has an offset {zone} did not have on its date (partnerlog db check --repair)",
        "{count} entries have an offset {zone} did not have on their dates (partnerlog db check --repair)",
        report["times_to_repair"],
    ).format(count=report["times_to_repair"], zone=report["zone"])


def _would_correct(report: dict) -> None:
    """--repair --dry-run: each entry's time as it is and as it would be."""
    if not report["times"]:
        say("No entry's time would change.")
        return
    for item in report["times"]:
        say(
            "Would change entry #{id}: {stored} → {corrected}",
            id=item["id"], stored=item["occurred_at"], corrected=item["corrected"],
        )  # fmt: skip


def backed_up(result: tuple[str, str], values: dict, now) -> None:
    source, destination = result
    say("Backed up {source} to {destination}", source=source, destination=destination)


def _counts(counts: dict | None) -> str:
    if counts is None:
        return _("unreadable")
    return ", ".join(plural(n, table.removesuffix("s")) for table, n in counts.items())


def ask_restore(found, values: dict, now) -> str:
    say("Restore {source} ({holds})", source=found.source, holds=_counts(found.source_counts))
    if found.kept is not None:
        say(
            "in place of {target} ({holds}), which is kept as {kept}",
            target=found.target,
            holds=_counts(found.target_counts),
            kept=found.kept,
        )
    return _("Restore it?")


def restored(found, values: dict, now) -> None:
    say("Restored {source} to {target}.", source=found.source, target=found.target)
    if found.kept is not None:
        say("The journal it replaced is kept as {kept}.", kept=found.kept)


def encrypted(result: dict, values: dict, now) -> None:
    say("Encrypted {path}.", path=result["path"])
    _remembered(result)
    say(
        "Backups made before now, exports and sync files written before now are not encrypted;"
        " delete the ones you do not need."
    )


def rekeyed(result: dict, values: dict, now) -> None:
    say("Changed the passphrase of {path}.", path=result["path"])
    _remembered(result)


def _remembered(result: dict) -> None:
    if result["remembered"]:
        say("The system keyring keeps the passphrase: this journal opens without asking.")
    else:
        say(
            "Keep the passphrase somewhere safe: without it the journal cannot be read, by you"
            " or anyone."
        )


def ask_decrypt(found: dict, values: dict, now) -> str:
    return _("Store {path} in clear again?").format(path=found["path"])


def decrypted(found: dict, values: dict, now) -> None:
    say("Decrypted {path}: it is stored in clear now.", path=found["path"])


# What `db check --repair` fixed (its JSON keys), as a person reads it.
REPAIRS = {
    "without their entry": Nn_(
        "{count} link without its entry", "{count} links without their entry"
    ),
    "interaction_partners without their partner": Nn_(
        "{count} link to a partner who is gone", "{count} links to partners who are gone"
    ),
    "entries with nobody": Nn_("{count} entry with nobody", "{count} entries with nobody"),
    "goal_updates without their goal": Nn_(
        "{count} check-in without its goal", "{count} check-ins without their goal"
    ),
    "interaction_partners copies out of date": Nn_(
        "{count} copy of an entry's fields out of date",
        "{count} copies of entries' fields out of date",
    ),
    "last contacts out of date": Nn_(
        "{count} partner's last contact out of date",
        "{count} partners' last contacts out of date",
    ),
}


def _repair(what: str, count: int) -> str:
    key = what if what in REPAIRS else "without their entry"  # ({table} without their entry)
    return ngettext(*REPAIRS[key], count).format(count=count)
