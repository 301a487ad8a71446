"""What the stand-in FLAME hub holds: a user, a robot, two nodes, analyses, buckets and files.

Records are kept in snake_case (hub 0.8.x) and turned to camelCase on the way out when the hub
plays the current version. Seeded for the demo: node `demo-node` in the user's realm without a
key, a node of another realm (updating it is forbidden), a finished analysis with a RESULT
bucket of three files (one in a folder) and a running analysis without one.
"""

from __future__ import annotations

import io
import secrets
import tarfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

LEGACY_VERSION, CURRENT_VERSION = "0.8.14", "0.14.0"
DEMO_REALM, OTHER_REALM = "c0ffee00-0000-4000-8000-00000000a001", "c0ffee00-0000-4000-8000-00000000a002"
FLAME_USER = {"id": "c0ffee00-0000-4000-8000-00000000b001", "name": "demo", "password": "demo-password"}
FLAME_ROBOT = {"id": "c0ffee00-0000-4000-8000-00000000b002", "secret": "demo-robot-secret"}
DEMO_NODE_ID = "c0ffee00-0000-4000-8000-00000000c001"
OTHER_NODE_ID = "c0ffee00-0000-4000-8000-00000000c002"
FINISHED_ANALYSIS_ID = "c0ffee00-0000-4000-8000-00000000d001"
RUNNING_ANALYSIS_ID = "c0ffee00-0000-4000-8000-00000000d002"
RESULT_BUCKET_ID = "c0ffee00-0000-4000-8000-00000000e001"
RESULT_STORAGE_BUCKET = "c0ffee00-0000-4000-8000-00000000f001"
DEMO_RESULT_FILES = {
    "summary.csv": b"site,count,mean_age\nnode-a,120,54.2\nnode-b,87,49.9\n",
    "model/weights.json": b'{"intercept": 0.42, "age": 0.013}\n',
    "README.txt": b"Demo results of a FLAME analysis (LOCAL DEMO, not real data).\n",
}
REFRESH_LIFETIME = 3 * 86400


def camel(snake: str) -> str:
    head, *rest = snake.split("_")
    return head + "".join(part.capitalize() for part in rest)


def tar_of(files: dict[str, bytes]) -> bytes:
    """A plain ustar tar, as the storage service streams a bucket."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 1_764_000_000, 0o644
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


@dataclass
class FlameState:
    version: str
    work_dir: Path
    token_lifetime: int = 3600
    nodes: dict[str, dict] = field(default_factory=dict)
    analyses: list[dict] = field(default_factory=list)
    buckets: list[dict] = field(default_factory=list)
    bucket_files: list[dict] = field(default_factory=list)
    storage_buckets: dict[str, Path] = field(default_factory=dict)  # storage bucket id -> its tar stream
    storage_files: dict[str, Path] = field(default_factory=dict)  # storage file id -> its bytes
    access_tokens: dict[str, tuple[str, float]] = field(default_factory=dict)  # token -> (subject, expiry)
    refresh_tokens: dict[str, tuple[str, float]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def camel_case(self) -> bool:
        return self.version != LEGACY_VERSION and not self.version.startswith("0.8.")

    @classmethod
    def seeded(cls, version: str, work_dir: Path, token_lifetime: int = 3600) -> FlameState:
        state = cls(version, work_dir, token_lifetime)
        state.nodes[DEMO_NODE_ID] = _node(DEMO_NODE_ID, "demo-node", DEMO_REALM, None)
        other_key = _public_pem(ec.generate_private_key(ec.SECP256R1())).hex()  # stored as the hub does
        state.nodes[OTHER_NODE_ID] = _node(OTHER_NODE_ID, "node-of-another-realm", OTHER_REALM, other_key)
        state.analyses += [
            _analysis(FINISHED_ANALYSIS_ID, "demo-analysis-finished", "finished"),
            _analysis(RUNNING_ANALYSIS_ID, "demo-analysis-running", "running"),
        ]
        for number, kind in ((2, "CODE"), (3, "TEMP")):
            state.buckets.append(_bucket(f"{RESULT_BUCKET_ID[:-1]}{number}", kind, None))
        state.buckets.append(_bucket(RESULT_BUCKET_ID, "RESULT", RESULT_STORAGE_BUCKET))
        state.put_result(RESULT_STORAGE_BUCKET, DEMO_RESULT_FILES)
        return state

    # -- storage -------------------------------------------------------------------------------

    def put_result(self, storage_bucket: str, files: dict[str, bytes]) -> None:
        """The bucket's files (core records and storage bytes) and its tar stream."""
        self.bucket_files = [f for f in self.bucket_files if f["bucket_id"] != RESULT_BUCKET_ID]
        for number, (name, data) in enumerate(files.items(), start=1):
            file_id = f"c0ffee00-0000-4000-8000-0000000{number:05d}"
            storage_id = f"c0ffee00-0000-4000-9000-0000000{number:05d}"
            self.bucket_files.append(
                {
                    "id": file_id,
                    "name": name,
                    "external_id": storage_id,
                    "bucket_id": RESULT_BUCKET_ID,
                    "analysis_id": FINISHED_ANALYSIS_ID,
                    "realm_id": DEMO_REALM,
                }
            )
            path = self.work_dir / f"file-{storage_id}"
            path.write_bytes(data)
            path.with_name(path.name + ".gz").unlink(missing_ok=True)  # a gzipped copy made earlier
            self.storage_files[storage_id] = path
        self.put_stream(storage_bucket, tar_of(files))

    def put_stream(self, storage_bucket: str, data: bytes) -> None:
        """Exactly these bytes as the bucket's stream (a test's hostile or truncated tar)."""
        path = self.work_dir / f"bucket-{storage_bucket}.tar"
        path.write_bytes(data)
        self.storage_buckets[storage_bucket] = path

    # -- tokens --------------------------------------------------------------------------------

    def issue_tokens(self, subject: str, with_refresh: bool) -> dict:
        access = secrets.token_urlsafe(32)
        now = time.time()
        answer = {"access_token": access, "expires_in": self.token_lifetime, "token_type": "Bearer", "scope": "global"}
        with self.lock:
            self.access_tokens[access] = (subject, now + self.token_lifetime)
            if with_refresh:
                refresh = secrets.token_urlsafe(32)
                self.refresh_tokens[refresh] = (subject, now + REFRESH_LIFETIME)
                answer["refresh_token"] = refresh
        return answer

    def take_refresh(self, token: str) -> str | None:
        with self.lock:
            subject, expiry = self.refresh_tokens.pop(token, (None, 0.0))
        return subject if subject and expiry > time.time() else None

    def user_for(self, access: str) -> str | None:
        with self.lock:
            subject, expiry = self.access_tokens.get(access, (None, 0.0))
        return subject if subject and expiry > time.time() else None

    def expire_all_access_tokens(self) -> None:
        with self.lock:
            self.access_tokens = {token: (subject, 0.0) for token, (subject, _) in self.access_tokens.items()}

    # -- the wire ------------------------------------------------------------------------------

    def out(self, record: dict) -> dict:
        """A record as this hub version writes it."""
        return {camel(k): v for k, v in record.items()} if self.camel_case else dict(record)

    def field(self, snake: str) -> str:
        return camel(snake) if self.camel_case else snake


def _node(node_id: str, name: str, realm: str, public_key: str | None) -> dict:
    return {
        "id": node_id,
        "name": name,
        "realm_id": realm,
        "public_key": public_key,
        "online": False,
        "type": "default",
        "robot_id": None,
        "registry_id": None,
        "external_name": name,
        "created_at": "2026-11-02T09:00:00.000Z",
        "updated_at": "2026-11-02T09:00:00.000Z",
    }


def _analysis(analysis_id: str, name: str, run_status: str) -> dict:
    return {
        "id": analysis_id,
        "name": name,
        "run_status": run_status,
        "build_status": "finished",
        "project_id": "c0ffee00-0000-4000-8000-00000000a101",
        "realm_id": DEMO_REALM,
        "user_id": FLAME_USER["id"],
        "nodes": 2,
        "created_at": "2026-11-02T09:00:00.000Z",
    }


def _bucket(bucket_id: str, kind: str, storage_bucket: str | None) -> dict:
    return {
        "id": bucket_id,
        "type": kind,
        "analysis_id": FINISHED_ANALYSIS_ID,
        "external_id": storage_bucket,
        "realm_id": DEMO_REALM,
    }


def _public_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
