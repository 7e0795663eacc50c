"""Reading an export file record by record, so a big one never sits in memory whole.

partnerlog writes its exports one record per line (`present.exporters.json_export`).
`streamed` recognises that layout in one quick pass over the lines and returns
the document with each section as a `Section`: read again from the file, one
record at a time, whenever it is iterated (the check before importing reads it
once, the merge again). A file laid out any other way (pretty-printed by hand,
cut short) is not recognised, and the caller parses it whole, as before. At
100,000 entries the whole file parsed at once took 284 MiB; streamed, the
records in memory are one at a time.
"""

from __future__ import annotations

import json
import re

_HEADER = re.compile(rb'^  "([a-z_]+)": (.*?),?\r?\n$')
_OPENING = re.compile(rb'^  "([a-z_]+)": \[\r?\n$')


class BadLine(ValueError):
    """A record line that is not JSON: where, and what is wrong."""

    def __init__(self, lineno: int, colno: int, msg: str) -> None:
        super().__init__(msg)
        self.lineno, self.colno, self.msg = lineno, colno, msg


class Section:
    """One section of an export file: its records, read again each time it is
    iterated, from the file as it was opened (a sync tool replacing the file
    meanwhile does not change what is read)."""

    streamed = True

    def __init__(self, fd: int, start: int, end: int, first_line: int, count: int) -> None:
        self.fd, self.start, self.end = fd, start, end
        self.first_line, self.count = first_line, count

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0

    def __iter__(self):
        import os

        decode = json.JSONDecoder().decode  # (what `json.loads` calls, less its checks)
        position, lineno, rest = self.start, self.first_line, b""
        while position < self.end or rest:
            block = os.pread(self.fd, min(1 << 20, self.end - position), position)
            position += len(block)
            lines = (rest + block).split(b"\n")
            rest = lines.pop() if position < self.end else b""
            for line in lines:
                text = line.strip().rstrip(b",")
                if not text:
                    continue
                try:
                    yield decode(text.decode("utf-8", "surrogatepass"))
                except (json.JSONDecodeError, UnicodeDecodeError) as error:
                    column = getattr(error, "colno", 1) + 4  # the record's indent
                    raise BadLine(lineno, column, getattr(error, "msg", str(error))) from None
                lineno += 1
            if not block:
                break


def streamed(path: str) -> dict | None:
    """The export at ``path`` with its sections read lazily, or None when the file
    is not laid out one record per line as partnerlog writes it. The file stays
    open while the document is in use."""
    handle = open(path, "rb")  # noqa: SIM115 (its sections read it later)
    document = _scan(handle)
    if document is None:
        handle.close()
    else:
        document["_file"] = handle  # kept open with the document
    return document


def _scan(handle) -> dict | None:
    document: dict = {}
    offset, lineno = 0, 0
    fd = handle.fileno()
    first = handle.readline()
    offset, lineno = len(first), 1
    if first.removeprefix(b"\xef\xbb\xbf").rstrip() != b"{":
        return None
    section = None
    for line in handle:
        lineno += 1
        if section is not None:
            name, start, first_line, count = section
            if line.startswith(b"    {"):
                section = (name, start, first_line, count + 1)
            elif line.rstrip(b"\r\n").rstrip(b",") == b"  ]":
                document[name] = Section(fd, start, offset, first_line, count)
                section = None
            else:
                return None
        elif opening := _OPENING.match(line):
            section = (opening.group(1).decode(), offset + len(line), lineno + 1, 0)
        elif header := _HEADER.match(line):
            try:
                document[header.group(1).decode()] = json.loads(header.group(2))
            except (json.JSONDecodeError, UnicodeDecodeError):
                return None
        elif line.rstrip() == b"}":
            return document if section is None and not handle.read(1).strip() else None
        else:
            return None
        offset += len(line)
    return None
