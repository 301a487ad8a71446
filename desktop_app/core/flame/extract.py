"""Extracting a FLAME result bucket's tar safely: every member checked before a byte is written.

The storage service streams a bucket as a plain ustar tar whose member names are the uploaded
paths (folders allowed). It is read with the project's own tar reader (`results.tar_stream`:
sizes checked before reading, at most 10,000 entries, a compressed stream capped at 8x) and the
name rules of result archives (`results.archive_reader`): no absolute paths, no `..`, no links,
devices or pipes, no duplicates or names equal but for case, no control characters. A stream
the hub cut short (an error after the headers just ends it) fails as truncated.

All files go to a staging folder beside the output first; only when every member was read whole
are they moved into place. A refusal or a cancel leaves the output folder as it was.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.i18n import _
from desktop_app.core.progress import CancelToken, Progress, ProgressCallback, no_progress
from desktop_app.core.results.errors import UnsafeArchive
from desktop_app.core.results.member_names import (  # the result archives' name rules, shared on purpose
    claim_name,
    member_name,
    normalised_parts,
    refuse_file_as_folder,
)
from desktop_app.core.results.output_folder import check_output, staged_output  # the same all-or-nothing write
from desktop_app.core.results.tar_stream import TarEntry, TarSource, read_entries

CHUNK = 1 << 20


@dataclass(frozen=True)
class ExtractedFile:
    path: str  # relative to the output folder
    size: int
    sha256: str  # of the bytes as received: lets a file be compared later, proves nothing about its origin


def checked_name(raw: str) -> str:
    """A member or file name as it may be written under the output folder (UnsafeArchive if not)."""
    parts = normalised_parts(raw)
    if not parts:
        raise UnsafeArchive(_("The archive holds a file without a name ({raw!r}).").format(raw=raw))
    return "/".join(parts)


def _members(source: TarSource) -> list[tuple[str, TarEntry]]:
    """Every regular file of the archive with its checked name; folders only checked."""
    seen: dict[str, str] = {}
    files: list[tuple[str, TarEntry]] = []
    for entry in read_entries(source):
        raw = member_name(entry)
        if entry.is_dir:
            normalised_parts(raw)
            continue
        name = checked_name(raw)
        claim_name(seen, name)
        files.append((name, entry))
    refuse_file_as_folder(name for name, _entry in files)
    return files


def _chunks(source: TarSource, entry: TarEntry) -> Iterator[bytes]:
    source.seek(entry.offset)
    left = entry.size
    while left:
        data = source.read(min(CHUNK, left))
        if not data:
            raise UnsafeArchive(_("The archive is truncated: a file's data ends early."))
        left -= len(data)
        yield data


def extract_tar(
    archive: Path,
    output: Path,
    force: bool = False,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> list[ExtractedFile]:
    """Extract `archive` into `output` (new or empty, or any folder with `force`), all or nothing."""
    check_output(output, force)
    source = TarSource(archive)
    try:
        files = _members(source)  # the whole archive is read and checked before anything is written
        total = sum(entry.size for _name, entry in files)
        with staged_output(output, total, ".flame-result-") as staged:
            written = _write_all(source, files, staged.folder, total, progress, cancel)
            staged.move_in([item.path for item in written], cancel)
            return written
    finally:
        source.close()


def _write_all(
    source: TarSource,
    files: list[tuple[str, TarEntry]],
    staging: Path,
    total: int,
    progress: ProgressCallback,
    cancel: CancelToken | None,
) -> list[ExtractedFile]:
    done = 0
    written: list[ExtractedFile] = []
    for name, entry in files:
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with target.open("xb") as out:
            for data in _chunks(source, entry):
                if cancel:
                    cancel.raise_if_cancelled()
                out.write(data)
                digest.update(data)
                done += len(data)
                progress(Progress(done, total, name))
        written.append(ExtractedFile(name, entry.size, digest.hexdigest()))
    return written
