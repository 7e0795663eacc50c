"""Exporters by format name: each turns the journal into text chunks, streamed,
so a whole journal goes to its file without being built in memory.
"""

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator

from partnerlog.core.document import FORMAT, VERSION
from partnerlog.i18n import _


def json_export(
    sections: tuple[tuple[str, Callable[[], Iterable[dict]]], ...],
    exported_at: str,
    source: dict | None = None,
) -> Iterator[str]:
    """The whole journal as one JSON document, streamed record by record.

    ``sections`` are (name, a function giving that section's records)."""
    yield "{\n"
    yield f'  "format": {json.dumps(FORMAT)},\n'
    yield f'  "version": {VERSION},\n'
    yield f'  "exported_at": {json.dumps(exported_at)}'
    if source is not None:
        yield f',\n  "source": {json.dumps(source)}'
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    for name, records in sections:
        yield f',\n  "{name}": ['
        batch: list[str] = []  # a few hundred records to a chunk: fewer, larger writes
        first = True
        for record in records():
            batch.append(("\n    " if first else ",\n    ") + dumps(record))
            first = False
            if len(batch) == 500:
                yield "".join(batch)
                batch.clear()
        yield "".join(batch) + ("]" if first else "\n  ]")
    yield "\n}\n"


def csv_table(columns: list[str], rows: Iterable[tuple]) -> Iterator[str]:
    """One table as CSV (header first), streamed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(row)
        if buffer.tell() > 65536:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


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
EXPORTERS = {"json": export_json, "csv": export_csv}
