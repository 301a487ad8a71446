"""Streaming AES-256-CBC with PKCS7, as every encrypted PHT file is: `IV (16 bytes) || ciphertext`.

Files are processed in fixed-size chunks so memory stays flat whatever their size. The
decryptor decrypts into reusable buffers (`update_into`, no allocation per chunk) and strips
the padding from the last block, which it recognises because the ciphertext length is known
in advance (a tar member's size).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import BinaryIO

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from desktop_app.core.errors import PHTError

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
            f"The encrypted file {what} is truncated or damaged ({total_size} bytes is not an IV "
            "followed by whole AES blocks)."
        )


def read_exactly(src: BinaryIO, view: memoryview) -> None:
    got = 0
    while got < len(view):
        n = src.readinto(view[got:])
        if not n:
            raise TruncatedCiphertext("The encrypted data ended early (truncated archive or file).")
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
                    f"{self.what} does not decrypt cleanly (bad padding): it was altered or damaged."
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
