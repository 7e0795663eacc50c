"""Where the journal lives, and making its folder and files private.

Cheap to import (no pathlib, no platformdirs until needed): the quick logging
path resolves the journal's location through here.
"""

from __future__ import annotations

import os
import sys

from partnerlog.i18n import _

# Names for type hints only (annotations are not evaluated at run time).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

ENV_DB = "PARTNERLOG_DB"
APP_NAME = "partnerlog"
JOURNAL_FILE = "partnerlog.db"


def data_dir() -> Path:
    """The per-user data folder (platformdirs), e.g. ~/.local/share/partnerlog."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def quick_data_dir() -> str | None:
    """platformdirs' data folder on Linux in the common case, without importing it.

    Importing platformdirs costs about as much as starting Python, and the
    quick logging path cannot afford it. This covers what it answers for an
    ordinary user on Linux (an absolute $XDG_DATA_HOME, else an absolute
    $HOME/.local/share); anything else (other systems, unusual environments)
    returns None and platformdirs decides. A test holds the two in agreement.
    """
    if not sys.platform.startswith("linux"):
        return None
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg.startswith("/"):
        return os.path.join(xdg, APP_NAME)
    home = os.environ.get("HOME", "")
    if not home.startswith("/"):
        return None
    return os.path.join(home.rstrip("/") or "/", ".local", "share", APP_NAME)


def journal_location(option: str | os.PathLike | None = None) -> str:
    """The journal file: ``--db`` beats ``$PARTNERLOG_DB`` beats the data folder."""
    if option:
        return os.path.expanduser(os.fspath(option))
    env = os.environ.get(ENV_DB)
    if env:
        return os.path.expanduser(env)
    folder = quick_data_dir()
    if folder is None:
        folder = os.fspath(data_dir())
    return os.path.join(folder, JOURNAL_FILE)


def demo_path() -> Path:
    """The demo journal: its own file beside (never instead of) the real one."""
    from pathlib import Path

    folder = quick_data_dir()
    return Path(folder) / "demo.db" if folder else data_dir() / "demo.db"


def ensure_private_folder(folder: str | os.PathLike) -> None:
    """Create ``folder`` (and parents) if needed; every folder created here is 0700."""
    folder = os.path.abspath(os.fspath(folder))
    missing = []
    probe = folder
    while not os.path.exists(probe):
        missing.append(probe)
        probe = os.path.dirname(probe)
    for created in reversed(missing):
        os.mkdir(created, 0o700)
        os.chmod(created, 0o700)


def create_private_file(path: str | os.PathLike) -> None:
    """Create an empty file readable only by its owner (0600), if it is absent."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def write_private(path: str | os.PathLike, chunks, *, binary: bool = False) -> None:
    """Write text chunks (``binary``: bytes) to ``path`` atomically, readable
    only by the owner (0600)."""
    write_private_files({os.fspath(path): chunks}, binary=binary)


def write_private_files(files: dict, *, binary: bool = False) -> None:
    """Write each file's text chunks (``binary``: bytes), all of them or none,
    readable only by the owner.

    Each text goes to a new temporary file beside its target (a random name,
    created exclusively, so nothing planted there is followed); only when every
    one is complete do they replace their targets. An interrupted or failed
    write (a full disk) leaves no half file and no temporary one behind.
    """
    import tempfile

    written: list[tuple[str, str]] = []
    try:
        for path, chunks in files.items():
            folder, name = os.path.split(os.fspath(path))
            fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or ".")
            written.append((temporary, os.fspath(path)))
            with os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else "utf-8",
                           newline=None if binary else "") as handle:  # fmt: skip
                for chunk in chunks:
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temporary, 0o600)
        for temporary, path in written:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _written in written:
            if os.path.exists(temporary):
                os.unlink(temporary)
        raise


def check_output(path: str, journal: str, *, folder: bool = False) -> str:
    """``path`` as a place to write a report, an export or a copy, or a UsageError.

    Never the journal or the files SQLite keeps beside it; never through a
    symbolic link, nor onto anything but a regular file (a pipe or a device
    would be replaced by one); and into a folder that exists.
    """
    from partnerlog.errors import UsageError

    target = expand(path)
    real = os.path.realpath(target)
    journal_real = os.path.realpath(journal)
    if real in (
        journal_real,
        journal_real + "-wal",
        journal_real + "-shm",
        journal_real + "-journal",
    ):
        raise UsageError(_("{path} is the journal itself; choose another file").format(path=path))
    if os.path.islink(target):
        raise UsageError(_("{path} is a symbolic link; give the file itself").format(path=path))
    if folder:
        return target
    if os.path.isdir(target):
        raise UsageError(_("{path} is a folder; give a file name").format(path=path))
    if os.path.exists(target) and not os.path.isfile(target):
        # A pipe, a device or a socket would be replaced by a regular file.
        raise UsageError(
            _(
                "{path} is not a regular file (a pipe, a device or a socket); give a file's path"
            ).format(path=path)
        )
    parent = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(parent):
        raise UsageError(
            _("there is no folder {parent} to write {value} in").format(
                parent=parent, value=os.path.basename(target)
            )
        )
    return target


def expand(path: str | os.PathLike) -> str:
    """A path as typed (``~`` included) as the file system knows it."""
    return os.path.expanduser(os.fspath(path))
