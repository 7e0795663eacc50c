"""Interactions: logging one, reading them back, searching, fixing and removing them."""

from partnerlog.app.people import add_mentioned
from partnerlog.core import dates
from partnerlog.core.records import Interaction, Record
from partnerlog.core.vocabulary import (
    BENEFITS,
    DEFAULT_KIND,
    PILLARS,
    check_kind,
    check_note,
    check_setting,
    check_tone,
    choose,
    default_pillars,
    hashtags,
    known_kind,
    merged_tags,
    near_kind,
    normal_tag,
    split_list,
)
from partnerlog.errors import JournalBusy, PartnerlogError, UsageError
from partnerlog.i18n import _


class Logged(Record):
    """What `log` saved, and what it understood along the way."""

    __slots__ = ("interaction", "partners", "moment", "skipped", "closed", "still_open")


def read_note(session, words: list[str], *, edit: bool = False, kind: str | None = None) -> str:
    """The note: the words given, else the editor (asked for, or at a terminal),
    else stdin. An empty or blank note is refused: nothing is logged."""
    if edit or (not words and session.interactive):
        text = session.write_in_editor(" ".join(words) if words else None, kind)
        if not text:
            raise UsageError(_("nothing logged: the note was left empty"))
        return text
    text = " ".join(words) if words else session.stdin_text()
    if not text.strip():
        raise UsageError(
            _(
                "nothing logged: the note is empty (give it after WHO, pipe it in, or add -e to write it in your editor)"
            )
        )
    return text


def log(
    session,
    *,
    who: str,
    note: list[str],
    kind: str | None,
    when: str | None,
    tone: int | None,
    where: str | None,
    pillar: list[str],
    benefit: list[str],
    tag: list[str],
    private: bool,
    edit: bool,
    new_kind: bool,
    close: list[str],
    yes: bool,
) -> Logged:
    """Log one interaction: partners named and @mentioned, #tags, the date understood."""
    kind = check_kind(kind) if kind is not None else DEFAULT_KIND
    tone = check_tone(tone)
    setting = check_setting(where)
    pillars = choose(pillar, PILLARS, "--pillar")
    benefits = choose(benefit, BENEFITS, "--benefit")
    now = session.now
    moment = dates.parse_when(when, now) if when else now.replace(microsecond=0)
    names = split_list([who])
    if not names:
        raise UsageError(_('say who it was with, e.g. partnerlog log sari "lunch"'))
    closing = None
    if close:
        from partnerlog.app.follow_ups import parse_ids

        closing = parse_ids(close, "--close")
    # No journal is created here: without one there is nobody to log with yet,
    # and the error says how to start one.
    journal = session.journal
    check_new_kind(journal, kind, new_kind)
    partners = journal.named(*names)
    archived = [p for p in partners if p.archived]
    if archived and not yes:
        who = ", ".join(f"{p.name} ({p.handle})" for p in archived)
        if not session.interactive:
            raise UsageError(
                _("{who} is archived; add --yes to log with them anyway").format(who=who)
            )
        session.confirm(_("{who} is archived. Log with them anyway?").format(who=who))
    text = check_note(read_note(session, note, edit=edit, kind=kind))
    skipped = add_mentioned(journal, partners, text)
    interaction = Interaction(
        occurred_at=dates.iso(moment),
        kind=kind,
        partners=sorted(p.handle for p in partners),
        setting=setting,
        tone=tone,
        note=text,
        private=private,
        pillars=pillars or list(default_pillars(kind, setting)),
        benefits=benefits,
        tags=merged_tags(split_list(tag), text),
    )
    closed = []
    try:
        with journal.transaction(session.command.name):
            journal.add_interaction(interaction, [p.id for p in partners])
            if closing:
                from partnerlog.app.follow_ups import settle_in_log

                closed = settle_in_log(
                    journal, closing, {p.id for p in partners}, dates.iso(now), interaction.uuid
                )
    except JournalBusy as busy:
        # Whatever was typed or piped must not be lost with the exit: say it back.
        raise JournalBusy(
            _("{message}; the note was not saved: {text}").format(message=busy.message, text=text)
        ) from None
    except PartnerlogError as error:
        if closing:  # the entry was not saved either: say the note back
            error.message = _("{message}; the note was: {text}").format(
                message=error.message, text=text
            )
        raise
    from partnerlog.app.follow_ups import still_open

    return Logged(interaction, partners, moment, skipped, closed, still_open(journal, partners))


def timeline(
    session,
    *,
    who: str | None,
    since: str | None,
    until: str | None,
    kind: str | None,
    tag: str | None,
    limit: int,
) -> tuple[list[Interaction], dict[str, str]]:
    """(interactions newest first, filtered by partner, days, kind and tag; partner names)."""
    if limit < 0:
        raise UsageError(_("--limit cannot be negative"))
    now = session.now
    since_day = dates.parse_day(since, now) if since else None
    until_day = dates.parse_day(until, now) if until else None
    if since_day and until_day and since_day > until_day:
        raise UsageError(
            _("--since {since_day} is after --until {until_day}").format(
                since_day=since_day, until_day=until_day
            )
        )
    journal = session.journal
    partner = journal.named(who)[0] if who else None
    kind = check_kind(kind) if kind else None
    if kind is not None and not known_kind(kind) and not journal.kind_used(kind):
        near = near_kind(kind)
        hint = _("did you mean {near}?").format(near=near) if near else _("see: partnerlog kinds")
        raise UsageError(_("no entry has the kind {kind!r} ({hint})").format(kind=kind, hint=hint))
    entries = journal.interactions(
        partner_id=partner.id if partner else None,
        since=since_day,
        until=until_day,
        kind=kind,
        tag=normal_tag(tag) if tag else None,
        limit=limit or None,
    )
    return entries, journal.names_by_handle()


def search(session, *, query: list[str], limit: int) -> tuple[str, list, list, dict[str, str]]:
    """(the words, matching interactions, goals and follow-ups best first, partner names)."""
    text = " ".join(query)
    if not text.strip():
        raise UsageError(_("give some words to search for"))
    limit = limit or None
    journal = session.journal
    entries = journal.search(text, limit=limit)
    return (
        text,
        entries,
        journal.search_goals(text, limit=limit),
        journal.search_follow_ups(text, limit=limit),
        journal.names_by_handle(),
    )


def edit(
    session,
    *,
    id_: int,
    note: str | None,
    who: str | None,
    kind: str | None,
    when: str | None,
    tone: int | None,
    where: str | None,
    pillar: list[str],
    benefit: list[str],
    tag: list[str],
    private: bool | None,
    edit: bool,
    new_kind: bool,
) -> tuple[Interaction, dict[str, str]]:
    """Change one interaction; only the values given change. A new note's #tags
    add to the tags already there, unless --tag replaces them."""
    changes: dict = {}
    if edit:
        if note is None:
            note = session.journal.interaction(id_).note
        note = session.write_in_editor(note)
        if not note:
            raise UsageError(_("nothing changed: the note was left empty"))
    if note is not None:
        if not note.strip():
            raise UsageError(_("--note cannot be empty; delete the entry instead"))
        changes["note"] = check_note(note, "--note")
    if kind is not None:
        changes["kind"] = check_kind(kind)
        check_new_kind(session.journal, changes["kind"], new_kind, editing=True)
    if when is not None:
        changes["occurred_at"] = dates.iso(dates.parse_when(when, session.now))
    if tone is not None:
        changes["tone"] = check_tone(tone)
    if where is not None:
        changes["setting"] = check_setting(where)
    if private is not None:
        changes["private"] = int(private)
    pillars = choose(pillar, PILLARS, "--pillar") if pillar else None
    benefits = choose(benefit, BENEFITS, "--benefit") if benefit else None
    given_tags = split_list(tag) if tag else None
    note_tags = hashtags(note or "")
    if not changes and who is None and not (pillars or benefits or given_tags):
        raise UsageError(_("nothing to change; give an option such as --note or --when"))
    journal = session.journal
    with journal.transaction(session.command.name):
        current = journal.interaction(id_)
        tags = None
        if given_tags is not None:
            tags = merged_tags(given_tags, note)
        elif note_tags:
            tags = list(dict.fromkeys(current.tags + note_tags))
        partner_ids = None
        if who is not None:
            names = split_list([who])
            if not names:
                raise UsageError(_("--who needs at least one partner"))
            partner_ids = [p.id for p in journal.named(*names)]
        if _same(current, changes, partner_ids, tags, pillars, benefits, journal):
            return current, journal.names_by_handle(), False
        updated = journal.update_interaction(
            id_,
            changes,
            partner_ids=partner_ids,
            tags=tags,
            pillars=pillars,
            benefits=benefits,
        )
    return updated, journal.names_by_handle(), True


def _same(current, changes, partner_ids, tags, pillars, benefits, journal) -> bool:
    """Whether an edit would leave the entry as it is (an editor closed unchanged,
    a --tone it has already): then nothing is written and nothing is to undo."""
    if any(getattr(current, field) != value for field, value in changes.items()):
        return False
    if partner_ids is not None:
        handles = {journal.partner(pid).handle for pid in partner_ids}
        if handles != set(current.partners):
            return False
    return all(
        given is None or set(given) == set(had)
        for given, had in ((tags, current.tags), (pillars, current.pillars),
                           (benefits, current.benefits))
    )  # fmt: skip


def show(session, *, id_: int) -> tuple[Interaction, dict[str, str]]:
    """One entry in full, and partner names."""
    journal = session.journal
    return journal.interaction(id_), journal.names_by_handle()


def delete(session, *, id_: int):
    """Propose deleting one interaction; it goes when the person agrees."""
    from partnerlog.app.requests import Proposal

    journal = session.journal
    entry = journal.interaction(id_)

    def apply():
        with journal.transaction(session.command.name):
            journal.delete_interaction(entry.id)
        return entry

    return Proposal((entry, journal.names_by_handle()), apply)


def tags(session) -> list[tuple[str, int]]:
    return session.journal.tag_counts()


def rename_tag(session, *, old: str, new: str) -> tuple[str, str, int]:
    """(old, new, how many entries): every entry's ``old`` tag becomes ``new``."""
    from partnerlog.core.vocabulary import check_tag
    from partnerlog.errors import NotFound

    old, new = check_tag(old, _("OLD")), check_tag(new, _("NEW"))
    if old == new:
        raise UsageError(_("#{old} is already called that").format(old=old))
    journal = session.journal
    with journal.transaction(session.command.name):
        count = journal.rename_tag(old, new)
    if not count:
        raise NotFound(_("no entry is tagged #{old} (see: partnerlog tags)").format(old=old))
    return old, new, count


def check_new_kind(journal, kind: str, new: bool, *, editing: bool = False) -> None:
    """A kind nobody has used that looks like a typo of a known one is refused
    (exit 2) unless ``--new-kind`` says it is meant; people invent kinds too.
    ``editing``: an entry is being changed, not logged."""
    if new or known_kind(kind) or journal.kind_used(kind):
        return
    near = near_kind(kind)
    if near is None:
        return
    if editing:
        message = _(
            "--kind {kind!r} is new; did you mean {near}? (add --new-kind to start using it; nothing was changed)"
        )
    else:
        message = _(
            "--kind {kind!r} is new; did you mean {near}? (add --new-kind to start using it; nothing was logged)"
        )
    raise UsageError(message.format(kind=kind, near=near))


class Kind(Record):
    """A kind of interaction: the pillars it builds, its other words, how often it was logged."""

    __slots__ = ("kind", "pillars", "aliases", "count", "known")

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "pillars": list(self.pillars),
            "aliases": list(self.aliases),
            "count": self.count,
            "known": self.known,
        }


def kinds(session) -> list[Kind]:
    """The vocabulary of kinds, then the kinds people invented, with their usage."""
    from partnerlog.core.vocabulary import KIND_ALIASES, PILLARS_BY_KIND

    counts = session.journal.kind_counts()
    found = [
        Kind(
            kind=kind,
            pillars=default_pillars(kind, None),
            aliases=[alias for alias, target in KIND_ALIASES.items() if target == kind],
            count=counts.get(kind, 0),
            known=True,
        )
        for kind in PILLARS_BY_KIND
    ]
    found += [
        Kind(kind=kind, pillars=default_pillars(kind, None), aliases=[], count=n, known=False)
        for kind, n in sorted(counts.items())
        if kind not in PILLARS_BY_KIND
    ]
    return found
