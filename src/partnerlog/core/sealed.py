"""A sync file sealed with the journal's passphrase, so that the shared folder
(and whoever copies it: Dropbox, Syncthing, a git remote) holds nothing
readable without it.

The format: a line naming it (``partnerlog sealed 1``), a random 16-byte salt,
a random 12-byte nonce, then the file's bytes encrypted and authenticated by
AES-256-GCM (``cryptography``) under a key scrypt derives from the passphrase
and the salt (N=2^15, r=8, p=1: 32 MiB and a few hundredths of a second, once
per file written or read). The first line is authenticated too.
"""

from __future__ import annotations

import os

MAGIC = b"partnerlog sealed 1\n"
SALT = 16
NONCE = 12
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class CannotOpen(ValueError):
    """The passphrase is not the one the file was sealed with, or the file is damaged."""


def is_sealed(head: bytes) -> bool:
    """Whether a file's first bytes are those of a sealed file."""
    return head.startswith(MAGIC)


def _key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(
        passphrase.encode("utf-8")
    )


def seal(data: bytes, passphrase: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(SALT), os.urandom(NONCE)
    return MAGIC + salt + nonce + AESGCM(_key(passphrase, salt)).encrypt(nonce, data, MAGIC)


def unseal(blob: bytes, passphrase: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    start = len(MAGIC)
    if not is_sealed(blob) or len(blob) < start + SALT + NONCE + 16:
        raise CannotOpen("not a sealed file")
    salt = blob[start : start + SALT]
    nonce = blob[start + SALT : start + SALT + NONCE]
    try:
        return AESGCM(_key(passphrase, salt)).decrypt(nonce, blob[start + SALT + NONCE :], MAGIC)
    except InvalidTag:
        raise CannotOpen("another passphrase, or damaged") from None
