"""Bringing other journals in: `import` of one export, and `sync` through a shared folder."""

import json
import os

from partnerlog.app.files import DryRun, read_input
from partnerlog.errors import NewerJournal, PartnerlogError, UsageError
from partnerlog.i18n import _


def load(file: str, text: str) -> dict:
    """A whole export, parsed and checked before anything is written."""
    from partnerlog.core import document

    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark some editors add
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as error:
        raise PartnerlogError(
            _(
                "{file} is not valid JSON (line {lineno}, column {colno}: {msg}); nothing was imported"
            ).format(file=file, lineno=error.lineno, colno=error.colno, msg=error.msg)
        ) from None
    except RecursionError:
        raise PartnerlogError(
            _("{file} is nested too deeply; nothing was imported").format(file=file)
        ) from None
    except ValueError:  # a number of thousands of digits, say
        raise PartnerlogError(
            _("{file} holds a value too large to read; nothing was imported").format(file=file)
        ) from None
    try:
        document.validate(parsed)
    except document.ImportProblem as problem:
        error_type = NewerJournal if problem.newer else PartnerlogError
        raise error_type(
            _("{file}: {problem}; nothing was imported").format(file=file, problem=problem.message)
        ) from None
    return parsed


def merge(session, parsed: dict, prefer: str | None, dry_run: bool) -> dict:
    """Merge one export in one transaction (rolled back for a dry run)."""
    from partnerlog.present.progress import progress

    journal = session.journal
    total = sum(
        len(parsed.get(section) or [])
        for section in ("partners", "interactions", "goals", "traits", "follow_ups")
    )
    try:
        with (
            progress(_("Merging"), total if total > 2000 else None) as advance,
            journal.transaction(session.command.name),
        ):
            result = journal.merge_document(
                parsed, prefer=prefer, advance=advance if total > 2000 else lambda n: None
            )
            if dry_run:
                raise DryRun(result)
    except DryRun as done:
        result = done.result
    result["dry_run"] = dry_run
    return result


def import_file(session, values: dict) -> dict:
    """What merging the file did: added, updated, deleted, unchanged, conflicts."""
    file = values["file"]
    return merge(
        session,
        load(file, read_input(file, what=_("an export"))),
        values["prefer"],
        values["dry_run"],
    )


def sync(session, values: dict) -> dict:
    """Merge every other device's export in the folder, then write this journal's own.

    The file is written whole or not at all, after the merges: the next device
    to sync reads what this one knows now.
    """
    from partnerlog import paths

    folder = paths.expand(values["folder"])
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise UsageError(_("{folder} is a file; sync needs a folder").format(folder=folder))
    journal = session.journal
    device = values["device"] or journal.get_meta("device") or _device_name()
    if not _valid_device(device):
        raise UsageError(
            _("--device {device!r} should be one word (letters, digits, '-', '_')").format(
                device=device
            )
        )
    paths.ensure_private_folder(folder)
    own = f"{device}.json"
    merged = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json") or name == own or name.startswith("."):
            continue
        path = os.path.join(folder, name)
        result = merge(
            session,
            load(path, read_input(path, what=_("an export"))),
            values["prefer"],
            dry_run=False,
        )
        merged.append((name, result))
    if journal.get_meta("device") != device:
        with journal.transaction():
            journal.set_meta("device", device)
    from partnerlog.app.transfer import Export
    from partnerlog.core import dates
    from partnerlog.present.exporters import json_export

    export = Export(journal, dates.iso(session.now), include_private=True)
    target = os.path.join(folder, own)
    paths.write_private(target, json_export(export.sections(), export.exported_at, export.source()))
    return {"device": device, "written": target, "merged": merged}


def _device_name() -> str:
    import re
    import socket

    name = re.sub(r"[^\w-]+", "-", socket.gethostname().split(".")[0].lower()).strip("-_")
    return name or "this-device"


def _valid_device(name: str) -> bool:
    import re

    return bool(re.fullmatch(r"[^\W_][\w-]*", name))
