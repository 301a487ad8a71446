"""`pht-desktop decrypt` on a 1 GiB result archive, against the floor every correct
implementation pays (SHA-512 over the same bytes) and the reference library's decryption.

Run: scripts/with-test-services .venv/bin/python benchmarks/decrypt.py [--size-mib 1024]
Needs ~4 GiB free under benchmarks/.work (or $PHT_BENCH_DIR). Prints best-of-3 figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._measure import Run, best_of, run_child  # noqa: E402
from desktop_app.core.keys.types import KeyType  # noqa: E402
from desktop_app.core.keystore import KeyStore  # noqa: E402
from desktop_app.core.paths import AppPaths  # noqa: E402
from desktop_app.core.protocol.post_run import PlainFile, post_run  # noqa: E402
from desktop_app.core.results.archive_writer import write_result_archive  # noqa: E402
from desktop_app.core.settings import Settings  # noqa: E402
from tests.helpers.result_archives import new_config, station_keys  # noqa: E402

CLI = Path(sys.executable).parent / "pht-desktop"
REFERENCE_PYTHON = Path(os.environ.get("PHT_REFERENCE_PYTHON", ROOT / ".refvenv" / "bin" / "python"))
SMALL_FILES, SMALL_SIZE = 1024, 64 * 1024
# The reference's file path: read the whole file, decrypt it, write the plaintext back.
REFERENCE_DECRYPT = """
import sys
from train_lib.security.encryption import FileEncryptor
FileEncryptor(bytes.fromhex(sys.argv[2])).decrypt_files([sys.argv[1]])
"""


def make_archive(folder: Path, size_mib: int, creator_public) -> tuple[Path, Path, bytes]:
    """One large file plus SMALL_FILES small ones, `size_mib` in all.

    Returns the archive, the large file's ciphertext and the file key (for the reference run).
    """
    plain = folder / "plain"
    plain.mkdir(parents=True)
    small_total = SMALL_FILES * SMALL_SIZE
    big = plain / "model.bin"
    with big.open("wb") as handle:
        for _ in range(((size_mib << 20) - small_total) >> 20):
            handle.write(os.urandom(1 << 20))
    files = [PlainFile("model.bin", big)]
    for index in range(SMALL_FILES):
        path = plain / "tables" / f"part-{index:04d}.csv"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(os.urandom(SMALL_SIZE))
        files.append(PlainFile(f"tables/part-{index:04d}.csv", path))
    config = new_config(creator_public, station_keys(2))
    encrypted = []
    for index, key in enumerate(station_keys(2)):
        file_key, encrypted = post_run(config, f"station-{index}", key, files, folder / f"enc-{index}")
    archive = write_result_archive(folder / "result.tar", config, encrypted)
    shutil.rmtree(plain)
    shutil.rmtree(folder / "enc-0")
    return archive, folder / "enc-1" / "model.bin", file_key


def settled(func):
    """Start each timed run with no write-back or discard pending from the previous one (the
    disk is mounted with `discard`: deleting the last run's output otherwise slows the next)."""

    def run() -> Run:
        os.sync()
        return func()

    return run


def app_decrypt(archive: Path, out: Path) -> Run:
    shutil.rmtree(out, ignore_errors=True)
    os.sync()
    run = run_child([str(CLI), "decrypt", str(archive), "--out", str(out)], env=os.environ.copy())
    shutil.rmtree(out)
    return run


def reference_decrypt(ciphertext: Path, file_key: bytes) -> Run:
    scratch = ciphertext.with_name("reference-copy.bin")
    shutil.copyfile(ciphertext, scratch)  # it decrypts in place; the copy is not timed
    os.sync()
    try:
        return run_child([str(REFERENCE_PYTHON), "-c", REFERENCE_DECRYPT, str(scratch), file_key.hex()])
    finally:
        scratch.unlink()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(os.environ.get("PHT_BENCH_DIR", ROOT / "benchmarks" / ".work"))
    work.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="home-", dir=work))
    os.environ["PHT_DESKTOP_HOME"] = str(home)
    paths = AppPaths.for_profile("default")
    store = KeyStore.open(paths, Settings(paths))
    info = store.generate("bench", KeyType.RSA_2048, None)
    folder = Path(tempfile.mkdtemp(prefix="decrypt-", dir=work))
    try:
        print(f"Building a {args.size_mib} MiB archive (1 large file + {SMALL_FILES} small)…", flush=True)
        archive, big_cipher, file_key = make_archive(folder / "full", args.size_mib, info.public_key())
        out = folder / "out"
        app = best_of(args.runs, lambda: app_decrypt(archive, out))
        floor = best_of(args.runs, settled(lambda: run_child(["sha512sum", str(archive)])))
        reference = best_of(args.runs, lambda: reference_decrypt(big_cipher, file_key))
        size = archive.stat().st_size / (1 << 20)
        big = big_cipher.stat().st_size / (1 << 20)
        shutil.rmtree(folder / "full")
        small_archive, _, _ = make_archive(folder / "small", 256, info.public_key())
        app_small = best_of(args.runs, lambda: app_decrypt(small_archive, out))
        small_size = small_archive.stat().st_size / (1 << 20)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        store.delete("bench")
        shutil.rmtree(home, ignore_errors=True)
    app_rate, ref_rate = size / app.seconds, big / reference.seconds
    rows = [
        (f"pht-desktop decrypt + verify, {size:.0f} MiB archive", app, app_rate),
        ("sha512sum, same archive (the floor)", floor, size / floor.seconds),
        (f"reference decrypt_files, {big:.0f} MiB file", reference, ref_rate),
        (
            f"pht-desktop decrypt + verify, {small_size:.0f} MiB archive",
            app_small,
            small_size / app_small.seconds,
        ),
    ]
    print(f"\n{'best of ' + str(args.runs):<48}{'time':>9}{'MiB/s':>8}{'peak RSS':>12}")
    for label, run, rate in rows:
        print(f"{label:<48}{run.seconds:>7.2f} s{rate:>8.0f}{run.peak_rss_mib:>8.0f} MiB")
    print(f"\napp time / SHA-512 floor: {app.seconds / floor.seconds:.2f}x (target <= 1.5x)")
    print(f"app throughput / reference throughput: {app_rate / ref_rate:.1f}x (target >= 3x)")
    print(
        f"app peak RSS, {small_size:.0f} MiB vs {size:.0f} MiB archive: "
        f"{app_small.peak_rss_mib:.0f} vs {app.peak_rss_mib:.0f} MiB (target < 100 MiB and flat)"
    )


if __name__ == "__main__":
    main()
