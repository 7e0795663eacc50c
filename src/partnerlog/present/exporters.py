"""Exporters by format name: each turns the journal into text chunks, streamed,
so a whole journal goes to its file without being built in memory.
"""

import os
from collections.abc import Iterable

from partnerlog.core.export_format import csv_table, json_export
from partnerlog.i18n import _


def write(chunks: Iterable[str], output: str | None) -> None:
    """Text chunks to stdout, or to the file ``output`` (whole, 0600)."""
    import sys

    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        return
    from partnerlog import paths

    paths.write_private(paths.expand(output), chunks)


def export_json(export, output: str | None) -> str | None:
    """The whole journal as JSON; what to say when it went to a file (with a
    progress bar on a terminal meanwhile)."""
    from partnerlog.present.progress import counted, progress

    chunks = json_export(export.sections(), export.exported_at, export.source())
    if output is None:
        write(chunks, output)
        return None
    with progress(_("Exporting")) as advance:
        write(counted(chunks, advance), output)
    return None if output is None else _("Exported the journal to {file}").format(file=output)


def export_csv(export, output: str | None) -> str:
    """One CSV file per table in the folder ``output``."""
    from partnerlog import paths
    from partnerlog.errors import UsageError

    if output is None:
        raise UsageError(_("--format csv writes one file per table: give a folder with -o DIR"))
    folder = paths.expand(output)
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise UsageError(_("{folder} is a file; -o needs a folder for CSV").format(folder=folder))
    paths.ensure_private_folder(folder)
    tables = export.tables()
    paths.write_private_files(
        {
            os.path.join(folder, f"{table}.csv"): csv_table(columns, rows)
            for table, columns, rows in tables
        }
    )
    return _("Exported {count} tables as CSV to {folder}").format(count=len(tables), folder=folder)


# Exporters by format name (`export --format`): each writes and says where.
EXPORTERS = {"json": export_json, "csv": export_csv}  # (`vocabulary.EXPORT_FORMATS`)
