"""The tar framing of a result archive, read block by block, every size checked before it is read.

Python's tarfile reads a GNU long-name or PAX header whole before looking at it (a 2 MB gzip
declared a 2 GiB header), follows chained extended headers recursively (RecursionError), and
keeps every member it saw in a list (2 million members, 2 GB). This reader holds one 512-byte
block and at most one extended header of `MAX_EXTENDED_HEADER` bytes at a time, counts
entries as they stream, and refuses the archive at the first thing out of bounds.

What it reads: ustar and GNU headers (octal or base-256 numbers, the ustar name prefix), GNU
long names (`L`; `K` long link names are read and dropped: links are refused anyway), PAX
headers (`x`, Solaris `X`: `path` and `size` are used; `g` global headers only if they change
neither). Per member it yields a `TarEntry` (name as bytes, type, declared size, where its data
starts in the uncompressed stream); the caller may read the data before asking for the next.

Limits (documented in docs/results.md):
- `MAX_ENTRIES` entries (files and folders): 10,000. A train's results are a handful of files;
  10,000 entries cost about 10 MiB to list, and refusing takes a fraction of a second.
- `MAX_EXTENDED_HEADER`: 64 KiB per long-name or PAX header (a name is at most 1 KiB).
- A compressed archive may expand to `MAX_EXPANSION` times its size, or `EXPANSION_FLOOR`
  whichever is larger: results are encrypted, so they do not compress; only headers, padding
  and train_config.json do, and 10,000 entries fit in the floor.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop_app.core.i18n import N_, _
from desktop_app.core.progress import human_size
from desktop_app.core.results.errors import UnsafeArchive

BLOCK = 512
ZERO_BLOCK = bytes(BLOCK)
MAX_ENTRIES = 10_000
MAX_EXTENDED_HEADER = 64 << 10
MAX_EXPANSION = 8
EXPANSION_FLOOR = 64 << 20
SKIP_CHUNK = 1 << 20

REGULAR_TYPES = (b"0", b"\0", b"7")  # 7: "contiguous file", a regular file everywhere
DIRECTORY = b"5"
LONG_NAME, LONG_LINK = b"L", b"K"
PAX_TYPES = (b"x", b"X")
GLOBAL_PAX = b"g"
# What every other type is, in the sentence that refuses it.
REFUSED_TYPES = {
    b"1": N_("a hard link"),
    b"2": N_("a symbolic link"),
    b"3": N_("a device file"),
    b"4": N_("a device file"),
    b"6": N_("a named pipe"),
    b"S": N_("a sparse file"),
}
UNSUPPORTED_TYPE = N_("an unsupported member type")
# Errors the decompressors raise on a damaged or cut stream.
STREAM_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError, ValueError)


@dataclass(frozen=True)
class TarEntry:
    name: bytes  # as the archive states it, after long-name and PAX overrides
    typeflag: bytes
    size: int  # declared data size
    offset: int  # where the data starts in the uncompressed stream

    @property
    def is_file(self) -> bool:
        return self.typeflag in REGULAR_TYPES and not self.name.endswith(b"/")

    @property
    def is_dir(self) -> bool:
        return self.typeflag == DIRECTORY or (self.typeflag == b"\0" and self.name.endswith(b"/"))

    @property
    def problem(self) -> str | None:
        """Why an entry that is neither a regular file nor a folder is refused (as it is read)."""
        if self.is_file or self.is_dir:
            return None
        return _(REFUSED_TYPES.get(self.typeflag, UNSUPPORTED_TYPE))


def _damaged(what: str) -> UnsafeArchive:
    return UnsafeArchive(_("The archive is damaged: {what}.").format(what=what))


class TarSource:
    """The archive's tar stream (decompressed if it is compressed) and the position in it.

    Reads past `limit` are refused: for a plain tar that is the file's end (a member that ends
    there is truncated), for a compressed one the expansion cap.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._raw = path.open("rb")
        try:
            magic = self._raw.read(6)
            self._raw.seek(0)
            size = path.stat().st_size
            self.compressed = True
            if magic.startswith(b"\x1f\x8b"):
                self._stream: BinaryIO = gzip.GzipFile(fileobj=self._raw, mode="rb")
            elif magic.startswith(b"BZh"):
                self._stream = bz2.BZ2File(self._raw)  # type: ignore[assignment]
            elif magic.startswith(b"\xfd7zXZ\0"):
                self._stream = lzma.LZMAFile(self._raw)  # type: ignore[assignment]  # noqa: SIM115
            else:
                self.compressed = False
                self._stream = self._raw
        except BaseException:
            self._raw.close()
            raise
        self.limit = max(EXPANSION_FLOOR, MAX_EXPANSION * size) if self.compressed else size
        self.position = 0

    def close(self) -> None:
        if self._stream is not self._raw:
            self._stream.close()
        self._raw.close()

    def check_extent(self, end: int, what: str) -> None:
        """Refuse before reading anything that would end past the limit."""
        if end <= self.limit:
            return
        if self.compressed:
            raise UnsafeArchive(
                _(
                    "The archive would expand to more than {max_expansion} times its size ({what} "
                    "alone declares {end} in all); results are encrypted and do not "
                    "compress, so it is refused as a decompression bomb."
                ).format(max_expansion=MAX_EXPANSION, what=what, end=human_size(end))
            )
        raise UnsafeArchive(_("The archive is truncated: {what} ends past the end of the file.").format(what=what))

    def read(self, count: int) -> bytes:
        """Up to `count` bytes (fewer only at the end of the stream)."""
        try:
            data = self._stream.read(count)
        except STREAM_ERRORS as exc:
            raise UnsafeArchive(_("The archive is truncated or damaged ({exc}).").format(exc=exc)) from exc
        self.position += len(data)
        return data

    def readinto(self, view: memoryview) -> int:
        try:
            count = self._stream.readinto(view)  # type: ignore[attr-defined]
        except STREAM_ERRORS as exc:
            raise UnsafeArchive(_("The archive is truncated or damaged ({exc}).").format(exc=exc)) from exc
        self.position += count
        return count

    def seek(self, offset: int) -> None:
        """Go to `offset` of the uncompressed stream (backwards restarts a compressed one)."""
        if offset == self.position:
            return
        try:
            self._stream.seek(offset)
        except STREAM_ERRORS as exc:
            raise UnsafeArchive(_("The archive is truncated or damaged ({exc}).").format(exc=exc)) from exc
        self.position = offset

    def skip_to(self, offset: int) -> None:
        """Move forward to `offset`, which `check_extent` has allowed; fail if the data ends first."""
        if not self.compressed:
            self.seek(offset)
            return
        while self.position < offset:  # decompress and drop, one bounded chunk at a time
            if not self.read(min(SKIP_CHUNK, offset - self.position)):
                raise UnsafeArchive(_("The archive is truncated: a member's data ends early."))


def _number(field: bytes) -> int:
    """A header's number: octal text (NUL or space ended) or GNU base-256."""
    if field[0] == 0x80:
        return int.from_bytes(field[1:], "big")
    if field[0] == 0xFF:
        raise _damaged(_("a header holds a negative number"))
    text = field.split(b"\0", 1)[0].strip(b" ")
    if text.strip(b"01234567"):
        raise _damaged(_("a header holds a number that is not octal"))
    return int(text, 8) if text else 0


def _checksum_ok(block: bytes) -> bool:
    stored = _number(block[148:156])
    unsigned = sum(block[:148]) + sum(block[156:]) + 8 * 0x20  # the field counts as spaces
    signed = sum(struct.unpack("148b", block[:148])) + sum(struct.unpack("356b", block[156:])) + 8 * 0x20
    return stored in (unsigned, signed)


def _nul_ended(field: bytes) -> bytes:
    return field.split(b"\0", 1)[0]


def _pax_records(data: bytes) -> dict[str, bytes]:
    """`"%d %s=%s\\n"` records; the length counts the whole record. Trailing NULs are padding."""
    records: dict[str, bytes] = {}
    position = 0
    while position < len(data) and data[position:].strip(b"\0"):
        space = data.find(b" ", position, position + 21)
        length_text = data[position:space]
        if space < 0 or not length_text.isdigit():
            raise _damaged(_("a PAX header record has no length"))
        end = position + int(length_text)
        record = data[space + 1 : end]
        if end > len(data) or not record.endswith(b"\n") or b"=" not in record:
            raise _damaged(_("a PAX header record is malformed"))
        key, _equals, value = record[:-1].partition(b"=")
        try:
            records[key.decode("utf-8")] = value
        except UnicodeDecodeError as exc:
            raise _damaged(_("a PAX header key is not UTF-8")) from exc
        position = end
    return records


def _pax_size(value: bytes) -> int:
    if not value.isdigit():
        raise _damaged(_("a PAX header states a size that is not a number"))
    return int(value)


def _header(source: TarSource) -> bytes | None:
    """The next header block, or None at the end marker (one zero block, as tarfile reads it)."""
    block = source.read(BLOCK)
    first = source.position == len(block)
    if len(block) < BLOCK:
        if first:
            what = _("it is an empty file") if not block else _("it is cut short")
            raise UnsafeArchive(
                _("{name} is not a readable tar archive: {what}.").format(name=source.path.name, what=what)
            )
        raise UnsafeArchive(_("The archive is truncated: it ends before the tar end marker."))
    if block == ZERO_BLOCK:
        if first:
            raise UnsafeArchive(_("The archive is empty."))
        return None
    try:
        readable = _checksum_ok(block)
    except UnsafeArchive:
        readable = False
    if not readable:
        if first:
            raise UnsafeArchive(_("{name} is not a readable tar archive.").format(name=source.path.name))
        raise _damaged(_("a member header is unreadable"))
    return block


def _extended_data(source: TarSource, size: int) -> bytes:
    """An extended header's data: its size is checked before a byte of it is read."""
    if size > MAX_EXTENDED_HEADER:
        raise UnsafeArchive(
            _(
                "The archive holds an extended header of {size}; no file name "
                "needs more than {max_extended_header}, so it is refused."
            ).format(size=human_size(size), max_extended_header=human_size(MAX_EXTENDED_HEADER))
        )
    start = source.position
    source.check_extent(start + size, _("an extended header"))
    data = source.read(size)
    if len(data) < size:
        raise UnsafeArchive(_("The archive is truncated: it ends inside a header."))
    source.skip_to(start + _padded(size))
    return data


@dataclass
class _Pending:
    """What the extended headers before a member said about it (each kind at most once)."""

    long_name: bytes | None = None
    long_link: bool = False
    pax: dict[str, bytes] | None = None

    @property
    def empty(self) -> bool:
        return self.long_name is None and not self.long_link and self.pax is None

    def add(self, typeflag: bytes, data: bytes) -> None:
        if typeflag == LONG_NAME:
            if self.long_name is not None:
                raise _damaged(_("more than one long name precedes a member"))
            self.long_name = _nul_ended(data)
        elif typeflag == LONG_LINK:  # a long link name, dropped: links are refused
            if self.long_link:
                raise _damaged(_("more than one long link name precedes a member"))
            self.long_link = True
        else:
            if self.pax is not None:
                raise _damaged(_("more than one PAX header precedes a member"))
            self.pax = _pax_records(data)

    def member(self, block: bytes, offset: int) -> TarEntry:
        """The member `block` describes, with these headers' name and size applied."""
        typeflag, size = block[156:157], _number(block[124:136])
        name = _nul_ended(block[0:100])
        prefix = _nul_ended(block[345:500])
        if block[257:263] == b"ustar\0" and prefix:  # POSIX ustar splits long names in two
            name = prefix + b"/" + name
        if self.pax is not None:
            if any(key.startswith("GNU.sparse.") for key in self.pax):
                typeflag = b"S"
            if "path" in self.pax:
                if self.long_name is not None:
                    raise UnsafeArchive(_("The archive gives one member two different long names."))
                name = self.pax["path"]
            if "size" in self.pax:
                size = _pax_size(self.pax["size"])
        if self.long_name is not None:
            name = self.long_name
        return TarEntry(name, typeflag, size, offset)


def read_entries(source: TarSource) -> Iterator[TarEntry]:
    """Every member of the archive, in order, until the end marker; see the module's docstring."""
    count = 0  # members and global headers; a member's own extended headers come at most once each
    pending = _Pending()
    while (block := _header(source)) is not None:
        typeflag, size = block[156:157], _number(block[124:136])
        if typeflag not in (LONG_NAME, LONG_LINK, *PAX_TYPES):
            count += 1
        if count > MAX_ENTRIES:
            raise UnsafeArchive(
                _(
                    "The archive holds more than {max_entries:,} entries; no train's results are that "
                    "many files, so it is refused."
                ).format(max_entries=MAX_ENTRIES)
            )
        if typeflag in (LONG_NAME, LONG_LINK, *PAX_TYPES):
            pending.add(typeflag, _extended_data(source, size))
            continue
        if typeflag == GLOBAL_PAX:
            changes = {"path", "linkpath", "size"} & set(_pax_records(_extended_data(source, size)))
            if changes:
                raise UnsafeArchive(
                    _(
                        "The archive holds a global header that changes every member's "
                        "{fields}; it is refused as ambiguous."
                    ).format(fields=", ".join(sorted(changes)))
                )
            continue
        entry = pending.member(block, source.position)
        pending = _Pending()
        shown = entry.name.decode("utf-8", "backslashreplace")  # shown with repr(): escapes stay escaped
        if entry.problem:
            raise UnsafeArchive(
                _("The archive holds {problem} ({shown!r}); it is refused as unsafe.").format(
                    problem=entry.problem, shown=shown
                )
            )
        if entry.is_dir and entry.size:
            raise _damaged(
                _("the folder {folder!r} declares {size:,} bytes of data").format(
                    folder=shown.rstrip("/"), size=entry.size
                )
            )
        source.check_extent(entry.offset + entry.size, _("member {shown!r}").format(shown=shown))
        yield entry
        source.skip_to(entry.offset + _padded(entry.size))
    if not pending.empty:
        raise _damaged(_("it ends after a header that names a member to come"))


def _padded(size: int) -> int:
    return size + (-size % BLOCK)
