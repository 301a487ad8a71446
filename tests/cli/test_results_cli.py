"""`pht-desktop decrypt` through the real entry point: success, tampering, unsafe archives."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from desktop_app.core.keys.fingerprint import fingerprint, group_fingerprint
from desktop_app.core.protocol.hexpem import public_key_to_hex_pem
from desktop_app.core.protocol.train_config import TrainConfig
from tests.helpers.cli import run_cli
from tests.helpers.result_archives import BuiltArchive, build_archive, station_keys

PW = "lantern-oyster-gravel-19"  # rates 4 of 4: new keys need a strong passphrase

FILES = {
    "model/weights.bin": os.urandom(300_000),
    "summary.csv": b"site,count\nA,10\n",
    "empty.txt": b"",
}


def make_researcher():
    """A key "researcher" (protected by PW) in the test's profile; returns its public key."""
    result = run_cli("keys", "generate", "researcher", "--type", "rsa-2048", "--passphrase-stdin", stdin=f"{PW}\n")
    assert result.returncode == 0, result.stderr
    pem = run_cli("keys", "export", "researcher", "--public").stdout
    return serialization.load_pem_public_key(pem.encode())


@pytest.fixture
def researcher(secret_service):
    return make_researcher()


@pytest.fixture
def built(tmp_path: Path, researcher) -> BuiltArchive:
    return build_archive(tmp_path / "build", researcher, FILES, station_count=2)


def decrypt(archive: Path, out: Path, *extra: str, stdin: str = f"{PW}\n"):
    return run_cli("decrypt", str(archive), "--out", str(out), "--passphrase-stdin", *extra, stdin=stdin)


def left_behind(folder: Path) -> list[str]:
    """Anything in the output folder or a staging folder beside it."""
    found = [p.name for p in folder.parent.iterdir() if p.name.startswith(".pht-decrypt-")]
    if folder.exists():
        found += [str(p) for p in folder.rglob("*")]
    return found


def rewrite(source: Path, target: Path, change: Callable[[list[tuple[tarfile.TarInfo, bytes]]], None]) -> Path:
    with tarfile.open(source) as tar:
        members = [(m, tar.extractfile(m).read() if m.isreg() else b"") for m in tar.getmembers()]
    change(members)
    with tarfile.open(target, "w") as tar:
        for info, data in members:
            info.size = len(data) if info.isreg() else 0
            tar.addfile(info, io.BytesIO(data) if info.isreg() else None)
    return target


def member(members, name: str) -> int:
    return next(i for i, (info, _) in enumerate(members) if info.name == name)


def edit_config(members, edit: Callable[[dict], None]) -> None:
    index = member(members, "train_config.json")
    raw = json.loads(members[index][1])
    edit(raw)
    members[index] = (members[index][0], json.dumps(raw).encode())


def test_decrypts_verifies_and_reports(tmp_path: Path, built: BuiltArchive) -> None:
    out = tmp_path / "out"
    result = decrypt(built.path, out, "--report", str(tmp_path / "report.json"))
    assert result.returncode == 0, result.stderr
    for name, data in FILES.items():
        assert (out / name).read_bytes() == data
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["status"] == "verified" and report["train_id"] == built.config.train_id
    assert {f["path"]: f["size"] for f in report["files"]} == {n: len(d) for n, d in FILES.items()}
    assert report["station_keys"] == {
        f"station-{i}": fingerprint(key.public_key()) for i, key in enumerate(station_keys(2))
    }
    assert f"Station key: station-1 {group_fingerprint(fingerprint(station_keys(2)[1].public_key()))}" in (
        result.stdout
    )
    assert "verified" in result.stdout and left_behind(out) == [str(p) for p in out.rglob("*")]


def test_gzip_archive_and_refused_non_empty_output(tmp_path: Path, researcher) -> None:
    built = build_archive(tmp_path / "b", researcher, FILES, gzip=True)
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    refused = decrypt(built.path, out)
    assert refused.returncode == 2 and "not empty" in refused.stderr
    assert decrypt(built.path, out, "--force").returncode == 0
    assert (out / "keep.txt").read_text() == "mine" and (out / "summary.csv").exists()


def test_no_verify_marks_unverified(tmp_path: Path, built: BuiltArchive) -> None:
    def drop_signatures(members):
        edit_config(members, lambda raw: [raw.pop("result_signature")] + [s.pop("signature") for s in raw["route"]])

    old = rewrite(built.path, tmp_path / "old.tar", drop_signatures)
    assert decrypt(old, tmp_path / "strict").returncode == 4
    result = decrypt(old, tmp_path / "lenient", "--no-verify", "--report", str(tmp_path / "r.json"))
    assert result.returncode == 0 and "UNVERIFIED" in result.stdout + result.stderr
    assert "not enforced with --no-verify" in result.stdout
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["verified"] is False and report["status"].startswith("UNVERIFIED")
    outcomes = {check["check"]: check["passed"] for check in report["checks"]}
    assert outcomes["result_hash"] is True and outcomes["route_complete"] is False  # shown, not enforced


def _flip_byte(members):
    index = member(members, "pht_results/model/weights.bin")
    info, data = members[index]
    members[index] = (info, data[:1000] + bytes([data[1000] ^ 1]) + data[1001:])


def _flip_last_block(members):
    index = member(members, "pht_results/summary.csv")
    info, data = members[index]
    members[index] = (info, data[:-1] + bytes([data[-1] ^ 0x55]))


def _swap_file(members):
    # Two files' contents trade places (names stay). Note: the protocol hashes the plaintexts'
    # concatenation, so a swap with an empty file next to it would not change the hash.
    a, b = member(members, "pht_results/summary.csv"), member(members, "pht_results/model/weights.bin")
    (ia, da), (ib, db) = members[a], members[b]
    members[a], members[b] = (ia, db), (ib, da)


def _reorder(members):
    a, b = member(members, "pht_results/summary.csv"), member(members, "pht_results/model/weights.bin")
    members[a], members[b] = members[b], members[a]


def _change_result_hash(members):
    edit_config(members, lambda raw: raw.update(result_hash="ab" * 64))


def _forge_signature(members):
    edit_config(members, lambda raw: raw.update(result_signature=raw["result_signature"][:-4] + "0000"))


def _swap_station_key(members):
    intruder = station_keys(5)[4].public_key()
    edit_config(members, lambda raw: raw["route"][1].update(rsa_public_key=public_key_to_hex_pem(intruder)))


def _swap_first_station_key(members):
    intruder = station_keys(5)[4].public_key()
    edit_config(members, lambda raw: raw["route"][0].update(rsa_public_key=public_key_to_hex_pem(intruder)))


def _damage_wrapped_key(members):
    edit_config(members, lambda raw: raw["creator"].update(encrypted_key="00" + raw["creator"]["encrypted_key"][2:]))


@pytest.mark.parametrize(
    ("tamper", "failed_check"),
    [
        (_flip_byte, "result_hash"),
        (_flip_last_block, None),  # bad padding: stops before the checks run
        (_swap_file, "result_hash"),
        (_reorder, "result_hash"),
        (_change_result_hash, "result_hash"),
        (_forge_signature, "result_signature"),
        (_swap_station_key, "result_signature"),
        (_swap_first_station_key, "route_signature[0]"),
        (_damage_wrapped_key, None),
    ],
)
def test_tampering_fails_verification_and_writes_nothing(
    tmp_path: Path, built: BuiltArchive, tamper, failed_check: str | None
) -> None:
    archive = rewrite(built.path, tmp_path / "tampered.tar", tamper)
    out = tmp_path / "new" / "deeper" / "out"
    report_file = tmp_path / "r.json"
    result = decrypt(archive, out, "--report", str(report_file))
    assert result.returncode == 4, result.stderr
    assert result.stderr.startswith("pht-desktop: Verification failed") and result.stderr.count("\n") == 1
    assert not (tmp_path / "new").exists()  # not even the parent folders the run would have made
    if failed_check:
        assert f"({failed_check})" in result.stderr and f"[FAILED] {failed_check}" in result.stdout
        report = json.loads(report_file.read_text())
        assert report["verified"] is False
        assert next(c["check"] for c in report["checks"] if not c["passed"]) == failed_check


def test_forced_output_with_a_clashing_folder_moves_nothing(tmp_path: Path, built: BuiltArchive) -> None:
    out = tmp_path / "out"
    (out / "summary.csv").mkdir(parents=True)
    (out / "keep.txt").write_text("mine")
    result = decrypt(built.path, out, "--force")
    assert result.returncode == 2 and "where summary.csv goes" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt", "summary.csv"]
    assert sorted(left_behind(out)) == [str(out / "keep.txt"), str(out / "summary.csv")]


def _add(name: str, kind: bytes = tarfile.REGTYPE, data: bytes = b"x" * 32, link: str = ""):
    def change(members):
        info = tarfile.TarInfo(name)
        info.type, info.linkname = kind, link
        members.append((info, data))

    return change


def _truncate_ciphertext(members):
    index = member(members, "pht_results/summary.csv")
    info, data = members[index]
    members[index] = (info, data[:-5])


def _drop_config(members):
    members.pop(member(members, "train_config.json"))


def _bad_json(members):
    index = member(members, "train_config.json")
    members[index] = (members[index][0], b"{not json")


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (_add("pht_results/../../escape.txt"), "leaves its folder"),
        (_add("/etc/evil"), "absolute path"),
        (_add("pht_results/link", tarfile.SYMTYPE, b"", "/etc/passwd"), "symbolic link"),
        (_add("pht_results/hard", tarfile.LNKTYPE, b"", "pht_results/summary.csv"), "hard link"),
        (_add("pht_results/dev", tarfile.CHRTYPE, b""), "device"),
        (_add("pht_results/summary.csv"), "twice"),
        (_add("elsewhere.txt"), "neither train_config.json nor a result"),
        (_truncate_ciphertext, "truncated"),
        (_drop_config, "no train_config.json"),
        (_bad_json, "not valid JSON"),
    ],
)
def test_unsafe_or_malformed_archives_exit_5(tmp_path: Path, built: BuiltArchive, change, says: str) -> None:
    archive = rewrite(built.path, tmp_path / "bad.tar", change)
    out = tmp_path / "out"
    result = decrypt(archive, out)
    assert result.returncode == 5, result.stderr
    assert says in result.stderr and result.stderr.count("\n") == 1
    assert left_behind(out) == []
    assert not (tmp_path / "escape.txt").exists()


def test_truncated_tar_exits_5(tmp_path: Path, built: BuiltArchive) -> None:
    cut = tmp_path / "cut.tar"
    data = built.path.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    result = decrypt(cut, tmp_path / "out")
    assert result.returncode == 5 and "truncated" in result.stderr
    garbage = tmp_path / "garbage.tar"
    garbage.write_bytes(os.urandom(4000))
    assert decrypt(garbage, tmp_path / "out").returncode == 5


@pytest.mark.keyring
def test_missing_archive_or_folder_is_a_usage_error(tmp_path: Path) -> None:
    missing = decrypt(tmp_path / "nowhere.tar", tmp_path / "out")
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    folder = decrypt(tmp_path, tmp_path / "out")
    assert folder.returncode == 2 and "is a folder" in folder.stderr
    assert left_behind(tmp_path / "out") == []


def test_wrong_key_and_wrong_passphrase_exit_3(tmp_path: Path, built: BuiltArchive, researcher) -> None:
    assert run_cli("keys", "generate", "other", "--type", "rsa-2048", "--no-passphrase").returncode == 0
    chosen = decrypt(built.path, tmp_path / "out", "--key", "other")
    assert chosen.returncode == 3 and "encrypted for key" in chosen.stderr and "you selected key other" in chosen.stderr
    wrong = decrypt(built.path, tmp_path / "out", stdin="nope\n")
    assert wrong.returncode == 3 and "passphrase is wrong" in wrong.stderr
    stranger = build_archive(tmp_path / "s", station_keys(3)[2].public_key(), FILES)
    none_fits = decrypt(stranger.path, tmp_path / "out")
    assert none_fits.returncode == 3 and "not in this profile" in none_fits.stderr and "researcher" in none_fits.stderr
    assert left_behind(tmp_path / "out") == []


def test_paillier_results_and_refusal_to_overwrite(tmp_path: Path, researcher) -> None:
    assert run_cli("keys", "generate", "homomorphic", "--type", "paillier-2048", "--no-passphrase").returncode == 0
    from desktop_app.core.keys.paillier import PaillierPublicKey

    public = PaillierPublicKey.from_json_dict(json.loads(run_cli("keys", "export", "homomorphic", "--public").stdout))
    tree = {
        "total": str(public.encrypt(12)),
        "by_site": [public.encrypt(5), str(public.encrypt(7))],
        "label": "n",
    }
    files = {"stats.he.json": json.dumps(tree).encode()}
    built = build_archive(tmp_path / "b", researcher, files)
    out = tmp_path / "out"
    result = decrypt(built.path, out, "--he-key", "homomorphic")
    assert result.returncode == 0, result.stderr
    assert json.loads((out / "stats.plain.json").read_text()) == {
        "total": 12,
        "by_site": [5, 7],
        "label": "n",
    }
    clash = build_archive(tmp_path / "c", researcher, {**files, "stats.plain.json": b"{}"})
    refused = decrypt(clash.path, tmp_path / "out2", "--he-key", "homomorphic")
    assert refused.returncode == 5 and "would overwrite" in refused.stderr
    assert left_behind(tmp_path / "out2") == []


def test_config_field_checks_reach_the_user(tmp_path: Path, built: BuiltArchive) -> None:
    archive = rewrite(built.path, tmp_path / "x.tar", lambda m: edit_config(m, lambda raw: raw.pop("session_id")))
    result = decrypt(archive, tmp_path / "out")
    assert result.returncode == 5 and "session_id" in result.stderr
    assert TrainConfig(json.loads(json.dumps(built.config.raw))).train_id == built.config.train_id


def test_usage_is_as_documented() -> None:
    result = run_cli("decrypt", "--help", env={"COLUMNS": "200"})
    assert result.returncode == 0
    assert (
        "pht-desktop decrypt [-h] --out DIR [--key NAME] [--he-key NAME] [--passphrase-stdin] "
        "[--report FILE] [--force] [--no-verify] ARCHIVE" in result.stdout
    )
    missing_out = run_cli("decrypt", "x.tar")
    assert missing_out.returncode == 2 and "--out" in missing_out.stderr


@pytest.mark.parametrize(
    ("signum", "code", "says"),
    [
        (signal.SIGINT, 130, "interrupted; nothing was changed"),
        (signal.SIGTERM, 143, "stopped (SIGTERM); nothing was changed"),
        (signal.SIGHUP, 129, "hung up (SIGHUP); nothing was changed"),
    ],
)
def test_a_stop_signal_mid_way_leaves_nothing(
    tmp_path: Path, researcher, signum: signal.Signals, code: int, says: str
) -> None:
    """Ctrl+C, and also a service manager's SIGTERM or a closed terminal's SIGHUP, which used to
    end the process on the spot with the partial plaintext left in the staging folder."""
    import subprocess
    import time

    from tests.helpers.cli import ENTRY_POINT

    built = build_archive(tmp_path / "b", researcher, {"big.bin": os.urandom(128 << 20)})
    out = tmp_path / "new" / "out"

    def staging() -> list[Path]:
        return list(out.parent.glob(".pht-decrypt-*")) if out.parent.exists() else []

    def staged_bytes() -> int:
        return sum(f.stat().st_size for folder in staging() for f in folder.rglob("*") if f.is_file())

    def start() -> subprocess.Popen:
        process = subprocess.Popen(
            [str(ENTRY_POINT), "decrypt", str(built.path), "--out", str(out), "--passphrase-stdin"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            # A shell without job control starts background jobs with Ctrl+C ignored, and the
            # child would inherit that (seen when the suite ran from a background script).
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        process.stdin.write(f"{PW}\n")
        process.stdin.close()
        return process

    # The signal must land while the staging folder is being filled, whatever the machine's
    # speed: the process is frozen (SIGSTOP) as soon as the folder exists, and only if it is
    # still there once frozen does the signal go in before the process runs on (SIGCONT).
    # A decryption quick enough to finish between the look and the freeze is run again.
    for _attempt in range(5):
        process = start()
        deadline = time.monotonic() + 60
        while not staging() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        process.send_signal(signal.SIGSTOP)
        # A signal is delivered asynchronously: look only once the process has really stopped
        # (or ended), which waitid reports without reaping it.
        state = os.waitid(os.P_PID, process.pid, os.WSTOPPED | os.WEXITED | os.WNOWAIT)
        if state.si_code == os.CLD_STOPPED and staging() and staged_bytes() < 128 << 20:
            break  # frozen before all of big.bin was decrypted: well before the commit point
        process.send_signal(signal.SIGCONT)
        process.wait(timeout=60)
        shutil.rmtree(tmp_path / "new", ignore_errors=True)
    else:
        pytest.fail("the decryption never was caught mid-way")
    process.send_signal(signum)
    process.send_signal(signal.SIGCONT)
    process.wait(timeout=60)
    stderr = process.stderr.read()
    assert process.returncode == code, stderr
    assert stderr == f"pht-desktop: {says}.\n"
    assert not (tmp_path / "new").exists()


def test_progress_on_a_terminal_is_one_line_erased_at_the_end(tmp_path: Path, researcher) -> None:
    import pty
    import subprocess

    from tests.helpers.cli import ENTRY_POINT

    built = build_archive(tmp_path / "b", researcher, {"big.bin": os.urandom(96 << 20), "small.txt": b"s"})
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [str(ENTRY_POINT), "decrypt", str(built.path), "--out", str(tmp_path / "out"), "--passphrase-stdin"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=secondary,
    )
    os.close(secondary)
    process.stdin.write(f"{PW}\n".encode())
    process.stdin.close()
    seen = b""
    while True:
        try:
            piece = os.read(primary, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not piece:
            break
        seen += piece
    os.close(primary)
    assert process.wait(timeout=60) == 0
    text = seen.decode()
    assert "%  " in text and " of 96 MiB" in text and "big.bin" in text  # progress was shown...
    progress, _, last = text.rpartition("\r\x1b[K")  # ...then erased before the one final line
    assert progress and last.strip() == f"Decrypted and verified 2 files into {tmp_path / 'out'}."
