"""`partnerlog report`, `export` and `import`: what leaves and enters the journal."""

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from partnerlog.cli.state import complete_partner, partner_named, state
from partnerlog.commands import verdicts
from partnerlog.errors import NewerJournal, PartnerlogError, UsageError


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.command("export")(export)
    app.command("import")(import_)


Output = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]


def report(
    ctx: typer.Context,
    who: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="WHO",
            help="Partners to report on (default: every active one).",
            autocompletion=complete_partner,
        ),
    ] = None,
    output: Output = None,
    since: Annotated[
        str | None, typer.Option("--since", help="First day of interactions (default 90 days ago).")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day (default today).")] = None,
    include_private: Annotated[
        bool, typer.Option("--include-private", help="Include entries logged --private.")
    ] = False,
    charts: Annotated[
        bool, typer.Option("--charts", help="Add Mermaid charts (rendered by GitHub).")
    ] = False,
) -> None:
    """A markdown report: overview, then each partner's health, goals, traits and interactions.

    One partner makes a 1:1 prep sheet. Example: partnerlog report sari -o sari.md
    """
    from datetime import timedelta

    from partnerlog import dates, export

    now = dates.now()
    first = dates.parse_day(since, now) if since else (now - timedelta(days=90)).date()
    last = dates.parse_day(until, now) if until else now.date()
    if first > last:
        raise UsageError(f"--since {first} is after --until {last}")
    journal = state(ctx).journal()
    if who:
        chosen = []
        for name in who:
            partner = partner_named(journal, name)
            if partner.handle not in {v.handle for v in chosen}:
                chosen += verdicts(journal, now, 90, partner_id=partner.id)
    else:
        chosen = verdicts(journal, now, 90)
    if not chosen:
        raise PartnerlogError("no partners to report on; add one with: partnerlog partner add NAME")
    chunks = export.report(
        journal,
        verdicts=chosen,
        since=first,
        until=last,
        now=now,
        include_private=include_private,
        charts=charts,
    )
    from partnerlog.models import plural

    emit(chunks, output, f"Wrote a report of {plural(len(chosen), 'partnership')} to {output}")


def export(
    ctx: typer.Context,
    format: Annotated[str, typer.Option("--format", "-f", help="json (default) or csv.")] = "json",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File for json (default stdout); folder for csv."),
    ] = None,
    exclude_private: Annotated[
        bool, typer.Option("--exclude-private", help="Leave out entries logged --private.")
    ] = False,
) -> None:
    """Export the whole journal, losslessly: JSON (to import elsewhere) or one CSV per table.

    Example: partnerlog export -o partnerlog.json
    """
    exporter = EXPORTERS.get(format.lower())
    if exporter is None:
        raise UsageError(f"--format {format!r} is not one of: {', '.join(EXPORTERS)}")
    journal = state(ctx).journal()
    exporter(journal, output, not exclude_private)


def export_json(journal, output: Path | None, include_private: bool) -> None:
    from partnerlog import dates, export

    chunks = export.json_export(journal, dates.iso(dates.now()), include_private=include_private)
    emit(chunks, output, f"Exported the journal to {output}")


def emit(chunks, output: Path | None, done: str) -> None:
    """Text chunks to stdout, or to ``output`` (whole, 0600) and then say ``done``."""
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        return
    from partnerlog import paths

    paths.write_private(output.expanduser(), chunks)
    typer.echo(done, err=True)


def export_csv(journal, output: Path | None, include_private: bool) -> None:
    from partnerlog import export, paths
    from partnerlog.store import EXPORT_TABLES

    if output is None:
        raise UsageError("--format csv writes one file per table: give a folder with -o DIR")
    folder = output.expanduser()
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file; -o needs a folder for CSV")
    paths.ensure_private_folder(folder)
    for table in EXPORT_TABLES:
        columns, rows = journal.table_rows(table)
        if not include_private:
            rows = journal.public_rows(table, columns, rows)
        paths.write_private(folder / f"{table}.csv", export.csv_table(columns, rows))
    typer.echo(f"Exported {len(EXPORT_TABLES)} tables as CSV to {folder}", err=True)


# Exporters by format name.
EXPORTERS = {"json": export_json, "csv": export_csv}


def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A JSON export ('-' for stdin).")],
    json_output: Annotated[
        bool, typer.Option("--json", help="Print what happened as JSON.")
    ] = False,
) -> None:
    """Merge a JSON export into this journal; importing the same file twice adds nothing.

    Example: partnerlog import partnerlog.json
    """
    from partnerlog import export

    text = _read(file)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise PartnerlogError(
            f"{file} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}); "
            "nothing was imported"
        ) from None
    try:
        export.validate(document)
    except export.ImportProblem as problem:
        error_type = NewerJournal if problem.newer else PartnerlogError
        raise error_type(f"{file}: {problem.message}; nothing was imported") from None
    journal = state(ctx).journal(create=True)
    with journal.transaction():
        result = journal.import_document(document)
    if json_output:
        from partnerlog.output import print_json

        print_json(result)
        return
    from partnerlog.models import plural

    nouns = {"partners": "partner", "interactions": "interaction", "goals": "goal"}
    nouns |= {"check_ins": "check-in", "traits": "trait"}

    def counted(counts: dict) -> str:
        return ", ".join(plural(n, nouns[key]) for key, n in counts.items() if n)

    if any(result["added"].values()):
        typer.echo(f"Imported {counted(result['added'])}.", err=True)
    else:
        typer.echo("Nothing new to import.", err=True)
    if any(result["skipped"].values()):
        typer.echo(f"Already here, skipped: {counted(result['skipped'])}.", err=True)
    for note in result["notes"]:
        typer.echo(f"Note: {note}.", err=True)


def _read(file: Path) -> str:
    if str(file) == "-":
        return sys.stdin.read()
    try:
        return file.expanduser().read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PartnerlogError(f"no file {file}") from None
    except IsADirectoryError:
        raise PartnerlogError(f"{file} is a folder, not an export") from None
    except UnicodeDecodeError:
        raise PartnerlogError(f"{file} is not a text file; nothing was imported") from None
