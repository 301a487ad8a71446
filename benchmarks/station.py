"""A full station run split by step, next to the same container run bare and to the reference
library's post-run on the same train, with the peak memory of each.

For each result size (default 1 GiB and 4 GiB), on one Podman service and loopback registry:
- bare: the train's work as a plain container run (`docker run`, no protocol), best of two
  (one before and one after the station runs, as the machine's load varies);
- ours: `StationRunner.run` with a station's defaults (pull, push, images not kept) in a child
  process, its steps' times and its peak RSS (VmHWM);
- reference: `pht-train-container-library`'s pre-run and run of a second, identical train (not
  timed), then its `post_run_protocol` alone, timed, in a child process in its own venv
  (`PHT_REFERENCE_PYTHON`, default `.refvenv`). It does not push; ours pushes in its own step.

Run: scripts/with-test-services .venv/bin/python benchmarks/station.py [--sizes 1024,4096]
     [--code ROOT] [--no-reference]
`--code ROOT` runs the station runner of another checkout (its `desktop_app`), to measure a
before and after on the same machine. The scratch folder is short (Podman 4.3 with a long
run-root path never ends an attached log stream); `PHT_BENCH_DIR` moves it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._measure import run_child  # noqa: E402

# Both scripts open the train as the reference station does; then its pre-run (and the run) or its post-run.
REFERENCE_OPEN = """
import docker
from train_lib.docker_util.docker_ops import extract_train_config
from train_lib.security.protocol import SecurityProtocol
client = docker.from_env(timeout=3600)
repo = data["repository"]
config = extract_train_config(repo + ":latest")
protocol = SecurityProtocol(data["station"], config, docker_client=client)
"""
REFERENCE_PREPARE = REFERENCE_OPEN + """protocol.pre_run_protocol(
    repo + ":latest", private_key_path=data["key_path"])
container = client.containers.run(repo + ":latest", detach=True, network_mode="none")
container.wait()
container.commit(repository=repo, tag="latest")
container.remove()
"""

REFERENCE_POST_RUN = REFERENCE_OPEN + """protocol.post_run_protocol(
    repo + ":latest", private_key_path=data["key_path"])
"""


def runner_child(url: str, reference: str, key_path: str, out: str) -> None:
    """The station runner alone in this process (`--as-runner`), its figures written to `out`."""
    sys.path.remove(str(ROOT))  # the runner comes from PYTHONPATH: the checkout measured
    import docker
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    from desktop_app.core.station.container_run import RunLimits
    from desktop_app.core.station.runner import StationRunner, StationSetup

    client = docker.DockerClient(base_url=url, timeout=3600)
    key = load_pem_private_key(Path(key_path).read_bytes(), None)
    limits = RunLimits(wall_clock_seconds=3600, results_mib=None, disk_mib=None)
    runner = StationRunner(client, StationSetup("station-0", key, [], limits))  # type: ignore[arg-type]
    start = time.perf_counter()
    report = runner.run(reference)
    total = time.perf_counter() - start
    steps = {s.name: (s.finished - s.started) if s.finished else None for s in report.steps}
    code = str(Path(sys.modules[StationRunner.__module__].__file__ or "").parents[3])
    Path(out).write_text(json.dumps({"steps": steps, "total": total, "error": report.error, "code": code}))


def reference_program(snippet: str) -> str:
    return "import json, sys\ndata = json.load(sys.stdin)\n" + snippet


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f} (5 min {five:.1f})"


def measure(size_mib: int, work: Path, code: Path, with_reference: bool) -> dict:
    import docker
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    from tests.helpers.engine import LocalRegistry, PodmanService
    from tests.helpers.reference import reference_python
    from tests.helpers.result_archives import station_keys
    from tests.helpers.trains import build_train

    (work / "registry").mkdir()
    (work / "engine").mkdir()
    registry = LocalRegistry(work / "registry")
    engine = PodmanService(work / "engine", registry)
    figures: dict = {"size": size_mib, "load": []}
    try:
        engine.import_busybox()
        researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        key = station_keys(1)[0]
        key_path = work / "station-0.pem"
        key_path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        work_script = f"head -c {size_mib << 20} /dev/urandom > /opt/pht_results/result.bin"
        files = {"entrypoint.sh": f"#!/bin/sh\n{work_script}\necho done\n".encode()}
        ours = build_train(engine, registry.address, "bench", researcher, [key], files)
        theirs = build_train(engine, registry.address, "bench-reference", researcher, [key], files)
        base = ours.reference.rsplit(":", 1)[0]
        engine.client.images.pull(base, tag="base")

        patient = docker.DockerClient(base_url=engine.url, timeout=3600)  # 4 GiB under load takes minutes

        def bare() -> float:
            start = time.perf_counter()
            command = ["sh", "-c", work_script.replace("/opt/pht_results", "/tmp")]
            patient.containers.run(f"{base}:base", command, network_mode="none", remove=True)
            return time.perf_counter() - start

        bare_runs = [bare()]
        figures["load"].append(load())
        out = work / "ours.json"
        env = {**os.environ, "PYTHONPATH": str(code)}
        argv = [sys.executable, __file__, "--as-runner", engine.url, ours.reference, str(key_path), str(out)]
        run = run_child(argv, env=env)
        figures["ours"] = {**json.loads(out.read_text()), "rss": run.peak_rss_mib}
        figures["load"].append(load())
        bare_runs.append(bare())
        figures["bare"] = min(bare_runs)
        figures["bare_runs"] = bare_runs
        if with_reference:
            repository = theirs.reference.rsplit(":", 1)[0]
            for tag in ("base", "latest"):
                engine.client.images.pull(repository, tag=tag)
            payload = json.dumps({"repository": repository, "station": "station-0", "key_path": str(key_path)})
            ref_env = {**os.environ, "DOCKER_HOST": engine.url, "LOGURU_LEVEL": "WARNING"}
            python = str(reference_python())
            prepare = run_child([python, "-c", reference_program(REFERENCE_PREPARE)], payload.encode(), ref_env)
            figures["load"].append(load())
            try:
                post = run_child([python, "-c", reference_program(REFERENCE_POST_RUN)], payload.encode(), ref_env)
                figures["reference"] = {"prepare": prepare.seconds, "post_run": post.seconds, "rss": post.peak_rss_mib}
            except RuntimeError as exc:  # at 4 GiB it may not fit in memory
                figures["reference"] = {"prepare": prepare.seconds, "failed": str(exc)[-300:]}
            figures["load"].append(load())
    finally:
        engine.stop()
        registry.stop()
    return figures


def report(figures: dict) -> None:
    ours, bare = figures["ours"], figures["bare"]
    print(f"\n{figures['size']} MiB of results (one station, local registry; {', '.join(figures['load'])})")
    if ours.get("error"):
        print(f"  the station run FAILED: {ours['error']}")
    for name, seconds in ours["steps"].items():
        print(f"  {name:<9} {seconds:7.2f} s" if seconds is not None else f"  {name:<9} skipped")
    print(f"  whole run {ours['total']:7.2f} s, runner peak RSS {ours['rss']:.0f} MiB (code: {ours['code']})")
    runs = ", ".join(f"{s:.2f}" for s in figures["bare_runs"])
    print(f"  bare container run of the same work: {bare:.2f} s (best of {runs})")
    print(f"  whole run / bare: {ours['total'] / bare:.2f}x (goal <= 2x, bar 3x)")
    reference = figures.get("reference")
    if reference:
        if "post_run" in reference:
            post = ours["steps"]["post-run"] or 0.0
            push = ours["steps"]["push"] or 0.0
            print(
                f"  reference post_run_protocol: {reference['post_run']:.2f} s, peak RSS {reference['rss']:.0f} MiB "
                f"(ours: post-run {post:.2f} s, post-run + push {post + push:.2f} s)"
            )
        else:
            print(f"  reference post_run_protocol FAILED: {reference['failed']}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1024,4096", help="result sizes in MiB, comma-separated")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose station runner is measured")
    parser.add_argument("--no-reference", action="store_true", help="skip the reference library's post-run")
    parser.add_argument("--as-runner", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.as_runner:
        runner_child(*args.as_runner)
        return
    print(f"station runner of {args.code.resolve()}; {os.cpu_count()} cores; {load()}")
    scratch = Path(os.environ.get("PHT_BENCH_DIR", tempfile.gettempdir()))
    for size in (int(s) for s in args.sizes.split(",")):
        work = Path(tempfile.mkdtemp(prefix="st-", dir=scratch))
        try:
            report(measure(size, work, args.code.resolve(), not args.no_reference))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
