"""A plan read straight from its lines, for the block-style YAML plantrack writes: its data
alone, or its positioned node tree with the data.

Building the node tree from libyaml's events costs a Python object for every event and
every node: for 10,000 items, seconds. A plan as plantrack writes it (and as people write
it by hand, mostly) is a small part of YAML: block mappings and lists, one-line plain and
quoted scalars, and small flow collections in ledger entries. Those are read here, line by
line, each scalar resolved exactly as the full reader resolves it; the tree, when asked
for, has the very nodes the full reader builds, positions included. Anything else — a
comment after a value, a block or multi-line scalar, an anchor, a tag, a tab, a duplicate
key, a character YAML does not allow, anything this reader is unsure of — gives None, and
the caller takes the full reader, which also locates every problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import accumulate, count, repeat
from typing import Any

from plantrack.reading import tree as full
from plantrack.reading.inline import Unsure, value_of
from plantrack.reading.scalars import NULL_TAG, STR_TAG, plain_value
from plantrack.reading.tree import Node, Root

# Characters the full reader treats in ways this one does not: those YAML refuses or counts
# as line breaks, tabs, carriage returns, byte-order marks.
_UNSURE_TEXT = re.compile(
    "[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# A line: its indent, a list entry's dash, and a key with the spaces after its colon and
# its value, or anything else.
_LINE = re.compile(r"^( *)(- )?(?:([A-Za-z_][A-Za-z0-9_]*):(?:( +)(.*))?|(.*))$", re.MULTILINE)
# More nesting than a plan has: left to the full reader, which counts depth exactly.
_MAX_DEPTH = 32
# Lists opened this deep (inside an item's mapping: a ledger, block co-owners) are lazy.
_LAZY_DEPTH = 5
_MAX_KEYS = 1_000


def read_data(text: str) -> dict[str, Any] | None:
    """The plan's data (a mapping at the top), or None if the full reader must read it."""
    read = _read_or_none(text, False)
    return read[0] if read is not None else None


def read_tree(text: str) -> Root | None:
    """The plan's node tree as the full reader builds it, holding the plan's data (see
    `Root`), or None if the full reader must read it."""
    read = _read_or_none(text, True)
    return read[1] if read is not None else None


def _read_or_none(text: str, tree: bool) -> tuple[dict[str, Any], Root | None] | None:
    if _UNSURE_TEXT.search(text) is not None:
        return None
    try:
        data, root = _read(text, tree)
    except (Unsure, ValueError, OverflowError, IndexError, RecursionError):
        return None
    # No document, or an empty mapping: the full reader says which.
    return (data, root) if data else None


def _read(text: str, tree: bool, within: Node | None = None) -> tuple[dict[str, Any], Root | None]:
    """The data, and with `tree` its node tree: one grammar, the nodes built on the way.

    `within` is a holder for a lazy list's entries, read from that list's lines alone."""
    data: dict[str, Any] = {}
    root: Root | None = None
    # Each open collection: (indent of its keys or dashes, the collection, its node)
    stack: list[tuple[int, Any, Any]] = [(0, data, None)]
    pos, endpos, line, lazy_from = 0, len(text), -1, _LAZY_DEPTH
    if within is not None:
        stack = [(within.column, [], within)]
        pos, endpos, line = within.start - within.column, within.end, within.line - 1
        lazy_from = _MAX_DEPTH + 1  # its own lists are built now
    # A key whose value starts on the next lines: (mapping, key, the key's indent, the
    # mapping's node, the key's node)
    pending: tuple[dict[str, Any], str, int, Any, Any] | None = None
    # Short values repeat (dates, owners, statuses, a ledger's changes): each is read once,
    # and places with the same text share one value (the data is only read, never changed,
    # before it is validated into new objects). A scalar's node parts are kept likewise.
    # Keys are checked once, and each is one string.
    memo: dict[str, Any] = {}
    parts_memo: dict[str, tuple[Any, str, str | None, str, int]] = {}
    keys: dict[str, str] = {}
    lines = _LINE.findall(text, pos, endpos)
    # With the tree, each line's number and where it starts (every line is one of `lines`).
    numbers: Iterable[int] = repeat(0)
    starts: Iterable[int] = numbers
    if tree:
        lengths = list(map(len, text[pos:endpos].split("\n")))
        if len(lengths) != len(lines):
            raise Unsure
        numbers = count(line + 1)
        starts = accumulate(map((1).__add__, lengths), initial=pos)
    at = 0  # with the tree: where the line's first token is
    building = tree  # nodes are built, except inside a lazy list
    lazy: Any = None
    node: Any = None
    for line, begin, (spaces, dash, key, gap, value, other) in zip(
        numbers, starts, lines, strict=False
    ):
        if not (key or dash):
            if not other or other[0] == "#":
                continue  # a blank line or a comment
            raise Unsure  # a continuation line, a document marker…
        indent = len(spaces)
        if tree:
            at = begin + indent
            if root is None and within is None:
                root = Root(line, indent, at, data)
                stack[0] = (0, data, root)
        if pending is not None:
            mapping, pending_key, key_indent, parent, key_node = pending
            pending = None
            opens = None
            if dash and indent >= key_indent:
                opens = "sequence"
            elif indent > key_indent:
                opens = "mapping"
            node = None
            if building:
                if opens is None:
                    node = _empty_after(key_node)
                elif opens == "sequence" and len(stack) >= lazy_from:
                    node = lazy = _LazyList(text, line, indent, at)
                    building = False
                else:
                    node = Node(opens, line, indent, at, at, [])
                parent.value.append((key_node, node))
            if opens is not None:
                child: Any = [] if opens == "sequence" else {}
                mapping[pending_key] = child
                stack.append((indent, child, node))
                if len(stack) > _MAX_DEPTH:
                    raise Unsure
        while stack[-1][0] > indent or (
            stack[-1][0] == indent and not dash and type(stack[-1][1]) is list
        ):
            node = stack.pop()[2]
            if node is not None:
                node.end = at  # a block collection ends where the next token starts
                if node is lazy:
                    lazy, building = None, True
            if not stack:
                raise Unsure
        top_indent, top, top_node = stack[-1]
        if top_indent != indent:
            raise Unsure  # indentation the full reader must judge
        if dash:
            if type(top) is not list:
                raise Unsure
            if not key:
                if not other or other[0] == " ":
                    raise Unsure
                found, node = value_of(other, (line, begin) if building else None, at + 2)
                top.append(found)
                if building:
                    top_node.value.append(node)
                continue
            mapping = {}
            top.append(mapping)
            indent += 2
            at += 2
            node = None
            if building:
                node = Node("mapping", line, indent, at, at, [])
                top_node.value.append(node)
            top_node = node
            stack.append((indent, mapping, node))
            if len(stack) > _MAX_DEPTH:
                raise Unsure
        else:
            if type(top) is list:
                raise Unsure
            mapping = top
        known_key = keys.get(key)
        if known_key is None:
            if plain_value(key) is not key:
                raise Unsure  # a key that is not text: `null:`, `yes:`
            keys[key] = key
        else:
            key = known_key
        if key in mapping or len(mapping) >= _MAX_KEYS:
            raise Unsure  # a duplicate, or a mapping of junk keys
        key_node = None
        if building:
            key_node = Node(
                "scalar", line, indent, at, at + len(key), key, key, None, False, STR_TAG
            )
        if not value:
            mapping[key] = None
            pending = (mapping, key, indent, top_node, key_node)
        elif building:
            value_at = at + len(key) + 1 + len(gap)
            parts = parts_memo.get(value)
            if parts is None:
                found, node = value_of(value, (line, begin), value_at)
                if node.kind == "scalar" and len(value) <= 64:
                    parts_memo[value] = (
                        found,
                        node.raw,
                        node.style,
                        node.tag,
                        node.end - node.start,
                    )
            else:
                found, raw, style, tag, length = parts
                column = value_at - begin
                node = Node(
                    "scalar",
                    line,
                    column,
                    value_at,
                    value_at + length,
                    found,
                    raw,
                    style,
                    False,
                    tag,
                )
            mapping[key] = found
            top_node.value.append((key_node, node))
        else:
            found = memo.get(value, memo)
            if found is memo:
                found = value_of(value, None, 0)[0]
                if len(value) <= 64:
                    memo[value] = found
            mapping[key] = found
    if tree:
        if pending is not None and building:
            parent, key_node = pending[3:]
            parent.value.append((key_node, _empty_after(key_node)))
        for _, _, node in stack:
            if node is not None:
                node.end = endpos
        if within is None:
            flows = 3 * (text.count("[") + text.count("{")) + 2 * text.count(",")
            if 3 * len(lines) + flows > full.MAX_NODES:
                raise Unsure  # it may be: the full reader says the file is too large
    return data, root


def _empty_after(key: Node) -> Node:
    """The value of `key:` with nothing after it: empty, just after the colon."""
    after = key.end + 1
    column = key.column + after - key.start
    return Node("scalar", key.line, column, after, after, None, "", None, False, NULL_TAG)


_ENTRIES = Node.__dict__["value"]


class _LazyList(Node):
    """A block list deep in the tree (a ledger, mostly) whose entries' nodes are built, by
    the same reader from its own lines, the first time they are asked for: most of a
    plan's nodes are in its ledgers, and a writer touches one item's."""

    __slots__ = ("text",)

    def __init__(self, text: str, line: int, column: int, start: int) -> None:
        super().__init__("sequence", line, column, start, start, None)
        self.text = text

    @property
    def value(self) -> Any:
        entries = _ENTRIES.__get__(self, Node)
        if entries is None:
            holder = Node("sequence", self.line, self.column, self.start, self.end, [])
            _read(self.text, True, holder)
            entries = holder.value
            _ENTRIES.__set__(self, entries)
        return entries

    @value.setter
    def value(self, entries: Any) -> None:
        _ENTRIES.__set__(self, entries)
