"""Turning a result archive into verified plaintext files (issue 3).

Everything is decrypted into a staging folder on the output's file system
(`output_folder.staged_output`); only when every check holds are the files moved into the
output folder. On any failure or cancel the output folder is as it was.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import _
from desktop_app.core.keys.fingerprint import fingerprint, group_fingerprint
from desktop_app.core.keys.paillier import PaillierPrivateKey
from desktop_app.core.keystore import KeyInfo, KeyStore
from desktop_app.core.progress import CancelToken, Progress, ProgressCallback, no_progress
from desktop_app.core.protocol.hashing import ResultHasher
from desktop_app.core.protocol.hexpem import load_hex_pem_public_key
from desktop_app.core.protocol.symmetric import BadPadding, TruncatedCiphertext
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.protocol.verification import all_passed, check_results
from desktop_app.core.protocol.wrapping import unwrap_key
from desktop_app.core.results.archive_reader import ResultArchive, check_archive_path
from desktop_app.core.results.errors import NoFittingKey, UnsafeArchive, VerificationFailed
from desktop_app.core.results.key_selection import (
    archive_key_fingerprint,
    select_paillier_key,
    select_rsa_key,
)
from desktop_app.core.results.output_folder import check_output, staged_output
from desktop_app.core.results.paillier_results import HE_SUFFIX, decrypt_he_file, plain_name
from desktop_app.core.results.pipeline import ResultHashPipeline
from desktop_app.core.results.report import DecryptionReport, FileEntry
from desktop_app.core.results.safe_text import printable

PassphraseFor = Callable[[KeyInfo], str | None]


@dataclass
class DecryptRequest:
    archive: Path
    output: Path
    key_name: str | None = None
    he_key_name: str | None = None
    force: bool = False
    verify: bool = True


def check_request(request: DecryptRequest) -> None:
    """What can be told before any key is touched: the archive is a file, the output is usable.

    Fronts call it first, so that a missing archive is reported as that, not as a locked keyring."""
    check_archive_path(request.archive)
    check_output(request.output, request.force)


@dataclass(frozen=True)
class OpeningKeys:
    """The keys a decryption uses, already loaded (from the key store, a file, anywhere)."""

    name: str  # how reports call it
    private_key: rsa.RSAPrivateKey
    paillier: PaillierPrivateKey | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.private_key.public_key())


def decrypt_archive(
    request: DecryptRequest,
    store: KeyStore,
    passphrase_for: PassphraseFor,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> DecryptionReport:
    """The key-store layer: find the keys the archive names (or the chosen ones), load them, decrypt."""
    check_output(request.output, request.force)
    with ResultArchive(request.archive) as archive:
        config = archive.config
        info = select_rsa_key(store, config, request.key_name)
        he_info = select_paillier_key(store, config, request.he_key_name) if _has_he(archive) else None
        private_key = store.load_private_key(info.name, passphrase_for(info))
        he_key = store.load_private_key(he_info.name, passphrase_for(he_info)) if he_info else None
        keys = OpeningKeys(info.name, private_key, he_key)  # type: ignore[arg-type]
        return decrypt_opened(archive, request, keys, progress, cancel)


def decrypt_opened(
    archive: ResultArchive,
    request: DecryptRequest,
    keys: OpeningKeys,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> DecryptionReport:
    """Decrypt and verify an opened archive with keys in hand (no key store involved)."""
    check_output(request.output, request.force)
    config = archive.config
    wanted = archive_key_fingerprint(config)
    if keys.fingerprint != wanted:
        raise NoFittingKey(
            _("This archive was encrypted for key {wanted}; key {name} ({fingerprint}) cannot open it.").format(
                wanted=group_fingerprint(wanted), name=keys.name, fingerprint=group_fingerprint(keys.fingerprint)
            )
        )
    wrapped = config.creator_encrypted_key
    if wrapped is None:
        raise UnsafeArchive(_("The archive's train_config.json has no creator.encrypted_key."))
    try:
        file_key = unwrap_key(wrapped, keys.private_key)
    except ValueError as exc:
        raise VerificationFailed(
            _(
                "Verification failed: key {name} is the one the archive names, yet it cannot open "
                "the archive's wrapped file key (creator.encrypted_key): the archive was altered or damaged."
            ).format(name=keys.name)
        ) from exc
    he_key = keys.paillier
    report = DecryptionReport(
        archive=str(request.archive),
        train_id=config.train_id,
        key_name=keys.name,
        key_fingerprint=keys.fingerprint,
        output=str(request.output),
        signed_by=[stop.station for stop in config.signed_stops()],
        station_keys=station_key_fingerprints(config),
        verification_skipped=not request.verify,
    )
    with staged_output(request.output, archive.total_bytes, ".pht-decrypt-") as staged:
        _decrypt_members(archive, file_key, staged.folder, report, progress, cancel, request.verify)
        if he_key is not None:
            _decrypt_paillier(archive, he_key, staged.folder, report)
        elif _has_he(archive):
            report.notes.append(_("Paillier results (*.he.json) stay encrypted: no Paillier key was given or found."))
        staged.move_in([entry.path for entry in report.files], cancel)
    return report


def station_key_fingerprints(config: TrainConfig) -> dict[str, str]:
    """Each route station's key fingerprint as the archive states it ("unreadable" if it is not a key)."""
    found = {}
    for stop in config.route:
        try:
            found[stop.station] = fingerprint(load_hex_pem_public_key(stop.rsa_public_key))
        except PHTError:
            found[stop.station] = "unreadable"
    return found


def _has_he(archive: ResultArchive) -> bool:
    return any(member.name.endswith(HE_SUFFIX) for member in archive.members)


def _decrypt_members(
    archive: ResultArchive,
    file_key: bytes,
    staging: Path,
    report: DecryptionReport,
    progress: ProgressCallback,
    cancel: CancelToken | None,
    verify: bool,
) -> None:
    total = archive.total_bytes
    done = 0
    pipeline = ResultHashPipeline(ResultHasher(archive.config.session_id))
    finished = False
    try:
        for member in archive.members:
            target = staging / member.name
            # Decrypted results are confidential wherever they go: owner-only folders and files
            # (the staging folder itself is mkdtemp's 0700, and becomes the output folder).
            # (mkdir -p would give the mode to the last folder only, hence one level at a time.)
            for folder in reversed(Path(member.name).parents[:-1]):
                (staging / folder).mkdir(mode=0o700, exist_ok=True)
            target.touch(mode=0o600)

            def advance(count: int, label: str = member.name) -> None:
                nonlocal done
                done += count
                progress(Progress(done, total, label))

            try:
                size, sha256 = pipeline.decrypt_to_file(
                    archive.open_member(member), member.size, file_key, target, member.name, advance, cancel
                )
            except TruncatedCiphertext as exc:
                raise UnsafeArchive(str(exc)) from exc
            except BadPadding as exc:
                raise VerificationFailed(_("Verification failed: {exc}").format(exc=exc), report) from exc
            report.files.append(FileEntry(member.name, size, sha256))
        result_hash = pipeline.finish()
        finished = True
    finally:
        if not finished:
            pipeline.abandon()
    report.checks = check_results(archive.config, result_hash)
    if not verify:  # shown for information; the result stays marked UNVERIFIED
        return
    report.verified = all_passed(report.checks)
    if not report.verified:
        failed = next(check for check in report.checks if not check.passed)
        raise VerificationFailed(
            _("Verification failed ({name}): {detail}").format(name=failed.name, detail=printable(failed.detail)),
            report,
        )


def _decrypt_paillier(archive: ResultArchive, he_key, staging: Path, report: DecryptionReport) -> None:
    names = {member.name for member in archive.members}
    for member in archive.members:
        if not member.name.endswith(HE_SUFFIX):
            continue
        target_name = plain_name(member.name)
        if target_name in names:
            raise UnsafeArchive(
                _(
                    "The archive already holds {target_name}; its Paillier plaintext would overwrite "
                    "it, so nothing was written."
                ).format(target_name=target_name)
            )
        target = staging / target_name
        target.touch(mode=0o600)  # confidential like every decrypted file; writing keeps the mode
        decrypt_he_file(staging / member.name, target, he_key, member.name)
        data = target.read_bytes()
        report.files.append(FileEntry(target_name, len(data), hashlib.sha256(data).hexdigest(), member.name))
