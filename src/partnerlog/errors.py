"""The errors partnerlog raises on purpose, each with the exit code the CLI uses.

Every message is one line meant for a person; the CLI prints it to stderr as
``partnerlog: <message>`` and exits with ``exit_code``.
"""

# Exit codes are part of the interface (scripts, cron, shell prompts rely on them).
OK = 0
ERROR = 1
USAGE = 2
BUSY = 3
NOT_A_JOURNAL = 4
NEWER_JOURNAL = 5


class PartnerlogError(Exception):
    exit_code = ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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


class NotFound(PartnerlogError):
    """An id or partner that is not in the journal."""


class Conflict(PartnerlogError):
    """The request contradicts what is stored (a duplicate handle, a closed goal...)."""
