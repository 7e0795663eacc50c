"""Strengths and weaknesses, and who complements whom."""

from partnerlog.core.complement import complement_pairs, helpers_for_area
from partnerlog.core.records import Record, Trait
from partnerlog.core.vocabulary import ME, POLARITIES, area_key, choose_one
from partnerlog.errors import NotFound, UsageError
from partnerlog.i18n import _


def subject_of(journal, who: str) -> tuple[int | None, str, str]:
    """(partner id or None for me, handle or "me", display name)."""
    if who.strip().lower() == ME:
        return None, ME, _("you")
    partner = journal.named(who)[0]
    return partner.id, partner.handle, partner.name


class Added(Record):
    """A trait recorded, or the one already there (``new`` is False then)."""

    __slots__ = ("trait", "name", "new")


def add(session, *, who: str, polarity: str, area: list[str], note: str | None) -> Added:
    polarity = choose_one(polarity, POLARITIES, "polarity")
    label = " ".join(area).strip()
    key = area_key(label)
    if not key:
        raise UsageError(
            _("the area {label!r} needs at least one letter or digit").format(label=label)
        )
    journal = session.journal
    with journal.transaction(session.command.name):
        partner_id, subject, name = subject_of(journal, who)
        existing = journal.same_trait(partner_id, polarity, key)
        if existing is not None:
            return Added(existing, name, new=False)
        trait = journal.add_trait(
            Trait(
                subject=subject,
                partner_id=partner_id,
                polarity=polarity,
                area=key,
                label=label,
                note=note,
            )
        )
    return Added(trait, name, new=True)


def list_traits(session, *, who: str | None) -> list[Trait]:
    journal = session.journal
    if who is None:
        return journal.traits()
    partner_id = subject_of(journal, who)[0]
    return journal.traits(mine=partner_id is None, partner_id=partner_id)


def remove(session, *, id_: int):
    """Propose removing one strength or weakness; it goes when the person agrees."""
    from partnerlog.app.requests import Proposal

    journal = session.journal
    try:
        trait = journal.trait(id_)
    except NotFound as error:
        raise error.with_hint(_("see: partnerlog trait list")) from None

    def apply() -> Trait:
        with journal.transaction(session.command.name):
            journal.remove_trait(trait.id)
        return trait

    return Proposal(trait, apply)


class Complements(Record):
    """What `complement` found: the pairs, and what it takes to explain an empty answer."""

    __slots__ = ("pairs", "names", "area", "any_traits")


def complement(session, *, who: str | None, area: str | None) -> Complements:
    journal = session.journal
    partner = journal.named(who)[0] if who else None
    only = partner.handle if partner else None
    traits = journal.traits()
    pairs = complement_pairs(traits, only=only)
    if area is not None:
        key = area_key(area)
        if not key:
            raise UsageError(
                _("--area {area!r} needs at least one letter or digit").format(area=area)
            )
        pairs = helpers_for_area(pairs, traits, key, only=only)
    return Complements(pairs, journal.names_by_handle(), area, bool(traits))
