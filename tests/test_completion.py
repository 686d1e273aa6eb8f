"""Shell completion of item numbers, statuses, owners and sections, through click's API."""

from __future__ import annotations

from pathlib import Path

import pytest
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
        co_owners: [宣传委员]
        log:
          - date: 2022-03-01
            by: 李明
            note: 开会
          - date: 2022-04-01
            by: 王芳
            note: 再开会
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
    assert [value for value, _ in completions(args, "")] == [
        "书记",
        "纪检委员",
        "组织委员",
        "宣传委员",
    ]
    args = ["assign", "1", "--plan", plan(tmp_path), "--to"]
    assert [value for value, _ in completions(args, "纪")] == ["纪检委员"]


def test_sections_complete_by_numeral_with_their_titles(tmp_path: Path) -> None:
    args = ["status", "--plan", plan(tmp_path), "--section"]
    assert completions(args, "") == [("一", "政治建设"), ("二", "正风肃纪")]


def test_an_unreadable_plan_completes_nothing(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.yaml")
    assert completions(["done", "--plan", missing], "") == []


def test_set_status_completes_the_status_beside_the_numbers(tmp_path: Path) -> None:
    args = ["set-status", "--plan", plan(tmp_path)]
    # before any number, only numbers; after one, the status words too
    assert completions(args, "") == [("1", "理论学习"), ("12", "意识形态"), ("13", "警示教育")]
    assert completions([*args, "12"], "do") == [("doing", None), ("done", None)]
    assert completions([*args, "12"], "1") == [
        ("1", "理论学习"),
        ("12", "意识形态"),
        ("13", "警示教育"),
    ]
    assert completions([*args, "12", "13"], "已办") == [("已办结", "done")]


# Every argument and option that names something the plan holds, and what completes it.
NUMBERS = [("1", "理论学习"), ("12", "意识形态"), ("13", "警示教育")]
OWNERS = [("书记", None), ("纪检委员", None), ("组织委员", None), ("宣传委员", None)]
EVERY = [
    (["show"], "1", NUMBERS),
    *(([name], "1", NUMBERS) for name in ["assign", "unassign", "start", "done", "block"]),
    *(([name], "1", NUMBERS) for name in ["reopen", "progress", "note", "due"]),
    (["due", "12"], "1", NUMBERS),
    (["log", "--item"], "1", NUMBERS),
    (["assign", "1", "--to"], "", OWNERS),
    (["assign", "1", "--with"], "", OWNERS),
    (["unassign", "1", "--with"], "宣", [("宣传委员", None)]),
    (["status", "--owner"], "", OWNERS),
    (["export", "--owner"], "", OWNERS),
    (["log", "--owner"], "组", [("组织委员", None)]),
    (["status", "--status"], "blo", [("blocked", None)]),
    (["export", "-s"], "受", [("受阻", "blocked")]),
    (["status", "--section"], "", [("一", "政治建设"), ("二", "正风肃纪")]),
    (["export", "--section"], "二", [("二", "正风肃纪")]),
    (["roles", "remove"], "", [("书记", None), ("纪检委员", None)]),
    (["roles", "rename"], "纪", [("纪检委员", None)]),
    (["roles", "add"], "", [("组织委员", None), ("宣传委员", None)]),
    (["done", "1", "--by"], "", [("王芳", None), ("李明", None)]),
    (["log", "--by"], "李", [("李明", None)]),
]


@pytest.mark.slow
@pytest.mark.parametrize(("args", "incomplete", "expected"), EVERY, ids=lambda v: repr(v))
def test_every_argument_that_names_what_a_plan_holds_completes(
    tmp_path: Path, args: list[str], incomplete: str, expected: list[tuple[str, str | None]]
) -> None:
    # the plan named after the command, as a user types it (for roles, on the group)
    line = [args[0], "--plan", plan(tmp_path), *args[1:]]
    assert completions(line, incomplete) == expected
    if args[0] == "roles":
        assert completions([*args, "--plan", plan(tmp_path)], incomplete) == expected


# What a parameter names, by how the help writes it: each of these completes.
NAMING = {"N", "N… [DATE]", "OWNER", "CO-OWNER", "STATUS", "OLD"}
NAMING_OPTIONS = {"--owner", "--status", "--section", "--by", "--to", "--with", "--item"}


def test_no_command_leaves_a_plan_name_without_completion() -> None:
    from typer._click.core import Context

    from plantrack.cli import COMMANDS

    group = typer.main.get_command(app)
    ctx = Context(group)
    commands = []
    for name in COMMANDS:
        command = group.get_command(ctx, name)
        commands += [(name, command), *getattr(command, "commands", {}).items()]
    missing = [
        (name, param.name)
        for name, command in commands
        for param in command.params
        if (param.metavar in NAMING or set(param.opts) & NAMING_OPTIONS)
        and param._custom_shell_complete is None
    ]
    assert missing == []
