"""Key generation and signing times per key type, and how long the GUI's event loop stalls
while an RSA-4096 key is generated through the Keys tab's background task.

Run: scripts/with-test-services .venv/bin/python benchmarks/keys.py
(a private keyring and offscreen Qt; PHT_DESKTOP_HOME is a temporary folder).
"""

from __future__ import annotations

import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PHT_DESKTOP_HOME"] = tempfile.mkdtemp(prefix="pht-bench-keys-")

from desktop_app.core.keys.material import generate_key
from desktop_app.core.keys.train_signing import sign_train_hash_hex
from desktop_app.core.keys.types import KeyType

RUNS = {KeyType.RSA_4096: 5, KeyType.PAILLIER_3072: 3}
TRAIN_HASH = hashlib.sha512(b"benchmark").hexdigest()


def best_and_median(func, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def keygen_and_sign() -> None:
    print(f"{'type':<15}{'keygen best':>13}{'median':>10}{'sign best':>12}")
    for key_type in KeyType:
        best, median = best_and_median(lambda kt=key_type: generate_key(kt), RUNS.get(key_type, 10))
        sign = "—"
        if key_type.is_rsa:
            key = generate_key(key_type).private_key
            sign_best, _ = best_and_median(lambda k=key: sign_train_hash_hex(k, TRAIN_HASH), 20)
            sign = f"{sign_best * 1000:.1f} ms"
        print(f"{key_type.value:<15}{best * 1000:>10.1f} ms{median * 1000:>7.1f} ms{sign:>12}")


def event_loop_stall() -> None:
    """Largest gap between 5 ms timer ticks, idle vs. during an RSA-4096 generation in the GUI."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    from desktop_app.gui.app import create_application
    from desktop_app.gui.context import AppContext
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.operations import registry

    app = create_application()
    window = MainWindow(AppContext.for_profile("default"))
    window.show()
    tab = window.tab("Keys")

    def measure(start_work, seconds: float | None) -> float:
        gaps: list[int] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now
            done = not registry().running() if seconds is None else now > seconds * 1000
            if done and now > 200:
                app.quit()

        timer = QTimer(interval=5, timeout=tick)
        timer.start()
        start_work()
        app.exec()
        timer.stop()
        return max(gaps)

    idle = measure(lambda: None, 2.0)
    runs = []
    for index in range(3):
        generate = lambda i=index: tab.generate(f"bench-{i}", KeyType.RSA_4096, "bench lantern oyster 19")  # noqa: E731
        runs.append(measure(generate, None))
    registry().wait_for_workers(60)
    window.close()
    worst = max(runs)
    print(f"\nGUI event loop, 5 ms timer: longest gap idle {idle} ms (baseline)")
    print(f"  during RSA-4096 generation (3 runs): longest gap {worst} ms (runs: {runs})")
    print(
        f"  ratio to idle: {worst / max(idle, 1):.1f}x; target: no stall over 50 ms -> "
        f"{'met' if worst <= 50 else 'NOT met'}"
    )


if __name__ == "__main__":
    keygen_and_sign()
    event_loop_stall()
