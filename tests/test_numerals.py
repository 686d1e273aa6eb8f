"""Chinese numerals both ways: written for section headings, read back from documents and
deadlines."""

from __future__ import annotations

import datetime as dt

import pytest

from plantrack import numerals
from plantrack.dates import parse_deadline
from plantrack.numerals import chinese_number, chinese_numeral, section_numeral


def test_section_numerals() -> None:
    assert [section_numeral(i) for i in (0, 4, 9, 10, 19, 20, 98, 99, 100, 109, 110, 199)] == [
        "一",
        "五",
        "十",
        "十一",
        "二十",
        "二十一",
        "九十九",
        "一百",
        "一百零一",
        "一百一十",
        "一百一十一",
        "二百",
    ]


def test_chinese_numbers_read_back_every_numeral_plantrack_writes() -> None:
    assert all(chinese_number(chinese_numeral(number)) == number for number in range(1, 1000))
    assert chinese_number("一千") is None
    assert chinese_number("一十二") is None


def test_deadlines_read_months_and_quarters_in_chinese_numerals() -> None:
    assert parse_deadline("十一月底前", 2022) == dt.date(2022, 11, 30)
    assert parse_deadline("十二月5日前", 2022) == dt.date(2022, 12, 5)
    assert parse_deadline("第三季度末", 2022) == dt.date(2022, 9, 30)
    assert parse_deadline("十月", 2022) == dt.date(2022, 10, 31)


def test_word_number_formats_write_chinese_numerals_as_word_draws_them() -> None:
    values = (1, 10, 11, 20, 100, 101, 110, 1000, 10010)
    assert [numerals.chinese_counting(n) for n in values] == [
        "一", "十", "十一", "二十", "一〇〇", "一〇一", "一一〇", "一〇〇〇", "一〇〇一〇",
    ]  # fmt: skip
    assert [numerals.chinese_counting_thousand(n) for n in values] == [
        "一", "十", "十一", "二十", "一百", "一百零一", "一百一十", "一千", "一万零一十",
    ]  # fmt: skip
    assert [numerals.chinese_legal(n) for n in values] == [
        "壹", "壹拾", "壹拾壹", "贰拾", "壹佰", "壹佰零壹", "壹佰壹拾", "壹仟", "壹万零壹拾",
    ]  # fmt: skip
    assert [numerals.japanese_counting(n) for n in values] == [
        "一", "十", "十一", "二十", "百", "百一", "百十", "千", "一万十",
    ]  # fmt: skip
    assert numerals.ideographic_digits(2031) == "二〇三一"
    assert [numerals.heavenly_stem(n) for n in (1, 10, 11)] == ["甲", "癸", "11"]
    assert [numerals.earthly_branch(n) for n in (1, 12, 13)] == ["子", "亥", "13"]


@pytest.mark.slow
def test_word_counting_agrees_with_the_section_numerals_plantrack_writes() -> None:
    assert all(numerals.chinese_counting_thousand(n) == chinese_numeral(n) for n in range(1, 10000))
