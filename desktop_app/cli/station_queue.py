"""`pht-desktop station inbox` and `station queue add|list|run|remove`: the trains waiting in the
station's registry project, and a queue that runs several one after the other."""

from __future__ import annotations

import argparse
import json
import sys
import time

from desktop_app.cli.context import CliContext
from desktop_app.cli.keys import add_passphrase_stdin, open_store
from desktop_app.cli.station import ctrl_c_cancels, station_runner, worded
from desktop_app.core.errors import PHTError, UsageError
from desktop_app.core.progress import CancelToken
from desktop_app.core.station.settings import StationSettings


def _credentials(ctx: CliContext, settings: StationSettings):
    """The registry credentials, from the keyring only when a registry user is set."""
    return settings.credentials(open_store(ctx)) if settings.registry_user else None


def _inbox(args: argparse.Namespace, ctx: CliContext):
    from desktop_app.core.station.inbox import list_inbox

    settings = StationSettings.load(ctx.settings)
    station_id = args.station_id or settings.station_id
    if not station_id:
        raise UsageError("Give --station-id (or set it with `pht-desktop station config --station-id`).")
    if not settings.registry.strip():
        raise UsageError("No registry is set: set it with `pht-desktop station config --registry HOST/PROJECT`.")
    return list_inbox(settings.registry, station_id, _credentials(ctx, settings))


def _show_inbox(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.station.inbox import describe

    inbox = _inbox(args, ctx)
    if args.json:
        document = {
            "registry": inbox.registry,
            "project": inbox.project,
            "trains": [train.as_dict() for train in inbox.trains],
        }
        print(json.dumps(document, indent=2))
        return 0
    where = f"{inbox.registry}/{inbox.project}" if inbox.project else inbox.registry
    print(f"{len(inbox.waiting)} of {len(inbox.trains)} train image(s) in {where} wait for this station.")
    for train in inbox.trains:
        mark = "*" if train.waiting else " "
        print(f"{mark} {train.reference}  {describe(train)}")
    return 0


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.station.queue import TrainQueue

    references, listed = list(args.images), {}
    if args.waiting:
        inbox = _inbox(args, ctx)
        for train in inbox.waiting:
            references.append(train.reference)
            listed[train.reference] = (train.train_id, train.digest)
    if not references:
        raise UsageError("Name the images to queue, or use --waiting for every train waiting in the inbox.")
    for entry in TrainQueue(ctx.paths.data_dir).add(references, listed):
        print(f"Queued {entry.id}: {entry.reference}")
    return 0


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.station.queue import TrainQueue

    entries = TrainQueue(ctx.paths.data_dir).entries()
    if args.json:
        print(json.dumps([entry.as_dict() for entry in entries], indent=2))
        return 0
    if not entries:
        print("The queue is empty.")
    for entry in entries:
        run = f"  run {entry.run_id}" if entry.run_id is not None else ""
        added = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.added))
        print(f"{entry.id:>4}  {entry.state:<11} {entry.reference}  added {added}{run}")
        if entry.error:
            print(f"      {entry.error}")
    return 0


def _remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.station.queue import TrainQueue

    for entry in TrainQueue(ctx.paths.data_dir).remove(args.ids):
        print(f"Removed {entry.id}: {entry.reference} ({entry.state})")
    return 0


def _run(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        return _run_queue(args, ctx)
    except PHTError as exc:
        raise worded(exc) from exc


def _run_queue(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.station.inbox import digest_lookup
    from desktop_app.core.station.queue import DONE, TrainQueue, recorder, run_queue
    from desktop_app.core.station.records import RunRecords

    queue = TrainQueue(ctx.paths.data_dir)
    runner = station_runner(args, ctx, push=not args.no_push)
    settings = StationSettings.load(ctx.settings)
    digest_of = digest_lookup(settings.registry, runner.setup.credentials)

    def show_entry(entry) -> None:
        if entry.state == "running":
            print(f"Running {entry.id}: {entry.reference}", file=sys.stderr)
        elif entry.state == DONE:
            print(f"Run {entry.run_id}: {entry.reference} done.")
        else:
            print(f"Run {entry.run_id}: {entry.reference} {entry.state}: {entry.error}", file=sys.stderr)

    def run_one(reference: str, token: CancelToken):
        def show_step(step) -> None:
            if step.outcome in ("ok", "failed"):
                print(f"[{step.outcome:>6}] {step.name} {step.detail}".rstrip(), file=sys.stderr)

        return runner.run(reference, show_step, lambda line: print(f"  | {line}", file=sys.stderr), token)

    token = CancelToken()
    with ctrl_c_cancels(token):
        outcome = run_queue(queue, run_one, recorder(RunRecords(ctx.paths.data_dir)), digest_of, show_entry, token)
    failed = [entry for entry in outcome.ran if entry.state != DONE]
    print(f"The queue is empty: {len(outcome.ran)} run(s), {len(failed)} not done.")
    return 1 if failed else 0


def register(sub: argparse._SubParsersAction) -> None:
    inbox = sub.add_parser("inbox", help="the trains in the station's registry project, and which wait for it")
    inbox.add_argument("--station-id", help="this station's id on the route (default: the station's settings)")
    inbox.add_argument("--json", action="store_true")
    inbox.set_defaults(handler=_show_inbox)

    queue = sub.add_parser("queue", help="queue trains and run them one at a time")
    actions = queue.add_subparsers(dest="queue_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="queue images to run, in the order given")
    add.add_argument("images", nargs="*", metavar="REPOSITORY:TAG")
    add.add_argument("--waiting", action="store_true", help="queue every train the inbox says waits for this station")
    add.add_argument("--station-id", help="this station's id on the route, for --waiting")
    add.set_defaults(handler=_add)
    listing = actions.add_parser("list", help="the queue with each entry's state and run")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)
    remove = actions.add_parser("remove", help="take entries off the queue")
    remove.add_argument("ids", nargs="+", type=int, metavar="ID")
    remove.set_defaults(handler=_remove)
    run = actions.add_parser(
        "run",
        help="run the queued trains one at a time until none is left (Ctrl-C stops the current run, then the queue)",
    )
    run.add_argument("--station-id", help="this station's id on the route")
    run.add_argument("--key", help="the station's RSA key (name in the key store)")
    run.add_argument("--engine", help="Docker API URL, e.g. unix:///run/podman/podman.sock")
    run.add_argument("--data", nargs="*", help="data folders, mounted read-only at /opt/train_data/NAME")
    run.add_argument("--no-push", action="store_true", help="leave the processed images local")
    add_passphrase_stdin(run, "read the station key's passphrase from stdin")
    run.set_defaults(handler=_run)
