"""A station's post-run, without a container: sign the results, re-key, re-encrypt.

Used by the station runner and by the demo hub (which makes result archives "the way a
route of stations would"). Files stream through in chunks; nothing is held whole in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import PHTError
from desktop_app.core.protocol.hashing import ResultHasher, route_digest
from desktop_app.core.protocol.hexpem import load_hex_pem_public_key
from desktop_app.core.protocol.signatures import sign_digest
from desktop_app.core.protocol.symmetric import encrypt_stream
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.protocol.wrapping import new_file_key, wrap_key


class PostRunError(PHTError):
    """The post-run cannot be done for this station and train."""


@dataclass(frozen=True)
class PlainFile:
    """A plaintext file and the name it has inside its folder (`model/w.bin`)."""

    name: str
    path: Path


def hash_results(config: TrainConfig, results: Iterable[PlainFile], chunk: int = 1 << 20) -> bytes:
    hasher = ResultHasher(config.session_id)
    for result in results:
        with result.path.open("rb") as handle:
            while data := handle.read(chunk):
                hasher.update(data)
    return hasher.finish()


def sign_results(
    config: TrainConfig, station_id: str, station_key: rsa.RSAPrivateKey, result_hash: bytes
) -> None:
    """Set result_hash, result_signature and this stop's route signature in `config`."""
    stop = config.stop_for(station_id)
    if stop is None:
        raise PostRunError(f"Station {station_id} is not on this train's route.")
    earlier = [s for s in config.route if s.index < stop.index]
    missing = [s.station for s in earlier if s.signature is None]
    if missing:
        raise PostRunError(f"Earlier stations have not signed: {', '.join(missing)}.")
    config.result_hash = result_hash
    config.result_signature = sign_digest(station_key, result_hash)
    digest = route_digest(config.session_id, [s.signature[0] for s in earlier], result_hash, stop.index)  # type: ignore[index]
    stop.signature = (digest, sign_digest(station_key, digest))


def rekey(config: TrainConfig) -> bytes:
    """Draw a new file key and wrap it for every route stop and for the creator."""
    file_key = new_file_key()
    for stop in config.route:
        stop.encrypted_key = wrap_key(file_key, load_hex_pem_public_key(stop.rsa_public_key, "station key"))
    config.creator_encrypted_key = wrap_key(file_key, load_hex_pem_public_key(config.creator_public_key))
    return file_key


def encrypt_files(files: Iterable[PlainFile], file_key: bytes, out_dir: Path) -> list[PlainFile]:
    """Encrypt each file to `out_dir/<name>` with a fresh IV; returns the encrypted files."""
    written = []
    for item in files:
        target = out_dir / item.name
        target.parent.mkdir(parents=True, exist_ok=True)
        with item.path.open("rb") as src, target.open("wb") as dst:
            encrypt_stream(src, dst, file_key)
        written.append(PlainFile(item.name, target))
    return written


def post_run(
    config: TrainConfig,
    station_id: str,
    station_key: rsa.RSAPrivateKey,
    results: list[PlainFile],
    out_dir: Path,
) -> tuple[bytes, list[PlainFile]]:
    """The whole post-run over result files in archive order; returns (new file key, encrypted files)."""
    sign_results(config, station_id, station_key, hash_results(config, results))
    file_key = rekey(config)
    return file_key, encrypt_files(results, file_key, out_dir)
