"""Reading one vCard (2.1, 3.0 or 4.0) for what partnerlog keeps of a person: the
formatted name (else the structured one), email addresses, phone numbers,
organisation and title.

Written for the shapes address books export (RFC 2426 and 6350, and the 2.1
that Android and old Outlook still write): folded lines, ``group.`` prefixes
(iPhone's ``item1.EMAIL``), parameters bare (``EMAIL;INTERNET``) or named
(``TYPE=WORK``, quoted or not), quoted-printable values in any charset, text
escapes (``\\,`` ``\\;`` ``\\n``). Everything else a card holds (photos, phone
numbers, notes) is passed over unread. Pure: text in, values out. A line that
is not a property (no ``NAME:value``) makes the card unreadable (`Unreadable`),
as it would a strict reader.
"""

from __future__ import annotations

import re

# The properties kept; the others are not even decoded.
WANTED = {"FN", "N", "EMAIL", "TEL", "ORG", "TITLE"}
_ESCAPE = re.compile(r"\\(.)", re.S)
_PARTS = re.compile(r"(?<!\\);")  # (a structured value's parts: N, ORG)
_UNESCAPED = {"n": "\n", "N": "\n"}


class Unreadable(ValueError):
    """A line of the card that is not a vCard property."""

    def __init__(self, line: str) -> None:
        super().__init__(line)
        self.line = line


def read(block: str) -> dict[str, list]:
    """The card's wanted properties, each a list of values in the order given
    (N and ORG as lists of their parts)."""
    found: dict[str, list] = {}
    for line in _lines(block):
        name, params, value = _property(line)
        if name not in WANTED:
            continue
        text = _decoded(value, params)
        if name in ("N", "ORG"):
            parts = _PARTS.split(text)
            found.setdefault(name, []).append([_unescaped(p) for p in parts])
        else:
            found.setdefault(name, []).append(_unescaped(text))
    return found


def _lines(block: str):
    """The card's logical lines: a line starting with a space or tab goes on the
    one before (folding); BEGIN, END and blank lines left out."""
    current = None
    for raw in block.splitlines():
        if raw[:1] in (" ", "\t") and current is not None:
            current += raw[1:]
            continue
        if current is not None:
            yield current
        current = raw
    if current is not None:
        yield current


def _property(line: str) -> tuple[str, dict[str, str | None], str]:
    """(NAME without its group, parameters, the raw value) of one line."""
    colon = line.find(":")
    if '"' in line[: max(colon, 0)]:  # (a quoted parameter may hold a ':')
        colon = _outside_quotes(line, ":")
    if colon < 0:
        if not line.strip() or line.strip().upper().startswith(("BEGIN:", "END:")):
            return "", {}, ""
        raise Unreadable(line.strip())
    head, value = line[:colon], line[colon + 1 :]
    parts = _split(head, ";") if '"' in head else head.split(";")
    name = parts[0].rsplit(".", 1)[-1].strip().upper()
    if not name or not re.fullmatch(r"[A-Za-z0-9-]+", name):
        raise Unreadable(line.strip())
    params: dict[str, str | None] = {}
    for part in parts[1:]:
        key, equals, given = part.partition("=")
        if equals:
            params[key.strip().upper()] = given.strip().strip('"')
        else:  # vCard 2.1: a bare value (INTERNET, QUOTED-PRINTABLE)
            params.setdefault("TYPE", None)
            if key.strip().upper() == "QUOTED-PRINTABLE":
                params["ENCODING"] = "QUOTED-PRINTABLE"
    return name, params, value


def _decoded(value: str, params: dict[str, str | None]) -> str:
    """A value as text: quoted-printable decoded in its charset (UTF-8 unless
    said; Latin-1 when the bytes are not UTF-8)."""
    if (params.get("ENCODING") or "").upper() != "QUOTED-PRINTABLE":
        return value
    import quopri

    raw = quopri.decodestring(value.encode("utf-8"))
    charset = params.get("CHARSET") or "utf-8"
    try:
        return raw.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return raw.decode("latin-1")


def _unescaped(text: str) -> str:
    return _ESCAPE.sub(lambda m: _UNESCAPED.get(m.group(1), m.group(1)), text)


def _split(text: str, separator: str) -> list[str]:
    """``text`` split at each ``separator`` that is neither escaped nor quoted."""
    parts, start, quoted, index = [], 0, False, 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            parts.append(text[start:index])
            start = index + 1
        index += 1
    parts.append(text[start:])
    return parts


def _outside_quotes(text: str, char: str) -> int:
    """Where ``char`` first appears outside double quotes, or -1."""
    quoted = False
    for index, found in enumerate(text):
        if found == '"':
            quoted = not quoted
        elif found == char and not quoted:
            return index
    return -1
