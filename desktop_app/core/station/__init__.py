"""The station runner: run PHT trains at a station through a Docker-API engine (Docker, Podman)."""
