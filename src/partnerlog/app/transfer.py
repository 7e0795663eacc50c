"""What leaves the journal: reports and exports."""

from datetime import timedelta

from partnerlog.core import dates
from partnerlog.core.records import Record
from partnerlog.core.vocabulary import WINDOW_DAYS
from partnerlog.errors import PartnerlogError, UsageError
from partnerlog.i18n import _


class ReportData(Record):
    """Everything a report shows, gathered in a handful of queries."""

    __slots__ = (
        "verdicts", "partners", "names", "goals", "traits", "pairs", "entries", "activity",
        "since", "until", "include_private", "output", "follow_ups", "dates", "encrypted",
    )  # fmt: skip


def report(
    session,
    *,
    who: list[str],
    output: str | None,
    since: str | None,
    until: str | None,
    include_private: bool,
    charts: bool,
) -> ReportData:
    from partnerlog.app.dashboard import verdicts
    from partnerlog.core.complement import complement_pairs

    now, journal = session.now, session.journal
    first = dates.parse_day(since, now) if since else (now - timedelta(days=WINDOW_DAYS)).date()
    last = dates.parse_day(until, now) if until else now.date()
    if first > last:
        raise UsageError(
            _("--since {first} is after --until {last}").format(first=first, last=last)
        )
    private = include_private
    if who:
        chosen = []
        from partnerlog.core.vocabulary import split_list

        for name in split_list(who):
            partner = journal.named(name)[0]
            if partner.handle not in {v.handle for v in chosen}:
                chosen += verdicts(
                    journal, now, WINDOW_DAYS, partner_id=partner.id, include_private=private
                )
    else:
        chosen = verdicts(journal, now, WINDOW_DAYS, include_private=private)
    if not chosen:
        raise PartnerlogError(
            _("no partners to report on; add one with: partnerlog partner add NAME")
        )
    wanted = {v.handle for v in chosen}
    partners = {p.handle: p for p in journal.partners(include_archived=True) if p.handle in wanted}
    partner_ids = [partners[v.handle].id for v in chosen]
    goals: dict[str, list] = {}
    for goal in journal.goals(closed_since=dates.iso(now - timedelta(days=WINDOW_DAYS))):
        goals.setdefault(goal.partner, []).append(goal)
    traits = journal.traits(active_only=False)
    follow_ups: dict[str, list] = {}
    for item in journal.follow_ups(partner_ids=partner_ids):
        follow_ups.setdefault(item.partner, []).append(item)
    partner_dates: dict[str, list] = {}
    for found in journal.partner_dates(partner_ids=partner_ids):
        partner_dates.setdefault(found.partner, []).append((found, found.next_on(now.date())))
    return ReportData(
        follow_ups=follow_ups,
        dates=partner_dates,
        verdicts=chosen,
        partners=partners,
        names=journal.names_by_handle(),
        goals=goals,
        traits=traits,
        pairs=complement_pairs(traits),
        entries=journal.interactions_by_partner(
            partner_ids, since=first, until=last, include_private=private
        ),
        activity=journal.activity_counts(
            partner_ids, since=first, until=last, include_private=private
        )
        if charts
        else None,
        since=first,
        until=last,
        include_private=private,
        output=_output(session, output),
        encrypted=journal.passphrase is not None,
    )


class Export:
    """The journal as an export reads it: sections of records (JSON), or tables (CSV)."""

    def __init__(
        self,
        journal,
        exported_at: str,
        include_private: bool,
        output: str | None = None,
        source_at: str | None = None,
    ) -> None:
        self.journal = journal
        self.exported_at = exported_at
        self.include_private = include_private
        self.output = output
        self.source_at = source_at

    def source(self) -> dict:
        """Which journal wrote the file, and when by its clock."""
        at = self.source_at or self.journal.clock_now()
        return {"journal": self.journal.get_meta("journal_id"), "at": at}

    def sections(self):
        from partnerlog.core.kinds import SECTIONS

        journal = self.journal
        versions = journal.version_rows()

        def marked(records):
            """Records with their version vectors (what a merge compares)."""

            def with_vectors():
                for doc in records():  # (each a new dict: given its vector in place)
                    doc["seen"] = journal.vector(doc["uuid"], doc["updated_at"] or "", versions)
                    yield doc

            return with_vectors

        def reader(kind):
            if kind.table == "interactions":  # (JSON texts, vectors and all: most of a file)
                return lambda: journal.interaction_texts(include_private=self.include_private)
            return marked(getattr(journal, kind.documents))

        return (
            *((kind.section, reader(kind)) for kind in SECTIONS),
            ("deleted", lambda: journal.tombstones(versions)),
        )

    def tables(self) -> list:
        """(table, columns, rows) for every exported table."""
        from partnerlog.store import EXPORT_TABLES

        found = []
        for table in EXPORT_TABLES:
            columns, rows = self.journal.table_rows(table)
            if not self.include_private:
                rows = self.journal.public_rows(table, columns, rows)
            found.append((table, columns, rows))
        return found


def export(session, *, format_: str, output: str | None, exclude_private: bool) -> Export:
    csv = format_.lower() == "csv"
    output = _output(session, output, folder=csv)
    return Export(session.journal, dates.iso(session.now), not exclude_private, output=output)


def _output(session, output: str | None, *, folder: bool = False) -> str | None:
    """Where to write, checked before any work: never the journal, never through a link."""
    from partnerlog.paths import check_output

    return None if output is None else check_output(output, session.location, folder=folder)
