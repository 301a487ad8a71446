"""Which of the user's keys opens an archive: matched by fingerprint, explained when none fits."""

from __future__ import annotations

import json

from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import _
from desktop_app.core.keys.fingerprint import fingerprint, group_fingerprint
from desktop_app.core.keys.paillier import PaillierPublicKey
from desktop_app.core.keystore import KeyInfo, KeyStore
from desktop_app.core.protocol.hexpem import load_hex_pem_public_key
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.results.errors import NoFittingKey, UnsafeArchive


def archive_key_fingerprint(config: TrainConfig) -> str:
    try:
        return fingerprint(load_hex_pem_public_key(config.creator_public_key, "creator.rsa_public_key"))
    except PHTError as exc:
        raise UnsafeArchive(str(exc)) from exc


def _known(store: KeyStore, family: str) -> str:
    keys = [k for k in store.list_keys() if k.type.family == family]
    return ", ".join(f"{k.name} ({group_fingerprint(k.fingerprint)[:19]}…)" for k in keys) or "none"


def select_rsa_key(store: KeyStore, config: TrainConfig, chosen: str | None) -> KeyInfo:
    wanted = archive_key_fingerprint(config)
    if chosen:
        info = store.get(chosen)
        if info.fingerprint != wanted:
            raise NoFittingKey(
                _(
                    "This archive was encrypted for key {wanted}; you selected key "
                    "{name} ({fingerprint}), which cannot open it."
                ).format(
                    wanted=group_fingerprint(wanted), name=info.name, fingerprint=group_fingerprint(info.fingerprint)
                )
            )
        return info
    info = store.find_by_fingerprint(wanted)
    if info is None:
        raise NoFittingKey(
            _(
                "This archive was encrypted for key {wanted}, which is not in this profile (RSA keys here: {known})."
            ).format(wanted=group_fingerprint(wanted), known=_known(store, "rsa"))
        )
    return info


def archive_paillier_key(config: TrainConfig) -> PaillierPublicKey | None:
    """The Paillier public key the config names, in any of the forms seen in the field."""
    value = config.creator.get("paillier_public_key")
    if value in (None, ""):
        return None
    candidates: list[object] = [value]
    if isinstance(value, str):
        for decode in (json.loads, lambda v: json.loads(bytes.fromhex(v))):
            try:
                candidates.append(decode(value))
            except (ValueError, UnicodeDecodeError, RecursionError):
                continue
    for candidate in candidates:
        if isinstance(candidate, dict):
            try:
                return PaillierPublicKey.from_json_dict(candidate)
            except PHTError:
                continue
    return None


def select_paillier_key(store: KeyStore, config: TrainConfig, chosen: str | None) -> KeyInfo | None:
    named = archive_paillier_key(config)
    if chosen:
        info = store.get(chosen)
        if not info.type.is_paillier:
            raise NoFittingKey(_("Key {chosen} is not a Paillier key.").format(chosen=chosen))
        if named and info.fingerprint != named.fingerprint():
            wanted = group_fingerprint(named.fingerprint())
            raise NoFittingKey(
                _(
                    "The Paillier results were encrypted for key {wanted}; you selected {chosen}, "
                    "which cannot open them."
                ).format(wanted=wanted, chosen=chosen)
            )
        return info
    return store.find_by_fingerprint(named.fingerprint()) if named else None
