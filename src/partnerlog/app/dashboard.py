"""How every partnership is going: the verdicts, the dashboard, and who is due."""

from datetime import datetime, timedelta

from partnerlog.core.tally import WEEKS, WINDOW_DAYS


def verdicts(
    journal,
    now: datetime,
    window: int = WINDOW_DAYS,
    partner_id: int | None = None,
    *,
    include_private: bool = True,
):
    """Health verdicts for every active partner (or one), neediest first."""
    import gc

    from partnerlog.core import health

    since = now - timedelta(days=max(window, 7 * WEEKS, 60) + 1)
    # Tens of thousands of tuples and records, none in a cycle: the cyclic
    # garbage collector would only walk them (about 5% of the dashboard's time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        facts = journal.health_facts(
            since, partner_id=partner_id, include_private=include_private, today=now.date()
        )
        return sorted(
            (health.score_partnership(f, now, window) for f in facts), key=health.attention_order
        )
    finally:
        if collecting:
            gc.enable()


def summary(session, values: dict) -> list:
    """The verdicts the dashboard shows, neediest first."""
    return verdicts(session.journal, session.now, values["window"])


def due(session, values: dict) -> list:
    """Who is overdue for contact or a promise, most overdue first; then, with
    --within, who comes due soon."""
    from partnerlog.core.vocabulary import parse_cadence

    within = parse_cadence(values["within"], "--within") if values["within"] else 0
    return due_within(session.journal, session.now, within)


def due_within(
    journal, now: datetime, within: int = 0, *, partners=None, last_contacts=None
) -> list:
    """Who is due (or, within ``within`` days, coming due); ``partners`` and
    ``last_contacts`` when the caller has read them already."""
    from partnerlog.core.contact import due_partners

    if last_contacts is None:
        last_contacts = journal.last_contacts()
    contacts = {pid: datetime.fromisoformat(at) for pid, at in last_contacts.items()}
    promises = journal.late_promises(now.date().isoformat())
    if partners is None:
        partners = journal.partners()
    return due_partners(partners, contacts, now, within=within, promises=promises)
