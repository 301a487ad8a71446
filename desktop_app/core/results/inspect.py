"""A look at a result archive before decrypting: what it is, who signed it, which key it needs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.keystore import KeyStore
from desktop_app.core.results.archive_reader import ResultArchive
from desktop_app.core.results.key_selection import archive_key_fingerprint, select_paillier_key
from desktop_app.core.results.paillier_results import HE_SUFFIX


@dataclass(frozen=True)
class ArchiveSummary:
    path: Path
    train_id: str
    signed_by: list[str]
    route: list[str]
    needed_fingerprint: str
    key_name: str | None  # the user's key that fits, if any
    key_protected: bool
    paillier_key_name: str | None
    paillier_key_protected: bool
    has_paillier_results: bool
    file_count: int
    total_bytes: int


def inspect_archive(path: Path, store: KeyStore | None) -> ArchiveSummary:
    with ResultArchive(path) as archive:
        config = archive.config
        needed = archive_key_fingerprint(config)
        info = store.find_by_fingerprint(needed) if store else None
        has_he = any(m.name.endswith(HE_SUFFIX) for m in archive.members)
        he_info = select_paillier_key(store, config, None) if store and has_he else None
        return ArchiveSummary(
            path=path,
            train_id=config.train_id,
            signed_by=[stop.station for stop in config.signed_stops()],
            route=[stop.station for stop in config.route],
            needed_fingerprint=needed,
            key_name=info.name if info else None,
            key_protected=bool(info and info.protected),
            paillier_key_name=he_info.name if he_info else None,
            paillier_key_protected=bool(he_info and he_info.protected),
            has_paillier_results=has_he,
            file_count=len(archive.members),
            total_bytes=archive.total_bytes,
        )
