"""The quick path: `partnerlog log …` and `partnerlog due …` as fast as Python starts.

The console script enters here. For the common forms of `log` and `due` it
parses argv itself, from the same option specs as the Typer commands
(`partnerlog.options`), and runs the same code they run (`record` and
`due_report` below), without importing Typer, Rich, sqlite-utils or dateparser.
Everything else (help, completion, an option it does not know, any other
command) goes to the full Typer app, so users see one program.
"""

import os
import sys

from partnerlog import options


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    plan = None if "_PARTNERLOG_COMPLETE" in os.environ else _plan(args)
    if plan is None:
        from partnerlog.cli import main as full_app

        return full_app(args)
    run, db, values, positionals = plan
    from partnerlog.output import crash, exit_code_for

    try:
        return run(db, values, positionals)
    except BaseException as error:  # the same error boundary as the full app
        if isinstance(error, SystemExit):
            raise
        code = exit_code_for(error)
        return crash(error) if code is None else code


# -- the commands ----------------------------------------------------------------


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
        find_partner,
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
    everyone = journal.partners(include_archived=True)
    partners = []
    for name in names:
        partner = find_partner(everyone, name)
        if partner.id not in {p.id for p in partners}:
            partners.append(partner)
    text = read_note(words)
    skipped = []
    for mention in mentions(text):
        try:
            extra = find_partner(everyone, mention)
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
    from datetime import datetime

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


def _open(db):
    from partnerlog.paths import journal_location
    from partnerlog.store import Journal

    return Journal.open(journal_location(db))


def _run_log(db, values, positionals) -> int:
    journal = _open(db)
    try:
        tone = values["tone"]
        logged = record(
            journal,
            positionals[0],
            positionals[1:],
            kind=values["kind"],
            when=values["when"],
            tone=int(tone) if tone is not None else None,
            where=values["where"],
            pillar=values["pillar"],
            benefit=values["benefit"],
            tag=values["tag"],
            private=values["private"],
        )
    finally:
        journal.close()
    report_logged(logged, values["json"])
    return 0


def _run_due(db, values, positionals) -> int:
    journal = _open(db)
    try:
        return due_report(journal, exit_code=values["exit_code"], as_json=values["json"])
    finally:
        journal.close()


# -- parsing argv ------------------------------------------------------------------


def _plan(args: list[str]):
    """(command, --db, option values, positionals), or None to let Typer handle it."""
    db = None
    while args and args[0].startswith("-"):
        if args[0] in options.DB.flags and len(args) > 1:
            db, args = args[1], args[2:]
        elif args[0].startswith("--db="):
            db, args = args[0][len("--db=") :], args[1:]
        else:
            return None  # --help, --version, …
    if db is not None and not db:
        return None
    if not args:
        return None
    command, rest = args[0], args[1:]
    if command == "log":
        parsed = _parse(rest, options.LOG)
        if parsed is None or not parsed[1]:
            return None
        tone = parsed[0]["tone"]
        if tone is not None and not _is_int(tone):
            return None  # Typer explains what it expected
        return _run_log, db, parsed[0], parsed[1]
    if command == "due":
        parsed = _parse(rest, options.DUE)
        if parsed is None or parsed[1]:
            return None
        return _run_due, db, parsed[0], parsed[1]
    return None


def _parse(args: list[str], spec: dict):
    """Options and positionals the way Click reads them, or None for anything unusual."""
    by_flag = {flag: (name, opt) for name, opt in spec.items() for flag in opt.flags}
    values = {
        name: [] if opt.multiple else (None if opt.takes_value else False)
        for name, opt in spec.items()
    }
    positionals: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if arg == "--":
            positionals.extend(args[index:])
            break
        if arg == "-" or not arg.startswith("-"):
            positionals.append(arg)
            continue
        if arg.startswith("--"):
            flag, has_value, attached = arg.partition("=")
        elif len(arg) > 2:  # -klunch
            flag, has_value, attached = arg[:2], "=", arg[2:]
        else:
            flag, has_value, attached = arg, "", ""
        if flag not in by_flag:
            return None  # --help, an unknown option: Typer says what to do
        name, opt = by_flag[flag]
        if not opt.takes_value:
            if has_value:
                return None
            values[name] = True
            continue
        if has_value:
            value = attached
        elif index < len(args):
            value = args[index]
            index += 1
        else:
            return None
        if opt.multiple:
            values[name].append(value)
        else:
            values[name] = value
    return values, positionals


def _is_int(text: str) -> bool:
    try:
        int(text)
    except ValueError:
        return False
    return True
