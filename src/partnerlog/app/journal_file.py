"""The journal file itself: where it is, whether it is sound, and copies of it."""

import os

from partnerlog.core.records import Record
from partnerlog.errors import NotAJournal, PartnerlogError, UsageError
from partnerlog.i18n import _


def path(session) -> tuple[str, str]:
    """Where the journal is, and what lies there ("missing", "plain", "encrypted", "other")."""
    from partnerlog.store.connection import file_kind

    return session.location, file_kind(session.location)


def check(session, *, repair: bool, zone: str | None, dry_run: bool) -> dict:
    """The file's check; with --repair, what was fixed first (in one transaction),
    and the entries whose offset their date did not have in the zone (--zone, or
    the one you are in), each corrected as one action `undo` reverses."""
    from partnerlog.core import zones

    where = zones.zone_named(zone) if zone else session.now.tzinfo
    if dry_run and not repair:
        raise UsageError(_("--dry-run goes with --repair: it lists what --repair would change"))
    journal = session.journal
    repaired = None
    times = journal.moments_off_their_zone(where)
    if repair and not dry_run:
        with journal.transaction("db check --repair"):
            repaired = journal.repair()
            for entry_id, _stored, fixed in times:
                journal.update_interaction(entry_id, {"occurred_at": fixed})
    report = journal.check()
    report["encrypted"] = journal.passphrase is not None
    report["zone"] = zones.zone_name(where)
    report["times"] = [
        {"id": entry_id, "occurred_at": stored, "corrected": fixed}
        for entry_id, stored, fixed in times
    ]
    if repaired is not None or not times:
        report["times_to_repair"] = 0
    else:
        report["times_to_repair"] = len(times)
        report["ok"] = False
    report["times_repaired"] = len(times) if repaired is not None else 0
    return {**report, "repaired": repaired, "dry_run": dry_run}


def backup(session, *, destination: str | None, force: bool) -> tuple[str, str]:
    """(the journal, the copy): a consistent copy through SQLite's backup API."""
    from partnerlog import paths

    journal = session.journal
    source = os.path.abspath(journal.path)
    stem = os.path.splitext(os.path.basename(source))[0]
    if destination is None:
        stamp = session.now.strftime("%Y%m%d-%H%M%S")
        destination = os.path.join(os.path.dirname(source), f"{stem}-backup-{stamp}.db")
        number = 2
        while os.path.exists(destination):  # two backups in one second: both kept
            destination = os.path.join(
                os.path.dirname(source), f"{stem}-backup-{stamp}-{number}.db"
            )
            number += 1
    destination = paths.expand(destination)
    if os.path.isdir(destination):
        destination = os.path.join(destination, f"{stem}-backup.db")
    if os.path.realpath(destination) == os.path.realpath(source):
        raise UsageError(_("the backup cannot be the journal itself; choose another file"))
    destination = paths.check_output(destination, source)
    if os.path.exists(destination) and not force:
        raise UsageError(
            _(
                "{path} exists already (an older backup?); give another file, or --force to replace it"
            ).format(path=destination)
        )
    journal.backup(destination)
    return source, destination


class Restore(Record):
    """A restore waiting for a yes: the backup, the journal, and what each holds."""

    __slots__ = ("source", "target", "source_counts", "target_counts", "kept")


def restore(session, *, file: str):
    """Check a backup (a checked, migrated copy of it, beside the journal), then
    propose putting it in the journal's place."""
    import shutil
    import tempfile

    from partnerlog import paths
    from partnerlog.app.requests import Proposal
    from partnerlog.store import Journal
    from partnerlog.store.connection import file_kind
    from partnerlog.store.files import (
        copy_database,
        remove_database,
        remove_killed_copies,
        use_wal,
        wal_in_use,
    )

    source = paths.expand(file)
    target = session.location
    if not os.path.isfile(source):
        raise UsageError(_("no backup at {source}").format(source=source))
    if os.path.exists(target) and os.path.realpath(source) == os.path.realpath(target):
        raise UsageError(_("that is the journal itself; give a backup"))
    if os.path.exists(target) and wal_in_use(target):
        raise UsageError(
            _("the journal is in use by another partnerlog; try again when it is done")
        )
    folder = os.path.dirname(os.path.abspath(target))
    paths.ensure_private_folder(folder)
    remove_killed_copies(folder)
    # An encrypted backup stays encrypted, with its own passphrase.
    key = session.passphrase_for(source) if file_kind(source) == "encrypted" else None
    fd, copy = tempfile.mkstemp(prefix=".restore.", suffix=".db", dir=folder)
    os.close(fd)
    try:
        copy_database(source, copy, key)
        try:
            checked = Journal.open(copy, passphrase=lambda: key)
        except PartnerlogError as error:  # named as the user gave it, not the copy
            raise type(error)(error.message.replace(copy, source)) from None
        try:
            report = checked.check()
        finally:
            checked.close()
        if report["integrity"] != ["ok"]:
            raise NotAJournal(
                _("{source} is damaged ({value}); not restoring it").format(
                    source=source, value=report["integrity"][0]
                )
            )
    except BaseException:
        remove_database(copy)
        raise
    kept = None
    target_counts = None
    if os.path.exists(target):
        stem = os.path.splitext(target)[0]
        kept = f"{stem}-before-restore-{session.now:%Y%m%d-%H%M%S}.db"
        number = 2
        while os.path.exists(kept):  # two restores in one second: both copies kept
            kept = f"{stem}-before-restore-{session.now:%Y%m%d-%H%M%S}-{number}.db"
            number += 1
        try:
            current = Journal.open(target, passphrase=lambda: session.passphrase_for(target))
            try:
                target_counts = current.check()["counts"]
            finally:
                current.close()
        except PartnerlogError:
            target_counts = None  # damaged, or a -wal that does not belong: kept as it is

    def apply() -> Restore:
        # A backup is written in SQLite's rollback mode; the journal lives in WAL
        # mode (two shells logging at once, a note kept while another waits).
        use_wal(copy, key)
        remove_database(copy, sidecars_only=True)
        if kept is not None:
            shutil.copy2(target, kept)
            os.chmod(kept, 0o600)
            if os.path.exists(target + "-wal"):
                # Set aside under a name SQLite never replays.
                os.replace(target + "-wal", kept + ".wal-set-aside")
            if os.path.exists(target + "-shm"):
                os.unlink(target + "-shm")
        os.chmod(copy, 0o600)
        os.replace(copy, target)
        return found

    found = Restore(
        source=source,
        target=target,
        source_counts=report["counts"],
        target_counts=target_counts,
        kept=kept,
    )
    return Proposal(found, apply)
