"""A stored key envelope is data anyone able to write the key store may have changed: its
scrypt parameters are one of the sets the app writes, and anything else is a sentence
(`EnvelopeDamaged`), never a 4 GB key derivation or a traceback."""

from __future__ import annotations

import json

import pytest

from desktop_app.core.keys import envelope

PASSPHRASE = "correct horse battery"


@pytest.fixture(scope="module")
def sealed() -> dict:
    return json.loads(envelope.seal(b"key material", PASSPHRASE))


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, int]]:
    """The scrypt parameters each derivation was asked for (a spy: the real derivation still runs)."""
    calls: list[tuple[int, int, int]] = []
    real = envelope._derive

    def spy(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
        calls.append((n, r, p))
        if (n, r, p) != (2**15, 8, 1):
            raise AssertionError(f"scrypt was run with n={n!r}, r={r!r}, p={p!r}")
        return real(passphrase, salt, n, r, p)

    monkeypatch.setattr(envelope, "_derive", spy)
    return calls


def test_the_parameters_the_app_writes_open(sealed: dict, derivations) -> None:
    assert (sealed["n"], sealed["r"], sealed["p"]) == (2**15, 8, 1)
    assert envelope.open_envelope(json.dumps(sealed), PASSPHRASE) == b"key material"
    assert derivations == [(2**15, 8, 1)]


@pytest.mark.parametrize(
    "change",
    [
        {"n": 2**22},  # 4 GiB and 15 s of scrypt, as the review showed
        {"n": 2**14},  # weaker than the app writes: a downgrade is refused too
        {"r": 64},
        {"p": 2**20},
        {"n": 3},
        {"n": 0},
        {"n": -1},
        {"n": 1e300},
        {"n": "32768"},
        {"n": 32768.0},
        {"n": True},
        {"n": None},
        {"r": [8]},
        {"p": {"x": 1}},
        {"nonce": ""},  # AES-GCM refuses an empty nonce with a ValueError of its own
        {"nonce": "AAAA"},
        {"salt": 5},
        {"ct": "!!!"},
    ],
    ids=repr,
)
def test_changed_parameters_are_a_damaged_entry(sealed: dict, derivations, change: dict) -> None:
    tampered = json.dumps({**sealed, **change})
    with pytest.raises(envelope.EnvelopeDamaged, match=r"^The stored key entry is damaged and cannot be read\."):
        envelope.open_envelope(tampered, PASSPHRASE)
    assert derivations == []


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000, '{"v": 1, "kdf": "scrypt", "n": ' + "[" * 100_000, "[]", "1", '"x"', "{", "\x00"],
    ids=["nested", "nested-field", "list", "number", "string", "cut", "nul"],
)
def test_envelopes_that_are_not_objects_are_a_damaged_entry(text: str, derivations) -> None:
    with pytest.raises(envelope.EnvelopeDamaged):
        envelope.open_envelope(text, PASSPHRASE)
    with pytest.raises(envelope.EnvelopeDamaged):
        envelope.is_protected(text)
    assert derivations == []
