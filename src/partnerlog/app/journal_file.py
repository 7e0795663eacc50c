"""The journal file itself: where it is, whether it is sound, and copies of it."""

import os

from partnerlog.errors import UsageError


def path(session, values: dict) -> str:
    return session.location


def check(session, values: dict) -> dict:
    """The file's check; with --repair, what was fixed first (in one transaction)."""
    journal = session.journal
    repaired = None
    if values["repair"]:
        with journal.transaction():
            repaired = journal.repair()
    return {**journal.check(), "repaired": repaired}


def backup(session, values: dict) -> tuple[str, str]:
    """(the journal, the copy): a consistent copy through SQLite's backup API."""
    from partnerlog import paths

    journal = session.journal
    source = os.path.abspath(journal.path)
    stem = os.path.splitext(os.path.basename(source))[0]
    destination = values["destination"]
    if destination is None:
        stamp = session.now.strftime("%Y%m%d-%H%M%S")
        destination = os.path.join(os.path.dirname(source), f"{stem}-backup-{stamp}.db")
    destination = paths.expand(destination)
    if os.path.isdir(destination):
        destination = os.path.join(destination, f"{stem}-backup.db")
    if os.path.realpath(destination) == os.path.realpath(source):
        raise UsageError("the backup cannot be the journal itself; choose another file")
    destination = paths.check_output(destination, source)
    journal.backup(destination)
    return source, destination
