"""The YAML node tree of a plan file, built from libyaml's events, each node with its position.

The tree is built here rather than by libyaml's composer, so nesting depth is checked
before anything recursive runs (the composer crashes the process on deep nesting);
anchors, aliases, object-constructing tags, duplicate keys (compared after YAML's type
resolution, so `1` and `true` collide) and second documents are refused. Nodes keep
their spans so that the writer can edit a file in place and lint can point at any value.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from plantrack.errors import MAX_PROBLEMS, Problem
from plantrack.i18n import t
from plantrack.reading.scalars import COLLECTION_TAGS, check_anchor_and_tag, scalar
from plantrack.reading.source import YAML_LINE_BREAK, Source, line_starts, position
from plantrack.reading.syntax import reader_problem, syntax_problem

MAX_DEPTH = 64
# A 10,000-item plan with owners, statuses and two or three ledger entries an item has about
# 460,000 values in 9 MB; a dense one at the 16 MB size limit about 1.3 million. A file of many
# more is not a plan, and building (and checking) its tree would take longer than anyone waits.
MAX_NODES = 1_500_000
# No mapping of a plan has more than ten keys (an item's); a thousand is a file of junk keys,
# refused before its unknown keys are collected one by one.
MAX_KEYS = 1_000

try:
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Parser = yaml.SafeLoader


class Node:
    """A YAML node with its position: a scalar, a mapping or a sequence."""

    __slots__ = (
        "column",
        "end",
        "flow",
        "kind",
        "line",
        "raw",
        "start",
        "style",
        "tag",
        "value",
    )

    def __init__(
        self,
        kind: str,
        line: int,
        column: int,
        start: int,
        end: int,
        value: Any,
        raw: str = "",
        style: str | None = None,
        flow: bool = False,
        tag: str = "",
    ) -> None:
        self.kind = kind
        self.line = line  # 0-based
        self.column = column  # 0-based, in code points
        self.start = start  # offset into Source.text
        self.end = end
        self.value = value
        self.raw = raw  # a scalar's text as written (unquoted, unescaped)
        # A scalar's quoting: None (plain; libyaml says ""), "'", '"', "|" or ">".
        self.style = style
        self.flow = flow  # a collection written in flow style, [a, b] or {a: b}
        self.tag = tag

    @property
    def is_mapping(self) -> bool:
        return self.kind == "mapping"

    @property
    def is_sequence(self) -> bool:
        return self.kind == "sequence"

    def pair(self, key: object) -> tuple[Node, Node] | None:
        """The (key node, value node) of `key` in a mapping, or None.

        Keys compare by type as well as value, so `true` is not found as 1.
        """
        if self.kind != "mapping":
            return None
        for pair in self.value:
            key_node = pair[0]
            if (
                key_node.kind == "scalar"
                and key_node.value == key
                and type(key_node.value) is type(key)
            ):
                found: tuple[Node, Node] = pair
                return found
        return None

    def get(self, key: object) -> Node | None:
        """The value node under `key` of a mapping, or None."""
        pair = self.pair(key)
        return pair[1] if pair else None

    def key_node(self, key: object) -> Node | None:
        """The key node of `key`; a key that is not text is also found by its raw text."""
        pair = self.pair(key)
        if pair is None and isinstance(key, str) and self.kind == "mapping":
            pair = next((p for p in self.value if p[0].kind == "scalar" and p[0].raw == key), None)
        return pair[0] if pair else None

    def to_python(self) -> Any:
        if self.kind == "scalar":
            return self.value
        if self.kind == "sequence":
            return [child.to_python() for child in self.value]
        result: dict[Any, Any] = {}
        for key_node, value_node in self.value:
            if key_node.kind != "scalar":
                continue  # reported as yaml.bad_key
            key = key_node.value
            # Plan keys are words; `1:` or `true:` stay the text they were typed as, so that
            # validation reports them as unknown keys, by name.
            result.setdefault(key if isinstance(key, str) else key_node.raw, value_node.to_python())
        return result


class Root(Node):
    """The root of a tree read together with its plain data (by the fast reader): its
    first `to_python` hands that data over instead of converting the tree again."""

    __slots__ = ("data",)

    def __init__(self, line: int, column: int, start: int, data: dict[str, Any]) -> None:
        super().__init__("mapping", line, column, start, start, [])
        self.data: dict[str, Any] | None = data

    def to_python(self) -> Any:
        data, self.data = self.data, None
        return data if data is not None else super().to_python()


@dataclass(slots=True)
class Composed:
    """The node tree of a file (None when there is no document) and what was wrong with it;
    `data` is the tree's plain data when the reader built it on the way (not to be changed)."""

    root: Node | None
    problems: list[Problem] = field(default_factory=list)
    data: dict[str, Any] | None = None


def compose(source: Source) -> Composed:
    """Build the node tree of `source` from libyaml's event stream, checking as it goes.

    Positions are in lines as git counts them, even where YAML counts more."""
    composed = _compose(source)
    text = source.text
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        _recount_lines(composed, text)
    return composed


def walk(root: Node) -> Iterator[tuple[Node, bool]]:
    """Every node of the tree, keys included, each with whether it is a mapping key.

    Not recursive: a tree is at most MAX_DEPTH deep, but a walk should not depend on it.
    """
    stack = [root]
    while stack:
        node = stack.pop()
        if node.kind == "sequence":
            stack.extend(reversed(node.value))
        elif node.kind == "mapping":
            for key, value in reversed(node.value):
                stack.append(value)
                if key.kind == "scalar":
                    yield key, True
                else:
                    stack.append(key)
        yield node, False


def _recount_lines(composed: Composed, text: str) -> None:
    starts = line_starts(text)
    yaml_starts = line_starts(text, YAML_LINE_BREAK)
    if composed.root is not None:
        for node, _ in walk(composed.root):
            node.line, node.column = position(starts, node.start)
    for index, problem in enumerate(composed.problems):
        if problem.line and problem.line <= len(yaml_starts):
            offset = yaml_starts[problem.line - 1] + problem.column - 1
            line, column = position(starts, offset)
            composed.problems[index] = dataclasses.replace(
                problem, line=line + 1, column=column + 1
            )


def _compose(source: Source) -> Composed:
    result = Composed(None)
    problems = result.problems
    path = source.path

    def report(node_or_mark: Any, message_key: str, code: str, **values: object) -> None:
        if len(problems) < MAX_PROBLEMS:
            problems.append(
                Problem(
                    path,
                    node_or_mark.line + 1,
                    node_or_mark.column + 1,
                    t(message_key, **values),
                    code=code,
                )
            )

    # Each open collection: [node, pending key node or None, keys seen → their key node]
    stack: list[list[Any]] = []
    documents = 0
    nodes = 0

    def attach(node: Node) -> None:
        nonlocal nodes
        nodes += 1
        if nodes > MAX_NODES:
            raise _TooManyNodes(node, t("yaml.too_many_nodes", limit=MAX_NODES))
        if not stack:
            result.root = node
            return
        frame = stack[-1]
        parent: Node = frame[0]
        if parent.kind == "sequence":
            parent.value.append(node)
        elif frame[1] is None:
            frame[1] = node
            if node.kind != "scalar":
                report(node, "yaml.bad_key", "bad-key")
                return
            seen: dict[Any, Node] = frame[2]
            try:
                first = seen.get(node.value)
            except TypeError:
                first = None
            if first is not None:
                report(
                    node,
                    "yaml.duplicate_key",
                    "duplicate-key",
                    key=node.raw,
                    first_line=first.line + 1,
                )
            else:
                seen[node.value] = node
                if len(seen) > MAX_KEYS:
                    raise _TooManyNodes(node, t("yaml.too_many_keys", limit=MAX_KEYS))
        else:
            parent.value.append((frame[1], node))
            frame[1] = None

    # libyaml's parser, driven here: yaml.parse adds a generator and a second call per event.
    parser = _Parser(source.text)
    next_event = parser.get_event
    scalar_event = yaml.ScalarEvent
    try:
        while True:
            event = next_event()
            kind = type(event)
            if kind is scalar_event:
                attach(scalar(_node("scalar", event, None, event.style), event, report))
            elif kind is yaml.StreamEndEvent or event is None:
                break
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                is_map = kind is yaml.MappingStartEvent
                node = _node("mapping" if is_map else "sequence", event, [])
                node.flow = bool(event.flow_style)
                if event.anchor is not None or event.tag is not None:
                    check_anchor_and_tag(event, node, report, COLLECTION_TAGS)
                if len(stack) >= MAX_DEPTH:
                    report(node, "yaml.too_deep", "too-deep", limit=MAX_DEPTH)
                    return result
                attach(node)
                stack.append([node, None, {}])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()[0].end = event.end_mark.index
            elif kind is yaml.AliasEvent:
                mark = event.start_mark
                report(mark, "yaml.alias", "alias", name=getattr(event, "anchor", ""))
                attach(_node("scalar", event, None))
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    report(event.start_mark, "yaml.multiple_documents", "multiple-documents")
                    return result
    except _TooManyNodes as too_many:
        # Said first, even after a hundred other problems: it is why the tree stops here.
        node, message = too_many.node, too_many.message
        problems.insert(0, Problem(path, node.line + 1, node.column + 1, message, code="too-large"))
    except yaml.MarkedYAMLError as error:
        problems.append(syntax_problem(path, source.text, error, MAX_DEPTH))
    except yaml.YAMLError as error:  # a reader error: a character YAML does not allow
        problems.append(reader_problem(path, source.text, error))
    finally:
        parser.dispose()
    return result


def _node(kind: str, event: Any, value: Any, style: str | None = None) -> Node:
    mark = event.start_mark
    return Node(
        kind, mark.line, mark.column, mark.index, event.end_mark.index, value, "", style or None
    )


class _TooManyNodes(Exception):
    """Building the tree stops at the node past MAX_NODES, or a mapping's key past MAX_KEYS."""

    def __init__(self, node: Node, message: str) -> None:
        super().__init__()
        self.node = node
        self.message = message


@dataclass(frozen=True, slots=True)
class ItemNode:
    """An item's mapping in the tree, with its place: section index, index in the section,
    and the `items:` key and list it is in (where the writer reads the plan's indentation)."""

    section: int
    index: int
    node: Node
    items_key: Node
    items: Node


def plan_items(root: Node) -> Iterator[ItemNode]:
    """Every item mapping of a plan's tree in plan order, skipping whatever is not a mapping."""
    sections = root.get("sections")
    if sections is None or not sections.is_sequence:
        return
    for s, section in enumerate(sections.value):
        pair = section.pair("items")
        if pair is None or not pair[1].is_sequence:
            continue
        for i, item in enumerate(pair[1].value):
            if item.is_mapping:
                yield ItemNode(s, i, item, *pair)


def field_name(parts: list[Any] | tuple[Any, ...]) -> str:
    """`('sections', 4, 'items', 0, 'status')` → `sections[4].items[0].status`."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def locate(root: Node, loc: tuple[Any, ...] | list[Any]) -> tuple[Node, list[Any], bool]:
    """Walk `loc` down the node tree; stop at the deepest node that exists.

    Returns the node, the path that was walked, and whether the whole path exists.
    """
    node = root
    walked: list[Any] = []
    for part in loc:
        child: Node | None = None
        if node.kind == "mapping" and isinstance(part, str):
            child = node.get(part)
        elif node.kind == "sequence" and isinstance(part, int) and 0 <= part < len(node.value):
            child = node.value[part]
        if child is None:
            return node, walked, False
        node = child
        walked.append(part)
    return node, walked, True
