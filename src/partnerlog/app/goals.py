"""Goals: targets and plans with a partner, check-ins, and closing them."""

from partnerlog.core import dates
from partnerlog.core.records import Goal, GoalUpdate
from partnerlog.core.vocabulary import GOAL_OWNERS, ME, check_progress, choose_one
from partnerlog.errors import Conflict, NotFound, UsageError
from partnerlog.i18n import _


def add(
    session, *, who: str, title: list[str], owner: str, due: str | None, note: str | None
) -> tuple[Goal, str]:
    """(the goal, the partner's name)."""
    text = " ".join(title).strip()
    if not text:
        raise UsageError(_("a goal needs a title"))
    owner = choose_one(owner, GOAL_OWNERS, "--owner")
    due_on = dates.due_day(due, session.now, "--due") if due else None
    journal = session.journal
    mine = who.strip().lower() == ME
    with journal.transaction(session.command.name):
        partner = None if mine else journal.named(who)[0]
        goal = journal.add_goal(
            Goal(
                partner=partner.handle if partner else ME,
                partner_id=partner.id if partner else None,
                title=text,
                owner="me" if mine else owner,
                due_on=due_on,
                note=note,
            )
        )
    return goal, partner.name if partner else _("yourself")


def list_goals(session, *, who: str | None, all_: bool) -> tuple[list[Goal], dict[str, str]]:
    """(open goals, or all of them with --all; partner names)."""
    journal = session.journal
    partner = journal.named(who)[0] if who else None
    goals = journal.goals(partner_id=partner.id if partner else None, include_closed=all_)
    return goals, journal.names_by_handle()


def update(session, *, id_: int, progress: int | None, note: str | None) -> Goal:
    progress = check_progress(progress)
    if progress is None and not note:
        raise UsageError(_("give --progress, --note or both"))
    journal = session.journal
    with journal.transaction(session.command.name):
        goal = open_goal(journal, id_)
        return journal.add_goal_update(
            goal.id, GoalUpdate(at=dates.iso(session.now), progress=progress, note=note)
        )


def done(session, *, id_: int, note: str | None) -> Goal:
    return close(session, id_, "done", note)


def drop(session, *, id_: int, reason: list[str]) -> Goal:
    return close(session, id_, "dropped", " ".join(reason) or None)


def close(session, goal_id: int, status: str, note: str | None) -> Goal:
    journal = session.journal
    at = dates.iso(session.now)
    with journal.transaction(session.command.name):
        goal = open_goal(journal, goal_id)
        if note:
            journal.add_goal_update(goal.id, GoalUpdate(at=at, note=note))
        return journal.close_goal(goal.id, status, at)


def edit(
    session, *, id_: int, title: str | None, due: str | None, owner: str | None, note: str | None
) -> Goal:
    """Change what was typed: title, due date, owner, note."""
    changes: dict = {}
    if title is not None:
        if not title.strip():
            raise UsageError(_("--title cannot be empty"))
        changes["title"] = title.strip()
    if due is not None:
        due = due.strip()
        changes["due_on"] = (
            None if due.lower() in ("", "none") else dates.due_day(due, session.now, "--due")
        )
    if owner is not None:
        changes["owner"] = choose_one(owner, GOAL_OWNERS, "--owner")
    if note is not None:
        changes["note"] = note or None
    if not changes:
        raise UsageError(_("nothing to change; give --title, --due, --owner or --note"))
    journal = session.journal
    with journal.transaction(session.command.name):
        goal = find_goal(journal, id_)
        return journal.update_goal(goal.id, changes)


def reopen(session, *, id_: int) -> Goal:
    journal = session.journal
    with journal.transaction(session.command.name):
        goal = find_goal(journal, id_)
        if goal.status == "open":
            raise Conflict(_("goal #{id} is open already; nothing was changed").format(id=goal.id))
        return journal.reopen_goal(goal.id)


def find_goal(journal, goal_id: int) -> Goal:
    try:
        return journal.goal(goal_id)
    except NotFound as error:
        raise error.with_hint(_("see: partnerlog goal list --all")) from None


def open_goal(journal, goal_id: int) -> Goal:
    goal = find_goal(journal, goal_id)
    if goal.status != "open":
        raise Conflict(
            _("goal #{goal_id} is already {status}; nothing was changed").format(
                goal_id=goal_id, status=goal.status
            )
        )
    return goal
