"""FLAME analysis results against the stand-in hub over real loopback HTTP: list, fetch the whole
bucket or one file, progress and cancel, and hostile or broken streams refused with nothing
written into the output folder (tar bomb, traversal, links, duplicates, truncated, dropped)."""

from __future__ import annotations

import pytest

from desktop_app.core.central.errors import CentralError
from desktop_app.core.errors import Cancelled
from desktop_app.core.flame.errors import FlameError
from desktop_app.core.flame.results import NOT_PROTECTED, fetch_result, list_files, list_results
from desktop_app.core.flame.wire import Dialect
from desktop_app.core.keystore import KeyStore
from desktop_app.core.paths import AppPaths
from desktop_app.core.progress import CancelToken, Progress
from desktop_app.core.results.errors import OutputNotEmpty, UnsafeArchive
from desktop_app.core.settings import Settings
from desktop_app.demo_hub.flame import FlameHub
from desktop_app.demo_hub.flame.state import (
    CURRENT_VERSION,
    DEMO_RESULT_FILES,
    FINISHED_ANALYSIS_ID,
    LEGACY_VERSION,
    RESULT_STORAGE_BUCKET,
    RUNNING_ANALYSIS_ID,
    tar_of,
)
from tests.helpers import hostile_archives as hostile
from tests.helpers.flame import USER_LOGIN, flame_client

pytestmark = pytest.mark.keyring  # the session's tokens live in the real Secret Service


@pytest.fixture
def store(pht_home) -> KeyStore:
    paths = AppPaths.for_profile("default")
    return KeyStore.open(paths, Settings(paths))


@pytest.fixture(params=[LEGACY_VERSION, CURRENT_VERSION])
def hub(request):
    server = FlameHub(request.param).start()
    yield server
    server.stop()


@pytest.fixture
def client(hub, store):
    with flame_client(hub, store) as signed_in:
        signed_in.sign_in(USER_LOGIN)
        yield signed_in


@pytest.fixture
def work(tmp_path):
    """A folder of this test's own: the test's PHT_DESKTOP_HOME lives beside it, not in it."""
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def _left_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_list_shows_analyses_with_their_result_bucket(client) -> None:
    results = {r.id: r for r in list_results(client)}
    assert results[FINISHED_ANALYSIS_ID].storage_bucket == RESULT_STORAGE_BUCKET
    assert results[FINISHED_ANALYSIS_ID].run_status == "finished"
    assert results[RUNNING_ANALYSIS_ID].storage_bucket is None
    names = sorted(f.name for f in list_files(client, results[FINISHED_ANALYSIS_ID]))
    assert names == sorted(DEMO_RESULT_FILES)


def test_filters_the_hub_drops_are_applied_here(hub, client) -> None:
    """Filters in the other version's spelling are dropped by the hub (every bucket and file comes
    back): the CODE and TEMP buckets must still not pass for the result."""
    client._dialect = Dialect(hub.state.version, not client.dialect.camel_case)
    hub.state.bucket_files.append({**hub.state.bucket_files[0], "id": "other-file", "bucket_id": "other-bucket"})
    result = next(r for r in list_results(client) if r.id == FINISHED_ANALYSIS_ID)
    assert result.storage_bucket == RESULT_STORAGE_BUCKET
    assert sorted(f.name for f in list_files(client, result)) == sorted(DEMO_RESULT_FILES)


def test_fetch_extracts_the_bucket_and_says_it_is_unprotected(client, work) -> None:
    seen: list[Progress] = []
    out = work / "results"
    report = fetch_result(client, FINISHED_ANALYSIS_ID, out, seen.append)
    for name, data in DEMO_RESULT_FILES.items():
        assert (out / name).read_bytes() == data
    assert sorted(f.path for f in report.files) == sorted(DEMO_RESULT_FILES)
    assert report.protection == NOT_PROTECTED == "not encrypted by the network; integrity not verifiable"
    assert NOT_PROTECTED in report.to_text() and report.to_json()["protection"] == NOT_PROTECTED
    assert seen and seen[-1].done == sum(map(len, DEMO_RESULT_FILES.values()))
    assert _left_in(work) == ["results"]  # no .download or .part left behind


def test_fetch_one_file(client, work) -> None:
    out = work / "one"
    report = fetch_result(client, FINISHED_ANALYSIS_ID, out, file_name="model/weights.json")
    assert (out / "model" / "weights.json").read_bytes() == DEMO_RESULT_FILES["model/weights.json"]
    assert [f.path for f in report.files] == ["model/weights.json"]
    assert _left_in(out) == ["model"]
    with pytest.raises(FlameError, match="holds no file 'nothing.txt'|holds no file nothing.txt"):
        fetch_result(client, FINISHED_ANALYSIS_ID, work / "two", file_name="nothing.txt")


def test_one_file_comes_gzipped_from_the_current_hub_only_when_asked(hub, client, work) -> None:
    """The current hub gzips a file only for `Accept-Encoding: gzip` (httpx asks, and unpacks);
    0.8.x calls it gzip without compressing it. Either way the bytes written are the file's."""
    import httpx

    result = next(r for r in list_results(client) if r.id == FINISHED_ANALYSIS_ID)
    one = next(f for f in list_files(client, result) if f.name == "summary.csv")
    token = client.tokens.load().access_token
    url = client.storage(f"bucket-files/{one.storage_file}/stream")
    answer = httpx.get(url, headers={"Authorization": f"Bearer {token}", "Accept-Encoding": "gzip"})
    packed = hub.state.camel_case
    assert answer.headers.get("content-encoding") == ("gzip" if packed else None)
    assert answer.headers["content-type"] == ("application/octet-stream" if packed else "application/gzip")
    assert answer.content == DEMO_RESULT_FILES["summary.csv"]
    fetch_result(client, FINISHED_ANALYSIS_ID, work / "out", file_name="summary.csv")
    assert (work / "out" / "summary.csv").read_bytes() == DEMO_RESULT_FILES["summary.csv"]


def test_no_result_yet_and_unknown_analysis(client, work) -> None:
    with pytest.raises(FlameError, match=r"has no result bucket yet \(run status: running\)"):
        fetch_result(client, RUNNING_ANALYSIS_ID, work / "out")
    with pytest.raises(FlameError, match="no analysis"):
        fetch_result(client, "c0ffee00-0000-4000-8000-00000000dfff", work / "out")
    assert _left_in(work) == []


def test_output_folder_not_empty_needs_force(client, work) -> None:
    out = work / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep")
    with pytest.raises(OutputNotEmpty):
        fetch_result(client, FINISHED_ANALYSIS_ID, out)
    assert _left_in(work) == ["out"]  # refused before downloading: nothing beside it either
    fetch_result(client, FINISHED_ANALYSIS_ID, out, force=True)
    assert (out / "mine.txt").read_text() == "keep" and (out / "summary.csv").exists()


def test_cancel_during_download_keeps_the_part_and_a_second_fetch_restarts(hub, client, work) -> None:
    big = {"big.bin": bytes(range(256)) * 16384}  # 4 MiB, streamed in 16 KiB chunks
    hub.state.put_result(RESULT_STORAGE_BUCKET, big)
    hub.faults.throttle_bytes_per_second = 1 << 40  # small chunks, no real delay
    cancel = CancelToken()

    def cancel_at_first(progress: Progress) -> None:
        cancel.cancel()

    out = work / "out"
    with pytest.raises(Cancelled, match="kept"):
        fetch_result(client, FINISHED_ANALYSIS_ID, out, cancel_at_first, cancel)
    assert not out.exists()
    assert [name for name in _left_in(work) if name.endswith(".part")]
    fetch_result(client, FINISHED_ANALYSIS_ID, out)  # the storage ignores Range: a clean restart
    assert (out / "big.bin").read_bytes() == big["big.bin"]
    assert _left_in(work) == ["out"]


def test_cancel_during_extraction_writes_nothing(client, work) -> None:
    cancel = CancelToken()
    calls = []

    def cancel_when_extracting(progress: Progress) -> None:
        calls.append(progress)
        if progress.label in DEMO_RESULT_FILES:  # extraction reports file names, the download its rate
            cancel.cancel()

    out = work / "out"
    with pytest.raises(Cancelled):
        fetch_result(client, FINISHED_ANALYSIS_ID, out, cancel_when_extracting, cancel)
    assert calls and not out.exists()
    assert _left_in(work) == []


HOSTILE = {
    "traversal": (hostile.plain_tar([hostile.member("../evil.txt", b"x")]), "leaves its folder"),
    "absolute path": (hostile.plain_tar([hostile.member("/etc/evil", b"x")]), "absolute path"),
    "symbolic link": (hostile.plain_tar([hostile.header("link", 0, b"2")]), "symbolic link"),
    "hard link": (hostile.plain_tar([hostile.header("link", 0, b"1")]), "hard link"),
    "device": (hostile.plain_tar([hostile.header("dev", 0, b"3")]), "device file"),
    "duplicate": (
        hostile.plain_tar([hostile.member("a.txt", b"1"), hostile.member("a.txt", b"2")]),
        "twice",
    ),
    "case twins": (
        hostile.plain_tar([hostile.member("A.txt", b"1"), hostile.member("a.txt", b"2")]),
        "letter case",
    ),
    "file and folder": (
        hostile.plain_tar([hostile.member("a", b"1"), hostile.member("a/b.txt", b"2")]),
        "both as a file and as a folder",
    ),
    "truncated in a member": (tar_of({"summary.csv": b"x" * 5000})[:1536], "truncated"),
    "truncated before the end marker": (tar_of({"summary.csv": b"x" * 100})[:1024], "truncated"),
    "gzip bomb": (
        hostile.gzip_bytes(hostile.header("zeros.bin", 200 << 20)) + hostile.zeros_gzip(200 << 20),
        "decompression bomb",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_or_broken_streams_are_refused_with_nothing_written(hub, client, work, case) -> None:
    data, reason = HOSTILE[case]
    hub.state.put_stream(RESULT_STORAGE_BUCKET, data)
    out = work / "out"
    with pytest.raises(UnsafeArchive, match=reason):
        fetch_result(client, FINISHED_ANALYSIS_ID, out)
    assert _left_in(work) == []  # no output folder, no staging, no download left
    assert not (work.parent / "evil.txt").exists()


def test_tar_bomb_of_entries_is_refused(hub, client, work) -> None:
    many = hostile.plain_tar(hostile.member(f"f{i}") for i in range(10_001))
    hub.state.put_stream(RESULT_STORAGE_BUCKET, many)
    with pytest.raises(UnsafeArchive, match="more than 10,000 entries"):
        fetch_result(client, FINISHED_ANALYSIS_ID, work / "out")
    assert _left_in(work) == []


def test_a_connection_dropped_mid_stream_is_an_interrupted_download(hub, client, work) -> None:
    hub.state.put_result(RESULT_STORAGE_BUCKET, {"big.bin": b"y" * (3 << 20)})
    hub.faults.drop_download_after = 1 << 20
    report = fetch_result(client, FINISHED_ANALYSIS_ID, work / "out")  # retried from the start
    assert report.files[0].size == 3 << 20
    assert _left_in(work) == ["out"]


def test_fetch_needs_a_session(hub, client, work) -> None:
    client.sign_out()
    with pytest.raises(CentralError, match="not signed in"):
        fetch_result(client, FINISHED_ANALYSIS_ID, work / "out")
    assert _left_in(work) == []
