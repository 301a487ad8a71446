"""The Federated Node result zip reader: every hostile shape refused with a sentence before
anything is written, and a good zip extracted whole into a new folder."""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

import pytest

from desktop_app.core.errors import Cancelled
from desktop_app.core.federated_node.errors import UnsafeZip
from desktop_app.core.federated_node.safe_zip import ZipLimits, extract_zip, list_zip
from desktop_app.core.progress import CancelToken
from tests.helpers.hostile_zips import UNIX_DIR, UNIX_LINK, Entry, build, plain


@pytest.fixture
def place(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


def refused(place: Path, data: bytes, match: str, limits: ZipLimits | None = None) -> None:
    """Extracting `data` is refused with `match` in the sentence, and nothing is left behind."""
    zip_path = place.parent / "results.zip"
    zip_path.write_bytes(data)
    target = place / "results"
    with pytest.raises(UnsafeZip, match=match) as refusal:
        extract_zip(zip_path, target, limits)
    assert "nothing was written" in str(refusal.value) or "nothing was kept" in str(refusal.value)
    assert list(place.iterdir()) == []  # no target, no staging folder


def test_a_good_zip_is_extracted_whole(place: Path) -> None:
    zip_path = place.parent / "ok.zip"
    zip_path.write_bytes(plain({"summary.csv": b"a,b\n1,2\n", "plots/p.txt": b"x" * 5000, "empty.txt": b""}))
    done = []
    extracted = extract_zip(zip_path, place / "results", progress=done.append)
    assert (place / "results" / "summary.csv").read_bytes() == b"a,b\n1,2\n"
    assert (place / "results" / "plots" / "p.txt").read_bytes() == b"x" * 5000
    assert set(extracted.files) == {
        PurePosixPath("summary.csv"),
        PurePosixPath("plots/p.txt"),
        PurePosixPath("empty.txt"),
    }
    assert extracted.total_bytes == 5008 and done[-1].done == 5008 and done[-1].total == 5008
    assert sorted(p.name for p in place.iterdir()) == ["results"]  # the staging folder became it
    assert (place / "results" / "summary.csv").stat().st_mode & 0o077 == 0  # owner-only


def test_an_existing_empty_folder_is_used_and_a_full_one_refused(place: Path) -> None:
    zip_path = place.parent / "ok.zip"
    zip_path.write_bytes(plain({"a.txt": b"a"}))
    (place / "empty").mkdir()
    extract_zip(zip_path, place / "empty")
    assert (place / "empty" / "a.txt").read_bytes() == b"a"
    with pytest.raises(UnsafeZip, match="not an empty folder"):
        extract_zip(zip_path, place / "empty")
    assert [p.name for p in (place / "empty").iterdir()] == ["a.txt"]


@pytest.mark.parametrize(
    ("name", "match"),
    [
        (b"../evil.txt", r"'\.\.' path component"),
        (b"results/../../evil.txt", r"'\.\.' path component"),
        (b"/etc/evil", "absolute path"),
        (b"C:/Windows/evil.txt", "absolute path"),
        (b"C:evil.txt", "absolute path"),
        (b"..\\evil.txt", "not allowed"),
        (b"a\x00b.txt", "not allowed"),
        (b"a\x1b[2Jb.txt", "not allowed"),
        (b"a//b.txt", "empty"),
        (b"./a.txt", "'.'"),
        (b"", "empty or overlong"),
        (b"x" * 300, "overlong name"),
        (b"/".join([b"d"] * 40) + b"/f", "nested too deeply"),
    ],
)
def test_names_that_could_escape_are_refused(place: Path, name: bytes, match: str) -> None:
    refused(place, build([Entry(b"ok.txt", b"fine"), Entry(name, b"evil")]), match)


def test_symlinks_and_devices_in_the_external_attributes_are_refused(place: Path) -> None:
    refused(place, build([Entry(b"link", b"/etc/passwd", external_attr=UNIX_LINK)]), "symbolic link")
    refused(place, build([Entry(b"dev", b"", external_attr=(0o020644) << 16)]), "a device")
    refused(place, build([Entry(b"fifo", b"", external_attr=(0o010644) << 16)]), "a FIFO")
    refused(place, build([Entry(b"dir-named-as-file", b"", external_attr=UNIX_DIR)]), "marked as a folder")


@pytest.mark.parametrize(
    "names",
    [
        [b"a.txt", b"a.txt"],
        [b"A.txt", b"a.txt"],  # one file on a case-insensitive disk
        ["é.txt".encode(), "e\u0301.txt".encode()],  # one file where names are normalised
        [b"d/", b"d/"],
    ],
)
def test_duplicates_are_refused(place: Path, names: list[bytes]) -> None:
    entries = [
        Entry(n, b"" if n.endswith(b"/") else b"x", external_attr=UNIX_DIR if n.endswith(b"/") else 0) for n in names
    ]
    refused(place, build(entries), "more than once")


def test_a_file_that_is_also_a_folder_is_refused(place: Path) -> None:
    refused(place, build([Entry(b"a", b"file"), Entry(b"a/b", b"below")]), "both a file and a folder")


def test_encrypted_entries_are_refused(place: Path) -> None:
    refused(place, build([Entry(b"secret.txt", b"xxxx", flags=0x801)]), "encrypted")


def test_unsupported_compression_is_refused(place: Path) -> None:
    refused(place, build([Entry(b"a.txt", b"xxxx", method=99)]), "unsupported compression")


def test_a_zip_bomb_by_ratio_is_refused(place: Path) -> None:
    bomb = build([Entry(b"zeros.bin", bytes(50 << 20), method=zipfile.ZIP_DEFLATED)])
    assert len(bomb) < 100 << 10
    refused(place, bomb, "inflate .*-fold")


def test_a_zip_bomb_by_declared_total_is_refused(place: Path) -> None:
    # Each entry inflates modestly; together they declare more than the limit.
    entries = [Entry(f"part{i}.bin".encode(), bytes(2 << 20), method=zipfile.ZIP_DEFLATED) for i in range(3)]
    refused(place, build(entries), "add up to more than", ZipLimits(max_total_bytes=5 << 20, max_ratio=10_000))
    # Headers can claim anything: a 4-byte entry declaring 4 GiB is held to the ratio first.
    refused(place, build([Entry(b"huge.bin", b"tiny", declared_size=(4 << 30) - 1)]), "inflate .*-fold")


def test_entries_sharing_their_data_are_refused(place: Path) -> None:
    overlapping = build([Entry(b"a.bin", b"x" * 1000), Entry(b"b.bin", b"x" * 1000, same_data_as=0)])
    refused(place, overlapping, "overlapping")


def test_too_many_entries_are_refused(place: Path) -> None:
    many = build([Entry(f"f{i}".encode(), b"") for i in range(10_001)])
    refused(place, many, "10001 entries")


def test_a_truncated_or_damaged_zip_is_refused(place: Path) -> None:
    good = plain({"a.txt": b"a" * 10_000, "b.txt": b"b" * 10_000})
    refused(place, good[: len(good) // 2], "not a complete")
    refused(place, good[:-10], "not a complete")
    refused(place, b"", "not a complete")
    refused(place, b"PK\x03\x04" + bytes(100), "not a complete")
    # Damaged data: a flipped byte inside the first entry's compressed stream.
    damaged = bytearray(plain({"a.txt": bytes(range(256)) * 100}))
    damaged[60] ^= 0xFF
    refused(place, bytes(damaged), "cannot be read|holds")


def test_sizes_that_lie_are_caught_while_inflating(place: Path) -> None:
    refused(place, build([Entry(b"short.txt", b"abcdefgh", declared_size=4)]), "cannot be read|holds")
    refused(place, build([Entry(b"long.txt", b"abcd", declared_size=400)]), "cannot be read|holds")


def test_no_room_on_the_disk_is_said_before_writing(place: Path) -> None:
    zip_path = place.parent / "ok.zip"
    zip_path.write_bytes(plain({"a.txt": b"a"}))
    with pytest.raises(UnsafeZip, match="only .* MiB are free"):
        extract_zip(zip_path, place / "results", ZipLimits(free_space_margin=1 << 60))
    assert list(place.iterdir()) == []


def test_cancel_leaves_nothing(place: Path) -> None:
    zip_path = place.parent / "ok.zip"
    zip_path.write_bytes(plain({"a.txt": b"a" * 100, "b.txt": b"b" * 100}))
    cancel = CancelToken()

    def cancel_after_first(progress) -> None:
        cancel.cancel()

    with pytest.raises(Cancelled):
        extract_zip(zip_path, place / "results", progress=cancel_after_first, cancel=cancel)
    assert list(place.iterdir()) == []


def test_listing_checks_without_writing(place: Path) -> None:
    zip_path = place.parent / "ok.zip"
    zip_path.write_bytes(plain({"a.txt": b"a", "d/b.txt": b"b"}))
    assert [str(e.path) for e in list_zip(zip_path)] == ["a.txt", "d/b.txt"]
    assert list(place.iterdir()) == []
