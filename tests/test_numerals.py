"""Chinese numerals both ways: written for section headings, read back from documents and
deadlines."""

from __future__ import annotations

import datetime as dt

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
