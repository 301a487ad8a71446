"""Fuzzing the Federated Node result zip reader (core/federated_node/safe_zip.py).

Two harnesses:
- `grammar`: zips assembled entry by entry (hostile names, Unix modes, flags, methods, sizes
  that lie, entries sharing data), cut or not. The reader either refuses with an `UnsafeZip`
  sentence and leaves nothing in the folder, or it extracts — and then every file is a plain
  file inside the target, holding exactly what `zipfile` reads for that entry.
- `mutation`: a zip as the node makes it, with bytes flipped, inserted or cut. Same property.
Any other exception (a `struct.error`, a `UnicodeDecodeError` from `zipfile`) is a bug.
"""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from hypothesis import strategies as st

from desktop_app.core.federated_node.errors import UnsafeZip
from desktop_app.core.federated_node.safe_zip import ZipLimits, extract_zip
from tests.fuzz.harness import run_harness
from tests.helpers.hostile_zips import UNIX_DIR, UNIX_FILE, UNIX_LINK, Entry, build, plain

LIMITS = ZipLimits(max_entries=50, max_total_bytes=1 << 20, max_ratio=50, ratio_floor=4096)
NAME_PIECES = st.sampled_from(
    ["results", "a.csv", "B.txt", ".", "..", "", "x" * 260, "é", "e\u0301", "\x00", "\x1b", "\u202e",
     "\\", ":", "C:", "/", "a", "A"]
)  # fmt: skip
NAMES = st.lists(NAME_PIECES, min_size=1, max_size=4).map("/".join) | st.text(max_size=30)


# Mostly well-formed choices, so that many zips get past the checks and a missing rule shows up
# as a file written where it must not be; each hostile choice comes often enough to meet others.
def mostly(usual: object, unusual: st.SearchStrategy, odds: int = 8) -> st.SearchStrategy:
    """`usual` about odds-1 times in odds, else something drawn from `unusual`."""
    # (a list to sample from, not integers(0, odds): hypothesis draws the ends of a range far more often)
    return st.sampled_from([True] * (odds - 1) + [False]).flatmap(lambda keep: st.just(usual) if keep else unusual)


MODES = mostly(UNIX_FILE, st.sampled_from([0, UNIX_DIR, UNIX_LINK, 0o020644 << 16, 0xFFFF0000]))
METHODS = mostly(zipfile.ZIP_DEFLATED, st.sampled_from([zipfile.ZIP_STORED] * 3 + [99]), odds=3)
FLAGS = mostly(0x800, st.sampled_from([0, 0x801]))
PIECES = st.sampled_from(["results", "a.csv", "B.txt", "é", "e\u0301", "a", "A"])
SAFE_PIECES = mostly(None, st.sampled_from(["..", ".", ""]), odds=12).flatmap(
    lambda odd: st.just(odd) if odd else PIECES
)
SAFE_NAMES = st.lists(SAFE_PIECES, min_size=1, max_size=3).map("/".join)
DATA = st.one_of(st.binary(max_size=600), st.integers(0, 20_000).map(bytes))


@st.composite
def entries(draw: st.DrawFn, index: int) -> Entry:
    name = draw(mostly("safe", st.just("any"), odds=4))
    name = draw(SAFE_NAMES if name == "safe" else NAMES).encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 7)) == 0:
        name = name.rstrip(b"/") + b"/"  # a folder entry, perhaps with content
    return Entry(
        name,
        draw(DATA),
        draw(METHODS),
        draw(FLAGS),
        draw(MODES),
        draw(mostly(None, st.integers(0, (1 << 32) - 1))),
        draw(mostly(None, st.integers(0, index - 1))) if index else None,
    )


@st.composite
def grammar_zips(draw: st.DrawFn) -> bytes:
    count = draw(st.integers(0, 6))
    data = build([draw(entries(i)) for i in range(count)])
    cut = draw(mostly(None, st.integers(0, len(data))))
    return data if cut is None else data[:cut]


GOOD = plain({"summary.csv": b"site,n\nA,1\n" * 50, "plots/p.txt": bytes(range(256)) * 8, "README": b"r"})


@st.composite
def mutated_zips(draw: st.DrawFn) -> bytes:
    data = bytearray(GOOD)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "insert", "cut", "zero"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 200))]
        elif data:
            data[at : at + 4] = bytes(4)
    return bytes(data)


def _check(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        place = Path(folder) / "place"
        place.mkdir()
        zip_path = Path(folder) / "in.zip"
        zip_path.write_bytes(data)
        target = place / "out"
        try:
            extracted = extract_zip(zip_path, target, LIMITS)
        except UnsafeZip as refusal:
            assert str(refusal).endswith("."), refusal
            assert list(place.iterdir()) == [], "a refused zip left something behind"
            assert sorted(Path(folder).iterdir()) == sorted([place, zip_path]), "something escaped the folder"
            return
        assert list(place.iterdir()) == [target], "something was written beside the target"
        assert sorted(Path(folder).iterdir()) == sorted([place, zip_path]), "something escaped the folder"
        with zipfile.ZipFile(zip_path) as reference:
            expected = {info.filename.rstrip("/"): info for info in reference.infolist()}
            for written in target.rglob("*"):
                assert not written.is_symlink()
                relative = written.relative_to(target).as_posix()
                assert relative in expected or any(name.startswith(relative + "/") for name in expected)
                if written.is_file():
                    assert written.read_bytes() == reference.read(expected[relative])
        assert len(extracted.files) == sum(1 for p in target.rglob("*") if p.is_file())


def test_grammar() -> None:
    run_harness("node result zip: grammar", grammar_zips(), _check, examples=300)


def test_mutation() -> None:
    run_harness("node result zip: mutation", mutated_zips(), _check, examples=300)
