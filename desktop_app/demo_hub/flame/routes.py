"""The stand-in FLAME hub's routes, served as a compose deployment does: `/auth`, `/core` and
`/storage` on one host."""

from __future__ import annotations

from desktop_app.demo_hub.flame import auth_routes, core_routes, storage_routes
from desktop_app.demo_hub.routes import ID, Route, route_finder

ROUTES = [
    Route("POST", r"/auth/token", auth_routes.token),
    Route("GET", r"/core/?", core_routes.version),
    Route("GET", r"/core/nodes", core_routes.list_nodes),
    Route("GET", rf"/core/nodes/{ID}", core_routes.show_node),
    Route("POST", rf"/core/nodes/{ID}", core_routes.update_node),
    Route("GET", r"/core/analyses", core_routes.list_analyses),
    Route("GET", r"/core/analysis-buckets", core_routes.list_buckets),
    Route("GET", r"/core/analysis-bucket-files", core_routes.list_bucket_files),
    Route("GET", rf"/storage/buckets/{ID}/stream", storage_routes.bucket_stream),
    Route("GET", rf"/storage/bucket-files/{ID}/stream", storage_routes.file_stream),
]


find_route = route_finder(ROUTES)
