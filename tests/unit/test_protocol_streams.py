"""The chunked AES-CBC decryptor against one-shot decryption, for sizes around block and chunk
boundaries (hypothesis), and the two-core pipeline against the plain hash."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.protocol.hashing import HashingThread, ResultHasher
from desktop_app.core.protocol.symmetric import (
    BadPadding,
    StreamDecryptor,
    TruncatedCiphertext,
    decrypt_file,
    decrypt_stream,
    encrypt_bytes,
    encrypt_file,
)
from desktop_app.core.results.pipeline import ResultHashPipeline

KEY = bytes(range(32))


def one_shot_encrypt(data: bytes, iv: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    encryptor = Cipher(algorithms.AES(KEY), modes.CBC(iv)).encryptor()
    return iv + encryptor.update(padded) + encryptor.finalize()


def chunked_decrypt(blob: bytes, chunk: int) -> bytes:
    pieces: list[bytes] = []
    decrypt_stream(
        io.BytesIO(blob), len(blob), KEY, lambda view: pieces.append(bytes(view)), chunk_size=chunk
    )
    return b"".join(pieces)


def boundary_sizes() -> st.SearchStrategy[int]:
    anchors = [0, 16, 32, 48, 64, 128, 256]
    return st.builds(lambda a, d: max(0, a + d), st.sampled_from(anchors), st.integers(-17, 17))


@settings(max_examples=300, deadline=None)
@given(
    size=boundary_sizes(),
    chunk=st.sampled_from([16, 32, 48, 64, 80, 4096]),
    iv=st.binary(min_size=16, max_size=16),
)
def test_chunked_matches_one_shot(size: int, chunk: int, iv: bytes) -> None:
    data = os.urandom(size)
    assert chunked_decrypt(one_shot_encrypt(data, iv), chunk) == data


@settings(max_examples=100, deadline=None)
@given(size=boundary_sizes(), chunk=st.sampled_from([16, 48, 64]))
def test_our_encryption_matches_one_shot_decryption(size: int, chunk: int) -> None:
    data = os.urandom(size)
    blob = encrypt_bytes(data, KEY)
    unpadder = padding.PKCS7(128).unpadder()
    decryptor = Cipher(algorithms.AES(KEY), modes.CBC(blob[:16])).decryptor()
    assert unpadder.update(decryptor.update(blob[16:]) + decryptor.finalize()) + unpadder.finalize() == data
    assert chunked_decrypt(blob, chunk) == data


@pytest.mark.parametrize("cut", [1, 15, 17])
def test_truncated_ciphertext_is_reported(cut: int) -> None:
    blob = one_shot_encrypt(b"x" * 100, bytes(16))
    with pytest.raises(TruncatedCiphertext):
        chunked_decrypt(blob[:-cut], 32)
    with pytest.raises(TruncatedCiphertext):
        decrypt_stream(io.BytesIO(blob[:-16]), len(blob), KEY, lambda v: None)


def test_bad_padding_is_reported() -> None:
    blob = bytearray(one_shot_encrypt(b"y" * 40, bytes(16)))
    blob[-1] ^= 0xFF
    with pytest.raises(BadPadding, match="bad padding"):
        chunked_decrypt(bytes(blob), 32)
    wrong_key = bytes(32)
    pieces: list[bytes] = []
    with pytest.raises(BadPadding):
        decrypt_stream(io.BytesIO(bytes(blob)), len(blob), wrong_key, lambda v: pieces.append(bytes(v)))


@settings(max_examples=40, deadline=None)
@given(sizes=st.lists(boundary_sizes(), min_size=1, max_size=5), chunk=st.sampled_from([16, 64, 4096]))
def test_pipeline_hashes_like_a_single_pass(tmp_path_factory, sizes: list[int], chunk: int) -> None:
    folder: Path = tmp_path_factory.mktemp("pipeline")
    session = os.urandom(64)
    files = [os.urandom(size) for size in sizes]
    pipeline = ResultHashPipeline(ResultHasher(session), chunk_size=chunk)
    for index, data in enumerate(files):
        blob = encrypt_bytes(data, KEY)
        size, sha = pipeline.decrypt_to_file(
            io.BytesIO(blob), len(blob), KEY, folder / str(index), str(index), lambda n: None
        )
        assert (size, sha) == (len(data), hashlib.sha256(data).hexdigest())
        assert (folder / str(index)).read_bytes() == data
    assert pipeline.finish() == hashlib.sha512(b"".join(files) + session).digest()


class TrickleReader(io.RawIOBase):
    """A stream that hands out at most `step` bytes per read, as pipes and sockets do."""

    def __init__(self, data: bytes, step: int) -> None:
        self._data, self._pos, self._step = data, 0, step

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        piece = self._data[self._pos : self._pos + min(self._step, len(buffer))]
        buffer[: len(piece)] = piece
        self._pos += len(piece)
        return len(piece)


@settings(max_examples=200, deadline=None)
@given(
    size=boundary_sizes(),
    chunk=st.sampled_from([1, 15, 16, 17, 33, 64, 4096]),
    iv=st.binary(min_size=16, max_size=16),
)
def test_unknown_length_decryption_matches_one_shot(size: int, chunk: int, iv: bytes) -> None:
    data = os.urandom(size)
    blob = one_shot_encrypt(data, iv)
    out, digest = io.BytesIO(), hashlib.sha512()
    assert decrypt_file(io.BytesIO(blob), out, KEY, digest, chunk_size=chunk) == size
    assert out.getvalue() == data and digest.digest() == hashlib.sha512(data).digest()
    pushed = StreamDecryptor(KEY)
    pieces = [pushed.update(blob[i : i + chunk]) for i in range(0, len(blob), chunk)]
    assert b"".join(pieces) + pushed.finalize() == data


@settings(max_examples=100, deadline=None)
@given(size=boundary_sizes(), chunk=st.sampled_from([16, 17, 64]), step=st.sampled_from([1, 7, 4096]))
def test_file_encryption_round_trip_with_hash(size: int, chunk: int, step: int) -> None:
    data = os.urandom(size)
    encrypted, digest = io.BytesIO(), hashlib.sha512()
    written = encrypt_file(
        io.BufferedReader(TrickleReader(data, step)), encrypted, KEY, digest, chunk_size=chunk
    )
    blob = encrypted.getvalue()
    assert written == len(blob) == 16 + (size // 16 + 1) * 16
    assert digest.digest() == hashlib.sha512(data).digest()
    assert one_shot_decrypt(blob) == data


def one_shot_decrypt(blob: bytes) -> bytes:
    decryptor = Cipher(algorithms.AES(KEY), modes.CBC(blob[:16])).decryptor()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(decryptor.update(blob[16:]) + decryptor.finalize()) + unpadder.finalize()


def test_fresh_iv_per_file() -> None:
    first, second = encrypt_bytes(b"same", KEY), encrypt_bytes(b"same", KEY)
    assert first[:16] != second[:16] and first[16:] != second[16:]


@pytest.mark.parametrize("length", [0, 15, 16, 31, 33, 47])
def test_unknown_length_truncation_is_reported(length: int) -> None:
    blob = one_shot_encrypt(b"z" * 40, bytes(16))  # 16 + 48 bytes
    with pytest.raises(TruncatedCiphertext, match="truncated"):
        decrypt_file(io.BytesIO(blob[:length]), io.BytesIO(), KEY, hashlib.sha512())


def test_unknown_length_bad_padding_and_wrong_key() -> None:
    blob = bytearray(one_shot_encrypt(b"w" * 40, bytes(16)))
    blob[-1] ^= 0x55
    with pytest.raises(BadPadding, match="bad padding"):
        decrypt_file(io.BytesIO(bytes(blob)), io.BytesIO(), KEY)
    good = one_shot_encrypt(b"w" * 40, bytes(16))
    with pytest.raises(BadPadding):
        decrypt_file(io.BytesIO(good), io.BytesIO(), bytes(32), hashlib.sha512())


def test_hashing_thread_reports_the_hashers_error_and_stops_on_failure() -> None:
    class Broken:
        def update(self, data: bytes) -> None:
            raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError, match="disk gone"), HashingThread(Broken()) as background:
        background.update(b"x")
    digest = hashlib.sha512()
    with pytest.raises(KeyError), HashingThread(digest, depth=1) as background:
        for _ in range(10):
            background.update(b"y" * 1000)
        raise KeyError("caller failed")
    assert digest.digest() == hashlib.sha512(b"y" * 10_000).digest()
