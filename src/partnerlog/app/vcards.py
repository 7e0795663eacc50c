"""`partner import FILE.vcf`: people from an address book's vCards (3.0 and 4.0)."""

from partnerlog.app.files import DryRun, read_input
from partnerlog.core.records import Partner
from partnerlog.core.vocabulary import fold, valid_email
from partnerlog.errors import UsageError
from partnerlog.i18n import _


def import_vcards(session, values: dict) -> dict:
    """Each card: a partner added, or one already here (by email, else by name) updated
    with what the card adds. Returns {"people": [(action, name, handle, changes)], …}."""
    cards = _cards(values["file"])
    journal = session.journal
    people = []
    try:
        with journal.transaction(session.command.name):
            for card in cards:
                found = _apply(journal, card)
                if found is not None:
                    people.append(found)
            if values["dry_run"]:
                raise DryRun
    except DryRun:
        pass
    return {"people": people, "dry_run": values["dry_run"]}


def _cards(file: str) -> list[dict]:
    """The cards as plain values: name, emails, organisation, title."""
    import vobject

    text = read_input(file, what=_("a vCard file"), encoding="utf-8-sig", missing=UsageError)
    found = []
    try:
        for component in vobject.readComponents(text):
            if component.name != "VCARD":
                continue
            name = _value(component, "fn") or _name_from_n(component)
            if not name:
                continue
            emails = [
                str(e.value).strip().lower()
                for e in component.contents.get("email", [])
                if valid_email(str(e.value).strip())
            ]
            org = component.contents.get("org")
            organisation = None
            if org:
                value = org[0].value
                organisation = " ".join(value) if isinstance(value, list) else str(value)
            found.append(
                {
                    "name": name.strip(),
                    "emails": emails,
                    "org": (organisation or "").strip() or None,
                    "role": (_value(component, "title") or "").strip() or None,
                }
            )
    except Exception as error:  # vobject's parse errors carry the line
        raise UsageError(
            _("{file} is not a vCard file ({error}); nothing was imported").format(
                file=file, error=error
            )
        ) from None
    if not found:
        raise UsageError(
            _("{file} holds no vCard with a name; nothing was imported").format(file=file)
        )
    return found


def _apply(journal, card: dict):
    partner_id = next(
        (pid for pid in (journal.partner_with_email(e) for e in card["emails"]) if pid), None
    )
    if partner_id is None:
        same = [
            p for p in journal.partners(include_archived=True) if fold(p.name) == fold(card["name"])
        ]
        partner_id = same[0].id if len(same) == 1 else None
    if partner_id is None:
        partner = Partner(
            handle=journal.free_handle(card["name"]),
            name=card["name"],
            role=card["role"],
            org=card["org"],
        )
        journal.add_partner(partner)
        _give_emails(journal, partner.id, card["emails"])
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
    said = [f"{field} {value}" for field, value in changes.items()] + added
    return ("update", partner.name, partner.handle, said) if said else None


def _give_emails(journal, partner_id: int, emails: list[str]) -> list[str]:
    """The addresses given (one another partner has stays theirs)."""
    given = [e for e in emails if journal.partner_with_email(e) in (None, partner_id)]
    if given:
        journal.set_emails(partner_id, given)
    return given


def _value(component, key: str) -> str | None:
    entries = component.contents.get(key)
    return str(entries[0].value) if entries else None


def _name_from_n(component) -> str | None:
    entries = component.contents.get("n")
    if not entries:
        return None
    n = entries[0].value
    return " ".join(part for part in (n.given, n.family) if part) or None
