"""What a train may use at this station: memory, CPU, processes, disk, results, time, and the
user it runs as. Every limit has a default that holds unless the station says otherwise (in
its settings); 0 (or None) switches one off.

Train code is foreign code. Without these, one train could fork until the host's process table
is full, fill the engine's disk through its writable layer, or hand back results larger than
the station can store and re-encrypt, and it would run as root inside its container.

How each is enforced (seen on Podman 4.3, cgroup v1, overlay on ext4; Docker has the same
options):
- memory, CPUs, processes: the engine's cgroup limits (`mem_limit`, `nano_cpus`, `pids_limit`);
- the writable layer: engines can cap it only on overlay over XFS with project quotas
  (`--storage-opt size`, refused here), so the run's watchdog asks the engine for the
  container's size every few seconds and stops the train when it is over (a train writing
  fast may exceed the limit by what it writes between two looks);
- results: counted while `/opt/pht_results` is copied out of the container, refused when over;
- the user: `UID:GID` numbers, not names (an image's `/etc/passwd` is the train's to write).
  The train's folders (`/opt/pht_train`, `/opt/pht_results`) are given to that user before
  the run, and `HOME` points at `/tmp`, so that ordinary trains still run; `image` keeps the
  image's own user (as the reference station does: usually root).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.station.errors import StationError

DEFAULT_MEMORY_MIB = 4096
DEFAULT_PIDS = 1024
DEFAULT_DISK_MIB = 10240  # the container's writable layer, results included
DEFAULT_RESULTS_MIB = 4096
DEFAULT_USER = "65534:65534"  # nobody:nogroup on Debian and most images
IMAGE_USER = "image"  # run as the image's own user


@dataclass(frozen=True)
class RunLimits:
    memory_mib: int | None = DEFAULT_MEMORY_MIB
    cpus: float | None = None
    wall_clock_seconds: int = 3600
    pids: int | None = DEFAULT_PIDS
    disk_mib: int | None = DEFAULT_DISK_MIB
    results_mib: int | None = DEFAULT_RESULTS_MIB
    user: str = DEFAULT_USER  # "UID:GID", or IMAGE_USER
    # What a run's request may add (the reference station's `env` and `volumes`, the Airflow DAG):
    # (name, value) pairs for the train's environment, and (host folder, path inside) pairs
    # mounted read-only like the data folders. Tuples, so that the limits stay immutable.
    environment: tuple[tuple[str, str], ...] = ()
    binds: tuple[tuple[str, str], ...] = ()

    @property
    def owner(self) -> tuple[int, int] | None:
        """(uid, gid) the train runs as, or None for the image's own user."""
        return parse_user(self.user)

    @property
    def disk_bytes(self) -> int | None:
        return self.disk_mib << 20 if self.disk_mib else None

    @property
    def results_bytes(self) -> int | None:
        return self.results_mib << 20 if self.results_mib else None


def parse_user(value: str) -> tuple[int, int] | None:
    """`UID:GID` or `UID` (then GID = UID) → numbers; `image` → None; ValueError otherwise."""
    text = value.strip()
    if text == IMAGE_USER:
        return None
    uid, colon, gid = text.partition(":")
    gid = gid if colon else uid
    if not (uid.isdecimal() and gid.isdecimal()) or not (int(uid) < 2**31 and int(gid) < 2**31):
        raise ValueError(f"{value!r} is not UID:GID (numbers) or {IMAGE_USER!r}")
    return int(uid), int(gid)


def user_value(value: str) -> str:
    """The canonical form stored in the settings: `UID:GID` or `image`; ValueError otherwise."""
    owner = parse_user(value)
    return IMAGE_USER if owner is None else f"{owner[0]}:{owner[1]}"


def _can_read(mode: int, uid: int, gid: int, owner: tuple[int, int], need: int) -> bool:
    """Whether `owner` has the `need` bits (r, x as 4, 1) on a file with `mode`, `uid`, `gid`."""
    if owner[0] == 0:
        return True
    shift = 6 if uid == owner[0] else 3 if gid == owner[1] else 0
    return (mode >> shift) & need == need


def check_data_readable(folders: list[Path], owner: tuple[int, int] | None) -> None:
    """StationError naming the first data file or folder the train's user could not read.

    Without this, a train running as a non-root user meets "Permission denied" deep in its own
    log. Host ids are compared as the engine sees them without a user namespace (Docker, and
    Podman run as root); a rootless engine maps them, and then only "others" bits are certain.
    """
    if owner is None or owner[0] == 0:
        return
    for folder in folders:
        _check_readable(folder, folder, owner)
        for root, dirs, files in os.walk(folder):
            for name in (*dirs, *files):
                _check_readable(Path(root) / name, folder, owner)


def _check_readable(path: Path, folder: Path, owner: tuple[int, int]) -> None:
    try:
        info = path.stat()
    except OSError:
        return  # a dangling link: the train finds nothing there either
    need = 5 if stat.S_ISDIR(info.st_mode) else 4  # a folder must be listed and entered
    if not _can_read(info.st_mode, info.st_uid, info.st_gid, owner, need):
        raise StationError(
            f"Trains run as user {owner[0]}:{owner[1]}, which cannot read {path} in the data folder "
            f"{folder}. Make the data readable to that user (for example through its group), or "
            "choose another user for trains in the station's settings."
        )
