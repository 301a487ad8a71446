"""`pht-desktop keys ...`: generate, list, export, import, delete, and where keys are stored."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop_app.cli.context import CliContext
from desktop_app.core.errors import UsageError
from desktop_app.core.keys.passphrase_strength import rate_passphrase, weakness_sentence
from desktop_app.core.keys.types import DEFAULT_KEY_TYPE, EC_NOT_FOR_PHT, KeyType
from desktop_app.core.keystore import ENCRYPTED_FILE, OS_KEYRING, KeyStore, set_storage
from desktop_app.core.settings import write_atomically

ALLOW_WEAK_HELP = "keep a passphrase that rates below 3 of 4 (zxcvbn); it is refused otherwise, with advice"
NO_PASSPHRASE_HELP = (
    "store the private key WITHOUT a passphrase (only the OS keyring protects it); meant for "
    "station automation where nobody is there to type one"
)


def add_passphrase_stdin(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--passphrase-stdin", action="store_true", help=help_text)


def passphrase_from(args: argparse.Namespace, ctx: CliContext, what: str = "passphrase") -> str | None:
    """The passphrase from stdin (one line), or None when the command allows and asked for none."""
    if getattr(args, "passphrase_stdin", False):
        return ctx.read_stdin_line(what)
    if getattr(args, "no_passphrase", False):
        return None
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"{what.capitalize()}: ")
    raise UsageError(f"This needs the {what}: give it as a line on stdin with --passphrase-stdin.")


def open_store(ctx: CliContext) -> KeyStore:
    return KeyStore.open(ctx.paths, ctx.settings)


def _new_key_passphrase(args: argparse.Namespace, ctx: CliContext) -> str | None:
    """The passphrase that will protect a stored key; never None unless --no-passphrase was given."""
    if args.passphrase_stdin and args.no_passphrase:
        raise UsageError("Choose either --passphrase-stdin or --no-passphrase, not both.")
    if not args.passphrase_stdin and not args.no_passphrase and not sys.stdin.isatty():
        raise UsageError("Give the passphrase with --passphrase-stdin, or choose --no-passphrase explicitly.")
    return passphrase_from(args, ctx)


def _warn_if_weak(args: argparse.Namespace, passphrase: str | None, user_inputs: list[str]) -> None:
    """With --allow-weak-passphrase, a weak passphrase goes through, but never silently."""
    if args.allow_weak_passphrase and passphrase:
        strength = rate_passphrase(passphrase, user_inputs)
        if not strength.is_strong:
            print(f"pht-desktop: warning: {weakness_sentence(strength)} Kept as asked.", file=sys.stderr)


def _generate(args: argparse.Namespace, ctx: CliContext) -> int:
    passphrase = _new_key_passphrase(args, ctx)
    store = open_store(ctx)
    _warn_if_weak(args, passphrase, [args.name, args.comment or ""])
    info = store.generate(
        args.name, args.type, passphrase, comment=args.comment or "", allow_weak=args.allow_weak_passphrase
    )
    if info.type.is_ec:
        print(f"note: {EC_NOT_FOR_PHT}", file=sys.stderr)
    print(info.fingerprint)
    return 0


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    keys = open_store(ctx).list_keys()
    if args.json:
        print(json.dumps([k.to_json() for k in keys], indent=2))
        return 0
    if not keys:
        print("No keys in this profile. Create one with: pht-desktop keys generate NAME --type rsa-4096")
        return 0
    width = max(len(k.name) for k in keys)
    for k in keys:
        lock = "" if k.protected else "  (no passphrase)"
        print(f"{k.name:<{width}}  {k.type.value:<13}  {k.created}  {k.grouped_fingerprint}{lock}")
    return 0


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomically(output, text.encode(), mode=0o644)
    except OSError as exc:
        raise UsageError(f"Cannot write {output}: {exc.strerror or exc}.") from exc


def _export(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.unencrypted:
        if not args.private:
            raise UsageError("--unencrypted goes with --private: a public key is never encrypted.")
        return _export_unencrypted(args, ctx)
    store = open_store(ctx)
    if args.public:
        _emit(store.export_public(args.name, args.format), args.output)
        return 0
    if args.output is None:
        raise UsageError("A private key backup is written only to a file: give -o FILE.")
    info = store.get(args.name)
    passphrase = passphrase_from(args, ctx, "passphrase of the stored key") if info.protected else None
    backup_passphrase = None
    if args.passphrase_stdin and (not info.protected or ctx.has_stdin_line()):
        backup_passphrase = ctx.read_stdin_line("passphrase for the backup")
    _warn_if_weak(args, backup_passphrase or passphrase, [args.name])
    store.export_private_backup(
        args.name, passphrase, args.output, backup_passphrase, allow_weak=args.allow_weak_passphrase
    )
    print(f"Encrypted backup of {args.name!r} written to {args.output}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace, ctx: CliContext) -> int:
    passphrase = _new_key_passphrase(args, ctx)
    info = open_store(ctx).import_key(args.file, args.name, passphrase, args.public_file)
    print(info.fingerprint)
    return 0


def _delete(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.yes:
        raise UsageError(f"Deleting {args.name!r} cannot be undone; confirm with --yes.")
    store = open_store(ctx)
    store.get(args.name)
    store.delete(args.name)
    print(f"Deleted key {args.name!r}.", file=sys.stderr)
    return 0


def _storage(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.storage:
        set_storage(ctx.settings, args.storage)
    store = open_store(ctx)
    print(f"Private keys of profile {ctx.paths.profile!r} are stored {store.where}.")
    return 0


# `keys register|unregister` talk to the central server, but live here rather than in
# cli/central.py: that module uses this one's passphrase and key store helpers, so the
# reverse import would be a cycle (an import-linter contract keeps it out). The HTTP client
# (httpx) loads only when one of them runs.


def _register(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.node:
        return _register_node_key(args, ctx)
    from desktop_app.core.central.registration import register_key
    from desktop_app.core.central.session import open_client

    store = open_store(ctx)
    with open_client(ctx.settings, store) as client:
        print(register_key(client, store.get(args.name), replace=args.replace))
    return 0


def _register_node_key(args: argparse.Namespace, ctx: CliContext) -> int:
    """FLAME: the key becomes the public key of a node (the hub has no user keys)."""
    from desktop_app.core.central.profiles import ServerKind
    from desktop_app.core.flame.client import FlameClient
    from desktop_app.core.flame.nodes import register_node_key
    from desktop_app.core.sessions import open_session, profile_for, require_kind

    require_kind(profile_for(ctx.settings), ServerKind.FLAME, "node keys (--node)")
    store = open_store(ctx)
    with open_session(ctx.settings, store) as client:
        assert isinstance(client, FlameClient)
        print(register_node_key(client, store.get(args.name), args.node, replace=args.replace))
    return 0


def _export_unencrypted(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.flame.node_keys import export_node_private_key

    if args.output is None:
        raise UsageError("An unencrypted private key is written only to a new file: give -o FILE.")
    store = open_store(ctx)
    info = store.get(args.name)
    passphrase = passphrase_from(args, ctx, "passphrase of the stored key") if info.protected else None
    warning = export_node_private_key(store, args.name, passphrase, args.output)
    print(f"pht-desktop: warning: {warning}", file=sys.stderr)
    return 0


def _unregister(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.central.registration import unregister_key
    from desktop_app.core.central.session import open_client

    with open_client(ctx.settings, open_store(ctx)) as client:
        print(unregister_key(client, args.name))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    keys = subparsers.add_parser("keys", help="manage key pairs", description="Manage key pairs.")
    sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)

    gen = sub.add_parser("generate", help="generate a key pair; prints its fingerprint")
    gen.add_argument("name", help="3–64 letters, digits, '-', '_' or '.'")
    gen.add_argument(
        "--type",
        default=DEFAULT_KEY_TYPE.value,
        choices=[t.value for t in KeyType],
        help="key type (default: %(default)s); EC keys cannot be used for PHT trains",
    )
    gen.add_argument("--comment", help="a note kept with the key")
    mode = gen.add_mutually_exclusive_group()
    add_passphrase_stdin(mode, "read the passphrase protecting the key from one line of stdin")
    mode.add_argument("--no-passphrase", action="store_true", help=NO_PASSPHRASE_HELP)
    gen.add_argument("--allow-weak-passphrase", action="store_true", help=ALLOW_WEAK_HELP)
    gen.set_defaults(handler=_generate)

    lst = sub.add_parser("list", help="list the keys of this profile")
    lst.add_argument("--json", action="store_true", help="JSON: name, type, fingerprint, created, ...")
    lst.set_defaults(handler=_list)

    exp = sub.add_parser("export", help="export a public key, or an encrypted private backup")
    exp.add_argument("name")
    which = exp.add_mutually_exclusive_group(required=True)
    which.add_argument("--public", action="store_true", help="the public key (Paillier: its JSON)")
    which.add_argument("--private", action="store_true", help="a passphrase-encrypted PKCS#8 backup")
    exp.add_argument(
        "--unencrypted",
        action="store_true",
        help="with --private: the private key as PLAIN unencrypted PKCS#8 PEM (mode 0600, a new file), "
        "for a FLAME node's deployment, whose services read it without a passphrase",
    )
    exp.add_argument("--format", choices=["pem", "hex"], default="pem", help="public key format")
    exp.add_argument("-o", "--output", type=Path, help="file to write (default: stdout, public only)")
    add_passphrase_stdin(
        exp,
        "read the stored key's passphrase from stdin (line 1); an optional line 2 is a different "
        "passphrase for the backup (default: the same)",
    )
    exp.add_argument("--allow-weak-passphrase", action="store_true", help=f"private backup only: {ALLOW_WEAK_HELP}")
    exp.set_defaults(handler=_export)

    imp = sub.add_parser("import", help="import a private key file (PEM, old PHT app files, Paillier JSON)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--public-file", type=Path, help="the matching public key file (public.pem, public-he.key)")
    imp.add_argument("--name", required=True)
    add_passphrase_stdin(imp, "read one line of stdin: it opens an encrypted file and protects the stored key")
    imp.add_argument("--no-passphrase", action="store_true", help=NO_PASSPHRASE_HELP)
    imp.set_defaults(handler=_import)

    dele = sub.add_parser("delete", help="delete a key from this profile (cannot be undone)")
    dele.add_argument("name")
    dele.add_argument("--yes", action="store_true", help="confirm the deletion")
    dele.set_defaults(handler=_delete)

    reg = sub.add_parser(
        "register",
        help="register the public key with the active server (FLAME: as a node's key, with --node)",
    )
    reg.add_argument("name")
    reg.add_argument(
        "--node",
        metavar="NODE_ID",
        help="FLAME: make it the public key of this node (list nodes with `pht-desktop flame nodes`)",
    )
    reg.add_argument(
        "--replace",
        action="store_true",
        help="replace a different key the server holds under this name (FLAME: the node's key)",
    )
    reg.set_defaults(handler=_register)
    unreg = sub.add_parser("unregister", help="delete the server's copy of the key (the local key stays)")
    unreg.add_argument("name")
    unreg.set_defaults(handler=_unregister)

    sto = sub.add_parser("storage", help="show or choose where private keys are stored")
    sto.add_argument(
        "storage",
        nargs="?",
        choices=[OS_KEYRING, ENCRYPTED_FILE],
        help="os-keyring (default) or encrypted-file (explicit opt-in when no OS keyring works)",
    )
    sto.set_defaults(handler=_storage)
