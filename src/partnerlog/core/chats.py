"""Reading chat exports for who wrote when: WhatsApp's "Export chat" text (Android
and iOS, in English and Indonesian) and Telegram Desktop's ``result.json``.

Only the moment and the sender of each message are kept, and whether it was a
message at all (not the app's own notices); what was said is read past unless
asked for (``keep``). Pure: text in, messages out.

WhatsApp writes the date in the phone's order (31/12/21 or 12/31/21, two or
four digits of year), the time with "." or ":" and perhaps AM/PM, on iOS in
brackets with invisible direction marks. Which order a file uses is decided
from all its dates together (one day above 12 settles it); a file where no
date settles it needs ``day_first`` said.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

# The invisible marks and odd spaces phones put in (iOS's left-to-right mark,
# the narrow no-break space before "PM").
_INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069\ufeff"))
_SPACES = str.maketrans({"\u202f": " ", "\u00a0": " ", "\u2009": " "})
_HEADER = re.compile(
    r"^\[?(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<year>\d{2}|\d{4}),?\s+"
    r"(?P<hour>\d{1,2})[.:](?P<minute>\d{2})(?:[.:](?P<second>\d{2}))?"
    r"(?:\s*(?P<half>[AaPp])\.?\s?[Mm]\.?)?\]?\s+(?:-\s+)?(?P<rest>.*)$"
)
# What the app writes for a message that is not one: media left out, a deleted
# message (a message was written, so it counts), and the notices (which do not).
MEDIA = {
    "<media omitted>", "<media tidak disertakan>", "image omitted", "video omitted",
    "audio omitted", "sticker omitted", "document omitted", "gif omitted",
    "gambar dihilangkan", "video dihilangkan", "audio dihilangkan", "stiker dihilangkan",
    "dokumen dihilangkan",
}  # fmt: skip
DELETED = {
    "this message was deleted", "this message was deleted.", "you deleted this message",
    "you deleted this message.", "pesan ini dihapus", "pesan ini telah dihapus",
    "anda menghapus pesan ini", "kamu menghapus pesan ini",
}  # fmt: skip


@dataclass(frozen=True)
class Message:
    """One message: when (the phone's clock, no zone), who wrote it, and whether it
    carried text or only media."""

    at: datetime
    sender: str
    media: bool = False
    text: str = ""  # what was written, only when asked for


class Undecided(ValueError):
    """The file's dates read either way (no day above 12)."""


class Chat:
    """A chat as exported: its title (if the export says), its messages in order,
    and how many lines could not be read."""

    def __init__(self, title: str | None, messages: list[Message], bad_lines: int, app: str):
        self.title, self.messages, self.bad_lines, self.app = title, messages, bad_lines, app

    @cached_property
    def senders(self) -> list[str]:
        """Who wrote, in the order they first did (read once: a chat has 100,000 lines)."""
        return list(dict.fromkeys(m.sender for m in self.messages))


def read_whatsapp(
    text: str, *, day_first: bool | None = None, title: str | None = None, keep: bool = False
) -> Chat:
    """The messages of a WhatsApp export (the lines of one chat); ``keep``: with
    what each says."""
    headers, bad = [], 0
    for raw in text.splitlines():
        # (iOS starts a line with a direction mark; inside it, the mark tells a
        # notice or a media line from what a person typed)
        line = raw.translate(_SPACES).strip().lstrip("\u200e\u200f\ufeff")
        found = _HEADER.match(line)
        if found is None:
            if keep and headers:  # a message's next line
                headers[-1][3].append(raw.translate(_INVISIBLE))
            continue  # (or the app's header: read past)
        sender, said = _sender(found["rest"])
        if sender is None:
            continue  # a notice: encryption, a member added, a changed subject
        plain = said.translate(_INVISIBLE).strip().lower()
        if said.startswith("\u200e") and plain not in MEDIA and plain not in DELETED:
            continue  # iOS's notices come from the chat's name, marked
        said = said.translate(_INVISIBLE).strip() if keep else ""
        headers.append((found, sender.translate(_INVISIBLE).strip(), plain, [said]))
    if day_first is None:
        day_first = _day_first([(int(f["a"]), int(f["b"])) for f, _s, _t, _w in headers])
    messages = []
    for found, sender, said, written in headers:
        moment = _moment(found, day_first)
        if moment is None:
            bad += 1
            continue
        messages.append(Message(moment, sender, said in MEDIA, "\n".join(written).strip()))
    return Chat(title, messages, bad, "whatsapp")


def read_telegram(text: str, *, keep: bool = False) -> Chat:
    """The messages of a Telegram Desktop export of one chat (``result.json``);
    ``keep``: with what each says."""
    data = json.loads(text)
    if isinstance(data, dict) and "chats" in data and "messages" not in data:
        raise ValueError("several chats")
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        raise ValueError("no messages")
    messages, bad = [], 0
    for item in data["messages"]:
        if not isinstance(item, dict) or item.get("type") != "message":
            continue  # a service message (someone joined, a call)
        sender = item.get("from")
        try:
            moment = datetime.fromisoformat(str(item.get("date")))
        except ValueError:
            bad += 1
            continue
        if not isinstance(sender, str) or not sender.strip():
            bad += 1
            continue
        media = "media_type" in item or "photo" in item or "file" in item
        said = _telegram_text(item.get("text")) if keep else ""
        messages.append(Message(moment.replace(tzinfo=None), sender.strip(), media, said))
    title = data.get("name") if isinstance(data.get("name"), str) else None
    return Chat(title, messages, bad, "telegram")


def _telegram_text(value) -> str:
    """A Telegram message's text: a string, or parts (plain strings and styled pieces)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in value
                       if isinstance(p, str | dict))  # fmt: skip
    return ""


def _sender(rest: str) -> tuple[str | None, str]:
    """(who wrote it, the message) of a line's rest; no sender for a notice."""
    name, colon, said = rest.partition(": ")
    if not colon or not name.strip() or len(name) > 80:
        return None, rest
    return name.strip(), said


def _day_first(pairs: list[tuple[int, int]]) -> bool:
    """Whether the file writes the day first, from all its dates (a few that read
    the other way are broken lines, skipped later)."""
    day_first = sum(1 for a, _b in pairs if a > 12)
    month_first = sum(1 for _a, b in pairs if b > 12)
    if day_first != month_first:
        return day_first > month_first
    if all(a == b for a, b in pairs):
        return True  # (every date reads the same either way)
    raise Undecided()


def _moment(found, day_first: bool) -> datetime | None:
    day, month = (found["a"], found["b"]) if day_first else (found["b"], found["a"])
    year = int(found["year"])
    year += 2000 if year < 100 else 0
    hour = int(found["hour"])
    if found["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if found["half"].lower() == "p" else 0)
    try:
        return datetime(year, int(month), int(day), hour, int(found["minute"]),
                        int(found["second"] or 0))  # fmt: skip
    except ValueError:
        return None
