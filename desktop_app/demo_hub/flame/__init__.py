"""A stand-in FLAME hub (authup + core + storage) on loopback, built from NETWORKS.md §2.

For `pht-desktop demo --kind flame` and the tests. It answers as the real hub does where the
real one is unkind: keys stored as hex of the PEM, 202 on a node update, unknown filters and
body fields silently dropped, result streams chunked without a length and cut short on a
storage error, field names snake_case on 0.8.x and camelCase on the current hub.
"""

from desktop_app.demo_hub.flame.server import FlameHub

__all__ = ["FlameHub"]
