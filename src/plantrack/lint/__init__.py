"""Checking plan files: the reader's problems and the warnings over its node tree.

Errors come from the reader, which already locates every way a file can fail to be a
plan. Warnings are computed from the node tree (not from the validated Plan), so a file
with errors still gets the warnings that make sense for it. Every finding is a
`Problem` with a severity; `Report` counts them and owns the exit status.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterator

from plantrack.errors import PlantrackError, Problem, Severity, capped
from plantrack.lint.report import Report
from plantrack.reading import Source, check, decode, read_source
from plantrack.reading.validation import FATAL

# Every code lint reports, with its severity; the README lists each with an example and its fix.
ERRORS = (
    "unreadable",
    "too-large",
    "encoding",
    "binary",
    "empty",
    "merge-conflict",
    "syntax",
    "too-deep",
    "multiple-documents",
    "anchor",
    "alias",
    "tag",
    "duplicate-key",
    "bad-key",
    "bad-date",
    "bad-value",
    "not-mapping",
    "missing-key",
    "unknown-key",
    "wrong-type",
    "bad-status",
    "out-of-range",
    "empty-text",
    "schema",
    "duplicate-number",
    "control-character",
)
WARNINGS = (
    "number-order",
    "number-gap",
    "unknown-owner",
    "due-outside-year",
    "done-progress",
    "complete-not-done",
    "ledger-order",
    "ledger-future",
    "ledger-outside-year",
    "year-mismatch",
    "unbalanced-punctuation",
    "read-as-bool",
    "read-as-number",
    "untitled-section",
    "subsection-split",
    "owner-groups",
)
CODES: dict[str, Severity] = {
    **dict.fromkeys(ERRORS, Severity.ERROR),
    **dict.fromkeys(WARNINGS, Severity.WARNING),
}


# Below this many files a second process costs more than it saves.
_MANY_FILES = 32


def lint_files(paths: list[str], today: dt.date) -> Iterator[list[Problem]]:
    """Every finding for each file, file by file in the order given; a folder of many
    files is checked on every core the process may use, the findings still in order."""
    workers = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1, 8)
    if len(paths) < _MANY_FILES or workers < 2:
        for path in paths:
            yield lint_file(path, today)
        return
    import functools
    import multiprocessing

    # Forked workers start with everything this process has imported; elsewhere they
    # start afresh, which a folder this large still repays.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(workers, initializer=_worker_start) as pool:
        yield from pool.imap(functools.partial(lint_file, today=today), paths, chunksize=8)


def _worker_start() -> None:
    # Ctrl-C reaches every process of the terminal's group: the command says the one line
    # and ends its workers, which must not each print a KeyboardInterrupt traceback.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def lint_file(path: str, today: dt.date) -> list[Problem]:
    """Every finding for the file at `path`: its errors first, then its warnings."""
    try:
        source = read_source(path)
    except PlantrackError as error:
        return [_one_line(problem) for problem in error.problems]
    return lint_source(source, today)


def lint_data(path: str, data: bytes, today: dt.date) -> list[Problem]:
    """Every finding for a file's bytes, as if read from `path`."""
    try:
        source = decode(path, data)
    except PlantrackError as error:
        return [_one_line(problem) for problem in error.problems]
    return lint_source(source, today)


def lint_source(source: Source, today: dt.date) -> list[Problem]:
    """Every finding for text already read: the reader's errors, then lint's warnings."""
    from plantrack.lint.checks import warnings_of

    # An item's nodes are built when lint asks for them: only for an item that its plain
    # data says may have a finding (see `lint/quiet.py`).
    checked = check(source)
    errors = [_one_line(problem) for problem in checked.problems]
    warnings: list[Problem] = []
    root = checked.root
    # Over a partial tree, or one that is not a plan at all, warnings would be noise.
    if root is not None and root.is_mapping and not any(p.code in FATAL for p in errors):
        for finding in warnings_of(source, root, today, checked.data):
            (errors if finding.severity is Severity.ERROR else warnings).append(finding)
    errors.sort(key=_position)
    warnings.sort(key=_position)
    errors = _conflict_left(source) + errors
    # The reader lists as many errors as any command does; warnings are capped alike.
    return capped(errors) + capped(warnings)


def _conflict_left(source: Source) -> list[Problem]:
    """Conflict markers a merge left, first: the YAML errors they cause follow from them."""
    if not any(marker in source.text for marker in _CONFLICT_MARKERS):
        return []  # most files: found without searching the text line by line
    from plantrack.merging.markers import first_conflict

    left = first_conflict(source.text)
    if left is None:
        return []
    return [Problem(source.path, left.line, 1, left.message(), code="merge-conflict")]


# A marker line starts with one of these (merging/markers.py knows the whole line).
_CONFLICT_MARKERS = ("<<<<<<<", "|||||||", "=======", ">>>>>>>")


def _position(finding: Problem) -> tuple[int, int]:
    return finding.line, finding.column


def _one_line(problem: Problem) -> Problem:
    # A key may hold a line break, and a field name shows the key: one finding, one line.
    message = problem.message.translate(_ESCAPE_BREAKS)
    return problem if message == problem.message else dataclasses.replace(problem, message=message)


_ESCAPE_BREAKS = str.maketrans(
    {"\r": "\\r", "\n": "\\n", "\x85": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


__all__ = [
    "CODES",
    "ERRORS",
    "WARNINGS",
    "Report",
    "Severity",
    "lint_data",
    "lint_file",
    "lint_files",
    "lint_source",
]
