"""Two rules every client of the app shares, whichever server it speaks to."""

from __future__ import annotations

import ipaddress
import ssl


def is_loopback(host: str | None) -> bool:
    """`localhost` or a loopback address, with or without a port (`127.0.0.1:5000`, `[::1]:5000`).
    A name that is not `localhost` is not: it may resolve anywhere."""
    if not host:
        return False
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 or host.startswith("[") else host
    name = name.strip("[]")
    if name.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def os_trust_store() -> ssl.SSLContext:
    """The operating system's trust store (a site CA the OS trusts is trusted here too)."""
    try:
        import truststore

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except ImportError:  # pragma: no cover - truststore is a dependency; OpenSSL's store otherwise
        return ssl.create_default_context()
