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
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from desktop_app.core.errors import UsageError
from desktop_app.core.i18n import _
from desktop_app.core.protocol.train_config import TrainConfig, TrainConfigError
from desktop_app.core.results.errors import UnsafeArchive
from desktop_app.core.results.tar_stream import TarEntry, TarSource, read_entries

CONFIG_NAME = "train_config.json"
RESULTS_DIR = "pht_results"
MAX_CONFIG_SIZE = 16 << 20
# Linux stores 255 bytes per name; a result set nested deeper or named longer is not one.
MAX_PART_BYTES, MAX_NAME_BYTES, MAX_DEPTH = 255, 1024, 64
# Characters a name must not hold: controls (C0, DEL, C1 such as CSI), format characters
# (bidi overrides that show "invoice\u202efdp.exe" as "invoiceexe.pdf", zero-width ones),
# line and paragraph separators, and lone surrogates.
FORBIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}


@dataclass(frozen=True)
class ResultMember:
    name: str  # path below pht_results/, e.g. "model/w.bin"
    entry: TarEntry

    @property
    def size(self) -> int:
        return self.entry.size


WINDOWS = os.name == "nt"
WINDOWS_FORBIDDEN = set('<>:"|?*')
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{i}" for d in ("COM", "LPT") for i in range(1, 10)}


def check_archive_path(path: Path) -> None:
    """A wrong argument (no such file, a folder) is a usage error, not a bad archive."""
    if not path.is_file():
        if path.is_dir():
            what = _("is a folder, not an archive file")
        else:
            what = _("is not a regular file") if path.exists() else _("does not exist")
        raise UsageError(_("The archive {path} {what}.").format(path=path, what=what))


def _decoded(entry: TarEntry) -> str:
    try:
        return entry.name.decode("utf-8")
    except UnicodeDecodeError as exc:
        shown = entry.name.decode("utf-8", "backslashreplace")
        raise UnsafeArchive(
            _("The archive holds a name that is not valid UTF-8 ({shown!r}).").format(shown=shown)
        ) from exc


def _normalised_parts(raw: str, windows: bool = WINDOWS) -> tuple[str, ...]:
    if raw.startswith(("/", "\\")) or (len(raw) > 1 and raw[1] == ":"):
        raise UnsafeArchive(_("The archive holds an absolute path ({raw!r}); it is refused as unsafe.").format(raw=raw))
    if "\\" in raw or any(unicodedata.category(c) in FORBIDDEN_CATEGORIES for c in raw):
        raise UnsafeArchive(_("The archive holds a member with a forbidden character ({raw!r}).").format(raw=raw))
    parts = tuple(part for part in PurePosixPath(raw).parts if part != ".")
    if ".." in parts:
        raise UnsafeArchive(
            _("The archive holds a path that leaves its folder ({raw!r}); it is refused as unsafe.").format(raw=raw)
        )
    if len(raw.encode("utf-8")) > MAX_NAME_BYTES:
        raise UnsafeArchive(
            _("The archive holds a name longer than {max_name_bytes:,} bytes ({raw!r}…).").format(
                max_name_bytes=MAX_NAME_BYTES, raw=raw[:60]
            )
        )
    if len(parts) > MAX_DEPTH:
        raise UnsafeArchive(
            _("The archive holds a file nested more than {max_depth} folders deep ({raw!r}…).").format(
                max_depth=MAX_DEPTH, raw=raw[:60]
            )
        )
    if any(len(part.encode("utf-8")) > MAX_PART_BYTES for part in parts):
        raise UnsafeArchive(
            _(
                "The archive holds a name with a part longer than {max_part_bytes} bytes ({raw!r}…), "
                "which no common file system stores."
            ).format(max_part_bytes=MAX_PART_BYTES, raw=raw[:60])
        )
    if windows:  # names Windows would reinterpret (streams, devices, dropped trailing dots)
        for part in parts:
            if (
                WINDOWS_FORBIDDEN & set(part)
                or part.endswith((".", " "))
                or part.split(".")[0].upper() in WINDOWS_DEVICES
            ):
                raise UnsafeArchive(_("The archive holds {raw!r}, a name Windows cannot store safely.").format(raw=raw))
    return parts


def _same_on_disk(name: str) -> str:
    """Case-insensitive, normalising file systems (macOS, Windows) see these names as one."""
    return unicodedata.normalize("NFC", name).casefold()


def claim_name(seen: dict[str, str], name: str) -> None:
    """Add a member's name to those `seen` (keyed as a disk sees them); a name that is there
    already, or one that a disk would take for it, makes the archive ambiguous."""
    earlier = seen.get(_same_on_disk(name))
    if earlier == name:
        raise UnsafeArchive(_("The archive holds {name!r} twice; it is refused as ambiguous.").format(name=name))
    if earlier is not None:
        raise UnsafeArchive(
            _(
                "The archive holds {earlier!r} and {name!r}, which differ only in letter case or "
                "accents and would overwrite each other on many systems."
            ).format(earlier=earlier, name=name)
        )
    seen[_same_on_disk(name)] = name


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
            raw = _decoded(entry)
            parts = _normalised_parts(raw)
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
        file_names = {_same_on_disk(m.name) for m in members}
        for member in members:
            for parent in PurePosixPath(member.name).parents:
                if _same_on_disk(str(parent)) in file_names:
                    raise UnsafeArchive(
                        _("The archive holds {parent!r} both as a file and as a folder.").format(parent=str(parent))
                    )
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
