"""Tables of fixed-width columns drawn line by line, as rich's Table draws them when they fit.

rich's Table renders every cell through its whole layout machinery: for a plan of 10,000
items that is most of a minute. A table whose columns all fit the terminal needs none of
it: each cell is cut (with an ellipsis) or padded to its column's width, and each line is
written as one string. The lines are the ones rich draws, byte for byte, in colour or
not; a table too wide for the terminal is left to rich, which narrows its columns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from plantrack.render.terminal import Stream

Justify = Literal["left", "right"]
# Joiners and variation selectors change the width of the character before them: text
# with either is measured by rich itself.
_JOINING = ("\u200d", "\ufe0f")
# Characters one cell wide, and two, in every Unicode version rich measures by (a test
# checks them against its tables): Latin, Greek, Cyrillic and general punctuation (“”—…);
# CJK punctuation, kana, ideographs, Hangul and full-width forms.
_NARROW = "\x20-\x7e\xa0-\u02ff\u0370-\u0482\u2010-\u2027\u202f-\u205f"
_WIDE = (
    "\u3000-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u3300-\u4db5\u4e00-\u9fbb"
    "\uac00-\ud7a3\uff01-\uff60\uffe0-\uffe6"
)
_ONLY_SIMPLE = re.compile(f"[{_NARROW}{_WIDE}]*").fullmatch
_WIDE_RUNS = re.compile(f"[{_WIDE}]+").findall


class _Widths(dict[str, int]):
    """Each character's width in cells, as rich measures it, looked up once."""

    def __missing__(self, character: str) -> int:
        from rich.cells import get_character_cell_size

        width = self[character] = get_character_cell_size(character)
        return width


_WIDTH = _Widths()


def cell_width(text: str) -> int:
    """`text`'s width in cells: what rich's `cell_len` says, without its per-call cost.

    Plan text is nearly always printable ASCII and characters of the two sets above; for
    it the regular expressions do the counting, in C, and no character is looked up."""
    if text.isascii():
        if text.isprintable():
            return len(text)
    elif _ONLY_SIMPLE(text) is not None:
        return len(text) + sum(map(len, _WIDE_RUNS(text)))
    if _JOINING[0] in text or _JOINING[1] in text:
        from rich.cells import cell_len

        return cell_len(text)
    return sum(map(_WIDTH.__getitem__, text))


def simple_width(text: str) -> int | None:
    """`text`'s width in cells when it holds only characters whose width every Unicode
    version agrees on (see `_NARROW`, `_WIDE`), else None."""
    if text.isascii():
        return len(text) if text.isprintable() else None
    if _ONLY_SIMPLE(text) is None:
        return None
    return len(text) + sum(map(len, _WIDE_RUNS(text)))


def cut(text: str, width: int) -> str:
    """`text` (wider than `width`) cut to `width` cells and an ellipsis, as rich cuts it:
    a wide character the edge falls in becomes a space."""
    room = width - 1
    if _JOINING[0] in text or _JOINING[1] in text:
        from rich.cells import set_cell_size

        return set_cell_size(text, room) + "…"
    if room <= 0:
        return "…"
    # The width of each of the text's beginnings; the first wider than the room is where
    # it is cut (a zero-width character never makes a beginning wider).
    widths = list(accumulate(map(_WIDTH.__getitem__, text)))
    index = bisect_right(widths, room)
    used = widths[index - 1] if index else 0
    return text[:index] + (" " * (room - used)) + "…"


class Row(NamedTuple):
    """One line of a table: its cells' texts and styles, the whole line's style, and the
    cells' widths when the caller has measured them already."""

    texts: Sequence[str]
    styles: Sequence[str]
    style: str = ""
    sizes: Sequence[int] | None = None


def show_table(
    out: Stream,
    justify: Sequence[Justify],
    headers: Sequence[str],
    widths: Sequence[int],
    gap: int,
    rows: Sequence[Row],
    header_style: str = "dim",
    with_header: bool = True,
) -> None:
    """Columns of these widths, each cell after `gap` spaces, under a header line (or
    without one, `with_header` False: the rows of a table whose header is above). A row
    may have more cells than there are columns: those past the last column are not shown."""
    columns = len(widths)
    if sum(widths) + gap * columns > out.console.width:
        table = _rich_table(justify, headers, widths, gap, rows, header_style, with_header)
        out.show(table)
        return
    every = [Row(headers, [""] * columns, header_style)] if with_header else []
    every.extend(rows)
    if not every:
        return
    # Column by column: each column's cells are fitted in one loop, and each line is joined
    # from its cells at the end.
    # (Rows may be longer than the header: the transposed columns stop at the shorter.)
    texts = list(zip(*[row.texts for row in every], strict=False))[:columns]
    sizes = list(zip(*[_sizes(row) for row in every], strict=False))[:columns]
    cells = [
        _fit(column, measured, width, side)
        for column, measured, width, side in zip(texts, sizes, widths, justify, strict=True)
    ]
    padding = " " * gap
    if out.color:
        paint = _Painter(out.console)
        lines = [row.style for row in every]
        styles = list(zip(*[row.styles for row in every], strict=False))
        pads = paint([padding] * len(every), lines, [""] * len(every))
        cells = [paint(column, lines, own) for column, own in zip(cells, styles, strict=False)]
        cells = [part for column in cells for part in (pads, column)]
        text = "\n".join(map("".join, zip(*cells, strict=True)))
    else:
        text = "\n".join(padding + line for line in map(padding.join, zip(*cells, strict=True)))
    out.file.write(text + "\n")


def _sizes(row: Row) -> Sequence[int]:
    return row.sizes if row.sizes is not None else [cell_width(text) for text in row.texts]


def _fit(texts: Sequence[str], sizes: Sequence[int], width: int, side: Justify) -> list[str]:
    """A column's cells, each cut with an ellipsis or padded to the column's width."""
    if side == "right":
        stripped = [text.rstrip() for text in texts]  # as rich justifies to the right
        sizes = [
            size if len(text) == len(before) else cell_width(text)
            for text, before, size in zip(stripped, texts, sizes, strict=True)
        ]
        return [
            " " * (width - size) + text if size <= width else cut(text, width)
            for text, size in zip(stripped, sizes, strict=True)
        ]
    return [
        text + " " * (width - size) if size <= width else cut(text, width)
        for text, size in zip(texts, sizes, strict=True)
    ]


class _Painter:
    """Texts in their rows' and their own styles, as rich writes them to this console."""

    def __init__(self, console: Any) -> None:
        from rich.console import COLOR_SYSTEMS

        self.console = console
        self.system = COLOR_SYSTEMS.get(console.color_system or "")
        self.codes: dict[tuple[str, str], tuple[str, str]] = {}

    def __call__(self, texts: Sequence[str], rows: Sequence[str], own: Sequence[str]) -> list[str]:
        codes = self.codes
        for key in set(zip(rows, own, strict=True)) - codes.keys():
            codes[key] = self._codes(*key)
        return [
            text if not text else "".join((codes[row, style][0], text, codes[row, style][1]))
            for text, row, style in zip(texts, rows, own, strict=True)
        ]

    def _codes(self, row: str, own: str) -> tuple[str, str]:
        """What rich writes before and after a text in this style (nothing, for none)."""
        get = self.console.get_style
        style = get(row) + get(own)
        if not style or self.system is None:
            return "", ""
        # Style.render wraps the text in its codes (a plain style has none, a link more).
        rendered: str = style.render("\x00", color_system=self.system)
        before, after = rendered.split("\x00")
        return before, after


def _rich_table(
    justify: Sequence[Justify],
    headers: Sequence[str],
    widths: Sequence[int],
    gap: int,
    rows: Sequence[Row],
    header_style: str,
    with_header: bool,
) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(
        show_header=with_header,
        box=None,
        padding=(0, 0, 0, gap),
        show_edge=False,
        header_style=header_style,
        expand=False,
    )
    for side, header, width in zip(justify, headers, widths, strict=True):
        table.add_column(header, justify=side, width=width, no_wrap=True, overflow="ellipsis")
    for row in rows:
        cells = zip(row.texts[: len(widths)], row.styles, strict=False)
        table.add_row(*(Text(text, style=style) for text, style in cells), style=row.style or None)
    return table
