"""Where an encrypted journal's passphrase comes from, in this order, and from
nowhere else:

1. ``$PARTNERLOG_PASSPHRASE``;
2. a command the person configured (``$PARTNERLOG_PASSPHRASE_COMMAND``, else
   ``passphrase_command`` in partnerlog's ``config.toml``): the first line it
   prints, as ``pass show partnerlog`` or a password manager's CLI does;
3. the system keyring, only for a journal the person asked it to keep
   (``db encrypt --remember``): such journals are listed in the config
   folder's ``keyring`` file, and ``keyring`` is imported only for them;
4. a question on the terminal, not echoed.

Nothing here runs for a plain journal.
"""

from __future__ import annotations

import os

from partnerlog.errors import PartnerlogError, UsageError
from partnerlog.i18n import _
from partnerlog.store.cipher import EXTRA, checked

ENV = "PARTNERLOG_PASSPHRASE"
ENV_COMMAND = "PARTNERLOG_PASSPHRASE_COMMAND"
SERVICE = "partnerlog"
COMMAND_SECONDS = 120  # a password manager may ask for its own passphrase first


def config_folder() -> str:
    from platformdirs import user_config_path

    return os.fspath(user_config_path("partnerlog", appauthor=False))


def _configured_command() -> str | None:
    command = os.environ.get(ENV_COMMAND)
    if command:
        return command
    config = os.path.join(config_folder(), "config.toml")
    if not os.path.isfile(config):
        return None
    import tomllib

    try:
        with open(config, "rb") as handle:
            found = tomllib.load(handle).get("passphrase_command")
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise UsageError(_("{path} cannot be read: {why}").format(path=config, why=error)) from None
    if found is not None and not isinstance(found, str):
        raise UsageError(_("passphrase_command in {path} should be text").format(path=config))
    return found or None


def _from_command(command: str) -> str:
    """The first line ``command`` prints (run by the shell: it is the person's own)."""
    import subprocess

    try:
        done = subprocess.run(
            command, shell=True, stdout=subprocess.PIPE, text=True, timeout=COMMAND_SECONDS
        )
    except subprocess.TimeoutExpired:
        raise PartnerlogError(
            _("the passphrase command {command!r} did not answer in {count} s").format(
                command=command, count=COMMAND_SECONDS
            )
        ) from None
    lines = (done.stdout or "").splitlines()
    if done.returncode != 0 or not lines or not lines[0]:
        raise PartnerlogError(
            _("the passphrase command {command!r} gave no passphrase (exit {code})").format(
                command=command, code=done.returncode
            )
        )
    return lines[0]


def _keyring_list() -> str:
    return os.path.join(config_folder(), "keyring")


def _key(path: str) -> str:
    """How the keyring knows a journal: its full path."""
    return os.path.realpath(path)


def remembered(path: str) -> bool:
    """Whether the person asked the keyring to keep this journal's passphrase."""
    try:
        with open(_keyring_list(), encoding="utf-8") as handle:
            return _key(path) in handle.read().splitlines()
    except OSError:
        return False


def _keyring():
    try:
        import keyring
    except ImportError:
        raise PartnerlogError(
            _("remembering the passphrase needs the keyring package: {extra}").format(extra=EXTRA)
        ) from None
    return keyring


def _in_keyring(work):
    """What ``work(keyring)`` returns; whatever the keyring's backend raises (no
    service running, a locked wallet, a backend that cannot load), in words."""
    keyring = _keyring()
    try:
        return work(keyring)
    except Exception as error:  # (each backend fails in its own way)
        raise PartnerlogError(
            _("the system keyring cannot be used here ({why})").format(
                why=str(error) or type(error).__name__
            )
        ) from None


def check_keyring() -> None:
    """Refuse before anything changes when there is no keyring to remember in."""

    def usable(keyring) -> None:
        backend = keyring.get_keyring()
        if "fail" in type(backend).__module__ or getattr(backend, "priority", 1) <= 0:
            raise RuntimeError(_("no keyring service is running"))

    _in_keyring(usable)


def remember(path: str, passphrase: str) -> None:
    """Keep the passphrase in the system keyring, and note that the person asked."""
    _in_keyring(lambda keyring: keyring.set_password(SERVICE, _key(path), passphrase))
    if not remembered(path):
        from partnerlog.paths import ensure_private_folder

        ensure_private_folder(config_folder())
        fd = os.open(_keyring_list(), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write(_key(path) + "\n")


def forget(path: str) -> None:
    """Take the journal's passphrase out of the keyring and out of the list."""
    if not remembered(path):
        return

    def delete(keyring) -> None:
        if keyring.get_password(SERVICE, _key(path)) is not None:
            keyring.delete_password(SERVICE, _key(path))

    _in_keyring(delete)
    with open(_keyring_list(), encoding="utf-8") as handle:
        kept = [line for line in handle.read().splitlines() if line != _key(path)]
    from partnerlog.paths import write_private

    write_private(_keyring_list(), ["".join(line + "\n" for line in kept)])


def for_journal(path: str, ask) -> str | None:
    """The passphrase for the encrypted file at ``path``, from the first place
    that has one; None when none does (``ask`` returns None with nobody at a
    terminal). (Shell completion reads only ``$PARTNERLOG_PASSPHRASE``: nothing
    that could wait for a person.)"""
    found = os.environ.get(ENV)
    if found:
        return found
    command = _configured_command()
    if command:
        return _from_command(command)
    if remembered(path):
        found = _in_keyring(lambda keyring: keyring.get_password(SERVICE, _key(path)))
        if found:
            return found
    return ask(_("Passphrase for {path}: ").format(path=path))


def new(path: str, ask, piped: str | None) -> str:
    """A new passphrase: the first line piped in, else typed twice at the terminal."""
    if piped is not None:
        return checked(piped.splitlines()[0] if piped else "")
    first = ask(_("New passphrase for {path}: ").format(path=path))
    if first is None:
        raise UsageError(
            _(
                "type the new passphrase at a terminal, or pipe it in (one line); nothing was changed"
            )
        )
    checked(first)
    if ask(_("The same passphrase again: ")) != first:
        raise PartnerlogError(_("the two passphrases differ; nothing was changed"))
    return first
