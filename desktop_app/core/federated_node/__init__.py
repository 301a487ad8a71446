"""The PHEMS Federated Node (NETWORKS.md §3): sign-in, tasks and their results, Qt-free.

`client.NodeClient` speaks the node's HTTP API; `tasks` keeps the list of task ids this user
knows (the node lists all tasks to admins only); `results` downloads a task's result zip and
`safe_zip` extracts it under strict rules. Nothing here imports a front.
"""
