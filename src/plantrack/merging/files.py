"""Merging three plan files as git's merge driver does: read, merge, write OURS atomically.

When a side is not a valid plan, or holds a change the merge cannot place, the files
are merged line by line as git itself would (`git merge-file`), and the outcome says why.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field

from plantrack.errors import PlantrackError
from plantrack.i18n import t
from plantrack.merging.text import merged_text, with_markers
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
    from plantrack.loader import check_source, read_source
    from plantrack.writer import write_atomic

    loaded = {}
    for side, name in (("base", base), ("ours", ours), ("theirs", theirs)):
        try:
            plan, problems = check_source(read_source(name))
        except PlantrackError as error:
            plan, problems = None, error.problems
        if plan is None:
            first = problems[0] if problems else None
            where = f"{first.line}:{first.column}: " if first is not None and first.line else ""
            reason = t(
                "merge.side_invalid",
                side=side,
                problem=where + (first.message if first is not None else "?"),
            )
            return _line_merge(base, ours, theirs, path, reason)
        loaded[side] = plan
    data = {side: plan.root.to_python() for side, plan in loaded.items()}
    try:
        merged = merge(data["base"], data["ours"], data["theirs"])
        text = merged_text(loaded["ours"], loaded["theirs"], merged)
        if merged.conflicts:
            other = merge(data["base"], data["ours"], data["theirs"], prefer="theirs")
            text = with_markers(
                text,
                merged_text(loaded["ours"], loaded["theirs"], other),
                loaded["ours"].source.newline,
            )
    except Unmergeable as error:
        return _line_merge(base, ours, theirs, path, t("merge.unplaceable", part=str(error)))
    except PlantrackError as error:
        return _line_merge(base, ours, theirs, path, error.lines()[0])
    raw = text.encode("utf-8")
    write_atomic(ours, b"\xef\xbb\xbf" + raw if loaded["ours"].source.bom else raw)
    return MergeOutcome(path, merged.conflicts)


def _line_merge(base: str, ours: str, theirs: str, path: str, reason: str) -> MergeOutcome:
    """git's own line merge of the three files, written over OURS atomically."""
    from plantrack.writer import write_atomic

    command = ["git", "merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs"]
    try:
        done = subprocess.run([*command, ours, base, theirs], capture_output=True, check=False)
    except OSError as error:
        raise PlantrackError(t("merge.no_git", reason=error.strerror or error)) from None
    if not 0 <= done.returncode <= 127:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise PlantrackError(t("merge.line_merge_failed", reason=message or done.returncode))
    write_atomic(ours, done.stdout)
    return MergeOutcome(path, line_merge=reason, line_conflicts=done.returncode)
