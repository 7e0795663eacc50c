"""A sync file sealed with the journal's passphrase, so that the shared folder
(and whoever copies it: Dropbox, Syncthing, a git remote) holds nothing
readable without it.

The format: a line naming it (``partnerlog sealed 1``), a random 16-byte salt,
a random 7-byte nonce prefix, then the file's bytes in chunks of 1 MiB, each
encrypted and authenticated by AES-256-GCM (``cryptography``) under a key scrypt
derives from the passphrase and the salt (N=2^15, r=8, p=1: 32 MiB and a few
hundredths of a second, once per file written or read). A chunk's nonce is the
prefix, its number, and whether it is the last (the STREAM construction), so
chunks cannot be reordered, dropped or cut off unnoticed; the first line is
authenticated with each. Written a chunk at a time: a journal of 100,000
entries is sealed in a few MiB of memory.
"""

from __future__ import annotations

import os

MAGIC = b"partnerlog sealed 1\n"
SALT = 16
PREFIX = 7
CHUNK = 1 << 20
TAG = 16
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


def _nonce(prefix: bytes, number: int, last: bool) -> bytes:
    return prefix + number.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def _chunks(texts, size: int):
    """Text pieces as UTF-8 chunks of ``size`` bytes, each with whether it is the last."""
    buffer = bytearray()
    ready = None
    for text in texts:
        buffer += text.encode("utf-8")
        while len(buffer) > size:
            if ready is not None:
                yield ready, False
            ready, buffer = bytes(buffer[:size]), buffer[size:]
    if ready is not None:  # (a split leaves at least one byte for the last chunk)
        yield ready, False
    yield bytes(buffer), True


def seal(texts, passphrase: str):
    """The sealed file's bytes, a chunk at a time, for text given in pieces."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, prefix = os.urandom(SALT), os.urandom(PREFIX)
    cipher = AESGCM(_key(passphrase, salt))
    yield MAGIC + salt + prefix
    for number, (chunk, last) in enumerate(_chunks(texts, CHUNK)):
        yield cipher.encrypt(_nonce(prefix, number, last), chunk, MAGIC)


def opened(handle, passphrase: str):
    """The plain bytes of the sealed file open in ``handle`` (binary), a chunk
    at a time; `CannotOpen` as soon as a chunk does not open."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    head = handle.read(len(MAGIC) + SALT + PREFIX)
    if not is_sealed(head) or len(head) < len(MAGIC) + SALT + PREFIX:
        raise CannotOpen("not a sealed file")
    salt, prefix = head[len(MAGIC) : len(MAGIC) + SALT], head[len(MAGIC) + SALT :]
    cipher = AESGCM(_key(passphrase, salt))
    block = handle.read(CHUNK + TAG)
    number = 0
    while True:
        following = handle.read(CHUNK + TAG) if len(block) == CHUNK + TAG else b""
        try:
            yield cipher.decrypt(_nonce(prefix, number, not following), block, MAGIC)
        except InvalidTag:
            raise CannotOpen("another passphrase, or damaged") from None
        if not following:
            return
        block, number = following, number + 1


def unseal(blob: bytes, passphrase: str) -> bytes:
    """The plain bytes of a sealed file's bytes."""
    import io

    return b"".join(opened(io.BytesIO(blob), passphrase))
