"""Extracting a Federated Node result zip, refusing anything that could escape or exhaust.

The node zips a task's `results` folder (NETWORKS.md §3); the zip comes from a server we do not
control, so it is read as hostile. `zipfile` parses the central directory and inflates; every
rule below is checked on the whole listing *before* a byte is written:

- names: no absolute path, drive letter, `..`, backslash, colon, control character or NUL,
  no empty or `.` component, bounded length and depth;
- kinds: regular files and folders only — a symlink, device, FIFO or socket recorded in the
  Unix mode of the external attributes is refused;
- no two entries with the same path (compared case- and normalisation-insensitively, since the
  user's file system may be either), no file that is also a folder of another entry;
- no encrypted entry, only stored/deflate/bzip2/lzma compression;
- entry data must not overlap (the "non-recursive zip bomb" shares one compressed stream
  among many entries);
- limits (`ZipLimits`): number of entries, total declared size, per-entry compression ratio;
  and the declared total must fit the free space of the target's disk.

Extraction then writes into a fresh staging folder next to the target, checks every entry's
size and CRC as it inflates (a zip that lies about sizes fails there), and renames the staging
folder into place only when all is written: a refusal, a failure or a cancel leaves nothing.
"""

from __future__ import annotations

import itertools
import lzma
import os
import shutil
import stat
import struct
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from desktop_app.core.central.wording import printable
from desktop_app.core.federated_node.errors import UnsafeZip
from desktop_app.core.progress import CancelToken, Progress, ProgressCallback, no_progress

CHUNK = 1 << 20
MAX_NAME_CHARS = 1024
MAX_COMPONENT_BYTES = 255
MAX_DEPTH = 32
SUPPORTED_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
LOCAL_HEADER_SIZE = 30  # fixed part of a local file header; name and extra field follow
FORBIDDEN_CHARACTERS = set("\\:\x00")


@dataclass(frozen=True)
class ZipLimits:
    """What a result zip may hold. The defaults are far above any analysis output we know of
    (a few CSVs and plots) and far below what would fill a disk or hang the app."""

    max_entries: int = 10_000
    max_total_bytes: int = 20 << 30
    max_ratio: int = 200  # uncompressed / compressed, per entry
    ratio_floor: int = 1 << 20  # entries smaller than this are not held to the ratio: tiny files compress well
    free_space_margin: int = 64 << 20


@dataclass(frozen=True)
class ZipEntry:
    """One accepted entry: its path inside the zip (POSIX, relative) and what it is."""

    path: PurePosixPath
    is_dir: bool
    size: int
    info: zipfile.ZipInfo


@dataclass(frozen=True)
class Extracted:
    folder: Path
    files: tuple[PurePosixPath, ...]
    total_bytes: int


def _refuse(problem: str) -> UnsafeZip:
    return UnsafeZip(f"The result zip was refused, nothing was written: {problem}.")


def _entry_path(info: zipfile.ZipInfo) -> PurePosixPath:
    """The entry's relative path, or UnsafeZip saying why its name is not acceptable."""
    raw = info.orig_filename  # before zipfile cut it at a NUL
    shown = printable(raw, 120)
    if not raw or len(raw) > MAX_NAME_CHARS:
        raise _refuse(f"an entry has an empty or overlong name ({len(raw)} characters)")
    bad = FORBIDDEN_CHARACTERS.intersection(raw) or {c for c in raw if unicodedata.category(c) in ("Cc", "Cf", "Cs")}
    if raw[0] == "/" or (len(raw) > 1 and raw[1] == ":"):
        raise _refuse(f"the entry {shown!r} has an absolute path")
    if bad:
        raise _refuse(f"the entry {shown!r} has a character not allowed in a file name")
    parts = raw.rstrip("/").split("/") if info.is_dir() else raw.split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise _refuse(f"the entry {shown!r} has an empty, '.' or '..' path component")
    too_long = any(len(part.encode("utf-8", "surrogatepass")) > MAX_COMPONENT_BYTES for part in parts)
    if len(parts) > MAX_DEPTH or too_long:
        raise _refuse(f"the entry {shown!r} is nested too deeply or has an overlong name")
    return PurePosixPath(*parts)


def _kind_problem(info: zipfile.ZipInfo) -> str | None:
    """Why the entry is not a plain file or folder, from the Unix mode in its external attributes."""
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if kind in (0, stat.S_IFREG, stat.S_IFDIR):
        if kind == stat.S_IFDIR and not info.is_dir():
            return "is marked as a folder but named as a file"
        return None
    names = {stat.S_IFLNK: "a symbolic link", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device",
             stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket"}  # fmt: skip
    return f"is {names.get(kind, 'not a plain file')}"


def _key(path: PurePosixPath) -> str:
    """Two paths that one file system (case-insensitive, or normalising Unicode) may take for the same."""
    return unicodedata.normalize("NFC", str(path)).casefold()


def check_listing(archive: zipfile.ZipFile, limits: ZipLimits) -> list[ZipEntry]:
    """Every entry, checked against every rule; UnsafeZip at the first that breaks one."""
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise _refuse(f"it has {len(infos)} entries, more than the {limits.max_entries} allowed")
    entries: list[ZipEntry] = []
    seen: dict[str, bool] = {}  # key -> is a folder
    total = 0
    for info in infos:
        path = _entry_path(info)
        shown = printable(str(path), 120)
        problem = _kind_problem(info)
        if problem:
            raise _refuse(f"the entry {shown!r} {problem}")
        if info.flag_bits & 0x1:
            raise _refuse(f"the entry {shown!r} is encrypted")
        if info.compress_type not in SUPPORTED_METHODS:
            raise _refuse(f"the entry {shown!r} uses an unsupported compression method ({info.compress_type})")
        if info.is_dir() and info.file_size:
            raise _refuse(f"the folder entry {shown!r} declares {info.file_size} bytes of content")
        key = _key(path)
        if key in seen:
            raise _refuse(f"the path {shown!r} appears more than once")
        seen[key] = info.is_dir()
        total += info.file_size
        if total > limits.max_total_bytes:
            raise _refuse(f"its entries add up to more than {limits.max_total_bytes >> 20} MiB")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor and ratio > limits.max_ratio:
            raise _refuse(
                f"the entry {shown!r} would inflate {ratio:.0f}-fold, more than the {limits.max_ratio}-fold allowed"
            )
        entries.append(ZipEntry(path, info.is_dir(), info.file_size, info))
    _check_parents(entries, seen)
    _check_no_overlap(infos)
    return entries


def _check_parents(entries: list[ZipEntry], seen: dict[str, bool]) -> None:
    """No entry may sit below another entry that is a file ("a" a file and "a/b" too)."""
    for entry in entries:
        for parent in list(entry.path.parents)[:-1]:
            if seen.get(_key(parent)) is False:
                raise _refuse(f"{printable(str(parent), 120)!r} is both a file and a folder")


def _check_no_overlap(infos: list[zipfile.ZipInfo]) -> None:
    """Each entry's local header and data must end before the next entry's header begins."""
    ordered = sorted(infos, key=lambda info: info.header_offset)
    for current, following in itertools.pairwise(ordered):
        end = current.header_offset + LOCAL_HEADER_SIZE + len(current.orig_filename) + current.compress_size
        if end > following.header_offset:
            raise _refuse("entries share their compressed data (an overlapping zip, a known zip bomb)")


def _staging_folder(target: Path) -> Path:
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))


def _check_target(target: Path) -> None:
    if target.is_symlink() or (target.exists() and (not target.is_dir() or any(target.iterdir()))):
        raise UnsafeZip(
            f"{target} already exists and is not an empty folder; the results were not extracted. "
            "Choose a new folder for them."
        )


def _check_space(folder: Path, entries: list[ZipEntry], limits: ZipLimits) -> None:
    needed = sum(entry.size for entry in entries) + limits.free_space_margin
    free = shutil.disk_usage(folder).free
    if needed > free:
        raise UnsafeZip(
            f"The results need {needed >> 20} MiB but only {free >> 20} MiB are free at {folder}; "
            "nothing was written. Free some space or choose another folder."
        )


def _copy_entry(
    archive: zipfile.ZipFile, entry: ZipEntry, destination: Path, done: int, total: int,
    progress: ProgressCallback, cancel: CancelToken | None,
) -> int:  # fmt: skip
    """Write one file (owner-only, never through a link), checking its length; returns bytes done."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    written = 0
    with os.fdopen(os.open(destination, flags, 0o600), "wb") as out:
        for chunk in _chunks(archive, entry):
            if cancel:
                cancel.raise_if_cancelled()
            written += len(chunk)
            if written > entry.size:  # zipfile stops at the declared size; this is the belt to its braces
                raise _refuse(f"the entry {printable(str(entry.path), 120)!r} holds more than it declares")
            out.write(chunk)
            progress(Progress(done + written, total, "Extracting"))
    if written != entry.size:
        raise _refuse(f"the entry {printable(str(entry.path), 120)!r} holds less than it declares")
    return done + written


# What zipfile and its decompressors raise on damaged data (bz2 raises a plain OSError).
READ_FAILURES = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, NotImplementedError, RuntimeError,
                 ValueError, struct.error, OverflowError, OSError)  # fmt: skip


def _chunks(archive: zipfile.ZipFile, entry: ZipEntry) -> Iterator[bytes]:
    """The entry's inflated bytes; a failure to read or inflate them is a refusal, not a write error."""
    try:
        with archive.open(entry.info) as source:
            while chunk := source.read(CHUNK):
                yield chunk
    except READ_FAILURES as exc:
        raise _refuse(
            f"the entry {printable(str(entry.path), 120)!r} cannot be read ({printable(str(exc), 120)})"
        ) from None


def _write_all(
    archive: zipfile.ZipFile, entries: list[ZipEntry], staging: Path,
    progress: ProgressCallback, cancel: CancelToken | None,
) -> int:  # fmt: skip
    total = sum(entry.size for entry in entries)
    done = 0
    for entry in entries:
        destination = staging.joinpath(*entry.path.parts)
        if entry.is_dir:
            destination.mkdir(mode=0o700, parents=True, exist_ok=True)
            continue
        destination.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        done = _copy_entry(archive, entry, destination, done, total, progress, cancel)
    return done


def open_zip(zip_path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, struct.error, OverflowError) as exc:
        raise _refuse(f"it is not a complete, readable zip archive ({printable(str(exc), 120)})") from None
    except NotImplementedError as exc:
        raise _refuse(f"it uses a zip feature that is not supported ({printable(str(exc), 120)})") from None


def list_zip(zip_path: Path, limits: ZipLimits | None = None) -> list[ZipEntry]:
    """The checked entries of the zip, without extracting anything."""
    with open_zip(zip_path) as archive:
        return check_listing(archive, limits or ZipLimits())


def extract_zip(
    zip_path: Path,
    target: Path,
    limits: ZipLimits | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> Extracted:
    """Check the whole zip, then extract it to `target` (a new or empty folder) all or nothing."""
    limits = limits or ZipLimits()
    target = target.absolute()
    _check_target(target)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open_zip(zip_path) as archive:
        entries = check_listing(archive, limits)
        _check_space(target.parent, entries, limits)
        staging = _staging_folder(target)
        try:
            written = _write_all(archive, entries, staging, progress, cancel)
            if cancel:
                cancel.commit(f"the results were already extracted to {target}.")
            if target.is_dir():
                target.rmdir()  # empty, as checked; a file that appeared since makes this fail, rightly
            os.rename(staging, target)
        except OSError as exc:
            raise UnsafeZip(
                f"The results could not be written under {target.parent}: {exc.strerror or exc}; nothing was kept."
            ) from None
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
    files = tuple(entry.path for entry in entries if not entry.is_dir)
    return Extracted(target, files, written)
