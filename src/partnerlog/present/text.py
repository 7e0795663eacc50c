"""The one way partnerlog speaks to a person: every value interpolated into a
message is made safe for the terminal first, so a new message cannot forget it.

``say("Added {name} as '{handle}'.", name=partner.name, handle=partner.handle)``
prints on stderr with each value on one line and its control and escape
characters shown as text. Cheap to import: every command speaks through it.
"""

import sys

from partnerlog.i18n import Nn_, _
from partnerlog.safe import visible


class Shown(str):
    """Text a view has already made safe (several lines, say): `say` keeps it as it is."""


def phrase(template: str, /, **values) -> str:
    """``template``, in the chosen language, with ``values`` filled in, each safe for
    the terminal and on one line. (The catalogue takes the templates of `phrase`,
    `say` and `note` as messages.)"""
    return _(template).format(
        **{
            key: visible(value, one_line=True)
            if isinstance(value, str) and not isinstance(value, Shown)
            else value
            for key, value in values.items()
        }
    )


def say(template: str, /, **values) -> None:
    """A message for the person (stderr), values made safe; see `phrase`."""
    print(phrase(template, **values), file=sys.stderr)


def note(template: str, /, **values) -> None:
    """A side remark that is not an error: ``partnerlog: note: …`` on stderr."""
    print("partnerlog: note: " + phrase(template, **values), file=sys.stderr)


def plural(count: int, noun: str) -> str:
    """ "1 goal", "3 goals", "2 entries": ``noun`` is one of NOUNS (in the catalogue)."""
    from partnerlog.i18n import ngettext

    singular, many = NOUNS[noun]
    return ngettext(singular, many, count).format(count=count)


# The nouns `plural` counts, each with its singular and plural message.
NOUNS = {
    "goal": Nn_("{count} goal", "{count} goals"),
    "entry": Nn_("{count} entry", "{count} entries"),
    "interaction": Nn_("{count} interaction", "{count} interactions"),
    "partner": Nn_("{count} partner", "{count} partners"),
    "trait": Nn_("{count} trait", "{count} traits"),
    "check-in": Nn_("{count} check-in", "{count} check-ins"),
    "follow-up": Nn_("{count} follow-up", "{count} follow-ups"),
    "date": Nn_("{count} date", "{count} dates"),
    "day": Nn_("{count} day", "{count} days"),
    "topic": Nn_("{count} topic", "{count} topics"),
    "more partnership": Nn_("{count} more partnership", "{count} more partnerships"),
    "partnership": Nn_("{count} partnership", "{count} partnerships"),
    "meeting": Nn_("{count} meeting", "{count} meetings"),
    "more address": Nn_("{count} more address", "{count} more addresses"),
    "chat day": Nn_("{count} chat day", "{count} chat days"),
    "line": Nn_("{count} line", "{count} lines"),
    "message": Nn_("{count} message", "{count} messages"),
    "more sender": Nn_("{count} more sender", "{count} more senders"),
    "more record": Nn_("… and {count} more record", "… and {count} more records"),
    "follow_up": Nn_("{count} follow-up", "{count} follow-ups"),
    "partner_date": Nn_("{count} date", "{count} dates"),
}


def print_json(data: object) -> None:
    """``--json`` output: plain ``json.dumps``, no Rich."""
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def at_a_terminal() -> bool:
    """Whether a person is there to answer (stdin is a terminal)."""
    return sys.stdin is not None and sys.stdin.isatty()


def ask_secret(prompt: str) -> str | None:
    """What the person types at the terminal after ``prompt``, not echoed (a
    passphrase); None when nobody is at a terminal to type it."""
    import os

    if not (at_a_terminal() or (sys.stderr is not None and sys.stderr.isatty())):
        return None
    try:
        os.close(os.open("/dev/tty", os.O_RDWR))
    except OSError:
        return None  # (getpass would read the piped stdin instead)
    import getpass

    try:
        return getpass.getpass(prompt)
    except EOFError:
        return None


def confirm(yes: bool, question: str) -> None:
    """Ask before destroying; with no terminal and no --yes, refuse rather than guess."""
    from partnerlog.errors import Aborted, UsageError

    if yes:
        return
    if not at_a_terminal():
        raise UsageError(
            _("not doing it without confirmation; add --yes to do it without a question")
        )
    sys.stderr.write(_("{question} [y/N]: ").format(question=question))
    sys.stderr.flush()
    answer = sys.stdin.readline()
    if not answer:
        sys.stderr.write("\n")
    if answer.strip().lower() not in ("y", "yes", _("y"), _("yes")):
        raise Aborted(_("kept; nothing was changed"))
