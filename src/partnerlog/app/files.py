"""What the import commands share: reading the file they are given, and rolling back a dry run."""

import os

from partnerlog.errors import PartnerlogError
from partnerlog.i18n import _


class DryRun(Exception):
    """Raised inside the transaction of a --dry-run, to roll it back with its result."""

    def __init__(self, result=None) -> None:
        super().__init__("dry run")
        self.result = result


def read_input(
    session,
    file: str,
    *,
    what: str,
    encoding: str | None = "utf-8",
    missing: type = PartnerlogError,
) -> str | bytes:
    """The whole of ``file`` ('-': stdin, which the session reads), as text (or
    bytes with ``encoding=None``).

    A file that is not there is ``missing`` (the error to raise); a folder, or
    text that is not in ``encoding``, is explained in words.
    """
    from partnerlog import paths

    if file == "-":
        return session.read_stdin(binary=encoding is None)
    path = paths.expand(file)
    if os.path.isdir(path):
        raise missing(_("{file} is a folder, not {what}").format(file=file, what=what))
    if not os.path.isfile(path):
        raise missing(_("no file {file}").format(file=file))
    try:
        with open(path, "rb" if encoding is None else "r", encoding=encoding) as handle:
            return handle.read()
    except UnicodeDecodeError:
        raise PartnerlogError(
            _("{file} is not a text file; nothing was imported").format(file=file)
        ) from None
