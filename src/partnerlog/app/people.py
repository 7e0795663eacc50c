"""Who a command is about, as several commands read it: partners' names by
handle (views show names), and the partners a note @mentions."""

from partnerlog.core.vocabulary import mentions
from partnerlog.errors import PartnerlogError


def names_by_handle(journal, handles: list[str] | None = None) -> dict[str, str]:
    """Partners' names by handle, archived ones too (views show names, not
    handles); ``handles``: only these (a few items shown, not every partner)."""
    return journal.names_by_handle(handles)


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
