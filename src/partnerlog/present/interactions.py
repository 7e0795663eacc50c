"""What the interaction commands print: the one-line receipt of `log`, tables of
entries, and the words for an edit or a deletion."""

from partnerlog.core import dates
from partnerlog.core.when import describe
from partnerlog.i18n import N_, _
from partnerlog.present.text import Shown, note, phrase, plural, print_json, say


def logged(logged, values: dict, now) -> None:
    """`log`: the entry as JSON, or one line on stderr saying what was saved and when."""
    interaction = logged.interaction
    if values["json"]:
        print_json(interaction.to_json())
    else:
        extras = []
        if interaction.tone is not None:
            extras.append(_("tone {tone}").format(tone=f"{interaction.tone:+d}"))
        if interaction.tags:
            extras.append(" ".join("#" + t for t in interaction.tags))
        if interaction.private:
            extras.append(_("private"))
        say(
            "Logged {kind} #{id} with {who}, {when}{tail}.",
            kind=interaction.kind,
            id=interaction.id,
            who=", ".join(p.name for p in logged.partners),
            when=describe(logged.moment, now),
            tail=f" ({'; '.join(extras)})" if extras else "",
        )
    for mention in logged.skipped:
        note("@{mention} is not a partner; kept as text", mention=mention)
    if values["json"]:
        return
    from partnerlog.present.follow_ups import open_line, said_closed

    names = {p.handle: p.name for p in logged.partners}
    for item in logged.closed:
        said_closed(item, names[item.partner])
    for partner, items in logged.still_open:
        say("{line}", line=open_line(partner, items, now.date()))


def listed(result, values: dict, now, *, empty: str | None = None) -> None:
    """A table of entries (or JSON)."""
    entries, names = result
    if values["json"]:
        print_json([entry.to_json() for entry in entries])
        return
    if not entries:
        if empty is None:
            say("No interactions match.")
        else:
            say("{message}", message=Shown(empty))  # made already, values made safe
        return
    from partnerlog.present.screen import draw
    from partnerlog.present.tables import interactions_table

    draw(interactions_table(entries, names, now), pager=not values.get("no_pager", True))


def found(result, values: dict, now) -> None:
    """`search`: matching goals and follow-ups, then matching interactions."""
    text, entries, goals, follow_ups, names = result
    if values["json"]:
        print_json(
            {
                "interactions": [entry.to_json() for entry in entries],
                "goals": [goal.to_json() for goal in goals],
                "follow_ups": [item.to_json() for item in follow_ups],
            }
        )
        return
    from partnerlog.present.screen import draw, on_terminal

    if not on_terminal() and (goals or follow_ups or entries):
        draw(search_sheet(entries, goals, follow_ups, names, now))
        return
    if goals:
        from partnerlog.present.tables import goals_table

        draw(goals_table(goals, names, now.date()))
        if entries or follow_ups:
            print()
    if follow_ups:
        from partnerlog.present.tables import follow_ups_table

        draw(follow_ups_table(follow_ups, names, now.date()))
        if entries:
            print()
    if entries or not (goals or follow_ups):
        listed((entries, names), values, now, empty=phrase("Nothing matches {text!r}.", text=text))


def search_sheet(entries, goals, follow_ups, names: dict, now):
    """What `search` found, as data: one header, then a line for each goal,
    follow-up and entry (in that order; entries newest first), saying which it is."""
    from partnerlog.present.sheet import Sheet, cell, tone_mark
    from partnerlog.present.tables import TABLE_NOTE, kind_words, shortened, what

    sheet = Sheet()
    for column in (N_("found"), N_("id"), N_("when"), N_("with"), N_("what"), N_("tone"),
                   N_("text")):  # fmt: skip
        sheet.add_column(_(column))

    def who(handles) -> str:
        return cell(", ".join(names.get(h, h) for h in handles), one_line=True)

    for goal in goals:
        sheet.add_row(_("goal"), str(goal.id), goal.due_on or "", who([goal.partner]),
                      _(goal.owner), "", cell(goal.title))  # fmt: skip
    for item in follow_ups:
        sheet.add_row(_("follow-up"), str(item.id), item.due_on or "", who([item.partner]),
                      what(item), "", cell(item.text))  # fmt: skip
    for entry in entries:
        moment = dates.from_iso(entry.occurred_at).astimezone(now.tzinfo)
        sheet.add_row(_("entry"), str(entry.id), moment.strftime("%Y-%m-%d %H:%M"),
                      who(entry.partners), cell(kind_words(entry)), tone_mark(entry.tone),
                      cell(shortened(entry.note, entry.id, TABLE_NOTE)))  # fmt: skip
    return sheet


def shown(result, values: dict, now) -> None:
    entry, names = result
    if values["json"]:
        print_json(entry.to_json())
        return
    from partnerlog.present.terminal import console, entry_view

    console().print(entry_view(entry, names, now))


def edited(result, values: dict, now) -> None:
    entry, names, changed = result
    if not changed:
        say("Nothing changed: entry #{id} already reads so.", id=entry.id)
        return
    say("Updated entry {summary}", summary=Shown(_summary(entry, names, now)))


def ask_delete(subject, values: dict, now) -> str:
    entry, names = subject
    say("Entry to delete: {summary}", summary=Shown(_summary(entry, names, now)))
    return _("Delete this entry?")


def deleted(entry, values: dict, now) -> None:
    say("Deleted entry #{id}.", id=entry.id)


def _summary(entry, names: dict, now) -> str:
    """The entry in the words `timeline` uses (already safe: it is built from `user_text`)."""
    from partnerlog.present.tables import interaction_summary

    return interaction_summary(entry, names, now)


def tags(found, values: dict, now) -> None:
    import sys

    if values["json"]:
        print_json([{"tag": tag, "count": count} for tag, count in found])
        return
    if not found:
        say("No tags yet: add #words to notes, or --tag.")
        return
    from partnerlog.present.screen import draw, on_terminal

    if not on_terminal():
        from partnerlog.present.sheet import Sheet, cell

        sheet = Sheet()
        sheet.add_column(_("tag"))
        sheet.add_column(_("entries"))
        for tag, count in found:
            sheet.add_row(cell(tag), str(count))
        draw(sheet)
        return
    width = max(len(str(count)) for _, count in found)
    lines = [
        phrase("{count:>{width}}  #{tag}", count=count, width=width, tag=tag)
        for tag, count in found
    ]
    sys.stdout.write("\n".join(lines) + "\n")


def renamed(result, values: dict, now) -> None:
    old, new, count = result
    say("#{old} is now #{new} on {count}.", old=old, new=new, count=plural(count, "entry"))


def kinds(found, values: dict, now) -> None:
    """`kinds`: one line each, the kind, its pillars, its other words and its count."""
    import sys

    if values["json"]:
        print_json([kind.to_json() for kind in found])
        return
    from partnerlog.present.screen import draw, on_terminal

    if not on_terminal():
        from partnerlog.present.sheet import Sheet, cell

        sheet = Sheet()
        for column in (N_("kind"), N_("entries"), N_("pillars"), N_("also"), N_("yours")):
            sheet.add_column(_(column))
        for kind in found:
            sheet.add_row(
                cell(kind.kind), str(kind.count), ", ".join(_(p) for p in kind.pillars),
                cell(", ".join(kind.aliases)), "" if kind.known else _("yes"),
            )  # fmt: skip
        draw(sheet)
        return
    width = max(len(kind.kind) for kind in found)
    lines = []
    for kind in found:
        pillars = ", ".join(kind.pillars)
        also = (
            "  " + _("(also: {words})").format(words=", ".join(kind.aliases))
            if kind.aliases
            else ""
        )
        mine = "" if kind.known else "  " + _("(your own)")
        lines.append(
            phrase(
                "{kind:<{width}}  {count:>5}  {pillars}{also}{mine}",
                kind=kind.kind,
                width=width,
                count=kind.count,
                pillars=pillars,
                also=also,
                mine=mine,
            )
        )
    sys.stdout.write("\n".join(lines) + "\n")
