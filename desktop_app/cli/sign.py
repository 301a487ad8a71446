"""`pht-desktop sign HASH --key NAME`: sign a train hash for the PHT network."""

from __future__ import annotations

import argparse

from desktop_app.cli.context import CliContext
from desktop_app.cli.keys import add_passphrase_stdin, open_store, passphrase_from
from desktop_app.core.keys.train_signing import parse_train_hash, sign_train_hash_hex


def _sign(args: argparse.Namespace, ctx: CliContext) -> int:
    parse_train_hash(args.hash)  # refuse a bad hash before asking for anything
    store = open_store(ctx)
    info = store.get(args.key)
    passphrase = passphrase_from(args, ctx) if info.protected else None
    print(sign_train_hash_hex(store.load_private_key(args.key, passphrase), args.hash))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    sign = subparsers.add_parser(
        "sign",
        help="sign a train hash (128 hex digits) for the PHT network; prints the signature hex",
        description="Sign a train hash: RSASSA-PKCS1-v1_5 with SHA-512 over its 64 bytes.",
    )
    sign.add_argument("hash", metavar="HASH_HEX")
    sign.add_argument("--key", required=True, help="name of an RSA key")
    add_passphrase_stdin(sign, "read the key's passphrase from one line of stdin")
    sign.set_defaults(handler=_sign)
