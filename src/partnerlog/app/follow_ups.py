"""Follow-ups: topics to raise next time and promises, listed, closed, and closed by `log`."""

from partnerlog.core import dates
from partnerlog.core.records import FollowUp, Record
from partnerlog.core.vocabulary import check_note, split_list
from partnerlog.errors import Conflict, NotFound, UsageError
from partnerlog.i18n import _


class Added(Record):
    """What `raise` or `owe` saved: one item for each partner named."""

    __slots__ = ("items", "names", "skipped")


def raise_topic(session, *, who: str, text: list[str]) -> Added:
    return _add(session, who, text, "raise", "me", None)


def owe(session, *, who: str, text: list[str], due: str | None, theirs: bool) -> Added:
    due_on = dates.due_day(due, session.now, "--due") if due else None
    return _add(session, who, text, "promise", "partner" if theirs else "me", due_on)


def postpone(session, *, id_: int, due: str) -> tuple[FollowUp, str]:
    """(the item with its new day, the partner's name)."""
    given = due.strip()
    due_on = (
        None
        if given.lower() == "none"
        else dates.due_day(given, session.now, _("DATE"), ahead=True)
    )
    journal = session.journal
    with journal.transaction(session.command.name):
        item = open_item(journal, id_)
        if item.due_on == due_on:
            raise Conflict(
                _("follow-up #{id} is due then already; nothing was changed").format(id=item.id)
            )
        item = journal.set_follow_up_due(item.id, due_on)
    return item, journal.partner(item.partner_id).name


def _add(session, who: str, words: list[str], kind: str, owner: str, due_on: str | None) -> Added:
    """One item for each partner named (WHO, commas, @mentions), as `log` reads them."""
    text = check_note(" ".join(words).strip(), _("TEXT"))
    if not text:
        raise UsageError(_('say what it is, e.g. partnerlog raise sari "the offsite budget"'))
    names = split_list([who])
    if not names:
        raise UsageError(_('say with whom, e.g. partnerlog raise sari "the offsite budget"'))
    journal = session.journal
    from partnerlog.app.people import add_mentioned

    partners = journal.named(*names)
    skipped = add_mentioned(journal, partners, text)
    with journal.transaction(session.command.name):
        items = [
            journal.add_follow_up(
                FollowUp(
                    partner=p.handle, partner_id=p.id, type=kind, owner=owner, text=text,
                    due_on=due_on,
                )
            )
            for p in partners
        ]  # fmt: skip
    return Added(items=items, names={p.handle: p.name for p in partners}, skipped=skipped)


def open_list(session, *, who: str | None, all_: bool) -> tuple[list[FollowUp], dict[str, str]]:
    """(open items, with --all the closed ones too, overdue first; partner names)."""
    journal = session.journal
    partner = journal.named(who)[0] if who else None
    items = journal.follow_ups(partner_ids=[partner.id] if partner else None, include_closed=all_)
    today = session.now.date()
    items.sort(key=lambda f: (f.status != "open", -f.overdue_days(today)))  # stable: by day
    return items, journal.names_by_handle()


def close(session, *, id_: list[str]) -> tuple[list[FollowUp], dict[str, str]]:
    """(the items closed, partner names): every item named, or none (an unknown or
    closed one stops it)."""
    ids = parse_ids(id_, "ID")
    journal = session.journal
    with journal.transaction(session.command.name):
        found = [open_item(journal, item_id) for item_id in ids]
        at = dates.iso(session.now)
        closed = [journal.close_follow_up(item.id, at) for item in found]
    return closed, journal.names_by_handle([item.partner for item in closed])


def parse_ids(given: list[str] | str, name: str) -> list[int]:
    """ "3,5" or ["3", "5"] → [3, 5], each once; anything else is a usage error."""
    ids: list[int] = []
    for part in split_list([given] if isinstance(given, str) else given):
        cleaned = part.lstrip("#")
        if not cleaned.isdigit():
            raise UsageError(
                _("{name}: {part!r} is not an id (see: partnerlog open)").format(
                    name=name, part=part
                )
            )
        if int(cleaned) not in ids:
            ids.append(int(cleaned))
    if not ids:
        raise UsageError(
            _("{name}: give the ids to close (see: partnerlog open)").format(name=name)
        )
    return ids


def open_item(journal, item_id: int) -> FollowUp:
    try:
        item = journal.follow_up(item_id)
    except NotFound as error:
        raise error.with_hint(_("see: partnerlog open")) from None
    if item.status != "open":
        closed = (item.closed_at or "")[:10]
        raise Conflict(
            _("follow-up #{item_id} was closed already on {closed}; nothing was changed").format(
                item_id=item_id, closed=closed
            )
        )
    return item


def settle_in_log(journal, ids: list[int], partner_ids: set[int], at: str, entry_uuid: str):
    """Close the items `log --close` names, settled in the entry just logged; inside
    its transaction. An item with someone not in the entry is refused: a mistyped id
    must not close another partner's promise."""
    closed = []
    for item_id in ids:
        item = open_item(journal, item_id)
        if item.partner_id not in partner_ids:
            raise Conflict(
                _(
                    "follow-up #{item_id} is with '{partner}', who is not in this entry; nothing was logged"
                ).format(item_id=item_id, partner=item.partner)
            ).with_hint(_("close it by itself: partnerlog close {item_id}").format(item_id=item_id))
        closed.append(journal.close_follow_up(item_id, at, entry_uuid))
    return closed


def still_open(journal, partners) -> list[tuple[object, list]]:
    """(partner, their open items as (type, owner, due day)) for each partner with any:
    what `log` says after an entry. One indexed query."""
    rows = journal.open_items([p.id for p in partners])
    found = []
    for partner in partners:
        items = [row[1:] for row in rows if row[0] == partner.id]
        if items:
            found.append((partner, items))
    return found
