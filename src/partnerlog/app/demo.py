"""`demo`: a sample journal in its own file, never the user's, to try everything safely."""

import os

from partnerlog.errors import NotAJournal, PartnerlogError
from partnerlog.i18n import _


def demo(session, *, path: str | None):
    """(where it was built, what was added, the dashboard's verdicts)."""
    from partnerlog import paths
    from partnerlog.app.dashboard import Dashboard, verdicts
    from partnerlog.app.sample import build
    from partnerlog.core.vocabulary import DASHBOARD_ROWS
    from partnerlog.store import Journal

    target = paths.expand(path) if path else os.fspath(paths.demo_path())
    if os.path.realpath(target) == os.path.realpath(session.location):
        raise PartnerlogError(
            _("{target} is your journal; the demo needs a file of its own").format(target=target)
        )
    if os.path.exists(target):
        try:
            existing = Journal.open(target)
            is_demo = existing.get_meta("demo") == "1"
            existing.close()
        except (NotAJournal, PartnerlogError):
            is_demo = False
        if not is_demo:
            raise PartnerlogError(
                _("{target} exists and is not a demo journal; not overwriting it").format(
                    target=target
                )
            )
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(target + suffix):
                os.unlink(target + suffix)
    journal = Journal.open(target, create=True)
    try:
        added = build(journal, session.now)
        return target, added, Dashboard.of(verdicts(journal, session.now), DASHBOARD_ROWS)
    finally:
        journal.close()
