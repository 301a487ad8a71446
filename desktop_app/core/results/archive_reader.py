"""Reading a result archive safely: every member is checked before anything is decrypted.

Never extracted with tarfile: `tar_stream` reads the framing with every size checked first
(header, count and expansion limits are listed there). Allowed: `train_config.json` at the
top and regular files (plus their folders) under `pht_results/`. Anything else — absolute
paths, `..`, links, devices, duplicates, files elsewhere, control or format characters in a
name, names no file system stores — fails the whole archive with the reason. Plain tar (what
the central API sends), gzip, bzip2 and xz are accepted.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop_app.core.errors import UsageError
from desktop_app.core.i18n import _
from desktop_app.core.protocol.train_config import TrainConfig, TrainConfigError
from desktop_app.core.results.errors import UnsafeArchive
from desktop_app.core.results.member_names import claim_name, member_name, normalised_parts, refuse_file_as_folder
from desktop_app.core.results.tar_stream import TarEntry, TarSource, read_entries

CONFIG_NAME = "train_config.json"
RESULTS_DIR = "pht_results"
MAX_CONFIG_SIZE = 16 << 20


@dataclass(frozen=True)
class ResultMember:
    name: str  # path below pht_results/, e.g. "model/w.bin"
    entry: TarEntry

    @property
    def size(self) -> int:
        return self.entry.size


def check_archive_path(path: Path) -> None:
    """A wrong argument (no such file, a folder) is a usage error, not a bad archive."""
    if not path.is_file():
        if path.is_dir():
            what = _("is a folder, not an archive file")
        else:
            what = _("is not a regular file") if path.exists() else _("does not exist")
        raise UsageError(_("The archive {path} {what}.").format(path=path, what=what))


class ResultArchive:
    """An opened, checked result archive. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        check_archive_path(path)
        try:
            self._source = TarSource(path)
        except OSError as exc:
            raise UnsafeArchive(
                _("{name} cannot be read ({reason}).").format(name=path.name, reason=exc.strerror or exc)
            ) from exc
        try:
            self.config, self.members = self._check_members()
        except BaseException:
            self._source.close()
            raise

    def __enter__(self) -> ResultArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._source.close()

    @property
    def total_bytes(self) -> int:
        return sum(member.size for member in self.members)

    def _check_members(self) -> tuple[TrainConfig, list[ResultMember]]:
        seen: dict[str, str] = {}
        config_data: bytes | None = None
        members: list[ResultMember] = []
        for entry in read_entries(self._source):
            raw = member_name(entry)
            parts = normalised_parts(raw)
            if not parts:
                continue  # "." itself
            name = "/".join(parts)
            if entry.is_dir:
                if parts[0] != RESULTS_DIR:
                    raise UnsafeArchive(_("The archive holds an unexpected folder {raw!r}.").format(raw=raw))
                continue
            claim_name(seen, name)
            if name == CONFIG_NAME:
                if entry.size > MAX_CONFIG_SIZE:
                    raise UnsafeArchive(_("The archive's train_config.json is implausibly large."))
                config_data = self._source.read(entry.size)
                if len(config_data) < entry.size:
                    raise UnsafeArchive(_("The archive is truncated: it ends inside train_config.json."))
            elif parts[0] == RESULTS_DIR and len(parts) > 1:
                members.append(ResultMember("/".join(parts[1:]), entry))
            else:
                raise UnsafeArchive(
                    _("The archive holds {raw!r}, which is neither train_config.json nor a result.").format(raw=raw)
                )
        refuse_file_as_folder(member.name for member in members)
        if config_data is None:
            raise UnsafeArchive(_("The archive has no train_config.json; it is not a PHT result archive."))
        try:
            config = TrainConfig.from_json_bytes(config_data)
        except TrainConfigError as exc:
            raise UnsafeArchive(str(exc)) from exc
        return config, members

    def open_member(self, member: ResultMember) -> BinaryIO:
        """The member's data as a stream of exactly its declared size (members read in archive
        order cost one pass over a compressed archive; going back restarts it)."""
        return _MemberStream(self._source, member.entry.offset, member.size)


class _MemberStream(io.RawIOBase):
    """A window onto the archive's tar stream: `size` bytes from `offset`, then EOF."""

    def __init__(self, source: TarSource, offset: int, size: int) -> None:
        super().__init__()
        self._source, self._position, self._end = source, offset, offset + size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        wanted = min(len(buffer), self._end - self._position)
        if wanted <= 0:
            return 0
        self._source.seek(self._position)
        count = self._source.readinto(memoryview(buffer).cast("B")[:wanted])
        self._position += count
        return count
