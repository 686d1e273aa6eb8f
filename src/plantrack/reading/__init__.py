"""Reading plan files: bytes → checked text → node tree → Plan, or every problem, located.

The one place that reads a plan from disk. Four entry points:

* `read_plan(path)`: the plan alone, for commands that only read it (from the cache when
  the file's bytes are those it was cached from);
* `load(path)`: the plan with its text and node tree, or PlantrackError with every
  problem (commands that need more than the plan: writers);
* `check_file(path)`: everything checking the file found, never raising (lint);
* `check(source)`: the same for text already read (the writer's read-back, import).

The node tree comes from the fast reader when it can read the file (`reading/fast.py`),
else from libyaml's events (`tree.compose`); the two trees are the same, node for node.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from plantrack.errors import PlantrackError, Problem, capped
from plantrack.i18n import t
from plantrack.reading.source import MAX_BYTES, Source, decode, read_bytes, read_source

# A file of nothing but YAML's white space is empty; other characters Python calls blank
# (a form feed, an ideographic space) are the full reader's to judge.
_BLANK = re.compile("[ \t\r\n]*")

if TYPE_CHECKING:
    from plantrack.model import Plan
    from plantrack.reading.tree import Composed, Node, compose, plan_items, walk

# The node tree's names, imported when first asked for: a plan from the cache needs
# neither the tree nor PyYAML, whose import is a tenth of such a command.
_TREE = ("Node", "compose", "plan_items", "walk")


def __getattr__(name: str) -> object:
    if name in _TREE:
        from plantrack.reading import tree

        return getattr(tree, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(slots=True)
class LoadedPlan:
    """A plan read without problems: its text, its node tree and the validated plan."""

    source: Source
    root: Node
    plan: Plan
    # The plain data the plan was validated from, when the reader built it on the way.
    data: dict[str, Any] | None = None

    @property
    def path(self) -> str:
        return self.source.path

    def plain(self) -> dict[str, Any]:
        """The plan's plain data, as `Node.to_python` gives it; not to be changed."""
        if self.data is not None:
            return self.data
        data: dict[str, Any] = self.root.to_python()
        return data


@dataclass(slots=True)
class Checked:
    """Everything checking a file found: its text and node tree when they could be read,
    the plan when there was no problem, and the problems otherwise."""

    source: Source | None
    root: Node | None
    loaded: LoadedPlan | None
    problems: list[Problem] = field(default_factory=list)
    # The plain data the tree was read with, when the reader built it on the way.
    data: dict[str, Any] | None = None


def check(source: Source, *, lazy: bool = True) -> Checked:
    """Check text already read, collecting every problem instead of stopping at the first.

    Without `lazy` every node of the tree is built at once (see `read_tree`)."""
    from plantrack.reading.validation import validate

    if _BLANK.fullmatch(source.text):  # YAML's white space alone, without copying the text
        return Checked(
            source, None, None, [Problem(source.path, 1, 1, t("file.empty"), code="empty")]
        )
    with _building(source.text):
        composed = read_tree(source, lazy=lazy)
        plan, problems = validate(source, composed.root, composed.problems)
    root = composed.root
    loaded = None
    if plan is not None and root is not None:
        loaded = LoadedPlan(source, root, plan, composed.data)
    return Checked(source, root, loaded, capped(problems), composed.data)


def read_tree(source: Source, *, lazy: bool = True) -> Composed:
    """The node tree of `source`: from the fast reader when it can read it, with the plain
    data it read on the way, else from libyaml's events (with every problem located).

    With `lazy` the fast reader builds an item's nodes but its number's when they are
    first asked for: a writer looks at one item; lint, which walks every node, is
    quicker without."""
    from plantrack.reading.fast import read_tree as read_fast
    from plantrack.reading.tree import Composed, compose

    root = read_fast(source.text, lazy)
    if root is None:
        return compose(source)
    return Composed(root, [], root.data)


# Above this size a plan's tree or data is hundreds of thousands of objects, none in a
# reference cycle: the cyclic garbage collector would walk them all again and again while
# they are built (half of building a 10,000-item tree) and whenever it runs afterwards.
_LARGE = 1 << 20


@contextlib.contextmanager
def _building(text: str) -> Iterator[None]:
    """Build what is read from `text` with the cyclic collector off, and keep what is
    built out of its walks afterwards (objects freed as usual when no longer used)."""
    if len(text) < _LARGE or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def check_file(path: str | os.PathLike[str]) -> Checked:
    """Read and check a plan file; a file that cannot be read is one problem like any other."""
    try:
        source = read_source(path)
    except PlantrackError as error:
        return Checked(None, None, None, error.problems)
    return check(source)


def read_plan(path: str | os.PathLike[str]) -> Plan:
    """A plan file's checked plan, or PlantrackError with every problem found.

    A command that only reads a plan needs neither its text nor its node tree; the plan
    of a file whose bytes are unchanged since it was last read comes from the cache."""
    from plantrack import memo
    from plantrack.reading import cache

    name = os.fspath(path)
    raw = read_bytes(name)
    # Taken once: the view memo and the plan cache both name the bytes by their digest.
    digest = cache.sha256(raw) if cache.folder() is not None else None
    if digest is not None:
        memo.plan_read(name, digest)
    plan = cache.load(name, raw, digest)
    if plan is not None:
        return plan
    source = decode(name, raw)
    with _building(source.text):
        plan = _read_fast(source)
    if plan is not None:
        cache.store(name, raw, plan, digest)
        return plan
    checked = check(source)
    if checked.loaded is None:
        raise PlantrackError(problems=checked.problems)
    cache.store(name, raw, checked.loaded.plan, digest)
    return checked.loaded.plan


def _read_fast(source: Source) -> Plan | None:
    """The plan of a file plantrack's fast reader can read and that has no problem; None
    sends the file to the full reader, which finds and places every problem."""
    from plantrack.reading.fast import read_data
    from plantrack.reading.validation import plan_of

    data = read_data(source.text)
    return plan_of(data) if data is not None else None


def load(path: str | os.PathLike[str]) -> LoadedPlan:
    """Read a plan file, or raise PlantrackError with every problem found, one line each."""
    checked = check_file(path)
    if checked.loaded is None:
        raise PlantrackError(problems=checked.problems)
    return checked.loaded


__all__ = [
    "MAX_BYTES",
    "Checked",
    "LoadedPlan",
    "Node",
    "Source",
    "check",
    "check_file",
    "compose",
    "decode",
    "load",
    "plan_items",
    "read_bytes",
    "read_plan",
    "read_source",
    "read_tree",
    "walk",
]
