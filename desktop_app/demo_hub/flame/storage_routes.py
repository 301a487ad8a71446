"""The storage service's stream routes: a bucket as a plain tar, a file as its bytes.

Both are sent chunked with no Content-Length and no Range support (the handler's file stream).
These routes only check that the token is valid (NETWORKS.md §2). A stream cut short (as the
real service's is when an error strikes after the headers) is a test putting truncated bytes in
`FlameState.put_stream`.
"""

from __future__ import annotations

from desktop_app.demo_hub.exchange import FileReply, HubError, Request
from desktop_app.demo_hub.flame.state import FlameState


def bucket_stream(state: FlameState, request: Request, bucket_id: str) -> FileReply:
    request.signed_in_user(state)
    path = state.storage_buckets.get(bucket_id)
    if path is None:
        raise HubError(404, "The bucket was not found.")
    return FileReply(path, "application/x-tar")


def file_stream(state: FlameState, request: Request, file_id: str) -> FileReply:
    request.signed_in_user(state)
    path = state.storage_files.get(file_id)
    if path is None:
        raise HubError(404, "The bucket file was not found.")
    # 0.8.x labels a file gzip without compressing it; the current hub sends octet-stream.
    return FileReply(path, "application/octet-stream" if state.camel_case else "application/gzip")
