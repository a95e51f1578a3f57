"""Keep N CPU cores busy until killed: the load of `make test-loaded` (nothing to install).

    python scripts/cpu_burner.py [N]     # N defaults to every core (os.cpu_count())

One busy-looping process per core, at normal priority (like another person's build), so the
test suite competes for the CPU as it would on a shared CI machine. SIGTERM or SIGINT stops all.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys


def burn() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    x = 0
    while True:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else (os.cpu_count() or 1)
    workers = [multiprocessing.Process(target=burn, daemon=True) for _ in range(n)]
    for w in workers:
        w.start()

    def stop(signum, frame) -> None:
        for w in workers:
            w.terminate()
        for w in workers:
            w.join(5)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"cpu_burner: {n} busy processes (pid {os.getpid()})", flush=True)
    for w in workers:
        w.join()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
