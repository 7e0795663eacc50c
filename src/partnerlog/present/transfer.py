"""What `report`, `export` and `import` print or write."""

import sys

from partnerlog.core.kinds import KINDS
from partnerlog.i18n import _
from partnerlog.present.text import plural, print_json, say


def report(data, values: dict, now) -> None:
    from partnerlog.present.exporters import write
    from partnerlog.present.markdown import report as markdown
    from partnerlog.present.progress import counted, progress

    chunks = markdown(data, now)
    if data.output is None:
        from partnerlog.present.screen import paged
        from partnerlog.present.terminal import console

        if console().is_terminal and not values["no_pager"]:
            paged("".join(chunks))
            return
        write(chunks, None)
    else:
        with progress(_("Writing the report")) as advance:
            write(counted(chunks, advance), data.output)
    if data.output is not None:
        say(
            "Wrote a report of {count} to {output}",
            count=plural(len(data.verdicts), "partnership"),
            output=data.output,
        )
        _in_clear(data.encrypted)


def export(found, values: dict, now) -> None:
    from partnerlog.present.exporters import EXPORTERS

    done = EXPORTERS[values["format"].lower()](found, found.output)
    if done:
        say("{done}", done=done)
    _in_clear(found.journal.passphrase is not None)


def _in_clear(encrypted: bool) -> None:
    """At a terminal: a file written from an encrypted journal is not encrypted."""
    if encrypted and sys.stderr.isatty():
        say(
            "The journal is encrypted; this file is not: keep it somewhere only you can read,"
            " and delete it when you are done."
        )


# How a count of each kind of record reads, and what one is called.
NOUNS = {kind.name: kind.counted for kind in KINDS}
KIND_NOUNS = {kind.table: kind.noun for kind in KINDS}


def counted(counts: dict) -> str:
    return ", ".join(plural(n, NOUNS[key]) for key, n in counts.items() if n)


def imported(result: dict, values: dict, now) -> None:
    if values["json"]:
        print_json(result)
        return
    say_merge(result)


def say_merge(result: dict, file: str | None = None) -> None:
    """What one merge did, a line for each kind of change, then each conflict."""
    dry = result.get("dry_run")
    verbs = (("added", _("Would add"), _("Added")), ("updated", _("Would update"), _("Updated")))
    verbs += (("deleted", _("Would delete"), _("Deleted")),)
    changed = False
    prefix = f"{file}: " if file else ""
    for key, would, did in verbs:
        if any(result[key].values()):
            changed = True
            say("{prefix}{verb} {counts}.", prefix=prefix, verb=would if dry else did,
                counts=counted(result[key]))  # fmt: skip
    if not changed and not result["conflicts"]:
        say("{prefix}Nothing new to import.", prefix=prefix)
    for conflict in result["conflicts"]:
        say_conflict(conflict)
    if any(result["unchanged"].values()):
        say("Unchanged: {counts}.", counts=counted(result["unchanged"]))
    for note in result["notes"]:
        say("Note: {note}.", note=note)
    if dry:
        say("(a dry run: nothing was changed)")


def say_conflict(conflict: dict) -> None:
    """A record changed on both sides (or deleted on one, changed on the other):
    which, what differs, and which version stays."""
    from partnerlog.core.kinds import content

    mine, theirs = conflict["mine"], conflict["theirs"]
    shown = mine or theirs
    kind = KIND_NOUNS[conflict["kind"]]
    label = (
        shown.get("name") or shown.get("title") or shown.get("label") or shown.get("text")
        or shown.get("note") or ""
    )  # fmt: skip
    deleted = conflict.get("deleted")
    if deleted:
        kept_change = (conflict["kept"] == "theirs") == (deleted == "mine")
        say(
            "Conflict: {kind} {label!r} was deleted {where} and changed {other}; {outcome}.",
            kind=kind,
            label=label[:60],
            where=_("here") if deleted == "mine" else _("in the file"),
            other=_("in the file") if deleted == "mine" else _("here"),
            outcome=_("kept the changed version") if kept_change else _("deleted it"),
        )
        return
    say(
        "Conflict: {kind} {label!r} changed here and in the file; kept {kept}.",
        kind=kind,
        label=label[:60],
        kept=_("this journal's version") if conflict["kept"] == "mine" else _("the file's version"),
    )
    here, there = content(mine), content(theirs)
    for key in conflict.get("fields") or sorted(set(here) | set(there)):
        if here.get(key) != there.get(key):
            say(
                "  {key}: {here} here, {there} in the file",
                key=key,
                here=_short(here.get(key)),
                there=_short(there.get(key)),
            )


def _short(value) -> str:
    import json

    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def synced(result: dict, values: dict, now) -> int:
    from partnerlog.errors import ERROR, PARTIAL

    if values["json"]:
        print_json({**result, "merged": dict(result["merged"]),
                    "skipped_files": dict(result["skipped_files"])})  # fmt: skip
    else:
        for name, merged in result["merged"]:
            say_merge(merged, name)
        for name in result["unchanged_files"]:
            say("{name}: unchanged since the last sync.", name=name)
        if not (result["merged"] or result["unchanged_files"] or result["skipped_files"]):
            say("No other device has written to the folder yet.")
    others = result["merged"] or result["unchanged_files"]
    for _name, problem in result["skipped_files"]:
        if others:
            say("Skipped a file: {problem}. The others were merged.", problem=problem)
        else:
            say("Skipped a file: {problem}.", problem=problem)
    if result["renamed_from"]:
        say("Note: {old}.json in the folder belongs to another journal; this one writes"
            " {new}.json.", old=result["renamed_from"], new=result["device"])  # fmt: skip
    if result["not_written"]:
        say("Could not write {path}: {problem}. What the folder held was merged here, but"
            " your other devices will not see this one's changes until it can be written.",
            path=result["target"], problem=result["not_written"])  # fmt: skip
        return ERROR
    if not values["json"]:
        private = "" if result["include_private"] else _(", without private entries")
        if result["rewritten"]:
            say("Wrote this journal as {path} (device {device}){private}.",
                path=result["written"], device=result["device"], private=private)  # fmt: skip
        else:
            say("{path} already holds this journal as it is (device {device}){private}.",
                path=result["written"], device=result["device"], private=private)  # fmt: skip
    return PARTIAL if result["skipped_files"] else 0
