"""The Typer app, generated from the command specs (`partnerlog.spec`): it draws
``--help`` and answers shell completion.

Every command line is read by `partnerlog.spec.argv`; this app parses one
only when asked to (the tests compare the two), converting each value through
the same `argv.convert`, and a usage mistake it meets is said in the one
parser's words. Its callbacks hand the parsed values back; the command then
runs in `partnerlog.runner`, inside the one error boundary (`errors.guarded`).
"""

import inspect
from typing import Annotated

import typer

from partnerlog import __version__, spec
from partnerlog.cli.completion import completer
from partnerlog.errors import UsageError
from partnerlog.i18n import _, language
from partnerlog.spec import argv
from partnerlog.spec.help import help_text, summary


def _plain_arguments() -> None:
    """Arguments as a person writes them in help: `WHO [NOTE]...`, not `{WHO}` and
    `WHO <str>` as Typer 0.29 prints them. Only where that Typer's hooks exist."""
    from typer import core

    argument = getattr(core, "TyperArgument", None)
    if argument is None or not hasattr(argument, "_usage_display_name"):
        return

    def usage_name(self) -> str:
        name = self.metavar or (self.name or "").upper()
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")

    argument._usage_display_name = usage_name
    if hasattr(argument, "display_type_rich"):
        argument.display_type_rich = lambda self, ctx: None


_plain_arguments()


def _version(value: bool) -> None:
    if value:
        print(f"partnerlog {__version__}")
        raise typer.Exit()


def _build_root(app: typer.Typer) -> None:
    def root(**values) -> None:
        """The root's options (`spec.ROOT`); the help is the app's."""

    version = inspect.Parameter(
        "version",
        inspect.Parameter.KEYWORD_ONLY,
        annotation=Annotated[
            bool,
            typer.Option(
                argv.VERSION_FLAG, callback=_version, is_eager=True, help=_("Show the version.")
            ),
        ],
        default=False,
    )
    parameters = [_typer_parameter(param) for param in spec.ROOT] + [version]
    root.__signature__ = inspect.Signature(parameters)
    root.__annotations__ = {p.name: p.annotation for p in parameters}
    app.callback()(root)


def _typer_parameter(param: spec.Param) -> inspect.Parameter:
    """One spec parameter as a Typer-annotated function parameter."""
    base = {"int": int, "flag": bool, "switch": bool}.get(param.kind, str)
    annotation = list[base] if param.multiple else base
    extra = {}
    if param.takes_value:
        # Values are converted as the one parser converts them (`spec.argv`).
        extra["parser"] = lambda text: argv.convert(param, text)
    autocompletion = completer(param)
    if autocompletion is not None:
        extra["autocompletion"] = autocompletion
    if param.metavar:
        extra["metavar"] = param.metavar
    elif not param.is_argument:
        # What a person would write, not Python's type ("<int range>", "<list[str]>").
        extra["metavar"] = _option_metavar(param)
    if param.is_argument:
        info = typer.Argument(help=_(param.help), show_default=False, **extra)
    else:
        flags = param.flags
        if param.kind == "switch":
            flags = (f"{flags[0]}/{param.off_flag}", *flags[1:])
        info = typer.Option(*flags, help=_(param.help) + _range(param), **extra)
    if param.kind == "flag":
        default = param.default
    elif param.required:
        default = inspect.Parameter.empty
    else:
        annotation = annotation | None
        default = param.default
    return inspect.Parameter(
        param.name,
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
        annotation=Annotated[annotation, info],
        default=default,
    )


def _range(param: spec.Param) -> str:
    """A number's range after its help, as Typer shows one: "  [1<=x<=3650]"."""
    if param.low is None and param.high is None:
        return ""
    low = "" if param.low is None else f"{param.low}<="
    high = "" if param.high is None else f"<={param.high}"
    return f"  [{low}x{high}]"


def _option_metavar(param: spec.Param) -> str:
    if param.kind in ("flag", "switch"):
        return ""
    if param.choices:
        return "|".join(param.choices) if len(param.choices) <= 3 else param.name.upper()
    if param.kind == "int":
        return "N"
    if param.kind == "path":
        return "FILE"
    return param.name.upper().replace("_", "-")


def _adapter(command: spec.Command):
    """A Typer callback for ``command`` that returns (command, values, --db)."""

    def callback(ctx: typer.Context, **values):
        for param in command.params:
            if param.multiple:
                values[param.name] = list(values[param.name] or [])
        return command, values, ctx.find_root().params.get("db")

    parameters = [
        inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    ] + [_typer_parameter(param) for param in command.params]
    callback.__signature__ = inspect.Signature(parameters)
    callback.__annotations__ = {p.name: p.annotation for p in parameters}
    callback.__name__ = "_".join(command.path)
    callback.__doc__ = help_text(command)
    return callback


def _build(app: typer.Typer) -> None:
    groups: dict[str, typer.Typer] = {}
    for name, help in spec.GROUPS.items():  # a group inside another comes after it
        groups[name] = typer.Typer(
            help=_(help), short_help=summary(_(help)), no_args_is_help=True, rich_markup_mode=None
        )
        *outer, last = name.split()
        (groups[" ".join(outer)] if outer else app).add_typer(groups[name], name=last)
    for command in spec.COMMANDS:
        parent = groups[" ".join(command.path[:-1])] if len(command.path) > 1 else app
        parent.command(command.path[-1], short_help=summary(_(command.help)))(_adapter(command))


# The app in each language it has been asked for (one process, several languages:
# the tests); its help is translated when it is built.
_apps: dict[str, typer.Typer] = {}


def app_for(language: str) -> typer.Typer:
    """The Typer app, its help in ``language`` (the one chosen, when built)."""
    if language not in _apps:
        app = typer.Typer(
            name="partnerlog",
            help=_(spec.ROOT_HELP),
            no_args_is_help=True,
            pretty_exceptions_enable=False,
            # Plain help, as a person would write it: no Python types ("<list[str]>")
            # or braces beside the names, on any supported Typer.
            rich_markup_mode=None,
            context_settings={"help_option_names": ["-h", "--help"]},
        )
        _build_root(app)
        _build(app)
        _apps[language] = app
    return _apps[language]


def rebuild() -> None:
    """Build the apps anew from the spec (a test that changes a default)."""
    _apps.clear()


def parse(args: list[str]):
    """Parse ``args`` with the Typer app: (command, values, --db) to run, or the exit
    code when Typer has answered by itself (help, --version, a usage error)."""
    try:
        app = app_for(language())
        result = app(args=args, prog_name="partnerlog", standalone_mode=False)
    except Exception as error:
        if isinstance(error, UsageError) or (
            hasattr(error, "format_message") and hasattr(error, "exit_code")
        ):
            return _usage(error, args)
        if type(error).__name__ == "Abort":
            from partnerlog.errors import fail

            return fail("aborted; nothing was changed", 1)
        raise
    if isinstance(result, tuple):
        return result
    return result if isinstance(result, int) else 0


def _usage(error, args: list[str]) -> int:
    """A usage error, said as the one parser (`spec.argv`) says it."""
    from partnerlog.errors import fail

    if type(error).__name__ == "NoArgsIsHelpError":
        # Help was asked for by giving no arguments: show it, and that is success.
        message = error.format_message()
        if message.strip():
            print(message)
        return 0
    try:
        argv.read(args)
    except UsageError as explained:
        return fail(explained.message, explained.exit_code)
    # Typer refused what the one parser accepts: still one line, one prefix.
    message = error.message if isinstance(error, UsageError) else error.format_message()
    return fail(message, getattr(error, "exit_code", UsageError.exit_code))
