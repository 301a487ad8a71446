"""`pht-desktop demo`: a local demo of the central API, so every step can be tried without an account."""

from __future__ import annotations

import argparse
import sys
import threading

from desktop_app.cli.context import CliContext
from desktop_app.core.central.profiles import ServerProfiles

PROFILE = "local-demo"
FLAME_PROFILE = "local-demo-flame"


def _serve(args: argparse.Namespace, ctx: CliContext, stop) -> int:
    """Open the window (or wait for Ctrl+C) while a stand-in serves; `stop` ends it."""
    try:
        if not args.no_gui:
            if ctx.window is not None and ctx.window.can_open():
                return ctx.window.open(ctx.paths.profile)
            print("No display: serving until Ctrl+C (use the CLI in another terminal).", file=sys.stderr)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        stop()
    return 0


def _demo_flame(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.central.profiles import ServerKind
    from desktop_app.demo_hub.flame import FlameHub
    from desktop_app.demo_hub.flame.state import (
        CURRENT_VERSION,
        DEMO_NODE_ID,
        FINISHED_ANALYSIS_ID,
        FLAME_ROBOT,
        FLAME_USER,
        LEGACY_VERSION,
    )

    version = CURRENT_VERSION if args.flame_version == "current" else LEGACY_VERSION
    hub = FlameHub(version, port=args.port).start()
    profiles = ServerProfiles(ctx.settings)
    profiles.add(
        FLAME_PROFILE, hub.core_url, hub.auth_url, demo=True, kind=ServerKind.FLAME, storage_url=hub.storage_url
    )
    profiles.use(FLAME_PROFILE)
    print(
        f"LOCAL DEMO FLAME hub {version} (not a real hub) at {hub.base_url}\n"
        f"  server profile {FLAME_PROFILE!r} is now active\n"
        f"  sign in as {FLAME_USER['name']} / {FLAME_USER['password']}"
        f"  (robot: {FLAME_ROBOT['id']} / {FLAME_ROBOT['secret']})\n"
        f"  node waiting for its key: {DEMO_NODE_ID}\n"
        f"  finished analysis with a result: {FINISHED_ANALYSIS_ID}",
        flush=True,
    )
    return _serve(args, ctx, hub.stop)


def _demo(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.kind == "flame":
        return _demo_flame(args, ctx)
    if args.kind == "federated-node":
        from desktop_app.cli.federated_node import start_demo

        return _serve(args, ctx, start_demo(args, ctx))
    from desktop_app.demo_hub import DemoHub
    from desktop_app.demo_hub.state import DEMO_ROBOT, DEMO_USER, FINISHED_TRAIN_ID, SIGNABLE_TRAIN_ID

    hub = DemoHub(port=args.port).start()
    profiles = ServerProfiles(ctx.settings)
    profiles.add(PROFILE, hub.api_url, hub.auth_url, demo=True)
    profiles.use(PROFILE)
    print(
        f"LOCAL DEMO hub (not a real PHT server) at {hub.base_url}\n"
        f"  server profile {PROFILE!r} is now active\n"
        f"  sign in as {DEMO_USER['name']} / {DEMO_USER['password']}"
        f"  (robot: {DEMO_ROBOT['id']} / {DEMO_ROBOT['secret']})\n"
        f"  train waiting for your signature: {SIGNABLE_TRAIN_ID}\n"
        f"  finished train (register an RSA key first): {FINISHED_TRAIN_ID}",
        flush=True,
    )
    return _serve(args, ctx, hub.stop)


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="start a LOCAL DEMO of the central API on loopback and connect to it")
    demo.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any free one)")
    demo.add_argument(
        "--kind",
        choices=["pht-central", "flame", "federated-node"],
        default="pht-central",
        help="which network to stand in for (default: %(default)s)",
    )
    demo.add_argument(
        "--flame-version",
        choices=["0.8", "current"],
        default="0.8",
        help="FLAME only: play hub 0.8.14 (snake_case, robot_credentials) or the current hub (camelCase)",
    )
    demo.add_argument("--no-gui", action="store_true", help="only serve (for the CLI or tests); Ctrl+C stops")
    demo.set_defaults(handler=_demo)
