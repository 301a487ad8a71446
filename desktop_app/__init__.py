"""PHT Desktop: the desktop companion of the Personal Health Train."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pht-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "PHT Desktop"
