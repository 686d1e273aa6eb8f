"""Lint's findings as they are made, each placed in lines and columns only once it is found."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from plantrack.errors import Problem, Severity
from plantrack.i18n import t
from plantrack.reading import Node, Source
from plantrack.reading.source import line_starts, position


@dataclass(frozen=True, slots=True)
class Mark:
    """A position inside a scalar (0-based), standing in for a node a finding points at."""

    line: int
    column: int


class Findings:
    """The findings of one file, each at a node or at an offset into the file's text.

    Most plans have a few findings or none, so the lines of a large text are not all
    counted up front: an offset's line is counted from the nearest one already placed.
    """

    def __init__(self, source: Source) -> None:
        self.source = source
        self.found: list[Problem] = []
        self._starts: list[int] | None = None  # every line's start, for a text with CRs
        # Offsets already placed, in order, and their lines.
        self._offsets = [0]
        self._lines = [0]

    def add(
        self,
        node: Node | Mark,
        code: str,
        key: str,
        severity: Severity = Severity.WARNING,
        **values: object,
    ) -> None:
        self.found.append(
            Problem(
                self.source.path,
                node.line + 1,
                node.column + 1,
                t(key, **values),
                code=code,
                severity=severity,
            )
        )

    def mark(self, offset: int) -> Mark:
        """The position of `offset` in the file, in lines as git counts them."""
        text = self.source.text
        if "\r" in text:  # a CR ends a line too, and CR LF is one line end
            if self._starts is None:
                self._starts = line_starts(text)
            return Mark(*position(self._starts, offset))
        index = bisect.bisect_right(self._offsets, offset) - 1
        line = self._lines[index] + text.count("\n", self._offsets[index], offset)
        self._offsets.insert(index + 1, offset)
        self._lines.insert(index + 1, line)
        return Mark(line, offset - text.rfind("\n", 0, offset) - 1)
