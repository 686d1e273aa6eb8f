"""What this process has done to files, so that an interruption can say whether a plan was written."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

# The files this process has replaced or created, in order.
written: list[str] = []


@contextlib.contextmanager
def committing(path: str) -> Iterator[None]:
    """Make the rename that writes `path` and its record one step for Ctrl-C: an
    interruption that arrives meanwhile is raised after both, so the line said then
    ("written" or "not written") is always true."""
    if threading.current_thread() is not threading.main_thread():
        yield
        written.append(path)
        return
    arrived: list[int] = []

    def later(number: int, frame: FrameType | None) -> None:
        arrived.append(number)

    previous = signal.signal(signal.SIGINT, later) or signal.default_int_handler
    try:
        yield
        written.append(path)
    finally:
        signal.signal(signal.SIGINT, previous)
    if arrived:
        if callable(previous):  # the process's own handler: it keeps its count
            previous(signal.SIGINT, None)
        raise KeyboardInterrupt
