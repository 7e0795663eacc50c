"""How partnerlog speaks: errors as one line on stderr with their exit code,
and JSON on stdout. Shared by the full CLI and the quick path; cheap to import."""

import os
import sqlite3
import sys

from partnerlog import errors


def fail(message: str, code: int) -> int:
    """Print ``partnerlog: message`` on stderr (control characters made visible)."""
    from partnerlog.domain import visible

    print(f"partnerlog: {visible(message, one_line=True)}", file=sys.stderr)
    return code


def exit_code_for(error: BaseException) -> int | None:
    """Report an error partnerlog knows how to explain; return its exit code, else None."""
    if isinstance(error, errors.PartnerlogError):
        return fail(error.message, error.exit_code)
    if isinstance(error, sqlite3.OperationalError) and (
        "locked" in str(error) or "busy" in str(error)
    ):
        return fail("the journal is busy (another partnerlog is writing); try again", errors.BUSY)
    if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError):
        return fail("the journal file is corrupt or not a partnerlog journal", errors.NOT_A_JOURNAL)
    if isinstance(error, KeyboardInterrupt):
        return fail("interrupted; nothing was changed", 130)
    if isinstance(error, BrokenPipeError):
        # The reader went away (`partnerlog timeline | head`): not an error.
        silence_stdout()
        return 0
    return None


def crash(error: BaseException) -> int:
    """An unexpected error: say so without its message (it may quote a private note)."""
    if os.environ.get("PARTNERLOG_DEBUG"):
        raise error
    return fail(
        f"internal error ({type(error).__name__}); nothing was changed. "
        "Set PARTNERLOG_DEBUG=1 to see the details, and please report it",
        errors.ERROR,
    )


def silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def print_json(data: object) -> None:
    """``--json`` output: plain ``json.dumps``, no Rich."""
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
