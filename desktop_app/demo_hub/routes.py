"""The demo hub's route table: method, path pattern, and the function that answers.

Auth lives under `/auth`, the API under `/api`, on one port. The first row whose method and
pattern match answers; captured groups (ids) follow the request in the call.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.demo_hub import auth_routes, secret_routes, train_routes
from desktop_app.demo_hub.exchange import FileReply, Reply

ID = r"([\w-]+)"


@dataclass(frozen=True)
class Route:
    method: str
    pattern: str
    answer: Callable[..., Reply | FileReply]

    def match(self, method: str, path: str) -> tuple[str, ...] | None:
        found = re.fullmatch(self.pattern, path) if method == self.method else None
        return found.groups() if found else None


ROUTES = [
    Route("POST", r"/auth/token", auth_routes.token),
    Route("GET", r"/api/user-secrets", secret_routes.list_secrets),
    Route("POST", r"/api/user-secrets", secret_routes.add_secret),
    Route("GET", rf"/api/user-secrets/{ID}", secret_routes.show_secret),
    Route("POST", rf"/api/user-secrets/{ID}", secret_routes.update_secret),
    Route("DELETE", rf"/api/user-secrets/{ID}", secret_routes.delete_secret),
    Route("GET", r"/api/trains", train_routes.list_trains),
    Route("GET", rf"/api/trains/{ID}", train_routes.show_train),
    Route("POST", rf"/api/trains/{ID}", train_routes.edit_train),
    Route("POST", rf"/api/trains/{ID}/command", train_routes.train_command),
    Route("GET", rf"/api/trains/{ID}/files/download", train_routes.download_train_files),
    Route("GET", rf"/api/trains/{ID}/result/download", train_routes.download_result),
    Route("GET", r"/api/train-files", train_routes.list_train_files),
]


RouteFinder = Callable[[str, str], "tuple[Route, tuple[str, ...]] | None"]


def route_finder(routes: list[Route]) -> RouteFinder:
    """The first of `routes` that matches a request, with the groups its pattern caught."""

    def find(method: str, path: str) -> tuple[Route, tuple[str, ...]] | None:
        for route in routes:
            groups = route.match(method, path)
            if groups is not None:
                return route, groups
        return None

    return find


find_route = route_finder(ROUTES)
