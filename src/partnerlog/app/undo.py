"""`undo`: reverse the last action, after saying in words what it changed."""

from partnerlog.app.requests import Proposal
from partnerlog.core.records import Record
from partnerlog.i18n import N_


class Step(Record):
    """One record an action touched: what undo does to it (``verb``), and the
    record as its kind's `describe` template reads it (``values``; an entry's
    ``entry`` too), for the view to put in words."""

    __slots__ = ("verb", "kind", "values")


class Undoable(Record):
    """An action, as undo shows it (``here_only``: a merge, undone on this journal
    only; ``names``: partners' names by handle, for the entries' words)."""

    __slots__ = ("command", "at", "steps", "more", "here_only", "names")


def undo(session, *, list_: bool):
    journal, now = session.journal, session.now
    if list_:
        names: dict[str, str] = {}  # (read once, for all of them)
        return [describe(journal, action, now, names) for action in journal.actions(limit=20)]
    found = journal.actions(limit=1)
    if not found:
        return []  # nothing to do: not an error (the presenter says so)
    [action] = found
    shown = describe(journal, action, now)

    def apply() -> Undoable:
        with journal.transaction():
            journal.undo(action)
        return shown

    return Proposal(shown, apply)


# How many of an action's records undo names; the rest are counted (a tag
# renamed on 1,500 entries is one line of them, not 1,500).
NAMED_STEPS = 10


def describe(journal, action, now, names: dict[str, str] | None = None) -> Undoable:
    """An action in words: for each record (the first `NAMED_STEPS`), what undo
    would do and which record it is."""
    steps = []
    names = {} if names is None else names
    named = action.changes[:NAMED_STEPS]
    whole = journal.complete(named)  # (a tag rename kept only the tags)
    for kind, uuid, before in named:
        before = whole.get(uuid, before)
        if before is not None and "partial" in before:
            continue  # (a record gone since: nothing to name it by)
        record_id = journal.id_of(kind, uuid)
        current = journal.document(kind, record_id) if record_id is not None else None
        if before is None:
            verb, doc = N_("remove"), current
        elif current is None:
            verb, doc = N_("bring back"), before
        else:
            verb, doc = N_("restore"), before
        if doc is not None:
            steps.append(Step(verb=verb, kind=kind, values=_values(journal, kind, doc, names)))
    from partnerlog.core import dates
    from partnerlog.store.undo import MERGES

    return Undoable(
        command=action.command,
        at=dates.from_iso(action.at),
        steps=steps,
        more=max(0, len(action.changes) - NAMED_STEPS),
        here_only=action.command in MERGES,
        names=names,
    )


def _values(journal, kind: str, doc: dict, names: dict[str, str]) -> dict:
    """What the view needs to say which record ``doc`` is (``names``: partners'
    names by handle, read on first need)."""
    values = {**doc, "handle": doc.get("partner", doc.get("handle"))}
    if kind == "interactions":
        from partnerlog.core.records import Interaction

        values["entry"] = Interaction(
            **{key: doc[key] for key in Interaction.__slots__ if key in doc}
        )
        if not names:
            names.update(journal.names_by_handle())
    elif kind == "goal_updates":
        values.update(
            goal=journal.id_of("goals", doc["goal_uuid"]),
            progress=f" {doc['progress']}%" if doc.get("progress") is not None else "",
            note=f": {doc['note']}" if doc.get("note") else "",
        )
    return values
