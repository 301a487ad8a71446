"""The protocol's hashes (PROTOCOL.md "Train hash", "What a station does")."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

QUERY_FILE = "query.json"


def normalise_train_file_name(name: str) -> str:
    return name[2:] if name.startswith("./") else name


def train_hash(
    creator_id: str,
    files: Iterable[tuple[str, Iterable[bytes]]],
    session_id: bytes,
    query: bytes | None = None,
) -> bytes:
    """SHA-512(creator id || train files in file_list order || session id || query).

    `files` yields (name, chunks) in file_list order; a `query.json` among them is set
    aside and hashed after the session id, as the reference station does.
    """
    digest = hashlib.sha512(creator_id.encode("utf-8"))
    query_from_files: list[bytes] = []
    for name, chunks in files:
        if normalise_train_file_name(name) == QUERY_FILE:
            query_from_files.extend(chunks)
            continue
        for chunk in chunks:
            digest.update(chunk)
    digest.update(session_id)
    for chunk in query_from_files:
        digest.update(chunk)
    if query:
        digest.update(query)
    return digest.digest()


class ResultHasher:
    """result_hash = SHA-512(each result plaintext in tar-member order || session id)."""

    def __init__(self, session_id: bytes) -> None:
        self._session_id = session_id
        self._digest = hashlib.sha512()

    def update(self, data: bytes | memoryview) -> None:
        self._digest.update(data)

    def finish(self) -> bytes:
        final = self._digest.copy()
        final.update(self._session_id)
        return final.digest()


def route_digest(session_id: bytes, earlier_digests: list[bytes], result_hash: bytes, index: int) -> bytes:
    """SHA-512((session id if index 0 else the earlier stops' digests in order) || result hash)."""
    digest = hashlib.sha512()
    if index == 0:
        digest.update(session_id)
    else:
        for earlier in earlier_digests:
            digest.update(earlier)
    digest.update(result_hash)
    return digest.digest()
