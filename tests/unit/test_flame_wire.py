"""The FLAME hub's two spellings: which one a version speaks, and answers read in either."""

from __future__ import annotations

import pytest

from desktop_app.core.flame.errors import FlameError
from desktop_app.core.flame.wire import Dialect, camel, identifier, text


@pytest.mark.parametrize(
    ("version", "camel_case"),
    [("0.8.14", False), ("v0.8.3", False), ("0.9.0", True), ("0.14.0", True), ("1.0.0-rc.1", True)],
)
def test_version_numbers(version: str, camel_case: bool) -> None:
    assert Dialect.for_version(version).camel_case is camel_case


@pytest.mark.parametrize("version", ["", "latest", "0", "0.8.x", "1.2.3 ; rm"])
def test_what_is_not_a_version_is_a_sentence(version: str) -> None:
    with pytest.raises(FlameError, match="not a version number"):
        Dialect.for_version(version)


def test_names_are_sent_in_the_hubs_spelling_and_read_in_either() -> None:
    assert camel("analysis_id") == "analysisId" and camel("id") == "id"
    legacy, current = Dialect("0.8.14", False), Dialect("0.14.0", True)
    assert legacy.filter("bucket_id") == "filter[bucket_id]" and current.filter("bucket_id") == "filter[bucketId]"
    record = {"externalId": "abc", "run_status": "finished"}
    assert legacy.get(record, "external_id") == current.get(record, "external_id") == "abc"
    assert text(current, record, "run_status", "an analysis") == "finished"
    with pytest.raises(FlameError, match="field 'externalId' of a bucket is .*not an id"):
        identifier(current, {"externalId": "a/b"}, "external_id", "a bucket")
