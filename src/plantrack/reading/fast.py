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
from collections.abc import Iterator
from itertools import accumulate, count
from typing import Any

from plantrack.reading import tree as full
from plantrack.reading.inline import MAX_KEY_LENGTH, Unsure, value_of
from plantrack.reading.scalars import NULL_TAG, STR_TAG, plain_value
from plantrack.reading.tree import Node, Root

# A character of a line that this reader reads as the full reader does: not one YAML
# refuses or counts as a line break, a tab, a carriage return or a byte-order mark.
_SURE = "[^\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
# A line: its indent, a list entry's dash, and a key with the spaces after its colon and
# its value, or anything else; a line with a character that is not sure has no match, so
# a text has a match a line only when every character is sure. (`(?:…|)` rather than
# `(?:…)?`: the same match, but quicker in `re`.)
_LINE = re.compile(
    rf"^( *)(- |)(?:([A-Za-z_][A-Za-z0-9_]*):(?:( +)({_SURE}*)|)|({_SURE}*))$", re.MULTILINE
)
# More nesting than a plan has: left to the full reader, which counts depth exactly.
_MAX_DEPTH = 32
# The entries of lists this deep (a section's items) are lazy mappings.
_LAZY_DEPTH = 4

# With the tree, a value's data and its first node by its text; and the keys checked.
_Memos = tuple[dict[str, tuple[Any, Node]], dict[str, str]]


def read_data(text: str) -> dict[str, Any] | None:
    """The plan's data (a mapping at the top), or None if the full reader must read it."""
    read = _read_or_none(text, 0)
    return read[0] if read is not None else None


def read_tree(text: str, lazy: bool = True) -> Root | None:
    """The plan's node tree as the full reader builds it, holding the plan's data (see
    `Root`), or None if the full reader must read it. With `lazy`, an item's nodes but
    its number's are built when first asked for; a caller that walks every node builds
    them sooner without it."""
    read = _read_or_none(text, _LAZY_DEPTH if lazy else _MAX_DEPTH + 1)
    return read[1] if read is not None else None


def _read_or_none(text: str, lazy_from: int) -> tuple[dict[str, Any], Root | None] | None:
    """The data, and unless `lazy_from` is 0 the tree, its mappings that deep lazy."""
    # At most three nodes a line, and a few for each mark of a flow collection: a file that
    # may have more values than a plan ever has goes to the full reader, which counts
    # them and says the file is too large, for the commands that read it as for lint.
    flows = 3 * (text.count("[") + text.count("{")) + 2 * text.count(",")
    if 3 * (text.count("\n") + 1) + flows > full.MAX_NODES:
        return None
    try:
        data, root = _read(text, lazy_from=lazy_from) if lazy_from else (_data(text), None)
    except (Unsure, ValueError, OverflowError, IndexError, RecursionError):
        return None
    # No document, or an empty mapping: the full reader says which.
    return (data, root) if data else None


# The lines of this many characters (and the rest of the last line) are found at once: a
# piece's lines fit in the processor's cache while they are read, where those of the
# whole text are as large as the plan's data and would be made (and freed) in main memory.
_PIECE = 16_384


def _pieces(text: str) -> Iterator[list[tuple[str, ...]]]:
    """The text's lines, a piece at a time, as `_LINE` finds them; Unsure when a line has
    a character this reader is not sure of (it has no match)."""
    start, end = 0, len(text)
    while start <= end:
        stop = text.find("\n", start + _PIECE)
        if stop < 0:
            stop = end
        lines = _LINE.findall(text, start, stop)
        if len(lines) != text.count("\n", start, stop) + 1:
            raise Unsure
        yield lines
        start = stop + 1


def _data(text: str) -> dict[str, Any]:
    """The data alone, by the grammar of `_read` (which a test holds it to): without nodes
    to build, a line at the indent of the mapping before it (most of them) is one key and
    value, and the rest of the loop is for the lines that open or close a collection."""
    data: dict[str, Any] = {}
    stack: list[tuple[int, Any]] = [(0, data)]
    top: Any = data
    top_indent = 0  # of the innermost open collection, `top`
    # A key whose value starts on the next lines: (mapping, key, the key's indent)
    pending: tuple[dict[str, Any], str, int] | None = None
    memo: dict[str, Any] = {}
    keys: dict[str, str] = {}
    max_keys = full.MAX_KEYS
    for lines in _pieces(text):
        for spaces, dash, key, _, value, other in lines:
            if not key and not dash:
                if not other or other[0] == "#":
                    continue  # a blank line or a comment
                raise Unsure  # a continuation line, a document marker…
            indent = len(spaces)
            if pending is not None:
                mapping, pending_key, key_indent = pending
                pending = None
                if dash and indent >= key_indent:
                    mapping[pending_key] = top = []
                    top_indent = indent
                    stack.append((indent, top))
                elif indent > key_indent:
                    mapping[pending_key] = top = {}
                    top_indent = indent
                    stack.append((indent, top))
                if len(stack) > _MAX_DEPTH:
                    raise Unsure
            if dash or indent != top_indent or type(top) is list:
                while top_indent > indent or (
                    top_indent == indent and not dash and type(top) is list
                ):
                    stack.pop()  # never the data itself: it is at indent 0, and a mapping
                    top_indent, top = stack[-1]
                if top_indent != indent:
                    # indentation the full reader must judge (and a line under a list that
                    # is not one of its entries: the loop leaves no list at its indent)
                    raise Unsure
                if dash:
                    if type(top) is not list:
                        raise Unsure
                    if not key:
                        if not other or other[0] == " ":
                            raise Unsure
                        top.append(value_of(other, None, 0)[0])
                        continue
                    mapping = {}
                    top.append(mapping)
                    top_indent, top = indent + 2, mapping
                    stack.append((top_indent, mapping))
                    if len(stack) > _MAX_DEPTH:
                        raise Unsure
            known_key = keys.get(key)
            if known_key is None:
                if len(key) > MAX_KEY_LENGTH or plain_value(key) is not key:
                    raise Unsure  # a key that is not text (`null:`, `yes:`), or too long
                keys[key] = known_key = key
            if known_key in top or len(top) >= max_keys:
                raise Unsure  # a duplicate, or a mapping of junk keys
            if not value:
                top[known_key] = None
                pending = (top, known_key, top_indent)
                continue
            found = memo.get(value, memo)
            if found is memo:
                found = value_of(value, None, 0)[0]
                if len(value) <= 64:
                    memo[value] = found
            top[known_key] = found
    return data


def _read(
    text: str,
    within: Node | None = None,
    memos: _Memos | None = None,
    lazy_from: int = _LAZY_DEPTH,
) -> tuple[dict[str, Any], Root | None]:
    """The data and its node tree: one grammar, the nodes built on the way.

    `within` is a list holding a lazy mapping, read again from its lines alone with the
    `memos` of the reading that left it lazy."""
    data: dict[str, Any] = {}
    root: Root | None = None
    # Each open collection: (indent of its keys or dashes, the collection, its node)
    stack: list[tuple[int, Any, Any]] = [(0, data, None)]
    pos, endpos, line = 0, len(text), -1
    if within is not None:
        stack = [(within.column, [], within)]
        pos, endpos, line = within.start - within.column, within.end, within.line - 1
        lazy_from = _MAX_DEPTH + 1  # what it holds is built now
    # A key whose value starts on the next lines: (mapping, key, the key's indent, the
    # mapping's node, the key's node)
    pending: tuple[dict[str, Any], str, int, Any, Any] | None = None
    # Short values repeat (dates, owners, statuses, a ledger's changes): each is read once,
    # and places with the same text share one value (the data is only read, never changed,
    # before it is validated into new objects); a value's first node is copied to the
    # places after. Keys are checked once, and each is one string.
    memo: dict[str, Any] = {}
    parts_memo, keys = memos if memos is not None else ({}, {})
    lines = _LINE.findall(text, pos, endpos)
    # Each line's number and where it starts (every line is one of `lines`).
    lengths = list(map(len, text[pos:endpos].split("\n")))
    if len(lengths) != len(lines):
        raise Unsure
    numbers = count(line + 1)
    starts = accumulate(map((1).__add__, lengths), initial=pos)
    building = True  # nodes are built, except inside a lazy mapping
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
        at = begin + indent  # where the line's first token is
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
                else:
                    node = Node(opens, line, indent, at, at, [])
                parent.value.append((key_node, node))
            if opens is not None:
                child: Any = [] if opens == "sequence" else {}
                mapping[pending_key] = child
                stack.append((indent, child, node))
                if len(stack) > _MAX_DEPTH:
                    raise Unsure
        top_indent, top, top_node = stack[-1]
        while top_indent > indent or (top_indent == indent and not dash and type(top) is list):
            stack.pop()
            if top_node is not None:
                top_node.end = at  # a block collection ends where the next token starts
                if top_node is lazy:
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
                if value and len(stack) >= lazy_from:  # its first key is built now
                    node = lazy = _Lazy(line, indent, at, (parts_memo, keys))
                else:
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
            if len(key) > MAX_KEY_LENGTH or plain_value(key) is not key:
                raise Unsure  # a key that is not text (`null:`, `yes:`), or too long
            keys[key] = key
        else:
            key = known_key
        if key in mapping or len(mapping) >= full.MAX_KEYS:
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
                if len(value) <= 64:
                    parts_memo[value] = (found, node)
            else:
                found, node = parts
                if node.kind == "scalar":  # most of them: a copy of the node, moved
                    end = value_at + node.end - node.start
                    raw, style, tag = node.raw, node.style, node.tag
                    node = Node(
                        "scalar",
                        line,
                        value_at - begin,
                        value_at,
                        end,
                        found,
                        raw,
                        style,
                        False,
                        tag,
                    )
                else:
                    node = _moved(node, line, value_at - node.start, value_at - begin - node.column)
            mapping[key] = found
            top_node.value.append((key_node, node))
            if top_node is lazy:
                lazy.text, building = text, False
        else:
            found = memo.get(value, memo)
            if found is memo:
                found = value_of(value, None, 0)[0]
                if len(value) <= 64:
                    memo[value] = found
            mapping[key] = found
    if pending is not None and building:
        parent, key_node = pending[3:]
        parent.value.append((key_node, _empty_after(key_node)))
    for _, _, node in stack:
        if node is not None:
            node.end = endpos
    return data, root


def _moved(node: Node, line: int, shift: int, column_shift: int) -> Node:
    """A copy of the nodes of a value on one line, for the same text elsewhere."""
    value = node.value
    if node.kind == "sequence":
        value = [_moved(each, line, shift, column_shift) for each in value]
    elif node.kind == "mapping":
        value = [
            (_moved(key, line, shift, column_shift), _moved(each, line, shift, column_shift))
            for key, each in value
        ]
    column, start, end = node.column + column_shift, node.start + shift, node.end + shift
    return Node(
        node.kind, line, column, start, end, value, node.raw, node.style, node.flow, node.tag
    )


def _empty_after(key: Node) -> Node:
    """The value of `key:` with nothing after it: empty, just after the colon."""
    after = key.end + 1
    column = key.column + after - key.start
    return Node("scalar", key.line, column, after, after, None, "", None, False, NULL_TAG)


_PAIRS = Node.__dict__["value"]


class _Lazy(Node):
    """A mapping deep in the tree (an item) whose nodes but its first key's are built, by
    the same reader from its own lines, the first time they are asked for: a writer
    changes one item and looks at the others' numbers alone."""

    __slots__ = ("memos", "text")

    def __init__(self, line: int, column: int, start: int, memos: _Memos) -> None:
        super().__init__("mapping", line, column, start, start, [])
        self.memos = memos
        self.text: str | None = None  # set once the first key is in: the rest is lazy

    @property
    def value(self) -> Any:
        pairs = _PAIRS.__get__(self, Node)
        if self.text is not None:
            # The mapping read again as the one entry of a list: its own line has the `-`.
            dash = Node("sequence", self.line, self.column - 2, self.start - 2, self.end, [])
            _read(self.text, dash, self.memos)
            pairs = [pairs[0], *dash.value[0].value[1:]]
            _PAIRS.__set__(self, pairs)
            self.text = None
        return pairs

    @value.setter
    def value(self, pairs: Any) -> None:
        _PAIRS.__set__(self, pairs)

    def pair(self, key: object) -> tuple[Node, Node] | None:
        if self.text is not None:  # its first key needs none of the others
            first: tuple[Node, Node] = _PAIRS.__get__(self, Node)[0]
            if first[0].value == key and type(first[0].value) is type(key):
                return first
        return super().pair(key)
