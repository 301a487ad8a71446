"""Failures talking to a FLAME hub: the central client's family, so fronts treat them alike."""

from desktop_app.core.central.errors import CentralError


class FlameError(CentralError):
    """The FLAME hub could not do what was asked, or answered something unusable."""
