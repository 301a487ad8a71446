"""Reading a result archive safely: every member is checked before anything is decrypted.

Never extracted with tarfile's own extractors. Allowed: `train_config.json` at the top and
regular files (plus their folders) under `pht_results/`. Anything else — absolute paths,
`..`, links, devices, duplicates, files elsewhere — fails the whole archive with the reason.
Plain tar (what the central API sends) and gzip are both accepted.
"""

from __future__ import annotations

import os
import tarfile
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from desktop_app.core.errors import UsageError
from desktop_app.core.protocol.train_config import TrainConfig, TrainConfigError
from desktop_app.core.results.errors import UnsafeArchive

CONFIG_NAME = "train_config.json"
RESULTS_DIR = "pht_results"
MAX_CONFIG_SIZE = 16 << 20


@dataclass(frozen=True)
class ResultMember:
    name: str  # path below pht_results/, e.g. "model/w.bin"
    info: tarfile.TarInfo

    @property
    def size(self) -> int:
        return self.info.size


WINDOWS = os.name == "nt"
WINDOWS_FORBIDDEN = set('<>:"|?*')
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{i}" for d in ("COM", "LPT") for i in range(1, 10)}


def _normalised_parts(info: tarfile.TarInfo, windows: bool = WINDOWS) -> tuple[str, ...]:
    raw = info.name
    if raw.startswith(("/", "\\")) or (len(raw) > 1 and raw[1] == ":"):
        raise UnsafeArchive(f"The archive holds an absolute path ({raw!r}); it is refused as unsafe.")
    if "\\" in raw or any(ord(c) < 32 for c in raw):
        raise UnsafeArchive(f"The archive holds a member with a forbidden character ({raw!r}).")
    parts = tuple(part for part in PurePosixPath(raw).parts if part != ".")
    if ".." in parts:
        raise UnsafeArchive(
            f"The archive holds a path that leaves its folder ({raw!r}); it is refused as unsafe."
        )
    if windows:  # names Windows would reinterpret (streams, devices, dropped trailing dots)
        for part in parts:
            if (
                WINDOWS_FORBIDDEN & set(part)
                or part.endswith((".", " "))
                or part.split(".")[0].upper() in WINDOWS_DEVICES
            ):
                raise UnsafeArchive(f"The archive holds {raw!r}, a name Windows cannot store safely.")
    return parts


def _same_on_disk(name: str) -> str:
    """Case-insensitive, normalising file systems (macOS, Windows) see these names as one."""
    return unicodedata.normalize("NFC", name).casefold()


def _kind_problem(info: tarfile.TarInfo) -> str | None:
    if info.issym():
        return "a symbolic link"
    if info.islnk():
        return "a hard link"
    if info.ischr() or info.isblk():
        return "a device file"
    if info.isfifo():
        return "a named pipe"
    if info.issparse():
        return "a sparse file"
    if not (info.isreg() or info.isdir()):
        return "an unsupported member type"
    return None


class ResultArchive:
    """An opened, checked result archive. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():  # a wrong argument, not a bad archive
            what = "is a folder, not an archive file" if path.is_dir() else "does not exist"
            raise UsageError(f"The archive {path} {what}.")
        try:
            self._tar = tarfile.open(path, "r:*")  # noqa: SIM115 - closed by close()
        except (tarfile.TarError, EOFError, OSError, zlib.error) as exc:
            raise UnsafeArchive(f"{path.name} is not a readable tar archive ({exc}).") from exc
        try:
            self.config, self.members = self._check_members()
        except BaseException:
            self._tar.close()
            raise

    def __enter__(self) -> ResultArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._tar.close()

    @property
    def total_bytes(self) -> int:
        return sum(member.size for member in self.members)

    def _all_infos(self) -> list[tarfile.TarInfo]:
        try:
            infos = self._tar.getmembers()
        except (tarfile.TarError, EOFError, OSError, zlib.error) as exc:
            raise UnsafeArchive(f"The archive is truncated or damaged ({exc}).") from exc
        if not infos:
            raise UnsafeArchive("The archive is empty.")
        self._check_end_marker()
        with self.path.open("rb") as head:
            compressed = head.read(2) == b"\x1f\x8b"
        if not compressed:  # a cut gzip stream fails above; a cut plain tar can look complete
            size = self.path.stat().st_size
            last = max(infos, key=lambda i: i.offset_data)
            if last.offset_data + last.size > size:
                raise UnsafeArchive(
                    "The archive is truncated: its last member ends past the end of the file."
                )
        return infos

    def _check_end_marker(self) -> None:
        """tarfile stops silently at a cut or garbled header; a whole tar ends with zero blocks.

        Without this, an archive cut exactly between two members would read as complete.
        """
        fileobj = self._tar.fileobj
        try:
            fileobj.seek(self._tar.offset)
            block = fileobj.read(tarfile.BLOCKSIZE)
        except (EOFError, OSError, zlib.error) as exc:
            raise UnsafeArchive(f"The archive is truncated or damaged ({exc}).") from exc
        if len(block) < tarfile.BLOCKSIZE:
            raise UnsafeArchive("The archive is truncated: it ends before the tar end marker.")
        if block.count(0) != tarfile.BLOCKSIZE:
            raise UnsafeArchive("The archive is damaged: a member header is unreadable.")

    def _check_members(self) -> tuple[TrainConfig, list[ResultMember]]:
        seen: dict[str, str] = {}
        folders: set[str] = set()
        config_info: tarfile.TarInfo | None = None
        members: list[ResultMember] = []
        for info in self._all_infos():
            parts = _normalised_parts(info)
            if not parts:
                continue  # "." itself
            name = "/".join(parts)
            problem = _kind_problem(info)
            if problem:
                raise UnsafeArchive(f"The archive holds {problem} ({info.name!r}); it is refused as unsafe.")
            if info.isdir():
                if parts[0] != RESULTS_DIR:
                    raise UnsafeArchive(f"The archive holds an unexpected folder {info.name!r}.")
                folders.add(name)
                continue
            earlier = seen.get(_same_on_disk(name))
            if earlier == name:
                raise UnsafeArchive(f"The archive holds {name!r} twice; it is refused as ambiguous.")
            if earlier is not None:
                raise UnsafeArchive(
                    f"The archive holds {earlier!r} and {name!r}, which differ only in letter case or "
                    "accents and would overwrite each other on many systems."
                )
            seen[_same_on_disk(name)] = name
            if name == CONFIG_NAME:
                config_info = info
            elif parts[0] == RESULTS_DIR and len(parts) > 1:
                members.append(ResultMember("/".join(parts[1:]), info))
            else:
                raise UnsafeArchive(
                    f"The archive holds {info.name!r}, which is neither train_config.json nor a result."
                )
        file_names = {_same_on_disk(m.name) for m in members}
        for member in members:
            for parent in PurePosixPath(member.name).parents:
                if _same_on_disk(str(parent)) in file_names:
                    raise UnsafeArchive(f"The archive holds {parent} both as a file and as a folder.")
        if config_info is None:
            raise UnsafeArchive("The archive has no train_config.json; it is not a PHT result archive.")
        if config_info.size > MAX_CONFIG_SIZE:
            raise UnsafeArchive("The archive's train_config.json is implausibly large.")
        try:
            config = TrainConfig.from_json_bytes(self.read_member(config_info).read())
        except TrainConfigError as exc:
            raise UnsafeArchive(str(exc)) from exc
        return config, members

    def read_member(self, info: tarfile.TarInfo) -> BinaryIO:
        try:
            handle = self._tar.extractfile(info)
        except (tarfile.TarError, EOFError, OSError, zlib.error) as exc:
            raise UnsafeArchive(f"The archive is truncated or damaged ({exc}).") from exc
        assert handle is not None  # regular files only reach here
        return handle

    def open_member(self, member: ResultMember) -> BinaryIO:
        return self.read_member(member.info)
