"""What the import commands share: reading the file they are given, and rolling back a dry run."""

import os
import sys

from partnerlog.errors import PartnerlogError
from partnerlog.i18n import _


class DryRun(Exception):
    """Raised inside the transaction of a --dry-run, to roll it back with its result."""

    def __init__(self, result=None) -> None:
        super().__init__("dry run")
        self.result = result


def read_input(
    file: str, *, what: str, encoding: str | None = "utf-8", missing: type = PartnerlogError
) -> str | bytes:
    """The whole of ``file`` ('-': stdin), as text (or bytes with ``encoding=None``).

    A file that is not there is ``missing`` (the error to raise); a folder, or
    text that is not in ``encoding``, is explained in words.
    """
    from partnerlog import paths

    if file == "-":
        if encoding is None and hasattr(sys.stdin, "buffer"):
            return sys.stdin.buffer.read()
        return sys.stdin.read()
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
