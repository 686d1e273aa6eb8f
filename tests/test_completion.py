"""Shell completion of item numbers, statuses, owners and sections, through click's API."""

from __future__ import annotations

from pathlib import Path

import typer
from typer._completion_classes import ZshComplete

from plantrack.cli import app

PLAN = """\
title: 测试计划
year: 2022
roles: [书记, 纪检委员]
sections:
  - title: 政治建设
    items:
      - number: 1
        title: 理论学习
      - number: 12
        title: 意识形态
  - title: 正风肃纪
    items:
      - number: 13
        title: 警示教育
        owner: 组织委员
"""


def completions(args: list[str], incomplete: str) -> list[tuple[str, str | None]]:
    # zsh's completer, as the one that shows descriptions; its get_completions is click's own
    complete = ZshComplete(typer.main.get_command(app), {}, "plantrack", "_PLANTRACK_COMPLETE")
    return [(c.value, c.help) for c in complete.get_completions(args, incomplete)]


def plan(tmp_path: Path) -> str:
    path = tmp_path / "2022.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return str(path)


def test_item_numbers_complete_with_their_titles(tmp_path: Path) -> None:
    assert completions(["done", "--plan", plan(tmp_path)], "1") == [
        ("1", "理论学习"),
        ("12", "意识形态"),
        ("13", "警示教育"),
    ]
    assert completions(["show", "--plan", plan(tmp_path)], "12") == [("12", "意识形态")]


def test_statuses_complete_with_the_words_offices_use(tmp_path: Path) -> None:
    found = [value for value, _ in completions(["status", "-s"], "已")]
    assert found == ["已完成", "已办结"]
    assert [v for v, _ in completions(["status", "--status"], "do")] == ["doing", "done"]


def test_owners_complete_from_roles_and_items(tmp_path: Path) -> None:
    args = ["status", "--plan", plan(tmp_path), "--owner"]
    assert [value for value, _ in completions(args, "")] == ["书记", "纪检委员", "组织委员"]
    args = ["assign", "1", "--plan", plan(tmp_path), "--to"]
    assert [value for value, _ in completions(args, "纪")] == ["纪检委员"]


def test_sections_complete_by_numeral_with_their_titles(tmp_path: Path) -> None:
    args = ["status", "--plan", plan(tmp_path), "--section"]
    assert completions(args, "") == [("一", "政治建设"), ("二", "正风肃纪")]


def test_an_unreadable_plan_completes_nothing(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.yaml")
    assert completions(["done", "--plan", missing], "") == []
