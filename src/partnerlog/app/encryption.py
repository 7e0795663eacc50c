"""`db encrypt`, `db decrypt` and `db rekey`: the journal encrypted at rest (SQLCipher).

Each converts the whole file safely (`store.conversion.convert`): killed on the way,
the journal is as it was. The next sync writes this journal's file in the
folder again, encrypted as the journal now is (or in clear once decrypted).
"""

from partnerlog.app import passphrases
from partnerlog.errors import Conflict, UsageError
from partnerlog.i18n import _


def _encrypted_journal(session):
    journal = session.journal
    if journal.passphrase is None:
        raise Conflict(_("the journal is not encrypted; partnerlog db encrypt encrypts it"))
    return journal


def _convert(session, journal, current: str | None, new: str | None) -> str:
    """Let go of the journal and convert its file; its path."""
    from partnerlog.store.conversion import convert

    path = journal.path
    journal.forget_files_written()
    session.close()
    convert(path, current, new)
    return path


def encrypt(session, *, remember: bool) -> dict:
    from partnerlog.store import cipher

    journal = session.journal
    if journal.passphrase is not None:
        raise Conflict(
            _("the journal is encrypted already; partnerlog db rekey changes its passphrase")
        )
    cipher.driver(journal.path)  # the extra is installed: before asking for anything
    if remember:
        passphrases.check_keyring()
    new = session.new_passphrase(journal.path)
    path = _convert(session, journal, None, new)
    if remember:
        passphrases.remember(path, new)
    return {"path": path, "remembered": remember}


def rekey(session, *, remember: bool) -> dict:
    journal = _encrypted_journal(session)
    if remember:
        passphrases.check_keyring()
    new = session.new_passphrase(journal.path)
    if new == journal.passphrase:
        raise UsageError(_("that is the passphrase it has now; nothing was changed"))
    remember = remember or passphrases.remembered(journal.path)
    path = _convert(session, journal, journal.passphrase, new)
    if remember:
        passphrases.remember(path, new)
    return {"path": path, "remembered": remember}


def decrypt(session):
    from partnerlog.app.requests import Proposal

    journal = _encrypted_journal(session)
    found = {"path": journal.path}

    def apply() -> dict:
        path = _convert(session, journal, journal.passphrase, None)
        passphrases.forget(path)
        return found

    return Proposal(found, apply)
