"""Downloading a 1 GiB result from the local demo hub: `pht-desktop trains download` against a
plain httpx stream to a file, both as child processes in the same run (best of 3 each).

Run: scripts/with-test-services .venv/bin/python benchmarks/download.py [--size-mib 1024]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._measure import fastest, run_child  # noqa: E402
from desktop_app.core.central.profiles import ServerProfiles  # noqa: E402
from desktop_app.core.central.registration import register_key  # noqa: E402
from desktop_app.core.central.session import open_client  # noqa: E402
from desktop_app.core.keys.types import KeyType  # noqa: E402
from desktop_app.core.keystore import KeyStore  # noqa: E402
from desktop_app.core.paths import AppPaths  # noqa: E402
from desktop_app.core.settings import Settings  # noqa: E402
from desktop_app.demo_hub import DemoHub  # noqa: E402
from desktop_app.demo_hub.state import FINISHED_TRAIN_ID  # noqa: E402
from tests.helpers.central import DEMO_LOGIN  # noqa: E402

CLI = Path(sys.executable).parent / "pht-desktop"
PLAIN_HTTPX = """
import sys, httpx
url, token, target = sys.argv[1:4]
with httpx.stream("GET", url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as response:
    response.raise_for_status()
    with open(target, "wb") as out:
        for chunk in response.iter_bytes(1 << 20):
            out.write(chunk)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(os.environ.get("PHT_BENCH_DIR", ROOT / "benchmarks" / ".work"))
    work.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="download-", dir=work))
    os.environ["PHT_DESKTOP_HOME"] = str(folder / "home")
    paths = AppPaths.for_profile("default")
    settings = Settings(paths)
    store = KeyStore.open(paths, settings)
    hub = DemoHub(work_dir=folder / "hub").start()
    try:
        ServerProfiles(settings).add("bench", hub.api_url, hub.auth_url)
        info = store.generate("bench", KeyType.RSA_2048, None)
        with open_client(settings, store) as client:
            client.sign_in(DEMO_LOGIN)
            register_key(client, info)
            token = client.tokens.load().access_token
        archive = folder / "big.tar"
        with archive.open("wb") as handle:
            for _ in range(args.size_mib):
                handle.write(os.urandom(1 << 20))
        train = hub.state.trains[FINISHED_TRAIN_ID]
        train.result_archive = archive  # served as the train's result, byte for byte
        train.result_key_fingerprint = hub.state.secrets[hub.state.rsa_secret_id()]["content"]
        target = folder / "out.tar"

        def app():
            target.unlink(missing_ok=True)
            return run_child([str(CLI), "trains", "download", FINISHED_TRAIN_ID, "-o", str(target)])

        def plain():
            target.unlink(missing_ok=True)
            url = f"{hub.api_url}/trains/{FINISHED_TRAIN_ID}/result/download"
            return run_child([sys.executable, "-c", PLAIN_HTTPX, url, token, str(target)])

        # Interleaved, so that both meet the disk's write-back in the same states.
        pairs = [(plain(), app()) for _ in range(args.runs)]
        plain_run, app_run = (fastest([pair[i] for pair in pairs]) for i in (0, 1))
        assert target.stat().st_size == archive.stat().st_size
    finally:
        hub.stop()
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    size = args.size_mib
    print(f"\n{'best of ' + str(args.runs):<40}{'time':>9}{'MiB/s':>9}{'peak RSS':>12}")
    for label, run in (("plain httpx stream to a file", plain_run), ("pht-desktop trains download", app_run)):
        print(f"{label:<40}{run.seconds:>7.2f} s{size / run.seconds:>9.0f}{run.peak_rss_mib:>8.0f} MiB")
    print(f"\napp throughput / plain httpx: {plain_run.seconds / app_run.seconds:.0%} (target >= 90%, memory flat)")


if __name__ == "__main__":
    main()
