"""What `calendar import` and `partner import` say: counts, what changed, who is unknown."""

import shlex

from partnerlog.i18n import N_, _
from partnerlog.present.text import plural, print_json, say

# The summary names this many unknown addresses, the most frequent first.
UNKNOWN_SHOWN = 5


def imported(result, values: dict, now) -> None:
    if values["json"]:
        print_json(
            {
                "added": result.added,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "skipped": result.skipped,
                "unknown": {email: count for email, (_, count) in result.unknown.items()},
                "added_partners": [email for email, _ in result.added_partners],
                "unreadable": list(result.unreadable),
                "dry_run": result.dry_run,
            }
        )
        return
    verb = _("would be") if result.dry_run else _("were") if result.added != 1 else _("was")
    if result.dry_run and result.entries:
        _table(result.entries)
    for email, name in result.added_partners:
        say("{verb} {name} <{email}> as a partner.", verb=_("Would add") if result.dry_run else _("Added"),
            name=name, email=email)  # fmt: skip
    say(
        "{added} {verb} logged from the calendar, {updated} updated, {same} already here.",
        added=plural(result.added, "meeting"),
        verb=verb,
        updated=result.updated,
        same=result.unchanged,
    )
    skipped = [f"{n} {_(why)}" for why, n in result.skipped.items() if n]
    if skipped:
        say("Skipped: {what}.", what=", ".join(skipped))
    for title in result.unreadable[:UNKNOWN_SHOWN]:
        say("An event that cannot be read was skipped: {title}", title=title)
    ranked = sorted(result.unknown.items(), key=lambda item: (-item[1][1], item[0]))
    for email, (name, count) in ranked[:UNKNOWN_SHOWN]:
        shown_name = name or email.split("@")[0]
        say(
            "{count} with {email}, not a partner: partnerlog partner add {name} --email {email}",
            count=plural(count, "meeting"),
            email=email,
            name=shlex.quote(shown_name),
        )
    if len(ranked) > UNKNOWN_SHOWN:
        say(
            "… and {more} (--add-unknown adds them all)",
            more=plural(len(ranked) - UNKNOWN_SHOWN, "more address"),
        )  # noqa: E501
    if result.dry_run:
        say("(a dry run: nothing was changed)")


def _table(entries) -> None:
    from partnerlog.present.sheet import Sheet
    from partnerlog.present.sheet import cell as user_text
    from partnerlog.present.terminal import console

    table = Sheet()
    for column in ("", N_("when"), N_("with"), N_("kind"), N_("title")):
        table.add_column(column)
    for action, entry in entries:
        table.add_row(
            action,
            entry.occurred_at[:16].replace("T", " "),
            user_text(", ".join(entry.partners), one_line=True),
            entry.kind + (f" ({entry.setting})" if entry.setting else ""),
            user_text(entry.note, one_line=True),
        )
    console().print(table.rich())


def vcards(result, values: dict, now) -> None:
    if values["json"]:
        print_json(result)
        return
    verbs = (_("Would add"), _("Would update")) if result["dry_run"] else (_("Added"), _("Updated"))
    for action, name, handle, changes in result["people"]:
        verb = verbs[0] if action == "add" else verbs[1]
        say("{verb} {name} ({handle}){changes}.", verb=verb, name=name, handle=handle,
            changes=f": {', '.join(changes)}" if changes else "")  # fmt: skip
    for what in result["skipped"]:
        say("A card that cannot be read was skipped: {what}", what=what)
    if not result["people"] and not result["skipped"]:
        say("Everyone in the file is already here, as the file says.")
    if result["dry_run"]:
        say("(a dry run: nothing was changed)")
