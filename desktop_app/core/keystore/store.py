"""KeyStore: the keys of one profile — metadata in the index, private material in the keyring.

The private material of each key is sealed under its passphrase (`keys/envelope.py`) and
written as a chunked secret (`chunked.py`) into the OS keyring, or into the encrypted key
file when the profile opted in (`keystore.backend = "encrypted-file"`). Every write is read
back before the index records it; a failure leaves both as they were.
"""

from __future__ import annotations

import contextlib
import re
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import keyring.backend

from desktop_app.core import state_files
from desktop_app.core.errors import Remedy
from desktop_app.core.i18n import _
from desktop_app.core.keys import envelope, transfer
from desktop_app.core.keys.material import KeyMaterial, PrivateKey, generate_key
from desktop_app.core.keys.names import validate_key_name
from desktop_app.core.keys.passphrase_strength import require_strong_passphrase
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore import chunked
from desktop_app.core.keystore.errors import DuplicateKey, KeyNotFound, KeyStoreError
from desktop_app.core.keystore.index import IndexMirror, KeyIndex, KeyInfo
from desktop_app.core.keystore.pending import PendingWrites
from desktop_app.core.keystore.slots import EncryptedFileSlots, OsKeyringSlots
from desktop_app.core.paths import AppPaths
from desktop_app.core.progress import CancelToken
from desktop_app.core.settings import Settings, text_value, write_atomically

BACKEND_SETTING = "keystore.backend"
OS_KEYRING, ENCRYPTED_FILE = "os-keyring", "encrypted-file"


class KeyStore:
    def __init__(self, paths: AppPaths, slots: chunked.SecretSlots, storage: str) -> None:
        self.paths = paths
        self.slots = slots
        self.storage = storage
        # With the OS keyring, a copy of the index lives beside the keys, to rebuild a damaged keys.json.
        mirror = IndexMirror(slots, lambda: f"index-{self._store_id()}") if storage == OS_KEYRING else None
        self.index = KeyIndex(paths.data_dir / "keys.json", mirror, lambda: self.where)
        self.pending = PendingWrites(
            paths.data_dir / "keys.pending.json", slots, lambda: {k.secret_id for k in self.index.load()}
        )

    @classmethod
    def open(
        cls,
        paths: AppPaths,
        settings: Settings,
        backend: keyring.backend.KeyringBackend | None = None,
    ) -> KeyStore:
        """Open the profile's store; raises KeyringUnavailable (with the remedy) when it cannot."""
        paths.ensure()
        storage = settings.get(BACKEND_SETTING, OS_KEYRING, check=text_value)
        if storage == ENCRYPTED_FILE:
            return cls(paths, EncryptedFileSlots(paths.data_dir / "encrypted-keys.json"), storage)
        return cls(paths, OsKeyringSlots(f"pht-desktop/{paths.profile}", backend), OS_KEYRING)

    @property
    def where(self) -> str:
        """A sentence for the user: where private keys go."""
        if self.storage == ENCRYPTED_FILE:
            return _("in the encrypted key file {path}").format(path=self.paths.data_dir / "encrypted-keys.json")
        return _("in your system's password manager (OS keyring)")

    # -- reading -------------------------------------------------------------------------

    def list_keys(self) -> list[KeyInfo]:
        return sorted(self.index.load(), key=lambda k: k.name.lower())

    def get(self, name: str) -> KeyInfo:
        for info in self.index.load():
            if info.name == name:
                return info
        known = ", ".join(k.name for k in self.list_keys()) or _("none")
        raise KeyNotFound(
            _("There is no key named {name!r} in this profile (keys: {known}).").format(name=name, known=known)
        )

    def find_by_fingerprint(self, fingerprint: str) -> KeyInfo | None:
        wanted = fingerprint.replace(" ", "").lower()
        return next((k for k in self.index.load() if k.fingerprint == wanted), None)

    def load_material(self, name: str, passphrase: str | None) -> KeyMaterial:
        info = self.get(name)
        sealed = chunked.read_secret(self.slots, info.secret_id)
        if sealed is None:
            raise KeyStoreError(
                _(
                    "The private part of key {name!r} is missing from {where}; "
                    "restore it from a backup (Import) or delete the key."
                ).format(name=name, where=self.where)
            )
        material = KeyMaterial.from_bytes(info.type, envelope.open_envelope(sealed, passphrase))
        if material.fingerprint != info.fingerprint:
            raise KeyStoreError(
                _("The stored private part of key {name!r} does not match its public key.").format(name=name)
            )
        return material

    def load_private_key(self, name: str, passphrase: str | None) -> PrivateKey:
        return self.load_material(name, passphrase).private_key

    # -- writing -------------------------------------------------------------------------

    def _check_new(self, name: str, fingerprint: str | None = None) -> None:
        validate_key_name(name)
        for info in self.index.load():
            if info.name == name:
                raise DuplicateKey(_("A key named {name!r} exists already in this profile.").format(name=name))
            if fingerprint and info.fingerprint == fingerprint:
                raise DuplicateKey(_("This key is already in the key store, as {name!r}.").format(name=info.name))

    def _check_passphrase_allowed(self, passphrase: str | None) -> None:
        if passphrase is None and self.storage == ENCRYPTED_FILE:
            raise KeyStoreError(_("The encrypted key file store needs a passphrase for every key."))
        if passphrase == "":
            raise KeyStoreError(_("The passphrase is empty."), remedy=Remedy.GIVE_PASSPHRASE)

    def add(self, name: str, material: KeyMaterial, passphrase: str | None, comment: str = "") -> KeyInfo:
        """Store existing material (generated or imported) under `name`."""
        self._check_passphrase_allowed(passphrase)
        self._check_new(name, material.fingerprint)
        info = KeyInfo(
            name=name,
            type=material.key_type,
            fingerprint=material.fingerprint,
            created=datetime.now(UTC).replace(microsecond=0).isoformat(),
            comment=comment,
            secret_id=f"key-{uuid.uuid4()}",
            protected=passphrase is not None,
            public=(material.public_pem() or b"").decode("ascii")
            or material.public_key.canonical_json(),  # type: ignore[union-attr]
        )
        with self.pending.writing(info.secret_id):  # what a locked keyring keeps from undoing goes later
            chunked.write_secret(self.slots, info.secret_id, envelope.seal(material.to_bytes(), passphrase))
            try:
                self.index.save([*self.index.load(), info])
            except BaseException:
                chunked.delete_secret(self.slots, info.secret_id)
                raise
        return info

    def generate(
        self,
        name: str,
        key_type: KeyType | str,
        passphrase: str | None,
        comment: str = "",
        cancel: CancelToken | None = None,
        allow_weak: bool = False,
    ) -> KeyInfo:
        """A new key pair; its passphrase must rate as strong unless `allow_weak` (WeakPassphrase)."""
        key_type = KeyType(key_type)
        self._check_passphrase_allowed(passphrase)
        self._check_new(name)
        if passphrase is not None and not allow_weak:
            require_strong_passphrase(passphrase, [name, comment])
        material = generate_key(key_type)
        if cancel:
            cancel.commit(_("the key {name} was already created.").format(name=name))
        return self.add(name, material, passphrase, comment)

    def import_key(
        self,
        path: Path,
        name: str,
        passphrase: str | None,
        public_path: Path | None = None,
        comment: str = "",
        cancel: CancelToken | None = None,
    ) -> KeyInfo:
        """Import a private key file; `passphrase` opens an encrypted file and protects the stored key."""
        self._check_passphrase_allowed(passphrase)
        validate_key_name(name)
        public_data = transfer.read_key_file(public_path) if public_path else None
        material = transfer.parse_private_key(transfer.read_key_file(path), passphrase, public_data)
        if cancel:
            cancel.commit(_("the key {name} was already imported.").format(name=name))
        return self.add(name, material, passphrase, comment or _("imported from {name}").format(name=path.name))

    def export_public(self, name: str, fmt: str = "pem") -> str:
        info = self.get(name)
        if info.type.is_paillier:
            return transfer.public_export(None, info.public, fmt)
        return transfer.public_export(info.public_pem, None, fmt)

    def export_private_backup(
        self,
        name: str,
        passphrase: str | None,
        path: Path,
        backup_passphrase: str | None = None,
        cancel: CancelToken | None = None,
        allow_weak: bool = False,
    ) -> None:
        """Write an encrypted backup, under `backup_passphrase` or else the key's own passphrase.

        That passphrase must rate as strong unless `allow_weak` (WeakPassphrase): the backup is
        a file that may be copied anywhere, and nothing but the passphrase protects it.
        """
        material = self.load_material(name, passphrase)
        secret = backup_passphrase or passphrase
        if not secret:
            raise KeyStoreError(_("A private key backup needs a passphrase to encrypt it."))
        if not allow_weak:
            require_strong_passphrase(secret, [name])
        if cancel:
            cancel.commit(_("the backup was already written to {path}.").format(path=path))
        try:
            write_atomically(path, transfer.private_backup(material, secret))
        except OSError as exc:
            raise KeyStoreError(
                _("The backup could not be written to {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
            ) from exc

    def change_passphrase(self, name: str, old: str | None, new: str | None) -> None:
        material = self.load_material(name, old)
        self._check_passphrase_allowed(new)
        info = self.get(name)
        # The new envelope goes to an entry of its own, then the index points at it, and only then
        # the old entry goes: a keyring that fails (locked, an item lost) at any step leaves the
        # key whole under one passphrase or the other. Writing over the old entry in place lost it.
        secret_id = f"key-{uuid.uuid4()}"
        with self.pending.writing(secret_id):
            chunked.write_secret(self.slots, secret_id, envelope.seal(material.to_bytes(), new))
            try:
                self._replace(info, protected=new is not None, secret_id=secret_id)
            except BaseException:
                with contextlib.suppress(KeyStoreError):
                    chunked.delete_secret(self.slots, secret_id)
                raise
        try:
            chunked.delete_secret(self.slots, info.secret_id)
        except KeyStoreError:  # the old envelope is named by nothing now; removed on a later write
            self.pending.erase_later(info.secret_id)

    def _replace(self, info: KeyInfo, **changes: object) -> None:
        self.index.save([replace(k, **changes) if k.name == info.name else k for k in self.index.load()])

    def delete(self, name: str, cancel: CancelToken | None = None) -> None:
        """Remove the key's secret and its index entry; nothing of it stays."""
        info = self.get(name)
        if cancel:
            cancel.commit(_("the key {name} was already deleted.").format(name=name))
        chunked.delete_secret(self.slots, info.secret_id)
        self.index.save([k for k in self.index.load() if k.name != name])

    # -- generic secrets (sign-in tokens, registry passwords) ----------------------------

    def _secret_slot(self, name: str) -> str:
        # Keys have unique ids; named secrets get this data folder's id, so two installs
        # (PHT_DESKTOP_HOME) with the same profile name never share a sign-in.
        return f"secret-{self._store_id()}-{name}"

    def _store_id(self) -> str:
        marker = self.paths.data_dir / "store-id"
        try:
            store_id = marker.read_bytes().decode("ascii").strip()
            if re.fullmatch(r"[0-9a-f]{32}", store_id):
                return store_id
            reason = _("not a store id")
        except FileNotFoundError:
            reason = ""
        except (OSError, UnicodeDecodeError) as exc:
            reason = _("not a store id") if isinstance(exc, UnicodeDecodeError) else str(exc.strerror or exc)
        if reason:
            state_files.move_aside(
                marker, reason, outcome=_("a new one was made: saved sign-ins and passwords will be asked for again")
            )
        write_atomically(marker, uuid.uuid4().hex.encode())
        return marker.read_text("ascii").strip()

    def _require_os_keyring(self) -> None:
        if self.storage == ENCRYPTED_FILE:
            raise KeyStoreError(
                _(
                    "Remembering passwords and sign-in tokens needs the OS keyring; with the encrypted "
                    "key file store they are not kept, so you will be asked again."
                )
            )

    def set_secret(self, name: str, value: str) -> None:
        self._require_os_keyring()
        chunked.write_secret(self.slots, self._secret_slot(name), value)

    def get_secret(self, name: str) -> str | None:
        if self.storage == ENCRYPTED_FILE:
            return None
        return chunked.read_secret(self.slots, self._secret_slot(name))

    def delete_secret(self, name: str) -> None:
        if self.storage != ENCRYPTED_FILE:
            chunked.delete_secret(self.slots, self._secret_slot(name))


def set_storage(settings: Settings, storage: str) -> None:
    if storage not in (OS_KEYRING, ENCRYPTED_FILE):
        raise KeyStoreError(
            _("Unknown key storage {storage!r}; use {os_keyring} or {encrypted_file}.").format(
                storage=storage, os_keyring=OS_KEYRING, encrypted_file=ENCRYPTED_FILE
            )
        )
    settings.set(BACKEND_SETTING, storage)

