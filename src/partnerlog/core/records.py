"""The records partnerlog keeps: partners, interactions, goals, traits, and the
pairs and reminders derived from them. Pure: no I/O.

Not dataclasses: importing `dataclasses` (it pulls in `inspect`) costs about as
much as starting Python, and these records are built by the commands whose
start-up has a budget (`log`, `due`, `summary`…).
"""

from __future__ import annotations

from partnerlog.core.vocabulary import (
    DEFAULT_CADENCE_DAYS,
    DEFAULT_OWNER,
    DEFAULT_PARTNER_KIND,
    DEFAULT_RELATION,
    FALLBACK_CADENCE_DAYS,
)

# The fields of an interaction in JSON, in order (DESIGN: add fields, never rename).
INTERACTION_FIELDS = (
    "id", "uuid", "occurred_at", "partners", "kind", "setting", "tone", "pillars", "benefits",
    "tags", "note", "private",
)  # fmt: skip


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
        "id", "uuid", "created_at", "archived_at", "paused_until", "pause_reason",
    )  # fmt: skip

    def __init__(
        self,
        handle: str,
        name: str,
        kind: str = DEFAULT_PARTNER_KIND,
        relation: str = DEFAULT_RELATION,
        role: str | None = None,
        org: str | None = None,
        cadence_days: int | None = None,
        notes: str | None = None,
        id: int | None = None,
        uuid: str | None = None,
        created_at: str | None = None,
        archived_at: str | None = None,
        paused_until: str | None = None,
        pause_reason: str | None = None,
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
        self.paused_until = paused_until  # an ISO day: away until then (leave, elsewhere)
        self.pause_reason = pause_reason

    @property
    def archived(self) -> bool:
        return self.archived_at is not None

    def paused(self, today) -> bool:
        """Whether they are away on ``today`` (the pause lasts until its day, inclusive)."""
        return self.paused_until is not None and today.isoformat() <= self.paused_until

    @property
    def back_on(self):
        """The day they are back from their pause (the day after it), or None."""
        from datetime import date, timedelta

        if self.paused_until is None:
            return None
        return date.fromisoformat(self.paused_until) + timedelta(days=1)

    @property
    def effective_cadence(self) -> int:
        return self.cadence_days or DEFAULT_CADENCE_DAYS.get(self.relation, FALLBACK_CADENCE_DAYS)

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
            "paused_until": self.paused_until,
            "pause_reason": self.pause_reason,
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


class GoalUpdate(Record):
    """A dated check-in on a goal."""

    __slots__ = ("at", "progress", "note", "uuid", "created_at", "updated_at")
    _defaults = {
        "progress": None, "note": None, "uuid": None, "created_at": None, "updated_at": None,
    }  # fmt: skip

    def to_json(self) -> dict:
        return {"at": self.at, "progress": self.progress, "note": self.note}


class Goal(Record):
    """A target or plan with a partner (``partner`` is their handle)."""

    __slots__ = (
        "partner", "title", "owner", "note", "due_on", "status", "progress", "updates", "id",
        "uuid", "partner_id", "created_at", "closed_at", "updated_at",
    )  # fmt: skip
    _defaults = {
        "owner": DEFAULT_OWNER, "note": None, "due_on": None, "status": "open", "progress": 0,
        "updates": list, "id": None, "uuid": None, "partner_id": None, "created_at": None,
        "closed_at": None, "updated_at": None,
    }  # fmt: skip

    def overdue_days(self, today) -> int:
        """Days past the due date for an open goal (0 when not overdue)."""
        from datetime import date

        if self.status != "open" or not self.due_on:
            return 0
        return max(0, (today - date.fromisoformat(self.due_on)).days)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "partner": self.partner,
            "owner": self.owner,
            "title": self.title,
            "note": self.note,
            "due_on": self.due_on,
            "status": self.status,
            "progress": self.progress,
            "updates": [u.to_json() for u in self.updates],
        }


class FollowUp(Record):
    """Something to bring next time: a topic to ``raise`` or a ``promise``, owned by
    ``me`` or the ``partner`` (``partner`` is their handle)."""

    __slots__ = (
        "partner", "type", "owner", "text", "due_on", "status", "id", "uuid", "partner_id",
        "created_at", "closed_at", "closed_in", "updated_at",
    )  # fmt: skip
    _defaults = {
        "owner": "me", "due_on": None, "status": "open", "id": None, "uuid": None,
        "partner_id": None, "created_at": None, "closed_at": None, "closed_in": None,
        "updated_at": None,
    }  # fmt: skip

    def overdue_days(self, today) -> int:
        """Days past the due day of an open item (0 when not overdue)."""
        from datetime import date

        if self.status != "open" or not self.due_on:
            return 0
        return max(0, (today - date.fromisoformat(self.due_on)).days)

    @property
    def mine(self) -> bool:
        """A promise of mine: what health and `due` hold me to."""
        return self.type == "promise" and self.owner == "me"

    def to_json(self) -> dict:
        from partnerlog.core.vocabulary import hashtags

        return {
            "id": self.id,
            "uuid": self.uuid,
            "partner": self.partner,
            "type": self.type,
            "owner": self.owner,
            "text": self.text,
            "tags": hashtags(self.text),
            "due_on": self.due_on,
            "status": self.status,
            "closed_at": self.closed_at,
            "closed_in": self.closed_in,
        }


class PartnerDate(Record):
    """A date that matters to a partner: a month and day, the year when known,
    every year (``yearly``) or once."""

    __slots__ = (
        "partner", "label", "month", "day", "year", "yearly", "id", "uuid", "partner_id",
        "created_at", "updated_at",
    )  # fmt: skip
    _defaults = {
        "year": None, "yearly": False, "id": None, "uuid": None, "partner_id": None,
        "created_at": None, "updated_at": None,
    }  # fmt: skip

    def next_on(self, today):
        """The next day it falls on, today or later; None for a one-off date gone by.

        29 February falls on 28 February in a year without it.
        """
        from datetime import date

        if not self.yearly:
            once = date(self.year, self.month, self.day)
            return once if once >= today else None
        for year in (today.year, today.year + 1):
            try:
                day = date(year, self.month, self.day)
            except ValueError:  # 29 February in a common year
                day = date(year, self.month, self.day - 1)
            if day >= today:
                return day
        return None  # unreachable: next year's day is always ahead

    def years_on(self, day) -> int | None:
        """How many years it will be on ``day`` (a birthday's age, an anniversary)."""
        return day.year - self.year if self.yearly and self.year else None

    @property
    def is_birthday(self) -> bool:
        from partnerlog.core.vocabulary import fold

        label = fold(self.label)
        return "birthday" in label or "ulang tahun" in label or label in ("ultah", "bday")

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "partner": self.partner,
            "label": self.label,
            "month": self.month,
            "day": self.day,
            "year": self.year,
            "yearly": self.yearly,
        }


class Trait(Record):
    """A strength or weakness: ``subject`` is a partner's handle or "me"; ``area``
    the normalised key (see `area_key`), ``label`` the words as typed."""

    __slots__ = (
        "subject", "polarity", "area", "label", "note", "id", "uuid", "partner_id", "created_at",
        "updated_at",
    )  # fmt: skip
    _defaults = {
        "note": None, "id": None, "uuid": None, "partner_id": None, "created_at": None,
        "updated_at": None,
    }  # fmt: skip

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "subject": self.subject,
            "polarity": self.polarity,
            "area": self.area,
            "label": self.label,
            "note": self.note,
        }


class Pair(Record):
    """One complement: ``strong`` (a handle or "me") covers ``weak`` in ``area``.

    ``strong`` is None for a weakness of mine that nobody in the journal covers yet.
    ``label`` is how the area is shown; it does not take part in equality.
    """

    __slots__ = ("area", "strong", "weak", "label")
    _defaults = {"label": ""}
    _compare = ("area", "strong", "weak")

    def to_json(self) -> dict:
        return {"area": self.area, "strong": self.strong, "weak": self.weak}


class Due(Record):
    """Someone overdue for contact or for a promise of mine (``promises``), or, when
    ``upcoming``, coming due in ``due_in_days``."""

    __slots__ = (
        "handle", "name", "days_since", "cadence_days", "overdue_days", "upcoming",
        "due_in_days", "promises",
    )  # fmt: skip

    def __init__(
        self, handle, name, days_since, cadence_days, overdue_days, *, upcoming=False,
        due_in_days=0, promises=(),
    ) -> None:  # fmt: skip
        self.handle = handle
        self.name = name
        self.days_since = days_since
        self.cadence_days = cadence_days
        self.overdue_days = overdue_days
        self.upcoming = upcoming
        self.due_in_days = due_in_days
        self.promises = list(promises)

    def to_json(self) -> dict:
        return {
            "handle": self.handle,
            "name": self.name,
            "days_since": self.days_since,
            "cadence_days": self.cadence_days,
            "overdue_days": self.overdue_days,
            "upcoming": self.upcoming,
            "due_in_days": self.due_in_days,
            "promises_overdue": [
                {"id": p.id, "text": p.text, "due_on": p.due_on} for p in self.promises
            ],
        }


class Facts(Record):
    """What the journal knows about one partnership: the partner, their last
    contact, the contacts (see `tally.contact`) of the window or more, goals, complement pairs, and
    how many contacts in all (the model only asks "fewer than three?")."""

    __slots__ = (
        "partner", "last_contact", "contacts", "goals", "pairs", "total_contacts", "first_contact",
        "traits", "my_traits", "follow_ups", "dates", "called",
    )  # fmt: skip
    _defaults = {
        "last_contact": None, "contacts": list, "goals": list, "pairs": list, "total_contacts": 0,
        "first_contact": None, "traits": list, "my_traits": list, "follow_ups": list,
        "dates": list, "called": None,
    }  # fmt: skip
