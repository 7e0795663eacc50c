"""What goes to the screen as a whole: tables (or tab-separated lines when piped),
and long views through the pager."""

from __future__ import annotations

from rich.text import Text

from partnerlog.present.terminal import console

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rich.table import Table


def paged(renderable, *, pager: bool = True) -> None:
    """Print on the terminal, through $PAGER (less, as git does) when it is longer
    than the screen; ``pager=False`` (--no-pager) prints it straight."""
    out = console()
    if isinstance(renderable, str):  # text as it is (a markdown report): never wrapped
        shown = renderable
    elif not pager:
        out.print(renderable)
        return
    else:
        with out.capture() as captured:
            out.print(renderable)
        shown = captured.get()
    if not pager:
        out.file.write(shown)
        return
    if shown.count("\n") < out.size.height:
        out.file.write(shown)
        return
    import os
    import shlex
    import subprocess

    command = shlex.split(os.environ.get("PAGER") or "less")
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # one screen: just print; keep colours; leave it shown
    try:
        subprocess.run(command, input=shown.encode("utf-8", "replace"), env=env, check=False)
    except OSError:
        out.file.write(shown)  # no such pager: print it all


def print_table(table: Table, *, pager: bool = False) -> None:
    """A table on a terminal (paged when asked); piped, one record per line,
    tab-separated, unpadded (a header line first), so `grep` and `cut` see whole records."""
    out = console()
    if out.is_terminal:
        paged(table, pager=pager)
        return
    import sys

    def cell(value) -> str:
        text = value.plain if isinstance(value, Text) else str(value)
        return " ".join(text.replace("\t", " ").replace("\n", " ⏎ ").split())

    columns = table.columns
    lines = ["\t".join(cell(c.header) for c in columns)]
    for row in range(table.row_count):
        lines.append("\t".join(cell(c._cells[row]) for c in columns))
    sys.stdout.write("\n".join(lines) + "\n")
