"""The bodies of the commands the quick path runs, shared with their Typer twins.

`partnerlog log`, `due`, `timeline`, `summary` and `partner show` do their work
here, without Typer: the Typer commands parse and call these, and so does the
quick path (`partnerlog.quick`), so both give the same results. Rich is
imported only when something is drawn.
"""

import sys
from datetime import datetime, timedelta


def record(journal, who: str, words, *, kind, when, tone, where, pillar, benefit, tag, private):
    """Log one interaction in ``journal``; returns what `report_logged` prints.

    Shared by `partnerlog log` (Typer) and the quick path.
    """
    from partnerlog import dates
    from partnerlog.domain import (
        BENEFITS,
        DEFAULT_KIND,
        PILLARS,
        SETTINGS,
        Interaction,
        default_pillars,
        hashtags,
        mentions,
        normal_tag,
    )
    from partnerlog.errors import PartnerlogError, UsageError
    from partnerlog.validate import check_kind, check_tone, choose, choose_one, split_list

    kind_value = check_kind(kind) if kind is not None else DEFAULT_KIND
    tone_value = check_tone(tone)
    setting = choose_one(where, SETTINGS, "--where")
    pillars = choose(pillar, PILLARS, "--pillar")
    benefits = choose(benefit, BENEFITS, "--benefit")
    now = dates.now()
    moment = dates.parse_when(when, now) if when else now.replace(microsecond=0)
    names = split_list([who])
    if not names:
        raise UsageError('say who it was with, e.g. partnerlog log sari "lunch"')
    partners = journal.named(*names)
    text = read_note(words)
    skipped = []
    for mention in mentions(text):
        try:
            [extra] = journal.named(mention)
        except PartnerlogError:
            skipped.append(mention)
            continue
        if extra.id not in {p.id for p in partners}:
            partners.append(extra)
    interaction = Interaction(
        occurred_at=dates.iso(moment),
        kind=kind_value,
        partners=sorted(p.handle for p in partners),
        setting=setting,
        tone=tone_value,
        note=text,
        private=private,
        pillars=pillars or list(default_pillars(kind_value, setting)),
        benefits=benefits,
        tags=list(dict.fromkeys([normal_tag(t) for t in split_list(tag)] + hashtags(text))),
    )
    with journal.transaction():
        journal.add_interaction(interaction, [p.id for p in partners])
    return interaction, partners, moment, now, skipped


def report_logged(logged, as_json: bool) -> None:
    """Print what `record` saved: the entry as JSON, or one line on stderr."""
    from partnerlog import dates
    from partnerlog.domain import visible

    interaction, partners, moment, now, skipped = logged
    if as_json:
        from partnerlog.output import print_json

        print_json(interaction.to_json())
    else:
        who = ", ".join(visible(p.name, one_line=True) for p in partners)
        extras = []
        if interaction.tone is not None:
            extras.append(f"tone {interaction.tone:+d}")
        if interaction.tags:
            extras.append(" ".join("#" + t for t in interaction.tags))
        if interaction.private:
            extras.append("private")
        tail = f" ({'; '.join(extras)})" if extras else ""
        print(
            f"Logged {interaction.kind} #{interaction.id} with {who}, "
            f"{dates.describe(moment, now)}{tail}.",
            file=sys.stderr,
        )
    for mention in skipped:
        print(f"partnerlog: note: @{mention} is not a partner; kept as text", file=sys.stderr)


def read_note(words) -> str:
    """The note: the words given, else stdin when it is not a terminal."""
    if words:
        return " ".join(words)
    if sys.stdin is not None and not sys.stdin.isatty():
        return sys.stdin.read().strip()
    return ""


def due_report(journal, *, exit_code: bool, as_json: bool) -> int:
    """Print who is overdue for contact; the exit code for `--exit-code`."""
    from partnerlog import dates
    from partnerlog.domain import due_partners, visible

    now = dates.now()
    contacts = {pid: datetime.fromisoformat(at) for pid, at in journal.last_contacts().items()}
    found = due_partners(journal.partners(), contacts, now)
    if as_json:
        from partnerlog.output import print_json

        print_json([item.to_json() for item in found])
    elif found:
        width = max(len(item.handle) for item in found)
        lines = []
        for item in found:
            last = "never" if item.days_since is None else f"{item.days_since} days ago"
            lines.append(
                f"{item.handle:<{width}}  {item.overdue_days:>3} days overdue  "
                f"last contact {last}, every {item.cadence_days} days  "
                f"{visible(item.name, one_line=True)}"
            )
        sys.stdout.write("\n".join(lines) + "\n")
    elif not exit_code:
        print("Nobody is due. Well kept!", file=sys.stderr)
    return 1 if exit_code and found else 0


def verdicts(journal, now: datetime, window: int = 90, partner_id: int | None = None) -> list:
    """Health verdicts for every active partner (or one), neediest first."""
    import gc

    from partnerlog import health

    since = now - timedelta(days=max(window, 7 * health.WEEKS, 60) + 1)
    # Tens of thousands of tuples and records, none in a cycle: the cyclic
    # garbage collector would only walk them (about 5% of the dashboard's time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        facts = journal.health_facts(since, partner_id=partner_id)
        return sorted(
            (health.score_partnership(f, now, window) for f in facts), key=health.attention_order
        )
    finally:
        if collecting:
            gc.enable()


# The dashboard shows this many partnerships unless asked for --all.
DEFAULT_ROWS = 25


def summary(journal, *, all_rows: bool, window: int, as_json: bool) -> None:
    from partnerlog import dates

    now = dates.now()
    found = verdicts(journal, now, window)
    if as_json:
        from partnerlog.output import print_json

        print_json([v.to_json() for v in found])
        return
    show_dashboard(journal, now, found, all_rows=all_rows)


def show_dashboard(journal, now: datetime, found=None, *, all_rows: bool = False) -> None:
    """Print the dashboard (the summary's table) for a journal."""
    if found is None:
        found = verdicts(journal, now, 90)
    if not found:
        print("No partners yet. Add one with: partnerlog partner add NAME", file=sys.stderr)
        return
    from partnerlog.render import console, summary_table

    shown = found if all_rows else found[:DEFAULT_ROWS]
    out = console()
    # The sparkline shares one scale across every row, shown or not.
    out.print(summary_table(shown, max((max(v.weekly) for v in found), default=0), out))
    hidden = len(found) - len(shown)
    if hidden:
        from partnerlog.domain import plural

        print(
            f"… and {plural(hidden, 'more partnership')} doing better "
            "(partnerlog summary --all shows every one)",
            file=sys.stderr,
        )


def timeline(journal, who, *, since, until, kind, tag, limit: int, as_json: bool) -> None:
    from partnerlog import dates
    from partnerlog.domain import normal_tag
    from partnerlog.errors import UsageError
    from partnerlog.validate import check_kind

    if limit < 0:
        raise UsageError("--limit cannot be negative")
    now = dates.now()
    since_day = dates.parse_day(since, now) if since else None
    until_day = dates.parse_day(until, now) if until else None
    if since_day and until_day and since_day > until_day:
        raise UsageError(f"--since {since_day} is after --until {until_day}")
    partner = journal.named(who)[0] if who else None
    entries = journal.interactions(
        partner_id=partner.id if partner else None,
        since=since_day,
        until=until_day,
        kind=check_kind(kind) if kind else None,
        tag=normal_tag(tag) if tag else None,
        limit=limit or None,
    )
    show_interactions(journal, entries, as_json, empty="No interactions match.")


def show_interactions(journal, entries, as_json: bool, *, empty: str) -> None:
    if as_json:
        from partnerlog.output import print_json

        print_json([entry.to_json() for entry in entries])
        return
    if not entries:
        print(empty, file=sys.stderr)
        return
    from partnerlog import dates
    from partnerlog.render import console, interactions_table

    names = {p.handle: p.name for p in journal.partners(include_archived=True)}
    console().print(interactions_table(entries, names, dates.now()))


def partner_profile(journal, who: str, *, as_json: bool) -> None:
    """Everything about one partner: profile, health, goals, traits, recent interactions."""
    from partnerlog import dates
    from partnerlog.models import complement_pairs

    [partner] = journal.named(who)
    now = dates.now()
    recent = journal.interactions(partner_id=partner.id, limit=10)
    # Open goals, and the ones closed in the last 90 days.
    goals = journal.goals(partner_id=partner.id, closed_since=dates.iso(now - timedelta(days=90)))
    traits = journal.traits(partner_id=partner.id, active_only=False)
    pairs = complement_pairs(journal.traits(active_only=False), only=partner.handle)
    [verdict] = verdicts(journal, now, 90, partner_id=partner.id)
    if as_json:
        from partnerlog.output import print_json

        print_json(
            {
                **partner.to_json(),
                "health": {**verdict.to_json(), "pillar_reasons": verdict.pillar_reasons},
                "goals": [g.to_json() for g in goals],
                "traits": [t.to_json() for t in traits],
                "complement": [p.to_json() for p in pairs],
                "recent": [i.to_json() for i in recent],
            }
        )
        return
    from partnerlog.render import console, show_partner

    names = {p.handle: p.name for p in journal.partners(include_archived=True)}
    console().print(
        show_partner(
            partner, recent, names, now, goals=goals, traits=traits, pairs=pairs, verdict=verdict
        )
    )


def partner_completions(db, incomplete: str) -> list[tuple[str, str]]:
    """(value, name) completions for a WHO argument; "sari,b" completes to "sari,budi".

    The name is shown beside the value by zsh and fish: on one line, with
    control characters made visible."""
    from partnerlog.domain import visible
    from partnerlog.paths import journal_location
    from partnerlog.store import complete_handles

    *done, current = incomplete.split(",")
    prefix = ",".join(done) + ("," if done else "")
    return [
        (prefix + handle, visible(name, one_line=True))
        for handle, name in complete_handles(journal_location(db), current)
    ]
