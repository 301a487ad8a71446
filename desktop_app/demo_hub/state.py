"""What the demo hub knows: one demo user, a robot, trains, their files, and the user's secrets."""

from __future__ import annotations

import hashlib
import io
import os
import re
import secrets
import tarfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop_app.demo_hub.result_archives import build_result_archive

DEMO_USER = {"id": "demo-user-0001", "name": "demo", "password": "demo-password"}
DEMO_ROBOT = {"id": "demo-robot-0001", "secret": "demo-robot-secret"}
SIGNABLE_TRAIN_ID = "a1b2c3d4-0000-4000-8000-000000000001"
FINISHED_TRAIN_ID = "a1b2c3d4-0000-4000-8000-000000000002"


def _iso(offset_minutes: int) -> str:
    return (datetime(2026, 11, 2, 9, 0, tzinfo=UTC) + timedelta(minutes=offset_minutes)).isoformat()


@dataclass
class Train:
    id: str
    name: str
    files: list[tuple[str, bytes]]  # in the order the server hashes them
    query: str | None
    session_id: bytes
    result_status: str | None = None
    run_status: str | None = None
    build_status: str | None = "finished"
    hash: str | None = None
    hash_signed: str | None = None
    created: int = 0
    result_archive: Path | None = None
    result_key_fingerprint: str | None = None

    def server_hash(self, user_id: str) -> str:
        """The central API's generateHash (PROTOCOL.md)."""
        digest = hashlib.sha512(user_id.encode())
        for _, data in self.files:
            digest.update(data)
        digest.update(self.session_id)
        if self.query:
            digest.update(self.query.encode())
        return digest.hexdigest()

    def to_json(self, user: dict, rsa_secret_id: str | None) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "type": "analyse",
            "query": self.query,
            "hash": self.hash,
            "hash_signed": self.hash_signed,
            "session_id": self.session_id.hex(),
            "stations": 2,
            "configuration_status": "finished",
            "build_status": self.build_status,
            "run_status": self.run_status,
            "run_station_index": None,
            "result_status": self.result_status,
            "user_id": user["id"],
            "user_rsa_secret_id": rsa_secret_id,
            "user_paillier_secret_id": None,
            "proposal_id": "demo-proposal",
            "created_at": _iso(self.created),
            "updated_at": _iso(self.created + 30),
        }


def secret_fields(key: str, kind: str, content: str) -> dict:
    """A secret's stored fields. As the real server: RSA content that is not hex is hex-encoded
    (a PEM sent as text, as central's web page uploads the old app's PKCS#1 `public.pem`)."""
    if kind == "rsa_public_key" and not re.fullmatch(r"(?:[0-9a-fA-F]{2})+", content):
        content = content.encode().hex()
    return {"key": key, "type": kind, "content": content, "hash": hashlib.sha256(content.encode()).hexdigest()}


@dataclass
class HubState:
    work_dir: Path
    token_lifetime: int = 3600
    trains: dict[str, Train] = field(default_factory=dict)
    secrets: dict[str, dict] = field(default_factory=dict)
    tokens: dict[str, tuple[str, float]] = field(default_factory=dict)  # access -> (user, expiry)
    refresh_tokens: dict[str, str] = field(default_factory=dict)
    lock: threading.RLock = field(default_factory=threading.RLock)

    @classmethod
    def seeded(cls, work_dir: Path, token_lifetime: int = 3600, extra_trains: int = 23) -> HubState:
        state = cls(work_dir, token_lifetime)
        files = [
            ("entrypoint.py", b"import pandas as pd\nprint('counting patients')\n"),
            ("requirements.txt", b"pandas==2.2.3\n"),
            ("model/config.json", b'{"min_age": 18}\n'),
        ]
        state.add(Train(SIGNABLE_TRAIN_ID, "demo-signable", files, '{"resourceType": "Patient"}', os.urandom(64)))
        state.trains[SIGNABLE_TRAIN_ID].hash = state.trains[SIGNABLE_TRAIN_ID].server_hash(DEMO_USER["id"])
        finished = Train(
            FINISHED_TRAIN_ID,
            "demo-finished",
            files[:1],
            None,
            os.urandom(64),
            "finished",
            "finished",
            created=60,
        )
        state.add(finished)
        for index in range(extra_trains):  # enough trains to page through
            status = ("finished", "started", "failed", None)[index % 4]
            train = Train(str(uuid.UUID(int=index + 100)), f"demo-train-{index:02d}", files[:1], None, os.urandom(64))
            train.result_status, train.created = status, 120 + index
            state.add(train)
        return state

    def add(self, train: Train) -> None:
        self.trains[train.id] = train

    # -- tokens ------------------------------------------------------------------------------

    def issue_tokens(self, user: str) -> dict:
        with self.lock:
            access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
            self.tokens[access] = (user, time.time() + self.token_lifetime)
            self.refresh_tokens[refresh] = user
        return {
            "access_token": access,
            "refresh_token": refresh,
            "expires_in": self.token_lifetime,
            "token_type": "Bearer",
        }

    def user_for(self, access: str) -> str | None:
        with self.lock:
            user, expiry = self.tokens.get(access, (None, 0.0))
            return user if user and expiry > time.time() else None

    def expire_all_access_tokens(self) -> None:
        with self.lock:
            self.tokens.clear()

    # -- secrets -----------------------------------------------------------------------------

    def add_secret(self, key: str, kind: str, content: str) -> dict:
        """A user secret of the demo user, stored as the real server would store it."""
        secret_id = str(uuid.uuid4())
        with self.lock:
            self.secrets[secret_id] = {"id": secret_id, **secret_fields(key, kind, content), "user_id": DEMO_USER["id"]}
            return self.secrets[secret_id]

    def rsa_secret_id(self) -> str | None:
        return next((sid for sid, s in self.secrets.items() if s["type"] == "rsa_public_key"), None)

    # -- results -----------------------------------------------------------------------------

    def result_archive(self, train: Train) -> Path:
        """Made the way a route of stations would, for the RSA key the user registered."""
        secret_id = self.rsa_secret_id()
        if secret_id is None:
            raise LookupError("Register an RSA public key (user secret) before downloading results.")
        public_hex = self.secrets[secret_id]["content"]
        with self.lock:
            if train.result_archive and train.result_key_fingerprint == public_hex:
                return train.result_archive
            folder = self.work_dir / train.id
            folder.mkdir(parents=True, exist_ok=True)
            archive = build_result_archive(folder, train, public_hex, DEMO_USER["id"])
            train.result_archive, train.result_key_fingerprint = archive, public_hex
            return archive

    def train_files_tar(self, train: Train) -> bytes:
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w") as tar:
            for name, data in reversed(train.files):  # member order is not the hashing order
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        return buffer.getvalue()
