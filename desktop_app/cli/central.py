"""`pht-desktop server|login|logout|trains|demo`: the central API from the command line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from desktop_app.cli.context import CliContext
from desktop_app.cli.keys import add_passphrase_stdin, open_store, passphrase_from
from desktop_app.core.central.profiles import ServerKind, ServerProfiles
from desktop_app.core.central.statuses import RESULT_STATUSES
from desktop_app.core.central.tokens import Credentials
from desktop_app.core.central.wording import printable
from desktop_app.core.errors import UsageError
from desktop_app.core.progress import Progress

# The HTTP client (httpx) is imported by the handlers that need it, not at every start-up.


def _client(ctx: CliContext):
    from desktop_app.core.central.session import open_client

    return open_client(ctx.settings, open_store(ctx))


def _session(ctx: CliContext):
    """The active server's client whatever its kind (PHT central, FLAME): for login and logout."""
    from desktop_app.core.sessions import open_session

    return open_session(ctx.settings, open_store(ctx))


# -- server profiles ----------------------------------------------------------------------------


def _server_add(args: argparse.Namespace, ctx: CliContext) -> int:
    kind = ServerKind(args.kind)
    auth = args.auth or (args.api if kind == ServerKind.FEDERATED_NODE else None)
    if not auth:
        raise UsageError(f"A {kind} server needs its auth URL (--auth).")
    profile = ServerProfiles(ctx.settings).add(
        args.name,
        args.api,
        auth,
        args.ca_bundle,
        insecure=args.insecure,
        kind=kind,
        storage_url=args.storage,
        project=args.project,
    )
    if profile.in_clear:
        print(
            f"pht-desktop: warning: server {profile.name} uses plain http: your password and tokens will "
            "travel unencrypted and anyone on the network path can read or change them.",
            file=sys.stderr,
        )
    print(f"Added server profile {profile.name}.", file=sys.stderr)
    return 0


def _server_list(args: argparse.Namespace, ctx: CliContext) -> int:
    profiles = ServerProfiles(ctx.settings)
    active = ctx.settings.get("central.active")
    for profile in profiles.all():
        mark = "*" if profile.name == active else " "
        ca = f"  CA {profile.ca_bundle}" if profile.ca_bundle else ""
        clear = "  (plain http, unencrypted)" if profile.in_clear else ""
        storage = f"  storage {profile.storage_url}" if profile.storage_url else ""
        project = f"  project {profile.project}" if profile.project else ""
        print(
            f"{mark} {profile.label:<24} {profile.kind:<14} {profile.api_url}  auth {profile.auth_url}"
            f"{storage}{project}{ca}{clear}"
        )
    return 0


def _server_use(args: argparse.Namespace, ctx: CliContext) -> int:
    print(f"Active server: {ServerProfiles(ctx.settings).use(args.name).label}", file=sys.stderr)
    return 0


# -- session ------------------------------------------------------------------------------------


def _login(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.cli import federated_node

    if federated_node.is_active(ctx):
        return federated_node.login(args, ctx)
    if args.robot_id:
        if not args.robot_secret_stdin:
            raise UsageError("Give the robot secret with --robot-secret-stdin.")
        credentials = Credentials("robot_credentials", args.robot_id, ctx.read_stdin_line("robot secret"))
    elif args.username:
        if not args.password_stdin:
            raise UsageError("Give the password with --password-stdin.")
        credentials = Credentials("password", args.username, ctx.read_stdin_line("password"), args.realm)
    else:
        raise UsageError("Sign in with --username U --password-stdin, or --robot-id ID --robot-secret-stdin.")
    with _session(ctx) as client:
        client.sign_in(credentials, remember=args.remember)
        print(f"Signed in to {client.profile.label}.", file=sys.stderr)
    return 0


def _logout(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.cli import federated_node

    if federated_node.is_active(ctx):
        return federated_node.logout(args, ctx)
    with _session(ctx) as client:
        client.sign_out()
        print(f"Signed out of {client.profile.label}; tokens removed from the keyring.", file=sys.stderr)
    return 0


# -- trains -------------------------------------------------------------------------------------


def _trains_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.central import api

    with _client(ctx) as client:
        trains = api.list_trains(client, args.status)
    if args.json:
        print(json.dumps([t.raw for t in trains], indent=2))
        return 0
    for t in trains:  # every field is the server's text: shown with control characters escaped
        build, run, result = (printable(t.status(kind), 20) for kind in ("build", "run", "result"))
        updated = printable(str(t.raw.get("updated_at") or "")[:16])
        print(f"{t.id}  {printable(t.name, 60):<20} build {build:<9} run {run:<9} result {result:<9} {updated}")
    return 0


def _trains_sign(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.central.session import open_client
    from desktop_app.core.central.train_review import review_train, sign_reviewed

    store = open_store(ctx)
    info = store.get(args.key)
    with open_client(ctx.settings, store) as client:
        review = review_train(client, args.train_id)
        for path, size in review.files:  # names come from the server: never raw to a terminal
            print(f"  {size:>10}  {printable(path)}", file=sys.stderr)
        print(f"server hash:     {review.server_hash}\nrecomputed hash: {review.computed_hash}", file=sys.stderr)
        passphrase = passphrase_from(args, ctx) if info.protected else None
        sign_reviewed(client, review, store.load_private_key(info.name, passphrase))
    print(f"The hash matches; train {args.train_id} signed with {info.name} and submitted.", file=sys.stderr)
    return 0


class ProgressLine:
    """Progress on stderr, at most a few times a second, when stderr is a terminal."""

    def __init__(self) -> None:
        self.last = 0.0

    def end(self) -> None:
        if sys.stderr.isatty() and self.last:
            print(file=sys.stderr)

    def __call__(self, progress: Progress) -> None:
        if sys.stderr.isatty() and time.monotonic() - self.last > 0.2:
            self.last = time.monotonic()
            total = f" of {progress.total / (1 << 20):.1f}" if progress.total else ""
            print(f"\r{progress.done / (1 << 20):.1f}{total} MiB  {progress.label}   ", end="", file=sys.stderr)


def _download(client, train_id: str, target: Path) -> Path:
    from desktop_app.core.central.download import download_result

    path = download_result(client, train_id, target, ProgressLine())
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return path


def _trains_download(args: argparse.Namespace, ctx: CliContext) -> int:
    with _client(ctx) as client:
        path = _download(client, args.train_id, args.output)
    print(f"Downloaded the result archive to {path}.", file=sys.stderr)
    return 0


def _trains_fetch_result(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.central.session import open_client
    from desktop_app.core.results.decrypt import DecryptRequest, decrypt_archive

    store = open_store(ctx)
    target = args.out.parent / f".{args.out.name}-{args.train_id}.tar"
    with open_client(ctx.settings, store) as client:
        archive = _download(client, args.train_id, target)
    try:
        report = decrypt_archive(
            DecryptRequest(archive, args.out, args.key),
            store,
            lambda info: passphrase_from(args, ctx, f"passphrase of key {info.name}") if info.protected else None,
        )
    finally:
        archive.unlink(missing_ok=True)
    print(report.to_text())
    print(f"Downloaded, decrypted and verified {len(report.files)} files into {args.out}.", file=sys.stderr)
    return 0


# -- registration -------------------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction) -> None:
    server = subparsers.add_parser("server", help="central server profiles")
    sub = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add a server profile (the first one becomes active)")
    add.add_argument("name")
    add.add_argument(
        "--kind",
        choices=[kind.value for kind in ServerKind],
        default=ServerKind.PHT_CENTRAL.value,
        help="the network: PHT central (default), a FLAME hub or a PHEMS Federated Node",
    )
    add.add_argument("--api", required=True, help="API URL (FLAME: the core URL), e.g. https://pht.example.org/api")
    add.add_argument("--auth", help="auth server URL (PHT central and FLAME; a Federated Node signs in at --api)")
    add.add_argument("--storage", help="FLAME only: the storage service URL")
    add.add_argument("--project", help="Federated Node only: your approved project (sent as project-name)")
    add.add_argument("--ca-bundle", help="PEM file of CAs to trust instead of the system's (TLS-inspecting networks)")
    add.add_argument(
        "--insecure",
        action="store_true",
        help="accept a plain http:// address to another computer (password and tokens then travel "
        "unencrypted); http to this computer (127.0.0.1, localhost) needs no flag",
    )
    add.set_defaults(handler=_server_add)
    sub.add_parser("list", help="list server profiles (* = active)").set_defaults(handler=_server_list)
    use = sub.add_parser("use", help="make a profile the active one")
    use.add_argument("name")
    use.set_defaults(handler=_server_use)

    login = subparsers.add_parser("login", help="sign in to the active server; tokens go to the OS keyring")
    login.add_argument("--username")
    login.add_argument("--password-stdin", action="store_true", help="read the password from one line of stdin")
    login.add_argument("--realm", help="the user's realm, if the server has several")
    login.add_argument("--robot-id", help="a robot's id (FLAME hubs since authup 1.0: the robot's client id)")
    login.add_argument("--robot-secret-stdin", action="store_true", help="read the robot secret from stdin")
    login.add_argument("--remember", action="store_true", help="also keep the password in the OS keyring")
    login.set_defaults(handler=_login)
    subparsers.add_parser("logout", help="sign out; forget tokens and remembered password").set_defaults(
        handler=_logout
    )

    trains = subparsers.add_parser("trains", help="your trains on the active server")
    tsub = trains.add_subparsers(dest="trains_command", metavar="ACTION", required=True)
    lst = tsub.add_parser("list", help="list your trains")
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--status", choices=RESULT_STATUSES, help="only trains with this result status")
    lst.set_defaults(handler=_trains_list)
    sign = tsub.add_parser("sign", help="recompute the train's hash from its files; sign and submit only if it matches")
    sign.add_argument("train_id")
    sign.add_argument("--key", required=True)
    add_passphrase_stdin(sign, "read the key's passphrase from stdin")
    sign.set_defaults(handler=_trains_sign)
    download = tsub.add_parser("download", help="download a finished train's result archive (resumable)")
    download.add_argument("train_id")
    download.add_argument("-o", "--output", type=Path, required=True)
    download.set_defaults(handler=_trains_download)
    fetch = tsub.add_parser("fetch-result", help="download, decrypt and verify a train's results")
    fetch.add_argument("train_id")
    fetch.add_argument("--out", type=Path, required=True)
    fetch.add_argument("--key")
    add_passphrase_stdin(fetch, "read the key's passphrase from stdin")
    fetch.set_defaults(handler=_trains_fetch_result)
