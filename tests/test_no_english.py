"""With ``--lang id`` no English is left on screen: every command's help and
every mistake the command line can hold read in Indonesian, apart from data,
command names, options and the words both languages use.

An English word is one that the English messages use (the catalogue's
``msgid``s) and the Indonesian ones do not (its ``msgstr``s); the allow-list
names the few that Indonesian writes the same way too.
"""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from partnerlog import spec
from tests.test_quick import mistakes

CATALOGUE = (
    Path(__file__).resolve().parents[1]
    / "src" / "partnerlog" / "locale" / "id" / "LC_MESSAGES" / "partnerlog.po"
)  # fmt: skip
# Words an Indonesian text uses as they are: names of things and formats.
ALLOWED = {
    "json", "csv", "markdown", "vcard", "icalendar", "ics", "stdin", "email", "handle", "tag",
    "tags", "demo", "editor", "cron", "syncthing", "dropbox", "git", "google", "outlook",
    "apple", "calendar", "utc", "ok", "id", "sql", "europe", "berlin", "visual", "pager",
    "partnerlog", "db", "me", "x",
}  # fmt: skip
WORD = re.compile(r"[A-Za-z][a-z]+")


def _words(texts) -> set[str]:
    found = set()
    for text in texts:
        found.update(w.lower() for w in WORD.findall(re.sub(r"\{[^}]*\}", " ", text)))
    return found


def _vocabularies() -> tuple[set[str], set[str]]:
    with open(CATALOGUE, "rb") as handle:
        catalogue = read_po(handle)
    english, indonesian = [], []
    for message in catalogue:
        if message.id:
            english.extend(message.id if isinstance(message.id, tuple) else [message.id])
            indonesian.extend(
                message.string if isinstance(message.string, tuple) else [message.string]
            )
    return _words(english), _words(indonesian)


ENGLISH, INDONESIAN = _vocabularies()
ONLY_ENGLISH = ENGLISH - INDONESIAN - ALLOWED


def english_left(text: str, typed: tuple[str, ...] = ()) -> set[str]:
    """The English words in ``text``, leaving out data: options, commands, quoted
    text, the choices a person types, and what they typed (``typed``)."""
    from partnerlog.core.vocabulary import KIND_ALIASES, PILLARS_BY_KIND

    data = {word for command in spec.COMMANDS for word in command.path}
    data |= _words(typed) | set(PILLARS_BY_KIND) | set(KIND_ALIASES.values())
    text = re.sub(r"\S*[/\\]\S*", " ", text)  # paths
    data |= {c.lower() for command in spec.COMMANDS for p in command.params for c in p.choices}
    text = re.sub(r"--?[\w-]+", " ", text)  # options
    text = re.sub(r"\"[^\"]*\"|'[^']*'", " ", text)  # quoted: data
    text = re.sub(r"partnerlog( [a-z-]+)*", " ", text)  # command lines
    return {w for w in _words([text]) if w in ONLY_ENGLISH and w not in data}


PATHS = [(), *(tuple(g.split()) for g in spec.GROUPS), *(c.path for c in spec.COMMANDS)]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "partnerlog")
def test_help_in_indonesian_has_no_english(run, path):
    result = run("--lang", "id", *path, "--help")
    assert result.exit_code == 0
    assert english_left(result.stdout) == set()


@pytest.mark.parametrize("command", spec.COMMANDS, ids=lambda c: c.name)
def test_mistakes_in_indonesian_have_no_english(run, command):
    for argv in mistakes(command):
        result = run("--lang", "id", *argv)
        assert result.exit_code == 2, argv
        assert english_left(result.stderr, tuple(argv)) == set(), argv


def test_the_detector_finds_english():
    """What Typer printed before help was drawn from the spec, and what it still says."""
    typers = (
        "Usage: partnerlog log [OPTIONS] WHO [NOTE]...\n\nArguments:\n  WHO  Siapa.  [required]"
        "\n\nOptions:\n  -h, --help  Show this message and exit."
    )
    assert english_left(typers) >= {"usage", "arguments", "required", "options", "this"}
    assert english_left("Tampilkan bantuan ini lalu keluar.") == set()
