"""The journal file, and the only package that speaks SQL.

`Journal` is one connection with a store for each subject mixed in: opening,
transactions and the file's health (`connection`), partners, interactions,
goals, traits, follow-ups and dates (`follow_ups`), what the health model needs (`health`), export and import
(`transfer`, `documents`, `put`, `merge`) and undo. Shell completion reads through `completion`, which
never opens a `Journal`.
"""

from partnerlog.store.connection import Connection
from partnerlog.store.documents import DocumentStore
from partnerlog.store.follow_ups import FollowUpStore
from partnerlog.store.goals import GoalStore
from partnerlog.store.health import HealthStore
from partnerlog.store.interactions import InteractionStore, fts_query
from partnerlog.store.merge import MergeStore
from partnerlog.store.partners import PartnerStore
from partnerlog.store.put import PutStore
from partnerlog.store.soundness import SoundnessStore
from partnerlog.store.traits import TraitStore
from partnerlog.store.transfer import EXPORT_TABLES, TransferStore
from partnerlog.store.undo import UndoStore
from partnerlog.store.versions import VersionStore

__all__ = ["EXPORT_TABLES", "Journal", "fts_query"]


class Journal(
    PartnerStore,
    InteractionStore,
    GoalStore,
    TraitStore,
    FollowUpStore,
    HealthStore,
    TransferStore,
    DocumentStore,
    PutStore,
    MergeStore,
    UndoStore,
    VersionStore,
    SoundnessStore,
    Connection,
):
    """An open journal file."""
