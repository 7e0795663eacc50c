"""What `undo` says before and after, and its list of actions."""

from partnerlog.i18n import _
from partnerlog.present.text import Shown, phrase, plural, say


def _steps(action) -> str:
    """What undo does to each record, one step a line (an entry's note under it)."""
    lines = [f"  {_(step.verb)} " + step.what.replace("\n", "\n  ") for step in action.steps]
    if action.more:
        lines.append("  " + plural(action.more, "more record"))
    return "\n".join(lines)


def ask(action, values: dict, now) -> str:
    say("The last action was {command}:\n{steps}", command=action.command,
        steps=Shown(_steps(action)))  # fmt: skip
    if action.here_only:
        say(
            "This undoes the {command} on this device only: your other devices keep these"
            " records as they are, and the next sync with them brings the same changes"
            " back. To remove a record everywhere, delete it after syncing"
            " (entry delete, partner delete…).",
            command=action.command,
        )
    return _("Undo it?")


def undone(result, values: dict, now) -> None:
    if isinstance(result, list):
        if not result:
            say("Nothing to undo: no action is recorded yet.")
        for action in result:  # a listing: data, to stdout
            when = action.at.astimezone(now.tzinfo).strftime("%Y-%m-%d %H:%M")
            print(phrase("{when}  {command}\n{steps}", when=when, command=action.command,
                         steps=Shown(_steps(action))))  # fmt: skip
        return
    say("Undone: {command}.", command=result.command)
