"""A researcher's FLAME analysis results: list them, list a result bucket's files, fetch them.

The path (NETWORKS.md §2): `GET {CORE}/analyses`, their RESULT buckets from
`GET {CORE}/analysis-buckets` (`external_id` is the storage bucket), the files from
`GET {CORE}/analysis-bucket-files`, then `GET {STORAGE}/buckets/:id/stream` (a plain tar, chunked,
no length) or `GET {STORAGE}/bucket-files/:id/stream` (one file's bytes). Filters are sent in the
hub's spelling and applied here again: a hub that drops a filter it does not know must not
make another analysis's files look like these.

FLAME final results are neither encrypted nor signed (the node uploads them as they are): the
report says so, and says what was checked — the archive's safety, not its origin.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from desktop_app.core.central.download import download_file, part_path
from desktop_app.core.central.wording import printable
from desktop_app.core.flame import wire
from desktop_app.core.flame.client import FlameClient
from desktop_app.core.flame.errors import FlameError
from desktop_app.core.flame.extract import ExtractedFile, checked_name, extract_tar
from desktop_app.core.i18n import N_, _
from desktop_app.core.progress import CancelToken, ProgressCallback, no_progress
from desktop_app.core.results.output_folder import check_output, check_targets  # the decrypted results' output rules

RESULT = "RESULT"
NOT_PROTECTED = N_("not encrypted by the network; integrity not verifiable")
# An analysis's run status (the hub's AnalysisHubStatus) in words; one it does not know is shown as sent.
RUN_STATUS_WORDS = {
    "starting": N_("starting"),
    "started": N_("started"),
    "running": N_("running"),
    "stopping": N_("stopping"),
    "stopped": N_("stopped"),
    "finished": N_("finished"),
    "failed": N_("failed"),
}


def run_status_words(status: str | None) -> str:
    if not status:
        return ""
    return _(RUN_STATUS_WORDS[status]) if status in RUN_STATUS_WORDS else printable(status, 40)


@dataclass(frozen=True)
class AnalysisResult:
    id: str
    name: str
    run_status: str | None
    bucket_id: str | None  # the analysis-bucket (core) of type RESULT, if the analysis has one
    storage_bucket: str | None  # its storage bucket (`external_id`)

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class BucketFile:
    id: str
    name: str
    storage_file: str  # `external_id`: the storage service's file id


def _result_buckets(client: FlameClient) -> dict[str, tuple[str, str | None]]:
    """analysis id → (bucket id, storage bucket id) of its RESULT bucket."""
    dialect = client.dialect
    found: dict[str, tuple[str, str | None]] = {}
    for raw in wire.paged(client, "analysis-buckets", {dialect.filter("type"): RESULT}, "analysis buckets"):
        what = _("an analysis bucket")
        if wire.text(dialect, raw, "type", what) != RESULT:
            continue  # the filter was not applied by the hub
        analysis = wire.identifier(dialect, raw, "analysis_id", what)
        found[analysis] = (
            wire.identifier(dialect, raw, "id", what),
            wire.optional_identifier(dialect, raw, "external_id", what),
        )
    return found


def list_results(client: FlameClient) -> list[AnalysisResult]:
    """Every analysis the signed-in user can see, with its RESULT bucket where it has one."""
    dialect = client.dialect
    buckets = _result_buckets(client)
    results = []
    for raw in wire.paged(client, "analyses", {}, "analyses"):
        analysis_id = wire.identifier(dialect, raw, "id", "an analysis")
        bucket, storage = buckets.get(analysis_id, (None, None))
        results.append(
            AnalysisResult(
                analysis_id,
                wire.text(dialect, raw, "name", "an analysis") or "",
                wire.text(dialect, raw, "run_status", "an analysis"),
                bucket,
                storage,
            )
        )
    return results


def find_result(client: FlameClient, analysis_id: str) -> AnalysisResult:
    wire.check_id(analysis_id, "analysis")
    for result in list_results(client):
        if result.id == analysis_id:
            if not result.storage_bucket:
                status = printable(result.run_status or "unknown", 40)
                raise FlameError(
                    _("Analysis {name} has no result bucket yet (run status: {status}).").format(
                        name=printable(result.name or result.id, 80), status=status
                    )
                )
            return result
    raise FlameError(_("The hub shows you no analysis {id}.").format(id=analysis_id))


def list_files(client: FlameClient, result: AnalysisResult) -> list[BucketFile]:
    """The files of an analysis's result bucket, as the core lists them."""
    if not result.bucket_id:
        return []
    dialect = client.dialect
    params = {dialect.filter("bucket_id"): result.bucket_id}
    files = []
    for raw in wire.paged(client, "analysis-bucket-files", params, "result files"):
        what = _("a result file")
        if wire.identifier(dialect, raw, "bucket_id", what) != result.bucket_id:
            continue  # the filter was not applied by the hub
        files.append(
            BucketFile(
                wire.identifier(dialect, raw, "id", what),
                wire.text(dialect, raw, "name", what) or "",
                wire.identifier(dialect, raw, "external_id", what),
            )
        )
    return files


@dataclass
class FetchReport:
    """What fetching a FLAME result did; `protection` is said in every form of the report."""

    analysis_id: str
    analysis_name: str
    output: str
    source: str  # where it came from (the storage URL)
    files: list[ExtractedFile] = field(default_factory=list)
    protection: str = NOT_PROTECTED
    checks: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        doc = asdict(self)
        doc["network"] = "flame"
        return doc

    def to_json_text(self) -> str:
        return json.dumps(self.to_json(), indent=2)

    def to_text(self) -> str:
        lines = [
            f"Analysis: {printable(self.analysis_name) or '(no name)'} ({self.analysis_id})",
            f"From:     {printable(self.source)}",
            f"Status:   {_(self.protection)}",
        ]
        lines += [f"  [ok] {check}" for check in self.checks]
        lines.append(f"Output:   {self.output}")
        lines += [f"  {item.size:>12}  {item.sha256}  {printable(item.path)}" for item in self.files]
        lines.append(
            "Note: the SHA-256 sums are of the bytes as received, to compare copies later; "
            "they do not show who made the files."
        )
        return "\n".join(lines)


ARCHIVE_CHECKS = [
    N_("the archive was read whole (no truncated stream)"),
    N_("every member is a regular file or folder inside the output folder (no links, devices, absolute paths or ..)"),
    N_("no duplicate names, within the entry limit"),
]


def fetch_result(
    client: FlameClient,
    analysis_id: str,
    out_dir: Path,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    force: bool = False,
    file_name: str | None = None,
) -> FetchReport:
    """Download an analysis's result bucket (or one file of it) and extract it into `out_dir`.

    The download goes to a hidden `.part` file beside `out_dir`, resumed where the storage allows
    a Range (a clean restart otherwise); a cancel keeps it for the next try. The archive is
    removed once extracted or refused; a refusal writes nothing into `out_dir`."""
    result = find_result(client, analysis_id)
    report = FetchReport(result.id, result.name, str(out_dir), client.storage_url)
    download = out_dir.parent / f".{out_dir.name}-flame-{result.id}.download"
    if file_name is not None:
        return _fetch_one(client, result, out_dir, download, report, file_name, progress, cancel, force)
    check_output(out_dir, force)  # before the download: a full folder is said at once
    download_file(client, client.storage(f"buckets/{result.storage_bucket}/stream"), download, progress, cancel)
    try:
        report.files = extract_tar(download, out_dir, force, progress, cancel)
    finally:
        download.unlink(missing_ok=True)
        part_path(download).unlink(missing_ok=True)
    report.checks = [_(check) for check in ARCHIVE_CHECKS]
    return report


def _fetch_one(
    client: FlameClient,
    result: AnalysisResult,
    out_dir: Path,
    download: Path,
    report: FetchReport,
    file_name: str,
    progress: ProgressCallback,
    cancel: CancelToken | None,
    force: bool,
) -> FetchReport:
    """One file of the bucket, by its name as the core lists it, written under `out_dir`."""
    wanted = next((f for f in list_files(client, result) if f.name == file_name), None)
    if wanted is None:
        raise FlameError(
            _("The result of analysis {name} holds no file {file}.").format(
                name=printable(result.name or result.id, 80), file=printable(file_name, 120)
            )
        )
    name = checked_name(wanted.name)
    check_output(out_dir, force)
    download_file(client, client.storage(f"bucket-files/{wanted.storage_file}/stream"), download, progress, cancel)
    try:
        if out_dir.exists():
            check_targets(out_dir, [name])
        target = out_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with download.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        if cancel:
            cancel.commit(_("the file was already written to {target}.").format(target=target))
        os.replace(download, target)
    finally:
        download.unlink(missing_ok=True)
    report.files = [ExtractedFile(name, target.stat().st_size, digest.hexdigest())]
    report.checks = [_("the file name stays inside the output folder")]
    return report
