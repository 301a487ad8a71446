"""A real container engine for the tests: Podman's Docker-API service on a Unix socket in a
scratch folder (ARCHITECTURE.md's recipe), and a busybox image imported without a registry."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tarfile
import time
from pathlib import Path

import docker

from tests.conftest import require

CONTAINERS_CONF = """[containers]
default_ulimits = []
[engine]
cgroup_manager = "cgroupfs"
runtime = "runc"
events_logger = "file"
"""
BUSYBOX_COMMANDS = (
    "sh",
    "cat",
    "ls",
    "echo",
    "wget",
    "mkdir",
    "sleep",
    "touch",
    "head",
    "tail",
    "dd",
    "wc",
    "cut",
    "grep",
)


class LocalRegistry:
    """Debian's docker-registry on a free loopback port, storing into a scratch folder (stands in for Harbor)."""

    def __init__(self, folder: Path, user: str | None = None, password: str | None = None, auth: str = "") -> None:
        """`auth`: the configuration's `auth:` section as it is (a token service's), instead of htpasswd."""
        require(shutil.which("docker-registry") is not None, "docker-registry is not installed")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.address = f"127.0.0.1:{self.port}"
        config = folder / "registry.yml"
        if user and password and not auth:  # basic auth from an htpasswd file, as a station's Harbor project would ask
            import bcrypt

            (folder / "htpasswd").write_text(f"{user}:{bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()}\n")
            auth = f"auth:\n  htpasswd:\n    realm: pht-test\n    path: {folder / 'htpasswd'}\n"
        config.write_text(
            "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n"
            f"    rootdirectory: {folder / 'registry-data'}\nhttp:\n  addr: {self.address}\n{auth}"
        )
        self.process = subprocess.Popen(
            ["docker-registry", "serve", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 30
        while True:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    break
            require(self.process.poll() is None and time.monotonic() < deadline, "docker-registry did not start")
            time.sleep(0.1)
        self.registries_conf = folder / "registries.conf"
        self.registries_conf.write_text(f'[[registry]]\nlocation = "{self.address}"\ninsecure = true\n')

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


class PodmanService:
    """Podman's API service with its own image and container storage in `storage` (default: inside
    `folder`), so that what other test runs and programs on the machine do to theirs (removing
    images while this one lists them) cannot break it; a second service may share a storage."""

    def __init__(
        self, folder: Path, registry: LocalRegistry | None = None, more: list | None = None, storage: Path | None = None
    ) -> None:
        require(shutil.which("podman") is not None, "podman is not installed")
        self.folder = folder
        self.storage = storage or folder / "storage"
        self.conf = folder / "containers.conf"
        self.conf.write_text(CONTAINERS_CONF + f'tmp_dir = "{self.storage / "tmp"}"\n')
        storage_conf = folder / "storage.conf"
        root, run = self.storage / "root", self.storage / "run"
        storage_conf.write_text(f'[storage]\ndriver = "overlay"\ngraphroot = "{root}"\nrunroot = "{run}"\n')
        self.socket = folder / "engine.sock"
        self.url = f"unix://{self.socket}"
        self.env = {
            "CONTAINERS_CONF": str(self.conf),
            "CONTAINERS_STORAGE_CONF": str(storage_conf),
            "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        }
        registries = [r for r in [registry, *(more or [])] if r]
        if registries:  # the engine may talk plain HTTP to the loopback registries only
            conf = folder / "registries.conf"
            conf.write_text("".join(r.registries_conf.read_text() for r in registries))
            self.env["CONTAINERS_REGISTRIES_CONF"] = str(conf)
        self.process = subprocess.Popen(
            ["podman", "system", "service", "--time=0", self.url],
            env=self.env,
            cwd=folder,  # conmon drops an "oom" marker into its working folder when a limit kills a train
            stdout=subprocess.DEVNULL,
            stderr=(folder / "service.log").open("wb"),
        )
        deadline = time.monotonic() + 30
        while not self.socket.exists():
            require(
                self.process.poll() is None, f"podman service exited: {(folder / 'service.log').read_text()[-500:]}"
            )
            require(time.monotonic() < deadline, "podman service did not create its socket in 30 s")
            time.sleep(0.1)
        self.client = docker.DockerClient(base_url=self.url, timeout=120)
        self.client.ping()

    def import_busybox(self, tag: str = "localhost/pht-test/busybox:latest") -> str:
        busybox = shutil.which("busybox") or "/bin/busybox"
        require(Path(busybox).exists(), "busybox-static is not installed")
        root = self.folder / "rootfs.tar"
        with tarfile.open(root, "w") as tar:
            tar.add(busybox, arcname="bin/busybox")
            for name in BUSYBOX_COMMANDS:
                link = tarfile.TarInfo(f"bin/{name}")
                link.type, link.linkname = tarfile.SYMTYPE, "busybox"
                tar.addfile(link)
            for folder in ("tmp", "opt", "opt/pht_results", "opt/train_data"):
                entry = tarfile.TarInfo(folder)
                entry.type, entry.mode = tarfile.DIRTYPE, 0o1777 if folder == "tmp" else 0o755
                tar.addfile(entry)
        subprocess.run(["podman", "import", str(root), tag], env=self.env, check=True, capture_output=True)
        return tag

    def stop(self) -> None:
        self.client.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        overlay = self.storage / "root" / "overlay"
        if self.storage.is_relative_to(self.folder) and str(overlay) in Path("/proc/mounts").read_text():
            # The overlay driver mounts its folder onto itself; undone, the test run's folder can go.
            subprocess.run(["umount", "--lazy", str(overlay)], check=False, capture_output=True)
