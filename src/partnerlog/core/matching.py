"""Naming a partner: a handle, a name or a unique prefix, forgiving case and accents. Pure."""

from __future__ import annotations

from partnerlog.core.records import Partner
from partnerlog.core.vocabulary import fold
from partnerlog.i18n import _


def find_partner(partners: list[Partner], query: str) -> Partner:
    """The one partner ``query`` names: a handle, a name, or a unique prefix of either.

    An active partner's handle, exactly as stored, names them outright. Other
    matching ignores case, accents and Unicode normalisation. Exact matches win
    over prefixes; archived partners answer only to an exact handle or name.
    Raises ``NotFound`` (with "did you mean …") or an ambiguity error. Messages
    quote what was typed as it is; the error boundary makes it safe to print.
    """
    from partnerlog.errors import NotFound, PartnerlogError

    handle = query.lstrip("@")
    for partner in partners:
        if partner.handle == handle and not partner.archived:
            return partner
    key = fold(query.lstrip("@"))
    if not key:
        raise NotFound(_("no partner was named"))
    for same in (
        [p for p in partners if fold(p.handle) == key],
        [p for p in partners if fold(p.name) == key],
    ):
        active = [p for p in same if not p.archived] or same
        if len(active) == 1:
            return active[0]
        if len(active) > 1:
            raise PartnerlogError(_ambiguous(query, active))
    current = [p for p in partners if not p.archived]
    prefixed = [
        p
        for p in current
        if fold(p.handle).startswith(key)
        or fold(p.name).startswith(key)
        or any(word.startswith(key) for word in fold(p.name).split())
    ]
    if len(prefixed) == 1:
        return prefixed[0]
    if prefixed:
        raise PartnerlogError(_ambiguous(query, prefixed))
    raise NotFound(_("no partner called {query!r}").format(query=query) + _suggest(key, partners))


def _ambiguous(query: str, candidates: list[Partner]) -> str:
    shown = ", ".join(f"{p.handle} ({p.name})" for p in candidates[:8])
    more = (
        " " + _("and {count} more").format(count=len(candidates) - 8) if len(candidates) > 8 else ""
    )
    return _("{query!r} could be {shown}{more}; type more of the name, or the handle").format(
        query=query, shown=shown, more=more
    )


def _suggest(key: str, partners: list[Partner]) -> str:
    import difflib

    choices = {}
    for p in partners:
        choices.setdefault(fold(p.handle), p.handle)
        choices.setdefault(fold(p.name), p.handle)
        for word in fold(p.name).split():
            choices.setdefault(word, p.handle)
    close = difflib.get_close_matches(key, list(choices), n=5, cutoff=0.6)
    handles = list(dict.fromkeys(choices[c] for c in close))[:3]
    if handles:
        return " " + _("(did you mean {handles}?)").format(handles=_(" or ").join(handles))
    return " " + _("(see: partnerlog partner list; add them with: partnerlog partner add NAME)")
