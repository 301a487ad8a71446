"""Signing a train knowingly: download its files, recompute its hash exactly as the server
does, and sign only when it matches what the server shows.

Server hash (PROTOCOL.md): SHA-512(utf8(user_id) || each file's bytes in `GET /train-files`
order || session_id (64 raw bytes) || utf8(query) if set). The files tar's member order is
not guaranteed: members are matched by path.
"""

from __future__ import annotations

import hashlib
import tarfile
import tempfile
from dataclasses import dataclass

from desktop_app.core.central import api, shapes
from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.errors import CentralError, HashMismatch
from desktop_app.core.central.wording import printable
from desktop_app.core.i18n import _
from desktop_app.core.keys.material import PrivateKey
from desktop_app.core.keys.train_signing import sign_train_hash_hex

MAX_TRAIN_FILES_BYTES = 1 << 30


@dataclass(frozen=True)
class TrainReview:
    train: api.Train
    files: list[tuple[str, int]]  # path and size, in hashing order
    computed_hash: str
    server_hash: str
    problem: str = ""

    @property
    def matches(self) -> bool:
        return not self.problem and self.computed_hash == self.server_hash


def _path(entry: dict) -> str:
    what = _("a train file")
    path = shapes.optional_text(entry, "path", what)
    if path:
        return path.removeprefix("./")
    directory = (shapes.optional_text(entry, "directory", what) or ".").strip("/")
    name = shapes.optional_text(entry, "name", what)
    if not name:
        raise shapes.malformed(what, _("has neither a path nor a name"))
    return name if directory in ("", ".") else f"{directory}/{name}"


def _hex(value: str) -> bytes | None:
    try:
        return bytes.fromhex(value)
    except ValueError:
        return None


def review_train(client: CentralClient, train_id: str) -> TrainReview:
    train = api.get_train(client, train_id)
    server_hash = train.raw.get("hash") or ""
    if not server_hash:
        raise CentralError(
            _("Train {name} has no hash to sign yet (the server computes it first).").format(
                name=train.name or train_id
            )
        )
    # Values the hash is made of, or compared with, that are not hex make the hash impossible to
    # recompute: the review says so and signing is refused, as for any other mismatch.
    session_id = _hex(train.raw.get("session_id") or "")
    unusable = ""
    if _hex(server_hash) is None:
        unusable = _("The server's hash of this train is not hexadecimal; signing is refused.")
        server_hash = printable(server_hash, 140)
    elif session_id is None:
        unusable = _(
            "The server's session id of this train is not hexadecimal, so the train's hash cannot be "
            "recomputed; signing is refused."
        )
    listed = [_path(entry) for entry in api.train_files(client, train_id)]
    with tempfile.SpooledTemporaryFile(max_size=32 << 20) as spool:
        with client.stream(f"trains/{train_id}/files/download") as response:
            for chunk in response.iter_bytes(1 << 20):
                spool.write(chunk)
                if spool.tell() > MAX_TRAIN_FILES_BYTES:
                    raise CentralError(_("The train's files are larger than 1 GiB; refusing to review them."))
        spool.seek(0)
        try:
            with tarfile.open(fileobj=spool, mode="r:*") as tar:
                members = {m.name.removeprefix("./"): m for m in tar.getmembers() if m.isreg()}
                digest = hashlib.sha512((train.raw.get("user_id") or "").encode())
                files, missing = [], []
                for path in listed:
                    member = members.get(path)
                    if member is None:
                        missing.append(path)
                        continue
                    handle = tar.extractfile(member)
                    assert handle is not None
                    while chunk := handle.read(1 << 20):
                        digest.update(chunk)
                    files.append((path, member.size))
        except (tarfile.TarError, EOFError) as exc:
            raise CentralError(_("The train's files download is not a readable tar ({exc}).").format(exc=exc)) from exc
    digest.update(session_id or b"")
    if train.raw.get("query"):
        digest.update(train.raw["query"].encode())
    extra = sorted(set(members) - set(listed))
    problem = unusable
    if missing and not problem:
        problem = _("Files the server lists are missing from the download: {names}.").format(names=_names(missing))
    elif extra and not problem:
        problem = _("The download holds files the server does not list: {names}.").format(names=_names(extra))
    return TrainReview(train, files, digest.hexdigest(), server_hash, problem)


def _names(paths: list[str]) -> str:
    return ", ".join(printable(path, 200) for path in paths)


def sign_reviewed(client: CentralClient, review: TrainReview, private_key: PrivateKey) -> api.Train:
    if not review.matches:
        raise HashMismatch(
            review.problem
            or _(
                "The train's files hash to {computed_hash}…, not to the server's {server_hash}…; signing is refused."
            ).format(computed_hash=review.computed_hash[:16], server_hash=review.server_hash[:16])
        )
    return api.submit_signature(client, review.train.id, sign_train_hash_hex(private_key, review.server_hash))
