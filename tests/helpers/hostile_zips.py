"""Zip archives built byte by byte, so that a test can write what `zipfile` never would:
names with `..` or a drive letter, symlink modes, duplicate names, encrypted flags, sizes
that lie, entries that share their data, and cut-off archives."""

from __future__ import annotations

import io
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass

UNIX_FILE = (stat.S_IFREG | 0o644) << 16
UNIX_LINK = (stat.S_IFLNK | 0o777) << 16
UNIX_DIR = (stat.S_IFDIR | 0o755) << 16 | 0x10


@dataclass
class Entry:
    name: bytes
    data: bytes = b""
    method: int = zipfile.ZIP_STORED
    flags: int = 0x800  # names are UTF-8
    external_attr: int = UNIX_FILE
    declared_size: int | None = None  # what the headers claim the content's size is
    same_data_as: int | None = None  # index of an earlier entry whose local header this one points at


def _compressed(entry: Entry) -> bytes:
    if entry.method == zipfile.ZIP_DEFLATED:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        return packer.compress(entry.data) + packer.flush()
    return entry.data


def build(entries: list[Entry]) -> bytes:
    out = io.BytesIO()
    central = io.BytesIO()
    offsets: list[int] = []
    for entry in entries:
        packed = _compressed(entry)
        crc = zlib.crc32(entry.data)
        size = len(entry.data) if entry.declared_size is None else entry.declared_size
        if entry.same_data_as is None:
            offsets.append(out.tell())
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, entry.flags, entry.method, 0, 0x21, crc,
                                  len(packed), size, len(entry.name), 0))  # fmt: skip
            out.write(entry.name + packed)
        else:
            offsets.append(offsets[entry.same_data_as])
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20, entry.flags, entry.method,
                                  0, 0x21, crc, len(packed), size, len(entry.name), 0, 0, 0, 0,
                                  entry.external_attr, offsets[-1]))  # fmt: skip
        central.write(entry.name)
    start = out.tell()
    directory = central.getvalue()
    out.write(directory)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), start, 0))
    return out.getvalue()


def plain(files: dict[str, bytes]) -> bytes:
    """A well-formed zip as the node makes it (deflated, written by zipfile)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()
