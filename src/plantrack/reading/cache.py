"""Checked plans kept in the user's cache folder, keyed by the plan file's exact bytes.

Reading and checking a plan of thousands of items takes most of a second; one whose
bytes have not changed since it was last read is taken from here instead. An entry is
used only when the file's bytes and the plantrack code that checked them are exactly
those it was made from, so a changed plan is never served stale. A cache that cannot
be read, written or trusted is passed over: it can make a command faster, never make it
fail. `PLANTRACK_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from plantrack import settings

if TYPE_CHECKING:
    from plantrack.model import Plan

# Smaller plans are read and checked faster than an entry is written and read back.
MIN_BYTES = 64 * 1024
_FORMAT = b"plantrack plan cache 2\n"
# The modules whose code decides what a file's bytes read as.
_CODE = (
    "model.py",
    "vocabulary.py",
    "reading/source.py",
    "reading/fast.py",
    "reading/inline.py",
    "reading/tree.py",
    "reading/scalars.py",
    "reading/validation.py",
    "reading/cache.py",
    # and what is kept beside a plan: its status records
    "summary.py",
    "numerals.py",
    "render/status_json.py",
)
# Plans this process took from the cache or put in it, by id: with their entry and key,
# so that what is derived from such a plan can be kept beside its entry.
_ORIGINS: dict[int, tuple[Plan, str, bytes]] = {}


def folder() -> str | None:
    """plantrack's cache folder: under XDG_CACHE_HOME (else ~/.cache, on macOS
    ~/Library/Caches), on Windows under LOCALAPPDATA; None when the cache is off."""
    current = settings.current()
    if current.no_cache:
        return None
    if sys.platform == "win32":
        base = current.local_app_data or os.path.expanduser(r"~\AppData\Local")
        return os.path.join(base, "plantrack", "Cache")
    base = current.cache_home
    if not os.path.isabs(base):  # the XDG rule: a relative path is ignored
        home = os.path.expanduser("~")
        mac = sys.platform == "darwin"
        base = os.path.join(home, "Library", "Caches") if mac else os.path.join(home, ".cache")
    return os.path.join(base, "plantrack")


def load(path: str, raw: bytes, digest: bytes | None = None) -> Plan | None:
    """The plan cached for exactly these bytes of the file at `path` (whose SHA-256
    digest the caller may have taken already), or None."""
    entry = _entry(path, raw)
    if entry is None:
        return None
    try:
        with open(entry, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    key = _key(digest or sha256(raw))
    head = _FORMAT + key
    if not data.startswith(head):
        return None
    from plantrack.model import Plan

    try:
        plan = _unpickler(io.BytesIO(memoryview(data)[len(head) :])).load()
    except Exception:  # a damaged entry is no entry
        return None
    if not isinstance(plan, Plan):
        return None
    _ORIGINS[id(plan)] = (plan, entry, key)
    return plan


def store(path: str, raw: bytes, plan: Plan, digest: bytes | None = None) -> None:
    """Keep `plan` as what these bytes of the file at `path` read as, if the cache can and
    it can pay: when these bytes are read a second time.

    Writing an entry costs a third of reading a large plan, and most plans read once are
    edited before they are read again (a view run again as it was needs no plan at all:
    plantrack.memo). The first read of a file's bytes only notes their key beside the
    entry; the second, finding it there, writes the entry."""
    entry = _entry(path, raw)
    if entry is None:
        return
    key = _key(digest or sha256(raw))
    seen = entry.removesuffix(".pickle") + ".seen"
    try:
        with open(seen, "rb") as handle:
            again = handle.read(len(_FORMAT + key) + 1) == _FORMAT + key
    except OSError:
        again = False
    if again:
        _write(entry, key, plan)
    else:
        _write(seen, key, None, note=True)


def derived(plan: Plan, name: str) -> Any:
    """What was kept (by `keep`) as `name` beside the cache entry `plan` came from, or None.

    Kept under the same key as the plan, it is what the same bytes read by the same code
    give: never another plan's, never stale."""
    origin = _ORIGINS.get(id(plan))
    if origin is None or origin[0] is not plan:
        return None
    _, entry, key = origin
    try:
        with open(_beside(entry, name), "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    head = _FORMAT + key
    if not data.startswith(head):
        return None
    try:
        return _unpickler(io.BytesIO(memoryview(data)[len(head) :])).load()
    except Exception:  # a damaged entry is no entry
        return None


def keep(plan: Plan, name: str, value: Any) -> None:
    """Keep `value`, computed from `plan` alone, as `name` beside the plan's cache entry,
    if the plan came from one: for what takes long to derive from a plan again. (A plan
    only just stored has been read twice; what is derived from it is kept on its third
    read, when it has proved to be read again and again.)"""
    origin = _ORIGINS.get(id(plan))
    if origin is not None and origin[0] is plan:
        _write(_beside(origin[1], name), origin[2], value)


def _beside(entry: str, name: str) -> str:
    return entry.removesuffix(".pickle") + f".{name}.pickle"


def _write(entry: str, key: bytes, value: Any, *, note: bool = False) -> None:
    """Write an entry whole (or not at all), or with `note` its key alone, if the cache
    can take it."""
    import pickle

    with contextlib.suppress(OSError, pickle.PicklingError), whole_file(entry) as file:
        file.write(_FORMAT + key)
        if not note:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)


@contextlib.contextmanager
def whole_file(entry: str) -> Iterator[BinaryIO]:
    """A file to write that becomes `entry` whole when the block ends, and leaves nothing
    when it raises: readers see the old entry or the new one, never a part."""
    import tempfile

    os.makedirs(os.path.dirname(entry), exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(entry), suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            yield file
        os.replace(temporary, entry)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _entry(path: str, raw: bytes) -> str | None:
    # One entry for each plan file, naming the bytes it was made from: a plan edited a
    # hundred times leaves one entry, not a hundred.
    cache = folder()
    if cache is None or len(raw) < MIN_BYTES:
        return None
    import hashlib

    name = hashlib.sha256(os.path.abspath(path).encode("utf-8", "surrogatepass")).hexdigest()
    return os.path.join(cache, "plans", name[:32] + ".pickle")


def sha256(raw: bytes) -> bytes:
    """The SHA-256 digest of a plan's bytes: what names them here and in the view memo."""
    import hashlib

    return hashlib.sha256(raw).digest()


def _key(digest: bytes) -> bytes:
    """The digest of the file's bytes (their SHA-256 `digest`) and of the code that reads
    them into a Plan."""
    import hashlib

    return hashlib.sha256(_code_identity() + b"\n" + digest).digest()


def _code_identity() -> bytes:
    # An upgrade, or an edited checkout, must not meet plans cached by other code: the
    # versions, and the size and time of each module that decides the result, are in the
    # key. PyYAML is named by its package's file, not imported: a plan taken from here
    # needs none of it.
    import importlib.util

    import pydantic

    from plantrack import __version__

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    spec = importlib.util.find_spec("yaml")
    files = [os.path.join(package, name) for name in _CODE]
    files.append((spec and spec.origin) or "yaml")
    parts = [__version__, pydantic.VERSION, sys.version]
    for name, file in zip([*_CODE, "yaml"], files, strict=True):
        try:
            status = os.stat(file)
        except OSError:
            parts.append(f"{name}:?")
        else:
            parts.append(f"{name}:{status.st_size}:{status.st_mtime_ns}")
    return "\n".join(parts).encode()


def _unpickler(data: io.BytesIO) -> Any:
    """An unpickler that builds only what a plan is made of: the model's own classes and
    dates. An entry cannot make plantrack run anything."""
    import datetime
    import pickle

    from plantrack import model

    allowed = {
        ("plantrack.model", name): value
        for name, value in vars(model).items()
        if isinstance(value, type) and value.__module__ == model.__name__
    }
    allowed["datetime", "date"] = datetime.date

    class PlanUnpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            if (module, name) not in allowed:
                raise pickle.UnpicklingError(f"{module}.{name} is not part of a plan")
            return allowed[module, name]

    return PlanUnpickler(data)
