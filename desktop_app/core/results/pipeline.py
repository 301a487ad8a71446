"""Decrypting archive members to files on two cores.

The calling thread reads, decrypts (AES into reusable buffers), computes each file's SHA-256
and writes; a second thread feeds the same plaintext to the archive-wide SHA-512 result
hash, the most expensive step. Buffers circulate through a small pool, so memory stays at
`POOL_SIZE` chunks whatever the size of the archive.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from desktop_app.core.progress import CancelToken
from desktop_app.core.protocol.hashing import ResultHasher
from desktop_app.core.protocol.symmetric import (
    BLOCK,
    DEFAULT_CHUNK,
    IV_SIZE,
    CbcStreamDecryptor,
    check_ciphertext_size,
    read_exactly,
)

POOL_SIZE = 4


class ResultHashPipeline:
    """Owns the buffer pool and the result-hash thread for one archive."""

    def __init__(self, hasher: ResultHasher, chunk_size: int = DEFAULT_CHUNK) -> None:
        self.chunk_size = max(BLOCK, chunk_size - chunk_size % BLOCK)
        self._hasher = hasher
        self._free: queue.Queue[bytearray] = queue.Queue()
        for _ in range(POOL_SIZE):
            self._free.put(bytearray(self.chunk_size + BLOCK))
        self._work: queue.Queue[tuple[bytearray, int] | None] = queue.Queue()
        self._in = bytearray(self.chunk_size)
        self._thread = threading.Thread(target=self._hash_loop, name="result-hash", daemon=True)
        self._thread.start()

    def _hash_loop(self) -> None:
        while (item := self._work.get()) is not None:
            buffer, length = item
            self._hasher.update(memoryview(buffer)[:length])
            self._free.put(buffer)

    def decrypt_to_file(
        self,
        src: BinaryIO,
        total_size: int,
        key: bytes,
        target: Path,
        what: str,
        on_bytes: Callable[[int], None],
        cancel: CancelToken | None = None,
    ) -> tuple[int, str]:
        """Decrypt one member (IV included in `total_size`) to `target`; returns (size, sha256)."""
        check_ciphertext_size(total_size, what)
        iv = bytearray(IV_SIZE)
        read_exactly(src, memoryview(iv))
        decryptor = CbcStreamDecryptor(key, bytes(iv), total_size - IV_SIZE, what)
        file_hash = hashlib.sha256()
        written = 0
        on_bytes(IV_SIZE)
        with target.open("wb") as out:
            while decryptor.remaining:
                if cancel:
                    cancel.raise_if_cancelled()
                view = memoryview(self._in)[: min(self.chunk_size, decryptor.remaining)]
                read_exactly(src, view)
                buffer = self._free.get()
                try:
                    plain = decryptor.decrypt_into(view, buffer)
                except BaseException:
                    self._free.put(buffer)
                    raise
                file_hash.update(plain)
                out.write(plain)
                written += len(plain)
                self._work.put((buffer, len(plain)))
                on_bytes(len(view))
        return written, file_hash.hexdigest()

    def finish(self) -> bytes:
        """Wait for the hash thread and return the result hash."""
        self._work.put(None)
        self._thread.join()
        return self._hasher.finish()

    def abandon(self) -> None:
        self._work.put(None)
        self._thread.join()
