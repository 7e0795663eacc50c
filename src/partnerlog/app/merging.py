"""Bringing other journals in: reading and checking an export, merging exports
(`import` of one; `sync_folder` merges a folder's), and what is remembered of a
file read before."""

import json
import os

from partnerlog import paths
from partnerlog.app.files import DryRun, read_input
from partnerlog.errors import NewerJournal, PartnerlogError, UsageError
from partnerlog.i18n import _


def load(file: str, text: str | None = None, path: str | None = None) -> dict:
    """A whole export (``text``, or the file at ``path``), parsed and checked
    before anything is written; what is wrong says that nothing was imported."""
    try:
        return parse(file, text) if path is None else parse_file(file, path)
    except UnicodeDecodeError:
        raise PartnerlogError(
            _("{file} is not a text file; nothing was imported").format(file=file)
        ) from None
    except PartnerlogError as error:
        raise type(error)(
            _("{problem}; nothing was imported").format(problem=error.message)
        ) from None


def file_digest(path: str) -> str:
    """The SHA-256 of a file's bytes, read in blocks: how an unchanged file is known."""
    import hashlib

    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def file_seen(journal, key: str) -> dict:
    """What this journal remembers of a file it read or wrote (``sync_file:…``)."""
    return json.loads(journal.get_meta(key) or "{}")


def file_remembered(key: str, **seen):
    """A step for `merge_all`: remember ``seen`` of a file, in the merge's transaction."""

    def remember(journal) -> None:
        journal.set_meta(key, json.dumps(seen))

    return remember


def parse_file(file: str, path: str) -> dict:
    """The export at ``path`` (``file``: its name in messages), checked: read
    record by record when partnerlog wrote it, else parsed whole."""
    from partnerlog.app.export_file import BadLine, streamed

    found = streamed(path)
    if found is None:
        with open(path, encoding="utf-8") as handle:
            return parse(file, handle.read())
    try:
        return check(file, found)
    except BadLine as error:
        raise not_json(file, error) from None


def not_json(file: str, error) -> PartnerlogError:
    """A file that is not JSON, saying where and what is wrong in the person's words."""
    from partnerlog.core.document import json_problem

    return PartnerlogError(
        _("{file} is not valid JSON (line {lineno}, column {colno}: {msg})").format(
            file=file, lineno=error.lineno, colno=error.colno, msg=json_problem(error.msg)
        )
    )


def parse(file: str, text: str) -> dict:
    """An export, parsed and checked; what is wrong with it, in words, if anything."""
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark some editors add
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as error:
        raise not_json(file, error) from None
    except RecursionError:
        raise PartnerlogError(_("{file} is nested too deeply").format(file=file)) from None
    except ValueError:  # a number of thousands of digits, say
        raise PartnerlogError(
            _("{file} holds a value too large to read").format(file=file)
        ) from None
    return check(file, parsed)


def check(file: str, parsed) -> dict:
    """``parsed`` if it is an export partnerlog can merge; else why not, in words."""
    from partnerlog.core import document

    try:
        document.validate(parsed)
    except document.ImportProblem as problem:
        error_type = NewerJournal if problem.newer else PartnerlogError
        raise error_type(
            _("{file}: {problem}").format(file=file, problem=problem.message)
        ) from None
    return parsed


PREFERENCES = ("mine", "theirs")


def preference(prefer: str | None) -> str | None:
    """``--prefer``, checked: a value it does not know would settle nothing."""
    if prefer is None:
        return None
    if prefer.lower() not in PREFERENCES:
        raise UsageError(
            _("--prefer takes {choices}, not {value!r}").format(
                choices=" or ".join(PREFERENCES), value=prefer
            )
        )
    return prefer.lower()


def merge(session, parsed: dict, prefer: str | None, dry_run: bool) -> dict:
    """Merge one export in one transaction (rolled back for a dry run)."""
    [(_name, result)] = merge_all(session, [(None, parsed)], prefer, dry_run)
    return result


def merge_all(session, documents: list, prefer: str | None, dry_run: bool = False) -> list:
    """Merge exports (``(name, parsed)`` pairs) in one transaction, so `undo`
    takes back all of it at once: ``[(name, result)]``. ``after(journal)``, when
    given as a third item, runs in the same transaction after its merge."""
    journal = session.journal
    journal.without_memory_map()
    total = sum(
        len(parsed.get(section) or [])
        for _name, parsed, *_rest in documents
        for section in ("partners", "interactions", "goals", "traits", "follow_ups")
    )
    merged = []
    try:
        with (
            session.progress(_("Merging"), total if total > 2000 else None) as advance,
            journal.transaction(session.command.name),
        ):
            for name, parsed, *after in documents:
                result = journal.merge_document(
                    parsed, prefer=prefer, advance=advance if total > 2000 else lambda n: None
                )
                result["dry_run"] = dry_run
                for step in after:
                    step(journal)
                merged.append((name, result))
            if dry_run:
                raise DryRun(merged)
    except DryRun as done:
        merged = done.result
    return merged


def import_file(session, *, file: str, prefer: str | None, dry_run: bool) -> dict:
    """What merging the file did: added, updated, deleted, unchanged, conflicts.

    A file imported before, byte for byte, is not read again: merging it would
    find every record as it was then (each as the base), so the answer is that
    every record is unchanged. `undo` of an import forgets it.
    """
    prefer = preference(prefer)
    path = file if file == "-" else paths.expand(file)
    if file == "-" or not os.path.isfile(path):
        parsed = load(file, read_input(session, file, what=_("an export")))
        return merge(session, parsed, prefer, dry_run)
    digest = file_digest(path)
    key = f"sync_file:import:{os.path.abspath(path)}"
    # (A journal that does not exist yet has imported nothing; a bad file must
    # not create it.)
    known = file_seen(session.journal, key) if os.path.exists(session.location) else {}
    if known.get("digest") == digest:
        counts = known["counts"]
        none = dict.fromkeys(counts, 0)
        return {"added": none, "updated": none, "deleted": none, "unchanged": counts,
                "skipped": counts, "conflicts": [], "notes": [],
                "dry_run": dry_run}  # fmt: skip
    parsed = load(file, path=path)
    remember = file_remembered(key, digest=digest, counts=_record_counts(parsed))
    [(_name, result)] = merge_all(session, [(None, parsed, remember)], prefer, dry_run)
    return result


def _record_counts(parsed: dict) -> dict[str, int]:
    """How many records of each kind an export holds (check-ins inside their goals)."""
    from partnerlog.core.kinds import KINDS

    return {
        kind.name: sum(len(goal.get("updates") or []) for goal in parsed["goals"])
        if kind.section is None
        else len(parsed.get(kind.section) or [])
        for kind in KINDS
    }
