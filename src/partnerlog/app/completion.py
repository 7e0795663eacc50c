"""What shell completion offers: a partner's handle with the name beside it, and
the areas of strengths and weaknesses already in the journal."""

import os

from partnerlog.safe import visible


def _passphrase() -> str | None:
    """An encrypted journal's passphrase, only from the environment: completion
    never asks, and never runs a command that might (it completes nothing)."""
    from partnerlog.app.passphrases import ENV

    return os.environ.get(ENV) or None


def partner_completions(db, incomplete: str) -> list[tuple[str, str]]:
    """(value, name) completions for a WHO argument; "sari,b" completes to "sari,budi".

    The name is shown beside the value by zsh and fish: on one line, with
    control characters made visible."""
    from partnerlog.paths import journal_location
    from partnerlog.store.completion import complete_handles

    *done, current = incomplete.split(",")
    prefix = ",".join(done) + ("," if done else "")
    return [
        (prefix + handle, visible(name, one_line=True))
        for handle, name in complete_handles(
            journal_location(db), current, passphrase=_passphrase()
        )
    ]


def area_completions(db, incomplete: str) -> list[tuple[str, str]]:
    """(area, "strength"/"weakness") already in the journal that ``incomplete`` starts.

    Areas match however they are spelled, and shells keep only what starts
    with what was typed: "s" offers "sql" where "SQL" was written."""
    from partnerlog.core.vocabulary import area_key
    from partnerlog.paths import journal_location
    from partnerlog.store.completion import complete_areas

    key = area_key(incomplete)
    return [
        (label if label.startswith(incomplete) else area_key(label), polarity)
        for label, polarity in complete_areas(journal_location(db), key, passphrase=_passphrase())
    ]


def kind_completions(db, incomplete: str) -> list[tuple[str, str]]:
    """(kind, its pillars or how often it was logged) for a --kind: the vocabulary's
    kinds and their other words, then the kinds invented in the journal."""
    from partnerlog.core.vocabulary import KIND_ALIASES, PILLARS_BY_KIND
    from partnerlog.paths import journal_location
    from partnerlog.store.completion import complete_kinds

    typed = incomplete.lower()
    found = [(kind, ", ".join(PILLARS_BY_KIND[kind])) for kind in PILLARS_BY_KIND
             if kind.startswith(typed)]  # fmt: skip
    found += [(alias, kind) for alias, kind in KIND_ALIASES.items() if alias.startswith(typed)]
    known = {value for value, _ in found}  # (every known kind that starts so)
    found += [
        (kind, str(count))
        for kind, count in complete_kinds(journal_location(db), typed, passphrase=_passphrase())
        if kind not in known
    ]
    return found
