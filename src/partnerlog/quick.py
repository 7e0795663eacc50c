"""The console script: one entry, one error boundary, one parser.

Every command line is read from the spec by `partnerlog.spec.argv` and run by
`partnerlog.runner`, without importing Typer (nor sqlite-utils or dateparser
unless the command needs them, nor Rich unless it draws for a terminal).
Typer answers only what it does well: help, and shell completion beyond the
partner a command names first. Either way the command runs inside
`errors.guarded`.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    pass


def main(argv: list[str] | None = None, *, quick: bool = True) -> int:
    """Run partnerlog with ``argv`` (default: the process's); return the exit code.

    ``quick=False`` parses with the Typer app instead (the tests compare the two).
    """
    args = sys.argv[1:] if argv is None else list(argv)
    if args == ["--version"] and quick:
        return _version()  # (needs nothing else: answered before anything is imported)
    try:
        # Inside the function: a Ctrl-C while partnerlog loads is answered too.
        from partnerlog import errors
    except KeyboardInterrupt:
        sys.stderr.write("partnerlog: interrupted; nothing was changed\n")
        return 130
    for stream in (sys.stdout, sys.stderr):
        # A terminal whose encoding lacks a character (LC_ALL=…ISO-8859-1) shows
        # a replacement for it rather than ending the command.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    return errors.guarded(lambda: _dispatch(args, quick))


def _dispatch(args: list[str], quick: bool) -> int:
    from partnerlog import i18n, runner

    i18n.choose(_language(args))
    if "_PARTNERLOG_COMPLETE" in os.environ:
        code = _complete_quickly()
        if code is not None:
            return code
        plan = None
    elif quick:
        from partnerlog.spec import argv

        plan = argv.read(args)
        if plan == "version":
            return _version()
        if isinstance(plan, argv.HelpAsked):
            from partnerlog.spec.help import render

            sys.stdout.write(render(plan.path))
            return 0
    else:
        plan = None
    if plan is None:
        from partnerlog.cli import parse

        plan = parse(args)
        if isinstance(plan, int):
            return plan  # help, --version, a usage error: Typer has answered
    command, values, db = plan
    return runner.run(command, values, db)


def _version() -> int:
    from partnerlog import __version__

    sys.stdout.write(f"partnerlog {__version__}\n")
    return 0


# -- completion ------------------------------------------------------------------------


def _complete_quickly() -> int | None:
    """Completion of the partner a command names first (`partnerlog log sa<TAB>`), in
    bash, zsh and fish: the exit code, or None to let Typer answer.

    Typer's own completion loads the whole app (more than ten times Python's
    start-up); this common case answers from one small query, in the format
    Typer prints for each shell. One difference, on purpose: Typer renders the
    names shown beside handles (zsh, fish) as Rich markup, and here they print
    as typed.
    """
    from partnerlog import spec

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
    from partnerlog.spec.argv import root_options

    try:
        options, before = root_options(before)
    except Exception:
        return None  # an unfinished root option: Typer copes
    db = options.get("db")
    if before is None or before not in spec.partner_first() or incomplete.startswith("-"):
        return None
    from partnerlog.app.completion import partner_completions

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


def _language(args: list[str]) -> str | None:
    """The --lang given before the command, if any (read before anything is said)."""
    from partnerlog.spec.argv import root_options

    return root_options(args, strict=False)[0].get("lang")
