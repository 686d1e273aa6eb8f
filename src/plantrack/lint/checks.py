"""Lint's warnings: what is legal in a plan but probably a slip, found over its node tree."""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from plantrack.controls import CONTROL, escaped
from plantrack.dates import as_date
from plantrack.errors import MAX_PROBLEMS, Problem, Severity
from plantrack.i18n import listing, t
from plantrack.lint.owners import owner_groups_warning
from plantrack.lint.structure import section_warnings
from plantrack.model import MAX_YEAR, MIN_YEAR, Status, parse_status
from plantrack.punctuation import CHECKED
from plantrack.reading import Node, Source, plan_items, walk
from plantrack.reading.source import line_starts, position

_PAIRS = CHECKED
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


def warnings_of(source: Source, root: Node, today: dt.date) -> list[Problem]:
    """The warnings of a file whose tree is a mapping, in no particular order."""
    return _Warnings(source, root, today).run()


@dataclass
class _Warnings:
    """The warnings of one file, computed over its node tree."""

    source: Source
    root: Node
    today: dt.date
    found: list[Problem] = field(default_factory=list)
    line_starts: list[int] | None = None  # offsets where lines start, once needed
    unmatched: int = 0  # unbalanced-punctuation warnings so far
    unknown_owners: int = 0  # unknown-owner warnings so far
    role_set: frozenset[str] | None = None  # the plan's roles, once needed

    def run(self) -> list[Problem]:
        for node, is_key in walk(self.root):
            if node.kind == "scalar":
                self.scalar(node, is_key)
        self.plan()
        return self.found

    def add(
        self,
        node: Node | _Mark,
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

    # ---- every scalar

    def scalar(self, node: Node, is_key: bool) -> None:
        if isinstance(node.value, str) and CONTROL.search(node.value):
            self.controls(node)
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

    def controls(self, node: Node) -> None:
        """Each control character of a text, where it is written: as itself, or as the
        escape (`\\e`, `\\x1b`, `\\u202e`) a double-quoted text spells it with."""
        span = self.source.text[node.start : node.end]
        found = [
            (match.start(), char)
            for match in _WRITTEN_CONTROL.finditer(span)
            if (char := _written_char(match.group(), node.style == '"'))
        ]
        if not found:  # folded or escaped in a way not spelled out here: the text itself
            found = [(-1, CONTROL.findall(node.value)[0])]
        for offset, char in found:
            at = node if offset < 0 else self.mark(node.start + offset)
            self.add(
                at,
                "control-character",
                "lint.control_character",
                Severity.ERROR,
                char=escaped(char),
                unicode=f"{ord(char):04X}",
            )

    def mark(self, offset: int) -> _Mark:
        """The position of `offset` in the file, in lines as git counts them."""
        if self.line_starts is None:
            self.line_starts = line_starts(self.source.text)
        return _Mark(*position(self.line_starts, offset))

    # ---- the plan's structure

    def plan(self) -> None:
        root = self.root
        year = _value(root.get("year"), int)
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            year = None  # an error of its own (out-of-range); no date can be judged by it
        self.file_year(root.get("year"), year)
        roles_node = root.get("roles")
        roles: list[str] | None = None
        if roles_node is not None and roles_node.is_sequence:
            roles = [r.value for r in roles_node.value if isinstance(r.value, str)]
        section_warnings(root, self.add)
        previous: int | None = None
        for found in plan_items(root):
            item = found.node
            number_node = item.get("number")
            number = _value(number_node, int)
            if number is not None and number_node is not None:
                self.numbering(number_node, number, previous)
                previous = number if previous is None else max(previous, number)
            self.owner(item, roles)
            owner_groups_warning(item, self.add)
            self.due(item, year)
            self.status(item)
            self.ledger(item, year)

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
        """The owner and every co-owner must be one of the plan's roles, when it has them."""
        if roles is None:
            return
        co_owners = item.get("co_owners")
        names = [item.get("owner")]
        if co_owners is not None and co_owners.is_sequence:
            names += co_owners.value
        for node in names:
            owner = _value(node, str)
            if owner is not None and node is not None:
                self._role(node, owner, roles)

    def _role(self, node: Node, owner: str, roles: list[str]) -> None:
        if self.role_set is None:
            self.role_set = frozenset(roles)
        if owner in self.role_set or self.unknown_owners >= MAX_PROBLEMS:
            return  # only a hundred are listed, so no more need a suggestion
        self.unknown_owners += 1
        close = difflib.get_close_matches(owner, roles[:1000], n=1, cutoff=0.5)
        if close:
            self.add(node, "unknown-owner", "lint.unknown_owner_close", owner=owner, close=close[0])
        else:
            shown = listing(role.replace("\n", " ") for role in roles[:12])
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

    def file_year(self, node: Node | None, year: int | None) -> None:
        """A plan file named for a year (`plans/2023.yaml`) holds that year's plan."""
        name = os.path.basename(self.source.path)
        stem, extension = os.path.splitext(name)
        if node is None or year is None or extension not in (".yaml", ".yml"):
            return
        if _YEAR_NAME.fullmatch(stem) and int(stem) != year:
            self.add(node, "year-mismatch", "lint.year_mismatch", name=name, year=year)

    def ledger(self, item: Node, year: int | None) -> None:
        log = item.get("log")
        if log is None or not log.is_sequence:
            return
        latest: dt.date | None = None
        for entry in log.value:
            node = entry.get("date") if entry.is_mapping else None
            date = _value(node, dt.date)
            if date is None or node is None:
                continue
            # A ledger may record the run-up to its year and work carried into the next.
            if year is not None and not year <= date.year <= year + 1:
                self.add(
                    node,
                    "ledger-outside-year",
                    "lint.ledger_outside_year",
                    date=date.isoformat(),
                    year=year,
                    first=dt.date(year, 1, 1).isoformat(),
                    last=dt.date(year + 1, 12, 31).isoformat(),
                )
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
        return as_date(value)
    if isinstance(value, bool) or not isinstance(value, kind):
        return None
    if kind is dt.date and isinstance(value, dt.datetime):
        return None
    return value


# A control character as it is written in a scalar's source: itself, or a double-quoted
# escape; an escaped backslash is matched whole, so that it is not taken for the start of one.
_WRITTEN_CONTROL = re.compile(
    CONTROL.pattern + r"|\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL
)
_ESCAPES = {"0": 0, "a": 7, "b": 8, "v": 11, "f": 12, "r": 13, "e": 27, "N": 0x85}


def _written_char(written: str, double_quoted: bool) -> str:
    """The control character `written` stands for, or "" when it stands for none."""
    if not written.startswith("\\"):
        return written
    if not double_quoted:
        return ""
    if written[1] in "xuU":
        char = chr(int(written[2:], 16))
    else:
        code = _ESCAPES.get(written[1])
        char = "" if code is None else chr(code)
    return char if char and CONTROL.fullmatch(char) else ""


_YEAR_NAME = re.compile(r"(?:19|20|21)[0-9]{2}")
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")


def _unlike_decimal(raw: str, value: Any) -> bool:
    """Whether YAML read the digits as something else than the decimal number they look like."""
    return isinstance(value, int) and not _DECIMAL.fullmatch(raw)
