"""Peak memory of this process and of its children, read from /proc (for the bench)."""
from __future__ import annotations

import resource
import threading
from pathlib import Path


def _high_water_mb(pid: int | str = "self") -> float | None:
    """The process's peak resident memory (VmHWM), or None where /proc does not tell."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            return next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError):
        return None


def peak_mb() -> float:
    """This process's peak memory. Not getrusage's ru_maxrss: a spawned process starts as a
    fork of its parent, and on Linux its ru_maxrss keeps the parent's size at that moment (a
    worker started by a 1.5 GB process reports 1.5 GB, however little it uses itself)."""
    hwm = _high_water_mb()
    return hwm if hwm is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class ChildrenPeak:
    """The largest peak memory (VmHWM) among this process's child processes while the block
    runs, read every `every` seconds from /proc (0 where /proc does not tell)."""

    def __init__(self, every: float = 0.1):
        self.every, self.mb = every, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.wait(self.every):
            for task in Path("/proc/self/task").glob("*/children"):
                for pid in task.read_text().split():
                    self.mb = max(self.mb, _high_water_mb(pid) or 0.0)

    def __enter__(self) -> "ChildrenPeak":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
