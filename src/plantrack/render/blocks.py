"""A document as a list of blocks (title, headings, paragraphs, bullets, tables), and how the
blocks read as Markdown and on the terminal (as rich lays them out); render/word.py lays them out in Word."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TextIO


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: 一、…  2: （一）…


@dataclass(frozen=True)
class Paragraph:
    text: str
    warning: bool = False  # something the reader must act on: a lag without a reason
    # An item's tracking state under it, for reading: not the document's own text.
    tracking: bool = False


@dataclass(frozen=True)
class Bullet:
    text: str
    warning: bool = False
    level: int = 1


@dataclass(frozen=True)
class Grid:
    headers: list[str]
    rows: list[list[str]]
    # Columns of numbers, aligned right.
    numeric: frozenset[int] = field(default_factory=frozenset)


Block = Title | Heading | Paragraph | Bullet | Grid


def markdown(blocks: list[Block]) -> str:
    """Markdown that reads well as plain text and pastes into Word as headings and tables."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Title):
            lines += [f"# {_md(block.text)}", ""]
        elif isinstance(block, Heading):
            lines += ["#" * (block.level + 1) + " " + _md(block.text), ""]
        elif isinstance(block, Paragraph):
            text = _md(block.text)
            lines += [f"**{text}**" if block.warning else text, ""]
        elif isinstance(block, Bullet):
            text = _md(block.text)
            indent = "  " * (block.level - 1)
            lines.append(f"{indent}- " + (f"**{text}**" if block.warning else text))
        else:
            lines.append("| " + " | ".join(_cell(h) for h in block.headers) + " |")
            lines.append(
                "| "
                + " | ".join(
                    "---:" if col in block.numeric else "---" for col in range(len(block.headers))
                )
                + " |"
            )
            lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in block.rows]
            lines.append("")
    text = "\n".join(_close_lists(lines)).rstrip("\n")
    return text + "\n"


def _close_lists(lines: list[str]) -> list[str]:
    # A list ends with a blank line before whatever follows it.
    out: list[str] = []
    for line in lines:
        if (
            out
            and out[-1].lstrip().startswith("- ")
            and line
            and not line.lstrip().startswith("- ")
        ):
            out.append("")
        out.append(line)
    return out


def _md(text: str) -> str:
    # Characters that would start Markdown syntax in running text.
    for mark in ("\\", "*", "_", "`", "[", "]", "<"):
        text = text.replace(mark, "\\" + mark)
    return " ".join(text.splitlines())


def _cell(text: str) -> str:
    return _md(text).replace("|", "\\|") or " "


def terminal(blocks: list[Block], file: TextIO) -> None:
    """The blocks on the terminal as rich lays them out: colour only where the stream
    takes it. Text is laid out line by line as rich would (render/flowing.py): a report of
    thousands of items spent seconds in rich's layout of each paragraph."""
    from plantrack.render.flowing import Printer
    from plantrack.render.terminal import console_for, wants_color

    printer = Printer(console_for(file, wants_color(file)))
    for block in blocks:
        if isinstance(block, Title):
            printer.text(block.text, "bold")
        elif isinstance(block, Heading):
            printer.blank()
            printer.text(block.text, "bold" if block.level == 1 else "bold dim")
        elif isinstance(block, Paragraph):
            printer.text(block.text, "yellow" if block.warning else "dim" if block.tracking else "")
        elif isinstance(block, Bullet):
            indent = "  " * block.level
            printer.text(f"{indent}• {block.text}", "yellow" if block.warning else "")
        else:
            lines = _grid_lines(block, printer)
            if lines is None:
                printer.rich(_rich_grid(block))
            else:
                printer.lines(lines)
    printer.flush()


def _grid_lines(grid: Grid, printer: Any) -> list[str] | None:
    """The grid's lines as rich draws `_rich_grid(grid)` when every column has the width
    of its widest cell: a header, a rule, a line a row; None where rich must lay it out
    (a table wider than the line, text rich measures itself, a console without the box's
    characters). A report of 10,000 items has a row a section: rich took a tenth of a
    second to lay out what is joined here in a few milliseconds."""
    from plantrack.render.table import simple_width

    console = printer.console
    if console.legacy_windows or not console.encoding.lower().startswith("utf"):
        return None  # rich draws the box in other characters there
    columns = len(grid.headers)
    every = [grid.headers, *grid.rows]
    if not columns or any(len(row) != columns for row in every):
        return None
    sizes = []
    for row in every:
        measured = []
        for text in row:
            # Spaces at either end (rich strips them) and text rich measures by more than
            # its characters' widths are left to rich.
            size = simple_width(text)
            if size is None or text.strip() != text:
                return None
            measured.append(size)
        sizes.append(measured)
    widths = [max(column) for column in zip(*sizes, strict=True)]
    if sum(widths) + 3 * (columns - 1) > printer.width:
        return None
    right = [index in grid.numeric for index in range(columns)]

    def cells(row: list[str], measured: list[int]) -> list[str]:
        return [
            " " * (width - size) + text if on_right else text + " " * (width - size)
            for text, size, width, on_right in zip(row, measured, widths, right, strict=True)
        ]

    header = cells(grid.headers, sizes[0])
    if printer.system is None:
        head = " ┃ ".join(header)
    else:
        pad = printer.styled(" ", "dim")
        head = f"{pad}┃{pad}".join(printer.styled(text, "dim") for text in header)
    last = columns - 1
    rule = "╇".join(
        "━" * (width + (index > 0) + (index < last)) for index, width in enumerate(widths)
    )
    body = [
        " │ ".join(cells(row, measured)) for row, measured in zip(grid.rows, sizes[1:], strict=True)
    ]
    return [head, rule, *body]


def _rich_grid(grid: Grid) -> Any:
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, header_style="dim")
    for col, header in enumerate(grid.headers):
        table.add_column(
            header, justify="right" if col in grid.numeric else "left", overflow="fold"
        )
    for row in grid.rows:
        table.add_row(*row)
    return table
