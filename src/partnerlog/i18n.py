"""The language partnerlog speaks: standard gettext catalogues, chosen once per command.

English is the source language and needs no catalogue: ``_`` returns its
argument and the `gettext` module is not even imported. Another language
loads its one compiled catalogue (``locale/LANG/LC_MESSAGES/partnerlog.mo``,
built from the ``.po`` when the package is built, in GNU gettext's format).

The choice: ``--lang`` for one command, else ``PARTNERLOG_LANG``, else the
first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set
(``id_ID.UTF-8`` is Indonesian), else English. A language partnerlog does not
speak falls back to English, silently.

Only what partnerlog says is translated; data never is (stored values, JSON,
exports, exit codes). Strings defined before a language is chosen (help texts,
column heads) are marked with ``N_`` and translated where they are shown.
"""

import os

DOMAIN = "partnerlog"
LANGUAGES = ("en", "id")
SOURCE = "en"
ENV = "PARTNERLOG_LANG"

_catalogue = None  # a `_Catalogue` once a non-English language is chosen
_chosen: str | None = None


def language() -> str:
    """The language chosen (from the environment unless `choose` was called)."""
    if _chosen is None:
        choose(None)
    return _chosen


def wanted(given: str | None = None) -> str:
    """The language ``given`` or the environment asks for, as one of LANGUAGES."""
    asked = given or os.environ.get(ENV)
    if not asked:
        asked = next(
            (
                os.environ[n]
                for n in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
                if os.environ.get(n)
            ),
            "",
        )
    for part in asked.split(":"):  # LANGUAGE is a list: "id:en"
        code = part.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE


def choose(given: str | None) -> str:
    """Speak ``given`` (or what the environment asks for) from now on; return its code."""
    global _catalogue, _chosen
    code = wanted(given)
    _catalogue = None
    if code != SOURCE:
        path = os.path.join(os.path.dirname(__file__), "locale", code, "LC_MESSAGES", DOMAIN)
        try:
            with open(path + ".mo", "rb") as compiled:
                _catalogue = _Catalogue(compiled.read())
        except (OSError, ValueError):  # none compiled (a bare checkout), or not one: English
            code = SOURCE
    _chosen = code
    return code


def _(message: str) -> str:
    """``message`` in the chosen language."""
    if _chosen is None:
        choose(None)
    return message if _catalogue is None else _Template(_catalogue.gettext(message))


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural of a message for ``count``, in the chosen language."""
    if _chosen is None:
        choose(None)
    if _catalogue is None:
        return singular if count == 1 else plural
    return _Template(_catalogue.ngettext(singular, plural, count))


# How a language writes the numbers a template formats with "," or ".":
# Indonesian groups thousands with "." and writes decimals after ",".
_NUMBERS = {"id": str.maketrans(",.", ".,")}


def number(value: float, spec: str) -> str:
    """``value`` formatted by ``spec`` ("+.1f", ","), written the chosen language's way."""
    text = format(value, spec)
    swap = _NUMBERS.get(language())
    return text if swap is None else text.translate(swap)


class _Catalogue:
    """A compiled catalogue (GNU ``.mo``), read as the standard library's
    `gettext.GNUTranslations` reads it, but decoding only the messages a command
    says: a command says a few of its 1,100, and decoding them all took 3 ms
    of `log`'s start-up (the `gettext` module too). UTF-8, as Babel writes."""

    def __init__(self, data: bytes) -> None:
        import struct

        try:
            order = {0x950412DE: "<", 0xDE120495: ">"}.get(struct.unpack("<I", data[:4])[0])
            if order is None:
                raise ValueError("not a compiled catalogue")
            count, originals, translations = struct.unpack(f"{order}3I", data[8:20])
            table = f"{order}{2 * count}I"
            keys = struct.unpack(table, data[originals : originals + 8 * count])
            self.places = struct.unpack(table, data[translations : translations + 8 * count])
        except struct.error:  # cut short
            raise ValueError("not a compiled catalogue") from None
        self.data = data
        # original (bytes; a plural's "singular\0plural") → its translation's place
        self.index = {
            data[keys[2 * n + 1] : keys[2 * n + 1] + keys[2 * n]]: n for n in range(count)
        }
        self.plural = self._plural_rule()

    def _found(self, key: bytes) -> str | None:
        n = self.index.get(key)
        if n is None:
            return None
        length, start = self.places[2 * n], self.places[2 * n + 1]
        return self.data[start : start + length].decode(errors="replace")

    def _plural_rule(self):
        header = self._found(b"") or ""
        rule = next(
            (line.split("plural=", 1)[1] for line in header.splitlines()
             if line.lower().startswith("plural-forms:") and "plural=" in line),
            "n != 1",
        ).strip().rstrip(";").strip()  # fmt: skip
        if rule == "0":  # one form whatever the number (Indonesian)
            return lambda n: 0
        import gettext

        return gettext.c2py(rule)

    def gettext(self, message: str) -> str:
        found = self._found(message.encode())
        return found if found else message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        found = self._found(f"{singular}\0{plural}".encode())
        if not found:
            return singular if count == 1 else plural
        forms = found.split("\0")
        return forms[min(self.plural(count), len(forms) - 1)]


class _Template(str):
    """A translated template: its numbers formatted with "," or "." (``{count:,}``,
    ``{tone:+.1f}``) come out the language's way (`number`)."""

    __slots__ = ()

    def format(self, /, *args, **values) -> str:
        if ":" not in self:  # (no format spec: no number to write another way)
            return str.format(self, *args, **values)
        return str.format(self, *map(_numeric, args), **_numbers(values))

    def format_map(self, values) -> str:
        if ":" not in self:
            return str.format_map(self, values)
        return str.format_map(self, _numbers(values))


def _numbers(values) -> dict:
    return {key: _numeric(value) for key, value in values.items()}


def _numeric(value):
    return (
        _Number(value) if isinstance(value, int | float) and not isinstance(value, bool) else value
    )


class _Number:
    """A number in a template: formatted the language's way when its spec groups
    thousands or has decimals, as itself otherwise (``!r``, ``!s`` and fields too)."""

    __slots__ = ("value",)

    def __init__(self, value: float) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        return number(self.value, spec) if "," in spec or "." in spec else format(self.value, spec)

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return repr(self.value)

    def __getattr__(self, name: str):
        return getattr(self.value, name)


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for it)
    """Mark ``message`` for the catalogue; it is translated later, where it is shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802
    """Mark a singular and its plural for the catalogue; `ngettext` picks one where shown."""
    return singular, plural


class Msg(str):
    """A message that is English as data and in the chosen language when shown.

    The health model's reasons and next steps are data in ``--json`` (English in
    every language, so scripts do not break) and sentences on the screen and in
    reports. A ``Msg`` is the English text (it *is* that ``str``); `shown` (and
    `present.text.visible`, which every view goes through) gives it translated.
    Values that are ``Msg`` themselves are translated with it. Cheap to make: the
    dashboard makes thousands.
    """

    __slots__ = ("template", "values")

    def __new__(cls, template: str, /, **values) -> "Msg":
        made = str.__new__(cls, template.format(**values) if values else template)
        made.template = template
        made.values = values
        return made

    def shown(self) -> str:
        """The message in the chosen language."""
        return _(self.template).format(**_shown_values(self.values))


class _Plural(Msg):
    __slots__ = ("plural", "count")

    def shown(self) -> str:
        return ngettext(self.template, self.plural, self.count).format(**_shown_values(self.values))


class _Joined(Msg):
    __slots__ = ("separator", "parts")

    def shown(self) -> str:
        return self.separator.join(shown(part) for part in self.parts)


def _shown_values(values: dict) -> dict:
    return {k: v.shown() if isinstance(v, Msg) else v for k, v in values.items()}


def Msgs(singular: str, plural: str, count: int, /, **values) -> Msg:  # noqa: N802
    """A `Msg` with a singular and a plural (``count`` is given to the text as {count})."""
    values["count"] = count
    made = str.__new__(_Plural, (singular if count == 1 else plural).format(**values))
    made.template, made.values, made.plural, made.count = singular, values, plural, count
    return made


def shown(text) -> str:
    """``text`` as the person reads it: a `Msg` translated, anything else as it is."""
    return text.shown() if isinstance(text, Msg) else text


def joined(separator: str, parts: list) -> Msg:
    """``parts`` (messages or text) joined by ``separator``, as one `Msg`."""
    made = str.__new__(_Joined, separator.join(parts))
    made.template, made.values, made.separator, made.parts = "", {}, separator, parts
    return made
