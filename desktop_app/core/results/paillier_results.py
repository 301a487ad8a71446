"""Paillier results: `X.he.json` holds ciphertexts (decimal strings or numbers) as JSON leaves;
with the researcher's Paillier key, `X.plain.json` holds the same tree with integer plaintexts.

The file comes from the archive: a leaf that is not a decimal ciphertext of this key ("²" is a
digit to `str.isdigit`, 5,000 digits are past `int`'s limit), a tree nested deeper than
`MAX_DEPTH` or a file over `MAX_HE_SIZE` is refused with a sentence (exit 5).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop_app.core.i18n import _
from desktop_app.core.keys.paillier import PaillierKeyError, PaillierPrivateKey
from desktop_app.core.progress import human_size
from desktop_app.core.results.errors import UnsafeArchive
from desktop_app.core.results.safe_text import printable

HE_SUFFIX, PLAIN_SUFFIX = ".he.json", ".plain.json"
MAX_DEPTH = 64
# Each ciphertext is ~1,250 digits for a 2,048-bit key: 64 MiB is some 50,000 of them, minutes
# of decryption; more is not a statistic but an attempt to exhaust memory.
MAX_HE_SIZE = 64 << 20


def plain_name(he_name: str) -> str:
    return he_name[: -len(HE_SUFFIX)] + PLAIN_SUFFIX


def _ciphertext(leaf: int | str, key: PaillierPrivateKey, where: str) -> int:
    if isinstance(leaf, str) and len(leaf) > len(str(key.public.n_square)):
        raise UnsafeArchive(
            _("{where} is not a Paillier ciphertext of this key (it is too long).").format(where=printable(where))
        )
    try:
        return key.decrypt(int(leaf))
    except (PaillierKeyError, ValueError) as exc:
        raise UnsafeArchive(
            _("{where} is not a Paillier ciphertext of this key ({exc}).").format(where=printable(where), exc=exc)
        ) from exc


def _decrypt_tree(node: Any, key: PaillierPrivateKey, where: str, depth: int = 1) -> Any:
    if depth > MAX_DEPTH:
        raise UnsafeArchive(
            _("{where} is nested more than {max_depth} levels deep.").format(
                where=printable(where), max_depth=MAX_DEPTH
            )
        )
    if isinstance(node, dict):
        return {k: _decrypt_tree(v, key, f"{where}.{k}", depth + 1) for k, v in node.items()}
    if isinstance(node, list):
        return [_decrypt_tree(v, key, f"{where}[{i}]", depth + 1) for i, v in enumerate(node)]
    if isinstance(node, bool) or not isinstance(node, int | str):
        return node
    if isinstance(node, str) and not (node.isascii() and node.isdigit()):
        return node  # a label, kept as it is
    return _ciphertext(node, key, where)


def decrypt_he_file(source: Path, target: Path, key: PaillierPrivateKey, name: str) -> None:
    if source.stat().st_size > MAX_HE_SIZE:
        raise UnsafeArchive(
            _("The Paillier result {name} is larger than {max_he_size}; it is refused.").format(
                name=name, max_he_size=human_size(MAX_HE_SIZE)
            )
        )
    try:
        tree = json.loads(source.read_text("utf-8"))
    except RecursionError as exc:
        raise UnsafeArchive(
            _("The Paillier result {name} is nested more than {max_depth} levels deep.").format(
                name=name, max_depth=MAX_DEPTH
            )
        ) from exc
    except (ValueError, UnicodeDecodeError) as exc:  # also numbers past int's 4,300 digits
        raise UnsafeArchive(
            _("The Paillier result {name} is not valid JSON ({exc}).").format(name=name, exc=exc)
        ) from exc
    plain = _decrypt_tree(tree, key, name)
    target.write_text(json.dumps(plain, indent=2) + "\n", "utf-8")
