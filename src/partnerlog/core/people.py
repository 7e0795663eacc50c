"""How partners are named and reached: handles made from names, email addresses,
phone numbers, each checked on its way in (what people type, what an import
brings). Pure and cheap to import."""

from __future__ import annotations

import re

from partnerlog.core.vocabulary import ME, fold
from partnerlog.errors import UsageError
from partnerlog.i18n import _

# A pattern as text: `re` compiles it on first use (and caches it), so a
# command that never checks a handle does not compile it.
_HANDLE_RE = r"^[^\W_][\w.-]*$"


def slug(text: str) -> str:
    """Lowercase word characters and hyphens; any script survives ("王芳" stays)."""
    words = re.findall(r"[^\W_]+", fold(text))
    return "-".join(words)


def valid_email(email: str) -> bool:
    return bool(re.fullmatch(r"[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+", email))


def check_email(email: str, option: str = "--email") -> str:
    value = email.strip().removeprefix("mailto:").lower()
    if not valid_email(value):
        raise UsageError(
            _("{option} {email!r} is not an email address").format(option=option, email=email)
        )
    return value


def phone_tail(phone: str) -> str:
    """What a phone number is known by: its last nine digits ("+62 812-3456-7890"
    and "0812 3456 7890" are one number)."""
    return re.sub(r"\D", "", phone)[-9:]


def looks_like_phone(text: str) -> bool:
    """Whether ``text`` is written as a number (a chat shows an unsaved contact so)."""
    return bool(re.fullmatch(r"\+?[\d\s().-]{6,}", text))


def check_phone(phone: str, option: str = "--phone") -> str:
    """A phone number as written (spaces tidied): digits, spaces, "+", "-", "."
    and brackets, 6 to 15 digits."""
    value = " ".join(phone.split())
    digits = re.sub(r"\D", "", value)
    if not re.fullmatch(r"\+?[\d\s().-]+", value) or not 6 <= len(digits) <= 15:
        raise UsageError(
            _("{option} {phone!r} is not a phone number").format(option=option, phone=phone)
        )
    return value


def valid_handle(handle: str) -> bool:
    return bool(re.match(_HANDLE_RE, handle)) and handle != ME


# Words before a name that are not the name: titles (English, Indonesian, Dutch…).
TITLES = frozenset(
    [
        "dr",
        "drs",
        "dra",
        "prof",
        "ir",
        "mr",
        "mrs",
        "ms",
        "mx",
        "miss",
        "sir",
        "dame",
        "madam",
        "pak",
        "bapak",
        "bu",
        "ibu",
        "mas",
        "mbak",
        "bang",
        "kak",
        "h",
        "hj",
        "hajj",
        "haji",
        "ust",
        "ustadz",
        "kh",
        "rev",
        "fr",
        "st",
    ]
)
# Words that join a surname to the name before it ("van der Berg", "bin Ahmad").
PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "da",
        "di",
        "du",
        "la",
        "le",
        "bin",
        "binti",
        "al",
        "el",
    ]
)


def handle_candidates(name: str):
    """Handles to try for a new partner, best first: "sari", "sari-w", "sari-wulandari", "sari2"…

    Titles and initials before the name are passed over, as are the degrees
    after a comma ("Dr. A. J. van der Berg" is "berg"; "Sari Wulandari, S.Kom."
    is "sari")."""
    given = name.split(",")[0].split()
    dropped = False
    while len(given) > 1 and (
        given[0].rstrip(".").lower() in TITLES or len(given[0].rstrip(".")) <= 1
    ):
        given, dropped = given[1:], True
    while dropped and len(given) > 1 and given[0].lower() in PARTICLES:
        given = given[1:]
    words = slug(" ".join(given)).split("-") or ["partner"]
    words = [w for w in words if w] or ["partner"]
    first = words[0] if words[0] != ME else "me-" + (words[1] if len(words) > 1 else "1")
    yield first
    if len(words) > 1:
        yield f"{first}-{words[-1][0]}"
        yield "-".join(words)
    n = 2
    while True:
        yield f"{first}{n}"
        n += 1


def parse_handle(text: str) -> str:
    handle = text.strip().lstrip("@").lower()
    if not valid_handle(handle):
        raise UsageError(
            _(
                "--handle {text!r} should be one word of letters, digits, '-', '_' or '.' (and not 'me')"
            ).format(text=text)
        )
    return handle
