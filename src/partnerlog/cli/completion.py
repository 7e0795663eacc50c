"""Shell completion for the Typer app: partners, "me", trait areas and choice values."""

import typer

from partnerlog import spec
from partnerlog.core.vocabulary import ME


def _db(ctx: typer.Context):
    return ctx.find_root().params.get(spec.DB.name)


def complete_partner(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Partner handles (comma-separated lists too), from one small read-only query.

    Typer renders the names it shows beside handles (zsh, fish) as Rich markup:
    escaped, "[bold]Eve[/]" shows as typed."""
    from rich.markup import escape

    from partnerlog.app.completion import partner_completions

    return [(value, escape(name)) for value, name in partner_completions(_db(ctx), incomplete)]


def complete_subject(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    me = [(ME, "yourself")] if ME.startswith(incomplete.lower()) else []
    return me + complete_partner(ctx, incomplete)


def complete_area(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from partnerlog.app.completion import area_completions

    return area_completions(_db(ctx), incomplete)


def complete_kind(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from partnerlog.app.completion import kind_completions

    return kind_completions(_db(ctx), incomplete)


COMPLETERS = {
    "partner": complete_partner, "subject": complete_subject, "area": complete_area,
    "kind": complete_kind,
}  # fmt: skip


def completer(param: spec.Param):
    """The completion function for a parameter, or None."""
    if param.complete is not None:
        return COMPLETERS[param.complete]
    if param.choices:
        choices = param.choices

        def complete_choice(incomplete: str) -> list[str]:
            # A list option takes "a,b": complete the last item.
            *done, current = incomplete.split(",")
            prefix = ",".join(done) + ("," if done else "")
            return [prefix + choice for choice in choices if choice.startswith(current.lower())]

        return complete_choice
    return None
