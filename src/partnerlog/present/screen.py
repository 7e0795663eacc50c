"""What goes to the screen as a whole: sheets (`present.sheet`) drawn by Rich on a
terminal or written tab-separated when piped, and long views through the pager.
Rich loads only to draw on a terminal."""

from __future__ import annotations

import os
import sys


def paged(renderable, *, pager: bool = True) -> None:
    """Print on the terminal, through $PAGER (less, as git does) when it is longer
    than the screen; ``pager=False`` (--no-pager) prints it straight."""
    from partnerlog.present.terminal import console

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


def on_terminal() -> bool:
    """Whether stdout is a terminal, as Rich decides it (TTY_COMPATIBLE, FORCE_COLOR,
    else the file itself), without importing Rich."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def width() -> int:
    """The terminal's width; piped, room for every column."""
    if not on_terminal():
        return 10_000
    from partnerlog.present.terminal import console

    return console().width


def draw(sheet, *, pager: bool = False) -> None:
    """A sheet on a terminal (paged when asked); piped, its lines."""
    if on_terminal():
        paged(sheet.rich(), pager=pager)
        return
    sys.stdout.write("\n".join(sheet.lines()) + "\n")
