"""Fuzzing the FLAME bucket extraction with the result archive grammar (members of every type,
long names, PAX records, declared sizes, garbage, cut ends, gzip or not), and differentially
against Python's tarfile on well-formed archives (GNU, PAX, ustar; gzip or not).

`extract_tar` either refuses with a sentence and leaves nothing (no output folder, no staging
folder), or writes exactly the files it reports — each inside the output folder, a regular file
(never a link), of the reported size and SHA-256.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from desktop_app.core.errors import PHTError
from desktop_app.core.flame.extract import extract_tar
from tests.fuzz.harness import run_harness
from tests.fuzz.test_fuzz_result_archive import framed_archives, tarfile_archives


def _check(example: tuple[bytes, bool]) -> None:
    data, _compressed = example
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        archive = root / "bucket.download"
        archive.write_bytes(data)
        out = root / "out"
        try:
            written = extract_tar(archive, out)
        except PHTError:
            assert sorted(p.name for p in root.iterdir()) == ["bucket.download"]  # nothing else left
            return
        on_disk = {
            str(Path(dirpath, name).relative_to(out)).replace(os.sep, "/")
            for dirpath, _, names in os.walk(out)
            for name in names
        }
        assert on_disk == {item.path for item in written}
        for item in written:
            path = out / item.path
            assert not path.is_symlink() and path.resolve().is_relative_to(out.resolve())
            content = path.read_bytes()
            assert len(content) == item.size and hashlib.sha256(content).hexdigest() == item.sha256
        assert sorted(p.name for p in root.iterdir()) == ["bucket.download", "out"]


def test_flame_extract() -> None:
    run_harness("FLAME bucket extraction", framed_archives(), _check, examples=400)


def test_flame_extract_differential_against_tarfile() -> None:
    """Well-formed archives extract in full: exactly tarfile's files, byte for byte."""

    def check(example: tuple[bytes, dict[str, bytes], bool]) -> None:
        data, files, _compressed = example
        with tempfile.TemporaryDirectory() as folder:
            archive = Path(folder) / "bucket.download"
            archive.write_bytes(data)
            out = Path(folder) / "out"
            written = extract_tar(archive, out)
            assert {item.path: (out / item.path).read_bytes() for item in written} == files

    run_harness("FLAME bucket extraction: vs tarfile", tarfile_archives(), check, examples=200)
