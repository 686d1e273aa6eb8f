"""Conflict markers left in a plan by a merge: where they start and which lines each side has."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plantrack.i18n import t

# git's markers at the start of a line: `<<<<<<< ours`, `|||||||` (the base, in diff3
# style), `=======`, `>>>>>>> theirs`. Seven of a kind and then a space or the line's end.
_MARKER = re.compile(r"^(<{7}|\|{7}|={7}|>{7})(?=[ \t\r]|$)", re.MULTILINE)


@dataclass(frozen=True)
class LeftConflict:
    """The first conflict left in a text: 1-based lines; a side is (first, last), or None
    when it has no lines."""

    line: int
    ours: tuple[int, int] | None
    theirs: tuple[int, int] | None

    def message(self) -> str:
        return t("lint.merge_conflict", ours=_lines(self.ours), theirs=_lines(self.theirs))


def first_conflict(text: str) -> LeftConflict | None:
    """The first conflict whose markers are left in `text`, or None when there are none."""
    marks: list[tuple[int, str]] = []
    for found in _MARKER.finditer(text):
        marks.append((text.count("\n", 0, found.start()) + 1, found.group(1)[0]))
        if found.group(1)[0] == ">":
            break
    if not marks:
        return None
    line = marks[0][0]
    at = {kind: number for number, kind in reversed(marks)}  # each kind's first line
    ours_start = at.get("<")
    ours_end = at.get("|", at.get("="))
    theirs_start = at.get("=")
    theirs_end = at.get(">")
    last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
    ours = _span(ours_start, ours_end if ours_end is not None else last_line + 1)
    theirs = (
        _span(theirs_start, theirs_end if theirs_end is not None else last_line + 1)
        if theirs_start is not None
        else None
    )
    return LeftConflict(line, ours, theirs)


def _span(after: int | None, before: int) -> tuple[int, int] | None:
    """The lines strictly between two marker lines, or None when there are none."""
    if after is None or before - after < 2:
        return None
    return after + 1, before - 1


def _lines(span: tuple[int, int] | None) -> str:
    if span is None:
        return t("lint.conflict_nothing")
    first, last = span
    return (
        t("lint.conflict_line", first=first)
        if first == last
        else t("lint.conflict_lines", first=first, last=last)
    )
