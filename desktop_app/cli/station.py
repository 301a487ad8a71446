"""`pht-desktop station run|history|config`: run trains at this station from the command line."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.cli.context import CliContext
from desktop_app.cli.keys import add_passphrase_stdin, open_store, passphrase_from
from desktop_app.core.errors import PHTError, Remedy, UsageError
from desktop_app.core.progress import CancelToken
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.settings import REGISTRY_SECRET, StationSettings

# The engine's SDK (docker) is imported by the handlers that need it, not at every start-up.

ENGINE_HINT = "Start Docker or Podman's service (`podman system service`), or give its address with --engine URL."


def worded(exc: PHTError) -> PHTError:
    """The core's remedy in this front's words: a command or a flag to use."""
    if exc.remedy == Remedy.START_ENGINE:
        return StationError(f"{exc} {ENGINE_HINT}", remedy=exc.remedy, details=exc.details)
    return exc


@contextmanager
def ctrl_c_cancels(token: CancelToken) -> Iterator[None]:
    """The first Ctrl-C cancels the run (its container is killed and the run recorded); a second one interrupts."""

    def on_interrupt(signum, frame) -> None:
        if token.cancelled:
            raise KeyboardInterrupt
        print("pht-desktop: cancelling…", file=sys.stderr)
        token.cancel()

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _run(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        return _run_train(args, ctx)
    except PHTError as exc:
        raise worded(exc) from exc


def station_runner(args: argparse.Namespace, ctx: CliContext, *, push: bool = True, keep_images: bool = False):
    """The runner for this station from its settings and the command's flags (and the key's passphrase)."""
    from desktop_app.core.station.engine import connect
    from desktop_app.core.station.records import log_folder
    from desktop_app.core.station.runner import StationRunner, StationSetup

    saved = StationSettings.load(ctx.settings)
    station_id = args.station_id or saved.station_id
    key_name = args.key or saved.key_name
    if not station_id or not key_name:
        raise UsageError("Give --station-id and --key (or set them with `pht-desktop station config`).")
    store = open_store(ctx)
    info = store.get(key_name)
    if not info.is_rsa:
        raise UsageError(f"Key {key_name} is not an RSA key; a station's key must be RSA.")
    key = store.load_private_key(key_name, passphrase_from(args, ctx) if info.protected else None)
    assert isinstance(key, rsa.RSAPrivateKey)
    settings = replace(saved, data=[str(p) for p in args.data] if args.data else saved.data)
    setup = StationSetup(
        station_id,
        key,
        settings.data_folders(),
        settings.limits(),
        settings.credentials(store),
        push=push,
        keep_images=keep_images,
        log_folder=log_folder(ctx.paths.data_dir),
    )
    return StationRunner(connect(args.engine or saved.engine or None), setup)


def _run_train(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.station.records import RunRecords

    runner = station_runner(args, ctx, push=not args.no_push, keep_images=args.keep_images)
    station_id, setup = runner.setup.station_id, runner.setup

    def show_step(step) -> None:
        if step.outcome in ("ok", "failed"):
            print(f"[{step.outcome:>6}] {step.name} {step.detail}".rstrip(), file=sys.stderr)

    token = CancelToken()
    with ctrl_c_cancels(token):
        report = runner.run(args.reference, show_step, lambda line: print(f"  | {line}", file=sys.stderr), token)
    run_id = RunRecords(ctx.paths.data_dir).add(report)
    failure = report.failure(run_id)
    if failure is not None:
        raise failure
    print(f"Run {run_id}: {args.reference} processed as {station_id}" + (" and pushed." if setup.push else "."))
    return 0


def _history(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.station.records import RunRecords

    runs = RunRecords(ctx.paths.data_dir).history()
    if args.json:
        print(json.dumps(runs, indent=2))
        return 0
    for run in runs:
        status = "ok" if run["succeeded"] else "cancel" if run["cancelled"] else "FAILED"
        log = f"  log {run['log_path']}" if run["log_path"] else ""
        print(f"{run['id']:>4}  {status:<6} {run['reference']}  train {run['train_id'] or '—'}{log}")
        if run["error"]:
            step = f"at {run['failed_step']}: " if run["failed_step"] else ""
            print(f"      {step}{run['error']}")
    return 0


def _log(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.station.records import RunRecords
    from desktop_app.core.station.train_log import clean_line

    run = RunRecords(ctx.paths.data_dir).get(args.run_id)
    if run is None:
        raise UsageError(f"There is no run {args.run_id} in this station's history.")
    if not run["log_path"]:
        raise StationError(f"Run {args.run_id} has no log: its train never started ({run['error']}).")
    try:
        with open(run["log_path"], encoding="utf-8", errors="replace") as handle:
            for line in handle:  # streamed: a train may have printed gigabytes
                print(clean_line(line.rstrip("\n")))
    except OSError as exc:
        raise StationError(f"The log of run {args.run_id} cannot be read: {exc.strerror or exc}.") from exc
    return 0


def _config(args: argparse.Namespace, ctx: CliContext) -> int:
    settings = StationSettings.load(ctx.settings)
    changes = {
        "station_id": args.station_id,
        "key_name": args.key,
        "engine": args.engine,
        "registry": args.registry,
        "registry_user": args.registry_user,
        "memory_mib": args.memory_mib,
        "cpus": args.cpus,
        "wall_clock_seconds": args.time_limit,
        "pids_limit": args.pids_limit,
        "disk_mib": args.disk_mib,
        "results_mib": args.results_mib,
        "allowed_master_images": args.allowed_master_image,
    }
    changes = {k: v for k, v in changes.items() if v is not None}
    negative = [f"--{k.replace('_', '-')}" for k, v in changes.items() if isinstance(v, int | float) and v < 0]
    if negative:
        raise UsageError(f"{', '.join(negative)} cannot be negative (0 means no limit).")
    if args.time_limit is not None and args.time_limit < 1:
        raise UsageError("--time-limit must be at least 1 second: a train's run always has a time limit.")
    if args.run_as is not None:
        from desktop_app.core.station.run_limits import user_value

        try:
            changes["run_as_user"] = user_value(args.run_as)
        except ValueError as exc:
            raise UsageError(f"--run-as takes UID:GID (numbers) or 'image', not {args.run_as!r}.") from exc
    if args.registry:
        from desktop_app.core.station.registry_host import configured_registry

        try:
            configured_registry(args.registry)
        except ValueError as exc:
            raise UsageError(f"The registry {args.registry!r} names no registry host ({exc}).") from exc
    if args.data is not None:
        missing = [str(p) for p in args.data if not p.is_dir()]
        if missing:
            raise UsageError(f"Data folders that do not exist: {', '.join(missing)}.")
        changes["data"] = [str(p.resolve()) for p in args.data]
    if changes:
        settings = replace(settings, **changes)
        settings.save(ctx.settings)
    if args.registry_password_stdin:
        open_store(ctx).set_secret(REGISTRY_SECRET, ctx.read_stdin_line("registry password"))
    print(json.dumps({k: v for k, v in settings.__dict__.items()}, indent=2))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    station = subparsers.add_parser("station", help="run trains at this station (Docker or Podman)")
    sub = station.add_subparsers(dest="station_command", metavar="ACTION", required=True)
    run = sub.add_parser("run", help="pull, verify, decrypt, run (no network), re-encrypt, sign and push a train")
    run.add_argument("reference", metavar="REPOSITORY:TAG")
    run.add_argument("--station-id", help="this station's id on the route")
    run.add_argument("--key", help="the station's RSA key (name in the key store)")
    run.add_argument("--engine", help="Docker API URL, e.g. unix:///run/podman/podman.sock")
    run.add_argument("--data", type=Path, nargs="*", help="data folders, mounted read-only at /opt/train_data/NAME")
    run.add_argument("--no-push", action="store_true", help="leave the processed image local")
    run.add_argument("--keep-images", action="store_true", help="keep the local images after pushing")
    add_passphrase_stdin(run, "read the station key's passphrase from stdin")
    run.set_defaults(handler=_run)
    history = sub.add_parser("history", help="past runs at this station")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=_history)
    log = sub.add_parser("log", help="print the log of a past run")
    log.add_argument("run_id", type=int, metavar="RUN_ID")
    log.set_defaults(handler=_log)
    config = sub.add_parser("config", help="show or change the station's settings")
    config.add_argument("--station-id")
    config.add_argument("--key")
    config.add_argument("--engine")
    config.add_argument(
        "--registry", help="the registry host[:port] the registry password is for; no other host is sent it"
    )
    config.add_argument("--registry-user")
    config.add_argument("--registry-password-stdin", action="store_true", help="store the password in the OS keyring")
    config.add_argument("--data", type=Path, nargs="*")
    limits = config.add_argument_group("what a train may use (0: no limit, but for the time)")
    limits.add_argument("--memory-mib", type=int, help="memory, in MiB (default 4096)")
    limits.add_argument("--cpus", type=float, help="CPUs, e.g. 1.5 (default: no limit)")
    limits.add_argument("--time-limit", type=int, help="wall-clock limit of a train's run, in seconds (default 3600)")
    limits.add_argument("--pids-limit", type=int, help="processes and threads at once (default 1024)")
    limits.add_argument(
        "--disk-mib", type=int, help="all a train writes into its container, results included, in MiB (default 10240)"
    )
    limits.add_argument("--results-mib", type=int, help="its results in /opt/pht_results, in MiB (default 4096)")
    limits.add_argument(
        "--run-as",
        metavar="UID:GID|image",
        help="the user trains run as (default 65534:65534, nobody); 'image' keeps the image's own user",
    )
    config.add_argument(
        "--allowed-master-image", nargs="*", metavar="IMAGE", help="trains must be built on one of these images"
    )
    config.set_defaults(handler=_config)
    from desktop_app.cli import station_queue

    station_queue.register(sub)
