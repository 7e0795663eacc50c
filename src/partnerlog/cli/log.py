"""`partnerlog log WHO [NOTE]`: record an interaction in one line."""

import sys
from typing import Annotated

import typer

from partnerlog.cli.state import (
    BENEFIT_CHOICES,
    PILLAR_CHOICES,
    SETTING_CHOICES,
    check_kind,
    check_tone,
    choose,
    choose_one,
    complete_partner,
    partners_named,
    split_list,
    state,
)
from partnerlog.errors import PartnerlogError, UsageError


def register(app: typer.Typer) -> None:
    app.command("log")(log)


def read_note(words: list[str] | None) -> str:
    """The note: the words given, else stdin when it is not a terminal."""
    if words:
        return " ".join(words)
    if sys.stdin is not None and not sys.stdin.isatty():
        return sys.stdin.read().strip()
    return ""


def log(
    ctx: typer.Context,
    who: Annotated[
        str,
        typer.Argument(
            metavar="WHO",
            help="Who: handle, name or unique prefix; several separated by commas.",
            autocompletion=complete_partner,
        ),
    ],
    note: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[NOTE]...",
            help="What happened. @handle adds a partner, #word adds a tag. "
            "Read from stdin when omitted.",
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", "-k", help="lunch, coffee, 1on1, review, planning, chat… (default chat)"
        ),
    ] = None,
    when: Annotated[
        str | None,
        typer.Option(
            "--when",
            "-w",
            help="When it happened: yesterday, '3 days ago', 'last friday', kemarin, 2026-11-27…",
        ),
    ] = None,
    tone: Annotated[
        int | None, typer.Option("--tone", "-t", help="How it went, -2 (bad) to 2 (great).")
    ] = None,
    where: Annotated[
        str | None, typer.Option("--where", "-s", help="office, outside or remote.")
    ] = None,
    pillar: Annotated[
        list[str] | None,
        typer.Option(
            "--pillar",
            "-p",
            help="communication, bond, understanding, goals, complement "
            "(default: from the kind and place).",
        ),
    ] = None,
    benefit: Annotated[
        list[str] | None,
        typer.Option(
            "--benefit", "-b", help="productivity, network, growth, wellbeing, environment."
        ),
    ] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="A tag (repeatable).")] = None,
    private: Annotated[
        bool, typer.Option("--private", help="Keep out of reports and exports.")
    ] = False,
    json: Annotated[bool, typer.Option("--json", help="Print the saved entry as JSON.")] = False,
) -> None:
    """Record an interaction with one or more partners.

    Examples:
      partnerlog log sari "lunch, talked about the migration #roadmap"
      partnerlog log sari,budi -k review -t 1 "design review went well"
      partnerlog log budi --when kemarin -k coffee -s outside
    """
    from partnerlog import dates
    from partnerlog.models import (
        DEFAULT_KIND,
        Interaction,
        default_pillars,
        find_partner,
        hashtags,
        mentions,
        normal_tag,
    )

    kind_value = check_kind(kind) if kind is not None else DEFAULT_KIND
    tone_value = check_tone(tone)
    setting = choose_one(where, SETTING_CHOICES, "--where")
    pillars = choose(pillar, PILLAR_CHOICES, "--pillar")
    benefits = choose(benefit, BENEFIT_CHOICES, "--benefit")
    now = dates.now()
    moment = dates.parse_when(when, now) if when else now.replace(microsecond=0)
    text = read_note(note)
    names = split_list([who])
    if not names:
        raise UsageError('say who it was with, e.g. partnerlog log sari "lunch"')

    # No `create`: without a journal there is nobody to log with yet, and the
    # error says how to start one.
    journal = state(ctx).journal()
    everyone = journal.partners(include_archived=True)

    partners = partners_named(journal, names)
    skipped = []
    for mention in mentions(text):
        try:
            extra = find_partner(everyone, mention)
        except PartnerlogError:
            skipped.append(mention)
            continue
        if extra.id not in {p.id for p in partners}:
            partners.append(extra)
    tags = list(dict.fromkeys([normal_tag(t) for t in split_list(tag)] + hashtags(text)))
    interaction = Interaction(
        occurred_at=dates.iso(moment),
        kind=kind_value,
        partners=[p.handle for p in partners],
        setting=setting,
        tone=tone_value,
        note=text,
        private=private,
        pillars=pillars or list(default_pillars(kind_value, setting)),
        benefits=benefits,
        tags=tags,
    )
    with journal.transaction():
        journal.add_interaction(interaction, [p.id for p in partners])
    if json:
        from partnerlog.render import print_json

        print_json(interaction.to_json())
    else:
        print(confirmation(interaction, partners, moment, now), file=sys.stderr)
    for mention in skipped:
        print(f"partnerlog: note: @{mention} is not a partner; kept as text", file=sys.stderr)


def confirmation(interaction, partners, moment, now) -> str:
    from partnerlog import dates
    from partnerlog.models import visible

    who = ", ".join(visible(p.name, one_line=True) for p in partners)
    extras = []
    if interaction.tone is not None:
        extras.append(f"tone {interaction.tone:+d}")
    if interaction.tags:
        extras.append(" ".join("#" + t for t in interaction.tags))
    if interaction.private:
        extras.append("private")
    tail = f" ({'; '.join(extras)})" if extras else ""
    return (
        f"Logged {interaction.kind} #{interaction.id} with {who}, "
        f"{dates.describe(moment, now)}{tail}."
    )
