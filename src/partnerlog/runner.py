"""Running a command, whichever parser read it: the journal opened once, ``now``
read once, the command's body (`partnerlog.app`) called, its result drawn
(`partnerlog.present`).

Every command ends here, read by the one parser (`partnerlog.spec.argv`, via
`partnerlog.quick`) or, in the tests, by the Typer app (`partnerlog.cli`),
inside the one error boundary (`errors.guarded`).
"""

import os
import sys

from partnerlog.errors import UsageError
from partnerlog.i18n import _
from partnerlog.spec import Command


class Session:
    """What a command works with: the journal (opened on first use, as the
    command's spec says), the moment it runs, and where the journal lives."""

    def __init__(self, command: Command, db: str | None, dry_run: bool = False) -> None:
        from partnerlog.core import dates

        self.command = command
        self.db = db
        # A dry run that would create the journal works on a scratch one instead:
        # it says what would happen and leaves no file behind.
        self.dry_run = dry_run
        self._scratch = None
        self.now = dates.now()
        dates.take_notes()  # (none left from a command before, in this process)
        self._journal = None

    # -- what the app asks of the person, through the views --------------------------

    @property
    def interactive(self) -> bool:
        """Whether a person is there to answer (stdin is a terminal)."""
        from partnerlog.present.text import at_a_terminal

        return at_a_terminal()

    def confirm(self, question: str) -> None:
        """Ask ``question`` (yes or no); no raises `Aborted`, as a `Proposal` refused does."""
        from partnerlog.present.text import confirm

        confirm(False, question)

    def passphrase_for(self, path: str, typed: list | None = None) -> str:
        """The passphrase of the encrypted file at ``path`` (`app.passphrases`
        says where it comes from); refused when there is none to be had. When
        it was typed at the terminal, ``typed`` (if given) gets an item."""
        from partnerlog.app.passphrases import ENV, for_journal
        from partnerlog.errors import NotAJournal
        from partnerlog.present.text import ask_secret

        def ask(prompt: str) -> str | None:
            answer = ask_secret(prompt)
            if answer is not None and typed is not None:
                typed.append(True)
            return answer

        found = for_journal(path, ask)
        if found is None:
            raise NotAJournal(
                _("{path} is encrypted; set {env}, or run this at a terminal to be asked").format(
                    path=path, env=ENV
                )
            )
        return found

    def new_passphrase(self, path: str) -> str:
        """A new passphrase: typed twice at the terminal, or one line piped in."""
        from partnerlog.app.passphrases import new
        from partnerlog.present.text import ask_secret

        piped = None if self.interactive else self.read_stdin()
        return new(path, ask_secret, piped)

    def stdin_text(self) -> str:
        """What was piped in, trimmed ("" with no stdin)."""
        return self.read_stdin().strip()

    def read_stdin(self, *, binary: bool = False) -> str | bytes:
        """All of stdin, as text (or bytes); empty with no stdin."""
        if sys.stdin is None:
            return b"" if binary else ""
        if binary and hasattr(sys.stdin, "buffer"):
            return sys.stdin.buffer.read()
        return sys.stdin.read()

    def write_in_editor(self, start: str | None, kind: str | None = None) -> str:
        """What the person wrote in their editor from ``start`` (None: the kind's
        template); "" when they left it empty, or the template as it was."""
        from partnerlog.present.editor import template, without_comments, write_in_editor

        initial = template(kind) if start is None else start
        text = write_in_editor(initial)
        return "" if start is None and text == without_comments(initial) else text

    def progress(self, description: str, total: int | None = None):
        """A progress bar on a terminal's stderr, nothing when piped: a context
        manager giving ``advance(n)``. The app asks for it; the view draws it."""
        from partnerlog.present.progress import progress

        return progress(description, total)

    @property
    def location(self) -> str:
        from partnerlog.paths import journal_location

        return journal_location(self.db)

    @property
    def journal(self):
        if self._journal is None:
            from partnerlog.errors import JournalMissing
            from partnerlog.store import Journal

            create = self.command.journal == "create"
            location = self.location
            if create and self.dry_run and not os.path.exists(location):
                import tempfile

                self._scratch = tempfile.mkdtemp(prefix="partnerlog-dry-run-")
                location = os.path.join(self._scratch, "journal.db")
            try:
                self._journal = self._open(Journal, location, create)
            except JournalMissing as error:
                raise error.with_hint(_("start one with: partnerlog partner add NAME")) from None
            except UsageError as error:  # (about --db, not the command: no pointer to its help)
                error.about_journal = True
                raise
        return self._journal

    def _open(self, journal_class, location: str, create: bool):
        """Open the journal; a passphrase mistyped at the terminal is asked for
        again, three times in all (as sudo does)."""
        from partnerlog.errors import WrongPassphrase

        typed = []  # (whether the passphrase tried last was typed at the terminal)

        def passphrase() -> str:
            return self.passphrase_for(location, typed)

        for attempt in range(3):
            typed.clear()
            try:
                return journal_class.open(location, create=create, passphrase=passphrase)
            except WrongPassphrase:
                if not typed or attempt == 2:
                    raise
                from partnerlog.present.text import say

                say("Wrong passphrase; try again.")
        raise AssertionError("three attempts, each returned or raised")

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        if self._scratch is not None:
            import shutil

            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None


def resolve(package: str, dotted: str):
    """The function "module.function" names in ``partnerlog.<package>``, imported now."""
    module, _, function = dotted.rpartition(".")
    name = f"partnerlog.{package}.{module}"
    __import__(name)  # importlib itself costs a third of a millisecond to load
    return getattr(sys.modules[name], function)


def _tell_notes() -> None:
    """The notes left for the person while the command ran (`zones.note`): a time
    that daylight saving skipped, a -wal file set aside."""
    from partnerlog.core import dates

    notes = dates.take_notes()
    if notes:
        from partnerlog.present.text import note

        for template, values in notes:
            note(template, **values)


def arguments(action, values: dict) -> dict:
    """The parsed values ``action`` takes, by its keyword parameters' names (a
    name that is also a Python built-in ends in "_" there: ``id_`` for --id)."""
    code = action.__code__
    if code.co_flags & 0x08:  # (**kwargs: everything)
        return values
    start = code.co_argcount
    names = code.co_varnames[start : start + code.co_kwonlyargcount]
    return {name: values[name.removesuffix("_")] for name in names}


def pointed(error: UsageError, command: Command) -> UsageError:
    """A value the command could not use, pointing at the command's help as every
    mistake on the command line does (unless it points somewhere already)."""
    from partnerlog.spec.argv import problem

    pointer = problem("", ()).message.split("partnerlog", 1)[0].strip()  # "(see:", "(lihat:"
    if pointer in error.message or getattr(error, "about_journal", False):
        return error
    return problem(error.message, command.path)


def run(command: Command, values: dict, db: str | None = None) -> int:
    """Run ``command`` with parsed ``values``; return the exit code."""
    session = Session(command, db, dry_run=bool(values.get("dry_run")))
    try:
        try:
            action = resolve("app", command.action)
            result = action(session, **arguments(action, values))
        except UsageError as error:
            raise pointed(error, command) from None
        _tell_notes()
        from partnerlog.app.requests import Proposal  # (the app package is loaded now)

        if isinstance(result, Proposal):
            from partnerlog.present.text import confirm

            question = resolve("present", command.ask)(result.subject, values, session.now)
            confirm(values.get("yes", False), question)
            result = result.apply()
        if command.show is None:
            return 0
        code = resolve("present", command.show)(result, values, session.now)
        return code or 0
    finally:
        session.close()
