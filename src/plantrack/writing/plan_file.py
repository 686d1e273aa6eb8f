"""The edit a command drives: a plan read under its lock, one change spliced in, written atomically.

    with open_for_edit(path) as edit:
        edited = edit.apply(ops.assign(edit.plan, [14], "纪检委员", when))

The plan is read once the lock is held, so concurrent writers each build on the other's
work; an invalid plan is never written over: its problems are raised as they are.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from plantrack.errors import PlantrackError, os_reason
from plantrack.i18n import t
from plantrack.writing.atomic import locked, refuse_read_only, write_atomic
from plantrack.writing.editor import edit_text

if TYPE_CHECKING:
    from plantrack.model import Plan
    from plantrack.ops import PlanChange
    from plantrack.reading import LoadedPlan
    from plantrack.writing.located import LocatedPlan


@dataclass(frozen=True)
class Edited:
    """What one change did to a plan file: its text before and after, the change, and the
    ledger entry written for each changed item (by number, as the file now holds it)."""

    path: str
    before: str
    after: str
    bom: bool
    change: PlanChange
    entries: dict[int, dict[str, Any]] = field(default_factory=dict)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        """Whether the file changed (with a dry run: would have changed)."""
        return self.after != self.before

    def diff(self) -> str:
        """A unified diff, as `git diff` shows it, that `git apply` takes."""
        from plantrack.writing.unified import unified_diff

        name = patch_name(self.path)
        # The BOM is part of the file's first line as git sees it: a hunk that reaches
        # line 1 must hold it, or `git apply` finds no such line.
        bom = "\ufeff" if self.bom else ""
        lines = unified_diff(
            git_lines(bom + self.before),
            git_lines(bom + self.after),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
        out = []
        for line in lines:
            if not line.endswith("\n"):
                line += "\n\\ No newline at end of file\n"
            out.append(line)
        return "".join(out)


class PlanEdit:
    """A plan as read under its lock, taking one change."""

    def __init__(self, path: str, loaded: LoadedPlan | LocatedPlan, target: str | None) -> None:
        self.path = path
        self.loaded = loaded
        self._target = target  # where to write; None for a dry run

    @property
    def plan(self) -> Plan:
        return self.loaded.plan

    def apply(self, change: PlanChange) -> Edited:
        """Splice `change` into the plan's text, check it, and write it (unless a dry run)."""
        source = self.loaded.source
        new = edit_text(self.loaded, change)
        edited = Edited(
            self.path, source.text, new.text, source.bom, change, new.entries, self._target is None
        )
        if self._target is not None and edited.changed:
            data = new.text.encode("utf-8")
            try:
                write_atomic(self._target, b"\xef\xbb\xbf" + data if source.bom else data)
            except OSError as error:  # a read-only folder; on Windows, a reader holding it open
                raise PlantrackError(
                    t("write.failed", path=self.path, reason=os_reason(error))
                ) from None
        return edited


@contextlib.contextmanager
def open_for_edit(
    path: str, *, dry_run: bool = False, on_wait: Callable[[], None] | None = None
) -> Iterator[PlanEdit]:
    """The plan at `path`, read and checked while its lock is held (a dry run takes no lock
    and writes nothing). `on_wait` is called once if another writer keeps the lock a while.
    """
    if dry_run:
        yield PlanEdit(path, _read(path), None)
        return
    # A plan reached through a symbolic link is written where the link points, and the
    # link stays a link.
    target = os.path.realpath(path)
    # Before the lock: a missing plan (a mistyped --plan) is named as the reader names it
    # and leaves no lock file behind, and a read-only one is not written over.
    try:
        status = os.stat(target)
    except OSError:
        _read(path)
        raise
    if not stat.S_ISREG(status.st_mode) or not os.access(target, os.R_OK):
        _read(path)  # says what the reader says of it: not a file, cannot be read
    refuse_read_only(path, target, status)
    with locked(target, on_wait):
        yield PlanEdit(path, _read(path), target)


def _read(path: str) -> LoadedPlan | LocatedPlan:
    from plantrack.reading import check, read_source
    from plantrack.writing.located import read_located

    source = read_source(path)
    located = read_located(source)
    if located is not None:
        return located
    checked = check(source)
    loaded, problems = checked.loaded, checked.problems
    if loaded is None:
        raise PlantrackError(problems=problems)
    return loaded


def patch_name(path: str) -> str:
    """The plan's name in a patch: relative to the root of the git work tree it is in,
    else to the current folder when it is below it, else as given; with forward slashes.
    """
    absolute = os.path.abspath(path)
    folder = os.path.dirname(absolute)
    while True:
        if os.path.exists(os.path.join(folder, ".git")):  # a folder, or a worktree's file
            return os.path.relpath(absolute, folder).replace(os.sep, "/")
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    with contextlib.suppress(ValueError):  # on another drive
        relative = os.path.relpath(absolute)
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            return relative.replace(os.sep, "/")
    return path.replace(os.sep, "/")


def git_lines(text: str) -> list[str]:
    """The lines of `text`, each with its line break; only "\n" ends a line, as for git."""
    lines = text.split("\n")
    last = lines.pop()
    return [line + "\n" for line in lines] + ([last] if last else [])
