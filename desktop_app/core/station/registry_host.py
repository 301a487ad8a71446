"""Which registry host an image reference names, and whether it is the station's own.

The station's registry password may go to the registry it was configured for and to no other
(a train's reference, or a master image's, is chosen by whoever built or sent the train). The
engine sends whatever credentials it is handed to the registry the reference names, so the
comparison happens here, before the credentials are handed over.

Both sides are reduced to a host (lower case, no trailing dot, no IPv6 brackets) and a port:
- a reference's registry is its first path component when that looks like a host (it has a
  dot or a colon, or is `localhost`), as the engines decide; otherwise it is Docker Hub;
- a configured registry may be written as `host`, `host:port`, `https://host[:port][/path]`
  or `http://host[:port]`; without a port, it means the scheme's default port (443, or 80
  for `http://`); a reference without a port may reach either default port (the engine tries
  HTTPS first, then plain HTTP for an insecure registry), so it matches a configured registry
  on 443 or 80; a reference with a port matches only that port;
- Docker Hub's aliases (`docker.io`, `index.docker.io`, `registry-1.docker.io`) are one host.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.core.i18n import _

DOCKER_HUB = "docker.io"
_HUB_ALIASES = frozenset({"docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"})
_HOST = re.compile(r"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$|^[0-9a-f:.]+$")  # a name, an IPv4 or an IPv6 address


@dataclass(frozen=True)
class RegistryHost:
    host: str
    port: int | None  # None: the default (443; a reference without a port may also reach 80)

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port is None else f"{host}:{self.port}"

    def may_reach(self, configured: RegistryHost) -> bool:
        """Whether a reference naming this host goes to the `configured` registry."""
        if self.host != configured.host:
            return False
        if self.host == DOCKER_HUB or self.port == configured.port:
            return True
        # Without a port, the engine tries HTTPS on 443 and, for a plain-HTTP registry, port 80.
        return self.port is None and configured.port == 80


def _split_port(text: str) -> tuple[str, int | None]:
    """`host:port`, `[v6]:port`, `host` → (host, port); ValueError when the port is no port."""
    if text.startswith("["):
        host, bracket, rest = text[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            raise ValueError(_("an IPv6 address must be written [address]:port"))
        port_text = rest[1:] if rest else ""
    elif text.count(":") == 1:
        host, _colon, port_text = text.partition(":")
    else:
        host, port_text = text, ""
    if not port_text:
        return host, None
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(_("{port_text!r} is not a port").format(port_text=port_text))
    return host, int(port_text)


def _canonical(host: str, port: int | None) -> RegistryHost:
    host = host.lower().rstrip(".")
    if not host or not _HOST.match(host):
        raise ValueError(_("{host!r} is not a host name").format(host=host))
    if host in _HUB_ALIASES:
        return RegistryHost(DOCKER_HUB, None)
    return RegistryHost(host, port)


def configured_registry(value: str) -> RegistryHost:
    """The station's registry setting as a host; ValueError (with the reason) when it is none."""
    text = value.strip()
    scheme_port = None
    for scheme, port in (("https://", 443), ("http://", 80)):
        if text.lower().startswith(scheme):
            text, scheme_port = text[len(scheme) :], port
            break
    if "://" in text:
        raise ValueError(_("only https:// or http:// registries are known"))
    authority = text.split("/", 1)[0]  # a project path after the host does not change the host
    host, port = _split_port(authority)
    if port is None and scheme_port == 80:
        port = 80
    canonical = _canonical(host, port)
    if canonical.port == 443:
        return RegistryHost(canonical.host, None)
    return canonical


def reference_registry(reference: str) -> RegistryHost | None:
    """The registry `reference` names; None when its host part cannot be read (then no registry matches)."""
    name = reference.split("@", 1)[0]
    first, slash, _rest = name.partition("/")
    if not slash or not ("." in first or ":" in first or first == "localhost" or first != first.lower()):
        return RegistryHost(DOCKER_HUB, None)
    try:
        host, port = _split_port(first)
        canonical = _canonical(host, port)
    except ValueError:
        return None
    return RegistryHost(canonical.host, None) if canonical.port == 443 else canonical
