"""Tar archives byte by byte, as an attacker writes them: headers with any type, size and name,
extended headers of any declared size, and gzip streams that expand a thousandfold.

Python's tarfile cannot write most of these (it checks what it writes), so the framing is made
here from the format's facts: 512-byte blocks, a header's checksum is the sum of its bytes
with the checksum field read as spaces, numbers are octal text.
"""

from __future__ import annotations

import gzip
import io
import tarfile
from collections.abc import Iterable

BLOCK = 512


def header(name: bytes | str, size: int = 0, typeflag: bytes = b"0", magic: bytes = b"ustar\x0000") -> bytes:
    """One 512-byte header block; `size` is what it declares, whatever data follows."""
    raw = name.encode("utf-8", "surrogateescape") if isinstance(name, str) else name
    block = bytearray(BLOCK)
    block[0 : min(len(raw), 100)] = raw[:100]
    block[100:108] = b"0000644\0"
    block[108:116] = b"0000000\0"
    block[116:124] = b"0000000\0"
    block[124:136] = f"{size:011o}\0".encode() if size < 8**11 else _base256(size)
    block[136:148] = b"00000000000\0"
    block[156:157] = typeflag
    block[257:265] = magic
    block[148:156] = b" " * 8
    block[148:156] = f"{sum(block):06o}\0 ".encode()
    return bytes(block)


def _base256(value: int) -> bytes:
    return b"\x80" + value.to_bytes(11, "big")


def padded(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % BLOCK)


def member(name: bytes | str, data: bytes = b"", typeflag: bytes = b"0") -> bytes:
    return header(name, len(data), typeflag) + padded(data)


def pax_record(key: str, value: str | bytes) -> bytes:
    """`"%d %s=%s\\n"` where the length counts the whole record, itself included."""
    raw = value.encode("utf-8", "surrogateescape") if isinstance(value, str) else value  # lone surrogates: bytes
    body = f" {key}=".encode() + raw + b"\n"
    length = len(body) + 1
    while len(str(length)) + len(body) != length:
        length += 1
    return str(length).encode() + body


def pax(records: dict[str, str | bytes], typeflag: bytes = b"x") -> bytes:
    data = b"".join(pax_record(key, value) for key, value in records.items())
    return header("././@PaxHeader", len(data), typeflag) + padded(data)


def long_name(name: str | bytes) -> bytes:
    data = (name.encode() if isinstance(name, str) else name) + b"\0"
    return header("././@LongLink", len(data), b"L", magic=b"ustar  \0") + padded(data)


END = b"\0" * (2 * BLOCK)


def config_member(config_json: bytes) -> bytes:
    return member("train_config.json", config_json)


def plain_tar(parts: Iterable[bytes], end: bytes = END) -> bytes:
    return b"".join(parts) + end


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def zeros_gzip(size: int, chunk: int = 1 << 20) -> bytes:
    """`size` zero bytes as a gzip stream of about size/1000 bytes, made in milliseconds:
    gzip allows members one after another, so one compressed MiB of zeros is repeated."""
    whole, rest = divmod(size, chunk)
    one = gzip.compress(b"\0" * chunk, compresslevel=9, mtime=0)
    return one * whole + (gzip.compress(b"\0" * rest, compresslevel=9, mtime=0) if rest else b"")


def tar_of(files: dict[str, bytes], fmt: int = tarfile.PAX_FORMAT, compress: bool = False) -> bytes:
    """A well-formed archive written by Python's tarfile (the differential fuzzer's oracle)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=fmt) as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    data = buffer.getvalue()
    return gzip_bytes(data) if compress else data
