"""The storage service's stream routes: a bucket as a plain tar, a file as its bytes.

Both are sent chunked with no Content-Length and no Range support (the handler's file stream).
These routes only check that the token is valid (NETWORKS.md §2). A stream cut short (as the
real service's is when an error strikes after the headers) is a test putting truncated bytes in
`FlameState.put_stream`.
"""

from __future__ import annotations

import gzip

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
    if not state.camel_case:  # 0.8.x labels a file gzip without compressing it
        return FileReply(path, "application/gzip")
    # The current hub sends octet-stream, gzipped only when the client asks for it.
    if "gzip" in (request.headers.get("Accept-Encoding") or ""):
        packed = path.with_name(path.name + ".gz")
        if not packed.exists():
            packed.write_bytes(gzip.compress(path.read_bytes(), mtime=0))
        return FileReply(packed, "application/octet-stream", encoding="gzip")
    return FileReply(path, "application/octet-stream")
