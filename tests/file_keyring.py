"""A keyring backend for the tests: the system keyring's interface, kept in a
JSON file named by $PARTNERLOG_TEST_KEYRING (select it with
PYTHON_KEYRING_BACKEND=file_keyring.FileKeyring, this folder on the path)."""

import json
import os

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 1

    def _load(self) -> dict:
        try:
            with open(os.environ["PARTNERLOG_TEST_KEYRING"], encoding="utf-8") as handle:
                return json.load(handle)
        except FileNotFoundError:
            return {}

    def _save(self, kept: dict) -> None:
        with open(os.environ["PARTNERLOG_TEST_KEYRING"], "w", encoding="utf-8") as handle:
            json.dump(kept, handle)

    def get_password(self, service, username):
        return self._load().get(f"{service}\t{username}")

    def set_password(self, service, username, password):
        kept = self._load()
        kept[f"{service}\t{username}"] = password
        self._save(kept)

    def delete_password(self, service, username):
        kept = self._load()
        if kept.pop(f"{service}\t{username}", None) is None:
            raise PasswordDeleteError("not there")
        self._save(kept)
