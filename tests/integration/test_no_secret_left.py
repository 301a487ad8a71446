"""No secret left behind (#14 §5): every CLI job a user has, and one journey through the real
window, run with PHT_DESKTOP_LOG=debug and TMPDIR pointed at a folder of the test; then the
passphrases, the demo password, the private key's bytes (PEM, DER, the hex of the PEM, the
private numbers as text) and the tokens are searched for in stdout/stderr, the log file, the
whole settings and data folders and the temp folder. The OS keyring is the one allowed place.

And the files of the profile are owner-only. What counts as private, decided here: everything
the app writes inside a profile's settings and data folders (settings and server profiles,
the key index, the encrypted key file store, the station's run history and train logs, the
app's log, downloaded archives and the results decrypted into the data folder). They are all
0600 and their folders 0700 on POSIX. Outside the profile, in places the user chose: decrypted
results (folders 0700, files 0600), an encrypted key backup and a downloaded archive (0600) are
private too; an exported public key and a decryption report are not (0644, meant to be shared).

Real parts: the Secret Service of scripts/with-test-services, the demo hub over loopback HTTP,
the `pht-desktop` entry point in subprocesses, the real window through pytest-qt.
"""

from __future__ import annotations

import io
import json
import logging
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.paths import AppPaths
from desktop_app.demo_hub import DemoHub
from desktop_app.demo_hub.state import DEMO_USER, FINISHED_TRAIN_ID, SIGNABLE_TRAIN_ID
from tests.helpers.cli import run_cli
from tests.helpers.result_archives import build_archive

pytestmark = pytest.mark.keyring  # keys and tokens live in the real Secret Service

KEY_PASS = "lantern-oyster-gravel-19"
BACKUP_PASS = "copper-meadow-58-slowly"
FILE_STORE_PASS = "violet-harbor-71-quietly"
DEMO_PASSWORD = DEMO_USER["password"]


@pytest.fixture
def hub(tmp_path: Path):
    server = DemoHub(work_dir=tmp_path / "hub").start()  # the server's own files, outside the searched folders
    yield server
    server.stop()


def private_key_shapes(key: rsa.RSAPrivateKey) -> dict[str, bytes]:
    """The forms in which a private key's bytes could land in a file or a log."""
    shapes: dict[str, bytes] = {}
    formats = (("PKCS8", serialization.PrivateFormat.PKCS8), ("PKCS1", serialization.PrivateFormat.TraditionalOpenSSL))
    for name, fmt in formats:
        pem = key.private_bytes(serialization.Encoding.PEM, fmt, serialization.NoEncryption())
        der = key.private_bytes(serialization.Encoding.DER, fmt, serialization.NoEncryption())
        body = b"".join(pem.splitlines()[1:-1])  # the base64 without its armour lines
        shapes |= {
            f"{name} PEM body": body[:64],
            f"{name} DER": der[-256:],  # the tail: the private factors, not the public prefix
            f"{name} PEM hex": pem.hex().encode()[:200],
            f"{name} PEM HEX": pem.hex().upper().encode()[:200],
        }
    numbers = key.private_numbers()
    for label, value in (("d", numbers.d), ("p", numbers.p), ("q", numbers.q)):
        shapes[f"{label} decimal"] = str(value).encode()[:60]
        shapes[f"{label} hex"] = format(value, "x").encode()[:60]
    return shapes


def files_under(*folders: Path) -> Iterable[Path]:
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink():
                yield path


def find_secrets(secrets: dict[str, bytes], texts: dict[str, bytes], folders: list[Path]) -> list[str]:
    places = dict(texts)
    for path in files_under(*folders):
        places[str(path)] = path.read_bytes()
    return sorted(
        f"{label} in {where}"
        for where, data in places.items()
        for label, secret in secrets.items()
        if secret and secret.lower() in data.lower()
    )


def loose_modes(*folders: Path) -> list[str]:
    """Files not 0600 and folders not 0700 under (and including) the folders."""
    found = []
    for folder in folders:
        for path in [folder, *folder.rglob("*")]:
            mode = stat.S_IMODE(path.lstat().st_mode)
            wanted = 0o700 if path.is_dir() else 0o600
            if not path.is_symlink() and mode != wanted:
                found.append(f"{path} is {mode:04o}, not {wanted:04o}")
    return found


def profile_folders(profile: str = "default") -> list[Path]:
    paths = AppPaths.for_profile(profile)
    return [p for p in (paths.config_dir, paths.data_dir) if p.exists()]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_every_cli_job_leaves_no_secret_and_private_files_are_owner_only(
    pht_home: Path, tmp_path: Path, hub: DemoHub
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    user = tmp_path / "user"  # where the user asked files to go
    user.mkdir()
    env = {"PHT_DESKTOP_LOG": "debug", "TMPDIR": str(temp)}
    said: dict[str, bytes] = {}
    tokens: set[str] = set()

    def ok(*args: str, stdin: str = "", profile: str = "default") -> str:
        result = run_cli("--profile", profile, *args, stdin=stdin, env=env)
        said[f"output of {' '.join(args)!r}"] = (result.stdout + result.stderr).encode()
        tokens.update(hub.state.tokens, hub.state.refresh_tokens)  # every token the hub ever gave
        assert result.returncode == 0, result.stderr
        return result.stdout

    ok("keys", "generate", "researcher", "--type", "rsa-2048", "--passphrase-stdin", stdin=f"{KEY_PASS}\n")
    ok("keys", "list")
    ok("keys", "export", "researcher", "--public")
    ok("keys", "export", "researcher", "--public", "--format", "hex")
    backup = user / "researcher-backup.pem"
    ok(
        "keys", "export", "researcher", "--private", "-o", str(backup), "--passphrase-stdin",
        stdin=f"{KEY_PASS}\n{BACKUP_PASS}\n",
    )  # fmt: skip
    # The backup restored on another profile (the same key twice in one profile is refused).
    restore = {"profile": "restored", "stdin": f"{BACKUP_PASS}\n"}
    ok("keys", "import", str(backup), "--name", "restored", "--passphrase-stdin", **restore)
    ok("sign", "ab" * 64, "--key", "restored", "--passphrase-stdin", **restore)
    ok("keys", "delete", "restored", "--yes", profile="restored")

    ok("server", "add", "hub", "--api", hub.api_url, "--auth", hub.auth_url)
    ok("login", "--username", "demo", "--password-stdin", stdin=f"{DEMO_PASSWORD}\n")
    ok("keys", "register", "researcher")
    ok("trains", "list")
    ok("trains", "list", "--json", "--status", "finished")
    ok("trains", "sign", SIGNABLE_TRAIN_ID, "--key", "researcher", "--passphrase-stdin", stdin=f"{KEY_PASS}\n")
    archive = user / "result.tar"
    ok("trains", "download", FINISHED_TRAIN_ID, "-o", str(archive))
    ok("decrypt", str(archive), "--out", str(user / "decrypted"), "--passphrase-stdin", stdin=f"{KEY_PASS}\n")
    ok(
        "trains", "fetch-result", FINISHED_TRAIN_ID, "--out", str(user / "fetched"), "--passphrase-stdin",
        stdin=f"{KEY_PASS}\n",
    )  # fmt: skip
    public = serialization.load_pem_public_key(ok("keys", "export", "researcher", "--public").encode())
    built = build_archive(user / "built", public, {"counts.csv": b"site,n\nA,3\n", "by/site/a.csv": b"n\n3\n"}).path
    ok("decrypt", str(built), "--out", str(user / "built-out"), "--passphrase-stdin", stdin=f"{KEY_PASS}\n")
    ok("station", "history")
    ok("keys", "unregister", "researcher")

    # The encrypted key file store, the explicit opt-in, in its own profile.
    ok("keys", "storage", "encrypted-file", profile="filed")
    ok("keys", "generate", "filed", "--type", "rsa-2048", "--passphrase-stdin", stdin=f"{FILE_STORE_PASS}\n",
       profile="filed")  # fmt: skip
    ok("sign", "cd" * 64, "--key", "filed", "--passphrase-stdin", stdin=f"{FILE_STORE_PASS}\n", profile="filed")

    key = serialization.load_pem_private_key(backup.read_bytes(), BACKUP_PASS.encode())
    assert isinstance(key, rsa.RSAPrivateKey)
    secrets = {
        "the key passphrase": KEY_PASS.encode(),
        "the backup passphrase": BACKUP_PASS.encode(),
        "the file store's passphrase": FILE_STORE_PASS.encode(),
        "the demo password": DEMO_PASSWORD.encode(),
        **{f"private key ({shape})": data for shape, data in private_key_shapes(key).items()},
        **{f"token {token[:6]}…": token.encode() for token in tokens},
    }
    assert len(tokens) >= 2  # an access and a refresh token at least: the search below covered them
    profiles = [*profile_folders(), *profile_folders("restored"), *profile_folders("filed")]
    folders = [*profiles, temp]
    assert (AppPaths.for_profile("default").data_dir / "station" / "runs.sqlite3").exists()
    assert find_secrets(secrets, said, folders) == []
    assert "\n".join(loose_modes(*profiles)) == ""
    # Where the user chose: decrypted results are confidential wherever they go, and so are the
    # encrypted backup and the downloaded archive (owner-only too; the user may widen them).
    assert "\n".join(loose_modes(user / "decrypted", user / "fetched", user / "built-out")) == ""
    assert {p.name: f"{stat.S_IMODE(p.stat().st_mode):04o}" for p in (backup, archive)} == {
        backup.name: "0600",
        archive.name: "0600",
    }


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_flame_jobs_leave_no_secret_and_private_files_are_owner_only(pht_home: Path, tmp_path: Path) -> None:
    """The same search for a FLAME hub's jobs: sign-in (user and robot), nodes, a node key set
    and read back, results listed and fetched, sign-out. The unencrypted node key the user asked
    for goes to the user's folder only (0600), never into the profile, the log or the temp folder."""
    from desktop_app.demo_hub.flame import FlameHub
    from desktop_app.demo_hub.flame.state import DEMO_NODE_ID, FINISHED_ANALYSIS_ID, FLAME_ROBOT, FLAME_USER

    temp, user = tmp_path / "temp", tmp_path / "user"
    temp.mkdir()
    user.mkdir()
    env = {"PHT_DESKTOP_LOG": "debug", "TMPDIR": str(temp)}
    said: dict[str, bytes] = {}
    hub = FlameHub().start()
    try:

        def ok(*args: str, stdin: str = "") -> str:
            result = run_cli(*args, stdin=stdin, env=env)
            said[f"output of {' '.join(args)!r}"] = (result.stdout + result.stderr).encode()
            assert result.returncode == 0, result.stderr
            return result.stdout

        ok(
            "server", "add", "hub", "--kind", "flame", "--api", hub.core_url, "--auth", hub.auth_url,
            "--storage", hub.storage_url,
        )  # fmt: skip
        ok("login", "--username", FLAME_USER["name"], "--password-stdin", stdin=f"{FLAME_USER['password']}\n")
        ok("flame", "nodes")
        ok("keys", "generate", "node-key", "--type", "ec-p256", "--passphrase-stdin", stdin=f"{KEY_PASS}\n")
        ok("keys", "register", "node-key", "--node", DEMO_NODE_ID)
        exported = user / "node-key.pem"
        ok(
            "keys", "export", "node-key", "--private", "--unencrypted", "-o", str(exported), "--passphrase-stdin",
            stdin=f"{KEY_PASS}\n",
        )  # fmt: skip
        ok("results", "list", "--json")
        ok("results", "fetch", FINISHED_ANALYSIS_ID, "--out", str(user / "result"))
        ok("logout")
        ok("login", "--robot-id", FLAME_ROBOT["id"], "--robot-secret-stdin", stdin=f"{FLAME_ROBOT['secret']}\n")
        ok("logout")
        tokens = {*hub.state.access_tokens, *hub.state.refresh_tokens}
    finally:
        hub.stop()

    key = serialization.load_pem_private_key(exported.read_bytes(), None)
    pem = exported.read_bytes()
    secrets = {
        "the key's passphrase": KEY_PASS.encode(),
        "the user's password": FLAME_USER["password"].encode(),
        "the robot's secret": FLAME_ROBOT["secret"].encode(),
        "the node key (PEM body)": b"".join(pem.splitlines()[1:-1])[:64],
        "the node key (private value)": format(key.private_numbers().private_value, "x").encode(),  # type: ignore[union-attr]
        **{f"token {token[:6]}…": token.encode() for token in tokens},
    }
    assert len(tokens) >= 3  # the user's access and refresh tokens and the robot's: all searched for
    profiles = profile_folders()
    assert find_secrets(secrets, said, [*profiles, temp]) == []
    assert "\n".join(loose_modes(*profiles)) == ""
    assert f"{stat.S_IMODE(exported.stat().st_mode):04o}" == "0600"


# -- one journey through the real window ------------------------------------------------------


@pytest.fixture
def window_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """TMPDIR for this process's window: `tempfile` reads it once, so it is set there too."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


@pytest.fixture
def debug_logs(pht_home: Path):
    """The app's own log file at debug level, as `pht-desktop` opens it, plus the stderr handler
    PHT_DESKTOP_LOG adds (captured here)."""
    from desktop_app.core.log_file import open_log_file

    log_path = open_log_file(AppPaths.for_profile("default").ensure().data_dir / "logs", logging.DEBUG)
    stderr = io.StringIO()
    handler = logging.StreamHandler(stderr)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield log_path, stderr
    root.removeHandler(handler)
    root.setLevel(old_level)
    pht_logger = logging.getLogger("pht_desktop")
    for h in list(pht_logger.handlers):
        if getattr(h, "pht_log_file", False):
            pht_logger.removeHandler(h)
            h.close()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_window_journey_leaves_no_secret_and_private_files_are_owner_only(
    qtbot, pht_home: Path, tmp_path: Path, hub: DemoHub, window_temp: Path, debug_logs
) -> None:
    from PySide6.QtCore import Qt

    from desktop_app.core.central.profiles import ServerProfiles
    from desktop_app.core.keys.types import KeyType
    from desktop_app.gui.context import AppContext
    from desktop_app.gui.main_window import MainWindow
    from tests.gui.conftest import wait_idle

    log_path, stderr = debug_logs
    context = AppContext.for_profile("default")
    qtbot.waitUntil(lambda: context.keys_loaded, timeout=30_000)
    ServerProfiles(context.settings).add("hub", hub.api_url, hub.auth_url)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot)

    keys = window.tab("Keys")
    qtbot.mouseClick(window.welcome.create_button, Qt.MouseButton.LeftButton)
    dialog = keys.dialog
    dialog.name.setText("researcher")
    dialog.key_type.setCurrentIndex(dialog.key_type.findData(KeyType.RSA_2048.value))
    dialog.passphrase.set_passphrase(KEY_PASS)
    dialog.accept()
    wait_idle(qtbot)
    keys.dialog.close()  # the next-steps prompt

    backup = tmp_path / "user" / "researcher-backup.pem"
    backup.parent.mkdir()
    window.tabs.setCurrentWidget(window.welcome)
    qtbot.mouseClick(window.welcome.backup_button, Qt.MouseButton.LeftButton)
    export = keys.dialog
    export.path.setText(str(backup))
    export.key_passphrase.setText(KEY_PASS)
    export.backup_passphrase.set_passphrase(BACKUP_PASS)
    export.accept()
    wait_idle(qtbot)
    assert backup.exists()

    trains = window.tab("Trains")
    window.tabs.setCurrentWidget(trains)
    box = trains.sign_in_box
    assert box.isVisibleTo(trains)
    box.identity.setText("demo")
    box.secret.setText(DEMO_PASSWORD)
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: trains.table.rowCount() > 0 and not trains.busy, timeout=30_000)

    window.tabs.setCurrentWidget(keys)
    keys.select_key("researcher")
    qtbot.mouseClick(keys.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not keys.busy and "researcher" in keys.server.statuses, timeout=30_000)
    assert keys.server.statuses["researcher"] == "registered, matches"

    window.tabs.setCurrentWidget(trains)
    trains.select_train(SIGNABLE_TRAIN_ID)
    qtbot.mouseClick(trains.review_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    trains.review_box.passphrase.setText(KEY_PASS)
    qtbot.mouseClick(trains.review_box.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hub.state.trains[SIGNABLE_TRAIN_ID].hash_signed is not None, timeout=30_000)
    wait_idle(qtbot)

    trains.select_train(FINISHED_TRAIN_ID)
    qtbot.mouseClick(trains.fetch_button, Qt.MouseButton.LeftButton)
    results = window.tab("Results")
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is results and results.summary is not None, timeout=60_000)
    results.passphrase.setText(KEY_PASS)
    qtbot.mouseClick(results.decrypt_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert "Verified" in results.result_view.summary.text()
    tokens = {*hub.state.tokens, *hub.state.refresh_tokens}
    window.close()
    wait_idle(qtbot)

    key = serialization.load_pem_private_key(backup.read_bytes(), BACKUP_PASS.encode())
    assert isinstance(key, rsa.RSAPrivateKey) and len(tokens) >= 2
    secrets = {
        "the key passphrase": KEY_PASS.encode(),
        "the backup passphrase": BACKUP_PASS.encode(),
        "the demo password": DEMO_PASSWORD.encode(),
        **{f"private key ({shape})": data for shape, data in private_key_shapes(key).items()},
        **{f"token {token[:6]}…": token.encode() for token in tokens},
    }
    assert log_path.stat().st_size > 0  # the log was written to, so searching it means something
    said = {"stderr (PHT_DESKTOP_LOG=debug)": stderr.getvalue().encode()}
    assert find_secrets(secrets, said, [*profile_folders(), window_temp]) == []
    assert "\n".join(loose_modes(*profile_folders())) == ""


def test_the_search_finds_what_it_looks_for(tmp_path: Path) -> None:
    """The search itself, so that an empty finding means something: every shape of a key, and a
    token, planted in a file of a folder, and a loose mode."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    shapes = private_key_shapes(key)
    folder = tmp_path / "f"
    folder.mkdir(mode=0o700)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    (folder / "a.log").write_bytes(b"x " + pem.hex().encode() + b" y")
    (folder / "b.json").write_text(json.dumps({"d": str(key.private_numbers().d), "pem": pem.decode()}))
    (folder / "a.log").chmod(0o600)
    (folder / "b.json").chmod(0o644)
    found = find_secrets({**shapes, "token": b"tok-123456"}, {"stdout": b"tok-123456"}, [folder])
    assert "token in stdout" in found and "d decimal in " + str(folder / "b.json") in found
    assert f"PKCS8 PEM hex in {folder / 'a.log'}" in found and f"PKCS8 PEM body in {folder / 'b.json'}" in found
    assert loose_modes(folder) == [f"{folder / 'b.json'} is 0644, not 0600"]
