"""The new layer's upload, begun while the post-run is still writing it.

The post-run writes the layer tar once; instead of reading it back only after the commit
point, a thread streams it to the registry as it grows (one chunked PATCH, as the engines
upload blobs), and closes the upload with its digest once the post-run finished it. An
uploaded blob is invisible until a manifest names it, so nothing is pushed before the commit
point: `complete` (after it) uploads the config and puts the manifest. If the streamed upload
failed for any reason, `complete` uploads the finished file once more from the start
(`push_layer`), which also words every failure; a registry or base that the push client does
not handle raises `PushUnsupported` there, for the engine to push instead.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from desktop_app.core.i18n import _
from desktop_app.core.station.registry import RegistryCredentials, split_reference
from desktop_app.core.station.registry_push import (
    UPLOAD_PIECE,
    BaseImage,
    PushedImage,
    PushUnsupported,
    RegistryClient,
    finish_push,
    in_sentences,
    push_layer,
    read_base,
)

log = logging.getLogger(__name__)
JOIN_ON_ABORT = 5.0  # s an abandoned upload may take to let go of the layer file before it is removed


class _Abandoned(Exception):
    """The run ended before the push: the upload stops."""


class LayerUpload:
    def __init__(self, reference: str, credentials: RegistryCredentials | None) -> None:
        self.reference, self.credentials = reference, credentials
        self._changed = threading.Condition()
        self._written = 0
        self._digest = ""
        self._ended = False  # the writer finished the file, or the run gave it up
        self._abandoned = False
        self._registry: RegistryClient | None = None
        self._base: BaseImage | None = None
        self._failure: BaseException | None = None
        self._thread: threading.Thread | None = None

    # -- the writer's side (the post-run) --------------------------------------------------------

    def start(self, path: Path) -> None:
        path.touch()  # the thread opens it at once; the post-run writes into the same file
        self._thread = threading.Thread(target=self._run, args=(path,), name="layer-upload", daemon=True)
        self._thread.start()

    def grown(self, total: int) -> None:
        """`total` bytes of the layer are in the file now."""
        with self._changed:
            self._written = total
            self._changed.notify_all()

    def finish(self, digest: str) -> None:
        with self._changed:
            self._digest, self._ended = digest, True
            self._changed.notify_all()

    def abandon(self) -> None:
        """The run ends without a push: stop the upload and let go of the file."""
        with self._changed:
            self._abandoned = self._ended = True
            self._changed.notify_all()
        if self._thread is not None:
            self._thread.join(JOIN_ON_ABORT)

    # -- the upload thread -----------------------------------------------------------------------

    def _pieces(self, handle: BinaryIO) -> Iterator[bytes]:
        offset = 0
        while True:
            with self._changed:
                while self._written <= offset and not self._ended:
                    self._changed.wait()
                if self._abandoned:
                    raise _Abandoned()
                available = self._written - offset
            if available <= 0:
                return
            data = handle.read(min(available, UPLOAD_PIECE))
            if not data:
                raise OSError("The layer file is shorter than what was written into it.")
            offset += len(data)
            yield data

    def _run(self, path: Path) -> None:
        registry = None
        try:
            registry = RegistryClient(self.reference, self.credentials)
            registry.login()
            base = read_base(registry, split_reference(self.reference)[0])
            location = registry.start_upload(_("starting the layer's upload"))
            with path.open("rb") as handle:
                location = registry.send(location, self._pieces(handle), _("uploading the new layer"))
            registry.close_upload(location, self._digest, _("closing the layer's upload"))
            self._registry, self._base = registry, base
        except BaseException as exc:  # looked at by `complete`, after the commit point
            self._failure = exc
            if registry is not None:
                registry.close()

    # -- after the commit point ------------------------------------------------------------------

    def complete(
        self,
        layer: Path,
        layer_digest: str,
        command: list[str],
        station_id: str,
        on_config: Callable[[str], None] = lambda digest: None,
    ) -> PushedImage:
        """The config and the manifest (and the layer again, if its streamed upload failed)."""
        if self._thread is not None:
            self._thread.join()
        if isinstance(self._failure, PushUnsupported):
            raise self._failure
        if self._registry is None or self._base is None:
            log.info("The layer of %s goes up once more: %s", self.reference, self._failure)
            return push_layer(self.reference, layer, layer_digest, command, station_id, self.credentials, on_config)
        try:
            with in_sentences(self.reference, self.credentials):
                return finish_push(
                    self._registry, self._base, layer, layer_digest, command, station_id, on_config, False
                )
        finally:
            self._registry.close()
