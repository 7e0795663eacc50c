"""What every command shares: the journal it works on, opened once per run."""

from pathlib import Path
from typing import Annotated

import typer

from partnerlog import paths
from partnerlog.domain import Partner
from partnerlog.validate import (  # noqa: F401  (re-exported for the commands)
    check_kind,
    check_tone,
    choose,
    choose_one,
    split_list,
)


class State:
    """Opened by the root callback; commands ask it for the journal."""

    def __init__(self, db_option: Path | None) -> None:
        self.db_option = db_option
        self._journal = None

    @property
    def path(self) -> Path:
        return paths.journal_path(self.db_option)

    def journal(self, *, create: bool = False):
        """The journal; ``create`` for write commands that may start a new one."""
        if self._journal is None:
            from partnerlog.store import Journal

            self._journal = Journal.open(self.path, create=create)
        return self._journal

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State(None)
    return root.obj


def partner_named(journal, query: str) -> Partner:
    return journal.named(query)[0]


def complete_partner(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of partner handles (comma-separated lists too): one small query.

    Typer renders the names it shows beside handles (zsh, fish) as Rich markup:
    escaped, "[bold]Eve[/]" shows as typed."""
    from rich.markup import escape

    from partnerlog.commands import partner_completions

    db = ctx.find_root().params.get("db")
    return [(value, escape(name)) for value, name in partner_completions(db, incomplete)]


# The partner arguments the commands share (completion included).
Who = Annotated[
    str,
    typer.Argument(
        metavar="WHO", help="Handle, name or unique prefix.", autocompletion=complete_partner
    ),
]
OptionalWho = Annotated[
    str | None,
    typer.Argument(
        metavar="WHO",
        help="Only this partner (handle, name or prefix).",
        autocompletion=complete_partner,
    ),
]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
