"""`undo`: remove the most recently created record, after saying what it is."""

from partnerlog.core.records import Record
from partnerlog.errors import UsageError
from partnerlog.runner import Proposal


class Latest(Record):
    """The record `undo` would remove, described in words."""

    __slots__ = ("table", "id", "description")


def undo(session, values: dict) -> Proposal:
    journal = session.journal
    latest = journal.latest_record()
    if latest is None:
        raise UsageError("nothing to undo: the journal is empty")
    table, record_id = latest
    found = Latest(table, record_id, describe(journal, table, record_id, session.now))

    def apply() -> Latest:
        with journal.transaction():
            if journal.latest_record() != latest:
                raise UsageError("the journal changed meanwhile; run undo again")
            journal.remove_record(table, record_id)
        return found

    return Proposal(found, apply)


def describe(journal, table: str, record_id: int, now) -> str:
    """One record in words (its first line names it; an entry's note follows)."""
    from partnerlog.present.text import phrase

    if table == "interactions":
        from partnerlog.app.interactions import names_by_handle
        from partnerlog.present.terminal import interaction_summary

        entry = journal.interaction(record_id)
        return "entry " + interaction_summary(entry, names_by_handle(journal), now).plain
    if table == "partners":
        partner = journal.partner(record_id)
        return phrase("partner {name} ({handle})", name=partner.name, handle=partner.handle)
    if table == "goals":
        goal = journal.goal(record_id)
        return phrase(
            "goal #{id} with {handle}: {title}", id=goal.id, handle=goal.partner, title=goal.title
        )
    if table == "goal_updates":
        goal_id, progress, note = journal.check_in(record_id)
        return phrase(
            "check-in on goal #{goal}{progress}: {note}",
            goal=goal_id,
            progress=f" {progress}%" if progress is not None else "",
            note=note or "",
        )
    trait = journal.trait(record_id)
    return phrase(
        "{polarity} #{id} of {subject}: {label}",
        polarity=trait.polarity,
        id=trait.id,
        subject=trait.subject,
        label=trait.label,
    )
