"""`sync` through a shared folder: every other journal's file there merged
(`merging`), then this journal's own written, in clear or sealed with the
passphrase of an encrypted journal (`core.sealed`)."""

import os

from partnerlog import paths
from partnerlog.app.merging import (
    file_digest,
    file_remembered,
    file_seen,
    merge_all,
    parse,
    parse_file,
    preference,
)
from partnerlog.errors import PartnerlogError, UsageError
from partnerlog.i18n import _
from partnerlog.store.cipher import EXTRA

# A journal's file in the sync folder: JSON, or sealed with the passphrase of an
# encrypted journal (`core.sealed`).
PLAIN, SEALED = ".json", ".json.enc"


def _stem(name: str) -> str:
    """The device name a folder file is written under."""
    return name.removesuffix(SEALED).removesuffix(PLAIN)


class FolderFile:
    """One journal file in the sync folder, as far as it could be read."""

    __slots__ = ("name", "path", "digest", "journal", "parsed", "problem", "unchanged")

    def __init__(self, name: str, path: str) -> None:
        self.name, self.path = name, path
        self.digest = self.journal = self.parsed = self.problem = None
        self.unchanged = False


def _read_folder(journal, folder: str) -> list[FolderFile]:
    """Every journal file in the folder: parsed and checked, or recognised as
    unchanged since this journal last merged it (by a hash of its bytes), or
    with the reason it cannot be used. This journal's own file, damaged since
    it wrote it (a sync tool cut it short), is still its own: written again."""
    files = []
    for name in sorted(os.listdir(folder)):
        if name.endswith((PLAIN, SEALED)) and not name.startswith("."):
            files.append(_read_file(journal, FolderFile(name, os.path.join(folder, name))))
    me = journal.get_meta("journal_id")
    for found in files:
        seen = file_seen(journal, f"sync_file:{found.name}") if found.problem else {}
        if found.digest and seen.get("journal") == me:
            found.problem, found.journal = None, me
    return files


def _read_file(journal, found: FolderFile) -> FolderFile:
    name = found.name
    try:
        found.digest = file_digest(found.path)
    except OSError as error:
        found.problem = f"{name}: {error.strerror or error}"
        return found
    seen = file_seen(journal, f"sync_file:{name}")
    if seen.get("digest") == found.digest:
        found.journal, found.unchanged = seen.get("journal"), True
        return found
    try:
        if name.endswith(SEALED):
            found.parsed = _unsealed(journal, found)
        else:
            found.parsed = parse_file(name, found.path)
    except UnicodeDecodeError:
        found.problem = _("{file} is not a text file").format(file=name)
    except OSError as error:
        found.problem = f"{name}: {error.strerror or error}"
    except PartnerlogError as error:
        found.problem = error.message
    else:
        found.journal = (found.parsed.get("source") or {}).get("journal")
    return found


def _unsealed(journal, found: FolderFile) -> dict:
    """A sealed file, opened with this journal's passphrase and checked. A plain
    journal reads none: what an encrypted journal wrote stays encrypted."""
    if journal.passphrase is None:
        raise PartnerlogError(
            _(
                "{file} is encrypted and this journal is not; encrypt this journal with the same"
                " passphrase to read it (partnerlog db encrypt)"
            ).format(file=found.name)
        )
    from partnerlog.core import sealed

    try:
        with open(found.path, "rb") as handle:
            return _parse_opened(found.name, sealed.opened(handle, journal.passphrase))
    except ImportError:  # (cryptography: the extra brings it)
        raise PartnerlogError(
            _("{file} is encrypted; reading it needs: {extra}").format(file=found.name, extra=EXTRA)
        ) from None
    except sealed.CannotOpen:
        raise PartnerlogError(
            _("{file} is encrypted with another passphrase (or damaged)").format(file=found.name)
        ) from None


def _parse_opened(name: str, chunks) -> dict:
    """A file's plain bytes, given a chunk at a time, parsed and checked. Where
    the system has memory-only files (Linux), they are written to one and read
    record by record, as a plain file is: never to disk."""
    if not hasattr(os, "memfd_create"):
        return parse(name, b"".join(chunks).decode("utf-8"))
    fd = os.memfd_create("partnerlog-sync-file")
    try:
        for chunk in chunks:
            view = memoryview(chunk)
            while view:
                view = view[os.write(fd, view) :]
        return parse_file(name, f"/proc/self/fd/{fd}")
    finally:
        os.close(fd)  # (the parsed document holds a handle of its own)


def sync(
    session,
    *,
    folder: str,
    device: str | None,
    prefer: str | None,
    create: bool,
    include_private: bool,
) -> dict:
    """Merge every other journal's file in the folder, then write this journal's own.

    A file that cannot be read is skipped and named; the others merge, in one
    transaction (one action for `undo`), and this journal's file is written
    whole or not at all after them, under a name no other journal's file has.
    """

    prefer = preference(prefer)
    folder = paths.expand(folder)
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise UsageError(_("{folder} is a file; sync needs a folder").format(folder=folder))
    if not os.path.exists(folder):
        if not create:
            raise UsageError(
                _("there is no folder {folder}; check the name, or add --create to make it").format(
                    folder=folder
                )
            )
        paths.ensure_private_folder(folder)
    journal = session.journal
    me = journal.get_meta("journal_id")
    chosen = device
    device = chosen or journal.get_meta("device") or _device_name()
    if not _valid_device(device):
        raise UsageError(
            _("--device {device!r} should be one word (letters, digits, '-', '_')").format(
                device=device
            )
        )
    files = _read_folder(journal, folder)
    device, renamed = _own_name(device, files, me)
    if renamed and chosen:
        raise UsageError(
            _(
                "{name}.json in the folder belongs to another journal; choose another --device"
            ).format(name=chosen)
        )
    others = [f for f in files if f.parsed is not None and f.journal != me]

    merged = merge_all(
        session,
        [(f.name, f.parsed, file_remembered(f"sync_file:{f.name}", digest=f.digest,
                                             journal=f.journal)) for f in others],
        prefer,
    )  # fmt: skip
    if journal.get_meta("device") != device:
        with journal.transaction():
            journal.set_meta("device", device)
    target = os.path.join(folder, device + (SEALED if journal.passphrase else PLAIN))
    not_written = None
    try:
        written = _write_own(journal, target, files, include_private, session.now)
    except OSError as error:
        not_written, written = error.strerror or str(error), False
    return {
        "device": device,
        "renamed_from": renamed,
        "written": None if not_written else target,
        "rewritten": written,
        "not_written": not_written,
        "target": target,
        "merged": merged,
        "unchanged_files": [f.name for f in files if f.unchanged and f.journal != me],
        "skipped_files": [(f.name, f.problem) for f in files if f.problem],
        "include_private": include_private,
    }


def _write_own(journal, target: str, files: list, include_private: bool, now) -> bool:
    """Write this journal's file (whole, or not at all), unless the folder holds
    it already as it would be written; whether it was written."""
    import hashlib

    from partnerlog.app.transfer import Export
    from partnerlog.core import dates
    from partnerlog.core.export_format import json_export

    me = journal.get_meta("journal_id")
    name = os.path.basename(target)
    fingerprint = journal.fingerprint(include_private)
    known = file_seen(journal, f"sync_file:{name}")
    there = next((f for f in files if f.name == name and f.journal == me), None)
    if there and known.get("fingerprint") == fingerprint and there.digest == known.get("digest"):
        return False
    # Dated by the journal's clock, not by now: the same journal writes the same
    # bytes, so the other devices see at a glance that nothing is new.
    stamp = journal.get_meta("clock") or dates.iso(now)
    export = Export(journal, stamp, include_private=include_private, source_at=stamp)
    written = hashlib.sha256()

    def hashed(pieces, as_bytes):
        for piece in pieces:
            written.update(as_bytes(piece))
            yield piece

    chunks = json_export(export.sections(), export.exported_at, export.source())
    if journal.passphrase is None:
        paths.write_private(target, hashed(chunks, str.encode))
    else:
        from partnerlog.core import sealed

        try:
            sealed_chunks = hashed(sealed.seal(chunks, journal.passphrase), bytes)
            paths.write_private(target, sealed_chunks, binary=True)
        except ImportError:  # (cryptography: the extra brings it)
            raise PartnerlogError(
                _("writing this journal's file encrypted needs: {extra}").format(extra=EXTRA)
            ) from None
    for other in files:  # its file as it was before: in clear, or sealed
        if other.journal == me and other.name != name and _stem(other.name) == _stem(name):
            os.unlink(other.path)
    remember = file_remembered(
        f"sync_file:{name}", digest=written.hexdigest(), journal=me, fingerprint=fingerprint
    )
    with journal.transaction():  # the next sync knows its own file without reading it
        remember(journal)
    return True


def _own_name(device: str, files: list[FolderFile], me: str) -> tuple[str, str | None]:
    """The name this journal writes under: ``device``, unless the folder has a
    file of that name that is not provably this journal's; then the first free
    ``device-2``, ``device-3``…  Returns (name, the name it could not have)."""
    taken = {_stem(f.name) for f in files if f.journal != me}
    if device not in taken:
        return device, None
    number = 2
    while f"{device}-{number}" in taken:
        number += 1
    return f"{device}-{number}", device


def _device_name() -> str:
    import re
    import socket

    name = re.sub(r"[^\w-]+", "-", socket.gethostname().split(".")[0].lower()).strip("-_")
    return name or "this-device"


def _valid_device(name: str) -> bool:
    import re

    return bool(re.fullmatch(r"[^\W_][\w-]*", name))
