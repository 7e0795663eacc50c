"""Goals: targets and plans with a partner, check-ins, and closing them."""

from partnerlog.core import dates
from partnerlog.core.records import Goal, GoalUpdate
from partnerlog.core.vocabulary import GOAL_OWNERS, ME, check_progress, choose_one
from partnerlog.errors import Conflict, NotFound, UsageError
from partnerlog.i18n import _


def add(session, values: dict) -> tuple[Goal, str]:
    """(the goal, the partner's name)."""
    text = " ".join(values["title"]).strip()
    if not text:
        raise UsageError(_("a goal needs a title"))
    owner = choose_one(values["owner"], GOAL_OWNERS, "--owner")
    due = values["due"]
    due_on = dates.due_day(due, session.now, "--due") if due else None
    journal = session.journal
    mine = values["who"].strip().lower() == ME
    with journal.transaction(session.command.name):
        partner = None if mine else journal.named(values["who"])[0]
        goal = journal.add_goal(
            Goal(
                partner=partner.handle if partner else ME,
                partner_id=partner.id if partner else None,
                title=text,
                owner="me" if mine else owner,
                due_on=due_on,
                note=values["note"],
            )
        )
    return goal, partner.name if partner else _("yourself")


def list_goals(session, values: dict) -> tuple[list[Goal], dict[str, str]]:
    """(open goals, or all of them with --all; partner names)."""
    from partnerlog.app.people import names_by_handle

    journal = session.journal
    partner = journal.named(values["who"])[0] if values["who"] else None
    goals = journal.goals(partner_id=partner.id if partner else None, include_closed=values["all"])
    return goals, names_by_handle(journal)


def update(session, values: dict) -> Goal:
    progress = check_progress(values["progress"])
    if progress is None and not values["note"]:
        raise UsageError(_("give --progress, --note or both"))
    journal = session.journal
    with journal.transaction(session.command.name):
        goal = open_goal(journal, values["id"])
        return journal.add_goal_update(
            goal.id, GoalUpdate(at=dates.iso(session.now), progress=progress, note=values["note"])
        )


def done(session, values: dict) -> Goal:
    return close(session, values["id"], "done", values["note"])


def drop(session, values: dict) -> Goal:
    return close(session, values["id"], "dropped", " ".join(values["reason"]) or None)


def close(session, goal_id: int, status: str, note: str | None) -> Goal:
    journal = session.journal
    at = dates.iso(session.now)
    with journal.transaction(session.command.name):
        goal = open_goal(journal, goal_id)
        if note:
            journal.add_goal_update(goal.id, GoalUpdate(at=at, note=note))
        return journal.close_goal(goal.id, status, at)


def edit(session, values: dict) -> Goal:
    """Change what was typed: title, due date, owner, note."""
    changes: dict = {}
    if values["title"] is not None:
        if not values["title"].strip():
            raise UsageError(_("--title cannot be empty"))
        changes["title"] = values["title"].strip()
    if values["due"] is not None:
        due = values["due"].strip()
        changes["due_on"] = (
            None if due.lower() in ("", "none") else dates.due_day(due, session.now, "--due")
        )
    if values["owner"] is not None:
        changes["owner"] = choose_one(values["owner"], GOAL_OWNERS, "--owner")
    if values["note"] is not None:
        changes["note"] = values["note"] or None
    if not changes:
        raise UsageError(_("nothing to change; give --title, --due, --owner or --note"))
    journal = session.journal
    with journal.transaction(session.command.name):
        goal = find_goal(journal, values["id"])
        return journal.update_goal(goal.id, changes)


def reopen(session, values: dict) -> Goal:
    journal = session.journal
    with journal.transaction(session.command.name):
        goal = find_goal(journal, values["id"])
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
