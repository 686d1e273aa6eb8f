"""Text broken into lines by display width, with the Chinese line-start and line-end rules."""

from __future__ import annotations

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from plantrack.lines import NO_LINE_END, NO_LINE_START, wrap


def test_chinese_breaks_between_characters_by_their_width() -> None:
    assert wrap("一二三四五六七八九十", 8) == ["一二三四", "五六七八", "九十"]
    assert wrap("一二三四五", 9) == ["一二三四", "五"]


def test_a_closing_mark_never_starts_a_line() -> None:
    # 一二三四 fills the line; the comma takes 四 down with it.
    assert wrap("一二三四，五六", 8) == ["一二三", "四，五六"]
    assert all(line[:1] not in NO_LINE_START for line in wrap("一二三四”。五六七八", 8))


def test_an_opening_mark_never_ends_a_line() -> None:
    assert wrap("一二三（四五）", 8) == ["一二三", "（四五）"]
    assert wrap("一二三四“五”", 10) == ["一二三四", "“五”"]


def test_a_latin_word_stays_whole_and_spaces_break() -> None:
    assert wrap("状态（todo、doing、blocked）", 16) == ["状态（todo、", "doing、blocked）"]
    assert wrap("Only the items of this owner.", 12) == ["Only the", "items of", "this owner."]


def test_a_word_wider_than_the_line_is_folded() -> None:
    assert wrap("abcdefghijklmnop", 6) == ["abcdef", "ghijkl", "mnop"]


def test_a_newline_always_starts_a_line() -> None:
    assert wrap("一二\n三四五六七", 6) == ["一二", "三四五", "六七"]


TEXT = st.lists(
    st.sampled_from([*"一二三四五六七八", *"，。、）”（“", " ", "ab", "c"]), max_size=40
).map("".join)
# Text as it is written: each mark beside the word it opens or closes, at most two at once,
# so that no piece that must stay whole is wider than ten cells.
WRITTEN = st.lists(
    st.tuples(
        st.text("（“《", max_size=2),
        st.sampled_from([*"一二三四五六", "ab", "c"]),
        st.text("，。、）”》", max_size=2),
        st.sampled_from(["", "", " "]),
    ).map("".join),
    max_size=30,
).map("".join)


@pytest.mark.slow
@settings(max_examples=examples(300))
@given(TEXT, st.integers(min_value=4, max_value=30))
def test_lines_fit_and_keep_the_text(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@pytest.mark.slow
@settings(max_examples=examples(300))
@given(WRITTEN, st.integers(min_value=10, max_value=30))
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(
    text: str, width: int
) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert not [line for line in lines[1:] if line[:1] in NO_LINE_START], lines
    assert not [line for line in lines[:-1] if line[-1:] in NO_LINE_END], lines


@pytest.mark.parametrize("width", [6, 10, 20])
def test_cells_as_rich_counts_them(width: int) -> None:
    lines = wrap("完成两次集中学习。第三次学习因场地调整推迟到六月，届时邀请", width, cell_len)
    assert all(cell_len(line) <= width for line in lines)
