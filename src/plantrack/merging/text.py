"""A merged plan as text: OURS's text, only the merged lines changed, by the splice editor.

Values are set, removed and ledger entries added in date order exactly as the writing
commands do it (the writing package's editor, extended here by what a merge needs beyond
one command's change: whole items and sections taken from THEIRS, parts removed). The
result is read back by the editor's own check and must hold exactly the merged data.
"""

from __future__ import annotations

import contextlib
import copy
import difflib
from typing import TYPE_CHECKING, Any

from plantrack.errors import PlantrackError
from plantrack.merging.identity import Data, same
from plantrack.merging.three_way import Merged, MergedItem, MergedSection
from plantrack.ops import PlanChange, ledger_index
from plantrack.writing.editor import SpliceEditor
from plantrack.writing.plan_file import git_lines
from plantrack.writing.splices import line_after, line_start, value_end
from plantrack.yaml_text import flow

if TYPE_CHECKING:
    from plantrack.reading import LoadedPlan, Node

_MISSING: Any = object()
# The plan's own keys in the order a new one is put among them.
_PLAN_KEYS = ("title", "year", "preamble", "roles", "owner_style", "sections")
OURS_MARK, SPLIT_MARK, THEIRS_MARK = "<<<<<<< ours", "=======", ">>>>>>> theirs"


def merged_text(ours: LoadedPlan, theirs: LoadedPlan, merged: Merged) -> tuple[str, Data]:
    """OURS's text changed to hold `merged`, checked by reading it back, and the plan data
    it holds."""
    editor = _MergeEditor(ours, theirs, merged)
    candidates = editor.splices.joined()
    for candidate in candidates[:-1]:
        with contextlib.suppress(PlantrackError):
            editor.check(candidate)
            return candidate, editor.expected
    editor.check(candidates[-1])
    return candidates[-1], editor.expected


def with_markers(ours_choice: str, theirs_choice: str, newline: str) -> str:
    """One text from the two choices of a conflicted merge: the lines where they differ
    between git's conflict markers, the rest as both have it."""
    a, b = git_lines(ours_choice), git_lines(theirs_choice)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += a[i1:i2]
            continue
        out.append(OURS_MARK + newline)
        out += [_ended(line, newline) for line in a[i1:i2]]
        out.append(SPLIT_MARK + newline)
        out += [_ended(line, newline) for line in b[j1:j2]]
        out.append(THEIRS_MARK + newline)
    return "".join(out)


def _ended(line: str, newline: str) -> str:
    return line if line.endswith("\n") else line + newline


def target_data(ours: Data, theirs: Data, merged: Merged) -> Data:
    """The plan data `merged` stands for, as the reader would read it from the result."""
    data = copy.deepcopy(merged.top)
    sections = []
    for section in merged.sections:
        if section.origin == "theirs":
            sections.append(copy.deepcopy(theirs["sections"][section.index]))
            continue
        ours_section = ours["sections"][section.index]
        new = copy.deepcopy(section.fields)
        if "items" in ours_section or section.items:
            new["items"] = [_item_data(ours, theirs, item) for item in section.items]
        sections.append(new)
    if "sections" in ours or sections:
        data["sections"] = sections
    return data


def _item_data(ours: Data, theirs: Data, item: MergedItem) -> Data:
    s, i = item.index
    if item.origin == "theirs":
        found: Data = copy.deepcopy(theirs["sections"][s]["items"][i])
        return found
    original = ours["sections"][s]["items"][i]
    data = copy.deepcopy(item.fields)
    if "log" in original or item.added:
        log = list(copy.deepcopy(original.get("log")) or [])
        for entry in item.added:
            log.insert(ledger_index(log, entry["date"]), copy.deepcopy(entry))
        data["log"] = log if log or original.get("log") is not None else None
    return data


class _MergeEditor(SpliceEditor):
    """The splice editor, driven by a merge instead of one command's change."""

    def __init__(self, ours: LoadedPlan, theirs: LoadedPlan, merged: Merged) -> None:
        super().__init__(ours, PlanChange(()), ours.source.text)  # the merge makes the change
        self.theirs = theirs
        self.merged = merged
        self.theirs_data: Data = theirs.root.to_python()
        # What the text must read back as: the read-back check compares it with this.
        self.expected = target_data(self.old, self.theirs_data, merged)
        self._merge()

    # ------------------------------------------------------------------ what changes

    def _merge(self) -> None:
        root = self.loaded.root
        merged = self.merged
        for key in dict.fromkeys([*self.old, *merged.top]):
            if key == "roles":
                self._merge_roles(root, self.old.get(key, _MISSING), merged.top.get(key, _MISSING))
            elif key != "sections":
                self._value(root, key, self.old.get(key, _MISSING), merged.top.get(key, _MISSING))
        sections = root.get("sections")
        if sections is None or not sections.is_sequence:
            if merged.sections:
                raise self._refuse(root, "write.cannot_edit", field="sections")
            return
        kept = {section.index for section in merged.sections if section.origin == "ours"}
        for s, node in enumerate(sections.value):
            if s not in kept:
                self._drop(node)
        ours_sections = [s for s in merged.sections if s.origin == "ours"]
        for section in ours_sections:
            self._section(sections.value[section.index], section)
        # New parts last: at a spot where an item's own new lines also go, those come first.
        for section in ours_sections:
            self._new_items(sections.value[section.index], section)
        self._new_parts(
            sections,
            [
                (part.origin, part.index, self._theirs_section(part.index))
                for part in merged.sections
            ],
        )

    def _section(self, node: Node, section: MergedSection) -> None:
        self._fields(node, self.old["sections"][section.index], section.fields, "items")
        items = node.get("items")
        kept = {item.index for item in section.items if item.origin == "ours"}
        for i, item_node in enumerate(
            items.value if items is not None and items.is_sequence else []
        ):
            if (section.index, i) not in kept:
                self._drop(item_node)
        for item in section.items:
            if item.origin == "ours" and items is not None:
                self._merge_item(items.value[item.index[1]], item)

    def _merge_item(self, node: Node, item: MergedItem) -> None:
        s, i = item.index
        self._fields(node, self.old["sections"][s]["items"][i], item.fields, "log")
        if item.added:
            self._add_entries(node, item.added)

    def _new_items(self, node: Node, section: MergedSection) -> None:
        if all(item.origin == "ours" for item in section.items):
            return
        items = node.get("items")
        if items is None or not items.is_sequence or not items.value:
            raise self._refuse(node, "write.cannot_edit", field="items")
        self._new_parts(
            items,
            [(item.origin, item.index[1], self._theirs_item(item.index)) for item in section.items],
        )

    def _new_parts(self, sequence: Node, parts: list[tuple[str, int, Node | None]]) -> None:
        """THEIRS's parts copied into `sequence`, each after the part of ours before it."""
        after: Node | None = None
        for origin, index, theirs_node in parts:
            if origin == "ours":
                after = sequence.value[index]
                continue
            assert theirs_node is not None
            if after is not None:
                at = line_after(self.text, value_end(after))
            elif sequence.value:
                at = line_start(self.text, sequence.value[0].start)
            else:
                raise self._refuse(sequence, "write.cannot_edit", field="sections")
            self.splices.insert_lines(at, self._copied(theirs_node, sequence.column))

    def _theirs_section(self, index: int) -> Node | None:
        sections = self.theirs.root.get("sections")
        return sections.value[index] if sections is not None else None

    def _theirs_item(self, place: tuple[int, int]) -> Node | None:
        section = self._theirs_section(place[0])
        items = section.get("items") if section is not None else None
        return items.value[place[1]] if items is not None else None

    # ------------------------------------------------------------------ splices

    def _predecessor(self, mapping: Node, name: str) -> tuple[Node, Node]:
        """A new plan key goes after the plan keys that come before it; others as the
        writer puts an item's keys."""
        if mapping is self.loaded.root and name in _PLAN_KEYS:
            before = _PLAN_KEYS[: _PLAN_KEYS.index(name)]
            pairs: list[tuple[Node, Node]] = [
                pair for pair in mapping.value if pair[0].value in before
            ]
            if pairs:
                return pairs[-1]
        return super()._predecessor(mapping, name)

    def _value(self, mapping: Node, key: str, old: Any, new: Any) -> None:
        if same(old, new):
            return
        if new is _MISSING:
            pair = mapping.pair(key)
            if pair is not None:
                self._remove(mapping, pair)
        elif new is None:  # a null kept as a key (`owner:`), not a key removed
            pair = mapping.pair(key)
            if pair is None:
                self._insert(mapping, key, None)
            else:
                self._replace(mapping, pair, None)
        elif isinstance(new, list | dict):
            raise self._refuse(mapping, "write.cannot_edit", field=key)
        else:
            self._set(mapping, key, new)

    def _fields(self, node: Node, ours: Data, merged: Data, skip: str) -> None:
        for key in dict.fromkeys([*ours, *merged]):
            if key != skip:
                self._value(node, key, ours.get(key, _MISSING), merged.get(key, _MISSING))

    def _merge_roles(self, root: Node, old: Any, new: Any) -> None:
        """Roles one side added or removed; the others stay where ours has them."""
        if same(old, new):
            return
        pair = root.pair("roles")
        if pair is None and isinstance(new, list):
            self._insert(root, "roles", new)
            return
        if pair is None or not isinstance(new, list) or not pair[1].is_sequence:
            self._value(root, "roles", old, new)
            return
        node = pair[1]
        if node.flow:
            self.splices.add(node.start, node.end, flow(new))
            return
        kept = [role for role in old if role in new]
        for entry, role in zip(node.value, old, strict=True):
            if role not in new:
                self._drop(entry)
        added = [role for role in new if role not in kept]
        if added and not kept:
            raise self._refuse(node, "write.cannot_edit", field="roles")
        if added:
            self._append(node, added, "roles")

    def _add_entries(self, item: Node, entries: list[Data]) -> None:
        """Ledger entries in date order, each where a writing command would put it."""
        pair = item.pair("log")
        ledger = pair[1].to_python() if pair is not None and pair[1].is_sequence else []
        runs: dict[int, list[Data]] = {}
        for entry in entries:
            runs.setdefault(ledger_index(ledger, entry["date"]), []).append(entry)
        for index, run in runs.items():
            self._log(item, run, index)

    def _drop(self, entry: Node) -> None:
        """Remove a block list's entry: its lines, from its `-` to its last."""
        start = line_start(self.text, entry.start)
        if self.text[start : entry.start].strip() != "-":
            raise self._refuse(entry, "merge.cannot_remove")
        self.splices.add(start, line_after(self.text, value_end(entry)), "")

    def _copied(self, node: Node, dash_column: int) -> list[str]:
        """The lines of one of THEIRS's list entries, indented as ours's entries are."""
        text = self.theirs.source.text
        start = line_start(text, node.start)
        lead = text[start : node.start]
        if lead.strip() != "-":
            raise self._refuse(node, "merge.cannot_copy")
        shift = dash_column - lead.index("-")
        lines = []
        for line in text[start : line_after(text, value_end(node))].split("\n"):
            line = line.removesuffix("\r")
            if shift >= 0:
                line = " " * shift + line if line.strip() else line
            elif line[:-shift].strip():
                raise self._refuse(node, "merge.cannot_copy")
            else:
                line = line[-shift:]
            lines.append(line)
        if lines and not lines[-1].strip():
            lines.pop()
        return lines
