"""The FLAME hub (PrivateAIM/hub with authup): sign-in, node keys and analysis results.

Wire contract: shared NETWORKS.md §2. Three base URLs (auth, core, storage) from the server
profile; hub 0.8.x speaks snake_case field names, the current hub camelCase (`wire.py`).
`client.py` must not import the result archive code (`results.py`, `extract.py` do), so that
what signs in stays apart from what reads archives.
"""
