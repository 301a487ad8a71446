"""Streaming AES-256-CBC with PKCS7, as every encrypted PHT file is: `IV (16 bytes) || ciphertext`.

Files are processed in fixed-size chunks so memory stays flat whatever their size.

Public API (used by results, the station runner and the demo hub):
- `encrypt_file(src, dst, key, hasher=None)`: plaintext stream -> `IV || ciphertext` stream,
  a fresh random IV per call; `hasher` (a hashlib object) sees every plaintext byte.
- `decrypt_file(src, dst, key, hasher=None)`: the reverse for a stream of unknown length; it
  takes the stream's own first 16 bytes as IV and holds the last block back to unpad.
  Both hash on a second thread (`HashingThread`), so reading, AES and SHA use two cores.
- `StreamDecryptor`: the same decryption push-style (`update(bytes) -> bytes`, `finalize()`).
- `decrypt_stream(src, total_size, key, on_plaintext)`: for a known ciphertext length (a tar
  member), decrypting into reusable buffers (`update_into`, no allocation per chunk).
- Errors: `TruncatedCiphertext` (not IV + whole blocks, < 32 bytes, ends early) and
  `BadPadding` (altered, or the wrong key); both are `CiphertextError`, a PHTError.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import BinaryIO

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import _
from desktop_app.core.protocol.hashing import Hasher, HashingThread

BLOCK = 16
IV_SIZE = 16
DEFAULT_CHUNK = 1 << 20


class CiphertextError(PHTError):
    """A ciphertext is truncated or does not unpad: damaged or altered."""


class TruncatedCiphertext(CiphertextError):
    """Shorter than its header says, or not whole AES blocks."""


class BadPadding(CiphertextError):
    """Decrypts, but the last block does not unpad: altered, or the wrong key."""


def check_ciphertext_size(total_size: int, what: str) -> None:
    """`total_size` counts the IV. Anything shorter than IV + one block, or not whole blocks, is cut."""
    if total_size < IV_SIZE + BLOCK or (total_size - IV_SIZE) % BLOCK:
        raise TruncatedCiphertext(
            _(
                "The encrypted file {what} is truncated or damaged ({total_size} bytes is not an IV "
                "followed by whole AES blocks)."
            ).format(what=what, total_size=total_size)
        )


def read_exactly(src: BinaryIO, view: memoryview) -> None:
    got = 0
    while got < len(view):
        n = src.readinto(view[got:])
        if not n:
            raise TruncatedCiphertext(_("The encrypted data ended early (truncated archive or file)."))
        got += n


class CbcStreamDecryptor:
    """Decrypts one file's ciphertext, chunk by chunk, into caller-owned buffers."""

    def __init__(self, key: bytes, iv: bytes, ciphertext_size: int, what: str = "file") -> None:
        self._cipher = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        self.remaining = ciphertext_size
        self.what = what

    def decrypt_into(self, chunk: memoryview, out: bytearray) -> memoryview:
        """Decrypt `chunk` (whole blocks) into `out`; the last chunk comes back unpadded."""
        n = self._cipher.update_into(chunk, out)
        self.remaining -= len(chunk)
        plain = memoryview(out)[:n]
        if self.remaining == 0:
            self._cipher.finalize()
            pad = plain[-1] if n else 0
            if not 1 <= pad <= BLOCK or n < pad or any(b != pad for b in plain[n - pad :]):
                raise BadPadding(
                    _("{what} does not decrypt cleanly (bad padding): it was altered or damaged.").format(
                        what=self.what
                    )
                )
            plain = plain[: n - pad]
        return plain


def decrypt_stream(
    src: BinaryIO,
    total_size: int,
    key: bytes,
    on_plaintext: Callable[[memoryview], None],
    chunk_size: int = DEFAULT_CHUNK,
    what: str = "file",
) -> None:
    """Decrypt `total_size` bytes (IV included) from `src`, handing each plaintext piece on.

    Each piece is valid only during the call: the buffer is reused for the next chunk.
    """
    check_ciphertext_size(total_size, what)
    iv = bytearray(IV_SIZE)
    read_exactly(src, memoryview(iv))
    chunk_size = max(BLOCK, chunk_size - chunk_size % BLOCK)
    decryptor = CbcStreamDecryptor(key, bytes(iv), total_size - IV_SIZE, what)
    inbuf, outbuf = bytearray(chunk_size), bytearray(chunk_size + BLOCK)
    while decryptor.remaining:
        view = memoryview(inbuf)[: min(chunk_size, decryptor.remaining)]
        read_exactly(src, view)
        on_plaintext(decryptor.decrypt_into(view, outbuf))


def encrypt_stream(
    src: BinaryIO,
    dst: BinaryIO,
    key: bytes,
    iv: bytes | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    on_plaintext: Callable[[bytes], None] | None = None,
) -> int:
    """Write `IV || AES-256-CBC(PKCS7(src))` to `dst`; returns the bytes written."""
    iv = iv or os.urandom(IV_SIZE)
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    padder = padding.PKCS7(BLOCK * 8).padder()
    dst.write(iv)
    written = IV_SIZE
    while chunk := src.read(chunk_size):
        if on_plaintext:
            on_plaintext(chunk)
        out = encryptor.update(padder.update(chunk))
        dst.write(out)
        written += len(out)
    tail = encryptor.update(padder.finalize()) + encryptor.finalize()
    dst.write(tail)
    return written + len(tail)


class StreamDecryptor:
    """Ciphertext of unknown length in (IV first), plaintext out.

    The last block is held back until `finalize()`, which checks and strips the padding;
    `update` returns new `bytes` each time, safe to keep or hand to another thread.
    """

    def __init__(self, key: bytes, what: str = "file") -> None:
        self._key = key
        self.what = what
        self._iv = bytearray()
        self._cipher = None
        self._unpadder = padding.PKCS7(BLOCK * 8).unpadder()
        self._size = 0

    def update(self, data: bytes | memoryview) -> bytes:
        self._size += len(data)
        if self._cipher is None:
            need = IV_SIZE - len(self._iv)
            self._iv += data[:need]
            data = data[need:]
            if len(self._iv) < IV_SIZE:
                return b""
            self._cipher = Cipher(algorithms.AES(self._key), modes.CBC(bytes(self._iv))).decryptor()
        return self._unpadder.update(self._cipher.update(data)) if len(data) else b""

    def finalize(self) -> bytes:
        check_ciphertext_size(self._size, self.what)
        assert self._cipher is not None  # at least 32 bytes were seen
        try:
            return self._unpadder.update(self._cipher.finalize()) + self._unpadder.finalize()
        except ValueError as exc:
            raise BadPadding(
                _(
                    "{what} does not decrypt cleanly (bad padding): it was altered or damaged, "
                    "or the key is not the one it was encrypted with."
                ).format(what=self.what)
            ) from exc


def encrypt_file(
    src: BinaryIO,
    dst: BinaryIO,
    key: bytes,
    hasher: Hasher | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    iv: bytes | None = None,
) -> int:
    """Write `IV || AES-256-CBC(PKCS7(src))` to `dst` with a fresh IV; returns bytes written.

    `hasher` is fed the plaintext on a second thread, so AES and SHA run on two cores.
    """
    if hasher is None:
        return encrypt_stream(src, dst, key, iv, chunk_size)
    with HashingThread(hasher) as background:
        return encrypt_stream(src, dst, key, iv, chunk_size, background.update)


def decrypt_file(
    src: BinaryIO,
    dst: BinaryIO,
    key: bytes,
    hasher: Hasher | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    what: str = "file",
) -> int:
    """Decrypt `IV || ciphertext` read from `src` (any length) into `dst`; returns plaintext bytes.

    Raises `TruncatedCiphertext` or `BadPadding`; `dst` then holds a partial plaintext that the
    caller must discard (write to a temporary name, rename only on success).
    """
    decryptor = StreamDecryptor(key, what)
    written = 0
    with HashingThread(hasher) if hasher is not None else _NoHashing() as background:
        while chunk := src.read(chunk_size):
            plain = decryptor.update(chunk)
            if plain:
                background.update(plain)
                dst.write(plain)
                written += len(plain)
        tail = decryptor.finalize()
        if tail:
            background.update(tail)
            dst.write(tail)
    return written + len(tail)


class _NoHashing:
    def __enter__(self) -> _NoHashing:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, data: bytes) -> None:
        return None


def encrypt_bytes(data: bytes, key: bytes, iv: bytes | None = None) -> bytes:
    import io

    out = io.BytesIO()
    encrypt_stream(io.BytesIO(data), out, key, iv)
    return out.getvalue()


def decrypt_bytes(data: bytes, key: bytes, what: str = "file") -> bytes:
    import io

    pieces: list[bytes] = []
    decrypt_stream(io.BytesIO(data), len(data), key, lambda view: pieces.append(bytes(view)), what=what)
    return b"".join(pieces)
