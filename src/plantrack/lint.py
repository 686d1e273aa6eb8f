"""Checking plan files: the loader's problems and the warnings over its node tree, as findings.

Errors come from the loader, which already locates every way a file can fail to be a
plan. Warnings are computed here from the node tree (not from the validated Plan), so a
file with errors still gets the warnings that make sense for it. A `Report` counts the
outcomes as files are checked and owns the exit status.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from plantrack.errors import ExitCode, PlantrackError, Problem, os_reason
from plantrack.i18n import t
from plantrack.loader import (
    LINE_BREAK,
    MAX_PROBLEMS,
    Node,
    Source,
    examine,
    line_starts,
    position,
    read_source,
    walk,
)
from plantrack.model import Status, parse_status


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


# Every code lint reports, with its severity; the README lists each with an example and its fix.
ERRORS = (
    "unreadable",
    "too-large",
    "encoding",
    "binary",
    "empty",
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
    "unbalanced-punctuation",
    "read-as-bool",
    "read-as-number",
)
CODES: dict[str, Severity] = {
    **dict.fromkeys(ERRORS, Severity.ERROR),
    **dict.fromkeys(WARNINGS, Severity.WARNING),
}

# After these the node tree is partial or not a plan at all: warnings over it would be noise.
_NO_WARNINGS = {"syntax", "too-deep", "multiple-documents", "not-mapping"}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong with a plan file. `line` and `column` are 1-based; 0 when unplaced."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


@dataclass
class Report:
    """Counts what checking found, file by file, and decides the exit status."""

    strict: bool = False
    files: int = 0
    errors: int = 0
    warnings: int = 0

    def add(self, findings: list[Finding]) -> None:
        self.files += 1
        for finding in findings:
            if finding.severity is Severity.ERROR:
                self.errors += 1
            else:
                self.warnings += 1

    @property
    def return_code(self) -> ExitCode:
        if self.errors or (self.strict and self.warnings):
            return ExitCode.PROBLEM
        return ExitCode.OK

    def summary(self) -> str:
        def count(key: str, n: int) -> str:
            return t(f"lint.{key}_one") if n == 1 else t(f"lint.{key}_many", count=n)

        return t(
            "lint.summary",
            files=count("files", self.files),
            errors=count("errors", self.errors),
            warnings=count("warnings", self.warnings),
        )


# --------------------------------------------------------------------------- which files


def plan_paths(paths: list[str], start: str) -> tuple[list[str], list[str]]:
    """The paths searched and the files to check in them: each file given, and every
    *.yaml / *.yml of each folder given, each file once.

    With no paths, the discovered `plans/` folder. A path that does not exist is a
    usage error.
    """
    from plantrack.loader import find_plans_folder

    if not paths:
        try:
            paths = [os.path.relpath(find_plans_folder(start), start)]
        except PlantrackError as error:
            raise PlantrackError(error.message, exit_code=ExitCode.USAGE) from None
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            try:
                names = sorted(os.listdir(path))
            except OSError as error:
                reason = t("file.unreadable", reason=os_reason(error))
                raise PlantrackError(f"{path}: {reason}") from None
            files.extend(
                os.path.join(path, name)
                for name in names
                # A broken link is kept, to be reported as unreadable rather than skipped.
                if name.endswith((".yaml", ".yml")) and not os.path.isdir(os.path.join(path, name))
            )
        elif os.path.lexists(path):
            files.append(path)
        else:
            raise PlantrackError(t("lint.no_path", path=path), exit_code=ExitCode.USAGE)
    once: dict[str, str] = {}
    for file in files:
        once.setdefault(os.path.normcase(os.path.abspath(file)), file)
    return paths, list(once.values())


# --------------------------------------------------------------------------- checking


def lint_file(path: str, today: dt.date) -> list[Finding]:
    """Every finding for the file at `path`: its errors first, then its warnings."""
    try:
        source = read_source(path)
    except PlantrackError as error:
        return [_from_problem(problem) for problem in error.problems]
    return lint_source(source, today)


def lint_data(path: str, data: bytes, today: dt.date) -> list[Finding]:
    """Every finding for a file's bytes, as if read from `path`."""
    from plantrack.loader import decode

    try:
        source = decode(path, data)
    except PlantrackError as error:
        return [_from_problem(problem) for problem in error.problems]
    return lint_source(source, today)


def lint_source(source: Source, today: dt.date) -> list[Finding]:
    examined = examine(source)
    errors = [_from_problem(problem) for problem in examined.problems]
    warnings: list[Finding] = []
    root = examined.root
    if root is not None and not any(p.code in _NO_WARNINGS for p in examined.problems):
        warnings = _Warnings(source, root, today).run()
    errors.sort(key=_position)
    warnings.sort(key=_position)
    # As the loader does for what it reads: a hundred of each say enough about one file.
    return _inside(source.text, errors[:MAX_PROBLEMS] + warnings[:MAX_PROBLEMS])


def _inside(text: str, findings: list[Finding]) -> list[Finding]:
    """The findings, with a position past the end (libyaml's "end of stream") moved onto
    the last line, where editors and code scanning can show it."""
    if all(f.line <= text.count("\n") + 1 for f in findings):
        return findings
    breaks = list(LINE_BREAK.finditer(text))
    last_line = len(breaks) + 1
    last_column = len(text) - (breaks[-1].end() if breaks else 0) + 1
    return [
        f
        if f.line <= last_line
        else Finding(f.path, last_line, last_column, f.severity, f.code, f.message)
        for f in findings
    ]


def _position(finding: Finding) -> tuple[int, int]:
    return finding.line, finding.column


def _from_problem(problem: Problem) -> Finding:
    code = problem.code if problem.code in CODES else "schema"
    # A key may hold a line break, and a field name shows the key: one finding, one line.
    message = problem.message.translate(_ESCAPE_BREAKS)
    return Finding(problem.path, problem.line, problem.column, Severity.ERROR, code, message)


_ESCAPE_BREAKS = str.maketrans(
    {"\r": "\\r", "\n": "\\n", "\x85": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


_PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】", "「": "」"}
_OPENERS = {close: open_ for open_, close in _PAIRS.items()}
_MARKS = re.compile("[" + "".join(_PAIRS) + "".join(_OPENERS) + "]")
_BOOL_WORDS = {"yes", "no", "on", "off"}
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_STR = "tag:yaml.org,2002:str"


def unmatched_marks(text: str) -> list[tuple[int, str]]:
    """The index and character of every paired punctuation mark without its partner.

    Each kind of pair is matched on its own, so one slip is reported once even when
    pairs of different kinds interleave around it.
    """
    found: list[tuple[int, str]] = []
    open_at: dict[str, list[int]] = {}
    for match in _MARKS.finditer(text):
        mark = match.group()
        if mark in _PAIRS:
            open_at.setdefault(mark, []).append(match.start())
        else:
            stack = open_at.get(_OPENERS[mark])
            if stack:
                stack.pop()
            else:
                found.append((match.start(), mark))
    for mark, indices in open_at.items():
        found.extend((index, mark) for index in indices)
    found.sort()
    return found


@dataclass
class _Warnings:
    """The warnings of one file, computed over its node tree."""

    source: Source
    root: Node
    today: dt.date
    found: list[Finding] = field(default_factory=list)
    line_starts: list[int] | None = None  # offsets where lines start, once needed
    unmatched: int = 0  # unbalanced-punctuation warnings so far
    unknown_owners: int = 0  # unknown-owner warnings so far
    role_set: frozenset[str] | None = None  # the plan's roles, once needed

    def run(self) -> list[Finding]:
        for node, is_key in walk(self.root):
            if node.kind == "scalar":
                self.scalar(node, is_key)
        self.plan()
        return self.found

    def add(self, node: Node | _Mark, code: str, key: str, **values: object) -> None:
        self.found.append(
            Finding(
                self.source.path,
                node.line + 1,
                node.column + 1,
                Severity.WARNING,
                code,
                t(key, **values),
            )
        )

    # ---- every scalar

    def scalar(self, node: Node, is_key: bool) -> None:
        if node.style is None and node.tag == _BOOL and node.raw.lower() in _BOOL_WORDS:
            self.add(
                node,
                "read-as-bool",
                "lint.read_as_bool",
                raw=node.raw,
                value=str(node.value).lower(),
            )
        elif node.style is None and node.tag == _INT and _unlike_decimal(node.raw, node.value):
            self.add(node, "read-as-number", "lint.read_as_number", raw=node.raw, value=node.value)
        elif not is_key and node.tag == _STR and isinstance(node.value, str):
            self.punctuation(node)

    def punctuation(self, node: Node) -> None:
        # Only a hundred are listed (lint_source), so no more need to be placed.
        room = MAX_PROBLEMS - self.unmatched
        unmatched = unmatched_marks(node.value)[:room] if room > 0 else []
        self.unmatched += len(unmatched)
        if not unmatched:
            return
        span = self.source.text[node.start : node.end]
        places = _in_span(node.value, span, unmatched)
        for (_, mark), offset in zip(unmatched, places, strict=True):
            at = node if offset is None else self.mark(node.start + offset)
            if mark in _PAIRS:
                key, partner = "lint.unmatched_open", _PAIRS[mark]
            else:
                key, partner = "lint.unmatched_close", _OPENERS[mark]
            self.add(at, "unbalanced-punctuation", key, mark=mark, partner=partner)

    def mark(self, offset: int) -> _Mark:
        """The position of `offset` in the file, in lines as git counts them."""
        if self.line_starts is None:
            self.line_starts = line_starts(self.source.text)
        return _Mark(*position(self.line_starts, offset))

    # ---- the plan's structure

    def plan(self) -> None:
        root = self.root
        year = _value(root.get("year"), int)
        roles_node = root.get("roles")
        roles: list[str] | None = None
        if roles_node is not None and roles_node.is_sequence:
            roles = [r.value for r in roles_node.value if isinstance(r.value, str)]
        previous: int | None = None
        for item in self.items():
            number_node = item.get("number")
            number = _value(number_node, int)
            if number is not None and number_node is not None:
                self.numbering(number_node, number, previous)
                previous = number if previous is None else max(previous, number)
            self.owner(item, roles)
            self.due(item, year)
            self.status(item)
            self.ledger(item)

    def items(self) -> Iterator[Node]:
        sections = self.root.get("sections")
        if sections is None or not sections.is_sequence:
            return
        for section in sections.value:
            items = section.get("items") if section.is_mapping else None
            if items is not None and items.is_sequence:
                yield from (item for item in items.value if item.is_mapping)

    def numbering(self, node: Node, number: int, previous: int | None) -> None:
        if previous is None:
            if number > 1:
                self.add(node, "number-gap", "lint.number_start", number=number)
        elif number < previous:
            self.add(node, "number-order", "lint.number_order", number=number, previous=previous)
        elif number > previous + 1:
            missing = (
                str(previous + 1) if number == previous + 2 else f"{previous + 1}–{number - 1}"
            )
            self.add(
                node,
                "number-gap",
                "lint.number_gap",
                number=number,
                previous=previous,
                missing=missing,
            )

    def owner(self, item: Node, roles: list[str] | None) -> None:
        node = item.get("owner")
        owner = _value(node, str)
        if roles is None or owner is None or node is None:
            return
        if self.role_set is None:
            self.role_set = frozenset(roles)
        if owner in self.role_set or self.unknown_owners >= MAX_PROBLEMS:
            return  # only a hundred are listed, so no more need a suggestion
        self.unknown_owners += 1
        close = difflib.get_close_matches(owner, roles[:1000], n=1, cutoff=0.5)
        if close:
            self.add(node, "unknown-owner", "lint.unknown_owner_close", owner=owner, close=close[0])
        else:
            shown = "、".join(role.replace("\n", " ") for role in roles[:12])
            if len(roles) > 12:
                shown += "…"
            self.add(node, "unknown-owner", "lint.unknown_owner", owner=owner, roles=shown)

    def due(self, item: Node, year: int | None) -> None:
        node = item.get("due")
        due = _value(node, dt.date)
        if year is not None and due is not None and node is not None and due.year != year:
            self.add(node, "due-outside-year", "lint.due_year", due=due.isoformat(), year=year)

    def status(self, item: Node) -> None:
        status_node = item.get("status")
        word = _value(status_node, str)
        status = parse_status(word) if word is not None else None
        progress_node = item.get("progress")
        progress = _value(progress_node, int)
        if progress is None or progress_node is None:
            return
        if status is Status.DONE and progress < 100:
            self.add(progress_node, "done-progress", "lint.done_progress", progress=progress)
        elif progress == 100 and status is not Status.DONE and (word is None or status):
            shown = t("status." + (status or Status.TODO).value)
            self.add(progress_node, "complete-not-done", "lint.complete_not_done", status=shown)

    def ledger(self, item: Node) -> None:
        log = item.get("log")
        if log is None or not log.is_sequence:
            return
        latest: dt.date | None = None
        for entry in log.value:
            node = entry.get("date") if entry.is_mapping else None
            date = _value(node, dt.date)
            if date is None or node is None:
                continue
            if latest is not None and date < latest:
                self.add(
                    node,
                    "ledger-order",
                    "lint.ledger_order",
                    date=date.isoformat(),
                    previous=latest.isoformat(),
                )
            if date > self.today:
                self.add(
                    node,
                    "ledger-future",
                    "lint.ledger_future",
                    date=date.isoformat(),
                    today=self.today.isoformat(),
                )
            latest = date if latest is None else max(latest, date)


@dataclass(frozen=True, slots=True)
class _Mark:
    """A position inside a scalar (0-based), standing in for a node a finding points at."""

    line: int
    column: int


def _in_span(value: str, span: str, marks: list[tuple[int, str]]) -> list[int | None]:
    """Where in a scalar's source text (`span`) each of `marks` of its value is, or None.

    The k-th such mark of the value is the k-th of the span when the span has as many
    (nothing was escaped); folding and quoting do not add or drop these marks. `marks`
    are in order, so each kind is searched once, however long the text.
    """
    places: list[int | None] = []
    # For each mark: how far the value was counted, marks counted so far, and the
    # span's matches with how many were taken.
    state: dict[str, tuple[int, int, Iterator[re.Match[str]], int]] = {}
    for index, mark in marks:
        if mark not in state:
            if span.count(mark) != value.count(mark):
                state[mark] = (0, 0, iter(()), -1)
            else:
                state[mark] = (0, 0, re.finditer(re.escape(mark), span), 0)
        counted_to, before, matches, taken = state[mark]
        if taken < 0:
            places.append(None)
            continue
        before += value.count(mark, counted_to, index)
        match = next(itertools.islice(matches, before - taken, None))
        places.append(match.start())
        state[mark] = (index + 1, before + 1, matches, before + 1)
    return places


def _value(node: Node | None, kind: type[Any]) -> Any:
    """The node's value when it is a scalar of `kind` (a bool is not an int here), else None."""
    if node is None or node.kind != "scalar":
        return None
    value = node.value
    if kind is dt.date and isinstance(value, str) and node.style is not None:
        # A quoted date is still a date to the plan ("2022-06-30"), so also to its warnings.
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, kind):
        return None
    if kind is dt.date and isinstance(value, dt.datetime):
        return None
    return value


_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")


def _unlike_decimal(raw: str, value: Any) -> bool:
    """Whether YAML read the digits as something else than the decimal number they look like."""
    return isinstance(value, int) and not _DECIMAL.fullmatch(raw)


# --------------------------------------------------------------------------- the schema

# Shown by editors on hover. The schema is a file format, the same in every locale,
# so each description carries both languages.
_DESCRIPTIONS = {
    "Plan": "A work plan (工作要点): title, year, preamble and numbered sections of items.",
    "Section": "A section (一、二、…) of the plan; its numeral follows from its place.",
    "Item": "A numbered item of the plan, with its tracking fields.",
    "LogEntry": "One ledger (台账) entry: when, who, what changed (old → new) and a note.",
    "Status": "todo | doing | done | blocked, or 未开始 | 进行中 | 已完成 | 受阻",
}
_FIELD_DESCRIPTIONS = {
    "Plan": {
        "title": "The plan's title / 计划标题",
        "year": "The plan's year / 计划年度",
        "preamble": "The general requirements before the first section / 总体要求",
        "roles": "The owners this plan accepts / 可选的责任人名单",
        "sections": "The sections 一、二、… in order / 各部分，按顺序",
    },
    "Section": {
        "title": "The section's title, without its numeral / 部分标题（不含序号）",
        "items": "The section's numbered items / 本部分的事项",
    },
    "Item": {
        "number": "Unique across the plan / 事项编号，全计划唯一",
        "title": "The heading sentence, without its 。 / 标题句（不含句号）",
        "text": "The rest of the paragraph / 正文",
        "owner": "The responsible role or person / 责任人",
        "status": "todo, doing, done, blocked / 未开始、进行中、已完成、受阻",
        "progress": "Per cent, 0–100 / 进度（百分比）",
        "due": "Deadline, 2022-06-30 / 完成时限",
        "log": "The item's ledger, oldest first / 台账，按日期从早到晚",
    },
    "LogEntry": {
        "date": "When / 日期",
        "by": "Who recorded it / 记录人",
        "changes": "field: [old, new] / 变更：字段: [旧值, 新值]",
        "note": "What was done / 工作情况",
    },
}


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file, generated from the models (for editors and tools)."""
    from plantrack.model import STATUS_WORDS, Plan

    schema = Plan.model_json_schema()
    definitions = schema.get("$defs", {})
    # The status words in Chinese are accepted as well as the English ones.
    definitions["Status"]["enum"] = list(STATUS_WORDS)
    for name, description in _DESCRIPTIONS.items():
        target = schema if name == "Plan" else definitions.get(name)
        if target is not None:
            target["description"] = description
            for key, text in _FIELD_DESCRIPTIONS.get(name, {}).items():
                target["properties"][key]["description"] = text
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text() -> str:
    import json

    return json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"
