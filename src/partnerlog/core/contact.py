"""Being in touch: how long since the last contact, and who is overdue. Pure."""

from __future__ import annotations

from partnerlog.core.records import Due
from partnerlog.core.when import in_window

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime

    from partnerlog.core.records import Partner


def contact_gap(
    partner: Partner, last_contact: datetime | None, now: datetime
) -> tuple[int | None, int, int]:
    """(days since last contact or None, days counted against the cadence, days overdue).

    Someone never contacted is counted from the day they were added. Someone
    paused (away until a day) counts nothing while away, and from the day they
    are back once the pause is over: a return starts a fresh cadence.
    """
    today = now.date()
    days_since = (today - last_contact.date()).days if last_contact else None
    if days_since is None:
        known_since = _parse_time(partner.created_at) or now
        reference = max(0, (today - known_since.date()).days)
    else:
        reference = days_since
    if partner.paused_until:
        if partner.paused(today):
            return days_since, 0, 0
        reference = min(reference, max(0, (today - partner.back_on).days))
    return days_since, reference, max(0, reference - partner.effective_cadence)


def due_partners(
    partners: list[Partner],
    last_contacts: dict[int, datetime],
    now: datetime,
    *,
    within: int = 0,
    promises: dict[int, list] | None = None,
) -> list[Due]:
    """Who is overdue for contact or for a promise of mine, most overdue first; with
    ``within``, then who comes due within that many days (upcoming), soonest first.
    Someone paused is left out until they are back."""
    today = now.date()
    promises = promises or {}
    found = []
    for partner in partners:
        if partner.paused(today):
            continue
        days_since, reference, overdue = contact_gap(partner, last_contacts.get(partner.id), now)
        owed = promises.get(partner.id)
        late = [p for p in owed if p.mine and p.overdue_days(today)] if owed else []
        due_in = partner.effective_cadence - reference
        upcoming = not overdue and not late and within > 0 and in_window(due_in, within)
        if overdue > 0 or late or upcoming:
            found.append(
                Due(
                    partner.handle, partner.name, days_since, partner.effective_cadence, overdue,
                    upcoming=upcoming, due_in_days=max(0, due_in), promises=late,
                )
            )  # fmt: skip
    return sorted(found, key=lambda d: (d.upcoming, -d.overdue_days, d.due_in_days, d.handle))


def _parse_time(text: str | None) -> datetime | None:
    from datetime import datetime

    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.astimezone()
