"""`partner import FILE.vcf`: people from an address book's vCards (2.1, 3.0 and 4.0,
as Outlook, Android, iPhone, Google and Lotus Notes export them)."""

import re

from partnerlog.app.files import DryRun, read_input
from partnerlog.core.people import check_phone, phone_tail, valid_email
from partnerlog.core.records import Partner
from partnerlog.core.vocabulary import fold
from partnerlog.errors import UsageError
from partnerlog.i18n import N_, _


def import_vcards(session, *, file: str, dry_run: bool) -> dict:
    """Each card: a partner added, or one already here (by email, else by name) updated
    with what the card adds. Returns {"people": [(action, name, handle, changes)], …}."""
    cards, skipped = _cards(session, file)
    journal = session.journal
    people = []
    try:
        with journal.transaction(session.command.name):
            names = _names(journal)
            for card in cards:
                found = _apply(journal, card, names)
                if found is not None:
                    people.append(found)
            if dry_run:
                raise DryRun
    except DryRun:
        pass
    return {"people": people, "skipped": skipped, "dry_run": dry_run}


def _names(journal) -> dict[str, list[int]]:
    """Partners by folded name, read once (a card is matched by name when its
    addresses match nobody)."""
    found: dict[str, list[int]] = {}
    for partner in journal.partners(include_archived=True):
        found.setdefault(fold(partner.name), []).append(partner.id)
    return found


# What a card adds to a partner already here, as it is named when said.
FIELDS = {"role": N_("role"), "org": N_("org")}
# A name longer than this is not a person's (a broken card): skipped and named.
NAME_LIMIT = 200
_CARD = re.compile(r"^BEGIN:VCARD\s*$.*?^END:VCARD\s*$", re.I | re.M | re.S)


def _cards(session, file: str) -> tuple[list[dict], list[str]]:
    """The cards as plain values (name, emails, organisation, title), and the
    cards that could not be read, each named as well as it can be: one bad
    card is skipped, the others imported."""
    text = read_input(
        session, file, what=_("a vCard file"), encoding="utf-8-sig", missing=UsageError
    )
    blocks = _CARD.findall(_unfold_quoted_printable(text))
    if not blocks:
        raise UsageError(
            _("{file} is not a vCard file (no BEGIN:VCARD); nothing was imported").format(file=file)
        )
    found, skipped = [], []
    for number, block in enumerate(blocks, start=1):
        card = _card(block)
        if isinstance(card, str):
            skipped.append(_("card {number} ({what})").format(number=number, what=card))
        elif card is not None:
            found.append(card)
    if not found and not skipped:
        raise UsageError(
            _("{file} holds no vCard with a name; nothing was imported").format(file=file)
        )
    return found, skipped


def _card(block: str) -> dict | str | None:
    """One card's values, None for a card without a name, or why it cannot be read."""
    from partnerlog.core.vcard import Unreadable, read

    try:
        card = read(block)
    except Unreadable as error:
        return _("cannot read the line {line!r}").format(line=error.line[:60])
    name = (_first(card, "FN") or _name_from_n(card) or "").strip()
    if not name:
        return None
    if len(name) > NAME_LIMIT:
        return _("a name of {count:,} characters").format(count=len(name))
    emails = [e.strip().lower() for e in card.get("EMAIL", []) if valid_email(e.strip())]
    phones = [p for p in (_phone(t) for t in card.get("TEL", [])) if p]
    org = card.get("ORG")
    organisation = " ".join(part for part in org[0] if part.strip()) if org else None
    return {
        "name": " ".join(name.split()),
        "emails": emails,
        "phones": list(dict.fromkeys(phones)),
        "org": (organisation or "").strip() or None,
        "role": (_first(card, "TITLE") or "").strip() or None,
    }


def _unfold_quoted_printable(text: str) -> str:
    """vCard 2.1 (Android, old Outlook) breaks a quoted-printable value with a
    "=" at the end of a line and goes on at the start of the next: join them,
    which the vCard parser does not."""
    lines, joined, index = text.splitlines(), [], 0
    while index < len(lines):
        line = lines[index]
        if "QUOTED-PRINTABLE" in line.split(":", 1)[0].upper():
            while line.endswith("=") and index + 1 < len(lines):
                index += 1
                line = line[:-1] + lines[index].lstrip()
        joined.append(line)
        index += 1
    return "\n".join(joined) + "\n"


def _apply(journal, card: dict, names: dict[str, list[int]]):
    # By address (a number is not a person's own: an office's switchboard is many people's).
    known = (journal.partner_with_email(e) for e in card["emails"])
    partner_id = next((pid for pid in known if pid), None)
    if partner_id is None:
        same = names.get(fold(card["name"]), [])
        partner_id = same[0] if len(same) == 1 else None
    if partner_id is None:
        partner = Partner(
            handle=journal.free_handle(card["name"]),
            name=card["name"],
            role=card["role"],
            org=card["org"],
        )
        journal.add_partner(partner)
        names.setdefault(fold(partner.name), []).append(partner.id)
        _give_emails(journal, partner.id, card["emails"])
        _give_phones(journal, partner.id, card["phones"])
        return ("add", partner.name, partner.handle, [])
    partner = journal.partner(partner_id)
    changes = {}
    if card["role"] and not partner.role:
        changes["role"] = card["role"]
    if card["org"] and not partner.org:
        changes["org"] = card["org"]
    new_emails = [e for e in card["emails"] if e not in journal.emails(partner_id)]
    if changes:
        journal.update_partner(partner_id, changes)
    added = _give_emails(journal, partner_id, new_emails)
    theirs = {phone_tail(p) for p in journal.phones(partner_id)}
    added += _give_phones(journal, partner_id, [p for p in card["phones"]
                                                if phone_tail(p) not in theirs])  # fmt: skip
    said = [f"{_(FIELDS[field])} {value}" for field, value in changes.items()] + added
    return ("update", partner.name, partner.handle, said) if said else None


def _give_emails(journal, partner_id: int, emails: list[str]) -> list[str]:
    """The addresses given (one another partner has stays theirs)."""
    given = [e for e in emails if journal.partner_with_email(e) in (None, partner_id)]
    if given:
        journal.set_emails(partner_id, given)
    return given


def _give_phones(journal, partner_id: int, phones: list[str]) -> list[str]:
    """The numbers given (one another partner has stays theirs)."""
    given = [p for p in phones if journal.partner_with_phone(p) in (None, partner_id)]
    if given:
        journal.set_phones(partner_id, given)
    return given


def _phone(text: str) -> str | None:
    """A card's TEL as partnerlog keeps numbers, or None for one it cannot use."""
    try:
        return check_phone(text.removeprefix("tel:"))
    except UsageError:
        return None


def _first(card: dict, key: str) -> str | None:
    values = card.get(key)
    return values[0] if values else None


def _name_from_n(card: dict) -> str | None:
    """ "Given Family" from N (family; given; additional; prefix; suffix)."""
    parts = card.get("N")
    if not parts:
        return None
    family, given = (parts[0] + ["", ""])[:2]
    return " ".join(p.strip() for p in (given, family) if p.strip()) or None
