"""Partners: adding, listing, profiling, editing and archiving the people you work with."""

from datetime import timedelta

from partnerlog.core.people import check_email, check_phone, parse_handle, phone_tail, slug
from partnerlog.core.records import Partner, Record
from partnerlog.core.vocabulary import (
    DEFAULT_PARTNER_KIND,
    DEFAULT_RELATION,
    PARTNER_KINDS,
    RELATIONS,
    choose_one,
    fold,
    parse_cadence,
    split_list,
)
from partnerlog.errors import Conflict, UsageError
from partnerlog.i18n import _

HANDLE_HINT = "choose another with --handle"


def add(
    session,
    *,
    name: str,
    handle: str | None,
    kind: str | None,
    relation: str | None,
    role: str | None,
    org: str | None,
    cadence: str | None,
    notes: str | None,
    email: list[str],
    phone: list[str],
    yes: bool,
) -> Partner:
    if not name.strip():
        raise UsageError(_("a partner needs a name"))
    if not slug(name) and handle is None:
        raise UsageError(
            _("cannot make a handle from {name!r}; give one with --handle").format(name=name)
        )
    partner = Partner(
        handle="",
        name=name.strip(),
        kind=choose_one(kind, PARTNER_KINDS, "--kind") or DEFAULT_PARTNER_KIND,
        relation=choose_one(relation, RELATIONS, "--relation") or DEFAULT_RELATION,
        role=role,
        org=org,
        cadence_days=parse_cadence(cadence),
        notes=notes,
    )
    chosen = parse_handle(handle) if handle is not None else None
    emails = [check_email(e) for e in split_list(email)]
    phones = [check_phone(p) for p in split_list(phone)]
    journal = session.journal
    same = [p for p in journal.partners(include_archived=True) if fold(p.name) == fold(name)]
    if same and not yes:
        handles = ", ".join(p.handle for p in same)
        if not session.interactive:
            raise UsageError(
                _(
                    "a partner called {value!r} is here already ({handles}); add --yes to add another person of that name"
                ).format(value=name.strip(), handles=handles)
            )
        session.confirm(
            _("{name} is here already ({handles}). Add another?").format(
                name=name.strip(), handles=handles
            )
        )
    with journal.transaction(session.command.name):
        partner.handle = chosen or journal.free_handle(partner.name)
        try:
            journal.add_partner(partner)
        except Conflict as error:
            raise error.with_hint(HANDLE_HINT) from None
        journal.set_emails(partner.id, emails)
        journal.set_phones(partner.id, phones)
    return partner


def list_partners(session, *, archived: bool) -> tuple[list[Partner], dict[int, str]]:
    """(partners, and when each was last seen)."""
    journal = session.journal
    return journal.partners(include_archived=archived), journal.last_contacts()


class Profile(Record):
    """Everything about one partner, for `partner show`."""

    __slots__ = (
        "partner", "verdict", "goals", "traits", "pairs", "recent", "names", "emails",
        "phones", "follow_ups", "dates",
    )  # fmt: skip


# `partner show` lists this many recent interactions.
RECENT = 10


def profile(session, *, who: str) -> Profile:
    from partnerlog.app.dashboard import verdicts
    from partnerlog.core import dates
    from partnerlog.core.complement import complement_pairs
    from partnerlog.core.vocabulary import WINDOW_DAYS

    journal, now = session.journal, session.now
    [partner] = journal.named(who)
    # Open goals, and the ones closed within the window.
    closed_since = dates.iso(now - timedelta(days=WINDOW_DAYS))
    [verdict] = verdicts(journal, now, WINDOW_DAYS, partner_id=partner.id)
    return Profile(
        partner=partner,
        verdict=verdict,
        goals=journal.goals(partner_id=partner.id, closed_since=closed_since),
        traits=journal.traits(partner_id=partner.id, active_only=False),
        pairs=complement_pairs(journal.traits(active_only=False), only=partner.handle),
        recent=journal.interactions(partner_id=partner.id, limit=RECENT),
        names=journal.names_by_handle(),
        emails=journal.emails(partner.id),
        phones=journal.phones(partner.id),
        follow_ups=journal.follow_ups(partner_ids=[partner.id]),
        dates=[(d, d.next_on(now.date())) for d in journal.partner_dates(partner_ids=[partner.id])],
    )


def edit(
    session,
    *,
    who: str,
    name: str | None,
    handle: str | None,
    kind: str | None,
    relation: str | None,
    cadence: str | None,
    role: str | None,
    org: str | None,
    notes: str | None,
    email: list[str],
    phone: list[str],
    remove_email: list[str],
    remove_phone: list[str],
) -> Partner:
    changes: dict = {}
    if name is not None:
        if not name.strip():
            raise UsageError(_("--name cannot be empty"))
        changes["name"] = name.strip()
    if handle is not None:
        changes["handle"] = parse_handle(handle)
    if kind is not None:
        changes["kind"] = choose_one(kind, PARTNER_KINDS, "--kind")
    if relation is not None:
        changes["relation"] = choose_one(relation, RELATIONS, "--relation")
    if cadence is not None:
        changes["cadence_days"] = (
            None if cadence.strip().lower() == "default" else parse_cadence(cadence)
        )
    for field, value in (("role", role), ("org", org), ("notes", notes)):
        if value is not None:
            changes[field] = value or None
    emails = [check_email(e) for e in split_list(email)]
    phones = [check_phone(p) for p in split_list(phone)]
    # (any text: a mistyped address is what is being removed)
    forget = [e.strip().lower() for e in split_list(remove_email) if e.strip()]
    drop = [phone_tail(p) for p in split_list(remove_phone) if phone_tail(p)]
    if not changes and not emails and not forget and not phones and not drop:
        raise UsageError(_("nothing to change; give an option such as --role or --cadence"))
    journal = session.journal
    with journal.transaction(session.command.name):
        partner = journal.named(who)[0]
        if forget:
            theirs = journal.emails(partner.id)
            unknown = [e for e in forget if e not in theirs]
            if unknown:
                raise UsageError(
                    _("{name} has no address {email} (theirs: {theirs})").format(
                        name=partner.name, email=unknown[0], theirs=", ".join(theirs) or "none"
                    )
                )
            journal.set_emails(
                partner.id, [e for e in theirs if e not in forget] + emails, replace=True
            )
        elif emails:
            journal.set_emails(partner.id, emails)
        if phones or drop:
            _change_phones(journal, partner, phones, drop)
        try:
            return journal.update_partner(partner.id, changes)
        except Conflict as error:
            raise error.with_hint(HANDLE_HINT) from None


def _change_phones(journal, partner, phones: list[str], drop: list[str]) -> None:
    """Add ``phones`` to a partner's numbers and forget those whose last nine
    digits are in ``drop`` (a number they do not have is refused)."""
    theirs = journal.phones(partner.id)
    unknown = [d for d in drop if d not in {phone_tail(t) for t in theirs}]
    if unknown:
        raise UsageError(
            _("{name} has no number ending {digits} (theirs: {theirs})").format(
                name=partner.name, digits=unknown[0], theirs=", ".join(theirs) or "none"
            )
        )
    kept = [t for t in theirs if phone_tail(t) not in drop]
    journal.set_phones(partner.id, kept + phones, replace=True)


def archive(session, *, who: str, restore: bool) -> tuple[Partner, bool]:
    """(the partner, whether they were restored rather than archived)."""
    journal = session.journal
    with journal.transaction(session.command.name):
        partner = journal.named(who)[0]
        if partner.archived != restore:
            said = (
                _("{name} ({handle}) is archived already; nothing was changed")
                if partner.archived
                else _("{name} ({handle}) is not archived; nothing was changed")
            )
            raise Conflict(said.format(name=partner.name, handle=partner.handle))
        journal.set_archived(partner.id, not restore)
    return partner, restore
