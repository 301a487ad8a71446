"""A soak: many station runs and many decryptions in one process, to see whether anything
builds up — memory, open file descriptors, containers, images, temporary files — or slows down.

- N station runs (default 100) on the real engine and a loopback registry, in a fixed mix:
  good trains (run, re-encrypt, push), tampered trains (a file changed after signing: refused
  before running), failing trains (exit code 3). Each train is built fresh before its run (not
  timed), so that every good run starts from an unprocessed train.
- M decryptions (default 1,000) through the key store (the real Secret Service, as the CLI
  does): good archives (tar and tar.gz), a tampered archive (one ciphertext byte flipped:
  verification fails), a truncated one (refused) and one for a key this profile lacks.

What the runner keeps by design is not counted as left behind: the train's log of every run
that reached its run step (in the run's log folder), and, after a failed run, the train's
pulled images (`REPOSITORY:TAG` and `:base`, "as they were"), which the soak removes itself as
a station operator would. Everything else is: containers and images beyond those there at the
start, files in the process's temporary folder, `.pht-decrypt-*` staging folders.

Memory growth is measured from the end of a warm-up (the first 10% of each phase: imports,
connection pools and caches fill then) to the end, and from the very start for comparison.
Time per run is compared between the first and the last tenth of each kind; before each run a
bare create-and-remove of a container (`engine_probe`) shows the engine's own pace apart from
the app's, and the machine's load average is noted (the figures are from a shared machine).

Run: scripts/with-test-services .venv/bin/python benchmarks/soak.py [--runs 100] [--decrypts 1000]
(starts its own Podman service and loopback registry, like the tests).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import sys
import tarfile
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import docker.errors
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402

from desktop_app.core.errors import PHTError  # noqa: E402
from desktop_app.core.station.run_limits import RunLimits  # noqa: E402
from desktop_app.core.station.runner import StationRunner, StationSetup  # noqa: E402
from tests.helpers.engine import LocalRegistry, PodmanService  # noqa: E402
from tests.helpers.result_archives import build_archive, station_keys  # noqa: E402
from tests.helpers.trains import build_train  # noqa: E402

MIB = 1 << 20
GOOD = b"#!/bin/sh\necho working\nhead -c 262144 /dev/urandom > /opt/pht_results/result.bin\necho done\n"
FAILS = b"#!/bin/sh\necho about to fail\nexit 3\n"
RUN_MIX = ("good", "tampered", "good", "failing")
DECRYPT_MIX = ("good", "good-gzip", "tampered", "good", "truncated", "good", "foreign-key", "good-gzip")
FILES = {"model.bin": os.urandom(MIB), "tables/counts.csv": b"site,n\n" * 2000, "empty.txt": b""}


@dataclass
class Sample:
    phase: str
    index: int
    kind: str
    outcome: str
    seconds: float
    rss_mib: float
    fds: int
    load: float  # the machine's 1-minute load average (2 cores, shared with other work)
    engine_probe_s: float = 0.0  # a bare create-and-remove of a container just before a run


@dataclass
class Soak:
    samples: list[Sample] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)  # failures that were not sentences

    def note(self, phase: str, index: int, kind: str, outcome: str, seconds: float, probe: float = 0.0) -> Sample:
        me = psutil.Process()
        rss, fds, load = me.memory_info().rss / MIB, me.num_fds(), os.getloadavg()[0]
        sample = Sample(phase, index, kind, outcome, seconds, rss, fds, load, probe)
        self.samples.append(sample)
        return sample


def _tamper(config, files) -> None:
    files["entrypoint.sh"] = files["entrypoint.sh"] + b"echo changed after signing\n"


def station_phase(soak: Soak, engine, registry, work: Path, count: int, researcher) -> dict:
    logs = work / "logs"
    limits = RunLimits(wall_clock_seconds=300)
    setup = StationSetup("station-0", station_keys(1)[0], [], limits, log_folder=logs)
    runner = StationRunner(engine.client, setup)
    images_before = {image.id for image in engine.client.images.list(all=True)}
    containers_before = {c.id for c in engine.client.containers.list(all=True)}
    kept_by_design = 0
    for index in range(count):
        kind = RUN_MIX[index % len(RUN_MIX)]
        script = FAILS if kind == "failing" else GOOD
        train = build_train(
            engine,
            registry.address,
            f"soak-{index}",
            researcher,
            station_keys(1),
            {"entrypoint.sh": script},
            _tamper if kind == "tampered" else None,
        )
        probe = _engine_probe(engine)
        start = time.perf_counter()
        try:
            report = runner.run(train.reference)
        except Exception as exc:
            soak.unexpected.append(f"run {index} ({kind}): {type(exc).__name__}: {exc}")
            continue
        seconds = time.perf_counter() - start
        outcome = "ok" if report.succeeded else f"failed at {report.failed_step}"
        expected = {"good": "ok", "tampered": "failed at pre-run", "failing": "failed at run"}[kind]
        if outcome != expected:
            soak.unexpected.append(f"run {index} ({kind}): {outcome}: {report.error}")
        if not report.succeeded:  # the pulled train stays "as it was"; an operator removes it
            for reference in (train.reference, train.reference.replace(":latest", ":base")):
                try:
                    engine.client.images.remove(reference, force=True)
                    kept_by_design += 1
                except docker.errors.ImageNotFound:
                    pass
        sample = soak.note("station", index, kind, outcome, seconds, probe)
        steps = " ".join(f"{s.name} {s.finished - s.started:.1f}" for s in report.steps if s.finished)
        print(f"  run {index + 1:>4}/{count} {kind:<9} {outcome:<17} {seconds:6.2f} s  "
              f"RSS {sample.rss_mib:6.1f} MiB  fds {sample.fds}  ({steps}; engine probe {probe:.2f} s, "
              f"load {sample.load:.1f})", flush=True)
    images_left = [
        f"{image.id[7:19]} {image.tags}"
        for image in engine.client.images.list(all=True)
        if image.id not in images_before
    ]
    containers_left = [c.id[:12] for c in engine.client.containers.list(all=True) if c.id not in containers_before]
    return {
        "images_left": images_left,
        "containers_left": containers_left,
        "pulled_images_removed_by_the_soak": kept_by_design,
        "log_files_kept_by_design": len(list(logs.glob("*.log"))) if logs.exists() else 0,
    }


def _engine_probe(engine) -> float:
    """The engine's own pace, apart from the app: the time to create and remove a container."""
    start = time.perf_counter()
    engine.client.containers.create("localhost/pht-test/busybox:latest", ["true"]).remove(force=True)
    return time.perf_counter() - start


def _flip_a_ciphertext_byte(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    with tarfile.open(source) as tar:
        member = next(m for m in tar if m.isreg() and m.name.endswith("model.bin"))
    data[member.offset_data + member.size // 2] ^= 0x01
    target.write_bytes(bytes(data))
    return target


def decrypt_archives(folder: Path, researcher: rsa.RSAPrivateKey) -> dict[str, Path]:
    public = researcher.public_key()
    good = build_archive(folder / "good", public, FILES, station_count=2).path
    gzipped = build_archive(folder / "gzip", public, FILES, station_count=2, gzip=True).path
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    foreign = build_archive(folder / "foreign", stranger, FILES, station_count=2).path
    truncated = folder / "truncated.tar"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    tampered = _flip_a_ciphertext_byte(good, folder / "tampered.tar")
    return {
        "good": good,
        "good-gzip": gzipped,
        "tampered": tampered,
        "truncated": truncated,
        "foreign-key": foreign,
    }


def decrypt_phase(soak: Soak, work: Path, count: int, researcher) -> dict:
    from desktop_app.core.keys.material import KeyMaterial
    from desktop_app.core.keys.types import KeyType
    from desktop_app.core.keystore import KeyStore
    from desktop_app.core.paths import AppPaths
    from desktop_app.core.results.decrypt import DecryptRequest, decrypt_archive
    from desktop_app.core.settings import Settings

    paths = AppPaths.for_profile("default")
    store = KeyStore.open(paths, Settings(paths))
    store.add("soak-researcher", KeyMaterial(KeyType.RSA_2048, researcher), None)
    archives = decrypt_archives(work / "archives", researcher)
    outputs = work / "outputs"
    outputs.mkdir()
    expected = {
        "good": "ok",
        "good-gzip": "ok",
        "tampered": "VerificationFailed",
        "truncated": "UnsafeArchive",
        "foreign-key": "NoFittingKey",
    }
    try:
        for index in range(count):
            kind = DECRYPT_MIX[index % len(DECRYPT_MIX)]
            out = outputs / f"out-{index}"
            start = time.perf_counter()
            try:
                report = decrypt_archive(DecryptRequest(archives[kind], out), store, lambda info: None)
                outcome = "ok" if report.verified else "not verified"
            except PHTError as exc:
                outcome = type(exc).__name__
            except Exception as exc:
                outcome = f"unexpected {type(exc).__name__}"
                soak.unexpected.append(f"decrypt {index} ({kind}): {type(exc).__name__}: {exc}")
            seconds = time.perf_counter() - start
            if outcome != expected[kind] and not outcome.startswith("unexpected"):
                soak.unexpected.append(f"decrypt {index} ({kind}): {outcome}, expected {expected[kind]}")
            shutil.rmtree(out, ignore_errors=True)
            sample = soak.note("decrypt", index, kind, outcome, seconds)
            if (index + 1) % max(1, count // 20) == 0:
                print(f"  decrypt {index + 1:>5}/{count} {kind:<11} {outcome:<18} {seconds * 1000:6.1f} ms  "
                      f"RSS {sample.rss_mib:6.1f} MiB  fds {sample.fds}", flush=True)
    finally:
        store.delete("soak-researcher")
    staging_left = [p.name for p in outputs.iterdir()]
    return {"output_entries_left": staging_left}


def _growth(samples: list[Sample]) -> dict:
    if not samples:
        return {}
    warm = samples[max(0, len(samples) // 10 - 1)]
    return {
        "rss_start_mib": round(samples[0].rss_mib, 1),
        "rss_after_warmup_mib": round(warm.rss_mib, 1),
        "rss_end_mib": round(samples[-1].rss_mib, 1),
        "rss_peak_mib": round(max(s.rss_mib for s in samples), 1),
        "rss_growth_after_warmup_mib": round(samples[-1].rss_mib - warm.rss_mib, 1),
        "rss_growth_from_start_mib": round(samples[-1].rss_mib - samples[0].rss_mib, 1),
        "fds_start": samples[0].fds,
        "fds_after_warmup": warm.fds,
        "fds_end": samples[-1].fds,
    }


def _first_last(values: list[float], label: str) -> dict:
    if len(values) < 2:
        return {}
    k = max(1, len(values) // 10)
    first, last = statistics.mean(values[:k]), statistics.mean(values[-k:])
    return {f"{label}_first_{k}_mean_s": round(first, 3), f"{label}_last_{k}_mean_s": round(last, 3),
            f"{label}_end_over_start": round(last / first, 2) if first else None}


def _times(samples: list[Sample], kind: str) -> dict:
    return _first_last([s.seconds for s in samples if s.kind == kind], kind)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=100, help="station runs (default 100)")
    parser.add_argument("--decrypts", type=int, default=1000, help="decryptions (default 1000)")
    parser.add_argument("--json", type=Path, help="also write the figures and every sample here")
    args = parser.parse_args()
    base = Path(os.environ.get("PHT_BENCH_DIR", ROOT / "benchmarks" / ".work"))
    base.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="soak-", dir=base))
    # The engine's folder lies under the system's temporary folder, as in the tests: with its
    # run root at a long path (here, under benchmarks/.work), Podman 4.3's attach stream did not
    # end when the train ended, and every run waited out the runner's 20 s grace for it.
    engine_dir = Path(tempfile.mkdtemp(prefix="pht-soak-"))
    # Every temporary file of the app goes to a folder of its own, to be counted at the end.
    scratch_tmp = work / "tmp"
    scratch_tmp.mkdir()
    os.environ["TMPDIR"] = str(scratch_tmp)
    tempfile.tempdir = str(scratch_tmp)
    os.environ["PHT_DESKTOP_HOME"] = str(work / "home")
    (work / "registry").mkdir()
    registry = LocalRegistry(work / "registry")
    engine = PodmanService(engine_dir, registry)
    soak = Soak()
    started = time.perf_counter()
    try:
        engine.import_busybox()
        researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        station_keys(1)
        print(f"{args.runs} station runs ({'/'.join(RUN_MIX)}, repeated):", flush=True)
        station = station_phase(soak, engine, registry, work, args.runs, researcher)
        gc.collect()
        print(f"{args.decrypts} decryptions ({'/'.join(DECRYPT_MIX)}, repeated):", flush=True)
        decrypt = decrypt_phase(soak, work, args.decrypts, researcher)
        gc.collect()
        temp_left = sorted(str(p.relative_to(scratch_tmp)) for p in scratch_tmp.iterdir())
    finally:
        engine.stop()
        registry.stop()
    runs = [s for s in soak.samples if s.phase == "station"]
    decrypts = [s for s in soak.samples if s.phase == "decrypt"]
    figures = {
        "runs": args.runs,
        "decrypts": args.decrypts,
        "wall_clock_s": round(time.perf_counter() - started, 1),
        "station": {**_growth(runs), **_times(runs, "good"), **_times(runs, "tampered"),
                    **_times(runs, "failing"), **_first_last([s.engine_probe_s for s in runs], "engine_probe"),
                    "load_first_last": [round(runs[0].load, 1), round(runs[-1].load, 1)] if runs else [],
                    **station},
        "decrypt": {**_growth(decrypts), **_times(decrypts, "good"), **_times(decrypts, "tampered"), **decrypt},
        "whole": _growth(soak.samples),
        "temp_files_left": temp_left,
        "unexpected": soak.unexpected,
    }
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps({**figures, "samples": [asdict(s) for s in soak.samples]}, indent=1))
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(engine_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
