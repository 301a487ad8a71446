"""The demo's result archives, made as a route of two demo stations would make them.

The project's own station post-run code encrypts the demo results for the key the user
registered, stage by stage, and the result-archive writer packs them: so a download from
the demo hub decrypts and verifies like a real one.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.protocol.hexpem import load_hex_pem_public_key, public_key_to_hex_pem
from desktop_app.core.protocol.post_run import PlainFile, post_run
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.results.archive_writer import write_result_archive

if TYPE_CHECKING:
    from desktop_app.demo_hub.state import Train

# Generated once per process: RSA key generation is slow, and the demo stations need no identity.
_STATION_KEYS: list[rsa.RSAPrivateKey] = []


def _station_keys() -> list[rsa.RSAPrivateKey]:
    while len(_STATION_KEYS) < 2:
        _STATION_KEYS.append(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    return _STATION_KEYS


def demo_results(train_id: str) -> dict[str, bytes]:
    return {
        "summary.csv": b"station,patients,mean_age\ndemo-station-0,412,57.3\ndemo-station-1,388,61.0\n",
        "model/coefficients.json": json.dumps({"intercept": -2.1, "age": 0.034}).encode(),
        "report.txt": b"Demo results made by the PHT Desktop demo hub. Nothing here is real.\n",
        # A model of a realistic size, so that downloads show progress (deterministic bytes).
        "model/weights.bin": hashlib.shake_256(train_id.encode()).digest(3 << 20),
    }


def build_result_archive(folder: Path, train: Train, creator_public_hex: str, user_id: str) -> Path:
    """`folder/result.tar` holding the demo results of `train`, readable with the creator's key."""
    creator = load_hex_pem_public_key(creator_public_hex, "registered key")
    stations = _station_keys()
    config = TrainConfig(
        {
            "@id": train.id,
            "@context": {},
            "proposal_id": "demo-proposal",
            "source": {"type": "docker_repository", "address": "demo.local/pht/train", "tag": "latest"},
            "creator": {"id": user_id, "rsa_public_key": public_key_to_hex_pem(creator)},
            "build": {"signature": "00", "rsa_public_key": public_key_to_hex_pem(stations[0].public_key())},
            "session_id": train.session_id.hex(),
            "route": [
                {
                    "station": f"demo-station-{i}",
                    "eco_system": "tue",
                    "index": i,
                    "rsa_public_key": public_key_to_hex_pem(k.public_key()),
                }
                for i, k in enumerate(stations)
            ],
            "file_list": [name for name, _ in train.files],
            "hash": train.server_hash(user_id),
            "signature": "00",
        }
    )
    plain_dir = folder / "plain"
    plain = []
    for name, data in demo_results(train.id).items():
        path = plain_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        plain.append(PlainFile(name, path))
    encrypted: list[PlainFile] = []
    for index, key in enumerate(stations):
        _, encrypted = post_run(config, f"demo-station-{index}", key, plain, folder / f"enc-{index}")
    return write_result_archive(folder / "result.tar", config, encrypted)
