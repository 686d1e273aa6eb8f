"""Lint's findings on single values: unbalanced punctuation, words and digits YAML reads as
yes/no values or as other numbers, and control characters."""

from __future__ import annotations

import itertools
import re
from collections.abc import Container, Iterator
from typing import Any

from plantrack.controls import CONTROL, escaped
from plantrack.errors import MAX_PROBLEMS, Severity
from plantrack.lint.places import Findings
from plantrack.punctuation import CHECKED
from plantrack.reading import Node

_PAIRS = CHECKED
_OPENERS = {close: open_ for open_, close in _PAIRS.items()}
_MARKS = re.compile("[" + "".join(_PAIRS) + "".join(_OPENERS) + "]")
# A pair of marks with no mark between them: taking these away over and over leaves no
# mark exactly when every mark has its partner (and then, each kind alone is matched).
_INNERMOST = re.compile(
    "|".join(
        f"{re.escape(open_)}[^{re.escape(''.join(_PAIRS) + ''.join(_OPENERS))}]*{re.escape(close)}"
        for open_, close in _PAIRS.items()
    )
)
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


def _balanced(text: str) -> bool:
    """Whether every paired mark of `text` has its partner, without looking at each mark."""
    while True:
        text, taken = _INNERMOST.subn("", text)
        if not _MARKS.search(text):
            return True
        if not taken:
            return False


def value_findings(root: Node, findings: Findings, quiet: Container[int] = ()) -> None:
    """The findings of every scalar in the tree, keys included, in the file's order; the
    collections whose id is in `quiet` are known to have none (see `quiet_value`)."""
    values = _Values(findings)
    look = values.scalar
    every = values.controls is not None
    escapes = values.escapes
    marks = _MARKS.search

    # This runs for each of a large plan's hundreds of thousands of scalars, almost all plain
    # text with no paired mark, keys or numbers written as decimals: the test that sends one
    # to `scalar` is written out here, in the fewest steps, and true of far fewer.
    # Each open collection's entries, as (key or None, value): the file's order, and no
    # recursion however deep the tree.
    open_ = [_entries(root)]
    while open_:
        for key, child in open_[-1]:
            if key is None:
                pass
            elif key.kind != "scalar":  # a key that is a collection (an error of its own)
                open_.append(iter([(None, key), (None, child)]))
                break
            # A key is not looked at for punctuation, so a text key has nothing to find.
            elif key.tag != _STR or every or (escapes and key.style == '"'):
                look(key, True)
            if child.kind != "scalar":
                if id(child) not in quiet:  # its nodes are not built for nothing
                    open_.append(_entries(child))
                    break
                continue
            if child.tag == _STR:
                text = child.value
                if (type(text) is str and marks(text)) or every or (escapes and child.style == '"'):
                    look(child, False)
            elif (
                child.tag == _BOOL
                or (child.tag == _INT and not _plain_decimal(child.raw))
                or every
                or (escapes and child.style == '"')
            ):
                look(child, False)
        else:
            open_.pop()


class QuietValues:
    """Whether a value of a plan's plain data, and all it holds, has no finding of this
    module, judged without its nodes: a text with an unpaired mark (or, when `controls`,
    a control character), a yes/no value or a key that is not text may have one. A
    number is judged by the caller, from the file's text: how it was written is not in
    the data."""

    def __init__(self, controls: bool) -> None:
        self.controls = controls
        # The reader gives places with the same short text one value (a date, an owner,
        # a ledger's changes): the ids of those already found quiet, each looked at once.
        self.known: set[int] = set()

    def __call__(self, value: Any) -> bool:
        marks, control, controls, known = _MARKS.search, CONTROL.search, self.controls, self.known
        # Not recursive, and each test written out: this runs for every value of a large plan.
        open_ = [value]
        while open_:
            value = open_.pop()
            kind = type(value)
            if kind is str:
                if id(value) in known:
                    continue
                if (marks(value) and not _balanced(value)) or (controls and control(value)):
                    return False
                if len(value) <= 64:
                    known.add(id(value))
            elif kind is dict:
                if id(value) in known:
                    continue
                for key in value:
                    if type(key) is not str or (controls and control(key)):
                        return False
                if len(value) <= 2 and all(map(self, value.values())):
                    known.add(id(value))  # a flow mapping, as a ledger's changes
                else:
                    open_.extend(value.values())
            elif kind is list:
                open_.extend(value)
            elif kind is bool:
                return False
        return True


def _plain_decimal(raw: str) -> bool:
    """Digits that YAML reads as the decimal number they look like (most numbers)."""
    return raw.isascii() and raw.isdigit() and raw[0] != "0"


def _entries(node: Node) -> Iterator[tuple[Node | None, Node]]:
    if node.kind == "mapping":
        return iter(node.value)
    return zip(_NO_KEYS, node.value, strict=False)


_NO_KEYS = itertools.repeat(None)  # a list's entries, paired as a mapping's values are


class _Values:
    """The close look at one scalar, for those that can have a finding."""

    def __init__(self, findings: Findings) -> None:
        self.findings = findings
        self.unmatched = 0  # unbalanced-punctuation warnings so far
        text = findings.source.text
        # A value holds a control character only where the text does (a CR LF ends a
        # line and is read as one) or where a double-quoted escape writes one.
        self.controls = CONTROL.search(text.replace("\r\n", "\n") if "\r" in text else text)
        self.escapes = "\\" in text

    def scalar(self, node: Node, is_key: bool) -> None:
        if isinstance(node.value, str) and CONTROL.search(node.value):
            self.control_characters(node)
        add = self.findings.add
        if node.style is None and node.tag == _BOOL and node.raw.lower() in _BOOL_WORDS:
            add(
                node,
                "read-as-bool",
                "lint.read_as_bool",
                raw=node.raw,
                value=str(node.value).lower(),
            )
        elif node.style is None and node.tag == _INT and _unlike_decimal(node.raw, node.value):
            add(node, "read-as-number", "lint.read_as_number", raw=node.raw, value=node.value)
        elif not is_key and node.tag == _STR and isinstance(node.value, str):
            self.punctuation(node)

    def punctuation(self, node: Node) -> None:
        # Only a hundred are listed (lint_source), so no more need to be placed.
        room = MAX_PROBLEMS - self.unmatched
        if room <= 0 or _balanced(node.value):
            return
        unmatched = unmatched_marks(node.value)[:room]
        self.unmatched += len(unmatched)
        if not unmatched:
            return
        span = self.findings.source.text[node.start : node.end]
        places = _in_span(node.value, span, unmatched)
        for (_, mark), offset in zip(unmatched, places, strict=True):
            at = node if offset is None else self.findings.mark(node.start + offset)
            if mark in _PAIRS:
                key, partner = "lint.unmatched_open", _PAIRS[mark]
            else:
                key, partner = "lint.unmatched_close", _OPENERS[mark]
            self.findings.add(at, "unbalanced-punctuation", key, mark=mark, partner=partner)

    def control_characters(self, node: Node) -> None:
        """Each control character of a text, where it is written: as itself, or as the
        escape (`\\e`, `\\x1b`, `\\u202e`) a double-quoted text spells it with."""
        span = self.findings.source.text[node.start : node.end]
        found = [
            (match.start(), char)
            for match in _WRITTEN_CONTROL.finditer(span)
            if (char := _written_char(match.group(), node.style == '"'))
        ]
        if not found:  # folded or escaped in a way not spelled out here: the text itself
            found = [(-1, CONTROL.findall(node.value)[0])]
        for offset, char in found:
            at = node if offset < 0 else self.findings.mark(node.start + offset)
            self.findings.add(
                at,
                "control-character",
                "lint.control_character",
                Severity.ERROR,
                char=escaped(char),
                unicode=f"{ord(char):04X}",
            )


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


_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")


def _unlike_decimal(raw: str, value: Any) -> bool:
    """Whether YAML read the digits as something else than the decimal number they look like."""
    return isinstance(value, int) and not _DECIMAL.fullmatch(raw)
