"""The line-drawn table measures and cuts text as rich does, and draws what rich's Table draws."""

from __future__ import annotations

import io
import re
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.table import Table
from rich.text import Text

from plantrack.render import table
from plantrack.render.table import Row, cell_width, cut
from plantrack.render.terminal import Stream

SAMPLES = [
    "",
    "plain ASCII",
    "推进中",
    "带头做“两个确立”的坚决拥护者——（一）…",
    "全角，标点：ＡＢＣ１２３",
    "한국어 かな カナ",
    "café · naïve",
    "tab\there",
    "\x1b[31m",
    "zero\u200bwidth",
    "e\u0301",
    "👍🏽 emoji",
    "👨\u200d👩\u200d👧 family",
    "❤\ufe0f heart",
    "\u3000ideographic space\u303f",
]


def ranges(characters: str) -> list[tuple[int, int]]:
    """The ranges of a regular expression's character set, as written in the module."""
    return [(ord(a), ord(b)) for a, b in re.findall("(.)-(.)", characters, flags=re.S)]


@pytest.mark.parametrize(
    ("characters", "width"), [(table._NARROW, 1), (table._WIDE, 2)], ids=["narrow", "wide"]
)
def test_the_fast_sets_are_as_wide_in_every_unicode_version_rich_knows(
    characters: str, width: int
) -> None:
    from rich._unicode_data import load
    from rich._unicode_data._versions import VERSIONS

    for version in VERSIONS:
        entries = load(version).widths
        for start, end in ranges(characters):
            inside = [e for e in entries if e[0] <= end and e[1] >= start]
            assert all(entry[2] == width for entry in inside), (version, hex(start))
            if width == 2:  # a character in no entry is one cell wide
                covered = sum(min(e[1], end) - max(e[0], start) + 1 for e in inside)
                assert covered == end - start + 1, (version, hex(start))


@pytest.mark.parametrize("text", SAMPLES)
def test_a_width_is_what_rich_measures(text: str) -> None:
    assert cell_width(text) == cell_len(text)


@pytest.mark.slow
@settings(max_examples=100, derandomize=True)
@given(st.text(alphabet=st.sampled_from("a 1~\u00e9\u2014“…，中文字ＡかＡ\u200b\u0301\t\x1b👍")))
def test_any_mix_is_measured_as_rich_measures_it(text: str) -> None:
    assert cell_width(text) == cell_len(text)


@pytest.mark.slow
@settings(max_examples=100, derandomize=True)
@given(
    st.text(alphabet=st.sampled_from("ab 1—“，中文字Ａか\u0301👍"), min_size=1),
    st.integers(min_value=1, max_value=12),
)
def test_a_cut_is_where_rich_cuts(text: str, width: int) -> None:
    if cell_len(text) > width:
        assert cut(text, width) == set_cell_size(text, width - 1) + "…"


def rich_table(rows: list[Row], widths: list[int], color: bool) -> str:
    grid = Table(show_header=True, box=None, padding=(0, 0, 0, 2), show_edge=False)
    grid.header_style = "dim"
    sides: list[Literal["left", "right"]] = ["right", "left", "left"]
    for header, width, side in zip(["n", "title", "who"], widths, sides, strict=True):
        grid.add_column(header, justify=side, width=width, no_wrap=True, overflow="ellipsis")
    for row in rows:
        cells = [Text(text, style=style) for text, style in zip(row.texts, row.styles, strict=True)]
        grid.add_row(*cells, style=row.style or None)
    file = io.StringIO()
    console = Console(file=file, width=40, force_terminal=color, no_color=not color)
    console.print(grid)
    return file.getvalue()


@pytest.mark.parametrize("color", [False, True])
def test_the_drawn_table_is_rich_tables_byte_for_byte(color: bool) -> None:
    rows = [
        Row(["1", "带头做“两个确立”的坚决拥护者", "纪检委员"], ["", "", "cyan"], ""),
        Row(["12", "short", "—"], ["", "bold", ""], "red"),
        Row(["3 ", "a title that is far too long for it", "书记"], ["", "", ""], ""),
    ]
    widths = [2, 20, 8]
    file = io.StringIO()
    stream = Stream(file, color)
    stream._console = Console(file=file, width=40, force_terminal=color, no_color=not color)
    table.show_table(stream, ["right", "left", "left"], ["n", "title", "who"], widths, 2, rows)
    assert file.getvalue() == rich_table(rows, widths, color)
