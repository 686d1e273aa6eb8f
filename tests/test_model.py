"""The plan model: status vocabulary, numerals, overdue, and what it refuses."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from plantrack.model import Item, Plan, Status, parse_status


def test_status_words_in_english_and_chinese() -> None:
    assert [parse_status(w) for w in ("todo", "DOING", "已完成", "受阻", " 未开始 ")] == [
        Status.TODO,
        Status.DOING,
        Status.DONE,
        Status.BLOCKED,
        Status.TODO,
    ]
    assert parse_status("完成") is Status.DONE
    assert parse_status("咖啡") is None
    assert Item(number=1, title="x", status="进行中").status is Status.DOING  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("完成", Status.DONE),
        ("已完成", Status.DONE),
        ("已办结", Status.DONE),
        ("推进中", Status.DOING),
        ("正在推进", Status.DOING),
        ("进行中", Status.DOING),
        ("未启动", Status.TODO),
        ("未开始", Status.TODO),
        ("受阻", Status.BLOCKED),
        ("暂停", Status.BLOCKED),
    ],
)
def test_the_words_offices_use_name_a_status_on_the_command_line(word: str, status: Status) -> None:
    assert parse_status(word) is status


def test_a_synonym_is_no_status_in_a_file() -> None:
    with pytest.raises(ValidationError):
        Item(number=1, title="x", status="已办结")  # type: ignore[arg-type]


def test_overdue_is_computed_from_due_and_status() -> None:
    today = dt.date(2022, 7, 1)
    late = Item(number=1, title="x", due=dt.date(2022, 6, 30))
    assert late.is_overdue(today)
    assert not late.model_copy(update={"status": Status.DONE}).is_overdue(today)
    assert not Item(number=1, title="x", due=today).is_overdue(today)
    assert not Item(number=1, title="x").is_overdue(today)


@pytest.mark.parametrize(
    "fields",
    [
        {"number": 1, "title": "x", "colour": "red"},
        {"number": True, "title": "x"},
        {"number": "1", "title": "x"},
        {"number": 1, "title": ""},
        {"number": 1, "title": "x", "progress": 101},
        {"number": 1, "title": "x", "progress": 50.0},
        {"number": 1, "title": "x", "owner": ""},
    ],
)
def test_item_refuses(fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Item.model_validate(fields)


def test_plan_requires_title_year_and_sections() -> None:
    with pytest.raises(ValidationError) as raised:
        Plan.model_validate({"preamble": "x"})
    assert {error["loc"][0] for error in raised.value.errors()} == {"title", "year", "sections"}
