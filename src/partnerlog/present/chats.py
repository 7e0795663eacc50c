"""What `chat import` says: the days logged, who is not a partner yet."""

import shlex

from partnerlog.core.people import looks_like_phone
from partnerlog.i18n import _
from partnerlog.present.text import plural, print_json, say

UNKNOWN_SHOWN = 5


def imported(result, values: dict, now) -> None:
    app = {"whatsapp": "WhatsApp", "telegram": "Telegram"}[result.app]
    if values["json"]:
        print_json(
            {
                "app": result.app,
                "chat": result.title,
                "me": result.me,
                "added": result.added,
                "unchanged": result.unchanged,
                "unknown": result.unknown,
                "added_partners": [handle for _name, handle in result.added_partners],
                "unreadable_lines": result.bad_lines,
                "dry_run": result.dry_run,
                "entries": [entry.to_json() for entry in result.entries],
            }
        )
        return
    for name, handle in result.added_partners:
        say("{verb} {name} as '{handle}'.", name=name, handle=handle,
            verb=_("Would add") if result.dry_run else _("Added"))  # fmt: skip
    say(
        "{added} from {app} {verb} logged, {same} already here.",
        added=plural(result.added, "chat day"),
        app=app,
        verb=_("would be") if result.dry_run else (_("was") if result.added == 1 else _("were")),
        same=result.unchanged,
    )
    if result.bad_lines:
        say("Skipped: {count} that could not be read.", count=plural(result.bad_lines, "line"))
    ranked = sorted(result.unknown.items(), key=lambda item: (-item[1], item[0]))
    for name, count in ranked[:UNKNOWN_SHOWN]:
        added = shlex.quote(name)
        if looks_like_phone(name):  # a number: the name is yours to give
            added = _("NAME") + " --phone " + added
        say(
            "{count} from {name}, not a partner: partnerlog partner add {added}",
            count=plural(count, "message"),
            name=name,
            added=added,
        )
    if len(ranked) > UNKNOWN_SHOWN:
        say("… and {more} (--add-unknown adds them all)",
            more=plural(len(ranked) - UNKNOWN_SHOWN, "more sender"))  # fmt: skip
    if result.dry_run:
        say("(a dry run: nothing was changed)")
