"""A station's pre-run, without a container: open the train, decrypt it, check it.

The counterpart of `post_run.py` (PROTOCOL.md "What a station does"), for the station runner:
it gets the image's files as streams (from the engine's archive export) and folders to put the
plaintext in; what to do with the verdict (refuse to run) is the runner's business.

API:
- `station_pre_run(config, station_id, station_key, train_files, train_dir, previous_results=(),
  results_dir=None, query=None, cancel=None) -> PreRunOutcome`
  `train_files`: (name, encrypted stream) pairs of `/opt/pht_train` in any order; names as in
  `file_list` (a leading `./` is ignored); an unlisted `query.json` among them is the train's
  query, as the reference station treats it. `previous_results`: (name, encrypted stream) pairs of
  `/opt/pht_results` in tar-member order (the result hash's order). `query`: the train's query
  when it travels apart from the files (it is hashed after the session id). Streams are
  decrypted in chunks with the key wrapped for this station into the given folders.
  `outcome.checks` holds named checks (train files complete, train hash, the researcher's and
  the builder's signatures, and for a later stop the previous results and route signatures);
  `outcome.passed` is True only when every one held.
- Raises `PreRunError` when this station is not on the route or its key does not open the
  train, and `CiphertextError` for a damaged file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import _
from desktop_app.core.progress import CancelToken
from desktop_app.core.protocol.hashing import QUERY_FILE, ResultHasher, normalise_train_file_name, train_hash
from desktop_app.core.protocol.post_run import PostRunError, safe_relative_name
from desktop_app.core.protocol.symmetric import decrypt_file
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.protocol.verification import Check, all_passed, check_previous_results, check_train
from desktop_app.core.protocol.wrapping import unwrap_key

CHUNK = 1 << 20


class PreRunError(PHTError):
    """The train cannot be opened at this station."""


@dataclass
class PreRunOutcome:
    file_key: bytes
    checks: list[Check] = field(default_factory=list)
    train_files: list[str] = field(default_factory=list)
    results: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all_passed(self.checks)


def _chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while data := handle.read(CHUNK):
            yield data


def _decrypt_into(
    files: Iterable[tuple[str, BinaryIO]],
    folder: Path,
    file_key: bytes,
    hasher: ResultHasher | None,
    cancel: CancelToken | None,
) -> list[str]:
    names = []
    for name, stream in files:
        if cancel:
            cancel.raise_if_cancelled()
        try:
            relative = safe_relative_name(normalise_train_file_name(name))
        except PostRunError as exc:
            raise PreRunError(str(exc)) from exc
        target = folder.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as out:
            decrypt_file(stream, out, file_key, hasher, what=str(relative))
        names.append(str(relative))
    return names


def _check_file_set(config: TrainConfig, present: list[str]) -> Check:
    listed = {normalise_train_file_name(name) for name in config.file_list}
    missing = sorted(listed - set(present))
    extra = sorted(set(present) - listed - {QUERY_FILE})
    if not missing and not extra:
        return Check("train_files", True, _("The train holds exactly the files of its file list."))
    problems = [_("missing {missing}").format(missing=", ".join(missing))] if missing else []
    problems += [_("not in its file list: {extra}").format(extra=", ".join(extra))] if extra else []
    return Check(
        "train_files",
        False,
        _("The train's files do not match its file list ({problems}).").format(problems="; ".join(problems)),
    )


def station_pre_run(
    config: TrainConfig,
    station_id: str,
    station_key: rsa.RSAPrivateKey,
    train_files: Iterable[tuple[str, BinaryIO]],
    train_dir: Path,
    previous_results: Iterable[tuple[str, BinaryIO]] = (),
    results_dir: Path | None = None,
    query: bytes | None = None,
    cancel: CancelToken | None = None,
) -> PreRunOutcome:
    """Decrypt the train (and earlier results) with this station's key, and check them."""
    stop = config.stop_for(station_id)
    if stop is None:
        raise PreRunError(_("Station {station_id} is not on this train's route.").format(station_id=station_id))
    wrapped = stop.encrypted_key
    if wrapped is None:
        raise PreRunError(_("The train carries no file key for station {station_id}.").format(station_id=station_id))
    try:
        file_key = unwrap_key(wrapped, station_key)
    except ValueError as exc:
        raise PreRunError(
            _("Station {station_id}'s key cannot open this train's file key: it was encrypted for another key.").format(
                station_id=station_id
            )
        ) from exc
    outcome = PreRunOutcome(file_key)
    outcome.train_files = _decrypt_into(train_files, train_dir, file_key, None, cancel)
    files_check = _check_file_set(config, outcome.train_files)
    outcome.checks.append(files_check)
    if files_check.passed:
        listed = [normalise_train_file_name(name) for name in config.file_list]
        if query is None and QUERY_FILE in outcome.train_files and QUERY_FILE not in listed:
            query = (train_dir / QUERY_FILE).read_bytes()  # the query travels as an unlisted query.json
        computed = train_hash(
            config.creator_id, ((name, _chunks(train_dir / name)) for name in listed), config.session_id, query
        )
        outcome.checks += check_train(config, computed)
    if stop.index > 0 or config.result_hash is not None:
        if results_dir is None:
            raise PreRunError(_("The earlier stations' results need a folder to be decrypted into (results_dir)."))
        hasher = ResultHasher(config.session_id)
        outcome.results = _decrypt_into(previous_results, results_dir, file_key, hasher, cancel)
        outcome.checks += check_previous_results(config, hasher.finish(), station_id)
    return outcome
