"""`pht-desktop decrypt` against the security review's archive findings (issue 14 §1: 8, 12, 13,
14, and the keyring asked before the input was checked), through the real entry point."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.cli.test_results_cli import FILES, decrypt, edit_config, left_behind, make_researcher, member, rewrite
from tests.helpers.cli import run_cli
from tests.helpers.result_archives import BuiltArchive, build_archive


@pytest.fixture
def researcher(secret_service):
    return make_researcher()


@pytest.fixture
def built(tmp_path: Path, researcher) -> BuiltArchive:
    return build_archive(tmp_path / "build", researcher, FILES, station_count=2)


def one_line(stderr: str) -> bool:
    return stderr.count("\n") == 1 and "Traceback" not in stderr


def _nest_config(members) -> None:
    """train_config.json with a field nested 100,000 deep (json.loads: RecursionError)."""
    index = member(members, "train_config.json")
    info, data = members[index]
    deep = b'{"deep": ' + b"[" * 100_000 + b"]" * 100_000 + b", "
    members[index] = (info, data.replace(b"{", deep, 1))


def _route_signature_of_wrong_type(members) -> None:
    edit_config(members, lambda raw: raw["route"][0].update(signature="deadbeef"))


def _route_index_infinite(members) -> None:
    index = member(members, "train_config.json")
    info, data = members[index]
    members[index] = (info, data.replace(b'"index": 0', b'"index": 1e400', 1))


def _build_of_wrong_type(members) -> None:
    edit_config(members, lambda raw: raw.update(build=["not", "an", "object"]))


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (_nest_config, "nested more than 64 levels deep"),
        (_route_signature_of_wrong_type, "route[0].signature is not an object"),
        (_route_index_infinite, "index (inf) is not an integer"),
        (_build_of_wrong_type, "build is not an object"),
    ],
)
def test_malformed_configs_are_a_sentence_and_exit_5(tmp_path: Path, built: BuiltArchive, change, says: str) -> None:
    archive = rewrite(built.path, tmp_path / "bad.tar", change)
    result = decrypt(archive, tmp_path / "out")
    assert result.returncode == 5, result.stderr[-3000:]
    assert says in result.stderr and one_line(result.stderr)
    assert left_behind(tmp_path / "out") == []


@pytest.mark.parametrize(
    ("leaf", "says"),
    [
        ("7" * 5000, "is not a Paillier ciphertext of this key (it is too long)"),  # past int's limit
        ({"k\x1b[2J": "1" * 3000}, "stats.he.json.total.k\\x1b[2J is not a Paillier ciphertext"),
        ("0", "stats.he.json.total is not a Paillier ciphertext of this key"),
    ],
)
def test_paillier_leaves_that_are_no_ciphertext_exit_5(tmp_path: Path, researcher, leaf, says: str) -> None:
    made = run_cli("keys", "generate", "homomorphic", "--type", "paillier-2048", "--no-passphrase")
    assert made.returncode == 0, made.stderr
    built = build_archive(tmp_path / "b", researcher, {"stats.he.json": json.dumps({"total": leaf}).encode()})
    result = decrypt(built.path, tmp_path / "out", "--he-key", "homomorphic")
    assert result.returncode == 5, result.stderr[-3000:]
    assert says in result.stderr and one_line(result.stderr) and "\x1b" not in result.stderr
    assert left_behind(tmp_path / "out") == []


def test_a_leaf_of_non_ascii_digits_is_a_label(tmp_path: Path, researcher) -> None:
    # "²" is a digit to str.isdigit but no number to int(): it used to end in a ValueError traceback.
    made = run_cli("keys", "generate", "homomorphic", "--type", "paillier-2048", "--no-passphrase")
    assert made.returncode == 0, made.stderr
    built = build_archive(tmp_path / "b", researcher, {"stats.he.json": b'{"unit": "m\\u00b2", "exp": "\\u00b2"}'})
    result = decrypt(built.path, tmp_path / "out", "--he-key", "homomorphic")
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads((tmp_path / "out" / "stats.plain.json").read_text()) == {"unit": "m²", "exp": "²"}


def test_archive_values_reach_the_terminal_escaped(tmp_path: Path, built: BuiltArchive) -> None:
    def rename(raw) -> None:  # names are not signed: a server can set them to anything
        raw["@id"] = "train\x1b]0;owned\x07"
        raw["route"][1]["station"] = "station\u202e1-"

    archive = rewrite(built.path, tmp_path / "names.tar", lambda members: edit_config(members, rename))
    result = decrypt(archive, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "\x07" not in result.stdout
    assert "Train:   train\\x1b]0;owned\\x07" in result.stdout and "station\\u202e1-" in result.stdout


def test_force_never_writes_through_a_symlinked_subfolder(tmp_path: Path, built: BuiltArchive) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "model").symlink_to(elsewhere, target_is_directory=True)
    result = decrypt(built.path, out, "--force")
    assert result.returncode == 2 and one_line(result.stderr), result.stderr
    assert "symbolic link model where model/weights.bin goes" in result.stderr
    assert list(elsewhere.iterdir()) == [] and sorted(p.name for p in out.iterdir()) == ["model"]
    assert not list(tmp_path.glob(".pht-decrypt-*"))


@pytest.mark.keyring
def test_a_missing_archive_is_named_before_the_keyring_is_asked(tmp_path: Path) -> None:
    # With no usable keyring, the keyring's sentence used to come first and hide the typo.
    no_keyring = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    missing = run_cli("decrypt", str(tmp_path / "missing.tar"), "--out", str(tmp_path / "out"), env=no_keyring)
    assert missing.returncode == 2 and one_line(missing.stderr), missing.stderr
    assert "missing.tar does not exist" in missing.stderr


def test_results_larger_than_the_free_space_are_refused_before_writing(tmp_path: Path, researcher) -> None:
    from tests.helpers.full_disk import small_filesystem

    built = build_archive(tmp_path / "b", researcher, {"big.bin": os.urandom(2_000_000)})
    with small_filesystem(tmp_path / "small", size_kib=512) as disk:
        result = decrypt(built.path, disk / "out")
        assert result.returncode == 1 and one_line(result.stderr), result.stderr
        assert re.search(r"need up to 1\.9 MiB but only \d+\.\d KiB is free", result.stderr)
        assert "nothing was written" in result.stderr
        assert list(disk.iterdir()) == []


def test_a_disk_that_fills_anyway_leaves_nothing(tmp_path: Path, researcher) -> None:
    """Declared sizes do not count the file system's blocks: 300 tiny files pass the free-space
    check yet fill 512 KiB of tmpfs (a 4 KiB block each); the write error still undoes it all."""
    from tests.helpers.full_disk import small_filesystem

    files = {f"part-{i:03d}.csv": b"site,count\n" for i in range(300)}
    built = build_archive(tmp_path / "b", researcher, files)
    with small_filesystem(tmp_path / "small", size_kib=512) as disk:
        result = decrypt(built.path, disk / "out")
        assert result.returncode == 1 and "No space left" in result.stderr, result.stderr
        assert list(disk.iterdir()) == []


def test_stop_signals_before_and_after_the_commit_point() -> None:
    """The handler itself, with real signals sent to this process: before the commit point the
    first one raises and later ones wait for the cleanup; after it they are only noted."""
    import signal

    from desktop_app.cli.decrypt import Stopped, _stopping_signals
    from desktop_app.core.progress import CancelToken

    before = signal.getsignal(signal.SIGTERM)
    cancel = CancelToken()
    with _stopping_signals(cancel) as late:
        with pytest.raises(Stopped) as caught:
            signal.raise_signal(signal.SIGTERM)
        signal.raise_signal(signal.SIGHUP)  # cleanup under way: ignored, not raised
        assert caught.value.signum == signal.SIGTERM and cancel.cancelled and late == []
    assert signal.getsignal(signal.SIGTERM) is before

    committed = CancelToken()
    committed.commit("the results were already written")
    with _stopping_signals(committed) as late:
        signal.raise_signal(signal.SIGHUP)
        signal.raise_signal(signal.SIGINT)
    assert late == [signal.SIGHUP, signal.SIGINT]
