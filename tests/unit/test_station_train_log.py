"""The train log: whatever a train prints, the file and the caller get clean lines of bounded
length, in order, and nothing is held in memory but the current line and a short tail."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.station.train_log import TAIL_LINES, TrainLog, clean_line, read_log_tail


def feed_all(path: Path, chunks: list[bytes], max_line: int = 64 * 1024) -> list[str]:
    lines: list[str] = []
    with TrainLog(path, lines.append, max_line) as log:
        for chunk in chunks:
            log.feed(chunk)
    return lines


def test_lines_are_split_across_chunks_and_written_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "logs" / "run.log"
    lines = feed_all(path, [b"first li", b"ne\nsecond\n\nfou", b"rth without newline"])
    assert lines == ["first line", "second", "", "fourth without newline"]
    assert path.read_text("utf-8") == "first line\nsecond\n\nfourth without newline\n"


def test_a_character_split_between_chunks_survives(tmp_path: Path) -> None:
    encoded = "Zürich → Köln\n".encode()
    assert feed_all(tmp_path / "a.log", [encoded[:2], encoded[2:9], encoded[9:]]) == ["Zürich → Köln"]


def test_invalid_utf8_is_replaced_not_fatal(tmp_path: Path) -> None:
    assert feed_all(tmp_path / "a.log", [b"caf\xe9 ok\n"]) == ["caf\ufffd ok"]


def test_an_endless_line_is_handed_on_in_bounded_pieces(tmp_path: Path) -> None:
    path = tmp_path / "a.log"
    lines = feed_all(path, [b"x" * 1000] * 250 + [b"\nafter\n"], max_line=4096)
    assert all(len(line) <= 4096 for line in lines)
    assert "".join(lines[:-1]) == "x" * 250_000 and lines[-1] == "after"
    assert path.read_text().count("\n") == len(lines)


def test_terminal_control_is_removed(tmp_path: Path) -> None:
    raw = (
        b"\x1b[31mred\x1b[0m text\n"  # colour
        b"\x1b]0;owned title\x07after title\n"  # window title (OSC)
        b"\x1b]8;;http://example.invalid\x1b\\link\x1b]8;;\x1b\\\n"  # hyperlink
        b"bell\x07 and nul\x00 and backspace\x08\n"
        b"progress 10%\rprogress 50%\rprogress 100%\r\n"
        b"tab\tkept\n"
    )
    assert feed_all(tmp_path / "a.log", [raw]) == [
        "red text",
        "after title",
        "link",
        "bell and nul and backspace",
        "progress 100%",
        "tab\tkept",
    ]


def test_a_cut_line_of_nothing_but_control_characters_leaves_no_empty_pieces(tmp_path: Path) -> None:
    assert feed_all(tmp_path / "a.log", [b"\x00" * 20_000, b"\nend\n"], max_line=4096) == ["", "end"]


def test_only_a_short_tail_is_kept_in_memory(tmp_path: Path) -> None:
    with TrainLog(tmp_path / "a.log", lambda line: None) as log:
        for index in range(TAIL_LINES * 3):
            log.feed(f"line {index}\n".encode())
    assert log.lines == TAIL_LINES * 3 and len(log.tail) == TAIL_LINES and log.tail[-1] == f"line {TAIL_LINES * 3 - 1}"


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=3000), cuts=st.lists(st.integers(0, 3000), max_size=8))
def test_any_output_in_any_chunks_gives_clean_bounded_lines(tmp_path_factory, data: bytes, cuts: list[int]) -> None:
    bounds = sorted({0, len(data), *(c for c in cuts if c < len(data))})
    chunks = [data[a:b] for a, b in itertools.pairwise(bounds)]
    path = tmp_path_factory.mktemp("log") / "a.log"
    lines = feed_all(path, chunks, max_line=100)
    assert all(len(line) <= 100 and clean_line(line) == line for line in lines)
    assert path.read_text("utf-8").splitlines() == lines
    # The same bytes in one chunk give the same lines: chunking never changes what is shown.
    assert feed_all(tmp_path_factory.mktemp("log") / "b.log", [data], max_line=100) == lines


def test_read_log_tail_shows_the_end_of_a_long_log(tmp_path: Path) -> None:
    path = tmp_path / "a.log"
    path.write_text("".join(f"line {i}\n" for i in range(100_000)))
    text = read_log_tail(path, limit=1000)
    assert text.startswith("[the first") and str(path) in text.splitlines()[0]
    assert text.splitlines()[-1] == "line 99999" and len(text) < 1200
    short = tmp_path / "b.log"
    short.write_text("only\n")
    assert read_log_tail(short) == "only\n"
