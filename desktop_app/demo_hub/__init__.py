"""A local demo of the PHT central API, served on loopback inside the app's process.

`pht-desktop demo` starts it so a newcomer can try every step without an account, and the
tests talk to it over real HTTP. It speaks the routes and shapes of shared/PROTOCOL.md
("Central API"): an OAuth2-style token endpoint, user-secrets, trains, train files and the
result download. It is clearly a demo: nothing it holds is real.

It is a front like `cli` and `gui`: it uses `core` (the station's post-run code makes its
result archives), and `core` never imports it.
"""

from desktop_app.demo_hub.faults import Faults
from desktop_app.demo_hub.server import DemoHub

__all__ = ["DemoHub", "Faults"]
