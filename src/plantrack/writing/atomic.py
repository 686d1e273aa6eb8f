"""The atomic write of a file and the lock that lets one plantrack at a time change a plan.

Every write is atomic: the new content goes to a temporary file in the same folder,
is flushed and fsynced, and is renamed over the target, keeping the target's
permissions. A process killed at any moment leaves the old file or the new one, and
at worst a temporary file that the next writer of the plan removes.

Everything plantrack leaves in a plan's folder is named `.plantrack-<name>…`: the lock
`.plantrack-2022.yaml.lock` and the temporary files `.plantrack-2022.yaml.<8 random>.tmp`,
so that one line, `.plantrack-*`, keeps them out of git.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator

from plantrack.errors import PlantrackError, os_reason
from plantrack.i18n import t
from plantrack.outcome import committing

LOCK_TIMEOUT = 60.0  # seconds; twenty writers in a row take a few
WAIT_NOTICE = 1.0  # seconds of waiting for the lock before the user is told
# A temporary file is written within moments of its creation: one left untouched this long
# belongs to a writer that is gone (killed, or its machine switched off).
STALE_AFTER = 60.0
PREFIX = ".plantrack-"
WINDOWS = sys.platform == "win32"


def lock_path(path: str) -> str:
    """The lock file of the plan at `path`: `.plantrack-2022.yaml.lock` beside `2022.yaml`."""
    folder, name = os.path.split(path)
    return os.path.join(folder, f"{PREFIX}{name}.lock")


def _temporary_prefix(name: str) -> str:
    return f"{PREFIX}{name}."


def write_atomic(path: str, data: bytes) -> None:
    """Replace (or create) `path` with `data`, atomically."""
    folder, name = os.path.split(os.path.abspath(path))
    try:
        mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = None
    handle, temporary = tempfile.mkstemp(prefix=_temporary_prefix(name), suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
        with committing(path):
            os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(folder)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


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


def remove_stale_temporaries(path: str) -> None:
    """Remove the temporary files of the plan at `path` that writers killed mid-write left.

    Called with the plan's lock held, so no other writer of this plan is at work; only
    names of this plan's scheme (the random part has no dot, so `2022.yaml.bak`'s files
    are not `2022.yaml`'s), and only files too old to belong to a write under way.
    """
    folder, name = os.path.split(os.path.abspath(path))
    pattern = re.compile(re.escape(_temporary_prefix(name)) + r"[a-z0-9_]{8}\.tmp")
    oldest = time.time() - STALE_AFTER
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not pattern.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):  # gone already, or held open on Windows
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < oldest:
                    os.unlink(entry.path)


def read_only(status: os.stat_result) -> bool:
    """Whether a file is marked read-only: no write permission for anyone, or Windows'
    read-only attribute. Root may write such a file, but it was marked so as not to be."""
    attributes = getattr(status, "st_file_attributes", 0)
    readonly = getattr(stat, "FILE_ATTRIBUTE_READONLY", 1)
    return not status.st_mode & 0o222 or bool(attributes & readonly)


def refuse_read_only(path: str, target: str, status: os.stat_result) -> None:
    """Refuse to write a plan that is read-only (marked so, or not writable by this user):
    the rename of an atomic write would replace it all the same."""
    if read_only(status) or not os.access(target, os.W_OK):
        fix = f'attrib -r "{path}"' if WINDOWS else f"chmod u+w {path}"
        raise PlantrackError(t("write.read_only", path=path, fix=fix))


@contextlib.contextmanager
def locked(path: str, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the lock of the plan at `path` (`lock_path`), then remove stale temporary files.

    An advisory lock on the lock file, from the operating system itself (flock on POSIX,
    a byte-range lock through msvcrt on Windows): it is released when the process ends, however it
    ends, so a killed writer never leaves the plan locked. The file itself stays.
    `on_wait` is called once when the lock has been held by another for WAIT_NOTICE seconds.
    """
    lock = lock_path(path)
    descriptor = _open_lock(lock, path)
    try:
        started = time.monotonic()
        pause = 0.005
        told = False
        while not _try_lock(descriptor):
            waited = time.monotonic() - started
            if waited >= LOCK_TIMEOUT:
                raise PlantrackError(
                    t("write.locked", lock=lock, seconds=int(LOCK_TIMEOUT))
                ) from None
            if on_wait is not None and not told and waited >= WAIT_NOTICE:
                on_wait()
                told = True
            time.sleep(pause)
            pause = min(pause * 2, 0.1)
        try:
            remove_stale_temporaries(path)
            yield
        finally:
            _unlock(descriptor)
    finally:
        os.close(descriptor)


def _open_lock(lock: str, path: str) -> int:
    """The lock file, opened: created with the plan's permissions (and group), so that
    whoever may write the plan may take its lock; opened read-only when it is someone
    else's and not writable, which is enough to lock it."""
    try:
        status = os.stat(path)
        mode, group = stat.S_IMODE(status.st_mode) & 0o666, status.st_gid
    except OSError:
        mode, group = 0o666 & ~_umask(), -1
    try:
        descriptor = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_EXCL, mode)
    except OSError as error:
        if not os.path.exists(lock):
            raise _lock_failed(lock, error) from None
        return _open_existing(lock)
    if hasattr(os, "fchmod"):  # the umask must not take the group's or others' write away
        with contextlib.suppress(OSError):
            os.fchmod(descriptor, mode)
    if hasattr(os, "fchown") and group >= 0:
        with contextlib.suppress(OSError):
            os.fchown(descriptor, -1, group)
    return descriptor


def _open_existing(lock: str) -> int:
    try:
        try:
            return os.open(lock, os.O_RDWR)
        except PermissionError:
            return os.open(lock, os.O_RDONLY)
    except OSError as error:
        raise _lock_failed(lock, error) from None


def _lock_failed(lock: str, error: OSError) -> PlantrackError:
    return PlantrackError(t("write.lock_failed", lock=lock, reason=os_reason(error)))


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
