"""The result statuses of a train in the central API (PROTOCOL.md), without importing the client."""

RESULT_STATUSES = ("started", "downloading", "downloaded", "extracting", "extracted", "finished", "failed")
