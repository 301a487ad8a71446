"""`pht-desktop tasks …` and the Federated Node side of `login`, `logout`, `demo` and `results`
(the one `results` verb of every network, cli/results_verb.py, calls `results_list` and
`results_fetch` here).

A Federated Node lists all tasks to its admins only, so the CLI keeps the ids a user added,
submitted or fetched (`tasks add ID`); `tasks list` and `results list` read each from the node.
`results fetch ID --out DIR` downloads a task's result zip and extracts it safely. A result held
back by the node's reviewers is a sentence and exit code 75 (try again later), not a failure.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from desktop_app.cli.context import CliContext
from desktop_app.cli.keys import open_store
from desktop_app.core.central.profiles import ServerKind, ServerProfiles
from desktop_app.core.errors import UsageError
from desktop_app.core.progress import Progress

# The HTTP client (httpx) is imported by the handlers that need it, not at every start-up.


def is_active(ctx: CliContext) -> bool:
    """Whether the active server profile is a Federated Node (False when there is none)."""
    active = ctx.settings.get("central.active")
    return bool(active) and ServerProfiles(ctx.settings).active().kind == ServerKind.FEDERATED_NODE


def _client(ctx: CliContext):
    from desktop_app.core.federated_node.session import open_node_client

    profile = ServerProfiles(ctx.settings).active()
    if profile.kind != ServerKind.FEDERATED_NODE:
        raise UsageError(
            f"The active server {profile.label} is a {profile.kind} server; tasks belong to a Federated Node. "
            "Make one active with `pht-desktop server use NAME`."
        )
    return open_node_client(ctx.settings, open_store(ctx))


def _known(ctx: CliContext, client):
    from desktop_app.core.federated_node.tasks import KnownTasks

    return KnownTasks(ctx.paths, client.profile.name)


# -- session (called by `login` / `logout` when the active profile is a Federated Node) ------------


def login(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.robot_id:
        raise UsageError("A Federated Node has no robot accounts: sign in with --username U --password-stdin.")
    if not args.username or not args.password_stdin:
        raise UsageError("Sign in to a Federated Node with --username U --password-stdin.")
    password = ctx.read_stdin_line("password")
    with _client(ctx) as client:
        client.sign_in(args.username, password, remember=args.remember)
        print(f"Signed in to {client.profile.label}; the node's token is in the OS keyring.", file=sys.stderr)
    return 0


def logout(args: argparse.Namespace, ctx: CliContext) -> int:
    with _client(ctx) as client:
        client.sign_out()
        print(
            f"Signed out of {client.profile.label}; its token was removed from the keyring (the node itself "
            "has no sign-out: the token lapses at its expiry).",
            file=sys.stderr,
        )
    return 0


# -- tasks ---------------------------------------------------------------------------------------


def _tasks_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.federated_node.tasks import fetch_and_remember

    with _client(ctx) as client:
        task = fetch_and_remember(client, _known(ctx, client), args.task_id)
    print(f"{task.id}  {task.name}  {task.status}")
    print(f"Task {task.id} added to the tasks of {client.profile.label}.", file=sys.stderr)
    return 0


def _tasks_forget(args: argparse.Namespace, ctx: CliContext) -> int:
    with _client(ctx) as client:
        gone = _known(ctx, client).remove(args.task_id)
    done = "removed from" if gone else "was not in"
    print(f"Task {args.task_id} {done} this list (the node keeps it).", file=sys.stderr)
    return 0


def _listing(ctx: CliContext, as_json: bool) -> int:
    from desktop_app.core.federated_node.results import list_results

    with _client(ctx) as client:
        listings = list_results(client, _known(ctx, client))
        label = client.profile.label
    if as_json:
        print(json.dumps([_as_json(item) for item in listings], indent=2))
        return 0
    if not listings:
        print(f"No tasks known for {label} yet: add one with `pht-desktop tasks add ID`.", file=sys.stderr)
    for item in listings:
        if item.task is None:
            print(f"{item.id:>6}  (not readable) {item.problem}")
            continue
        review = f"  review: {item.task.review}" if item.task.review else ""
        print(f"{item.id:>6}  {item.task.name:<28} {item.task.status}{review}")
    return 0


def _as_json(item) -> dict:
    if item.task is None:
        return {"id": item.id, "problem": item.problem}
    task = item.task
    return {"id": task.id, "name": task.name, "status": task.status, "finished": task.finished,
            "review_status": task.review, "created_at": task.created_at, "raw": task.raw}  # fmt: skip


def _tasks_list(args: argparse.Namespace, ctx: CliContext) -> int:
    return _listing(ctx, args.json)


def _tasks_logs(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.federated_node.tasks import task_logs

    with _client(ctx) as client:
        for line in task_logs(client, args.task_id):
            print(line)
    return 0


def _tasks_submit(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.core.federated_node.tasks import submit_task

    if (args.dataset_id is None) == (args.dataset_name is None):
        raise UsageError("Name the dataset with either --dataset-id or --dataset-name.")
    tags = {"dataset_id": args.dataset_id} if args.dataset_id is not None else {"dataset_name": args.dataset_name}
    executor = {"image": args.image, "command": args.container_command or [], "env": {}}
    spec = {"name": args.name, "executors": [executor], "tags": tags}
    with _client(ctx) as client:
        task = submit_task(client, spec)
        _known(ctx, client).add(task, "submitted", args.name)
    print(task)
    print(f"Task {task} submitted to {client.profile.label}.", file=sys.stderr)
    return 0


# -- results -------------------------------------------------------------------------------------


class _ProgressLine:
    def __init__(self) -> None:
        self.last = 0.0

    def __call__(self, progress: Progress) -> None:
        if sys.stderr.isatty() and time.monotonic() - self.last > 0.2:
            self.last = time.monotonic()
            total = f" of {progress.total / (1 << 20):.1f}" if progress.total else ""
            print(f"\r{progress.done / (1 << 20):.1f}{total} MiB  {progress.label}   ", end="", file=sys.stderr)


def _result_row(item) -> dict:
    """A known task as a row of `results list`, shaped as the other networks' rows (cli/results_verb.py)."""
    from desktop_app.core.federated_node.tasks import HELD

    if item.task is None:
        return {"network": "federated-node", "id": str(item.id), "name": "", "status": "", "result": False,
                "problem": item.problem}  # fmt: skip
    task = item.task
    return {"network": "federated-node", "id": str(task.id), "name": task.name, "status": task.status,
            "result": task.finished and task.review not in HELD, "review_status": task.review}  # fmt: skip


def results_list(args: argparse.Namespace, ctx: CliContext) -> int:
    """`results list` on a Federated Node: the known tasks, and which have results to fetch."""
    from desktop_app.core.federated_node.results import list_results

    with _client(ctx) as client:
        rows = [_result_row(item) for item in list_results(client, _known(ctx, client))]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    if not rows:
        print("No tasks known yet: add one with `pht-desktop tasks add ID`.", file=sys.stderr)
    for row in rows:
        mark = "result" if row["result"] else row.get("review_status") or row.get("problem") or "no result yet"
        print(f"{row['id']:>6}  {row['name']:<28} {row['status']:<40} {mark}")
    return 0


def results_fetch(args: argparse.Namespace, ctx: CliContext) -> int:
    """`results fetch ID --out DIR` on a Federated Node. Takes the arguments of the one `results`
    verb of every network; the ones that mean nothing here are refused in words."""
    from desktop_app.core.federated_node.results import fetch_result

    if getattr(args, "key", None) or getattr(args, "passphrase_stdin", False):
        raise UsageError("Federated Node results are not encrypted by the network: no key is used (leave out --key).")
    if getattr(args, "file", None) or getattr(args, "force", False):
        raise UsageError("A Federated Node sends a task's results as one zip, extracted whole into a new folder.")
    with _client(ctx) as client:
        report = fetch_result(client, args.id, args.out, _ProgressLine(), known=_known(ctx, client))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if getattr(args, "json", False):
        print(json.dumps({"network": "federated-node", "task": report.task, "folder": str(report.folder),
                          "files": [str(name) for name in report.files], "bytes": report.total_bytes,
                          "downloaded_bytes": report.downloaded_bytes, "served_name": report.served_name,
                          "protection": report.verified}, indent=2))  # fmt: skip
    else:
        for name in report.files:
            print(f"  {name}")
        print(f"served as: {report.served_name or '(no name given)'}; {report.downloaded_bytes} bytes downloaded")
        print(f"verified:  {report.verified}")
    print(f"Extracted {len(report.files)} files of task {report.task} into {report.folder}.", file=sys.stderr)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    tasks = subparsers.add_parser("tasks", help="your tasks on the active Federated Node")
    sub = tasks.add_subparsers(dest="tasks_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add a task by id to this list (read from the node)")
    add.add_argument("task_id")
    add.set_defaults(handler=_tasks_add)
    lst = sub.add_parser("list", help="the tasks you added, fetched or submitted, with their status now")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=_tasks_list)
    forget = sub.add_parser("forget", help="remove a task from this list (not from the node)")
    forget.add_argument("task_id")
    forget.set_defaults(handler=_tasks_forget)
    logs = sub.add_parser("logs", help="print a task's logs")
    logs.add_argument("task_id")
    logs.set_defaults(handler=_tasks_logs)
    submit = sub.add_parser("submit", help="submit a task: one container image run on one dataset")
    submit.add_argument("--name", required=True)
    submit.add_argument("--image", required=True, help="the container image, as the node's registry allows")
    submit.add_argument("--dataset-id", type=int)
    submit.add_argument("--dataset-name")
    # dest is not "command": that name is the top-level parser's, which says which command runs
    submit.add_argument("--command", dest="container_command", nargs="+", help="the command to run in the container")
    submit.set_defaults(handler=_tasks_submit)


DEMO_PROFILE = "local-demo-node"


def start_demo(args: argparse.Namespace, ctx: CliContext):
    """Serve the Federated Node stand-in, make a demo profile for it active; returns its stop()."""
    from desktop_app.demo_hub.federated_node import FederatedNodeStandIn
    from desktop_app.demo_hub.federated_node.state import DEMO_NODE_USER, DEMO_PROJECT, FINISHED_TASK_ID

    node = FederatedNodeStandIn(port=args.port).start()
    profiles = ServerProfiles(ctx.settings)
    profiles.add(DEMO_PROFILE, node.url, node.url, demo=True, kind=ServerKind.FEDERATED_NODE, project=DEMO_PROJECT)
    profiles.use(DEMO_PROFILE)
    print(
        f"LOCAL DEMO Federated Node (not a real node) at {node.url}\n"
        f"  server profile {DEMO_PROFILE!r} is now active (project {DEMO_PROJECT!r})\n"
        f"  sign in as {DEMO_NODE_USER['username']} / {DEMO_NODE_USER['password']}\n"
        f"  finished task with released results: {FINISHED_TASK_ID} (`pht-desktop tasks add {FINISHED_TASK_ID}`);"
        " tasks 2 and 3 are held by review, 4 is running",
        flush=True,
    )
    return node.stop
