"""The vocabulary of partnerlog and the pure functions over it. No I/O.

Everything here is cheap to import (no dataclasses, no pathlib): the quick
logging path uses it. The richer records live in `models`.
"""

from __future__ import annotations

import re
import unicodedata

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime

PARTNER_KINDS = ("partner", "colleague")
RELATIONS = ("superior", "peer", "subordinate", "external")
SETTINGS = ("office", "outside", "remote")
PILLARS = ("communication", "bond", "understanding", "goals", "complement")
BENEFITS = ("productivity", "network", "growth", "wellbeing", "environment")

# How often you want contact when a partner has no cadence of their own.
DEFAULT_CADENCE_DAYS = {"subordinate": 7, "peer": 14, "superior": 14, "external": 30}

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
DEFAULT_KIND = "chat"

# The fields of an interaction in JSON, in order (DESIGN: add fields, never rename).
INTERACTION_FIELDS = (
    "id", "uuid", "occurred_at", "partners", "kind", "setting", "tone", "pillars", "benefits",
    "tags", "note", "private",
)  # fmt: skip


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
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).casefold().strip()


_HANDLE_RE = re.compile(r"^[^\W_][\w.-]*$")


def slug(text: str) -> str:
    """Lowercase word characters and hyphens; any script survives ("王芳" stays)."""
    words = re.findall(r"[^\W_]+", fold(text))
    return "-".join(words)


def valid_handle(handle: str) -> bool:
    return bool(_HANDLE_RE.match(handle)) and handle != "me"


def handle_candidates(name: str):
    """Handles to try for a new partner, best first: "sari", "sari-w", "sari-wulandari", "sari2"…"""
    words = slug(name).split("-") or ["partner"]
    words = [w for w in words if w] or ["partner"]
    first = words[0] if words[0] != "me" else "me-" + (words[1] if len(words) > 1 else "1")
    yield first
    if len(words) > 1:
        yield f"{first}-{words[-1][0]}"
        yield "-".join(words)
    n = 2
    while True:
        yield f"{first}{n}"
        n += 1


# Control characters (C0, DEL, C1) and the bidirectional overrides that could
# reorder what the terminal shows. Tab and newline are kept where text may span lines.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str, *, one_line: bool = False) -> str:
    """User text made safe to print: control and escape characters become visible.

    ``"\\x1b[2J"`` prints as the six characters ``\\x1b[2J``, never as an escape.
    """
    shown = _INVISIBLE.sub(lambda m: _escape_char(m.group()), text)
    if one_line:
        shown = shown.replace("\r\n", "\n").replace("\n", " ⏎ ").replace("\t", " ")
    return shown


def _escape_char(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class Record:
    """The base of partnerlog's records: fields in ``__slots__`` (in order),
    defaults in ``_defaults`` (a callable default is a factory), equality over
    ``_compare`` (all fields unless a record says otherwise) and a readable repr.

    Not dataclasses: importing `dataclasses` (it pulls in `inspect`) costs about
    as much as starting Python, and these records are built by the commands
    whose start-up has a budget (`log`, `due`, `summary`…).
    """

    __slots__ = ()
    __hash__ = None  # mutable, like a dataclass
    _defaults: dict = {}
    _compare: tuple[str, ...] | None = None

    def __init__(self, *args, **kwargs) -> None:
        names = self.__slots__
        if not args and len(kwargs) == len(names):
            # Every field by name (how the model builds its verdicts): set them.
            # A wrong name still fails: slots refuse unknown attributes.
            for name, value in kwargs.items():
                setattr(self, name, value)
            return
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__} takes at most {len(names)} values")
        values = dict(zip(names, args, strict=False))
        for name, value in kwargs.items():
            if name not in names or name in values:
                raise TypeError(f"{type(self).__name__}: unexpected or repeated {name!r}")
            values[name] = value
        for name in names:
            if name in values:
                value = values[name]
            elif name in self._defaults:
                default = self._defaults[name]
                value = default() if callable(default) else default
            else:
                raise TypeError(f"{type(self).__name__} needs {name!r}")
            setattr(self, name, value)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        fields = self._compare or self.__slots__
        return all(getattr(self, f) == getattr(other, f) for f in fields)

    def __repr__(self) -> str:
        shown = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.__slots__)
        return f"{type(self).__name__}({shown})"


class Partner(Record):
    """Someone you work with."""

    __slots__ = (
        "handle", "name", "kind", "relation", "role", "org", "cadence_days", "notes",
        "id", "uuid", "created_at", "archived_at",
    )  # fmt: skip

    def __init__(
        self,
        handle: str,
        name: str,
        kind: str = "partner",
        relation: str = "peer",
        role: str | None = None,
        org: str | None = None,
        cadence_days: int | None = None,
        notes: str | None = None,
        id: int | None = None,
        uuid: str | None = None,
        created_at: str | None = None,
        archived_at: str | None = None,
    ) -> None:
        self.handle = handle
        self.name = name
        self.kind = kind
        self.relation = relation
        self.role = role
        self.org = org
        self.cadence_days = cadence_days
        self.notes = notes
        self.id = id
        self.uuid = uuid
        self.created_at = created_at
        self.archived_at = archived_at

    @property
    def archived(self) -> bool:
        return self.archived_at is not None

    @property
    def effective_cadence(self) -> int:
        return self.cadence_days or DEFAULT_CADENCE_DAYS.get(self.relation, 14)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "handle": self.handle,
            "name": self.name,
            "kind": self.kind,
            "relation": self.relation,
            "role": self.role,
            "org": self.org,
            "cadence_days": self.cadence_days,
            "archived": self.archived,
        }


class Interaction(Record):
    """One logged interaction."""

    __slots__ = (
        "occurred_at", "kind", "partners", "setting", "tone", "note", "private", "pillars",
        "benefits", "tags", "id", "uuid", "created_at",
    )  # fmt: skip

    def __init__(
        self,
        occurred_at: str,
        kind: str,
        partners: list[str] | None = None,
        setting: str | None = None,
        tone: int | None = None,
        note: str = "",
        private: bool = False,
        pillars: list[str] | None = None,
        benefits: list[str] | None = None,
        tags: list[str] | None = None,
        id: int | None = None,
        uuid: str | None = None,
        created_at: str | None = None,
    ) -> None:
        self.occurred_at = occurred_at
        self.kind = kind
        self.partners = list(partners or [])
        self.setting = setting
        self.tone = tone
        self.note = note
        self.private = private
        self.pillars = list(pillars or [])
        self.benefits = list(benefits or [])
        self.tags = list(tags or [])
        self.id = id
        self.uuid = uuid
        self.created_at = created_at

    def to_json(self) -> dict:
        shown = {key: getattr(self, key) for key in INTERACTION_FIELDS}
        for key in ("partners", "pillars", "benefits", "tags"):
            shown[key] = list(shown[key])
        return shown


_MENTION_RE = re.compile(r"(?<![\w@])@([^\W_][\w.-]*)")
_TAG_RE = re.compile(r"(?<![\w#&])#([^\W\d_][\w-]*)")


def mentions(note: str) -> list[str]:
    """``@handle`` words in a note, in order, without trailing punctuation."""
    return [m.rstrip(".-") for m in _MENTION_RE.findall(note)]


def hashtags(note: str) -> list[str]:
    """``#word`` tags in a note, lowercased, in order, without repeats."""
    seen: list[str] = []
    for tag in _TAG_RE.findall(note):
        tag = normal_tag(tag)
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def plural(count: int, noun: str) -> str:
    """ "1 goal", "3 goals"."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


def normal_tag(tag: str) -> str:
    return fold(tag.lstrip("#")).strip("-")


def find_partner(partners: list[Partner], query: str) -> Partner:
    """The one partner ``query`` names: a handle, a name, or a unique prefix of either.

    An active partner's handle, exactly as stored, names them outright. Other
    matching ignores case, accents and Unicode normalisation. Exact matches win
    over prefixes; archived partners answer only to an exact handle or name.
    Raises ``NotFound`` (with "did you mean …") or ``Ambiguous``.
    """
    from partnerlog.errors import NotFound, PartnerlogError

    handle = query.lstrip("@")
    for partner in partners:
        if partner.handle == handle and not partner.archived:
            return partner
    key = fold(query.lstrip("@"))
    if not key:
        raise NotFound("no partner was named")
    for same in (
        [p for p in partners if fold(p.handle) == key],
        [p for p in partners if fold(p.name) == key],
    ):
        active = [p for p in same if not p.archived] or same
        if len(active) == 1:
            return active[0]
        if len(active) > 1:
            raise PartnerlogError(_ambiguous(query, active))
    current = [p for p in partners if not p.archived]
    prefixed = [
        p
        for p in current
        if fold(p.handle).startswith(key)
        or fold(p.name).startswith(key)
        or any(word.startswith(key) for word in fold(p.name).split())
    ]
    if len(prefixed) == 1:
        return prefixed[0]
    if prefixed:
        raise PartnerlogError(_ambiguous(query, prefixed))
    raise NotFound(f"no partner called {visible(query, one_line=True)!r}" + _suggest(key, partners))


def _ambiguous(query: str, candidates: list[Partner]) -> str:
    shown = ", ".join(f"{p.handle} ({visible(p.name, one_line=True)})" for p in candidates[:8])
    more = f" and {len(candidates) - 8} more" if len(candidates) > 8 else ""
    return (
        f"{visible(query, one_line=True)!r} could be {shown}{more}; "
        "type more of the name, or the handle"
    )


def _suggest(key: str, partners: list[Partner]) -> str:
    import difflib

    choices = {}
    for p in partners:
        choices.setdefault(fold(p.handle), p.handle)
        choices.setdefault(fold(p.name), p.handle)
        for word in fold(p.name).split():
            choices.setdefault(word, p.handle)
    close = difflib.get_close_matches(key, list(choices), n=5, cutoff=0.6)
    handles = list(dict.fromkeys(choices[c] for c in close))[:3]
    if handles:
        return " (did you mean " + " or ".join(handles) + "?)"
    return " (see: partnerlog partner list; add them with: partnerlog partner add NAME)"


GOAL_OWNERS = ("me", "partner", "shared")
GOAL_STATUSES = ("open", "done", "dropped")
POLARITIES = ("strength", "weakness")
ME = "me"


def area_key(label: str) -> str:
    """The key traits match on: "Public Speaking", " public_speaking " → "public-speaking"."""
    return "-".join(re.findall(r"[^\W_]+", fold(label)))


# -- being in touch -------------------------------------------------------------


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


class Due(Record):
    """Someone overdue for contact."""

    __slots__ = ("handle", "name", "days_since", "cadence_days", "overdue_days")

    def __init__(self, handle, name, days_since, cadence_days, overdue_days) -> None:
        self.handle = handle
        self.name = name
        self.days_since = days_since
        self.cadence_days = cadence_days
        self.overdue_days = overdue_days

    def to_json(self) -> dict:
        return {
            "handle": self.handle,
            "name": self.name,
            "days_since": self.days_since,
            "cadence_days": self.cadence_days,
            "overdue_days": self.overdue_days,
        }


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
