"""The quick path: `partnerlog log …` and the other everyday commands, as fast as Python starts.

The console script enters here. For the common forms of `log`, `due`,
`timeline`, `summary` and `partner show` it parses argv itself, from the same
option specs as the Typer commands (`partnerlog.options`), and runs the same
code they run (`partnerlog.commands`), without importing Typer, sqlite-utils or
dateparser (and Rich only to draw a table).
Everything else (help, completion, an option it does not know, any other
command) goes to the full Typer app, so users see one program.
"""

import os
import sys

from partnerlog import options


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if "_PARTNERLOG_COMPLETE" in os.environ:
        code = _complete_quickly()
        if code is not None:
            return code
        plan = None
    else:
        plan = _plan(args)
    if plan is None:
        from partnerlog.cli import main as full_app

        return full_app(args)
    run, db, values, positionals = plan
    from partnerlog.output import crash, exit_code_for

    try:
        journal = _open(db)
        try:
            return run(journal, values, positionals)
        finally:
            journal.close()
    except BaseException as error:  # the same error boundary as the full app
        if isinstance(error, SystemExit):
            raise
        code = exit_code_for(error)
        return crash(error) if code is None else code


def _open(db):
    from partnerlog.paths import journal_location
    from partnerlog.store import Journal

    return Journal.open(journal_location(db))


def _run_log(journal, values, positionals) -> int:
    from partnerlog.commands import record, report_logged

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
    report_logged(logged, values["json"])
    return 0


def _run_due(journal, values, positionals) -> int:
    from partnerlog.commands import due_report

    return due_report(journal, exit_code=values["exit_code"], as_json=values["json"])


def _run_timeline(journal, values, positionals) -> int:
    from partnerlog.commands import timeline

    timeline(
        journal,
        positionals[0] if positionals else None,
        since=values["since"],
        until=values["until"],
        kind=values["kind"],
        tag=values["tag"],
        limit=int(values["limit"]) if values["limit"] is not None else 20,
        as_json=values["json"],
    )
    return 0


def _run_summary(journal, values, positionals) -> int:
    from partnerlog.commands import summary

    window = int(values["window"]) if values["window"] is not None else 90
    summary(journal, all_rows=values["all"], window=window, as_json=values["json"])
    return 0


def _run_partner_show(journal, values, positionals) -> int:
    from partnerlog.commands import partner_profile

    partner_profile(journal, positionals[0], as_json=values["json"])
    return 0


# The commands whose first argument is a partner (completed by the Typer app's
# `complete_partner`; a test keeps this list and the app in step).
PARTNER_FIRST = (
    ["log"], ["timeline"], ["complement"], ["report"], ["partner", "show"], ["partner", "edit"],
    ["partner", "archive"], ["goal", "add"], ["goal", "list"],
)  # fmt: skip


def _complete_quickly() -> int | None:
    """Completion of the partner a command names first (`partnerlog log sa<TAB>`), in
    bash, zsh and fish: the exit code, or None to let Typer answer.

    Typer's own completion loads the whole app (more than ten times Python's
    start-up); this common case answers from one small query, in the format
    Typer prints for each shell. One difference, on purpose: Typer renders the
    names shown beside handles (zsh, fish) as Rich markup, and here they print
    as typed.
    """
    shell = os.environ.get("_PARTNERLOG_COMPLETE", "").removeprefix("complete_")
    try:
        import shlex

        if shell == "bash":
            words = shlex.split(os.environ["COMP_WORDS"])
            position = int(os.environ["COMP_CWORD"])
            before = words[1:position]
            incomplete = words[position] if position < len(words) else ""
        elif shell in ("zsh", "fish"):
            line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
            before = shlex.split(line)[1:]
            incomplete = before.pop() if before and not line.endswith(" ") else ""
        else:
            return None
    except (KeyError, ValueError):
        return None  # an unfinished quote, say: Typer copes
    db = None
    if before[:1] == ["--db"] and len(before) >= 2:
        db, before = before[1], before[2:]
    if before not in PARTNER_FIRST or incomplete.startswith("-"):
        return None
    from partnerlog.commands import partner_completions

    found = partner_completions(db, incomplete)
    if shell == "bash":
        shown = "\n".join(value for value, _ in found)
    elif shell == "zsh":
        specs = "\n".join(f'"{_zsh_quote(value)}":"{_zsh_quote(name)}"' for value, name in found)
        shown = f"_arguments '*: :(({specs}))'" if found else "_files"
    else:
        action = os.environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
        if action == "is-args":
            return 0 if found else 1  # fish asks: complete arguments, or files?
        shown = (
            "\n".join(f"{value}\t{name}" for value, name in found) if action == "get-args" else ""
        )
    sys.stdout.write(shown + "\n")
    return 0


def _zsh_quote(text: str) -> str:
    """Text inside one of zsh's "value":"description" specs (the quoting Typer uses)."""
    for char, quoted in (('"', '""'), ("'", "''"), ("$", "\\$"), ("`", "\\`"), (":", "\\\\:")):
        text = text.replace(char, quoted)
    return text


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
    if command == "partner" and rest[:1] == ["show"]:
        command, rest = "partner show", rest[1:]
    if command not in QUICK:
        return None
    run, spec, fewest, most, numbers = QUICK[command]
    parsed = _parse(rest, spec)
    if parsed is None:
        return None
    values, positionals = parsed
    if not fewest <= len(positionals) <= most:
        return None
    for name, (low, high) in numbers.items():
        if values[name] is not None and not _in_range(values[name], low, high):
            return None  # Typer explains what it expected
    return run, db, values, positionals


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


def _in_range(text: str, low: float, high: float) -> bool:
    try:
        return low <= int(text) <= high
    except ValueError:
        return False


INFINITY = float("inf")

# Quick commands: runner, option spec, fewest and most positionals, and the
# integer options with the range Typer accepts (anything else goes to Typer).
QUICK = {
    "log": (_run_log, options.LOG, 1, INFINITY, {"tone": (-INFINITY, INFINITY)}),
    "due": (_run_due, options.DUE, 0, 0, {}),
    "timeline": (_run_timeline, options.TIMELINE, 0, 1, {"limit": (-INFINITY, INFINITY)}),
    "summary": (_run_summary, options.SUMMARY, 0, 0, {"window": (1, 3650)}),
    "partner show": (_run_partner_show, options.PARTNER_SHOW, 1, 1, {}),
}
