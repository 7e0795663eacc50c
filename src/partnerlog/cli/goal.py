"""`partnerlog goal …`: targets and plans shared with a partner."""

from typing import Annotated

import typer

from partnerlog.cli.state import Json, OptionalWho, Who, choose_one, partner_named, state
from partnerlog.errors import Conflict, UsageError
from partnerlog.models import GOAL_OWNERS, Goal, GoalUpdate, plural, visible

app = typer.Typer(
    help="Targets and plans with each partner, and check-ins on them.", no_args_is_help=True
)

GoalId = Annotated[int, typer.Argument(metavar="ID", help="The goal's id (see: goal list).")]


def check_progress(progress: int | None) -> int | None:
    if progress is not None and not 0 <= progress <= 100:
        raise UsageError(f"--progress {progress} is out of range; use 0 to 100")
    return progress


@app.command("add")
def add(
    ctx: typer.Context,
    who: Who,
    title: Annotated[list[str], typer.Argument(metavar="TITLE", help="What you aim for.")],
    owner: Annotated[
        str,
        typer.Option("--owner", help="Whose goal: me, partner, or shared (you both work on it)."),
    ] = "shared",
    due: Annotated[
        str | None, typer.Option("--due", help="Due date: 'friday', 'in 10 days', 2027-03-31…")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Details.")] = None,
    json: Json = False,
) -> None:
    """Add a goal with a partner.

    Example: partnerlog goal add sari "ship the new warehouse pipeline" --due 2027-03-31
    """
    from partnerlog import dates

    text = " ".join(title).strip()
    if not text:
        raise UsageError("a goal needs a title")
    owner_value = choose_one(owner, GOAL_OWNERS, "--owner")
    due_on = dates.parse_day(due, dates.now(), prefer="future").isoformat() if due else None
    journal = state(ctx).journal()
    with journal.transaction():
        partner = partner_named(journal, who)
        goal = journal.add_goal(
            Goal(
                partner=partner.handle,
                partner_id=partner.id,
                title=text,
                owner=owner_value,
                due_on=due_on,
                note=note,
            )
        )
    if json:
        from partnerlog.output import print_json

        print_json(goal.to_json())
        return
    due_text = f", due {due_on}" if due_on else ""
    typer.echo(
        f"Added goal #{goal.id} with {visible(partner.name, one_line=True)}: "
        f"{visible(text, one_line=True)} ({owner_value}{due_text}).",
        err=True,
    )


@app.command("list")
def list_goals(
    ctx: typer.Context,
    who: OptionalWho = None,
    all_goals: Annotated[
        bool, typer.Option("--all", help="Include done and dropped goals.")
    ] = False,
    json: Json = False,
) -> None:
    """List open goals (overdue ones marked); --all includes closed ones.

    Example: partnerlog goal list sari --all
    """
    from partnerlog import dates

    journal = state(ctx).journal()
    partner = partner_named(journal, who) if who else None
    goals = journal.goals(partner_id=partner.id if partner else None, include_closed=all_goals)
    if json:
        from partnerlog.output import print_json

        print_json([goal.to_json() for goal in goals])
        return
    if not goals:
        typer.echo(
            "No goals yet. Add one with: partnerlog goal add WHO TITLE"
            if all_goals
            else "No open goals (see --all for closed ones).",
            err=True,
        )
        return
    from partnerlog.render import console, goals_table

    names = {p.handle: p.name for p in journal.partners(include_archived=True)}
    console().print(goals_table(goals, names, dates.now().date()))


@app.command("update")
def update(
    ctx: typer.Context,
    goal_id: GoalId,
    progress: Annotated[int | None, typer.Option("--progress", help="0 to 100.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="How it is going.")] = None,
) -> None:
    """Check in on a goal: a dated progress figure and/or note; the history is kept.

    Example: partnerlog goal update 3 --progress 40 --note "staging works"
    """
    from partnerlog import dates

    check_progress(progress)
    if progress is None and not note:
        raise UsageError("give --progress, --note or both")
    journal = state(ctx).journal()
    with journal.transaction():
        goal = open_goal(journal, goal_id)
        goal = journal.add_goal_update(
            goal.id, GoalUpdate(at=dates.iso(dates.now()), progress=progress, note=note)
        )
    typer.echo(
        f"Checked in on goal #{goal.id} ({visible(goal.title, one_line=True)}): "
        f"{goal.progress}% after {plural(len(goal.updates), 'check-in')}.",
        err=True,
    )


@app.command("done")
def done(
    ctx: typer.Context,
    goal_id: GoalId,
    note: Annotated[str | None, typer.Option("--note", help="How it ended.")] = None,
) -> None:
    """Mark a goal as reached.

    Example: partnerlog goal done 3 --note "shipped on time"
    """
    close(ctx, goal_id, "done", note)


@app.command("drop")
def drop(
    ctx: typer.Context,
    goal_id: GoalId,
    reason: Annotated[list[str] | None, typer.Argument(metavar="REASON", help="Why.")] = None,
) -> None:
    """Drop a goal you no longer pursue, with an optional reason.

    Example: partnerlog goal drop 4 priorities changed
    """
    close(ctx, goal_id, "dropped", " ".join(reason or []) or None)


def close(ctx: typer.Context, goal_id: int, status: str, note: str | None) -> None:
    from partnerlog import dates

    journal = state(ctx).journal()
    now = dates.iso(dates.now())
    with journal.transaction():
        goal = open_goal(journal, goal_id)
        if note:
            journal.add_goal_update(goal.id, GoalUpdate(at=now, note=note))
        goal = journal.close_goal(goal.id, status, now)
    typer.echo(f"Goal #{goal.id} {status}: {visible(goal.title, one_line=True)}.", err=True)


def open_goal(journal, goal_id: int) -> Goal:
    goal = journal.goal(goal_id)
    if goal.status != "open":
        raise Conflict(f"goal #{goal_id} is already {goal.status}; nothing was changed")
    return goal
