"""The errors partnerlog raises on purpose, each with the exit code the CLI uses.

Every message is one line meant for a person; the CLI prints it to stderr as
``partnerlog: <message>`` and exits with ``exit_code``.
"""

from partnerlog.i18n import _

# Exit codes are part of the interface (scripts, cron, shell prompts rely on them).
OK = 0
ERROR = 1
USAGE = 2
BUSY = 3
NOT_A_JOURNAL = 4
NEWER_JOURNAL = 5
# Not an error: `due --exit-code` says someone is due (no error uses it).
SOMEONE_DUE = 6
# Not an error either: `sync` did what it could, but skipped a file it could not use.
PARTIAL = 7


class PartnerlogError(Exception):
    """An error meant for a person: one line, and the exit code to leave with."""

    exit_code = ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def with_hint(self, hint: str) -> "PartnerlogError":
        """The same error with a pointer to what to do, in brackets after the message."""
        return type(self)(f"{self.message} ({hint})")


class UsageError(PartnerlogError):
    """A value on the command line that partnerlog cannot use (a date, a tone...)."""

    exit_code = USAGE


class JournalMissing(PartnerlogError):
    """A read command on a journal that does not exist yet."""


class JournalBusy(PartnerlogError):
    exit_code = BUSY


class NotAJournal(PartnerlogError):
    exit_code = NOT_A_JOURNAL


class NewerJournal(PartnerlogError):
    exit_code = NEWER_JOURNAL


class WrongPassphrase(NotAJournal):
    """An encrypted journal (or backup, or sync file) the passphrase given does not open."""


def sql_errors(name: str) -> tuple[type, ...]:
    """SQLite's error class ``name`` ("OperationalError") for ``except`` and
    ``isinstance``: the standard library's, and SQLCipher's once an encrypted
    journal has been opened (sqlcipher3 has its own classes of the same names)."""
    import sqlite3
    import sys

    found = (getattr(sqlite3, name),)
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    return found + (getattr(cipher, name),) if cipher is not None else found


class NotFound(PartnerlogError):
    """An id or partner that is not in the journal."""


class Conflict(PartnerlogError):
    """The request contradicts what is stored (a duplicate handle, a closed goal...)."""


class Aborted(PartnerlogError):
    """The person said no at a confirmation question."""


# -- the one error boundary ------------------------------------------------------------
#
# Both parsers run inside `guarded`: every error, Ctrl-C and closed pipe ends
# here, as one line on stderr and the documented exit code. No traceback
# reaches a person, and a crash never prints what it was working on (notes
# are private).

INTERRUPTED = 130


def guarded(work) -> int:
    """Run ``work()`` (which returns an exit code) and turn whatever it raises into one."""
    import sys

    store = sys.modules.get("partnerlog.store.connection")
    if store is not None:
        store.saved = False  # a new command (the tests run many in one process)
    try:
        code = work()
        sys.stdout.flush()
        return code
    except SystemExit as stop:  # Typer's own completion ends this way
        return stop.code if isinstance(stop.code, int) else 0
    except BaseException as error:
        known = exit_code_for(error)
        return crash(error) if known is None else known


def fail(message: str, code: int) -> int:
    """Print ``partnerlog: message`` on stderr (control characters made visible)."""
    import sys

    from partnerlog.safe import visible

    print(f"partnerlog: {visible(message, one_line=True)}", file=sys.stderr)
    return code


def exit_code_for(error: BaseException) -> int | None:
    """Report an error partnerlog knows how to explain; return its exit code, else None."""
    if isinstance(error, PartnerlogError):
        return fail(error.message, error.exit_code)
    if isinstance(error, BrokenPipeError):
        # The reader went away (`partnerlog timeline | head`): not an error.
        silence_stdout()
        return OK
    operational, database = sql_errors("OperationalError"), sql_errors("DatabaseError")
    if isinstance(error, operational) and ("locked" in str(error) or "busy" in str(error)):
        return fail(_("the journal is busy (another partnerlog is writing); try again"), BUSY)
    if isinstance(error, database) and not isinstance(error, operational):
        return fail(
            _(
                "the journal file is damaged or not a partnerlog journal; nothing was changed "
                "(see: partnerlog db check)"
            ),
            NOT_A_JOURNAL,
        )
    if isinstance(error, KeyboardInterrupt):
        import sys

        store = sys.modules.get("partnerlog.store.connection")
        if store is not None and store.saved:
            return fail(_("interrupted after the change was saved"), INTERRUPTED)
        return fail(_("interrupted; nothing was changed"), INTERRUPTED)
    if isinstance(error, operational):
        return _sqlite_trouble(error)
    if isinstance(error, UnicodeError):
        return fail(
            _(
                "some text is not valid UTF-8 (check your terminal's or file's encoding); "
                "nothing was changed"
            ),
            USAGE,
        )
    if isinstance(error, OSError):
        return _os_trouble(error)
    return None


def _sqlite_trouble(error) -> int | None:
    """What SQLite says about the file system, in a person's words."""
    text = str(error)
    if "readonly" in text or "read-only" in text:
        return fail(_("the journal is read-only here; nothing was changed"), ERROR)
    if "disk is full" in text or "disk I/O" in text:
        return fail(
            _("the journal could not be written ({why}); nothing was changed").format(why=text),
            ERROR,
        )
    if "unable to open" in text:
        return fail(_("the journal file cannot be opened (check the folder's permissions)"), ERROR)
    return None


def _os_trouble(error: OSError) -> int:
    """The machine's situation (a full disk, a read-only folder…): what is wrong, in words."""
    import errno

    where = f" ({error.filename})" if error.filename else ""
    words = {
        errno.ENOSPC: _("the disk is full"),
        errno.EROFS: _("the file system is read-only"),
        errno.EACCES: _("permission denied"),
        errno.EPERM: _("not permitted"),
        errno.ENOENT: _("no such file or folder"),
        errno.ENOTDIR: _("a part of the path is not a folder"),
        errno.EISDIR: _("that is a folder"),
        errno.ELOOP: _("too many symbolic links (a loop?)"),
    }.get(error.errno, error.strerror or type(error).__name__)
    return fail(_("{what}{where}; nothing was changed").format(what=words, where=where), ERROR)


def crash(error: BaseException) -> int:
    """An unexpected error: say so without its message (it may quote a private note)."""
    import os

    if os.environ.get("PARTNERLOG_DEBUG"):
        raise error
    return fail(
        _(
            "internal error ({name}); nothing was changed. "
            "Set PARTNERLOG_DEBUG=1 to see the details, and please report it"
        ).format(name=type(error).__name__),
        ERROR,
    )


def silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush cannot fail again."""
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # no real file descriptor (a test's captured stdout): nothing to silence
