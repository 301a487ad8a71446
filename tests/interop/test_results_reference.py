"""Result archives made by the reference station library decrypt and verify in our app, and
results our post-run signed pass the reference library's own checks."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from desktop_app.core.keys.paillier import PaillierPublicKey
from tests.helpers.cli import run_cli
from tests.helpers.reference import run_reference
from tests.helpers.result_archives import build_archive, new_config, station_keys

PW = "lantern-oyster-gravel-19"  # rates 4 of 4: new keys need a strong passphrase
HE_PW = "tidal-quince-lattice-58"

REFERENCE_ROUTE = """
import io, tarfile, time
from train_lib.docker_util.docker_ops import result_files_from_archive
from train_lib.security.protocol import SecurityProtocol
from train_lib.security.train_config import TrainConfig
from train_lib.security.homomorphic_addition import PublicKey, encrypt

config = TrainConfig(**data["config"])
names = list(data["files"])
for name in data.get("paillier", []):
    pub = PublicKey(int(data["he_n"]), int(data["he_g"]))
    values = json.loads(bytes.fromhex(data["files"][name]))
    data["files"][name] = json.dumps({k: str(encrypt(pub, v)) for k, v in values.items()}).encode().hex()
plain = {name: bytes.fromhex(data["files"][name]) for name in names}

def image_extract():
    # /opt/pht_results as the container engine's get_archive hands it over: folders, then files.
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        folders = sorted({"pht_results"} | {"pht_results/" + "/".join(n.split("/")[:i])
                                            for n in names for i in range(1, n.count("/") + 1)})
        for folder in folders:
            info = tarfile.TarInfo(folder); info.type = tarfile.DIRTYPE; info.mode = 0o755
            tar.addfile(info)
        for name in names:
            info = tarfile.TarInfo("pht_results/" + name); info.size = len(plain[name])
            tar.addfile(info, io.BytesIO(plain[name]))
    buffer.seek(0)
    return tarfile.open(fileobj=buffer, mode="r")

for station_id, key_path in data["stations"]:
    files, file_members, all_members = result_files_from_archive(image_extract())
    protocol = SecurityProtocol(station_id, config)
    encrypted, _ = protocol._post_run_outside_container(files, key_path, None)
    results = protocol._make_results_archive(all_members, file_members, encrypted)
    # Between stations the config travels as JSON inside the image: parse it anew, as they do.
    config = TrainConfig(**json.loads(protocol.config.json(by_alias=True)))
# The central API's download: train_config.json, then the image's pht_results members as they are.
with tarfile.open(data["target"], "w") as tar, tarfile.open(fileobj=results, mode="r") as source:
    body = config.json(indent=2, by_alias=True).encode()
    info = tarfile.TarInfo("train_config.json"); info.size = len(body); info.mtime = time.time()
    tar.addfile(info, io.BytesIO(body))
    for member in source.getmembers():
        tar.addfile(member, source.extractfile(member) if member.isreg() else None)
result = {n: plain[n].hex() for n in names}
"""

REFERENCE_CHECKS = """
import io
from train_lib.security.protocol import SecurityProtocol
from train_lib.security.train_config import TrainConfig
config = TrainConfig(**data["config"])
# A next station on the route checks what the previous ones did.
config.route.append(config.route[-1].copy(update={"station": "next", "index": len(config.route)}))
protocol = SecurityProtocol("next", config)
protocol.verify_digital_signature()
protocol.validate_previous_results(files=[io.BytesIO(bytes.fromhex(h)) for h in data["plain"]])
result = "accepted"
"""


def _cli_ok(*args: str, stdin: str = "") -> str:
    result = run_cli(*args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def researcher(secret_service) -> serialization.load_pem_public_key:
    _cli_ok("keys", "generate", "researcher", "--type", "rsa-2048", "--passphrase-stdin", stdin=f"{PW}\n")
    _cli_ok("keys", "generate", "homomorphic", "--type", "paillier-2048", "--passphrase-stdin", stdin=f"{HE_PW}\n")
    return serialization.load_pem_public_key(_cli_ok("keys", "export", "researcher", "--public").encode())


@pytest.mark.interop
@pytest.mark.parametrize("station_count", [1, 3])
def test_reference_archives_decrypt_and_verify(tmp_path: Path, researcher, station_count: int) -> None:
    he_public = PaillierPublicKey.from_json_dict(
        json.loads(_cli_ok("keys", "export", "homomorphic", "--public"))
    )
    stations = station_keys(station_count)
    config = new_config(researcher, stations)
    config.creator["paillier_public_key"] = json.dumps(he_public.to_json_dict())
    key_paths = []
    for index, key in enumerate(stations):
        path = tmp_path / f"station-{index}.pem"
        path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        key_paths.append([f"station-{index}", str(path)])
    files = {
        "weights.bin": os.urandom(70_001),
        "empty.txt": b"",
        "nested/deeper/table.csv": b"a,b\n1,2\n",
        "sums.he.json": json.dumps({"patients": 42, "events": 7}).encode(),
    }
    payload = {
        "config": config.raw,
        "files": {name: data.hex() for name, data in files.items()},
        "stations": key_paths,
        "target": str(tmp_path / "reference-result.tar"),
        "paillier": ["sums.he.json"],
        "he_n": str(he_public.n),
        "he_g": str(he_public.g),
    }
    plain = {name: bytes.fromhex(h) for name, h in run_reference(REFERENCE_ROUTE, payload).items()}
    out = tmp_path / "out"
    _cli_ok(
        "decrypt",
        payload["target"],
        "--out",
        str(out),
        "--passphrase-stdin",
        "--report",
        str(tmp_path / "r.json"),
        stdin=f"{PW}\n{HE_PW}\n",
    )
    for name, data in plain.items():
        assert (out / name).read_bytes() == data, name
    assert json.loads((out / "sums.plain.json").read_text()) == {"patients": 42, "events": 7}
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["verified"] is True and all(check["passed"] for check in report["checks"])
    assert report["signed_by"] == [f"station-{i}" for i in range(station_count)]


@pytest.mark.interop
def test_reference_accepts_results_our_stations_signed(tmp_path: Path, researcher) -> None:
    files = {"model.bin": os.urandom(5000), "log/run.txt": b"done\n"}
    built = build_archive(tmp_path, researcher, files, station_count=2)
    payload = {"config": built.config.raw, "plain": [data.hex() for data in files.values()]}
    assert run_reference(REFERENCE_CHECKS, payload) == "accepted"
    tampered = {**payload, "plain": [files["model.bin"][:-1].hex(), files["log/run.txt"].hex()]}
    with pytest.raises(AssertionError, match="Previous results have changed"):
        run_reference(REFERENCE_CHECKS, tampered)
