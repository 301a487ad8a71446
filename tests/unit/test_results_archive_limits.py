"""The result archive reader against archives built to exhaust memory, disk or time (issue 14 §1,
findings 5, 8, 9 and 13): each is refused with a sentence, before the damage is done."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.core.results.archive_reader import ResultArchive
from desktop_app.core.results.errors import UnsafeArchive
from desktop_app.core.results.tar_stream import MAX_ENTRIES
from tests.helpers.hostile_archives import (
    END,
    config_member,
    gzip_bytes,
    header,
    long_name,
    member,
    pax,
    plain_tar,
    zeros_gzip,
)

ROOT = Path(__file__).resolve().parents[2]
CONFIG = json.dumps({"creator": {"rsa_public_key": "00"}, "route": [], "session_id": "00"}).encode()


def opens(path: Path) -> list[str]:
    with ResultArchive(path) as archive:
        return [m.name for m in archive.members]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# Run in a child whose address space is capped: a reader that loads a 1 GiB header dies there
# with MemoryError, one that checks the declared size first refuses in a few MiB.
OPEN_UNDER_LIMIT = textwrap.dedent(
    """
    import resource, sys
    from pathlib import Path
    resource.setrlimit(resource.RLIMIT_AS, (384 << 20, 384 << 20))
    from desktop_app.core.errors import PHTError
    from desktop_app.core.results.archive_reader import ResultArchive
    try:
        ResultArchive(Path(sys.argv[1])).close()
    except PHTError as exc:
        print(f"refused (exit {exc.exit_code}): {exc}")
    else:
        print("opened")
    """
)


@pytest.mark.parametrize("kind", [b"L", b"x"])
def test_a_huge_extended_header_is_refused_in_bounded_memory(tmp_path: Path, kind: bytes) -> None:
    declared = 1 << 30  # a GNU long name or a PAX header of 1 GiB, as 1 MiB of gzip
    bomb = gzip_bytes(config_member(CONFIG) + header("././@LongLink", declared, kind)) + zeros_gzip(declared)
    archive = write(tmp_path, "bomb.tar.gz", bomb + gzip_bytes(member("pht_results/x", b"a" * 32) + END))
    child = subprocess.run(
        [sys.executable, "-c", OPEN_UNDER_LIMIT, str(archive)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr[-2000:]  # no MemoryError traceback
    assert child.stdout.startswith("refused (exit 5): The archive holds an extended header of 1.0 GiB")


def test_a_chain_of_extended_headers_is_refused_not_a_recursion_error(tmp_path: Path) -> None:
    # tarfile follows each GNU long-name header into the next one recursively: 3,000 of them
    # (3 MB, plain tar) ended in RecursionError.
    chain = [long_name("pht_results/x")] * 3000
    archive = write(tmp_path, "chain.tar", plain_tar([config_member(CONFIG), *chain, member("pht_results/x")]))
    with pytest.raises(UnsafeArchive, match="more than one long name"):
        opens(archive)


def test_more_members_than_the_limit_are_refused_as_they_stream(tmp_path: Path) -> None:
    # Past the limit comes a garbled header: a reader that reads every header before counting
    # says "damaged"; one that counts as it goes stops at the limit and never gets there.
    parts = [config_member(CONFIG)] + [member(f"pht_results/f{i}") for i in range(MAX_ENTRIES)]
    archive = write(tmp_path, "many.tar", plain_tar(parts, end=b"\x07" * 512 + END))
    with pytest.raises(UnsafeArchive, match=f"more than {MAX_ENTRIES:,} entries"):
        opens(archive)
    just_enough = write(tmp_path, "enough.tar", plain_tar(parts[:-1]))
    assert len(opens(just_enough)) == MAX_ENTRIES - 1


def test_a_gzip_archive_that_expands_a_thousandfold_is_refused_before_reading_it(tmp_path: Path) -> None:
    declared = 256 << 20  # zeros pass for ciphertext until the very end: 256 MiB would reach the disk
    bomb = gzip_bytes(config_member(CONFIG) + header("pht_results/big.bin", declared)) + zeros_gzip(declared)
    archive = write(tmp_path, "expands.tar.gz", bomb + gzip_bytes(END))
    with pytest.raises(UnsafeArchive, match="would expand to more than"):
        opens(archive)


def test_an_ordinary_gzip_archive_of_incompressible_data_opens(tmp_path: Path) -> None:
    import os

    files = [member(f"pht_results/f{i}.bin", os.urandom(4096)) for i in range(50)]
    archive = write(tmp_path, "fine.tar.gz", gzip_bytes(plain_tar([config_member(CONFIG), *files])))
    assert len(opens(archive)) == 50


@pytest.mark.parametrize(
    "name",
    [
        "pht_results/del\x7f.txt",
        "pht_results/\x9b31mred",  # C1 CSI: an escape sequence on many terminals
        "pht_results/invoice\u202efdp.exe",  # right-to-left override: shows as invoiceexe.pdf
        "pht_results/zero\u200bwidth",
        "pht_results/line\u2028break",
        "pht_results/bom\ufeff",
    ],
)
def test_control_and_format_characters_are_refused(tmp_path: Path, name: str) -> None:
    archive = write(tmp_path, "names.tar", plain_tar([config_member(CONFIG), pax({"path": name}), member("x")]))
    with pytest.raises(UnsafeArchive, match="forbidden character") as caught:
        opens(archive)
    assert str(caught.value).isprintable()  # the sentence shows the name escaped, never raw


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("pht_results/" + "a" * 256, "longer than 255 bytes"),
        ("pht_results/" + "/".join(["d"] * 70) + "/f", "nested more than 64 folders deep"),
        ("pht_results/" + "/".join(["x" * 200] * 6), "longer than 1,024 bytes"),
    ],
)
def test_names_no_file_system_could_store_are_refused(tmp_path: Path, name: str, says: str) -> None:
    archive = write(tmp_path, "long.tar", plain_tar([config_member(CONFIG), pax({"path": name}), member("x")]))
    with pytest.raises(UnsafeArchive, match=says):
        opens(archive)


def test_a_name_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    archive = write(tmp_path, "latin1.tar", plain_tar([config_member(CONFIG), member(b"pht_results/caf\xe9")]))
    with pytest.raises(UnsafeArchive, match="not valid UTF-8"):
        opens(archive)


def test_a_folder_entry_that_declares_data_is_refused(tmp_path: Path) -> None:
    folder = header("pht_results/d/", 512, b"5") + header("pht_results/d/inner", 0)
    archive = write(tmp_path, "dir.tar", plain_tar([config_member(CONFIG), folder]))
    with pytest.raises(UnsafeArchive, match="folder 'pht_results/d' declares 512 bytes"):
        opens(archive)


def test_a_global_header_that_renames_members_is_refused(tmp_path: Path) -> None:
    archive = write(
        tmp_path, "g.tar", plain_tar([pax({"path": "elsewhere"}, b"g"), config_member(CONFIG), member("x")])
    )
    with pytest.raises(UnsafeArchive, match="global header"):
        opens(archive)
    comment = write(  # what `git archive` writes: a global comment, harmless
        tmp_path, "git.tar", plain_tar([pax({"comment": "abc"}, b"g"), config_member(CONFIG)])
    )
    assert opens(comment) == []
