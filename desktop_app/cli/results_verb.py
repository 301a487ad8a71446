"""`pht-desktop results list|fetch`: the results of the active server, whatever network it is.

One verb, one table of networks (`NETWORKS`): each kind brings how to list what has results and
how to fetch one into a folder. PHT central: finished trains, fetched through the same path as
`trains fetch-result` (download, decrypt, verify). FLAME: analyses with a RESULT bucket,
downloaded and extracted safely; not encrypted by the network, so nothing can be verified, and
the report says so. Federated Node: the tasks this user knows (cli/federated_node.py), their
result zip downloaded and extracted safely; not encrypted or signed by the network either.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.cli import federated_node
from desktop_app.cli.context import CliContext
from desktop_app.cli.keys import add_passphrase_stdin, open_store
from desktop_app.core.central.profiles import ServerKind
from desktop_app.core.central.wording import printable
from desktop_app.core.errors import UsageError
from desktop_app.core.sessions import profile_for

Handler = Callable[[argparse.Namespace, CliContext], int]


@dataclass(frozen=True)
class Network:
    list: Handler
    fetch: Handler


# -- PHT central ---------------------------------------------------------------------------------


def _central_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.central import api
    from desktop_app.core.central.session import open_client

    with open_client(ctx.settings, open_store(ctx)) as client:
        trains = api.list_trains(client, "finished")
    rows = [
        {"network": "pht-central", "id": t.id, "name": t.name, "status": t.status("run"), "result": True}
        for t in trains
    ]
    return _print_rows(args, rows, "No train of yours has a finished result.")


def _central_fetch(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.cli import central

    if args.file or args.force:
        raise UsageError("--file and --force are for FLAME results; a PHT result is one encrypted archive.")
    args.train_id = args.id
    return central._trains_fetch_result(args, ctx)


# -- FLAME ---------------------------------------------------------------------------------------


def _flame_client(ctx: CliContext):
    from desktop_app.core.flame.client import FlameClient
    from desktop_app.core.sessions import open_session

    client = open_session(ctx.settings, open_store(ctx))
    assert isinstance(client, FlameClient)
    return client


def _flame_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.flame.results import list_results

    with _flame_client(ctx) as client:
        results = list_results(client)
    rows = [
        {
            "network": "flame",
            "id": r.id,
            "name": r.name,
            "status": r.run_status or "",
            "result": bool(r.storage_bucket),
            "result_bucket": r.storage_bucket,
        }
        for r in results
    ]
    return _print_rows(args, rows, "The hub shows you no analysis.")


def _flame_fetch(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.cli.central import ProgressLine
    from desktop_app.core.flame.results import fetch_result

    if args.key or args.passphrase_stdin:
        raise UsageError("FLAME results are not encrypted by the network: no key is used (leave out --key).")
    progress = ProgressLine()
    with _flame_client(ctx) as client:
        report = fetch_result(client, args.id, args.out, progress, force=args.force, file_name=args.file)
    progress.end()
    print(report.to_json_text() if args.json else report.to_text())
    print(
        f"Fetched {len(report.files)} file{'s' if len(report.files) != 1 else ''} into {args.out}: "
        f"{report.protection}.",
        file=sys.stderr,
    )
    return 0


NETWORKS: dict[ServerKind, Network] = {
    ServerKind.PHT_CENTRAL: Network(_central_list, _central_fetch),
    ServerKind.FLAME: Network(_flame_list, _flame_fetch),
    ServerKind.FEDERATED_NODE: Network(federated_node.results_list, federated_node.results_fetch),
}


def _network(ctx: CliContext) -> Network:
    profile = profile_for(ctx.settings)
    network = NETWORKS.get(profile.kind)
    if network is None:
        raise UsageError(f"Results of a {profile.kind} server ({profile.name}) are not supported yet.")
    return network


def _print_rows(args: argparse.Namespace, rows: list[dict], nothing: str) -> int:
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    if not rows:
        print(nothing, file=sys.stderr)
    for row in rows:  # the server's text, escaped for the terminal
        mark = "result" if row["result"] else "no result yet"
        print(f"{row['id']}  {printable(row['name'], 60):<28} {printable(row['status'], 20):<10} {mark}")
    return 0


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    return _network(ctx).list(args, ctx)


def _fetch(args: argparse.Namespace, ctx: CliContext) -> int:
    return _network(ctx).fetch(args, ctx)


def register(subparsers: argparse._SubParsersAction) -> None:
    results = subparsers.add_parser(
        "results", help="results on the active server, any network (PHT trains, FLAME analyses, Federated Node tasks)"
    )
    sub = results.add_subparsers(dest="results_command", metavar="ACTION", required=True)
    lst = sub.add_parser("list", help="what has results: finished trains, or analyses and their result bucket")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=_list)
    fetch = sub.add_parser(
        "fetch",
        help="download a result into a folder: PHT decrypted and verified; FLAME and Federated Node "
        "extracted safely (not encrypted by the network; integrity not verifiable)",
    )
    fetch.add_argument("id", help="the train, analysis or task id")
    fetch.add_argument("--out", type=Path, required=True, help="the output folder (new or empty)")
    fetch.add_argument("--key", help="PHT: the key to decrypt with (default: the one the archive names)")
    add_passphrase_stdin(fetch, "PHT: read the key's passphrase from stdin")
    fetch.add_argument("--file", help="FLAME: only this file of the result (its name as listed)")
    fetch.add_argument("--force", action="store_true", help="FLAME: write into a folder that is not empty")
    fetch.add_argument("--json", action="store_true", help="FLAME: the report as JSON")
    fetch.set_defaults(handler=_fetch)
