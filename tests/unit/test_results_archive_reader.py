"""The result archive reader refuses what tarfile would silently accept: an archive cut between
two members, a garbled header, sparse members, names that collide on case-insensitive file
systems, and names Windows would reinterpret."""

from __future__ import annotations

import io
import os
import tarfile
import unicodedata
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.results.archive_reader import ResultArchive
from desktop_app.core.results.errors import UnsafeArchive
from desktop_app.core.results.member_names import normalised_parts
from tests.helpers.result_archives import BuiltArchive, build_archive

FILES = {"a.bin": os.urandom(3000), "nested/b.txt": b"x" * 700, "empty.txt": b""}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> BuiltArchive:
    creator = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return build_archive(tmp_path_factory.mktemp("built"), creator.public_key(), FILES)


def opens(path: Path) -> list[str]:
    with ResultArchive(path) as archive:
        return [member.name for member in archive.members]


def end_of_members(path: Path) -> int:
    with tarfile.open(path) as tar:
        last = tar.getmembers()[-1]
        return last.offset_data + -(-last.size // 512) * 512


def with_extra(built: BuiltArchive, target: Path, *extra: tarfile.TarInfo, fmt=tarfile.PAX_FORMAT) -> Path:
    with tarfile.open(built.path) as source, tarfile.open(target, "w", format=fmt) as tar:
        for info in source.getmembers():
            tar.addfile(info, source.extractfile(info) if info.isreg() else None)
        for info in extra:
            tar.addfile(info, io.BytesIO(b"\0" * info.size) if info.isreg() else None)
    return target


def regular(name: str, size: int = 32) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    return info


def test_every_cut_before_the_end_marker_is_refused(built: BuiltArchive, tmp_path: Path) -> None:
    data = built.path.read_bytes()
    assert sorted(opens(built.path)) == sorted(FILES)
    end = end_of_members(built.path)
    cut = tmp_path / "cut.tar"
    for length in [*range(0, end + 512, 512), *range(100, end, 997), end + 511]:
        cut.write_bytes(data[:length])
        with pytest.raises(UnsafeArchive, match="truncated|damaged|not a readable|empty"):
            opens(cut)
    cut.write_bytes(data[: end + 512])  # members whole and one zero block: nothing is missing
    assert sorted(opens(cut)) == sorted(FILES)


def test_a_cut_gzip_archive_is_refused(tmp_path: Path) -> None:
    creator = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    built = build_archive(tmp_path / "gz", creator.public_key(), FILES, gzip=True)
    data = built.path.read_bytes()
    assert sorted(opens(built.path)) == sorted(FILES)
    cut = tmp_path / "cut.tar.gz"
    for length in range(10, len(data) - 100, 311):
        cut.write_bytes(data[:length])
        with pytest.raises(UnsafeArchive):
            opens(cut)


def test_a_garbled_header_between_members_is_refused(built: BuiltArchive, tmp_path: Path) -> None:
    data = bytearray(built.path.read_bytes())
    end = end_of_members(built.path)
    garbled = tmp_path / "garbled.tar"
    garbled.write_bytes(bytes(data[:end]) + os.urandom(512) + bytes(data[end:]))
    with pytest.raises(UnsafeArchive, match="damaged"):
        opens(garbled)


def test_sparse_members_are_refused(built: BuiltArchive, tmp_path: Path) -> None:
    sparse = regular("pht_results/holes.bin", 0)
    sparse.type = tarfile.GNUTYPE_SPARSE
    archive = with_extra(built, tmp_path / "sparse.tar", sparse, fmt=tarfile.GNU_FORMAT)
    with pytest.raises(UnsafeArchive, match="sparse file"):
        opens(archive)


@pytest.mark.parametrize(
    "pair",
    [
        ("pht_results/Data.csv", "pht_results/data.csv"),
        ("pht_results/MODEL/w.bin", "pht_results/model/w.bin"),
        (
            "pht_results/" + unicodedata.normalize("NFC", "café.txt"),
            "pht_results/" + unicodedata.normalize("NFD", "café.txt"),
        ),
    ],
)
def test_names_that_collide_on_case_insensitive_systems_are_refused(
    built: BuiltArchive, tmp_path: Path, pair: tuple[str, str]
) -> None:
    archive = with_extra(built, tmp_path / "clash.tar", *(regular(name) for name in pair))
    with pytest.raises(UnsafeArchive, match="differ only in letter case"):
        opens(archive)


def test_a_file_that_is_also_a_folder_in_another_case_is_refused(built: BuiltArchive, tmp_path: Path) -> None:
    archive = with_extra(built, tmp_path / "x.tar", regular("pht_results/Nested"))
    with pytest.raises(UnsafeArchive, match="both as a file and as a folder"):
        opens(archive)


@pytest.mark.parametrize(
    "name",
    ["pht_results/a:b.txt", "pht_results/CON", "pht_results/nul.csv", "pht_results/x.", "pht_results/d /f"],
)
def test_names_windows_would_reinterpret(name: str) -> None:
    with pytest.raises(UnsafeArchive, match="Windows cannot store safely"):
        normalised_parts(name, windows=True)
    assert normalised_parts(name, windows=False)[0] == "pht_results"


@pytest.mark.parametrize("name", ["pht_results/a\nb.txt", "pht_results/tab\there", "pht_results/c\x7f\x01"])
def test_control_characters_are_refused(name: str) -> None:
    with pytest.raises(UnsafeArchive, match="forbidden character"):
        normalised_parts(name, windows=False)
