"""Running text and tables laid out line by line are what rich prints for the same text and
tables, byte for byte."""

from __future__ import annotations

import io

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from plantrack.lines import NO_LINE_END, NO_LINE_START
from plantrack.render.blocks import Grid, _grid_lines, _rich_grid, terminal
from plantrack.render.flowing import Printer, wrap_like_rich
from plantrack.text import width as cells

# Latin words, numbers, spaces of three kinds, Chinese with its marks, a wide emoji, and
# what rich measures by more than widths (a tab, a newline, a joiner, a combining mark).
CHARACTERS = list("ab  cdefg12-.,•—…") + list("中文测试，。（）") + ["\u3000", "\xa0", "😀"]
AWKWARD = ["\t", "\n", "\u200d", "\ufe0f", "\u0301", "\x1b"]
STYLES = ["", "bold", "bold dim", "yellow"]


def _console(file: io.StringIO, width: int, color: bool) -> Console:
    return Console(
        file=file,
        width=width,
        color_system="auto" if color else None,
        force_terminal=color,
        no_color=not color,
        markup=False,
        emoji=False,
        highlight=False,
        _environ={},
    )


def _rich(text: str, width: int, color: bool, style: str) -> str:
    out = io.StringIO()
    _console(out, width, color).print(Text(text, style=style))
    return out.getvalue()


def _printed(text: str, width: int, color: bool, style: str) -> str:
    out = io.StringIO()
    printer = Printer(_console(out, width, color))
    printer.text(text, style)
    printer.flush()
    return out.getvalue()


@pytest.mark.slow
@given(
    text=st.text(st.sampled_from(CHARACTERS + AWKWARD), max_size=120),
    width=st.integers(1, 40),
    color=st.booleans(),
    style=st.sampled_from(STYLES),
)
@example("推进全面从严治党向纵深发展，持续深化作风建设", 20, False, "")
@example("12. Hold the committee meeting（办公室）: behind by 30 points", 24, True, "yellow")
@example("中文中文中", 4, False, "")  # a wide character across the edge
@example("aaaaaaaaaaaaa       b", 12, False, "")  # spaces past the edge of a long line
@example("ab  cd  ef", 4, True, "bold")  # spaces at the end of a short line stay
def test_text_is_printed_as_rich_prints_it(text: str, width: int, color: bool, style: str) -> None:
    try:
        expected = _rich(text, width, color, style)
    except ZeroDivisionError:  # rich's own fault on a line of nothing but joiners
        return
    if wrap_like_rich(text, width) is not None and _parts_a_mark(
        _rich(text, width, False, "").split("\n")[:-1]
    ):
        return  # where rich would start a line with a closing mark, plantrack does not
    assert _printed(text, width, color, style) == expected


def _parts_a_mark(lines: list[str]) -> bool:
    return any(line[:1] in NO_LINE_START for line in lines[1:]) or any(
        line[-1:] in NO_LINE_END for line in lines[:-1]
    )


# Chinese with its marks, never two marks side by side: a line can always be broken
# elsewhere than beside a mark once it holds three characters.
_TOKENS = st.tuples(
    st.sampled_from(["", "（", "“"]),
    st.sampled_from("中文测试"),
    st.sampled_from(["", "，", "。", "）", "”", "、"]),
).map(lambda token: "".join(token) + "之")


@pytest.mark.slow
@given(text=st.lists(_TOKENS, max_size=40).map("".join), width=st.integers(6, 40))
@example("推进全面从严治党，持续深化", 12)
def test_no_line_starts_with_a_closing_mark(text: str, width: int) -> None:
    lines = wrap_like_rich(text, width)
    assert lines is not None
    assert "".join(lines) == text
    assert all(cells(line) <= width for line in lines)
    assert not _parts_a_mark(lines)


def test_a_closing_mark_takes_the_character_before_it_down() -> None:
    # rich gives 推进全面从严治党 / ，持续深化
    assert wrap_like_rich("推进全面从严治党，持续深化", 16) == ["推进全面从严治", "党，持续深化"]
    # and an opening mark goes down with what it opens
    assert wrap_like_rich("一二（三四五", 6) == ["一二", "（三四", "五"]


def test_chinese_is_folded_where_the_line_is_full() -> None:
    assert wrap_like_rich("一二三四五六七", 6) == ["一二三", "四五六", "七"]


def test_a_wide_character_the_edge_falls_in_moves_to_the_next_line() -> None:
    assert wrap_like_rich("ab一二三", 5) == ["ab一", "二三"]


@pytest.mark.parametrize("text", ["a\tb", "a\nb", "👍\u200d", "e\u0301"])
def test_text_rich_must_measure_is_left_to_rich(text: str) -> None:
    assert wrap_like_rich(text, 10) is None
    assert _printed(text, 10, True, "bold") == _rich(text, 10, True, "bold")


def test_text_and_rich_renderables_keep_their_order() -> None:
    out = io.StringIO()
    printer = Printer(_console(out, 20, False))
    printer.text("first")
    printer.rich(Text("second"))
    printer.blank()
    printer.text("third")
    printer.flush()
    assert out.getvalue() == "first\nsecond\n\nthird\n"


# Table cells: Latin, figures, Chinese with its marks, and what rich measures itself.
CELL = st.text(st.sampled_from([*"ab 1.%中文，（）—", "\t", "\u200d", "😀"]), max_size=12)


@st.composite
def grids(draw: st.DrawFn) -> Grid:
    columns = draw(st.integers(1, 4))
    headers = draw(st.lists(CELL.filter(bool), min_size=columns, max_size=columns))
    rows = draw(st.lists(st.lists(CELL, min_size=columns, max_size=columns), max_size=5))
    numeric = draw(st.frozensets(st.integers(0, columns - 1)))
    return Grid(headers, rows, numeric)


@pytest.mark.slow
@given(grid=grids(), width=st.integers(5, 60), color=st.booleans())
@example(Grid(["Status", "Items"], [["todo", "192"], ["中文", "5"]], frozenset({1})), 40, True)
@example(Grid(["S", "I"], [], frozenset({1})), 5, False)  # exactly as wide as the line
def test_a_grid_is_drawn_as_rich_draws_it(grid: Grid, width: int, color: bool) -> None:
    expected = io.StringIO()
    _console(expected, width, color).print(_rich_grid(grid))
    drawn = io.StringIO()
    printer = Printer(_console(drawn, width, color))
    lines = _grid_lines(grid, printer)
    if lines is not None:
        printer.lines(lines)
    else:
        printer.rich(_rich_grid(grid))
    printer.flush()
    assert drawn.getvalue() == expected.getvalue()


def test_a_report_table_that_fits_is_drawn_without_rich() -> None:
    grid = Grid(["Section", "Items"], [["一、政治建设", "50"]] * 200, frozenset({1}))
    printer = Printer(_console(io.StringIO(), 80, False))
    lines = _grid_lines(grid, printer)
    assert lines is not None and len(lines) == 202
    assert lines[2] == "一、政治建设 │    50"


def test_a_table_wider_than_the_line_is_left_to_rich() -> None:
    grid = Grid(["Section", "Items"], [["很长的标题" * 20, "50"]], frozenset({1}))
    out = io.StringIO()
    terminal([grid], out)  # the tests' terminal is 120 columns: rich folds the wide column
    lines = out.getvalue().splitlines()
    assert len(lines) > 3 and all(cells(line) <= 120 for line in lines)
    assert _grid_lines(grid, Printer(_console(io.StringIO(), 80, False))) is None
