"""Long views through the pager (tables come here from `present.sheet`)."""

from __future__ import annotations

from partnerlog.present.terminal import console


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
