"""What `undo` says before and after, and its list of actions."""

from partnerlog.i18n import N_, _
from partnerlog.present.text import Shown, phrase, plural, say


def label(step, names: dict[str, str], now) -> str:
    """Which record a step touches, in the words the other views use: its kind's
    `describe` template, filled with the record (an entry as `timeline` says it)."""
    from partnerlog.core.kinds import BY_TABLE

    values = dict(step.values)
    if step.kind == "interactions":
        from partnerlog.present.tables import interaction_summary

        # (made safe by the view, on its lines)
        values["summary"] = Shown(interaction_summary(values.pop("entry"), names, now))
    elif step.kind == "follow_ups":
        values["what"] = _("topic to raise") if values["type"] == "raise" else _("promise")
    return phrase(BY_TABLE[step.kind].describe, **values)


def _steps(action, now) -> str:
    """What undo does to each record, one step a line (an entry's note under it)."""
    lines = [
        f"  {_(step.verb)} " + label(step, action.names, now).replace("\n", "\n  ")
        for step in action.steps
    ]
    if action.more:
        lines.append("  " + plural(action.more, "more record"))
    return "\n".join(lines)


def ask(action, values: dict, now) -> str:
    say("The last action was {command}:\n{steps}", command=action.command,
        steps=Shown(_steps(action, now)))  # fmt: skip
    if action.here_only:
        say(
            "This undoes the {command} on this device only: your other devices keep these"
            " records as they are, and the next sync with them brings the same changes"
            " back. To remove a record everywhere, remove it after syncing"
            " (entry delete, trait remove, partner archive…).",
            command=action.command,
        )
    return _("Undo it?")


def undone(result, values: dict, now) -> None:
    if isinstance(result, list):
        if not result:
            say("Nothing to undo: no action is recorded yet.")
        from partnerlog.present.screen import draw, on_terminal

        if result and not on_terminal():
            draw(actions_sheet(result, now))
            return
        for action in result:  # a listing: data, to stdout
            when = action.at.astimezone(now.tzinfo).strftime("%Y-%m-%d %H:%M")
            print(phrase("{when}  {command}\n{steps}", when=when, command=action.command,
                         steps=Shown(_steps(action, now))))  # fmt: skip
        return
    say("Undone: {command}.", command=result.command)


def actions_sheet(actions: list, now):
    """The actions undo can take back, newest first: an action a line, its steps
    in one field."""
    from partnerlog.present.sheet import Sheet, cell

    sheet = Sheet()
    for column in (N_("when"), N_("command"), N_("undo does")):
        sheet.add_column(_(column))
    for action in actions:
        steps = [f"{_(step.verb)} {label(step, action.names, now)}" for step in action.steps]
        if action.more:
            steps.append(plural(action.more, "more record"))
        when = action.at.astimezone(now.tzinfo).strftime("%Y-%m-%d %H:%M")
        sheet.add_row(when, action.command, cell("; ".join(steps), one_line=True))
    return sheet
