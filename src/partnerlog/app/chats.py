"""`chat import FILE`: a chat export becomes contact history, without what was said.

A WhatsApp export (the ``.txt``, or the ``.zip`` the app makes) or a Telegram
Desktop ``result.json``: for each day on which you and a partner both wrote, one
``message`` entry (remote, building communication), tagged ``#whatsapp`` or
``#telegram``, its note only counting the messages ("WhatsApp: 23 messages, 12
from Sari"). A group chat is one entry a day with the partners who wrote, when
you wrote too. Senders are partners by name (handle, name or unique prefix, as
everywhere). An entry's identity is the chat and the day, so importing the same
or a longer export again adds only the new days.
"""

from __future__ import annotations

import os
import uuid as uuids
from collections import Counter, defaultdict
from datetime import UTC, date, datetime

from partnerlog.app.files import DryRun, read_input
from partnerlog.core import dates
from partnerlog.core.chats import Chat, Undecided, read_telegram, read_whatsapp
from partnerlog.core.people import check_phone, looks_like_phone
from partnerlog.core.records import Interaction, Partner, Record
from partnerlog.errors import PartnerlogError, UsageError
from partnerlog.i18n import _, ngettext

NAMESPACE = uuids.UUID("3f6d1c52-9a1e-4c1b-8f0e-6a2b7d4c9e51")
# A day of messages is written contact: it counts for the cadence and for
# communication, less for understanding (`core.tally.WRITTEN`), not for bond.
KIND, SETTING, PILLARS = "message", "remote", ["communication"]
APPS = {"whatsapp": "WhatsApp", "telegram": "Telegram"}
ME_KEY = "chat_me"
# What WhatsApp calls the file, by the phone's language: the rest is the chat's name.
_TITLE_PREFIXES = ("WhatsApp Chat with ", "WhatsApp Chat - ", "Chat WhatsApp dengan ",
                   "Chat WhatsApp - ")  # fmt: skip


class ChatImported(Record):
    """What a chat import did, or would do."""

    __slots__ = ("app", "title", "added", "unchanged", "entries", "unknown", "added_partners",
                 "bad_lines", "dry_run", "me")  # fmt: skip


def import_chat(
    session,
    *,
    file: str,
    since: str | None,
    until: str | None,
    me: str | None,
    day_first: bool,
    month_first: bool,
    add_unknown: bool,
    keep_text: bool,
    dry_run: bool,
) -> ChatImported:
    if day_first and month_first:
        raise UsageError(_("give --day-first or --month-first, not both"))
    now = session.now
    first = dates.parse_day(since, now) if since else None
    last = dates.parse_day(until, now) if until else now.date()
    if first and first > last:
        raise UsageError(
            _("--since {since} is after --until {until}").format(since=first, until=last)
        )
    raw = read_input(session, file, what=_("a chat export"), encoding=None, missing=UsageError)
    order = True if day_first else False if month_first else None
    chat = _read(file, raw, order, keep_text)
    journal = session.journal
    me = (me or journal.get_meta(ME_KEY) or "").strip()
    senders = chat.senders
    if not senders:
        raise UsageError(_("{file} holds no messages; nothing was imported").format(file=file))
    if not me:
        raise UsageError(
            _("say which of the senders you are: --me NAME (one of: {names})").format(
                names=", ".join(senders[:10])
            )
        )
    if me not in senders:
        raise UsageError(
            _("{me} did not write in this chat; the senders are: {names}").format(
                me=me, names=", ".join(senders[:10])
            )
        )
    result = ChatImported(app=chat.app, title=chat.title, added=0, unchanged=0,
                          entries=[], unknown={}, added_partners=[], bad_lines=chat.bad_lines,
                          dry_run=dry_run, me=me)  # fmt: skip
    try:
        with journal.transaction(session.command.name):
            if journal.get_meta(ME_KEY) != me:
                journal.set_meta(ME_KEY, me)  # remembered (a dry run remembers nothing)
            people = _partners(journal, [s for s in senders if s != me], result)
            if add_unknown and result.unknown:
                for name in list(result.unknown):
                    partner = Partner(handle=journal.free_handle(name), name=name)
                    journal.add_partner(partner)
                    if looks_like_phone(name):  # (found by the number from now on)
                        journal.set_phones(partner.id, [check_phone(name)])
                    result.added_partners.append((name, partner.handle))
                people = _partners(journal, [s for s in senders if s != me], result)
            _log_days(journal, chat, me, people, (first, last), result, now, keep_text)
            if dry_run:
                raise DryRun
    except DryRun:
        pass
    return result


def _read(file: str, raw: bytes, day_first: bool | None, keep: bool) -> Chat:
    """The chat in ``raw``: a zip as WhatsApp makes it, Telegram's JSON, or WhatsApp's text."""
    title = _title(file)
    if isinstance(raw, str):  # (stdin given as text)
        raw = raw.encode("utf-8")
    if raw[:2] == b"PK":
        raw, inner = _from_zip(file, raw)
        title = title or _title(inner)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(
            _("{file} is not text (a chat export is UTF-8 text)").format(file=file)
        ) from None
    try:
        if text.lstrip().startswith("{"):
            try:
                return read_telegram(text, keep=keep)
            except ValueError as error:
                if str(error) == "several chats":
                    raise UsageError(
                        _("{file} holds several chats; export one chat (its result.json)").format(
                            file=file
                        )
                    ) from None
                raise UsageError(
                    _("{file} is not a Telegram chat export (result.json)").format(file=file)
                ) from None
        chat = read_whatsapp(text, day_first=day_first, title=title, keep=keep)
    except Undecided:
        raise UsageError(
            _(
                "the dates in {file} read both ways (no day above 12); add --day-first (31/12) or --month-first (12/31)"
            ).format(file=file)
        ) from None
    if not chat.messages:
        raise UsageError(
            _("{file} is not a WhatsApp or Telegram chat export (no messages found)").format(
                file=file
            )
        )
    return chat


def _from_zip(file: str, raw: bytes) -> tuple[bytes, str]:
    """The chat's text inside a WhatsApp zip (``_chat.txt`` on iOS, the chat's name on
    Android); the photos beside it are not read."""
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        names = [n for n in archive.namelist() if n.lower().endswith(".txt")]
        name = next((n for n in names if os.path.basename(n) == "_chat.txt"), None)
        name = name or (names[0] if len(names) == 1 else None)
        if name is None:
            raise UsageError(
                _("{file} holds no chat (no _chat.txt or one .txt file)").format(file=file)
            )
        return archive.read(name), name
    except zipfile.BadZipFile:
        raise UsageError(_("{file} is not a zip file that can be read").format(file=file)) from None


def _title(file: str) -> str | None:
    """The chat's name from the file's, as WhatsApp names it ("WhatsApp Chat with Sari.txt")."""
    name = os.path.basename(file)
    stem, _ext = os.path.splitext(name)
    for prefix in _TITLE_PREFIXES:
        if stem.startswith(prefix):
            return stem[len(prefix) :].strip() or None
    return None


def _partners(journal, senders: list[str], result) -> dict[str, Partner]:
    """The senders who are partners here: a number (as the chat shows a contact
    not saved in the phone) by the partners' numbers, a name by handle, name or
    unique prefix. The others go into ``result.unknown``."""
    found: dict[str, Partner] = {}
    result.unknown = {}
    for sender in senders:
        if looks_like_phone(sender):
            owner = journal.partner_with_phone(sender)
            if owner is not None:
                found[sender] = journal.partner(owner)
            else:
                result.unknown[sender] = 0
            continue
        try:
            found[sender] = journal.named(sender)[0]
        except PartnerlogError:
            result.unknown[sender] = 0
    return found


def _log_days(journal, chat: Chat, me: str, people: dict, window, result, now, keep) -> None:
    """One entry a day on which you and partners both wrote (``keep``: with the
    day's messages in its note, and private)."""
    first, last = window
    by_day: dict[date, list] = defaultdict(list)
    for message in chat.messages:
        if (first is None or message.at.date() >= first) and message.at.date() <= last:
            by_day[message.at.date()].append(message)
    group = len(chat.senders) > 2
    # A group is known by its name, else by who is in it (a chat piped in has no name).
    group_key = "group:" + (chat.title or ",".join(sorted(chat.senders)))
    name = APPS[chat.app]
    for day in sorted(by_day):
        messages = by_day[day]
        counts = Counter(m.sender for m in messages)
        for sender, count in counts.items():
            if sender != me and sender in result.unknown:
                result.unknown[sender] += count
        if me not in counts:
            continue
        partners = [people[s] for s in counts if s in people]
        if not partners:
            continue
        together = [partners] if group else [[p] for p in partners]
        for found in together:
            senders = {p.id for p in found}
            theirs = sum(n for s, n in counts.items() if s in people and people[s].id in senders)
            mine = counts[me]
            shown = found[0].name.split()[0] if len(found) == 1 else None
            note = _note(name, mine + theirs, theirs, shown)
            if keep:  # (asked for: the day's messages, in a private entry)
                theirs_by = {s for s, p in people.items() if p.id in senders}
                ours = [m for m in messages if m.sender == me or m.sender in theirs_by]
                note += "\n\n" + "\n".join(f"{m.at:%H:%M} {m.sender}: {m.text}" for m in ours)
            key = f"{chat.app}|{group_key if group else found[0].uuid}|{day}"
            start = min(m.at for m in messages)  # (when the day's conversation began)
            _put(journal, found, note, _aware(start, now), str(uuids.uuid5(NAMESPACE, key)),
                 chat.app, result, private=keep)  # fmt: skip


def _note(app: str, total: int, theirs: int, first_name: str | None) -> str:
    """ "WhatsApp: 23 messages, 12 from Sari"."""
    counted = ngettext("{count} message", "{count} messages", total).format(count=total)
    if first_name:
        return _("{app}: {messages}, {count} from {name}").format(
            app=app, messages=counted, count=theirs, name=first_name
        )
    return _("{app}: {messages}").format(app=app, messages=counted)


def _aware(moment: datetime, now: datetime) -> datetime:
    """The phone's clock time where the person is (a time the clocks skipped, later)."""
    return moment.replace(tzinfo=now.tzinfo).astimezone(UTC).astimezone(now.tzinfo)


def _put(journal, partners, note, moment, entry_uuid, app, result, *, private: bool) -> None:
    entry = Interaction(occurred_at=dates.iso(moment), kind=KIND, setting=SETTING, note=note,
                        partners=sorted(p.handle for p in partners), pillars=list(PILLARS),
                        tags=[app], uuid=entry_uuid, private=private)  # fmt: skip
    if journal.id_of("interactions", entry_uuid) is not None:
        result.unchanged += 1
        return
    record = {**entry.to_json(), "partner_uuids": [p.uuid for p in partners], "id": None}
    journal.put("interactions", record, new=True)
    result.added += 1
    result.entries.append(entry)
