"""Crashes the fuzz harnesses (tests/fuzz/) found, kept as plain tests: each input once ended in
a bare exception (a traceback) instead of a sentence."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import PHTError
from desktop_app.core.keys.paillier import generate_paillier
from desktop_app.core.keys.transfer import PAILLIER_BACKUP_FORMAT, KeyImportError, parse_private_key
from desktop_app.core.protocol.train_config import TrainConfig, TrainConfigError
from desktop_app.core.protocol.verification import check_train
from tests.helpers.result_archives import new_config, station_keys


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def test_an_encrypted_pem_with_an_empty_passphrase_asks_for_it(key) -> None:
    # TypeError "Password was not given but private key is encrypted": b"" counts as no password.
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.BestAvailableEncryption(b"pw")
    )
    with pytest.raises(PHTError, match="passphrase is needed"):
        parse_private_key(pem, "")


def test_a_backup_whose_envelope_is_not_text_is_damaged() -> None:
    # TypeError "the JSON object must be str, bytes or bytearray, not dict".
    doc = {"format": PAILLIER_BACKUP_FORMAT, "envelope": {"v": 1, "kdf": "none", "pt": ""}}
    with pytest.raises(KeyImportError, match="envelope is missing or not text"):
        parse_private_key(json.dumps(doc).encode(), None)
    listed = {"format": PAILLIER_BACKUP_FORMAT, "envelope": json.dumps({"v": 1, "kdf": "none", "pt": "WzFd"})}
    with pytest.raises(KeyImportError, match="holds no Paillier key"):  # the sealed text is "[1]"
        parse_private_key(json.dumps(listed).encode(), None)


def test_a_backup_envelope_with_a_list_for_its_kdf_is_damaged() -> None:
    # TypeError "unhashable type: 'list'" (found by `make fuzz`, 60 s per harness).
    doc = {"format": PAILLIER_BACKUP_FORMAT, "envelope": json.dumps({"v": 1, "kdf": [], "pt": ""})}
    with pytest.raises(KeyImportError, match="damaged"):
        parse_private_key(json.dumps(doc).encode(), None)


def test_an_rsa_key_with_a_paillier_public_file_does_not_belong(key) -> None:
    # AttributeError: 'PaillierPublicKey' object has no attribute 'public_numbers'.
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_he = json.dumps(generate_paillier(2048).public.to_json_dict()).encode()
    with pytest.raises(KeyImportError, match="does not belong to this private key"):
        parse_private_key(pem, None, public_he)


def test_a_config_without_creator_id_is_checked_not_a_key_error(key) -> None:
    # KeyError 'id' from check_train (a station's pre-run) on a config lacking creator.id.
    config = new_config(key.public_key(), station_keys(1))
    del config.raw["creator"]["id"]
    config = TrainConfig.from_json_bytes(config.to_json_bytes())
    assert config.creator_id == ""
    checks = check_train(config, b"\1" * 64)
    assert [(c.name, c.passed) for c in checks] == [
        ("train_hash", False), ("train_signature", False), ("build_signature", False)
    ]


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda raw: raw.update(file_list="entrypoint.py"), "file_list is not a list"),
        (lambda raw: raw.update(route={"0": {}}), "malformed route"),
        (lambda raw: raw["route"][0].update(index=True), "is not an integer"),
        (lambda raw: raw["route"][0].update(rsa_public_key=7), "route[0].rsa_public_key is not a string"),
        (lambda raw: raw["creator"].update(rsa_public_key=["x"]), "creator.rsa_public_key is not a string"),
        (lambda raw: raw["build"].update(rsa_public_key={}), None),  # empty: no build key, not an error
        (lambda raw: raw["build"].update(rsa_public_key=5), "build.rsa_public_key is not a string"),
    ],
)
def test_fields_of_the_wrong_shape_are_sentences(key, change, says: str | None) -> None:
    config = new_config(key.public_key(), station_keys(1))
    change(config.raw)
    data = json.dumps(config.raw).encode()
    if says is None:
        assert TrainConfig.from_json_bytes(data).build_public_key is None
        return
    with pytest.raises(TrainConfigError) as caught:
        parsed = TrainConfig.from_json_bytes(data)
        parsed.build_public_key  # noqa: B018 - read lazily, as the station's checks do
    assert says in str(caught.value)


def test_nesting_is_counted_not_recursed(key) -> None:
    config = new_config(key.public_key(), station_keys(1))
    text = json.dumps(config.raw)
    at_limit = text.replace("{", '{"deep": ' + "[" * 63 + "]" * 63 + ", ", 1)  # 64 levels with the top
    assert "deep" in TrainConfig.from_json_bytes(at_limit.encode()).raw
    for depth in (64, 5_000, 500_000):
        deeper = text.replace("{", '{"deep": ' + "[" * depth + "]" * depth + ", ", 1)
        with pytest.raises(TrainConfigError, match="nested more than 64 levels deep"):
            TrainConfig.from_json_bytes(deeper.encode())


def test_a_layer_whose_gzip_header_is_cut_short_is_unreadable() -> None:
    # TypeError "ord() expected a character" from tarfile's gzip reader (image config harness).
    from desktop_app.core.station.image_config import ImageConfigError, config_in_layer

    with pytest.raises(ImageConfigError, match="not a readable tar archive"):
        config_in_layer([b"\x1f\x8b\x08"], [1 << 20])
