"""Pushing a processed train by uploading its one new layer, as built, to the registry.

The engine's own push would read the committed image back out of its storage, tar the new
layer a second time and gzip it (on random-looking ciphertext: slow, and it gains nothing).
Here the layer tar the post-run wrote is the blob, uncompressed; the base's layers are already
in the repository (its `:base` tag), so only the new layer, a new image config and the
manifest travel (OCI distribution API):

1. the `:base` manifest and config are read from the registry;
2. the config gets the new layer's diff id, the train's command and a history entry;
3. the layer and the config are uploaded as blobs (the registry checks their SHA-256);
4. the manifest (OCI, the base's layers followed by the new one) is put under the train's tag:
   only now is anything visible under a tag.

Credentials go only to the registry the station's settings name (`RegistryCredentials`), as
Basic or as a bearer token from the registry's token service (Harbor's way). A registry on a
loopback address is spoken to over plain HTTP (as the engines do by default), any other over
HTTPS. What this client cannot do (a base that is a multi-platform index or an old schema,
Docker Hub, a registry it cannot reach that the engine may know better) raises
`PushUnsupported` before anything is uploaded, and the runner lets the engine push instead.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from desktop_app.core.i18n import _
from desktop_app.core.net import is_loopback, os_trust_store
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.registry import RegistryCredentials, split_reference
from desktop_app.core.station.registry_auth import basic_authorization, bearer_authorization, parse_challenge
from desktop_app.core.station.registry_host import DOCKER_HUB, reference_registry
from desktop_app.core.station.train_log import clean_line

OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER = "application/vnd.oci.image.layer.v1.tar"
DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json"
# Asked for too, so that a registry answers with what it has, and a base that is one is refused clearly.
INDEX_TYPES = ("application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json")
# The base's layers keep their bytes and digests; only the media type says the same in OCI words.
LAYER_TYPES = {
    "application/vnd.docker.image.rootfs.diff.tar.gzip": "application/vnd.oci.image.layer.v1.tar+gzip",
    "application/vnd.docker.image.rootfs.diff.tar": OCI_LAYER,
    "application/vnd.docker.image.rootfs.diff.tar.zstd": "application/vnd.oci.image.layer.v1.tar+zstd",
    "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip": (
        "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"
    ),
}
TIMEOUT = httpx.Timeout(120.0, connect=30.0)
UPLOAD_PIECE = 1 << 20
# Set (to anything): every push is the engine's own, of the committed image (gzipped layers, the
# engine's manifest), for a next station whose engine does not take what this client pushes.
ENGINE_PUSH_VARIABLE = "PHT_STATION_ENGINE_PUSH"


class PushUnsupported(StationError):
    """This client cannot push to that registry or onto that base; the engine may."""


class _Missing(StationError):
    """The registry answered 404."""


@dataclass(frozen=True)
class PushedImage:
    config_digest: str  # the image id an engine shows once it pulled the pushed train
    manifest_digest: str


class RegistryClient:
    """One repository on one registry, with its authorization worked out on first contact."""

    def __init__(self, reference: str, credentials: RegistryCredentials | None) -> None:
        if os.environ.get(ENGINE_PUSH_VARIABLE):
            raise PushUnsupported(f"{ENGINE_PUSH_VARIABLE} is set: the engine pushes.")
        repository, self.tag = split_reference(reference)
        host = reference_registry(reference)
        if host is None or host.host == DOCKER_HUB or "/" not in repository:
            raise PushUnsupported(f"{reference} does not name a registry this station pushes to itself.")
        authority, self.name = repository.split("/", 1)
        scheme = "http" if is_loopback(host.host) else "https"
        self.base = f"{scheme}://{authority}"
        self.auth = credentials.for_reference(reference) if credentials else None
        self.client = httpx.Client(timeout=TIMEOUT, verify=os_trust_store() if scheme == "https" else False)
        self.headers: dict[str, str] = {}

    def close(self) -> None:
        self.client.close()

    def login(self) -> None:
        """Ask `/v2/`; on a 401, get the Basic or bearer authorization its challenge asks for."""
        try:
            answer = self.client.get(f"{self.base}/v2/")
        except httpx.TransportError as exc:  # unreachable, or TLS where the engine may know better
            raise PushUnsupported(f"The registry at {self.base} did not answer ({exc}).") from exc
        if answer.status_code != 401:
            return
        scheme, fields = parse_challenge(answer.headers.get("www-authenticate", ""))
        if scheme == "basic":
            if self.auth:
                self.headers["Authorization"] = basic_authorization(self.auth)
            return
        if scheme != "bearer":
            raise PushUnsupported(f"The registry asks for an unknown kind of sign-in ({scheme}).")
        query = {"service": fields.get("service", ""), "scope": f"repository:{self.name}:pull,push"}
        realm = fields.get("realm", "")
        # The password goes to a token service on the registry's own host only (Harbor's is).
        own_host = urlsplit(realm).hostname == urlsplit(self.base).hostname
        basic = httpx.BasicAuth(self.auth["username"], self.auth["password"]) if self.auth and own_host else None
        token = self._check(self.client.get(realm, params=query, auth=basic), _("signing in"))
        authorization = bearer_authorization(token.json())
        if authorization is None:
            raise StationError(_("The registry's token service gave no token."))
        self.headers["Authorization"] = authorization

    def _check(self, answer: httpx.Response, what: str) -> httpx.Response:
        if answer.status_code < 400:
            return answer
        try:
            errors = answer.json().get("errors") or []
            reason = "; ".join(f"{e.get('code', '')} {e.get('message', '')}".strip() for e in errors)
        except (ValueError, AttributeError):
            reason = ""
        error = _Missing if answer.status_code == 404 else StationError
        raise error(
            _("{status} {reason} while {what}").format(
                status=answer.status_code, reason=reason or answer.reason_phrase, what=what
            )
        )

    def get(self, path: str, what: str, accept: str = "") -> httpx.Response:
        headers = {**self.headers, **({"Accept": accept} if accept else {})}
        # A blob may be served from elsewhere (a registry on S3 redirects): the client drops the
        # Authorization header on a redirect to another host.
        url = f"{self.base}/v2/{self.name}/{path}"
        return self._check(self.client.get(url, headers=headers, follow_redirects=True), what)

    def upload(self, digest: str, size: int, body, what: str) -> None:
        location = self.start_upload(what)
        separator = "&" if "?" in location else "?"
        headers = {**self.headers, "Content-Type": "application/octet-stream", "Content-Length": str(size)}
        self._check(self.client.put(f"{location}{separator}digest={digest}", content=body, headers=headers), what)

    def start_upload(self, what: str) -> str:
        started = self._check(
            self.client.post(f"{self.base}/v2/{self.name}/blobs/uploads/", headers=self.headers), what
        )
        return urljoin(f"{self.base}/", started.headers["location"])

    def send(self, location: str, pieces: Iterator[bytes], what: str) -> str:
        """Stream `pieces` into the upload at `location` (one chunked PATCH); returns where it goes on."""
        headers = {**self.headers, "Content-Type": "application/octet-stream"}
        answer = self._check(self.client.patch(location, content=pieces, headers=headers), what)
        return urljoin(f"{self.base}/", answer.headers["location"])

    def close_upload(self, location: str, digest: str, what: str) -> None:
        separator = "&" if "?" in location else "?"
        headers = {**self.headers, "Content-Length": "0"}
        self._check(self.client.put(f"{location}{separator}digest={digest}", headers=headers), what)

    def put_manifest(self, manifest: bytes, media_type: str) -> None:
        headers = {**self.headers, "Content-Type": media_type}
        url = f"{self.base}/v2/{self.name}/manifests/{self.tag}"
        self._check(self.client.put(url, content=manifest, headers=headers), _("writing the manifest"))


def _base_manifest(registry: RegistryClient, repository: str) -> dict:
    accept = ", ".join((OCI_MANIFEST, DOCKER_MANIFEST, *INDEX_TYPES))
    try:
        answer = registry.get("manifests/base", _("reading {image}").format(image=f"{repository}:base"), accept)
    except _Missing as exc:  # a run that did not pull: the engine pushes the base's layers too
        raise PushUnsupported(f"The registry has no {repository}:base to push onto.") from exc
    manifest = answer.json()
    media_type = manifest.get("mediaType") or answer.headers.get("content-type", "").split(";")[0]
    if media_type not in (OCI_MANIFEST, DOCKER_MANIFEST) or manifest.get("schemaVersion") != 2:
        raise PushUnsupported(f"{repository}:base is not a single-platform image manifest ({media_type}).")
    layers = []
    for layer in manifest.get("layers") or []:
        kind = layer.get("mediaType", "")
        if kind not in LAYER_TYPES and not kind.startswith("application/vnd.oci.image.layer."):
            raise PushUnsupported(f"{repository}:base has a layer of an unknown kind ({kind}).")
        layers.append({**layer, "mediaType": LAYER_TYPES.get(kind, kind)})
    return {**manifest, "layers": layers}


def _new_config(base: dict, layer_digest: str, command: list[str], station_id: str) -> bytes:
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    config = dict(base)
    config["created"] = now
    config["config"] = {**(base.get("config") or {}), "Cmd": command}
    rootfs = dict(base.get("rootfs") or {"type": "layers"})
    rootfs["diff_ids"] = [*(rootfs.get("diff_ids") or []), layer_digest]
    config["rootfs"] = rootfs
    entry = {"created": now, "created_by": f"PHT station {station_id}: encrypted results and train files"}
    config["history"] = [*(base.get("history") or []), entry]
    return json.dumps(config, separators=(",", ":")).encode()


@dataclass
class BaseImage:
    layers: list[dict]
    config: dict


def read_base(registry: RegistryClient, repository: str) -> BaseImage:
    manifest = _base_manifest(registry, repository)
    config = registry.get(f"blobs/{manifest['config']['digest']}", _("reading the base's configuration")).json()
    return BaseImage(manifest["layers"], config)


def _upload_file(registry: RegistryClient, layer: Path, layer_digest: str) -> None:
    with layer.open("rb") as body:
        # In pieces of 1 MiB: handed the file itself, the client would read it 64 KiB at a time.
        pieces = iter(functools.partial(body.read, UPLOAD_PIECE), b"")
        registry.upload(layer_digest, layer.stat().st_size, pieces, _("uploading the new layer"))


def finish_push(
    registry: RegistryClient,
    base: BaseImage,
    layer: Path,
    layer_digest: str,
    command: list[str],
    station_id: str,
    on_config: Callable[[str], None],
    upload_layer: bool,
) -> PushedImage:
    """The config (and the layer, unless it is up already), then the manifest that makes them the train."""
    config = _new_config(base.config, layer_digest, command, station_id)
    config_digest = f"sha256:{hashlib.sha256(config).hexdigest()}"
    on_config(config_digest)
    if upload_layer:
        _upload_file(registry, layer, layer_digest)
    registry.upload(config_digest, len(config), config, _("uploading the image configuration"))
    manifest = {
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "config": {"mediaType": OCI_CONFIG, "digest": config_digest, "size": len(config)},
        "layers": [*base.layers, {"mediaType": OCI_LAYER, "digest": layer_digest, "size": layer.stat().st_size}],
    }
    manifest_bytes = json.dumps(manifest, separators=(",", ":")).encode()
    registry.put_manifest(manifest_bytes, OCI_MANIFEST)
    return PushedImage(config_digest, f"sha256:{hashlib.sha256(manifest_bytes).hexdigest()}")


@contextlib.contextmanager
def in_sentences(reference: str, credentials: RegistryCredentials | None) -> Iterator[None]:
    """Whatever goes wrong talking to the registry, as one sentence about the push."""
    doing = _("Pushing {reference}").format(reference=reference)
    try:
        yield
    except PushUnsupported:
        raise
    except StationError as exc:
        note = credentials.withheld(reference) if credentials else ""  # why a password may have been missing
        reason = clean_line(str(exc))[:300]
        raise StationError(
            _("{doing} failed: the registry refused it ({reason}).").format(doing=doing, reason=reason) + note
        ) from exc
    except httpx.HTTPError as exc:
        reason = clean_line(str(exc) or type(exc).__name__)[:300]
        raise StationError(
            _("{doing} failed: the connection to the registry broke ({reason}).").format(doing=doing, reason=reason)
        ) from exc
    except (ValueError, KeyError, TypeError) as exc:  # an answer that is not the JSON it should be
        raise StationError(
            _("{doing} failed: the registry's answer could not be read ({exc}).").format(doing=doing, exc=exc)
        ) from exc


def push_layer(
    reference: str,
    layer: Path,
    layer_digest: str,
    command: list[str],
    station_id: str,
    credentials: RegistryCredentials | None = None,
    on_config: Callable[[str], None] = lambda digest: None,
) -> PushedImage:
    """Push `reference` as its repository's `:base` plus the layer tar `layer` (digest `layer_digest`).

    `on_config` gets the new image's config digest (its image id) before the upload starts.
    Raises PushUnsupported before anything is uploaded, or StationError saying what failed.
    """
    repository, _tag = split_reference(reference)
    registry = RegistryClient(reference, credentials)
    try:
        with in_sentences(reference, credentials):
            registry.login()
            base = read_base(registry, repository)
            return finish_push(registry, base, layer, layer_digest, command, station_id, on_config, True)
    finally:
        registry.close()
