"""The command line: one Typer sub-app per command group, joined here.

``main`` is the one exit point: it runs the app and turns every error into one
line on stderr and the documented exit code (0 ok, 1 error, 2 usage, 3 busy,
4 not a journal / corrupt, 5 newer version). No traceback reaches a user, and
an unexpected crash never prints what it was working on (notes are private).
"""

import sys
from pathlib import Path
from typing import Annotated

import typer

from partnerlog import __version__, options
from partnerlog.cli import (
    db,
    demo,
    entry,
    goal,
    log,
    partner,
    summary,
    timeline,
    trait,
    transfer,
)
from partnerlog.cli.state import State

app = typer.Typer(
    name="partnerlog",
    help="A journal for the people you work with: log, look back, and tend your partnerships.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"partnerlog {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db_path: Annotated[
        Path | None,
        typer.Option(*options.DB.flags, help=options.DB.help, dir_okay=False),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """A journal for the people you work with: log, look back, and tend your partnerships.

    Start with: partnerlog partner add "Sari Wulandari", then: partnerlog log sari "lunch".
    """
    ctx.obj = State(db_path)
    ctx.call_on_close(ctx.obj.close)


app.add_typer(partner.app, name="partner")
app.add_typer(goal.app, name="goal")
app.add_typer(trait.app, name="trait")
app.add_typer(entry.app, name="entry")
app.add_typer(db.app, name="db")
log.register(app)
summary.register(app)
timeline.register(app)
trait.register(app)
transfer.register(app)
entry.register(app)
demo.register(app)


def main(argv: list[str] | None = None) -> int:
    """Run the full app; return the exit code. (The console script enters through
    `partnerlog.quick.main`, which hands everything but quick logging to this.)"""
    from partnerlog.output import crash, exit_code_for, fail

    try:
        result = app(args=argv, prog_name="partnerlog", standalone_mode=False)
    except Exception as error:
        if hasattr(error, "format_message") and hasattr(error, "exit_code"):
            return _usage(error)
        if type(error).__name__ == "Abort":
            return fail("aborted; nothing was changed", 1)
        code = exit_code_for(error)
        return crash(error) if code is None else code
    except KeyboardInterrupt as error:
        return exit_code_for(error)
    finally:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            from partnerlog.output import silence_stdout

            silence_stdout()
    return result if isinstance(result, int) else 0


def _usage(error) -> int:
    """Typer's own usage errors (unknown option, missing argument) as one line."""
    if type(error).__name__ == "NoArgsIsHelpError":
        # Help was asked for by giving no arguments: show it, and that is success.
        message = error.format_message()
        if message.strip():
            print(message)
        return 0
    context = getattr(error, "ctx", None)
    command = context.command_path if context is not None else "partnerlog"
    hint = f" (see: {command} --help)" if error.exit_code == 2 else ""
    print(f"{command}: {error.format_message()}{hint}", file=sys.stderr)
    return error.exit_code
