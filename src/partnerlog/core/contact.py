"""Being in touch: how long since the last contact, and who is overdue. Pure."""

from __future__ import annotations

from partnerlog.core.records import Due

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime

    from partnerlog.core.records import Partner


def contact_gap(
    partner: Partner, last_contact: datetime | None, now: datetime
) -> tuple[int | None, int, int]:
    """(days since last contact or None, days counted against the cadence, days overdue).

    Someone never contacted is counted from the day they were added.
    """
    days_since = (now.date() - last_contact.date()).days if last_contact else None
    if days_since is None:
        known_since = _parse_time(partner.created_at) or now
        reference = max(0, (now.date() - known_since.date()).days)
    else:
        reference = days_since
    return days_since, reference, max(0, reference - partner.effective_cadence)


def due_partners(
    partners: list[Partner], last_contacts: dict[int, datetime], now: datetime
) -> list[Due]:
    """Who is overdue for contact, most overdue first."""
    found = []
    for partner in partners:
        days_since, _, overdue = contact_gap(partner, last_contacts.get(partner.id), now)
        if overdue > 0:
            found.append(
                Due(partner.handle, partner.name, days_since, partner.effective_cadence, overdue)
            )
    return sorted(found, key=lambda d: (-d.overdue_days, d.handle))


def _parse_time(text: str | None) -> datetime | None:
    from datetime import datetime

    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.astimezone()
