"""The kinds of key PHT Desktop manages, and what each may be used for."""

from __future__ import annotations

from enum import StrEnum

from desktop_app.core.i18n import N_, _

EC_NOT_FOR_PHT = N_(
    "EC keys are for ECDH/ECDSA (the FLAME generation of the platform) and cannot be used "
    "for PHT trains, which need an RSA key."
)


class KeyType(StrEnum):
    RSA_2048 = "rsa-2048"
    RSA_3072 = "rsa-3072"
    RSA_4096 = "rsa-4096"
    EC_P256 = "ec-p256"
    EC_P384 = "ec-p384"
    PAILLIER_2048 = "paillier-2048"
    PAILLIER_3072 = "paillier-3072"

    @property
    def family(self) -> str:
        return self.value.split("-")[0]

    @property
    def size(self) -> int:
        """Modulus bits for RSA/Paillier, curve bits for EC."""
        return int(self.value.split("-")[1].lstrip("p"))

    @property
    def is_rsa(self) -> bool:
        return self.family == "rsa"

    @property
    def is_ec(self) -> bool:
        return self.family == "ec"

    @property
    def is_paillier(self) -> bool:
        return self.family == "paillier"

    @property
    def label(self) -> str:
        if self.is_rsa:
            return _("RSA {size} bits — PHT trains and results").format(size=self.size)
        if self.is_ec:
            return _("EC P-{size} — FLAME only, not for PHT trains").format(size=self.size)
        return _("Paillier {size} bits — homomorphic results").format(size=self.size)


DEFAULT_KEY_TYPE = KeyType.RSA_4096
