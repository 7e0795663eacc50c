"""A progress bar for long work, on a terminal's stderr only (nothing when piped)."""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress(description: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n)``; on a terminal it moves a Rich progress bar, else it does nothing."""
    if not (sys.stderr is not None and sys.stderr.isatty()):
        yield lambda n=1: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)


def counted(items, advance: Callable[[int], None], every: int = 500):
    """``items`` unchanged, advancing the bar every ``every`` of them."""
    n = 0
    for item in items:
        yield item
        n += 1
        if n % every == 0:
            advance(every)
    advance(n % every)
