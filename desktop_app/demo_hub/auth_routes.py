"""`POST /auth/token`: the password, robot and refresh grants of the demo user and robot."""

from __future__ import annotations

from desktop_app.demo_hub.exchange import HubError, Reply, Request
from desktop_app.demo_hub.state import DEMO_ROBOT, DEMO_USER, HubState


def token(state: HubState, request: Request) -> Reply:
    form = request.form()
    grant = form.get("grant_type")
    if grant == "password":
        ok = form.get("username") == DEMO_USER["name"] and form.get("password") == DEMO_USER["password"]
    elif grant == "robot_credentials":
        ok = form.get("id") == DEMO_ROBOT["id"] and form.get("secret") == DEMO_ROBOT["secret"]
    elif grant == "refresh_token":
        ok = state.refresh_tokens.pop(form.get("refresh_token", ""), None) is not None
    else:
        raise HubError(400, f"Unsupported grant_type {grant!r}.")
    if not ok:
        raise HubError(401, "The credentials are not valid.")
    return Reply(200, state.issue_tokens(DEMO_USER["id"]))
