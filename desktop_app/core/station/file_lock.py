"""An advisory lock on a file, between processes and within one (each holder opens the file
anew, so a second holder in the same process is refused as one in another process would be).

The lock goes with the process: if the app or the computer stops, nothing is left to clean up,
which is how the queue tells an interrupted run from a running one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

if os.name == "nt":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock(fd: int, wait: bool) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int, wait: bool) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path

    @contextlib.contextmanager
    def held(self, wait: bool = True) -> Iterator[bool]:
        """Hold the lock for the block; with `wait=False` the block gets False if another holds it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            got = _lock(fd, wait)
            try:
                yield got
            finally:
                if got:
                    _unlock(fd)
        finally:
            os.close(fd)

    def taken_elsewhere(self) -> bool:
        """Whether some holder (another process, or another part of this one) has the lock now."""
        with self.held(wait=False) as got:
            return not got
