"""A plan read for an edit: its data validated, the nodes of the items it changes from their lines.

A write changes a few items of a plan that may hold thousands. Reading the plan's data
and validating it is what any read does; building its node tree on top of that cost a
write half as much again, for the positions of one item. Here the plan is read as data
by the fast reader and validated; an item's nodes come from reading its own lines (found
as the plan's k-th `- number:` line) with the full reader, and they must read as exactly
the item's data. When that cannot be shown, the whole tree is read from the same text,
as before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from plantrack.writing.check import same

if TYPE_CHECKING:
    from plantrack.model import Plan
    from plantrack.reading import Node, Source

# An item's first key, as plantrack writes it: after its `-`, at the start of its line.
_ITEM_KEY = re.compile(r"-( +)number:")

# An item: its mapping, its section's index and its own, and the list it is in.
Place = tuple["Node", int, int, "Node"]


class LocatedPlan:
    """A plan read as data and validated, whose node tree is read only when asked for."""

    def __init__(self, source: Source, data: dict[str, Any], plan: Plan) -> None:
        self.source = source
        self.plan = plan
        self._data = data
        self._root: Node | None = None
        self._top: Node | None = None

    @property
    def path(self) -> str:
        return self.source.path

    def plain(self) -> dict[str, Any]:
        """The plan's plain data, as `Node.to_python` gives it; not to be changed."""
        return self._data

    @property
    def root(self) -> Node:
        """The plan's whole node tree, read from its text the first time it is asked for."""
        if self._root is None:
            from plantrack.reading import _building, read_tree

            with _building(self.source.text):
                root = read_tree(self.source).root
            assert root is not None  # the text read as this plan's data a moment ago
            self._root = root
        return self._root

    @property
    def top(self) -> Node:
        """The plan's top-level mapping, for a change of its roles: read from the lines up
        to its `sections:` key when that is its last key, else the whole tree."""
        if self._root is None and self._top is None:
            self._top = _top(self.source, self._data)
        return self._top or self.root

    def locate(self, numbers: list[int]) -> tuple[dict[int, Place], int, int] | None:
        """The places of the items `numbers`, and the plan's indentation of a list under
        a key and of a list entry's keys (from its first item, as the editor takes it);
        None when the items cannot be shown to be where their lines are."""
        text = self.source.text
        sections = self._data["sections"]
        index: dict[int, tuple[int, int, int]] = {}  # number → section, index, plan order
        for s, section in enumerate(sections):
            for i, item in enumerate(section.get("items") or ()):
                index[item["number"]] = (s, i, len(index))
        # In a valid plan only an item is a list entry with a `number` key (see the model),
        # and the fast reader reads one key a line: when there are as many such lines as
        # items, every item starts with one, in plan order.
        lines = _item_lines(text)
        if not lines or len(lines) != len(index):
            return None
        indents = _indents(text, *lines[0])
        if indents is None:  # pragma: no cover - see _indents
            return None
        places: dict[int, Place] = {}
        line, counted = 0, 0  # the line number of offset `counted`, counted as they come
        for number in sorted(dict.fromkeys(numbers), key=lambda n: index[n][2]):
            s, i, k = index[number]
            start = lines[k][0]
            line += text.count("\n", counted, start)
            counted = start
            found = _item(self.source, lines[k], line, sections[s]["items"][i])
            if found is None:
                return None
            places[number] = (found[0], s, i, found[1])
        return places, *indents


def _item_lines(text: str) -> list[tuple[int, int, int]]:
    """Where each line that starts with `- number:` starts, the column of its `-` and of
    its key (a search for the words, then a look at the line: a quick one in C)."""
    lines = []
    for match in _ITEM_KEY.finditer(text):
        dash = match.start()
        start = text.rfind("\n", 0, dash) + 1
        if not text[start:dash].strip(" "):
            lines.append((start, dash - start, dash - start + 1 + len(match.group(1))))
    return lines


def _indents(text: str, start: int, dash: int, key_column: int) -> tuple[int, int] | None:
    """The indentation of the `items:` list under its key and of an entry's keys, from the
    first item; None unless the line before it is its `items:` key."""
    before = text[:start].split("\n")
    before.pop()  # the empty start of the item's own line
    while before and (not before[-1].strip() or before[-1].lstrip().startswith("#")):
        before.pop()
    # The fast reader reads a list of items only on the lines after its `items:` key.
    key = re.fullmatch(r"( *)(- +)?items: *", before[-1]) if before else None
    if key is None:  # pragma: no cover
        return None
    items_column = len(key.group(1)) + len(key.group(2) or "")
    return max(0, dash - items_column), max(2, key_column - dash)


def _item(
    source: Source, line: tuple[int, int, int], number: int, data: dict[str, Any]
) -> tuple[Node, Node] | None:
    """The nodes of the item whose first line is `line` (see `_item_lines`), the file's
    line `number`, in the file's positions, and of the list they are the one entry of;
    None unless they read as exactly `data`."""
    from plantrack.reading import Source, compose, walk

    text = source.text
    start, dash, _ = line
    # The item's lines end before the next line with something at or left of its `-`.
    after = text.find("\n", start)
    following = re.compile(rf"^ {{0,{dash}}}[^ \n#]", re.MULTILINE).search(
        text, len(text) if after < 0 else after + 1
    )
    end = len(text) if following is None else following.start()
    composed = compose(Source(source.path, text[start:end]))
    root = composed.root
    if composed.problems or root is None or not root.is_sequence or len(root.value) != 1:
        return None  # pragma: no cover - lines the fast reader read as one list entry
    item = root.value[0]
    if not item.is_mapping or not same(item.to_python(), data):
        return None
    for node, _ in walk(root):
        node.line += number
        node.start += start
        node.end += start
    return item, root


def _top(source: Source, data: dict[str, Any]) -> Node | None:
    """The top-level mapping as far as its `sections:` key, which must be its last: its
    nodes in the file's positions, or None unless they read as the plan's other keys."""
    from plantrack.reading import Source, compose

    text = source.text
    if list(data)[-1] != "sections":
        return None
    # The fast reader reads the plan's keys at the start of their lines, each once.
    key = re.search(r"^sections: *$", text, re.MULTILINE)
    if key is None:  # pragma: no cover - sections in flow style
        return None
    composed = compose(Source(source.path, text[: key.end()]))
    root = composed.root
    if composed.problems or root is None or not root.is_mapping:  # pragma: no cover
        return None
    head = root.to_python()
    rest = {name: value for name, value in data.items() if name != "sections"}
    if head.pop("sections", 0) is not None or not same(head, rest):  # pragma: no cover
        return None
    return root


def read_located(source: Source) -> LocatedPlan | None:
    """The plan in `source` read as data and validated, or None when the full reader must
    read it (a file the fast reader is unsure of, or a plan with a problem to place)."""
    from plantrack.reading import _building
    from plantrack.reading.fast import read_data
    from plantrack.reading.validation import plan_of

    with _building(source.text):
        data = read_data(source.text)
        plan = plan_of(data) if data is not None else None
    if data is None or plan is None:
        return None
    return LocatedPlan(source, data, plan)
