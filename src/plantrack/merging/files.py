"""Merging three plan files as git's merge driver does: read, merge, write OURS atomically.

When a side is not a valid plan, or holds a change the merge cannot place, the files
are merged line by line as git itself would (`git merge-file`), and the outcome says why.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from plantrack.errors import PlantrackError, Problem, os_reason
from plantrack.i18n import t
from plantrack.merging.text import merged_text, with_markers

if TYPE_CHECKING:
    from plantrack.reading import LoadedPlan
from plantrack.merging.three_way import Conflict, Unmergeable, merge


@dataclass(frozen=True)
class MergeOutcome:
    """What merging a plan's three versions came to."""

    path: str
    conflicts: list[Conflict] = field(default_factory=list)
    line_merge: str = ""  # why the files were merged line by line; "" when they were not
    line_conflicts: int = 0

    @property
    def clean(self) -> bool:
        return not self.conflicts and not self.line_conflicts


def merge_files(base: str, ours: str, theirs: str, path: str) -> MergeOutcome:
    """Merge BASE and THEIRS into OURS (written over, atomically); `path` names the plan."""
    from plantrack.reading import check_file
    from plantrack.writing.atomic import write_atomic

    loaded = {}
    base_data: dict[str, Any] = {}  # a plan added on both sides has no base: every part is new
    for side, name in (("base", base), ("ours", ours), ("theirs", theirs)):
        checked = check_file(name)
        plan, problems = checked.loaded, checked.problems
        if side == "base" and checked.source is not None and not checked.source.text:
            continue
        if plan is None:
            reason = t("merge.side_invalid", side=side, problem=_first(problems))
            return _line_merge(base, ours, theirs, path, reason)
        loaded[side] = plan
    if "base" in loaded:
        base_data = loaded["base"].root.to_python()
    try:
        text, conflicts = _merged(base_data, loaded["ours"], loaded["theirs"])
    except Unmergeable as error:
        return _line_merge(base, ours, theirs, path, t("merge.unplaceable", part=str(error)))
    except PlantrackError as error:
        reason = _first(error.problems) if error.problems else error.message
        return _line_merge(base, ours, theirs, path, reason)
    raw = text.encode("utf-8")
    write_atomic(ours, b"\xef\xbb\xbf" + raw if loaded["ours"].source.bom else raw)
    return MergeOutcome(path, conflicts)


def _merged(
    base: dict[str, Any], ours: LoadedPlan, theirs: LoadedPlan
) -> tuple[str, list[Conflict]]:
    """The merged text, with conflict markers where both sides changed a value differently:
    around the lines where the merge's two choices (ours, theirs) differ."""
    data = base, ours.root.to_python(), theirs.root.to_python()
    merged = merge(*data)
    text = _valid(*merged_text(ours, theirs, merged), ours)
    if merged.conflicts:
        other = merge(data[0], data[1], data[2], prefer="theirs")
        text = with_markers(
            text, _valid(*merged_text(ours, theirs, other), ours), ours.source.newline
        )
    return text, merged.conflicts


def _valid(text: str, data: dict[str, Any], ours: LoadedPlan) -> str:
    """`text`, when it is a valid plan: each side's change may be valid and both together not
    (the same new item number on both sides, say).

    The text reads back as `data` (the editor has checked that); the data is checked here,
    and only a plan found wrong is read again, to say where.
    """
    from pydantic import ValidationError

    from plantrack.model import Plan
    from plantrack.reading import Source, check

    try:
        plan = Plan.model_validate(data)
        numbers = [item.number for _, item in plan.items()]
        if len(set(numbers)) == len(numbers):
            return text
    except ValidationError:
        pass
    problems = check(Source(ours.path, text, ours.source.bom)).problems
    raise PlantrackError(t("merge.result_invalid", problem=_first(problems)))


def _first(problems: list[Problem]) -> str:
    """The first problem, placed by line and column only: the files git hands a merge
    driver have names of its own making, and the plan's name is said already."""
    if not problems:
        return "?"
    first = problems[0]
    return f"{first.line}:{first.column}: {first.message}" if first.line else first.message


def _line_merge(base: str, ours: str, theirs: str, path: str, reason: str) -> MergeOutcome:
    """git's own line merge of the three files, written over OURS atomically."""
    from plantrack.writing.atomic import write_atomic

    command = ["git", "merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs"]
    try:
        done = subprocess.run([*command, ours, base, theirs], capture_output=True, check=False)
    except OSError as error:
        raise PlantrackError(t("merge.no_git", reason=os_reason(error))) from None
    if not 0 <= done.returncode <= 127:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise PlantrackError(t("merge.line_merge_failed", reason=message or done.returncode))
    write_atomic(ours, done.stdout)
    return MergeOutcome(path, line_merge=reason, line_conflicts=done.returncode)
