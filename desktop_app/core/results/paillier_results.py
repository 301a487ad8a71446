"""Paillier results: `X.he.json` holds ciphertexts (decimal strings or numbers) as JSON leaves;
with the researcher's Paillier key, `X.plain.json` holds the same tree with integer plaintexts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop_app.core.keys.paillier import PaillierKeyError, PaillierPrivateKey
from desktop_app.core.results.errors import UnsafeArchive

HE_SUFFIX, PLAIN_SUFFIX = ".he.json", ".plain.json"


def plain_name(he_name: str) -> str:
    return he_name[: -len(HE_SUFFIX)] + PLAIN_SUFFIX


def _decrypt_tree(node: Any, key: PaillierPrivateKey, where: str) -> Any:
    if isinstance(node, dict):
        return {k: _decrypt_tree(v, key, f"{where}.{k}") for k, v in node.items()}
    if isinstance(node, list):
        return [_decrypt_tree(v, key, f"{where}[{i}]") for i, v in enumerate(node)]
    if isinstance(node, bool) or not isinstance(node, int | str):
        return node
    if isinstance(node, str) and not node.isdigit():
        return node
    try:
        return key.decrypt(int(node))
    except PaillierKeyError as exc:
        raise UnsafeArchive(f"{where} is not a Paillier ciphertext of this key ({exc}).") from exc


def decrypt_he_file(source: Path, target: Path, key: PaillierPrivateKey, name: str) -> None:
    try:
        tree = json.loads(source.read_text("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise UnsafeArchive(f"The Paillier result {name} is not valid JSON.") from exc
    plain = _decrypt_tree(tree, key, name)
    target.write_text(json.dumps(plain, indent=2) + "\n", "utf-8")
