"""Deadlines as plans write them, read within the plan's year."""

from __future__ import annotations

import datetime as dt

import pytest

from plantrack.dates import deadline_phrases, parse_day, parse_deadline, parse_iso
from plantrack.errors import PlantrackError


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("2022-06-30", "2022-06-30"),
        ("6月底", "2022-06-30"),
        ("6月底前", "2022-06-30"),
        ("6月30日前", "2022-06-30"),
        ("六月底", "2022-06-30"),
        ("２月底", "2022-02-28"),
        ("11月15日", "2022-11-15"),
        ("十二月底前", "2022-12-31"),
        ("年底", "2022-12-31"),
        ("年底前", "2022-12-31"),
        ("年底前完成", "2022-12-31"),
        ("全年", "2022-12-31"),
        ("一季度", "2022-03-31"),
        ("第一季度末", "2022-03-31"),
        ("二季度", "2022-06-30"),
        ("上半年", "2022-06-30"),
        ("三季度", "2022-09-30"),
        ("四季度", "2022-12-31"),
        ("下半年", "2022-12-31"),
    ],
)
def test_deadline_phrases_read_within_the_plans_year(phrase: str, expected: str) -> None:
    assert parse_deadline(phrase, 2022) == dt.date.fromisoformat(expected)


def test_month_end_follows_the_calendar_of_the_plans_year() -> None:
    assert parse_deadline("2月底", 2024) == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    "phrase", ["6月中旬", "每季度", "2022/06/30", "2022-02-30", "13月底", "6月31日", "", "5"]
)
def test_anything_else_is_refused_with_the_accepted_forms(phrase: str) -> None:
    with pytest.raises(PlantrackError) as caught:
        parse_deadline(phrase, 2022)
    assert caught.value.message == (
        f"bad date {phrase!r}; write it as YYYY-MM-DD (2022-06-30) or as a deadline within 2022:"
        " 6月底, 6月30日前, 年底, 全年, 一季度, 第一季度末, 上半年, 下半年"
    )


def test_ledger_dates_are_iso_only() -> None:
    assert parse_iso("2022-03-01") == dt.date(2022, 3, 1)
    for bad in ("2022-02-30", "3月1日", "20220301"):
        with pytest.raises(PlantrackError) as caught:
            parse_iso(bad)
        assert caught.value.message == f"bad date {bad!r}; write it as YYYY-MM-DD, e.g. 2022-06-30"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2022-03-05", dt.date(2022, 3, 5)),
        ("2022-3-5", dt.date(2022, 3, 5)),
        ("2022年3月15日", dt.date(2022, 3, 15)),
        ("3月15日", dt.date(2022, 3, 15)),
        ("２０２２年３月１５日", dt.date(2022, 3, 15)),
    ],
)
def test_a_ledger_date_as_people_type_it(text: str, day: dt.date) -> None:
    assert parse_day(text, 2022) == day


@pytest.mark.parametrize("bad", ["2022/3/5", "3月32日", "2022-2-30", "年底", "3月"])
def test_a_ledger_date_in_another_form_is_refused_naming_the_forms(bad: str) -> None:
    with pytest.raises(PlantrackError) as caught:
        parse_day(bad, 2022)
    assert caught.value.message == (
        f"bad date {bad!r}; write it as 2022-03-15, 2022-3-15, 2022年3月15日 or 3月15日 (in 2022)"
    )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2022-3-5", dt.date(2022, 3, 5)),
        ("2022年3月15日", dt.date(2022, 3, 15)),
        ("3月15日", dt.date(2022, 3, 15)),
        ("2022年6月底前", dt.date(2022, 6, 30)),
        ("12月31日前", dt.date(2022, 12, 31)),
        ("2023年一季度", dt.date(2023, 3, 31)),
        ("2023年底前", dt.date(2023, 12, 31)),
    ],
)
def test_deadlines_in_the_forms_people_type(text: str, day: dt.date) -> None:
    assert parse_deadline(text, 2022) == day


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("确保6月底前完成初稿", ["6月底前"]),
        ("2022年10月底前上线，年底前验收", ["2022年10月底前", "年底前"]),
        ("6月底完成", ["6月底完成"]),
        ("每季度前报送一次", []),
        ("本月底前", []),
        ("筹集1.5万元", []),
    ],
)
def test_deadline_phrases_are_found_in_prose(text: str, phrases: list[str]) -> None:
    assert deadline_phrases(text) == phrases
