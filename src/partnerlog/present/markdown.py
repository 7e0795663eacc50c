"""The markdown report: an overview of partnerships, then each one's health, goals,
strengths and weaknesses, and interactions. User text is escaped or fenced so
nothing typed can open a markdown construct.
"""

import re
from collections.abc import Iterator
from datetime import datetime, timedelta

from partnerlog.core.health import PILLAR_POINTS
from partnerlog.core.vocabulary import PILLARS, WINDOW_DAYS
from partnerlog.i18n import N_, _, number
from partnerlog.present.text import plural, visible

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


def md_code(text: str) -> str:
    """A handle as inline code; one that could close the code span is shown as text."""
    shown = visible(text, one_line=True)
    return f"`{shown}`" if re.fullmatch(r"[\w.-]+", shown) else md_text(shown)


def mermaid_label(text: str) -> str:
    """Text inside a Mermaid label's quotes: word characters, spaces and hyphens only.

    Kinds are checked to be one word wherever they enter; this holds even for a
    file another program wrote, so nothing can close the quotes or the block.
    """
    return re.sub(r"[^\w -]", "_", visible(text, one_line=True))


def md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cell or " " for cell in cells) + " |"


def report(data, now: datetime) -> Iterator[str]:
    """A markdown report of some partnerships over a range of days, streamed.

    ``data`` is what `app.transfer.report` gathered: the verdicts in order,
    their partners, goals, traits, pairs, the interactions in range (a stream
    of (partner id, interaction), in the verdicts' order) and, for charts, the
    activity counts.
    """
    from partnerlog.core import when

    verdicts = data.verdicts
    single = len(verdicts) == 1
    title = (
        _("1:1 prep: {name}").format(name=md_text(verdicts[0].name))
        if single
        else _("Partnerships report")
    )
    yield f"# {title}\n\n"
    yield (
        _("{since} to {until} · generated {at}").format(
            since=data.since.isoformat(), until=data.until.isoformat(), at=f"{now:%Y-%m-%d %H:%M}"
        )
        + " · "
        + plural(len(verdicts), "partnership")
        + (" · " + _("private notes included") if data.include_private else "")
        + "\n\n"
    )
    if single:  # the prep sheet opens with what to bring
        yield from _to_bring(data.follow_ups.get(verdicts[0].handle, []), "##", now)
    yield "## " + _("Overview") + "\n\n"
    yield md_row([_("Partner"), _("Status"), _("Score"), _("Last contact"), _("Next step")]) + "\n"
    yield "| --- | --- | ---: | --- | --- |\n"
    for verdict in verdicts:
        last = (
            _("never")
            if verdict.days_since is None
            else when.ago(now - timedelta(days=verdict.days_since), now)
        )
        yield (
            md_row(
                [
                    f"{md_text(verdict.name)} ({md_code(verdict.handle)})",
                    _(verdict.status),
                    str(verdict.score),
                    last + (" " + _("(overdue)") if verdict.due else ""),
                    md_text(verdict.next_step),
                ]
            )
            + "\n"
        )
    yield "\n"
    if data.activity is not None:
        yield from _charts(data.activity)

    entries = data.entries
    pending = next(entries, None)
    for verdict in verdicts:
        partner = data.partners[verdict.handle]
        listed = []
        while pending is not None and pending[0] == partner.id:
            listed.append(pending[1])
            pending = next(entries, None)
        yield from _partner_section(
            partner, verdict, data.goals.get(partner.handle, []),
            [] if single else data.follow_ups.get(partner.handle, []),
            data.dates.get(partner.handle, []),
            [t for t in data.traits if t.subject == partner.handle],
            [p for p in data.pairs if partner.handle in (p.strong, p.weak)],
            listed, data.names, single, now,
        )  # fmt: skip


def _to_bring(items, level: str, now: datetime) -> Iterator[str]:
    """ "To raise" and "Open promises", as checklists (empty ones left out)."""
    from partnerlog.core.when import due_words

    today = now.date()
    raised = [i for i in items if i.type == "raise"]
    promises = [i for i in items if i.type == "promise"]
    for title, group in ((N_("To raise"), raised), (N_("Open promises"), promises)):
        if not group:
            continue
        yield f"{level} {_(title)}\n\n"
        for item in group:
            details = [f"#{item.id}"]
            if item.type == "promise":
                details.insert(0, _("mine") if item.owner == "me" else _("theirs"))
            if item.due_on:
                details.append(due_words(item.due_on, today, whole=True))
            yield f"- [ ] {md_text(item.text)} ({', '.join(details)})\n"
        yield "\n"


def _partner_section(
    partner, verdict, goals, follow_ups, partner_dates, traits, pairs, entries, names, single, now
):
    yield f"## {md_text(partner.name)} ({md_code(partner.handle)})\n\n"
    facts = [f"{md_text(_(partner.kind))}, {md_text(_(partner.relation))}"]
    if partner.role:
        facts.append(md_text(partner.role))
    if partner.org:
        facts.append(md_text(partner.org))
    facts.append(_("contact every {days} days").format(days=partner.effective_cadence))
    if partner.archived:
        facts.append(_("archived"))
    if partner.paused(now.date()):
        facts.append(_("paused until {day}").format(day=partner.paused_until))
    yield " · ".join(facts) + "\n\n"
    coming = [(d, day) for d, day in partner_dates if day]
    if coming:
        from partnerlog.present.dates import coming as said

        shown = "; ".join(f"{md_text(d.label)} {said(d, day, now.date())}" for d, day in coming)
        yield "**" + _("Dates") + f":** {shown}\n\n"
    yield from _to_bring(follow_ups, "###", now)
    if partner.notes:
        yield "\n".join(md_note(partner.notes, "")) + "\n\n"
    yield "### " + _("Health") + f": {_(verdict.status)}, {verdict.score}/100\n\n"
    yield md_row([_("Pillar"), _("Score"), _("Why")]) + "\n| --- | ---: | --- |\n"
    for pillar in PILLARS:
        yield (
            md_row(
                [
                    _(pillar),
                    f"{verdict.pillars[pillar]}/{PILLAR_POINTS}",
                    md_text(verdict.pillar_reasons[pillar]),
                ]
            )
            + "\n"
        )
    yield "\n"
    yield "**" + _("Next step") + f":** {md_text(verdict.next_step)}\n\n"
    delivered = [f"{_(b)} {n}" for b, n in verdict.benefits.items() if n]
    shown = ", ".join(delivered) if delivered else _("none tagged")
    benefits = _("Benefits ({days} days)").format(days=WINDOW_DAYS)
    yield f"**{benefits}:** {shown}\n\n"
    if verdict.tone_avg_90d is not None:
        trend = (
            ""
            if verdict.tone_trend is None
            else ", " + _("trend {trend}").format(trend=number(verdict.tone_trend, "+.1f"))
        )
        tone = _("Tone ({days} days)").format(days=WINDOW_DAYS)
        yield f"**{tone}:** {number(verdict.tone_avg_90d, '+.1f')}{trend}\n\n"

    yield "### " + _("Goals") + "\n\n"
    if not goals:
        yield _("No open or recently closed goals.") + "\n\n"
    for goal in goals:
        box = "x" if goal.status == "done" else " "
        details = [_(goal.owner)]
        if goal.due_on:
            overdue = goal.overdue_days(now.date())
            details.append(
                _("due {day}").format(day=goal.due_on)
                + (", " + _("overdue {days} days").format(days=overdue) if overdue else "")
            )
        details.append(f"{goal.progress}%")
        if goal.status != "open":
            closed = goal.closed_at[:10] if goal.closed_at else ""
            details.append(f"{_(goal.status)} {closed}".strip())
        yield f"- [{box}] {md_text(goal.title)} ({', '.join(details)})\n"
        if goal.note:
            yield "\n".join(md_note(goal.note, "  ")) + "\n"
        for update in goal.updates[-3:]:
            progress = f"{update.progress}%" if update.progress is not None else _("note")
            note = f": {md_text(update.note)}" if update.note else ""
            yield f"  - {update.at[:10]} {progress}{note}\n"
    if goals:
        yield "\n"

    yield "### " + _("Strengths and weaknesses") + "\n\n"
    strengths = [t for t in traits if t.polarity == "strength"]
    weaknesses = [t for t in traits if t.polarity == "weakness"]
    nothing = _("none recorded")
    for label, group in ((_("Strengths"), strengths), (_("Weaknesses"), weaknesses)):
        shown = ", ".join(
            md_text(t.label) + (f" ({md_text(t.note)})" if t.note else "") for t in group
        )
        yield f"- **{label}:** {shown or nothing}\n"
    covering = [p for p in pairs if p.strong == partner.handle]
    covered = [p for p in pairs if p.weak == partner.handle]
    if covering:
        yield (
            "- **"
            + _("They cover my")
            + ":** "
            + ", ".join(md_text(p.label or p.area) for p in covering)
            + "\n"
        )
    if covered:
        yield (
            "- **"
            + _("I cover their")
            + ":** "
            + ", ".join(md_text(p.label or p.area) for p in covered)
            + "\n"
        )
    yield "\n"

    heading = _("Interactions ({count})").format(count=len(entries))
    yield f"### {heading}\n\n"
    if not entries:
        yield _("None in this range.") + "\n\n"
        return
    for entry in entries:
        others = [h for h in entry.partners if h != partner.handle]
        parts = [entry.occurred_at[:16].replace("T", " "), md_text(entry.kind)]
        if entry.setting:
            parts[-1] += f" ({_(entry.setting)})"
        if entry.tone is not None:
            parts.append(_("tone {tone}").format(tone=f"{entry.tone:+d}" if entry.tone else "0"))
        if others:
            parts.append(
                _("with {names}").format(names=", ".join(md_text(names.get(h, h)) for h in others))
            )
        if entry.private:
            parts.append(_("private"))
        line = f"- {' · '.join(parts)}"
        note = md_note(entry.note, "  ")
        if len(note) == 1:
            yield f"{line} — {note[0].strip()}\n"
        else:
            yield line + "\n" + "".join(n + "\n" for n in note)
    yield "\n"


def _charts(counts: list[tuple[str, str, int]]) -> Iterator[str]:
    """Mermaid charts of (month, kind, interactions) counts."""
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
    title = mermaid_label(_("Interactions per month"))
    axis = mermaid_label(_("Interactions"))
    yield f'    title "{title}"\n'
    yield f"    x-axis [{labels}]\n"
    yield f'    y-axis "{axis}" 0 --> {max(months.values())}\n'
    yield f"    bar [{values}]\n```\n\n"
    pie = mermaid_label(_("Kinds of interaction"))
    yield f'```mermaid\npie title "{pie}"\n'
    for kind, count in sorted(kinds.items(), key=lambda item: (-item[1], item[0])):
        yield f'    "{mermaid_label(kind)}" : {count}\n'
    yield "```\n\n"
