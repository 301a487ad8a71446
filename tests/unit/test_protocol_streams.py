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

from desktop_app.core.protocol.hashing import ResultHasher
from desktop_app.core.protocol.symmetric import (
    BadPadding,
    TruncatedCiphertext,
    decrypt_stream,
    encrypt_bytes,
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
