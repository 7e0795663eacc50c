"""The vocabulary of partnerlog, and the validators every value passes on its way in.

Pure and cheap to import (the quick logging path uses it). The same checks
serve what people type and what an import brings: a value is checked where it
enters the journal, whichever door it comes through.
"""

from __future__ import annotations

import re

from partnerlog.errors import UsageError
from partnerlog.i18n import N_, Msg, _

PARTNER_KINDS = ("partner", "colleague")
RELATIONS = ("superior", "peer", "subordinate", "external")
SETTINGS = ("office", "outside", "remote")
PILLARS = ("communication", "bond", "understanding", "goals", "complement")
BENEFITS = ("productivity", "network", "growth", "wellbeing", "environment")
GOAL_OWNERS = ("me", "partner", "shared")
GOAL_STATUSES = ("open", "done", "dropped")
# A follow-up is a topic to raise or a promise, mine or theirs.
FOLLOW_UP_TYPES = ("raise", "promise")
FOLLOW_UP_OWNERS = ("me", "partner")
FOLLOW_UP_STATUSES = ("open", "done")

# The words of the model as they are shown (the catalogue translates them; stored
# values, JSON and options keep these English words).
SHOWN_WORDS = (
    N_("communication"), N_("bond"), N_("understanding"), N_("goals"), N_("complement"),
    N_("productivity"), N_("network"), N_("growth"), N_("wellbeing"), N_("environment"),
    N_("at-risk"), N_("drifting"), N_("new"), N_("steady"), N_("thriving"),
    N_("superior"), N_("peer"), N_("subordinate"), N_("external"), N_("partner"),
    N_("colleague"), N_("strength"), N_("weakness"), N_("office"), N_("outside"), N_("remote"),
    N_("open"), N_("done"), N_("dropped"), N_("me"), N_("shared"),
)  # fmt: skip


def pillar_name(word: str) -> Msg:
    """A pillar, benefit, status, relation… as shown: English as data, translated on screen."""
    return Msg(word)


POLARITIES = ("strength", "weakness")
ME = "me"

DEFAULT_PARTNER_KIND = "partner"
DEFAULT_RELATION = "peer"
DEFAULT_OWNER = "shared"
DEFAULT_KIND = "chat"

# How often you want contact when a partner has no cadence of their own.
DEFAULT_CADENCE_DAYS = {"subordinate": 7, "peer": 14, "superior": 14, "external": 30}
FALLBACK_CADENCE_DAYS = DEFAULT_CADENCE_DAYS[DEFAULT_RELATION]

# The pillars an interaction exercises when the user names none (DESIGN §4).
# One table: a kind not listed here gets DEFAULT_PILLARS, and an interaction
# outside the office always adds `bond` (the tip: meet outside the office too).
PILLARS_BY_KIND = {
    "lunch": ("bond", "understanding"),
    "coffee": ("bond", "understanding"),
    "dinner": ("bond", "understanding"),
    "drinks": ("bond", "understanding"),
    "walk": ("bond", "understanding"),
    "feedback": ("communication", "complement"),
    "review": ("communication", "complement"),
    "1on1": ("communication", "understanding"),
    "mentoring": ("complement", "communication"),
    "planning": ("goals",),
    "meeting": ("understanding",),
    "project": ("understanding", "goals"),
    "pairing": ("understanding", "complement"),
    "call": ("communication",),
    "chat": ("communication",),
    "message": ("communication",),
    "email": ("communication",),
}
DEFAULT_PILLARS = ("understanding",)

# Other words for the kinds above (Indonesian first), stored as the kind they name,
# so "ngopi" earns what "coffee" earns and counts with it.
KIND_ALIASES = {
    "ngopi": "coffee", "kopi": "coffee", "ngeteh": "coffee",
    "makan-siang": "lunch", "makansiang": "lunch", "maksi": "lunch",
    "makan-malam": "dinner", "makanmalam": "dinner", "nongkrong": "drinks",
    "jalan": "walk", "jalan-jalan": "walk", "umpan-balik": "feedback", "masukan": "feedback",
    "evaluasi": "review", "tinjauan": "review", "satu-satu": "1on1", "1-on-1": "1on1",
    "one-on-one": "1on1", "bimbingan": "mentoring", "perencanaan": "planning",
    "rencana": "planning", "rapat": "meeting", "meet": "meeting", "proyek": "project",
    "telepon": "call", "telpon": "call", "nelpon": "call", "obrolan": "chat",
    "ngobrol": "chat", "pesan": "message", "chatting": "chat", "surel": "email",
    "pair": "pairing",
}  # fmt: skip

# How many days the health model looks back over unless asked otherwise.
WINDOW_DAYS = 90
# The formats `export --format` writes (`core.export_format`).
EXPORT_FORMATS = ("json", "csv")
# The dashboard shows this many partnerships unless asked for --all.
DASHBOARD_ROWS = 25


def default_pillars(kind: str, setting: str | None) -> tuple[str, ...]:
    """The pillars an interaction of this kind and setting exercises by default."""
    pillars = list(PILLARS_BY_KIND.get(kind, DEFAULT_PILLARS))
    if setting == "outside" and "bond" not in pillars:
        pillars.append("bond")
    return tuple(p for p in PILLARS if p in pillars)


def fold(text: str) -> str:
    """A matching key: case-, accent- and Unicode-normalisation-insensitive.

    NFC and NFD "José" fold to the same key, and so does "jose".
    """
    if text.isascii():  # normalising changes no ASCII character: skip it
        return text.casefold().strip()
    import unicodedata  # a third of a millisecond: only for text that needs it

    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).casefold().strip()


def valid_month_day(month: int, day: int, year: int | None = None) -> bool:
    """Whether the day exists in that month (29 February: in a leap year, or in none given)."""
    from datetime import date

    try:
        date(year or 2000, month, day)  # 2000 was a leap year
    except ValueError:
        return False
    return True


_MENTION_RE = r"(?<![\w@])@([^\W_][\w.-]*)"
_TAG_RE = r"(?<![\w#&])#([^\W\d_][\w-]*)"


def mentions(note: str) -> list[str]:
    """``@handle`` words in a note, in order, without trailing punctuation."""
    return [m.rstrip(".-") for m in re.findall(_MENTION_RE, note)]


def hashtags(note: str) -> list[str]:
    """``#word`` tags in a note, lowercased, in order, without repeats."""
    seen: list[str] = []
    for tag in re.findall(_TAG_RE, note):
        tag = normal_tag(tag)
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def normal_tag(tag: str) -> str:
    return fold(tag.lstrip("#")).strip("-")


def check_tag(tag: str, option: str = "--tag") -> str:
    """A tag as stored: one word (hyphens join words), without its #."""
    value = normal_tag(tag)
    if not value or re.search(r"\s", value):
        hint = "-".join(value.split()) or "one-word"
        raise UsageError(
            _("{option} {tag!r} should be one word (like {hint})").format(
                option=option, tag=tag, hint=hint
            )
        )
    return value


def merged_tags(given: list[str], note: str | None) -> list[str]:
    """Tags given as options, then the note's #tags, each once (`log`, `entry edit`)."""
    return list(dict.fromkeys([check_tag(t) for t in given] + hashtags(note or "")))


def area_key(label: str) -> str:
    """The key traits match on: "Public Speaking", " public_speaking " → "public-speaking"."""
    return "-".join(re.findall(r"[^\W_]+", fold(label)))


# -- validators: one clear message (exit 2) for a value partnerlog cannot use -----


def split_list(values: list[str] | None) -> list[str]:
    """``--tag a --tag b,c`` → ["a", "b", "c"]."""
    items: list[str] = []
    for value in values or []:
        items.extend(part.strip() for part in value.split(",") if part.strip())
    return items


def choose(values: list[str] | None, allowed: tuple[str, ...], option: str) -> list[str]:
    """The keys ``values`` name among ``allowed`` (case-insensitive, prefixes
    allowed, in English or Indonesian: `core.local_words`)."""
    chosen: list[str] = []
    for raw in split_list(values):
        value = raw.lower()
        matches = [a for a in allowed if a == value] or [a for a in allowed if a.startswith(value)]
        if len(matches) != 1:  # (an Indonesian word: read only when one is typed)
            from partnerlog.core.local_words import key_of

            matches = [key] if (key := key_of(raw, allowed)) else matches
        if len(matches) != 1:
            raise UsageError(
                _("{option} {raw!r} is not one of: {value}").format(
                    option=option, raw=raw, value=", ".join(_(a) for a in allowed)
                )
            )
        if matches[0] not in chosen:
            chosen.append(matches[0])
    return chosen


def choose_one(value: str | None, allowed: tuple[str, ...], option: str) -> str | None:
    if value is None:
        return None
    chosen = choose([value], allowed, option)
    if len(chosen) != 1:
        raise UsageError(
            _("{option} needs one of: {value}").format(option=option, value=", ".join(allowed))
        )
    return chosen[0]


# The most a note may hold, in characters: a long letter is about 20,000. A
# note of megabytes would make every view that shows it slow.
NOTE_LIMIT = 65_536


def check_note(text: str, option: str | None = None) -> str:
    """``text``, unless it is longer than a note may be (``option``: what it was
    given as, "the note" if not named)."""
    if len(text) > NOTE_LIMIT:
        option = option or _("the note")
        raise UsageError(
            _(
                "{option} is {count:,} characters; a note holds at most {NOTE_LIMIT:,} (nothing was changed)"
            ).format(option=option, count=len(text), NOTE_LIMIT=NOTE_LIMIT)
        )
    return text


TONES = (-2, 2)
PROGRESS = (0, 100)


def check_tone(tone: int | None) -> int | None:
    if tone is not None and not TONES[0] <= tone <= TONES[1]:
        raise UsageError(
            _("--tone {tone} is out of range; use -2, -1, 0, 1 or 2").format(tone=tone)
        )
    return tone


def check_progress(progress: int | None) -> int | None:
    if progress is not None and not PROGRESS[0] <= progress <= PROGRESS[1]:
        raise UsageError(
            _("--progress {progress} is out of range; use 0 to 100").format(progress=progress)
        )
    return progress


_KIND_RE = r"[^\W_][\w-]*"


def valid_kind(kind: str) -> bool:
    """A kind is one lowercase word (letters, digits, hyphens): safe in any view."""
    return bool(re.fullmatch(_KIND_RE, kind)) and kind == kind.lower()


def check_kind(kind: str) -> str:
    """A kind as stored: one lowercase word, an alias turned into the kind it names."""
    value = kind.strip().lower()
    joined = "-".join(value.split())
    if joined in KIND_ALIASES:  # "makan siang" is makan-siang, which is lunch
        value = joined
    if not re.fullmatch(_KIND_RE, value):
        raise UsageError(
            _("--kind {kind!r} should be one word, like lunch, coffee or review").format(kind=kind)
        )
    return KIND_ALIASES.get(value, value)


def known_kind(kind: str) -> bool:
    return kind in PILLARS_BY_KIND or kind in KIND_ALIASES


def near_kind(kind: str) -> str | None:
    """The known kind ``kind`` is probably a typo of ("cofee" → "coffee"), or None."""
    import difflib

    words = [*PILLARS_BY_KIND, *KIND_ALIASES]
    close = difflib.get_close_matches(kind, words, n=1, cutoff=0.75)
    return KIND_ALIASES.get(close[0], close[0]) if close else None


def check_setting(where: str | None) -> str | None:
    """``--where``: office, outside or remote (a prefix, or an alias such as kantor)."""
    if where is None:
        return None
    return choose_one(where, SETTINGS, "--where")


# The longest a cadence or `--within` may be, in days: a hundred years.
LONGEST_CADENCE = 36_500


def parse_cadence(text: str | None, option: str = "--cadence") -> int | None:
    """ "14" / "14d" → 14, "2w" → 14, "1m" → 30."""
    if text is None:
        return None
    # (Read without a pattern: `due --within 7d` has `log`'s budget.)
    said = text.lower().strip()
    unit = said[-1:] if said[-1:] in ("d", "w", "m") else ""
    number = said[: len(said) - len(unit)].rstrip()
    if not number.isdecimal() or int(number) == 0:
        raise UsageError(
            _("{option} {text!r} should be a number of days, like 14, 2w or 1m").format(
                option=option, text=text
            )
        )
    days = int(number) * {"": 1, "d": 1, "w": 7, "m": 30}[unit]
    if days > LONGEST_CADENCE:
        raise UsageError(
            _("{option} {text!r} is more than a hundred years ({days} days at most)").format(
                option=option, text=text, days=LONGEST_CADENCE
            )
        )
    return days
