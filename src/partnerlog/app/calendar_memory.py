"""What `calendar import` remembers of the last file it read: importing the same
file again with nothing changed gives the same answer without reading the
events again (parsing and expanding 10,000 of them takes seconds).

The answer is the same when the file's bytes, the options, the day, your
address, the partners' addresses and every record (`fingerprint`) are the same,
and no event skipped as still to come has started since.
"""

from __future__ import annotations

import json

KEY = "calendar_import:last"


def state(journal, text: bytes, asked: tuple, me: str | None, now) -> str:
    """A digest of everything the answer depends on but the clock (``asked``:
    the --since and --until typed)."""
    from hashlib import sha256

    digest = sha256(text if isinstance(text, bytes) else text.encode())
    for part in (*asked, me, now.date().isoformat(),
                 str(now.utcoffset())):  # fmt: skip
        digest.update(f"|{part}".encode())
    digest.update(journal.fingerprint(True).encode())
    for email, partner_id in sorted(journal.all_emails().items()):
        digest.update(f"|{partner_id}:{email}".encode())
    return digest.hexdigest()


def recall(journal, found_state: str, now) -> dict | None:
    """The last answer, as `Imported`'s fields (everything "already here"), when
    it still holds; else None."""
    seen = json.loads(journal.get_meta(KEY) or "{}")
    if seen.get("state") != found_state or now.timestamp() >= seen.get("next", 0):
        return None
    return {
        "added": 0, "updated": 0, "unchanged": seen["count"], "skipped": seen["skipped"],
        "unknown": {email: tuple(found) for email, found in seen["unknown"].items()},
        "unreadable": seen["unreadable"], "next_start": None,
    }  # fmt: skip


def remember(journal, text: bytes, asked: tuple, me: str | None, now, result) -> None:
    """Keep this import's answer (after it committed: the records as they are now)."""
    count = result.added + result.updated + result.unchanged
    if not count:
        return  # (a file with nothing to log is read again: it costs nothing)
    seen = {
        "state": state(journal, text, asked, me, now),
        "count": count,
        "skipped": result.skipped,
        "unknown": {email: list(found) for email, found in result.unknown.items()},
        "unreadable": list(result.unreadable),
        # When the first event skipped as still to come starts (then it counts).
        "next": result.next_start.timestamp() if result.next_start else 1e12,  # (none: never)
    }
    with journal.transaction():
        journal.set_meta(KEY, json.dumps(seen))
