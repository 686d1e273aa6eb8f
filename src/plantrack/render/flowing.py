"""Running text on the terminal as rich prints it, line by line: the same word wrapping,
folding of long words and styles, without rich's layout machinery for every paragraph.

`console.print(Text(text, style=style))` splits the text into words at spaces, measures
every word, folds a word wider than the line (a sentence of Chinese is one such word),
crops and styles each line through a dozen objects: a report of 10,000 items spent seconds
there. The lines built here are the ones rich builds, byte for byte, in colour or not. Text
that rich measures by more than its characters' widths — a tab, a newline, a character of
no width (a joiner, a combining mark, a control character) — is left to rich itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Any

from plantrack.lines import NO_LINE_END, NO_LINE_START

# How rich splits a line into words: each word with the spaces before and after it.
_WORD = re.compile(r"(\s*\S+)\s*")
_TRAILING_SPACE = re.compile(r"\s+$")


def wrap_like_rich(text: str, width: int) -> list[str] | None:
    """The lines rich's `Text.wrap` makes of `text` at `width` cells (overflow "fold", no
    justification), or None where rich must lay the text out itself."""
    from plantrack.render.table import _ONLY_SIMPLE, _WIDE_RUNS, _WIDTH

    # Many of a report's texts fit on one line: measured at once (in C), they are that
    # line. A text of more characters than the line has cells cannot fit (each character
    # measured here is one cell or two), and is not measured so.
    if len(text) <= width:
        if text.isascii() and text.isprintable():
            return [text]
        if _ONLY_SIMPLE(text) is not None and len(text) + sum(map(len, _WIDE_RUNS(text))) <= width:
            return [text]
    if "\t" in text or "\n" in text:
        return None
    widths = list(map(_WIDTH.__getitem__, text))
    if 0 in widths:
        return None
    cells = list(accumulate(widths, initial=0))
    breaks = _breaks(text, cells, width)
    lines = []
    for start, end in zip([0, *breaks], [*breaks, len(text)], strict=True):
        # rich strips the spaces that end a line only when the line has more characters
        # (not cells) than the width, and then only as many as it has too many.
        excess = end - start - width
        if excess > 0:
            spaces = _TRAILING_SPACE.search(text, start, end)
            if spaces is not None:
                end -= min(spaces.end() - spaces.start(), excess)
        lines.append(_cropped(text, cells, start, end, width))
    return lines


def _breaks(text: str, cells: list[int], width: int) -> list[int]:
    """Where rich's `divide_line` breaks `text`: before a word that does not fit, and inside
    a word wider than a line, where the line is full."""
    breaks: list[int] = []
    used = 0
    for word in _WORD.finditer(text):
        start, end = word.span()
        size = cells[word.end(1)] - cells[start]  # without the spaces after it
        if width - used >= size:
            used += cells[end] - cells[start]
        elif size > width:
            folded = _folded(text, cells, start, end, width)
            for index, (first, last) in enumerate(folded):
                if start:
                    breaks.append(start)
                if index == len(folded) - 1:
                    used = cells[last] - cells[first]
                else:
                    start += last - first
        elif used and start:
            breaks.append(start)
            used = cells[end] - cells[start]
    return breaks


def _folded(text: str, cells: list[int], start: int, end: int, width: int) -> list[tuple[int, int]]:
    """A word cut into pieces of at most `width` cells, as rich's `chop_cells` cuts it:
    each piece as long as fits, found by bisecting the running widths (every character is
    at least one cell wide here); a character wider than the line is a piece of its own,
    after an empty one when the word starts with it.

    Unlike rich, a piece never leaves a closing mark (，。、）…) to start the next line,
    nor ends with an opening one: the character before the mark goes down with it, as
    plantrack's own line breaking does (lines.py)."""
    pieces = []
    if cells[start + 1] - cells[start] > width:
        pieces.append((start, start))
    first = start
    while first < end:
        last = bisect_right(cells, cells[first] + width, first + 1, end + 1) - 1
        last = max(last, first + 1)
        if last < end:
            last = _kept_together(text, first, last)
        pieces.append((first, last))
        first = last
    return pieces


def _kept_together(text: str, first: int, last: int) -> int:
    """Where a piece from `first` ends, at `last` or before it: not between a mark and what
    it belongs to, unless no place in the piece allows it (then at `last`)."""
    cut = last
    while text[cut] in NO_LINE_START or text[cut - 1] in NO_LINE_END:
        cut -= 1
        if cut <= first:
            return last
    return cut


def _cropped(text: str, cells: list[int], start: int, end: int, width: int) -> str:
    """text[start:end], cut to `width` cells as rich cuts it: a wide character the edge
    falls in becomes a space."""
    limit = cells[start] + width
    if cells[end] <= limit:
        return text[start:end]
    cut = bisect_right(cells, limit, start, end + 1) - 1
    return text[start:cut] + (" " if cells[cut] < limit else "")


class Printer:
    """Text printed to a rich console's file as the console prints it, each text in one
    style; what rich must lay out itself goes through the console, in order."""

    def __init__(self, console: Any) -> None:
        from rich.console import COLOR_SYSTEMS

        self.console = console
        self.width = console.width
        system = None if console.no_color else console.color_system
        self.system = COLOR_SYSTEMS.get(system or "")
        self.pending: list[str] = []
        self.styles: dict[str, Any] = {}

    def text(self, text: str, style: str = "") -> None:
        lines = None if self.console.legacy_windows else wrap_like_rich(text, self.width)
        if lines is None:
            from rich.text import Text

            self.rich(Text(text, style=style))
            return
        if style and self.system is not None:
            lines = [self.styled(line, style) for line in lines]
        self.pending.append("\n".join(lines) + "\n")

    def rich(self, renderable: Any = None) -> None:
        """A renderable printed by the console (an empty line without one)."""
        self.flush()
        if renderable is None:
            self.console.print()
        else:
            self.console.print(renderable)

    def lines(self, lines: list[str]) -> None:
        """Lines already laid out (and styled) as the console would print them."""
        self.pending.append("".join(line + "\n" for line in lines))

    def blank(self) -> None:
        self.pending.append("\n")

    def flush(self) -> None:
        if self.pending:
            self.console.file.write("".join(self.pending))
            self.pending.clear()

    def styled(self, line: str, style: str) -> str:
        """`line` in `style`, as the console writes it (call only where it colours)."""
        known = self.styles.get(style)
        if known is None:
            known = self.styles[style] = self.console.get_style(style)
        rendered: str = known.render(line, color_system=self.system)
        return rendered
