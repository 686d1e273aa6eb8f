"""What a read-only view printed, kept so that the same view run again prints it at once.

A view (`status`, `show`) prints what its arguments, its environment, today's date, its
terminal, plantrack's code and the plan's bytes make of it, and nothing else. All of
these but the plan are one key, taken when the command starts, before typer, rich or
pydantic is imported; the entry under it names the plan the view read and the digest of
its bytes. A run with the same key finds the plan again as the command would (so a new
year's plan in plans/ is seen), and prints the kept output only when the plan's bytes are
still exactly those; anything else, or an entry that cannot be read or trusted, is a miss
and the command runs as usual. Only runs that succeeded and said nothing on stderr are
kept. Entries live in the cache folder, the newest few of them; `PLANTRACK_NO_CACHE=1`
turns it off.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

VIEWS = ("status", "show")
_FORMAT = b"plantrack view memo 1\n"
# Kept: the newest entries, this many and this many bytes in all at most.
KEEP = 24
KEEP_BYTES = 96 * 2**20
# The packages whose code decides what a view prints, besides plantrack's own.
_PACKAGES = (
    "rich",
    "typer",
    "click",
    "pydantic",
    "pydantic_core",
    "annotated_types",
    "typing_extensions",
    "typing_inspection",
    "yaml",
)


@dataclass
class Run:
    """A view being run: its key, and the plan it read, once it has."""

    key: bytes
    environ: dict[str, str]
    explicit: str | None = None
    year: int = 0
    path: str | None = None
    digest: bytes | None = None


# The view this process runs, when it may be kept.
_run: list[Run] = []


def replay(argv: Sequence[str]) -> bytes | None:
    """The output kept for this very run of a view, or None (and then, if this run may be
    kept, it is noted for `keep`)."""
    _run.clear()
    if len(argv) < 2 or argv[1] not in VIEWS:
        return None
    if sys.platform == "win32" and _isatty(1):  # rich writes to a console through its API
        return None
    folder = _folder()
    if folder is None:
        return None
    environ = dict(os.environ)
    try:
        key = run_key(argv, environ)
    except Exception:  # a key that cannot be taken: the view runs, and is not kept
        return None
    _run.append(Run(key, environ))
    return lookup(folder, key)


def noted() -> bool:
    """Whether this run is a view that may be kept."""
    return bool(_run)


def plan_used(explicit: str | None, year: int, path: str) -> None:
    """The view looks at the plan `path`, found from `explicit` (--plan or PLANTRACK_PLAN)
    in the plans of `year`."""
    for run in _run:
        run.explicit, run.year, run.path = explicit, year, path


def plan_read(path: str, digest: bytes) -> None:
    """The view read the plan at `path`, whose bytes have this SHA-256 digest."""
    for run in _run:
        if run.path == path:
            run.digest = digest


def keep(argv: Sequence[str], output: bytes | bytearray) -> None:
    """Keep what this run printed, if it is a view that read one plan, and nothing it
    depends on changed while it ran (the day, the terminal)."""
    if not _run:
        return
    run = _run.pop()
    folder = _folder()
    if folder is None or run.path is None or run.digest is None:
        return
    try:
        if run_key(argv, run.environ) != run.key:
            return
    except Exception:
        return
    head = _entry_head(run.explicit, run.year, run.path, run.digest, output)
    _write(os.path.join(folder, run.key.hex()[:32]), (_FORMAT, run.key, head, output))
    _bound(folder)


def lookup(folder: str, key: bytes) -> bytes | None:
    """The output kept under `key` in `folder`, if the plan it was made from is still the
    one a view finds, with the same bytes."""
    entry = os.path.join(folder, key.hex()[:32])
    try:
        with open(entry, "rb") as handle:
            data = handle.read()
        output = _output(data, key)
    except Exception:  # an entry that cannot be read or trusted, a plan that cannot be read
        return None
    if output is not None:
        with contextlib.suppress(OSError):
            os.utime(entry)  # the newest entries are those kept
    return output


def _output(data: bytes, key: bytes) -> bytes | None:
    import hashlib
    import json

    head = _FORMAT + key
    if not data.startswith(head):
        return None
    end = data.index(b"\n", len(head))
    fields = json.loads(data[len(head) : end])
    output = data[end + 1 :]
    if (
        len(output) != fields["size"]
        or hashlib.sha256(output).hexdigest() != fields["output"]
        or not isinstance(fields["year"], int)
    ):
        return None  # a damaged entry
    explicit, path = fields["explicit"], fields["path"]
    if _found(explicit, fields["year"]) != path:
        return None
    import stat

    status = os.stat(path)
    if not stat.S_ISREG(status.st_mode):  # a pipe would be read here and lost to the view
        return None
    with open(path, "rb") as handle:
        raw = handle.read(status.st_size + 1)
    if hashlib.sha256(raw).hexdigest() != fields["plan"]:
        return None
    return output


def _found(explicit: str | None, year: int) -> str | None:
    """The plan a view finds, named as it names it; None when it finds none."""
    from plantrack.errors import PlantrackError, shown_path
    from plantrack.reading.discovery import find_plan

    try:
        return shown_path(find_plan(explicit, os.getcwd(), year))
    except PlantrackError:
        return None


def _entry_head(
    explicit: str | None, year: int, path: str, digest: bytes, output: bytes | bytearray
) -> bytes:
    import hashlib
    import json

    fields = {
        "explicit": explicit,
        "year": year,
        "path": path,
        "plan": digest.hex(),
        "size": len(output),
        "output": hashlib.sha256(output).hexdigest(),
    }
    return json.dumps(fields).encode("ascii") + b"\n"


def run_key(argv: Sequence[str], environ: Mapping[str, str]) -> bytes:
    """The digest of everything but the plan that a view's output depends on."""
    import datetime
    import hashlib
    import locale

    digest = hashlib.sha256(_FORMAT)

    def part(*values: object) -> None:
        digest.update(repr(values).encode("utf-8", "surrogatepass") + b"\0")

    part("argv", list(argv))
    part("cwd", os.getcwd())
    part("environ", sorted(environ.items()))
    part("today", datetime.date.today().isoformat())
    for number in (0, 1, 2):
        part("fd", number, _isatty(number), _size(number))
    stdout = sys.stdout
    part("stdout", getattr(stdout, "encoding", None), getattr(stdout, "errors", None))
    part("python", sys.platform, sys.version, sys.executable, sys.flags.utf8_mode)
    with contextlib.suppress(ValueError, TypeError):
        part("locale", locale.getlocale())
    from plantrack import __version__

    part("plantrack", __version__)
    _code(digest, os.path.dirname(os.path.abspath(__file__)))
    import importlib.util

    for name in _PACKAGES:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
        part(name, origin)
        if spec is None or not origin:
            continue
        if spec.submodule_search_locations is None:  # a module of one file
            status = os.stat(origin)
            part(status.st_size, status.st_mtime_ns)
        else:
            _code(digest, os.path.dirname(origin))
    return digest.digest()


def _code(digest: Any, folder: str) -> None:
    """Each file of a package, with its size and time: an upgrade or an edit changes them."""
    folders = [folder]
    while folders:
        with os.scandir(folders.pop()) as found:
            for entry in sorted(found, key=lambda entry: entry.name):
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append(entry.path)
                    continue
                status = entry.stat()
                line = f"{entry.path}\0{status.st_size}\0{status.st_mtime_ns}\n"
                digest.update(line.encode("utf-8", "surrogatepass"))


def _isatty(number: int) -> bool:
    try:
        return os.isatty(number)
    except OSError:
        return False


def _size(number: int) -> tuple[int, int] | None:
    try:
        size = os.get_terminal_size(number)
    except (OSError, ValueError):
        return None
    return size.columns, size.lines


def _folder() -> str | None:
    from plantrack.reading.cache import folder

    base = folder()
    return None if base is None else os.path.join(base, "views")


def _write(entry: str, parts: Sequence[bytes | bytearray]) -> None:
    """Write an entry whole, or not at all."""
    from plantrack.reading.cache import whole_file

    with contextlib.suppress(OSError), whole_file(entry) as file:
        for part in parts:
            file.write(part)


def _bound(folder: str) -> None:
    """Remove all but the newest entries."""
    with contextlib.suppress(OSError):
        entries = []
        with os.scandir(folder) as found:
            for entry in found:
                with contextlib.suppress(OSError):
                    status = entry.stat()
                    entries.append((status.st_mtime_ns, status.st_size, entry.path))
        entries.sort(reverse=True)
        total = 0
        for count, (_, size, path) in enumerate(entries):
            total += size
            if count >= KEEP or total > KEEP_BYTES:
                with contextlib.suppress(OSError):
                    os.unlink(path)
