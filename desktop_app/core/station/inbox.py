"""The station's inbox: the train images in its registry project, each with its train id and
where this station is on its route, read from the registry (registry_api.py, image_config.py)
without pulling anything.

A train is *waiting* for this station when the station is on its route, every earlier stop has
signed and this station has not. The others are listed with why they are not waiting (another
station's turn first, already run here, not on the route, not readable as a train); the `:base`
tag is the clean base the runner rebases onto (PROTOCOL.md), never a train of its own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import N_, _
from desktop_app.core.progress import CancelToken, Progress
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.station.image_config import (
    ImageConfigError,
    Layer,
    chosen_platform,
    is_index,
    layers,
    parse_manifest,
    train_config_from_layers,
)
from desktop_app.core.station.registry import RegistryCredentials
from desktop_app.core.station.registry_api import RegistryAddress, RegistryAPI, RegistryMissing

BASE_TAG = "base"
WAITING, LATER, DONE, NOT_ON_ROUTE, UNREADABLE = "waiting", "later", "done", "not on route", "unreadable"
STATUS_WORDS = {
    WAITING: N_("waiting for this station"),
    LATER: N_("another station's turn first"),
    DONE: N_("already run here"),
    NOT_ON_ROUTE: N_("not on its route"),
    UNREADABLE: N_("not readable as a train"),
}


@dataclass(frozen=True)
class InboxTrain:
    reference: str  # host[:port]/repository:tag, as the runner pulls it
    digest: str  # the manifest's digest: what the registry held when listed
    status: str  # one of the constants above
    train_id: str = ""
    position: int | None = None  # this station's index on the route
    route: tuple[str, ...] = ()  # the stations, in route order
    signed: int = 0  # how many stops have signed
    detail: str = ""  # for "later": whose turn; for "unreadable": why

    @property
    def waiting(self) -> bool:
        return self.status == WAITING

    def as_dict(self) -> dict:
        return {**asdict(self), "route": list(self.route)}


@dataclass
class Inbox:
    registry: str
    project: str
    trains: list[InboxTrain] = field(default_factory=list)

    @property
    def waiting(self) -> list[InboxTrain]:
        return [train for train in self.trains if train.waiting]


def placement(config: TrainConfig, station_id: str) -> dict:
    """Where `station_id` stands on the train's route: status, position, route, signed, detail."""
    try:
        route = config.route
        stations = tuple(stop.station for stop in route)
        signed = [stop for stop in route if stop.signature is not None]
        stop = config.stop_for(station_id)
        found = {"train_id": config.train_id, "route": stations, "signed": len(signed)}
        if stop is None:
            return {**found, "status": NOT_ON_ROUTE}
        found["position"] = stop.index
        if stop.signature is not None:
            return {**found, "status": DONE}
        before = [s.station for s in route if s.index < stop.index and s.signature is None]
        if before:
            detail = _("first {stations}").format(stations=", ".join(before))
            return {**found, "status": LATER, "detail": detail}
        return {**found, "status": WAITING}
    except PHTError as exc:
        return {"status": UNREADABLE, "detail": str(exc)}


def read_train(api: RegistryAPI, repository: str, tag: str, station_id: str, cancel: CancelToken | None = None):
    """One image of the registry as the inbox shows it; a train that cannot be read says why."""
    reference = f"{api.address.host}/{repository}:{tag}"
    digest = ""
    try:
        body, _type, digest = api.manifest(repository, tag)
        digest = digest or f"sha256:{hashlib.sha256(body).hexdigest()}"  # the tag's own, before any index
        document = parse_manifest(body)
        if is_index(document):
            body, _type, _digest = api.manifest(repository, chosen_platform(document))
            document = parse_manifest(body)

        @contextmanager
        def open_layer(layer: Layer):
            with api.blob_stream(repository, layer.digest) as chunks:
                yield chunks

        check = cancel.raise_if_cancelled if cancel else (lambda: None)
        config = train_config_from_layers(layers(document), open_layer, check)
    except (ImageConfigError, RegistryMissing) as exc:  # a tag deleted since the listing is one train less
        return InboxTrain(reference, digest, UNREADABLE, detail=str(exc))
    return InboxTrain(reference, digest, **placement(config, station_id))


def list_inbox(
    registry_setting: str,
    station_id: str,
    credentials: RegistryCredentials | None = None,
    progress: Callable[[Progress], None] = lambda p: None,
    cancel: CancelToken | None = None,
) -> Inbox:
    """Every train image of the station's registry project, read one after the other.

    A registry that cannot be reached or answers nonsense raises a StationError (one sentence);
    an image that is not a readable train is listed as such, and the others still are."""
    address = RegistryAddress.parse(registry_setting)
    inbox = Inbox(address.host, address.project)
    with RegistryAPI(address, credentials) as api:
        images: list[tuple[str, str]] = []
        for repository in api.repositories():
            try:
                images += [(repository, tag) for tag in api.tags(repository) if tag != BASE_TAG]
            except RegistryMissing as exc:  # the catalog still names a repository that was deleted
                inbox.trains.append(InboxTrain(f"{address.host}/{repository}", "", UNREADABLE, detail=str(exc)))
        for done, (repository, tag) in enumerate(images):
            if cancel:
                cancel.raise_if_cancelled()
            progress(Progress(done, len(images), f"{repository}:{tag}", unit="images"))
            inbox.trains.append(read_train(api, repository, tag, station_id, cancel))
        progress(Progress(len(images), len(images), "", unit="images"))
    order = {WAITING: 0, LATER: 1, DONE: 2, NOT_ON_ROUTE: 3, UNREADABLE: 4}
    inbox.trains.sort(key=lambda train: (order[train.status], train.reference))
    return inbox


def describe(train: InboxTrain) -> str:
    """One line for a person: what it is and whether it waits for this station."""
    words = _(STATUS_WORDS[train.status])
    where = f", stop {train.position} of {len(train.route)}" if train.position is not None else ""
    detail = f" ({train.detail})" if train.detail else ""
    return f"{train.train_id or '—'}{where}: {words}{detail}"


def digest_lookup(registry_setting: str, credentials: RegistryCredentials | None) -> Callable[[str], str]:
    """`digest_of` for the queue: an image's manifest digest as the station's registry holds it
    now; "" for an image of another registry (whose host gets no request, let alone credentials)."""
    from desktop_app.core.station.registry import split_reference
    from desktop_app.core.station.registry_host import configured_registry, reference_registry

    def digest_of(reference: str) -> str:
        try:
            address = RegistryAddress.parse(registry_setting)
            named = reference_registry(reference)
            if named is None or not named.may_reach(configured_registry(registry_setting)):
                return ""
        except (PHTError, ValueError):
            return ""
        repository, tag = split_reference(reference)
        with RegistryAPI(address, credentials) as api:
            return api.manifest_digest(repository.split("/", 1)[1], tag)

    return digest_of
