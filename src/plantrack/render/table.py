"""Tables of fixed-width columns drawn line by line, as rich's Table draws them when they fit.

rich's Table renders every cell through its whole layout machinery: for a plan of 10,000
items that is most of a minute. A table whose columns all fit the terminal needs none of
it: each cell is cut (with an ellipsis) or padded to its column's width, and each line is
written as one string. The lines are the ones rich draws, byte for byte, in colour or
not; a table too wide for the terminal is left to rich, which narrows its columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from plantrack.render.terminal import Stream

Justify = Literal["left", "right"]
# Joiners and variation selectors change the width of the character before them: text
# with either is measured by rich itself.
_JOINING = ("\u200d", "\ufe0f")


class _Widths(dict[str, int]):
    """Each character's width in cells, as rich measures it, looked up once."""

    def __missing__(self, character: str) -> int:
        from rich.cells import get_character_cell_size

        width = self[character] = get_character_cell_size(character)
        return width


_WIDTH = _Widths()


def cell_width(text: str) -> int:
    """`text`'s width in cells: what rich's `cell_len` says, without its per-call cost."""
    if _JOINING[0] in text or _JOINING[1] in text:
        from rich.cells import cell_len

        return cell_len(text)
    return sum(map(_WIDTH.__getitem__, text))


def cut(text: str, width: int) -> str:
    """`text` (wider than `width`) cut to `width` cells and an ellipsis, as rich cuts it:
    a wide character the edge falls in becomes a space."""
    room = width - 1
    if _JOINING[0] in text or _JOINING[1] in text:
        from rich.cells import set_cell_size

        return set_cell_size(text, room) + "…"
    if room <= 0:
        return "…"
    used = 0
    for index, character in enumerate(text):
        size = _WIDTH[character]
        if size and used + size > room:
            return text[:index] + (" " * (room - used)) + "…"
        used += size
    return text + "…"


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a table: its cells' texts and styles, and the whole line's style."""

    texts: Sequence[str]
    styles: Sequence[str]
    style: str = ""


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
    without one, `with_header` False: the rows of a table whose header is above)."""
    if sum(widths) + gap * len(widths) > out.console.width:
        out.show(_rich_table(justify, headers, widths, gap, rows, header_style, with_header))
        return

    def cell(text: str, width: int, side: Justify) -> str:
        if side == "right":
            text = text.rstrip()  # as rich justifies to the right
        size = cell_width(text)
        if size > width:
            return cut(text, width)
        pad = " " * (width - size)
        return pad + text if side == "right" else text + pad

    padding = " " * gap
    header = [Row(headers, [""] * len(headers), header_style)] if with_header else []
    if not out.color:
        lines = [
            "".join(
                [
                    padding + cell(text, w, side)
                    for text, w, side in zip(row.texts, widths, justify, strict=True)
                ]
            )
            for row in (*header, *rows)
        ]
        out.file.write("\n".join(lines) + "\n")
        return
    render = _Painter(out.console)
    lines = []
    for row in (*header, *rows):
        parts = []
        for text, style, w, side in zip(row.texts, row.styles, widths, justify, strict=True):
            parts.append(render(padding, row.style, ""))
            parts.append(render(cell(text, w, side), row.style, style))
        lines.append("".join(parts))
    out.file.write("\n".join(lines) + "\n")


class _Painter:
    """A segment's text in its row's and its own style, as rich writes it to this console."""

    def __init__(self, console: Any) -> None:
        from rich.console import COLOR_SYSTEMS

        self.console = console
        self.system = COLOR_SYSTEMS.get(console.color_system or "")
        self.styles: dict[tuple[str, str], Any] = {}

    def __call__(self, text: str, row: str, own: str) -> str:
        style = self.styles.get((row, own))
        if style is None:
            get = self.console.get_style
            style = self.styles[(row, own)] = get(row) + get(own)
        if not style or self.system is None:
            return text
        rendered: str = style.render(text, color_system=self.system)
        return rendered


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
        table.add_row(
            *(Text(text, style=style) for text, style in zip(row.texts, row.styles, strict=True)),
            style=row.style or None,
        )
    return table
