"""Writers for what leaves the journal: markdown reports, JSON and CSV exports,
and the validation of what comes back in (imports).

Writers are generators of text chunks, so a whole journal is streamed to its
file rather than built in memory; `paths.write_private` puts the chunks in
place atomically, readable only by the owner.
"""

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta

from partnerlog.models import (
    BENEFITS,
    GOAL_OWNERS,
    GOAL_STATUSES,
    ME,
    PARTNER_KINDS,
    PILLARS,
    POLARITIES,
    RELATIONS,
    SETTINGS,
    visible,
)

FORMAT = "partnerlog"
# The export format's version: bump it when a change would confuse an older reader.
VERSION = 1


# -- JSON and CSV exports ------------------------------------------------------


def json_export(journal, exported_at: str, *, include_private: bool = True) -> Iterator[str]:
    """The whole journal as one JSON document, streamed record by record."""
    yield "{\n"
    yield f'  "format": {json.dumps(FORMAT)},\n'
    yield f'  "version": {VERSION},\n'
    yield f'  "exported_at": {json.dumps(exported_at)}'
    sections: tuple[tuple[str, Callable[[], Iterable[dict]]], ...] = (
        ("partners", journal.export_partners),
        ("interactions", lambda: journal.export_interactions(include_private=include_private)),
        ("goals", journal.export_goals),
        ("traits", journal.export_traits),
    )
    for name, records in sections:
        yield f',\n  "{name}": ['
        first = True
        for record in records():
            yield ("\n    " if first else ",\n    ") + json.dumps(record, ensure_ascii=False)
            first = False
        yield "]" if first else "\n  ]"
    yield "\n}\n"


def csv_table(columns: list[str], rows: Iterable[tuple]) -> Iterator[str]:
    """One table as CSV (header first), streamed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(row)
        if buffer.tell() > 65536:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


# -- validating an import ----------------------------------------------------------


class ImportProblem(Exception):
    """What is wrong with a file to import, and where (one line)."""

    def __init__(self, message: str, *, newer: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.newer = newer


_UUID = re.compile(r"^[0-9a-fA-F-]{8,64}$")


def validate(document: object) -> dict:
    """Check a whole export before anything is written; raise ImportProblem naming the spot."""
    if not isinstance(document, dict):
        raise ImportProblem("the file is not a partnerlog export (expected a JSON object)")
    if document.get("format") != FORMAT:
        raise ImportProblem(
            f"the file is not a partnerlog export (format is {document.get('format')!r})"
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportProblem(f"version: expected a whole number, got {version!r}")
    if version > VERSION:
        raise ImportProblem(
            f"the file was exported by a newer partnerlog (format version {version}, "
            f"this one reads up to {VERSION}); upgrade partnerlog to import it",
            newer=True,
        )
    for section in ("partners", "interactions", "goals", "traits"):
        if not isinstance(document.get(section), list):
            raise ImportProblem(f"{section}: expected a list")
    check = _Checker()
    handles: dict[str, str] = {}
    uuids: set[str] = set()
    for n, record in enumerate(document["partners"]):
        at = f"partners[{n}]"
        check.record(record, at)
        check.uuid(record, at, uuids)
        check.text(record, "handle", at)
        check.text(record, "name", at)
        check.choice(record, "kind", PARTNER_KINDS, at)
        check.choice(record, "relation", RELATIONS, at)
        for key in ("role", "org", "notes", "created_at", "archived_at"):
            check.text(record, key, at, optional=True)
        check.integer(record, "cadence_days", at, 1, 100000, optional=True)
        handles[record["handle"]] = record["uuid"]
    partner_uuids = set(handles.values())
    for n, record in enumerate(document["interactions"]):
        at = f"interactions[{n}]"
        check.record(record, at)
        check.uuid(record, at, uuids)
        check.time(record, "occurred_at", at)
        check.text(record, "kind", at)
        check.choice(record, "setting", SETTINGS, at, optional=True)
        check.integer(record, "tone", at, -2, 2, optional=True)
        check.text(record, "note", at, optional=True)
        check.flag(record, "private", at)
        for key, allowed in (("pillars", PILLARS), ("benefits", BENEFITS), ("tags", None)):
            check.words(record, key, at, allowed)
        people = record.get("partner_uuids")
        if people is None:
            check.words(record, "partners", at, None)
            people = [handles.get(h) for h in record.get("partners", [])]
        if (
            not isinstance(people, list)
            or not people
            or not all(p in partner_uuids for p in people)
        ):
            raise ImportProblem(f"{at}.partners: names partners that are not in the file")
    for n, record in enumerate(document["goals"]):
        at = f"goals[{n}]"
        check.record(record, at)
        check.uuid(record, at, uuids)
        check.text(record, "title", at)
        check.choice(record, "owner", GOAL_OWNERS, at)
        check.choice(record, "status", GOAL_STATUSES, at)
        check.integer(record, "progress", at, 0, 100, optional=True)
        check.day(record, "due_on", at)
        check.text(record, "note", at, optional=True)
        owner = record.get("partner_uuid") or handles.get(record.get("partner"))
        if owner not in partner_uuids:
            raise ImportProblem(f"{at}.partner: not a partner in the file")
        updates = record.get("updates", [])
        if not isinstance(updates, list):
            raise ImportProblem(f"{at}.updates: expected a list")
        for m, update in enumerate(updates):
            where = f"{at}.updates[{m}]"
            check.record(update, where)
            check.time(update, "at", where)
            check.integer(update, "progress", where, 0, 100, optional=True)
            check.text(update, "note", where, optional=True)
            if update.get("uuid") is not None:
                check.uuid(update, where, uuids)
    for n, record in enumerate(document["traits"]):
        at = f"traits[{n}]"
        check.record(record, at)
        check.uuid(record, at, uuids)
        check.choice(record, "polarity", POLARITIES, at)
        check.text(record, "area", at)
        check.text(record, "label", at)
        check.text(record, "note", at, optional=True)
        subject = record.get("partner_uuid") or (
            None if record.get("subject") == ME else handles.get(record.get("subject"))
        )
        if record.get("subject") != ME and subject not in partner_uuids:
            raise ImportProblem(f"{at}.subject: not 'me' and not a partner in the file")
    return document


class _Checker:
    def record(self, value, at):
        if not isinstance(value, dict):
            raise ImportProblem(f"{at}: expected an object")

    def uuid(self, record, at, seen: set):
        value = record.get("uuid")
        if not isinstance(value, str) or not _UUID.match(value):
            raise ImportProblem(f"{at}.uuid: expected a uuid, got {_show(value)}")
        if value in seen:
            raise ImportProblem(f"{at}.uuid: {value} appears twice in the file")
        seen.add(value)

    def text(self, record, key, at, *, optional=False):
        value = record.get(key)
        if value is None and optional:
            return
        if not isinstance(value, str) or (not optional and not value.strip()):
            raise ImportProblem(f"{at}.{key}: expected text, got {_show(value)}")

    def choice(self, record, key, allowed, at, *, optional=False):
        value = record.get(key)
        if value is None and optional:
            return
        if value not in allowed:
            raise ImportProblem(
                f"{at}.{key}: expected one of {', '.join(allowed)}, got {_show(value)}"
            )

    def integer(self, record, key, at, low, high, *, optional=False):
        value = record.get(key)
        if value is None and optional:
            return
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ImportProblem(
                f"{at}.{key}: expected a whole number from {low} to {high}, got {_show(value)}"
            )

    def flag(self, record, key, at):
        if not isinstance(record.get(key, False), bool):
            raise ImportProblem(f"{at}.{key}: expected true or false, got {_show(record.get(key))}")

    def words(self, record, key, at, allowed):
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ImportProblem(f"{at}.{key}: expected a list of words, got {_show(value)}")
        if allowed is not None:
            wrong = [v for v in value if v not in allowed]
            if wrong:
                raise ImportProblem(
                    f"{at}.{key}: {_show(wrong[0])} is not one of {', '.join(allowed)}"
                )

    def time(self, record, key, at):
        value = record.get(key)
        try:
            datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise ImportProblem(
                f"{at}.{key}: expected an ISO date and time, got {_show(value)}"
            ) from None

    def day(self, record, key, at):
        value = record.get(key)
        if value is None:
            return
        try:
            date.fromisoformat(value)
        except (TypeError, ValueError):
            raise ImportProblem(f"{at}.{key}: expected an ISO date, got {_show(value)}") from None


def _show(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return visible(text if len(text) <= 40 else text[:37] + "…", one_line=True)


# -- markdown reports ------------------------------------------------------------

# Characters that start markdown or HTML constructs anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# What starts a block construct at the beginning of a line: headings, quotes,
# lists, thematic breaks, setext underlines, fences, numbered lists.
_LINE_START = re.compile(r"^([#>+=\-]|\d+[.)])")


def md_text(text: str | None) -> str:
    """User text as literal markdown on one line: it can open no construct.

    Safe inside a table cell, a heading or a list item.
    """
    shown = visible(text or "", one_line=True).strip()
    shown = _INLINE_SPECIAL.sub(r"\\\1", shown)
    return _LINE_START.sub(_escape_line_start, shown)


def _escape_line_start(match: re.Match) -> str:
    # "# x" → "\# x"; "1. x" → "1\. x" (escaping the digit would not help).
    text = match.group(0)
    return text[:-1] + "\\" + text[-1] if text[0].isdigit() else "\\" + text


def md_note(text: str, indent: str) -> list[str]:
    """A note under a list item: inline when it is one line, else a fenced block."""
    if "\n" not in text.strip():
        return [f"{indent}{md_text(text)}"] if text.strip() else []
    body = visible(text.strip("\n"))
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    return (
        [f"{indent}{fence}text"]
        + [f"{indent}{line}" for line in body.splitlines()]
        + [f"{indent}{fence}"]
    )


def md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cell or " " for cell in cells) + " |"


def report(
    journal,
    *,
    verdicts: list,
    since: date,
    until: date,
    now: datetime,
    include_private: bool = False,
    charts: bool = False,
) -> Iterator[str]:
    """A markdown report of some partnerships over a range of days, streamed."""
    from partnerlog import dates

    partner_ids = [journal_partner.id for journal_partner in _partners(journal, verdicts)]
    by_handle = {p.handle: p for p in _partners(journal, verdicts)}
    names = {p.handle: p.name for p in journal.partners(include_archived=True)}
    single = len(verdicts) == 1
    title = f"1:1 prep: {md_text(verdicts[0].name)}" if single else "Partnerships report"
    yield f"# {title}\n\n"
    yield (
        f"{since.isoformat()} to {until.isoformat()} · generated {now:%Y-%m-%d %H:%M} · "
        f"{len(verdicts)} partnership{'s' if len(verdicts) != 1 else ''}"
        f"{' · private notes included' if include_private else ''}\n\n"
    )
    yield "## Overview\n\n"
    yield md_row(["Partner", "Status", "Score", "Last contact", "Next step"]) + "\n"
    yield "| --- | --- | ---: | --- | --- |\n"
    for verdict in verdicts:
        last = (
            "never"
            if verdict.days_since is None
            else dates.ago(now - timedelta(days=verdict.days_since), now)
        )
        yield (
            md_row(
                [
                    f"{md_text(verdict.name)} (`{verdict.handle}`)",
                    verdict.status,
                    str(verdict.score),
                    last + (" (overdue)" if verdict.due else ""),
                    md_text(verdict.next_step),
                ]
            )
            + "\n"
        )
    yield "\n"
    if charts:
        yield from _charts(journal, partner_ids, since, until, include_private)

    goals_by_partner: dict[str, list] = {}
    for goal in journal.goals(closed_since=dates.iso(now - timedelta(days=90))):
        goals_by_partner.setdefault(goal.partner, []).append(goal)
    traits = journal.traits(active_only=False)
    from partnerlog.models import complement_pairs

    pairs = complement_pairs(traits)
    entries = journal.interactions_by_partner(
        partner_ids, since=since, until=until, include_private=include_private
    )
    pending = next(entries, None)
    for verdict in verdicts:
        partner = by_handle[verdict.handle]
        listed = []
        while pending is not None and pending[0] == partner.id:
            listed.append(pending[1])
            pending = next(entries, None)
        yield from _partner_section(
            partner, verdict, goals_by_partner.get(partner.handle, []),
            [t for t in traits if t.subject == partner.handle],
            [p for p in pairs if partner.handle in (p.strong, p.weak)],
            listed, names, single, now,
        )  # fmt: skip


def _partners(journal, verdicts):
    wanted = {v.handle for v in verdicts}
    order = {v.handle: n for n, v in enumerate(verdicts)}
    found = [p for p in journal.partners(include_archived=True) if p.handle in wanted]
    return sorted(found, key=lambda p: order[p.handle])


def _partner_section(partner, verdict, goals, traits, pairs, entries, names, single, now):
    yield f"## {md_text(partner.name)} (`{partner.handle}`)\n\n"
    facts = [f"{partner.kind}, {partner.relation}"]
    if partner.role:
        facts.append(md_text(partner.role))
    if partner.org:
        facts.append(md_text(partner.org))
    facts.append(f"contact every {partner.effective_cadence} days")
    if partner.archived:
        facts.append("archived")
    yield " · ".join(facts) + "\n\n"
    if partner.notes:
        yield "\n".join(md_note(partner.notes, "")) + "\n\n"
    yield f"### Health: {verdict.status}, {verdict.score}/100\n\n"
    yield md_row(["Pillar", "Score", "Why"]) + "\n| --- | ---: | --- |\n"
    for pillar in PILLARS:
        yield (
            md_row(
                [pillar, f"{verdict.pillars[pillar]}/20", md_text(verdict.pillar_reasons[pillar])]
            )
            + "\n"
        )
    yield "\n"
    yield f"**Next step:** {md_text(verdict.next_step)}\n\n"
    delivered = [f"{b} {n}" for b, n in verdict.benefits.items() if n]
    yield f"**Benefits (90 days):** {', '.join(delivered) if delivered else 'none tagged'}\n\n"
    if verdict.tone_avg_90d is not None:
        trend = "" if verdict.tone_trend is None else f", trend {verdict.tone_trend:+.1f}"
        yield f"**Tone (90 days):** {verdict.tone_avg_90d:+.1f}{trend}\n\n"

    yield "### Goals\n\n"
    if not goals:
        yield "No open or recently closed goals.\n\n"
    for goal in goals:
        box = "x" if goal.status == "done" else " "
        details = [goal.owner]
        if goal.due_on:
            overdue = goal.overdue_days(now.date())
            details.append(f"due {goal.due_on}" + (f", overdue {overdue} days" if overdue else ""))
        details.append(f"{goal.progress}%")
        if goal.status != "open":
            details.append(f"{goal.status} {goal.closed_at[:10] if goal.closed_at else ''}".strip())
        yield f"- [{box}] {md_text(goal.title)} ({', '.join(details)})\n"
        if goal.note:
            yield "\n".join(md_note(goal.note, "  ")) + "\n"
        for update in goal.updates[-3:]:
            progress = f"{update.progress}%" if update.progress is not None else "note"
            note = f": {md_text(update.note)}" if update.note else ""
            yield f"  - {update.at[:10]} {progress}{note}\n"
    if goals:
        yield "\n"

    yield "### Strengths and weaknesses\n\n"
    strengths = [t for t in traits if t.polarity == "strength"]
    weaknesses = [t for t in traits if t.polarity == "weakness"]
    for label, group in (("Strengths", strengths), ("Weaknesses", weaknesses)):
        shown = ", ".join(
            md_text(t.label) + (f" ({md_text(t.note)})" if t.note else "") for t in group
        )
        yield f"- **{label}:** {shown or 'none recorded'}\n"
    covering = [p for p in pairs if p.strong == partner.handle]
    covered = [p for p in pairs if p.weak == partner.handle]
    if covering:
        yield (
            "- **They cover my:** " + ", ".join(md_text(p.label or p.area) for p in covering) + "\n"
        )
    if covered:
        yield (
            "- **I cover their:** " + ", ".join(md_text(p.label or p.area) for p in covered) + "\n"
        )
    yield "\n"

    yield f"### Interactions ({len(entries)})\n\n"
    if not entries:
        yield "None in this range.\n\n"
        return
    for entry in entries:
        others = [h for h in entry.partners if h != partner.handle]
        parts = [entry.occurred_at[:16].replace("T", " "), md_text(entry.kind)]
        if entry.setting:
            parts[-1] += f" ({entry.setting})"
        if entry.tone is not None:
            parts.append(f"tone {entry.tone:+d}" if entry.tone else "tone 0")
        if others:
            parts.append("with " + ", ".join(md_text(names.get(h, h)) for h in others))
        if entry.private:
            parts.append("private")
        line = f"- {' · '.join(parts)}"
        note = md_note(entry.note, "  ")
        if len(note) == 1:
            yield f"{line} — {note[0].strip()}\n"
        else:
            yield line + "\n" + "".join(n + "\n" for n in note)
    yield "\n"


def _charts(journal, partner_ids, since, until, include_private) -> Iterator[str]:
    counts = journal.activity_counts(
        partner_ids, since=since, until=until, include_private=include_private
    )
    months: dict[str, int] = {}
    kinds: dict[str, int] = {}
    for month, kind, count in counts:
        months[month] = months.get(month, 0) + count
        kinds[kind] = kinds.get(kind, 0) + count
    if not months:
        return
    labels = ", ".join(f'"{m}"' for m in sorted(months))
    values = ", ".join(str(months[m]) for m in sorted(months))
    yield "```mermaid\nxychart-beta\n"
    yield '    title "Interactions per month"\n'
    yield f"    x-axis [{labels}]\n"
    yield f'    y-axis "Interactions" 0 --> {max(months.values())}\n'
    yield f"    bar [{values}]\n```\n\n"
    yield '```mermaid\npie title "Kinds of interaction"\n'
    for kind, count in sorted(kinds.items(), key=lambda item: (-item[1], item[0])):
        # Kinds are single words (letters, digits, hyphens): safe in a label.
        yield f'    "{kind}" : {count}\n'
    yield "```\n\n"
