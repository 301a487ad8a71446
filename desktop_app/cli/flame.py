"""`pht-desktop flame nodes`: the FLAME hub's nodes, to pick the one whose key you set.

Node keys themselves are set with `keys register NAME --node NODE_ID` and exported for the
node's deployment with `keys export NAME --private --unencrypted -o FILE`.
"""

from __future__ import annotations

import argparse
import json

from desktop_app.cli.context import CliContext
from desktop_app.cli.keys import open_store
from desktop_app.core.central.profiles import ServerKind
from desktop_app.core.central.wording import printable
from desktop_app.core.keys.fingerprint import group_fingerprint
from desktop_app.core.sessions import profile_for, require_kind


def _nodes(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.flame.client import FlameClient
    from desktop_app.core.flame.nodes import UNREADABLE, list_nodes
    from desktop_app.core.sessions import open_session

    require_kind(profile_for(ctx.settings), ServerKind.FLAME, "nodes")
    with open_session(ctx.settings, open_store(ctx)) as client:
        assert isinstance(client, FlameClient)
        nodes = list_nodes(client)
    if args.json:
        print(json.dumps([node.to_json() for node in nodes], indent=2))
        return 0
    for node in nodes:
        fingerprint = node.key_fingerprint
        key = (
            "no key"
            if not fingerprint
            else "unreadable key"
            if fingerprint == UNREADABLE
            else group_fingerprint(fingerprint)
        )
        print(f"{node.id}  {printable(node.name, 60):<24} {key}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    flame = subparsers.add_parser("flame", help="FLAME hub: the nodes and their public keys")
    sub = flame.add_subparsers(dest="flame_command", metavar="ACTION", required=True)
    nodes = sub.add_parser("nodes", help="list the hub's nodes with their key's fingerprint")
    nodes.add_argument("--json", action="store_true")
    nodes.set_defaults(handler=_nodes)
