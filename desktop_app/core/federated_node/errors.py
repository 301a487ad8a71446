"""Failures talking to a Federated Node, each a sentence a researcher can act on."""

from __future__ import annotations

from desktop_app.core.errors import PHTError, Remedy


class NodeError(PHTError):
    """The node could not do what was asked, or answered something unusable."""


class NodeNotSignedIn(NodeError):
    """No valid session with the node: sign in (again)."""

    remedy = Remedy.SIGN_IN_AGAIN


class ResultsNotReleased(NodeError):
    """The task's results exist but the node's reviewers have not released them (yet).

    Not a failure of this program or of the network: the exit code is EX_TEMPFAIL (75), so a
    script can tell "try again later" from "something went wrong"."""

    exit_code = 75

    def __init__(self, message: str, review: str) -> None:
        super().__init__(message)
        self.review = review


class UnsafeZip(NodeError):
    """A result zip breaks one of the extraction rules; nothing of it was written."""

    exit_code = 5
