"""`partnerlog db path|check|backup`: the journal file itself."""

from pathlib import Path
from typing import Annotated

import typer

from partnerlog.cli.state import state

app = typer.Typer(
    help="Where the journal is, whether it is sound, and copies of it.", no_args_is_help=True
)


@app.command("path")
def path(ctx: typer.Context) -> None:
    """Print where the journal file is (it may not exist yet).

    Example: sqlite-utils tables "$(partnerlog db path)"
    """
    print(state(ctx).path)


@app.command("check")
def check(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Check the file's integrity, foreign keys and schema; exit 1 if anything is wrong.

    Example: partnerlog db check
    """
    report = state(ctx).journal().check()
    if json:
        from partnerlog.output import print_json

        print_json(report)
    else:
        counts = ", ".join(f"{n} {table}" for table, n in report["counts"].items())
        integrity = report["integrity"]
        problems = report["foreign_key_problems"]
        lines = [
            ("journal", report["path"]),
            ("integrity", "ok" if integrity == ["ok"] else "; ".join(integrity)),
            ("foreign keys", "ok" if not problems else f"{problems} broken references"),
            (
                "schema",
                f"{len(report['migrations_applied'])} migrations applied, "
                f"{len(report['migrations_pending'])} pending",
            ),
            ("mode", report["journal_mode"]),
            ("contents", counts),
        ]
        lines = [f"{label + ':':<14}{value}" for label, value in lines]
        print("\n".join(lines))
    if not report["ok"]:
        raise typer.Exit(1)


@app.command("backup")
def backup(
    ctx: typer.Context,
    destination: Annotated[
        Path | None,
        typer.Argument(help="Where to write the copy (default: beside the journal, dated)."),
    ] = None,
) -> None:
    """Write a consistent copy of the journal (SQLite's backup API), readable only by you.

    Example: partnerlog db backup ~/partnerlog-2026-11-28.db
    """
    from partnerlog import dates

    journal = state(ctx).journal()
    source = Path(journal.path)
    if destination is None:
        stamp = dates.now().strftime("%Y%m%d-%H%M%S")
        destination = source.with_name(f"{source.stem}-backup-{stamp}.db")
    destination = destination.expanduser()
    if destination.is_dir():
        destination = destination / f"{source.stem}-backup.db"
    if destination.resolve() == source.resolve():
        from partnerlog.errors import UsageError

        raise UsageError("the backup cannot be the journal itself; choose another file")
    journal.backup(destination)
    typer.echo(f"Backed up {source} to {destination}", err=True)
