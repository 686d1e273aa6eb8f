"""A document as a list of blocks (title, headings, paragraphs, bullets, tables), and how the
blocks read as Markdown and on the terminal (through rich); render/word.py lays them out in Word."""

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
    """The blocks on the terminal through rich: colour only where the stream takes it."""
    from plantrack.render.terminal import console_for, wants_color

    console = console_for(file, wants_color(file))
    # A write for every few hundred blocks, not one a block: a report of thousands of
    # items was mostly system calls.
    for start in range(0, len(blocks), 500):
        with console:
            _print_blocks(console, blocks[start : start + 500])


def _print_blocks(console: Any, blocks: list[Block]) -> None:
    from rich.table import Table
    from rich.text import Text

    for block in blocks:
        if isinstance(block, Title):
            console.print(Text(block.text, style="bold"))
        elif isinstance(block, Heading):
            console.print()
            console.print(Text(block.text, style="bold" if block.level == 1 else "bold dim"))
        elif isinstance(block, Paragraph):
            style = "yellow" if block.warning else "dim" if block.tracking else ""
            console.print(Text(block.text, style=style))
        elif isinstance(block, Bullet):
            indent = "  " * block.level
            console.print(Text(f"{indent}• {block.text}", style="yellow" if block.warning else ""))
        else:
            table = Table(show_edge=False, pad_edge=False, header_style="dim")
            for col, header in enumerate(block.headers):
                table.add_column(
                    header, justify="right" if col in block.numeric else "left", overflow="fold"
                )
            for row in block.rows:
                table.add_row(*row)
            console.print(table)
