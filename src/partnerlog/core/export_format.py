"""The export's file formats, streamed as text chunks so a whole journal goes to
its file without being built in memory: partnerlog's JSON document (what
`import` and `sync` read) and CSV tables. Pure: where the chunks go is the
caller's business."""

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator

from partnerlog.core.document import FORMAT, VERSION


def json_export(
    sections: tuple[tuple[str, Callable[[], Iterable[dict]]], ...],
    exported_at: str,
    source: dict | None = None,
) -> Iterator[str]:
    """The whole journal as one JSON document, streamed record by record.

    ``sections`` are (name, a function giving that section's records: dicts,
    or JSON texts of one line)."""
    yield "{\n"
    yield f'  "format": {json.dumps(FORMAT)},\n'
    yield f'  "version": {VERSION},\n'
    yield f'  "exported_at": {json.dumps(exported_at)}'
    if source is not None:
        yield f',\n  "source": {json.dumps(source)}'
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for name, records in sections:
        yield f',\n  "{name}": ['
        batch: list[str] = []  # a few hundred records to a chunk: fewer, larger writes
        first = True
        for record in records():  # (a dict, or its JSON text already)
            text = record if type(record) is str else dumps(record)
            batch.append(("\n    " if first else ",\n    ") + text)
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
