"""Reading a command line from the spec: the one parser every command goes through.

`read` turns argv into (command, values, --db) with the spec's flags, arity,
types, ranges and choices; `convert` turns one value into its parameter's
type, and the Typer app (`partnerlog.cli`) converts through it too, so both
read a value alike. A mistake is a `UsageError` in one shape, translated:
``partnerlog: <what is wrong> (see: partnerlog <command> --help)``, exit 2.

What only Typer does well is left to it: `read` returns None for help (``-h``,
``--help``, a group or the program named alone) and for installing completion.
Cheap to import: no Typer, no Rich, no sqlite-utils.
"""

from partnerlog import spec
from partnerlog.errors import UsageError
from partnerlog.i18n import _

HELP_FLAGS = ("-h", "--help")
VERSION_FLAG = "--version"
# The root options Typer itself adds: it answers them.
TYPER_ROOT_FLAGS = ("--install-completion", "--show-completion")


def problem(message: str, path: tuple[str, ...] = ()) -> UsageError:
    """A usage mistake, pointing at the help of the command it concerns."""
    where = " ".join(("partnerlog", *path))
    return UsageError(_("{message} (see: {where} --help)").format(message=message, where=where))


def root_options(args: list[str], *, strict: bool = True) -> tuple[dict, list[str] | None]:
    """(the root options given before the command, the arguments after them).

    The arguments are None when what comes first is for Typer to answer (help,
    completion set-up) or no command is named; ``{"version": True}`` is found
    for ``--version``. Not ``strict``: a mistake ends the reading instead of
    raising (the options before it are what `--lang` needs).
    """
    by_flag = {flag: param for param in spec.ROOT for flag in param.flags}
    found: dict = {}
    while args and args[0].startswith("-") and args[0] != "-":
        if args[0] == "--":  # the options end here: the command comes next
            args = args[1:]
            break
        flag, has_value, value = args[0].partition("=")
        if flag == VERSION_FLAG and not has_value:
            found["version"] = True
            return found, args[1:]
        if flag in HELP_FLAGS or flag in TYPER_ROOT_FLAGS:
            return found, None
        param = by_flag.get(flag)
        message = None
        if param is None:
            message = _unknown_option(flag, list(by_flag) + [VERSION_FLAG])
        elif not has_value and len(args) < 2:
            message = _("{flag} needs a value").format(flag=flag)
        else:
            if not has_value:
                value, args = args[1], args[1:]
            try:
                found[param.name] = convert(param, value, flag)
            except UsageError as error:
                message = error.message
        if message is not None:
            if not strict:
                return found, None
            raise problem(message)
        args = args[1:]
    return found, (args or None)


class HelpAsked:
    """``--help`` (or a group named alone) for the command or group at ``path``."""

    __slots__ = ("path",)

    def __init__(self, path: tuple[str, ...]) -> None:
        self.path = path


def read(args: list[str]):
    """(command, values, --db) for ``args``; "version"; a `HelpAsked`; or None when
    Typer should answer (completion set-up). Raises `UsageError` for a command
    line that does not fit."""
    options, rest = root_options(args)
    if options.get("version"):
        return "version"
    if rest is None:
        return None if any(a in TYPER_ROOT_FLAGS for a in args) else HelpAsked(())
    command, rest = _command(rest)
    if isinstance(command, HelpAsked):
        return command
    if _asks_for_help(rest):
        return HelpAsked(command.path)
    return command, _values(rest, command), options.get("db")


def _command(args: list[str]) -> tuple[spec.Command | HelpAsked, list[str]]:
    """The command ``args`` name and the arguments after its name; the help of a
    group named alone or with --help."""
    path: tuple[str, ...] = ()
    for index, word in enumerate(args):
        path += (word,)
        command = spec.BY_PATH.get(path)
        if command is not None:
            return command, args[index + 1 :]
        if " ".join(path) not in spec.GROUPS:
            inside = [p[-1] for p in spec.BY_PATH if p[:-1] == path[:-1]]
            inside += [g.split()[-1] for g in spec.GROUPS if tuple(g.split()[:-1]) == path[:-1]]
            if word.startswith("-") and word != "-":
                if word in HELP_FLAGS:
                    return HelpAsked(path[:-1]), []
                raise problem(_unknown_option(word, []), path[:-1])
            raise problem(
                _("no such command: {name}").format(name=word) + _near(word, inside), path[:-1]
            )
    return HelpAsked(path), []


def _asks_for_help(args: list[str]) -> bool:
    for arg in args:
        if arg == "--":
            return False
        if arg in HELP_FLAGS:
            return True
    return False


def _values(args: list[str], command: spec.Command) -> dict:
    """The values of ``command``'s parameters, read the way Click reads them."""
    by_flag = {}
    for param in command.params:
        for flag in param.flags:
            by_flag[flag] = (param, True)
        if param.off_flag:
            by_flag[param.off_flag] = (param, False)
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
            pairs = [(flag, has_value, attached)]
        else:
            pairs = _short_cluster(arg, by_flag)
        for flag, has_value, attached in pairs:
            found = by_flag.get(flag)
            if found is None:
                raise problem(_unknown_option(flag, list(by_flag), arg), command.path)
            param, on = found
            if not param.takes_value:
                if has_value:
                    raise problem(_("{flag} takes no value").format(flag=flag), command.path)
                values[param.name] = on
                continue
            if has_value:
                value = attached
            elif index < len(args):
                value, index = args[index], index + 1
            else:
                raise problem(_("{flag} needs a value").format(flag=flag), command.path)
            value = _converted(param, value, param.flags[0], command)
            if param.multiple:
                values[param.name].append(value)
            else:
                values[param.name] = value
    _place(positionals, command, values)
    return values


def _short_cluster(arg: str, by_flag: dict) -> list[tuple[str, str, str]]:
    """``-klunch`` is -k with "lunch"; ``-ye`` is -y and -e (as Click reads them)."""
    pairs = []
    for position in range(1, len(arg)):
        flag, rest = "-" + arg[position], arg[position + 1 :]
        found = by_flag.get(flag)
        if found is None or found[0].takes_value:
            pairs.append((flag, "=" if rest else "", rest))
            break
        pairs.append((flag, "", ""))
    return pairs


def _place(positionals: list[str], command: spec.Command, values: dict) -> None:
    """Give the positionals to the command's arguments in order (as Click does)."""
    arguments = [p for p in command.params if p.is_argument]
    for n, param in enumerate(arguments):
        if param.multiple:
            # A list takes what the arguments after it leave.
            count = max(0, len(positionals) - (len(arguments) - n - 1))
            taken, positionals = positionals[:count], positionals[count:]
        else:
            taken, positionals = positionals[:1], positionals[1:]
        if param.required and not taken:
            raise problem(_("missing {name}").format(name=_shown(param)), command.path)
        converted = [_converted(param, value, param.name, command) for value in taken]
        if param.multiple:
            values[param.name] = converted
        elif converted:
            values[param.name] = converted[0]
    if positionals:
        raise problem(
            _("unexpected extra argument: {argument}").format(argument=positionals[0]),
            command.path,
        )


def _converted(param: spec.Param, text: str, flag: str, command: spec.Command):
    try:
        return convert(param, text, flag)
    except UsageError as error:
        raise problem(error.message, command.path) from None


def _shown(param: spec.Param) -> str:
    return spec.value_name(param)


def convert(param: spec.Param, text: str, flag: str | None = None):
    """``text`` as ``param``'s type: a number in range, a known choice (its whole
    name), or the text. Raises `UsageError` saying what was wanted."""
    if not isinstance(text, str):
        return text  # a default, already what it should be
    flag = flag or (param.flags[0] if param.flags else param.name)
    if param.kind == "path" and not text.strip():
        # `--db "$JOURNAL"` with the variable unset: never a file, and taken for
        # "not given" it would quietly use another journal.
        raise UsageError(_("{flag} needs a file name, not an empty one").format(flag=flag))
    if param.kind == "int":
        try:
            number = int(text.strip())  # full-width digits (３) are digits too
        except ValueError:
            raise UsageError(
                _("{flag} needs a whole number, not {text!r}").format(flag=flag, text=text)
            ) from None
        if (param.low is not None and number < param.low) or (
            param.high is not None and number > param.high
        ):
            raise UsageError(
                _("{flag} {number} is out of range; use {low} to {high}").format(
                    flag=flag, number=number, low=param.low, high=param.high
                )
            )
        return number
    if param.choices:
        from partnerlog.core.vocabulary import choose, split_list

        items = split_list([text]) if param.multiple else [text.strip()]
        if not items:
            raise UsageError(
                _("{option} needs one of: {value}").format(
                    option=flag, value=", ".join(param.choices)
                )
            )
        chosen = choose(items, param.choices, flag)
        if not param.multiple and len(chosen) != 1:
            raise UsageError(
                _("{option} needs one of: {value}").format(
                    option=flag, value=", ".join(param.choices)
                )
            )
        return ",".join(chosen)
    return text


def _unknown_option(flag: str, known: list[str], arg: str | None = None) -> str:
    if arg is not None and (arg[1:2].isdigit() or arg[1:2] in ".%$"):
        # "-30% on the deal" is text: after --, nothing is an option.
        return _("no such option: {flag}; text that starts with '-' goes after --").format(flag=arg)
    message = _("no such option: {flag}").format(flag=flag)
    return message + _near(flag, [k for k in known if k.startswith("--")])


def _near(word: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return "; " + _("did you mean {word}?").format(word=close[0]) if close else ""
