"""Text splices at the spans the loader recorded: line positions, line endings, the new text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from plantrack.errors import PlantrackError
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.reading import Node


# Orders below every splice's own: a splice added `first` goes before the others at its point.
_FIRST = 1 << 40
# A CR that ends a line alone, as YAML and the loader read it, in a file of any endings.
_LONE_CR = re.compile(r"\r(?!\n)")


class Splices:
    """New text for spans of a plan's text, put together into the new text at the end.

    Lines that end in CR alone, in a CR-only file or among LF or CRLF lines, are edited
    as if they ended in LF (one character for one, so the loader's offsets hold): `text`
    is that text, and the new text keeps every untouched line ending as the file has it.
    """

    def __init__(self, text: str, newline: str) -> None:
        self.original = text
        self.text = _LONE_CR.sub("\n", text) if "\r" in text else text
        self.cr_only = "\r" in text and "\n" not in text
        # The ending most lines have; a new line takes its neighbour's where it has one.
        self.newline = newline
        self.splices: list[tuple[int, int, int, str]] = []  # start, end, order, new text

    def add(self, start: int, end: int, text: str, first: bool = False) -> None:
        """`text` in place of the span from `start` to `end`; splices at one point keep
        the order they were added in, those added `first` before all others."""
        order = len(self.splices) - (_FIRST if first else 0)
        self.splices.append((start, end, order, text))

    def insert_lines(self, at: int, lines: list[str], first: bool = False) -> None:
        """Whole lines before the line that starts at `at`, with the file's line endings;
        `first`: before other lines inserted there (see `add`)."""
        text = self.text
        follows = at
        if at == len(text):
            # The last lines may be removed by this change: the new ones follow what stays.
            follows = min([s for s, e, _, new in self.splices if e == at and not new] + [at])
        newline = self.newline_at(follows)
        block = newline.join(lines)
        if at == len(text) and follows > 0 and text[follows - 1] != "\n":
            # What the new lines follow ends the file without a final newline (the last
            # line, or what is left of it: `log: null` without its word): keep it missing.
            self.add(at, at, newline + block, first)
        else:
            self.add(at, at, block + newline, first)  # `joined` takes a last one off again

    def newline_at(self, at: int) -> str:
        """The line ending for lines inserted at `at`: that of the line they follow."""
        end = line_start(self.text, at) - 1
        if end < 0 or self.original[end] == "\r":  # a CR alone is no ending to copy
            return self.newline
        return "\r\n" if self.text[end - 1 : end] == "\r" else "\n"

    def ends_open(self, node: Node) -> bool:
        """A block scalar that ends the file with no newline after it, and keeps its last."""
        last = last_node(node)
        if last.style not in ("|", ">") or last.end != len(self.text) or self.text.endswith("\n"):
            return False
        header = self.text[last.start : self.text.find("\n", last.start)]
        return "-" not in header

    def joined(self) -> list[str]:
        """The new text, and when the old one ends without a final newline that the new
        one has gained (its last line was removed), the new text without it as well: the
        first of them that reads back right is the one to write."""
        pieces = []
        position = 0
        for start, end, _, text in sorted(self.splices):
            if start < position:  # pragma: no cover - two edits of one value
                raise PlantrackError(t("write.overlap"))
            pieces.append(self.original[position:start])
            pieces.append(text)
            position = end
        pieces.append(self.original[position:])
        new_text = "".join(pieces)
        if self.cr_only:  # the new lines too
            new_text = new_text.replace("\n", "\r")
        elif new_text.endswith("\r") and self.original.endswith("\n"):
            # The last lines were removed, and the line left last ended in CR alone (a
            # comment an editor split so): the file still ends with its own newline.
            new_text = new_text[:-1] + self.newline
        if self.text and not self.text.endswith("\n") and new_text.endswith(("\n", "\r")):
            # Unless what is left ends in a block scalar (| or >) whose value holds that
            # line break, the file still ends without a final newline.
            return [new_text.rstrip("\r\n"), new_text]
        return [new_text]


def line_start(text: str, position: int) -> int:
    """The start of the line `position` is on."""
    return text.rfind("\n", 0, position) + 1


def line_after(text: str, position: int) -> int:
    """The start of the line after the one `position` ends on (past any trailing comment)."""
    if position > 0 and text[position - 1] == "\n":
        return position
    newline = text.find("\n", position)
    return len(text) if newline < 0 else newline + 1


def last_node(node: Node) -> Node:
    """The node whose text ends a value: for a block collection, its last value's."""
    while not node.flow and node.kind != "scalar" and node.value:
        last = node.value[-1]
        node = last[1] if node.is_mapping else last
    return node


def value_end(node: Node) -> int:
    """Where the text of a value ends: a block collection's at its last value's end."""
    return last_node(node).end
