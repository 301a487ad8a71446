"""The protocol's hashes (PROTOCOL.md "Train hash", "What a station does").

- `train_hash(creator_id, files, session_id, query=None)`: files as (name, chunks) in
  file_list order; `./` is stripped and a `query.json` among them is hashed after the session id.
- `ResultHasher(session_id)`: `update()` with each result plaintext in tar-member order,
  `finish()` -> result_hash. It is a `Hasher`, so `encrypt_file`/`decrypt_file` can feed it.
- `route_digest(session_id, earlier_digests, result_hash, index)`: a stop's route digest.
- `HashingThread(hasher)`: feeds any `Hasher` on a second thread (SHA-512 releases the GIL on
  big buffers), so hashing overlaps with reading, AES and writing.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Iterable
from typing import Protocol


class Hasher(Protocol):
    """Anything with hashlib's `update` (hashlib objects, `ResultHasher`)."""

    def update(self, data: bytes, /) -> None: ...


class HashingThread:
    """Runs `hasher.update` on a second thread; a context manager that joins it on exit.

    Only immutable `bytes` may be passed in (they are hashed later). At most `depth` pieces
    wait in the queue, which bounds memory to `depth` chunks.
    """

    def __init__(self, hasher: Hasher, depth: int = 4) -> None:
        self._hasher = hasher
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="hashing", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (data := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._hasher.update(data)
                except BaseException as exc:  # reported to the caller by close()
                    self._error = exc

    def update(self, data: bytes) -> None:
        self._queue.put(data)

    def close(self) -> None:
        """Wait until every piece is hashed; the hasher is then complete."""
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error

    def __enter__(self) -> HashingThread:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.close()
        else:  # already failing: stop the thread, keep the original error
            self._queue.put(None)
            self._thread.join()


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
