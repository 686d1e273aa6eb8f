"""The splice editor: a change to a plan's data made in its text, the way a person edits by hand.

New text is spliced in at the spans the loader recorded, and nothing else is touched.
What the change means comes from `PlanChange.apply_to` alone: the editor writes the
difference between the old data and that, and the result is read back and must hold
exactly that data, or nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from plantrack.errors import PlantrackError, Problem
from plantrack.i18n import t
from plantrack.model import ITEM_KEYS
from plantrack.reading.tree import plan_items
from plantrack.writing.check import check, check_items, same
from plantrack.writing.located import LocatedPlan
from plantrack.writing.splices import Splices, last_node, line_after, line_start, value_end
from plantrack.yaml_text import flow, scalar

if TYPE_CHECKING:
    from plantrack.ops import PlanChange
    from plantrack.reading import LoadedPlan, Node
    from plantrack.writing.located import Place


@dataclass(frozen=True)
class EditedText:
    """A plan's new text, and the ledger entry written for each changed item, by number."""

    text: str
    entries: dict[int, dict[str, Any]]


def edit_text(loaded: LoadedPlan | LocatedPlan, change: PlanChange) -> EditedText:
    """The plan's new text: `change` spliced in, checked by reading it back."""
    if change.empty:
        return EditedText(loaded.source.text, {})
    editor = SpliceEditor(loaded, change)
    candidates = editor.splices.joined()
    for candidate in candidates[:-1]:
        try:
            editor.check(candidate)
        except PlantrackError:
            continue
        return EditedText(candidate, editor.entries)
    editor.check(candidates[-1])
    return EditedText(candidates[-1], editor.entries)


class SpliceEditor:
    """The splices that write the difference between a plan's data and its data changed."""

    def __init__(
        self, loaded: LoadedPlan | LocatedPlan, change: PlanChange, text: str | None = None
    ) -> None:
        self.loaded = loaded
        self.splices = Splices(loaded.source.text if text is None else text, loaded.source.newline)
        self.text = self.splices.text  # as it is edited: lines that end in CR alone end in LF
        self.old = loaded.plain()
        self.expected = change.apply_to(self.old)
        self.numbers = [item_change.number for item_change in change.items]
        self.entries: dict[int, dict[str, Any]] = {}
        # Keys removed from a `-` line: new keys cannot follow them, the next key moves up.
        self.moved_up: set[int] = set()
        self.items: dict[int, Place] = {}  # number → node, section, index, its list
        # Indentation the file uses for a block list under a key, and for its entries' keys.
        self.list_indent = 2
        self.entry_indent = 2
        # A change needs only the nodes of what it changes: a plan read as data has its
        # items' read from their own lines, and its roles' from the lines above its items.
        located = loaded.locate(self.numbers) if isinstance(loaded, LocatedPlan) else None
        if located is None:
            self._survey(loaded.root)
        else:
            self.items, self.list_indent, self.entry_indent = located
        for number in self.numbers:
            self._item(number)
        self._roles()

    def check(self, new_text: str) -> None:
        places = [self.items[number] for number in dict.fromkeys(self.numbers)]
        changed = [(s, i, node, items) for node, s, i, items in places]
        source, splices = self.loaded.source, self.splices.splices
        # The cheap proof works on the file's own text, not one edited as LF (see Splices).
        proven = self.text is source.text and check_items(
            source, new_text, splices, self.old, self.expected, changed
        )
        if proven:
            return
        check(source, new_text, self.expected, [(s, i) for _, s, i, _ in places])

    def _survey(self, root: Node) -> None:
        first = True
        for place in plan_items(root):
            item, items = place.node, place.items
            number = item.get("number").value  # type: ignore[union-attr]
            self.items[number] = (item, place.section, place.index, items)
            if first and not items.flow and not item.flow:
                dash = self._dash_column(items)
                self.list_indent = max(0, dash - self._column(self._key_start(place.items_key)))
                self.entry_indent = max(2, self._key_column(item) - dash)
                first = False

    # ------------------------------------------------------------------ the difference

    def _item(self, number: int) -> None:
        node, s, i, _ = self.items[number]
        old = self.old["sections"][s]["items"][i]
        new = self.expected["sections"][s]["items"][i]
        for name in old:
            if name not in new:
                self._remove(node, node.pair(name))  # type: ignore[arg-type]
        changed = [
            name
            for name in new
            if name != "log" and (name not in old or not same(old[name], new[name]))
        ]
        for name in sorted(changed, key=_rank):
            self._set(node, name, new[name])
        old_log, new_log = old.get("log") or [], new.get("log") or []
        pairs = zip(old_log, new_log[: len(old_log)], strict=True)
        index = next((n for n, pair in enumerate(pairs) if not same(*pair)), len(old_log))
        added = new_log[index : index + len(new_log) - len(old_log)]
        if added:
            self.entries[number] = added[-1]
            self._log(node, added, index)

    def _roles(self) -> None:
        old, new = self.old.get("roles"), self.expected.get("roles")
        if not isinstance(new, list) or (isinstance(old, list) and same(old, new)):
            return
        root = self.loaded.top if isinstance(self.loaded, LocatedPlan) else self.loaded.root
        pair = root.pair("roles")
        if pair is None:  # a plan without roles gets them where the format puts them
            sections = root.pair("sections")
            if root.flow or sections is None:
                raise self._refuse(root, "write.cannot_edit", field="roles")
            column = self._key_column(root)
            lines = [" " * column + "roles:"]
            lines += self._block_entries(new, column + self.list_indent, self.entry_indent)
            self.splices.insert_lines(line_start(self.text, self._key_start(sections[0])), lines)
        elif pair[1].is_sequence and isinstance(old, list):
            if len(new) > len(old) and same(old, new[: len(old)]):
                self._append(pair[1], new[len(old) :], "roles")
            else:
                self._replace_list(pair[1], new)
        else:  # `roles:` with none yet (the loader has checked it is a list or empty)
            self._fill_empty_list(root, pair, new)

    def _replace_list(self, node: Node, values: list[Any]) -> None:
        """A list written anew in its style: on one line, or one entry a line after its key
        (and the key's comment)."""
        if node.flow or not node.value or not values:
            self.splices.add(node.start, node.end, flow(values))
            return
        start = line_start(self.text, self._dash(node))
        lines = self._block_entries(values, self._dash_column(node), self.entry_indent)
        self.splices.add(start, value_end(node), self.splices.newline_at(start).join(lines))

    def _set(self, mapping: Node, name: str, value: Any) -> None:
        pair = mapping.pair(name)
        if pair is None:
            self._insert(mapping, name, value)
        elif pair[1].is_sequence and isinstance(value, list):
            self._replace_list(pair[1], value)
        else:
            self._replace(mapping, pair, value)

    def _log(self, item: Node, entries: list[Any], index: int) -> None:
        pair = item.pair("log")
        if pair is None:
            self._insert(item, "log", entries)
        elif pair[1].is_sequence:
            self._append(pair[1], entries, "log", index)
        elif pair[1].kind == "scalar" and pair[1].value is None:
            self._fill_empty_list(item, pair, entries)
        else:  # pragma: no cover - the loader has checked that a log is a list or empty
            raise self._refuse(pair[1], "write.cannot_edit", field="log")

    # ------------------------------------------------------------------ keys

    def _replace(self, mapping: Node, pair: tuple[Node, Node], value: Any) -> None:
        key, node = pair
        if node.kind != "scalar":
            raise self._refuse(node, "write.cannot_edit", field=key.value)
        if node.style in ("|", ">"):
            raise self._refuse(node, "write.block_scalar", field=key.value)
        if node.raw == "" and not node.style:  # `owner:`, `owner: !!null`, `{owner, …}`
            text = flow(value) if isinstance(value, list) else scalar(value, None, mapping.flow)
            self._fill(mapping, key, node, text)
            return
        style = node.style if isinstance(value, str) else None
        self.splices.add(node.start, node.end, scalar(value, style, mapping.flow))

    def _insert(self, mapping: Node, name: str, value: Any) -> None:
        key, after = self._predecessor(mapping, name)
        if mapping.flow:
            self.splices.add(after.end, after.end, f", {name}: {flow(value)}")
            return
        column = self._key_column(mapping)
        indent = " " * column
        if isinstance(value, list) and name != "co_owners":
            lines = [f"{indent}{name}:"]
            lines += self._block_entries(value, column + self.list_indent, self.entry_indent)
        else:  # co-owners read best on one line: [组织委员, 宣传委员]
            lines = [f"{indent}{name}: {flow(value) if isinstance(value, list) else scalar(value)}"]
        if self.splices.ends_open(after):
            # Lines after it would end it with a newline and change its value: the new
            # key goes before the one it would follow instead.
            start = line_start(self.text, key.start)
            if self.text[start : key.start].strip():
                raise self._refuse(key, "write.block_scalar_at_end", field=key.value)
            newline = self.splices.newline_at(start)
            self.splices.add(start, start, newline.join(lines) + newline)
            return
        self.splices.insert_lines(line_after(self.text, value_end(after)), lines)

    def _predecessor(self, mapping: Node, name: str) -> tuple[Node, Node]:
        """The pair after which a new key goes: the nearest key before it in ITEM_KEYS."""
        order = _rank(name)
        kept = [pair for pair in mapping.value if id(pair[0]) not in self.moved_up]
        best: tuple[Node, Node] = kept[-1]
        best_rank = -1
        for pair in kept:
            rank = ITEM_KEYS.index(pair[0].value) if pair[0].value in ITEM_KEYS else -1
            if best_rank < rank < order:
                best, best_rank = pair, rank
        return best

    def _remove(self, mapping: Node, pair: tuple[Node, Node]) -> None:
        key, node = pair
        pairs = mapping.value
        if mapping.flow:
            index = next(i for i, p in enumerate(pairs) if p[0] is key)
            if index > 0:
                self.splices.add(pairs[index - 1][1].end, node.end, "")
            elif len(pairs) > 1:
                self.splices.add(key.start, pairs[1][0].start, "")
            else:
                self.splices.add(key.start, node.end, "")
            return
        first = self._key_start(key)  # an explicit key goes with its `?`
        start = line_start(self.text, first)
        end = line_after(self.text, value_end(node))
        if not self.text[start:first].strip():
            self.splices.add(start, end, "")
            return
        # The key shares its line with the item's `-`: the next key moves up onto that line.
        following = pairs[1][0] if len(pairs) > 1 and pairs[0][0] is key else None
        if following is None:
            raise self._refuse(key, "write.cannot_remove", field=key.value)
        if self.text[end : following.start].strip(" "):  # a comment or blank line between
            raise self._refuse(key, "write.cannot_remove_first", field=key.value)
        self.moved_up.add(id(key))
        self.splices.add(first, following.start, "")

    def _fill(self, mapping: Node, key: Node, node: Node, text: str) -> None:
        """Write `text` as the value of `key`, which has none (`owner:`) or a bare tag."""
        if node.start != node.end:  # `owner: !!null`: the tag goes with the empty value
            self.splices.add(node.start, node.end, text)
            return
        colon = key.end
        # `owner:`, or `? owner` with its `:` on the next line
        while self.text[colon : colon + 1] in (" ", "\t", "\n", "\r"):
            colon += 1
        if self.text[colon : colon + 1] == ":":
            self.splices.add(colon + 1, colon + 1, " " + text)
        elif mapping.flow:  # `{number: 1, owner}`: a key with no colon
            self.splices.add(key.end, key.end, ": " + text)
        else:  # `? owner` with no `:` at all
            raise self._refuse(key, "write.explicit_key", field=key.value)

    # ------------------------------------------------------------------ lists

    def _append(
        self, sequence: Node, values: list[Any], field: str, index: int | None = None
    ) -> None:
        """Add `values` to a list: at its end, or before its entry `index`."""
        entries = sequence.value
        index = len(entries) if index is None else index
        if sequence.flow:
            texts = [flow(v) for v in values]
            if not entries:
                at = self.text.rindex("]", sequence.start, sequence.end)
                self.splices.add(at, at, ", ".join(texts))
            elif index == 0:
                first = entries[0].start
                self.splices.add(first, first, "".join(t + ", " for t in texts))
            else:
                at = entries[index - 1].end
                self.splices.add(at, at, "".join(", " + t for t in texts))
            return
        model = entries[index - 1] if index > 0 else entries[0]  # the entry whose style to keep
        if index == len(entries) and self.splices.ends_open(model):
            raise self._refuse(last_node(model), "write.block_scalar_at_end", field=field)
        dash_column = self._dash_column(sequence)
        content = self._content(model)
        offset = self._column(content) - dash_column
        if self.text[line_start(self.text, content) : content].strip() != "-" or offset < 2:
            offset = self.entry_indent  # the entry starts below its `-` (or after a tag)
        if model.is_mapping and model.flow:
            lead = " " * dash_column + "-" + " " * (offset - 1)
            lines = [lead + flow(value) for value in values]
        else:
            lines = self._block_entries(values, dash_column, offset)
        if index > 0:
            self.splices.insert_lines(line_after(self.text, value_end(entries[index - 1])), lines)
            return
        dash = self._dash(sequence)
        at = line_start(self.text, dash)  # the first entry's `-` line
        if self.text[at:dash].strip(" "):  # pragma: no cover - a block list's `-` leads its line
            raise self._refuse(sequence, "write.cannot_edit", field=field)
        self.splices.insert_lines(at, lines)

    # ------------------------------------------------------------------ columns
    #
    # A block collection's node starts where its tag does (`log: !!seq`, `- !!map`), and
    # an explicit key after its `?`: the columns that count are those of the `-` and of
    # the key's line.

    def _column(self, position: int) -> int:
        return position - line_start(self.text, position)

    def _dash(self, sequence: Node) -> int:
        """Where the `-` of a block list's first entry is."""
        if not sequence.value:
            return sequence.start
        position = sequence.value[0].start - 1
        while position > sequence.start and self.text[position] in " \t\n\r":
            position -= 1
        return position if self.text[position] == "-" else sequence.start

    def _dash_column(self, sequence: Node) -> int:
        return self._column(self._dash(sequence))

    def _content(self, node: Node) -> int:
        """Where a list entry's own text starts: a block mapping's at its first key."""
        if node.is_mapping and not node.flow and node.value:
            return self._key_start(node.value[0][0])
        return node.start

    def _key_start(self, key: Node) -> int:
        """Where a key's line of the mapping starts: at the key, or at its `?`."""
        start = line_start(self.text, key.start)
        before = self.text[start : key.start].rstrip(" \t")
        return start + len(before) - 1 if before.endswith("?") else key.start

    def _key_column(self, mapping: Node) -> int:
        """The column of a block mapping's keys."""
        if mapping.flow or not mapping.value:
            return mapping.column
        return self._column(self._key_start(mapping.value[0][0]))

    def _fill_empty_list(self, mapping: Node, pair: tuple[Node, Node], values: list[Any]) -> None:
        """`log:` (or `log: null`) with nothing in it yet: the entries go below it."""
        key, node = pair
        if mapping.flow:
            if node.raw:  # `log: null`
                self.splices.add(node.start, node.end, flow(values))
            else:
                self._fill(mapping, key, node, flow(values))
            return
        if node.start != node.end:  # `log: null`, `log: ~`, `log: !!null`: the word goes,
            # a comment after it stays
            start = node.start - 1 if self.text[node.start - 1] == " " else node.start
            self.splices.add(start, node.end, "")
        elif self.text[key.end : node.start].strip() != ":":  # `? log` with no `:` at all
            raise self._refuse(key, "write.explicit_key", field=key.value)
        column = self._key_column(mapping) + self.list_indent
        lines = self._block_entries(values, column, self.entry_indent)
        # The entries are the value of the key above them: a key inserted on the same
        # line (before the next key, which ends the file open) goes after them.
        self.splices.insert_lines(line_after(self.text, node.end), lines, first=True)

    def _block_entries(self, values: list[Any], dash_column: int, offset: int) -> list[str]:
        """Lines of block-list entries: `-` at `dash_column`, content `offset` further right."""
        dash = " " * dash_column + "-" + " " * (offset - 1)
        indent = " " * (dash_column + offset)
        lines = []
        for value in values:
            if not isinstance(value, dict):
                lines.append(dash + scalar(value))
                continue
            for position, (name, field_value) in enumerate(value.items()):
                text = flow(field_value) if isinstance(field_value, dict) else scalar(field_value)
                lines.append(f"{dash if position == 0 else indent}{name}: {text}")
        return lines

    def _refuse(self, node: Node, key: str, **values: object) -> PlantrackError:
        problem = Problem(
            self.loaded.path, node.line + 1, node.column + 1, t(key, **values), code="in-place"
        )
        return PlantrackError(problems=[problem])


def _rank(name: str) -> int:
    return ITEM_KEYS.index(name) if name in ITEM_KEYS else len(ITEM_KEYS)
