"""Fetching a Federated Node task's results: `pht-desktop results fetch` (download to a `.part`,
every zip rule checked, extraction into a staging folder, rename) against a plain httpx download
followed by `zipfile.extractall`, both as child processes against the loopback stand-in, in the
same run (best of 3 each). The zip holds one large file and 1,000 small ones, deflated.

Run: scripts/with-test-services .venv/bin/python benchmarks/node_results.py [--size-mib 256]
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._measure import fastest, run_child  # noqa: E402
from desktop_app.core.central.profiles import ServerKind, ServerProfiles  # noqa: E402
from desktop_app.core.federated_node.session import open_node_client  # noqa: E402
from desktop_app.core.keystore import KeyStore  # noqa: E402
from desktop_app.core.paths import AppPaths  # noqa: E402
from desktop_app.core.settings import Settings  # noqa: E402
from desktop_app.demo_hub.federated_node import FederatedNodeStandIn  # noqa: E402
from desktop_app.demo_hub.federated_node.state import DEMO_NODE_USER, DEMO_PROJECT, FINISHED_TASK_ID  # noqa: E402

CLI = Path(sys.executable).parent / "pht-desktop"
PLAIN = """
import sys, httpx, zipfile
url, token, project, target, folder = sys.argv[1:6]
headers = {"Authorization": f"Bearer {token}", "project-name": project}
with httpx.stream("GET", url, headers=headers, timeout=60) as response:
    response.raise_for_status()
    with open(target, "wb") as out:
        for chunk in response.iter_bytes(1 << 20):
            out.write(chunk)
with zipfile.ZipFile(target) as archive:
    archive.extractall(folder)
"""


def results_zip(size_mib: int) -> bytes:
    """Half incompressible, half text-like; one big file and 1,000 small ones."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("model/weights.bin", "w") as big:
            for _ in range(size_mib // 2):
                big.write(os.urandom(1 << 20))
        text = b"site,patient,value\n" + b"A,0001,0.123456\n" * 65_000
        for index in range(1000):
            archive.writestr(f"tables/table-{index:04}.csv", text[: (size_mib << 19) // 1000])
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mib", type=int, default=256)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(os.environ.get("PHT_BENCH_DIR", ROOT / "benchmarks" / ".work"))
    work.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="node-results-", dir=work))
    os.environ["PHT_DESKTOP_HOME"] = str(folder / "home")
    paths = AppPaths.for_profile("default")
    settings = Settings(paths)
    node = FederatedNodeStandIn().start()
    try:
        node.state.tasks[FINISHED_TASK_ID].results = data = results_zip(args.size_mib)
        ServerProfiles(settings).add("bench", node.url, node.url, kind=ServerKind.FEDERATED_NODE, project=DEMO_PROJECT)
        with open_node_client(settings, KeyStore.open(paths, settings)) as client:
            token = client.sign_in(DEMO_NODE_USER["username"], DEMO_NODE_USER["password"]).token
        app_out, plain_out, plain_zip = folder / "app", folder / "plain", folder / "plain.zip"

        def app():
            shutil.rmtree(app_out, ignore_errors=True)
            return run_child([str(CLI), "results", "fetch", str(FINISHED_TASK_ID), "--out", str(app_out)])

        def plain():
            shutil.rmtree(plain_out, ignore_errors=True)
            url = f"{node.url}/tasks/{FINISHED_TASK_ID}/results"
            return run_child([sys.executable, "-c", PLAIN, url, token, DEMO_PROJECT, str(plain_zip), str(plain_out)])

        pairs = [(plain(), app()) for _ in range(args.runs)]  # interleaved: the same disk states for both
        plain_run, app_run = (fastest([pair[i] for pair in pairs]) for i in (0, 1))
        assert (app_out / "model" / "weights.bin").read_bytes() == (plain_out / "model" / "weights.bin").read_bytes()
    finally:
        node.stop()
        shutil.rmtree(folder, ignore_errors=True)
    size = len(data) / (1 << 20)
    print(f"\nzip of {size:.0f} MiB; {'best of ' + str(args.runs):<36}{'time':>9}{'MiB/s':>9}{'peak RSS':>12}")
    for label, run in (("httpx + zipfile.extractall", plain_run), ("pht-desktop results fetch", app_run)):
        print(f"{label:<50}{run.seconds:>7.2f} s{size / run.seconds:>9.0f}{run.peak_rss_mib:>8.0f} MiB")
    print(f"\napp throughput / plain: {plain_run.seconds / app_run.seconds:.0%}")


if __name__ == "__main__":
    main()
