"""The atomic write of a file and the lock that lets one plantrack at a time change a plan.

Every write is atomic: the new content goes to a temporary file in the same folder,
is flushed and fsynced, and is renamed over the target, keeping the target's
permissions. A process killed at any moment leaves the old file or the new one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator

from plantrack.errors import PlantrackError, os_reason
from plantrack.i18n import t
from plantrack.outcome import committing

LOCK_TIMEOUT = 60.0  # seconds; twenty writers in a row take a few


def write_atomic(path: str, data: bytes) -> None:
    """Replace (or create) `path` with `data`, atomically."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = None
    handle, temporary = tempfile.mkstemp(prefix=".plantrack-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        with committing(path):
            os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: str) -> None:
    # Makes the rename itself durable on POSIX; Windows has no directory handles to sync.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def locked(path: str) -> Iterator[None]:
    """Hold the plan's lock file (`.2022.yaml.lock` next to `2022.yaml`).

    An advisory lock on the lock file, from the operating system itself (flock on POSIX,
    a byte-range lock through msvcrt on Windows): it is released when the process ends, however it
    ends, so a killed writer never leaves the plan locked. The file itself stays.
    """
    folder, name = os.path.split(path)
    lock_path = os.path.join(folder, f".{name}.lock")
    try:
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise PlantrackError(
            t("write.lock_failed", lock=lock_path, reason=os_reason(error))
        ) from None
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT
        pause = 0.005
        while not _try_lock(descriptor):
            if time.monotonic() >= deadline:
                raise PlantrackError(
                    t("write.locked", lock=lock_path, seconds=int(LOCK_TIMEOUT))
                ) from None
            time.sleep(pause)
            pause = min(pause * 2, 0.1)
        try:
            yield
        finally:
            _unlock(descriptor)
    finally:
        os.close(descriptor)


if sys.platform == "win32":  # pragma: no cover - Windows only
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        os.lseek(descriptor, 0, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
