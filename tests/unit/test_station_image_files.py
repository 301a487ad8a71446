"""The tar `put_tree` uploads, as the engine receives it. A recording stand-in takes the place of
the container here: the race it guards against (Podman's extracting process exiting at the
end-of-archive marker while the rest is still being written to it, "write |1: broken pipe",
seen in about 1 of 200 uploads) cannot be provoked on demand on the real engine, whose tests
(tests/integration/test_station_*.py) upload through the same code hundreds of times."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

from desktop_app.core.station.image_files import put_tree


class RecordingContainer:
    def __init__(self) -> None:
        self.uploads: list[tuple[str, bytes]] = []

    def put_archive(self, destination: str, data) -> bool:
        self.uploads.append((destination, data.read()))
        return True


def members(data: bytes) -> list[tuple[str, str, int, int, int]]:
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        return [(m.name, "dir" if m.isdir() else "file", m.uid, m.gid, m.mode) for m in tar]


def ends_at_the_marker(data: bytes) -> bool:
    """The upload ends with the two zero blocks right after the last member: no record padding."""
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.getmembers()
        marker = tar.offset  # where the end-of-archive marker begins
    return len(data) == marker + 1024 and data[marker:] == b"\0" * 1024


def test_the_upload_ends_at_the_end_of_archive_marker(tmp_path: Path) -> None:
    source = tmp_path / "data.bin"
    source.write_bytes(b"x" * 700)
    container = RecordingContainer()
    put_tree(container, "/opt/pht_train", {"entrypoint.sh": b"echo hi\n", "sub/data.bin": source})
    [(destination, data)] = container.uploads
    assert destination == "/opt/pht_train"
    assert ends_at_the_marker(data) and len(data) < tarfile.RECORDSIZE
    assert [m[:2] for m in members(data)] == [("entrypoint.sh", "file"), ("sub/data.bin", "file")]


def test_with_an_owner_every_folder_and_file_is_that_users(tmp_path: Path) -> None:
    container = RecordingContainer()
    put_tree(container, "/opt/pht_results", {"a/b/c.txt": b"1"}, owner=(65534, 65534))
    put_tree(container, "/opt/pht_results", {}, owner=(1000, 1001))
    (first_to, first), (second_to, second) = container.uploads
    assert first_to == second_to == "/opt"
    assert members(first) == [
        ("pht_results", "dir", 65534, 65534, 0o755),
        ("pht_results/a", "dir", 65534, 65534, 0o755),
        ("pht_results/a/b", "dir", 65534, 65534, 0o755),
        ("pht_results/a/b/c.txt", "file", 65534, 65534, 0o644),
    ]
    assert members(second) == [("pht_results", "dir", 1000, 1001, 0o755)]
    assert ends_at_the_marker(first) and ends_at_the_marker(second)
