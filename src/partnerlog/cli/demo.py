"""`partnerlog demo`: a sample journal in its own file, to try everything safely."""

from pathlib import Path
from typing import Annotated

import typer

from partnerlog.cli.state import state
from partnerlog.errors import NotAJournal, PartnerlogError


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


def demo(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Option("--path", help="Where to build it (default: demo.db in your data folder)."),
    ] = None,
) -> None:
    """Build a realistic sample journal in its own file (never yours) and show it.

    Example: partnerlog demo, then: partnerlog --db "$(partnerlog db path --demo)" timeline
    """
    from partnerlog import dates, paths
    from partnerlog import demo as sample
    from partnerlog.store import Journal

    target = (path or paths.demo_path()).expanduser()
    if target.resolve() == state(ctx).path.resolve():
        raise PartnerlogError(f"{target} is your journal; the demo needs a file of its own")
    if target.exists():
        try:
            existing = Journal.open(target)
            is_demo = existing.get_meta("demo") == "1"
            existing.close()
        except (NotAJournal, PartnerlogError):
            is_demo = False
        if not is_demo:
            raise PartnerlogError(f"{target} exists and is not a demo journal; not overwriting it")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    journal = Journal.open(target, create=True)
    now = dates.now()
    added = sample.build(journal, now)
    typer.echo(
        f"Built a demo journal with {added['partners']} partners, "
        f"{added['interactions']} interactions over a year, {added['goals']} goals and "
        f"{added['traits']} strengths and weaknesses, in {target}",
        err=True,
    )
    from partnerlog.commands import show_dashboard

    show_dashboard(journal, now)
    journal.close()
    typer.echo(
        "\nExplore it (your own journal is untouched):\n"
        f"  export PARTNERLOG_DB={_shell_quote(target)}\n"
        "  partnerlog partner show sari     (a thriving partnership)\n"
        "  partnerlog partner show andi     (one at risk)\n"
        "  partnerlog due\n"
        "  partnerlog timeline dewi\n"
        "  partnerlog complement\n"
        "  partnerlog search migrasi\n"
        "and when you are done: unset PARTNERLOG_DB",
        err=True,
    )


def _shell_quote(path: Path) -> str:
    import shlex

    return shlex.quote(str(path))
