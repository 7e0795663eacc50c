"""The console script: one entry, one error boundary, and a quick path for the everyday commands.

For the common forms of the commands the spec marks ``quick`` (`log`, `due`,
`timeline`, `summary`, `partner show`) it parses argv itself, from the same
declarations as the Typer app (`partnerlog.spec`), and runs the same code
(`partnerlog.runner`), without importing Typer, sqlite-utils or dateparser
(and Rich only to draw a table). Everything else (help, completion, an option
it does not know, any other command) goes to the Typer app, so users see one
program. Either way the command runs inside `errors.guarded`.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from partnerlog import spec


def main(argv: list[str] | None = None, *, quick: bool = True) -> int:
    """Run partnerlog with ``argv`` (default: the process's); return the exit code.

    ``quick=False`` parses with the Typer app even where the quick path could
    (the tests compare the two).
    """
    try:
        # Inside the function: a Ctrl-C while partnerlog loads is answered too.
        from partnerlog import errors
    except KeyboardInterrupt:
        sys.stderr.write("partnerlog: interrupted; nothing was changed\n")
        return 130
    args = sys.argv[1:] if argv is None else list(argv)
    for stream in (sys.stdout, sys.stderr):
        # A terminal whose encoding lacks a character (LC_ALL=…ISO-8859-1) shows
        # a replacement for it rather than ending the command.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    return errors.guarded(lambda: _dispatch(args, quick))


def _dispatch(args: list[str], quick: bool) -> int:
    from partnerlog import i18n, runner

    i18n.choose(_root_options(args)[0].get("lang"))
    if "_PARTNERLOG_COMPLETE" in os.environ:
        code = _complete_quickly()
        if code is not None:
            return code
        plan = None
    else:
        plan = _plan(args) if quick else None
    if plan is None:
        cli = sys.modules.get("partnerlog.cli")
        if cli is not None and i18n.language() != cli.LANGUAGE:
            import importlib  # one process, another language (the tests): help anew

            importlib.reload(cli)
        from partnerlog.cli import parse

        plan = parse(args)
        if isinstance(plan, int):
            return plan  # help, --version, a usage error: Typer has answered
    command, values, db = plan
    return runner.run(command, values, db)


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
    db = None
    if before[:1] == list(spec.DB.flags[:1]) and len(before) >= 2:
        db, before = before[1], before[2:]
    if before not in spec.partner_first() or incomplete.startswith("-"):
        return None
    from partnerlog.present.completion import partner_completions

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


# -- parsing argv ----------------------------------------------------------------------


def _plan(args: list[str]):
    """(command, values, --db), or None to let Typer handle it."""
    from partnerlog import spec

    options, args = _root_options(args)
    db = options.get("db")
    if args is None or not args or db == "":
        return None  # --help, --version, `--db ""`…: Typer answers
    command = spec.BY_PATH.get(tuple(args[:2])) or spec.BY_PATH.get(tuple(args[:1]))
    if command is None or not command.quick:
        return None
    values = _parse(args[len(command.path) :], command)
    return None if values is None else (command, values, db)


def _parse(args: list[str], command: spec.Command) -> dict | None:
    """The values of ``command``'s parameters the way Typer reads them, or None for
    anything unusual (Typer then parses, and explains what it expected)."""
    by_flag = {flag: p for p in command.params for flag in p.flags}
    values: dict = {p.name: [] if p.multiple else p.default for p in command.params}
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
        param = by_flag.get(flag)
        if param is None or param.kind == "switch":
            return None  # --help, an unknown option: Typer says what to do
        if not param.takes_value:
            if has_value:
                return None
            values[param.name] = True
            continue
        if has_value:
            value = attached
        elif index < len(args):
            value = args[index]
            index += 1
        else:
            return None
        value = _convert(param, value)
        if value is None:
            return None
        if param.multiple:
            values[param.name].append(value)
        else:
            values[param.name] = value
    return values if _place(positionals, command, values) else None


def _place(positionals: list[str], command: spec.Command, values: dict) -> bool:
    """Give the positionals to the command's arguments in order; False if they do not fit."""
    arguments = [p for p in command.params if p.is_argument]
    for n, param in enumerate(arguments):
        if param.multiple:
            # A list takes what the arguments after it leave (Click does the same).
            count = max(0, len(positionals) - (len(arguments) - n - 1))
            taken, positionals = positionals[:count], positionals[count:]
        else:
            taken, positionals = positionals[:1], positionals[1:]
        if param.required and not taken:
            return False
        converted = [_convert(param, value) for value in taken]
        if None in converted:
            return False
        if param.multiple:
            values[param.name] = converted
        elif converted:
            values[param.name] = converted[0]
    return not positionals


# The options given before the command, by flag (the Typer app declares them too).
ROOT_OPTIONS = {"--db": "db", "--lang": "lang"}


def _root_options(args: list[str]) -> tuple[dict[str, str], list[str] | None]:
    """(the root options given before the command, the arguments after them); the
    arguments are None when another option comes first (--help, --version…)."""
    found: dict[str, str] = {}
    while args and args[0].startswith("-"):
        flag, has_value, value = args[0].partition("=")
        name = ROOT_OPTIONS.get(flag)
        if name is None or (not has_value and len(args) < 2):
            return found, None
        found[name], args = (value, args[1:]) if has_value else (args[1], args[2:])
    return found, args


def _convert(param: spec.Param, text: str):
    """A value as its parameter's type, or None when Typer should explain the problem."""
    if param.kind != "int":
        return text
    try:
        number = int(text)
    except ValueError:
        return None
    if (param.low is not None and number < param.low) or (
        param.high is not None and number > param.high
    ):
        return None
    return number
