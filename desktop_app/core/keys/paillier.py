"""Paillier keys (PROTOCOL.md "Paillier"): public {"n","g"}, private {"lambda","mu"}, decimal strings.

Primes come from OpenSSL's RSA key generation, which is fast and well reviewed; g = n + 1.
"""

from __future__ import annotations

import hashlib
import json
import math
import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import _

MIN_MODULUS_BITS = 2048


class PaillierKeyError(PHTError):
    """A Paillier key or ciphertext is malformed."""


def _decimal(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise PaillierKeyError(_("Paillier key field {field!r} must be a decimal integer.").format(field=field))
    try:
        number = int(value)
    except ValueError as exc:
        raise PaillierKeyError(_("Paillier key field {field!r} is not a decimal integer.").format(field=field)) from exc
    if number <= 0:
        raise PaillierKeyError(_("Paillier key field {field!r} must be positive.").format(field=field))
    return number


@dataclass(frozen=True)
class PaillierPublicKey:
    n: int
    g: int

    @property
    def n_square(self) -> int:
        return self.n * self.n

    @property
    def bits(self) -> int:
        return self.n.bit_length()

    def to_json_dict(self) -> dict[str, str]:
        return {"n": str(self.n), "g": str(self.g)}

    def canonical_json(self) -> str:
        """The form that is fingerprinted and sent to the central API."""
        return json.dumps(self.to_json_dict(), sort_keys=True, separators=(",", ":"))

    def fingerprint(self) -> str:
        return hashlib.sha256(self.canonical_json().encode()).hexdigest()

    @classmethod
    def from_json_dict(cls, data: object) -> PaillierPublicKey:
        if not isinstance(data, dict) or "n" not in data or "g" not in data:
            raise PaillierKeyError(_('A Paillier public key is a JSON object with "n" and "g".'))
        return cls(_decimal(data["n"], "n"), _decimal(data["g"], "g"))

    def encrypt(self, message: int) -> int:
        if not 0 <= message < self.n:
            raise PaillierKeyError(_("A Paillier plaintext must lie in [0, n)."))
        n2 = self.n_square
        while True:
            r = secrets.randbelow(self.n)
            if r > 0 and math.gcd(r, self.n) == 1:
                break
        return (pow(self.g, message, n2) * pow(r, self.n, n2)) % n2

    def add(self, c1: int, c2: int) -> int:
        """Homomorphic addition: the ciphertext of m1 + m2."""
        return (c1 * c2) % self.n_square


@dataclass(frozen=True)
class PaillierPrivateKey:
    public: PaillierPublicKey
    lambda_: int
    mu: int

    def to_json_dict(self) -> dict[str, str]:
        return {"lambda": str(self.lambda_), "mu": str(self.mu)}

    @classmethod
    def from_json_dict(cls, data: object, public: PaillierPublicKey) -> PaillierPrivateKey:
        if not isinstance(data, dict) or "lambda" not in data or "mu" not in data:
            raise PaillierKeyError(_('A Paillier private key is a JSON object with "lambda" and "mu".'))
        key = cls(public, _decimal(data["lambda"], "lambda"), _decimal(data["mu"], "mu"))
        key.check()
        return key

    def check(self) -> None:
        """Raise unless this private key belongs to its public key (round-trip of a probe)."""
        probe = 0x5A17 % self.public.n
        if self.decrypt(self.public.encrypt(probe)) != probe:
            raise PaillierKeyError(_("The Paillier private key does not belong to its public key."))

    def decrypt(self, ciphertext: int) -> int:
        n, n2 = self.public.n, self.public.n_square
        if not 0 < ciphertext < n2:
            raise PaillierKeyError(_("A Paillier ciphertext must lie in (0, n²)."))
        return (((pow(ciphertext, self.lambda_, n2) - 1) // n) * self.mu) % n


def generate_paillier(bits: int = 2048) -> PaillierPrivateKey:
    if bits < MIN_MODULUS_BITS:
        raise PaillierKeyError(
            _("Paillier keys need a modulus of at least {min_modulus_bits} bits.").format(
                min_modulus_bits=MIN_MODULUS_BITS
            )
        )
    numbers = rsa.generate_private_key(public_exponent=65537, key_size=bits).private_numbers()
    p, q = numbers.p, numbers.q
    n = p * q
    lambda_ = math.lcm(p - 1, q - 1)
    mu = pow(lambda_, -1, n)  # with g = n + 1, L(g^lambda mod n²) = lambda mod n
    return PaillierPrivateKey(PaillierPublicKey(n, n + 1), lambda_, mu)
