"""Where the journal lives, and making its folder and files private."""

import os
from pathlib import Path

ENV_DB = "PARTNERLOG_DB"
APP_NAME = "partnerlog"


def data_dir() -> Path:
    """The per-user data folder (platformdirs), e.g. ~/.local/share/partnerlog."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def journal_path(option: str | os.PathLike | None = None) -> Path:
    """The journal file: ``--db`` beats ``$PARTNERLOG_DB`` beats the data folder."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return data_dir() / "partnerlog.db"


def demo_path() -> Path:
    """The demo journal: its own file beside (never instead of) the real one."""
    return data_dir() / "demo.db"


def ensure_private_folder(folder: Path) -> None:
    """Create ``folder`` (and parents) if needed; a folder we create is 0700."""
    if folder.exists():
        return
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True)
    for created in missing:
        os.chmod(created, 0o700)


def create_private_file(path: Path) -> None:
    """Create an empty file readable only by its owner (0600), if it is absent."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def write_private(path: Path, chunks) -> None:
    """Write text chunks to ``path`` atomically, readable only by the owner (0600).

    The text goes to a temporary file beside ``path`` that replaces it only when
    complete: an interrupted write never leaves half a file under the real name.
    """
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
