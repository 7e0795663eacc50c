"""Who a command is about, as several commands read it: the partners a note
@mentions. (Partners' names by handle, which views show: `journal.names_by_handle`.)"""

from partnerlog.core.vocabulary import mentions
from partnerlog.errors import PartnerlogError


def add_mentioned(journal, partners: list, text: str) -> list[str]:
    """Add to ``partners`` everyone ``text`` @mentions (`log`, `raise`, `owe`); return
    the mentions that name nobody, kept as text."""
    skipped = []
    for mention in mentions(text):
        try:
            [extra] = journal.named(mention)
        except PartnerlogError:
            skipped.append(mention)
            continue
        if extra.id not in {p.id for p in partners}:
            partners.append(extra)
    return skipped
