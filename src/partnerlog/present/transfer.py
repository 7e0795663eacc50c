"""What `report`, `export` and `import` print or write."""

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


def export(found, values: dict, now) -> None:
    from partnerlog.present.exporters import EXPORTERS

    done = EXPORTERS[values["format"].lower()](found, found.output)
    if done:
        say("{done}", done=done)


NOUNS = {
    "partners": "partner",
    "interactions": "interaction",
    "goals": "goal",
    "check_ins": "check-in",
    "traits": "trait",
    "follow_ups": "follow-up",
    "dates": "date",
}
KIND_NOUNS = {
    "goal_updates": "check-in", "partners": "partner", "interactions": "entry",
    "follow_ups": "follow-up", "partner_dates": "date",
}  # fmt: skip


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
    if not changed:
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
    """A record changed on both sides: which, what differs, and which version stays."""
    from partnerlog.store.merge import content

    mine, theirs = conflict["mine"], conflict["theirs"]
    kind = KIND_NOUNS.get(conflict["kind"], conflict["kind"].rstrip("s"))
    label = (
        mine.get("name") or mine.get("title") or mine.get("label") or mine.get("text")
        or mine.get("note") or ""
    )  # fmt: skip
    say(
        "Conflict: {kind} {label!r} changed here and in the file; kept {kept}.",
        kind=kind,
        label=label[:60],
        kept=_("this journal's version") if conflict["kept"] == "mine" else _("the file's version"),
    )
    here, there = content(mine), content(theirs)
    for key in sorted(set(here) | set(there)):
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


def synced(result: dict, values: dict, now) -> None:
    if values["json"]:
        print_json({**result, "merged": dict(result["merged"])})
        return
    for name, merged in result["merged"]:
        say_merge(merged, name)
    if not result["merged"]:
        say("No other device has written to the folder yet.")
    say("Wrote this journal as {path} (device {device}).", path=result["written"],
        device=result["device"])  # fmt: skip
