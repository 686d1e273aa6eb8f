"""Load and lint messages name places as people do: by section numeral and item number."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Environment, write_plan

from plantrack.reading import check_file

PLAN = """\
title: 计划
year: 2022
roles: [书记, 7]
sections:
  - title: 一部分
    items:
      - {number: 1, title: 甲}
  - title: 二部分
    items:
      - {number: 1, title: 乙}
      - number: 14
        title: 丙
        owner: ''
        log:
          - {date: 2022-03-01, by: 李明}
          - {date: 2022-02-30, by: 李明}
      - {title: 丁, progress: 120}
"""


def messages(tmp_path: Path) -> list[tuple[str, str]]:
    return [(p.message, p.field) for p in check_file(write_plan(tmp_path, PLAN)).problems]


def test_places_in_english(tmp_path: Path) -> None:
    assert messages(tmp_path) == [
        ("roles, entry 2: expected text, got 7", "roles[1]"),
        (
            "item number 1 is used twice (first at line 7); numbers are unique across the plan",
            "sections[1].items[0].number",
        ),
        ("section 二, item 14, owner: must not be empty", "sections[1].items[1].owner"),
        (
            "section 二, item 14, ledger entry 2, date: impossible date '2022-02-30':"
            " month 2 has 28 days",
            "sections[1].items[1].log[1].date",
        ),
        (
            "section 二, the item in place 3, number: required key is missing",
            "sections[1].items[2].number",
        ),
        (
            "section 二, the item in place 3, progress: must be at most 100, got 120",
            "sections[1].items[2].progress",
        ),
    ]


def test_places_in_chinese(tmp_path: Path, environment: Environment) -> None:
    environment(PLANTRACK_LANG="zh")
    places = [message.split(": ")[0] for message, _ in messages(tmp_path)]
    assert places == [
        "roles 第 2 个",
        "事项编号 1 重复（首次出现在第 7 行）；编号在整个计划中必须唯一",
        "第二部分第 14 项 owner",
        "第二部分第 14 项台账第 2 条 date",
        "第二部分第 3 个事项 number",
        "第二部分第 3 个事项 progress",
    ]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_section_alone_is_named_by_its_numeral(
    tmp_path: Path, environment: Environment, language: str
) -> None:
    environment(PLANTRACK_LANG=language)
    text = "title: 计划\nyear: 2022\nsections:\n  - title: 一部分\n    colour: red\n"
    [problem] = check_file(write_plan(tmp_path, text)).problems
    assert (
        problem.message.split(": ")[0]
        == {"en": "section 一, colour", "zh": "第一部分 colour"}[language]
    )
