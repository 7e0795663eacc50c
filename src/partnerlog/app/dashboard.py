"""How every partnership is going: the verdicts, the dashboard, and who is due."""

from __future__ import annotations

from datetime import datetime, timedelta

from partnerlog.core.tally import WEEKS, WINDOW_DAYS


def _window_start(now: datetime, window: int) -> datetime:
    """From when the model reads contacts: the window, the sparkline's weeks, and
    the 60 days a status looks back, with a day to spare."""
    return now - timedelta(days=max(window, 7 * WEEKS, 60) + 1)


def verdicts(
    journal,
    now: datetime,
    window: int = WINDOW_DAYS,
    partner_id: int | None = None,
    *,
    include_private: bool = True,
):
    """Health verdicts for every active partner (or one), neediest first."""
    from partnerlog.core import health

    with _no_cycles():
        facts = journal.health_facts(
            _window_start(now, window),
            partner_id=partner_id,
            include_private=include_private,
            today=now.date(),
        )
        return sorted(
            (health.score_partnership(f, now, window) for f in facts), key=health.attention_order
        )


class Dashboard:
    """The neediest partnerships in full (``shown``), how many there are in all
    (``total``), and the most contacts any partner had in a week (``top_week``,
    the sparklines' shared scale, counted when first read)."""

    def __init__(self, shown: list, total: int, top_week) -> None:
        self.shown, self.total, self._top_week = shown, total, top_week

    @classmethod
    def of(cls, found: list, rows: int | None = None) -> Dashboard:
        """From every partnership's verdict: the first ``rows`` of them (all when None)."""
        top = max((max(v.weekly) for v in found), default=0)
        return cls(found if rows is None else found[:rows], len(found), top)

    @property
    def top_week(self) -> int:
        if callable(self._top_week):
            self._top_week = self._top_week()
        return self._top_week


def neediest(journal, now: datetime, window: int, rows: int) -> Dashboard:
    """The ``rows`` neediest partnerships, as `verdicts` orders them, scoring in
    full only those that can be among them.

    Where a partnership stands (new, at risk, drifting, or regular; how many
    days overdue) needs no score: it is read for everyone from an index
    (`standings`). The order is by status, days overdue, then score; so only
    the partnerships in the first groups of equal (status, days overdue) that
    hold ``rows`` need their contacts loaded and scored. Regular ones are one
    group: their score says whether they are thriving or steady.
    """
    from partnerlog.core import health

    since = _window_start(now, window)
    with _no_cycles():
        facts = journal.health_facts(since, today=now.date(), details=False)
        outline = journal.standings(since, now, window)
        order = {}
        for f in facts:
            stamps, recent, before = outline.get(f.partner.id, ([], [], (0, 0)))
            tone = health.ToneEvidence(recent, before)
            order[f.partner.id] = health.standing(f, now, tone, stamps).order()
        facts.sort(key=lambda f: order[f.partner.id])
        wanted = 0
        while wanted < len(facts) and (
            wanted < rows or order[facts[wanted].partner.id] == order[facts[wanted - 1].partner.id]
        ):
            wanted += 1
        chosen = facts[:wanted]
        journal.add_details(chosen, since)
        shown = sorted(
            (health.score_partnership(f, now, window) for f in chosen), key=health.attention_order
        )[:rows]

    def top_week() -> int:
        return journal.busiest_week(since, now, WEEKS)

    return Dashboard(shown, len(facts), top_week)


class _no_cycles:
    """Tens of thousands of tuples and records, none in a cycle: the cyclic
    garbage collector would only walk them (about 5% of the dashboard's time)."""

    def __enter__(self) -> None:
        import gc

        self.collecting = gc.isenabled()
        gc.disable()

    def __exit__(self, *_) -> None:
        import gc

        if self.collecting:
            gc.enable()


def summary(session, *, all_: bool, window: int, json_: bool) -> Dashboard:
    """The partnerships the dashboard shows, neediest first."""
    journal, now, window = session.journal, session.now, window
    if json_ or all_:
        return Dashboard.of(verdicts(journal, now, window))
    from partnerlog.core.vocabulary import DASHBOARD_ROWS

    return neediest(journal, now, window, DASHBOARD_ROWS)


def due(session, *, within: str | None) -> list:
    """Who is overdue for contact or a promise, most overdue first; then, with
    --within, who comes due soon."""
    from partnerlog.core.vocabulary import parse_cadence

    within = parse_cadence(within, "--within") if within else 0
    return due_within(session.journal, session.now, within)


def due_within(
    journal, now: datetime, within: int = 0, *, partners=None, last_contacts=None
) -> list:
    """Who is due (or, within ``within`` days, coming due); ``partners`` and
    ``last_contacts`` when the caller has read them already."""
    from partnerlog.core.contact import due_partners

    promises = journal.late_promises(now.date().isoformat())
    if partners is None:
        partners, last_contacts = journal.due_candidates(now, within, list(promises))
    elif last_contacts is None:
        last_contacts = journal.last_contacts()
    contacts = {pid: datetime.fromisoformat(at) for pid, at in last_contacts.items()}
    return due_partners(partners, contacts, now, within=within, promises=promises)
