"""Owners and co-owners, and the plan's roles from the command line, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Environment
from typer.testing import CliRunner, Result

from plantrack.cli import app
from plantrack.reading import load

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "plans" / "2022.yaml"

PLAN = """\
title: 测试计划
year: 2022
roles:
  - 书记
  - 组织委员
  - 宣传委员
  - 纪检委员
sections:
  - title: 部分
    items:
      - number: 1
        title: 甲
        owner: 书记
      - number: 2
        title: 乙
        owner: 组织委员
        co_owners: [书记, 宣传委员]
"""


@pytest.fixture(autouse=True)
def march_15th(environment: Environment) -> None:
    environment(PLANTRACK_TODAY="2022-03-15")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "2022.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def run(plan: Path, *args: str) -> Result:
    return CliRunner().invoke(app, [*args, "--plan", str(plan), "--by", "李明"])


def view(plan: Path, *args: str) -> Result:
    return CliRunner().invoke(app, [*args, "--plan", str(plan)])


def item(plan: Path, number: int) -> str:
    text = plan.read_text(encoding="utf-8")
    start = text.index(f"      - number: {number}\n")
    end = text.find("      - number: ", start + 1)
    return text[start : end if end >= 0 else len(text)]


def test_assign_with_sets_owner_and_co_owners_on_one_line(plan: Path) -> None:
    result = run(
        plan, "assign", "1", "--to", "纪检委员", "--with", "组织委员", "--with", "宣传委员"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"plantrack: {plan}: item 1: owner: 书记 → 纪检委员; co-owners: — → 组织委员, 宣传委员\n"
    )
    assert item(plan, 1) == (
        "      - number: 1\n"
        "        title: 甲\n"
        "        owner: 纪检委员\n"
        "        co_owners: [组织委员, 宣传委员]\n"
        "        log:\n"
        "          - date: 2022-03-15\n"
        "            by: 李明\n"
        "            changes: {owner: [书记, 纪检委员], co_owners: [null, [组织委员, 宣传委员]]}\n"
    )
    assert load(str(plan)).plan.sections[0].items[0].co_owners == ["组织委员", "宣传委员"]


def test_with_alone_adds_co_owners_and_keeps_the_owner(plan: Path) -> None:
    result = run(plan, "assign", "2", "--with", "纪检委员")
    assert result.exit_code == 0, result.stderr
    assert "        owner: 组织委员\n        co_owners: [书记, 宣传委员, 纪检委员]\n" in item(
        plan, 2
    )
    assert "changes: {co_owners: [[书记, 宣传委员], [书记, 宣传委员, 纪检委员]]}" in item(plan, 2)


def test_unassign_with_removes_one_co_owner(plan: Path) -> None:
    result = run(plan, "unassign", "2", "--with", "书记")
    assert result.exit_code == 0, result.stderr
    assert "        owner: 组织委员\n        co_owners: [宣传委员]\n" in item(plan, 2)


def test_unassign_with_the_last_co_owner_removes_the_field(plan: Path) -> None:
    run(plan, "unassign", "2", "--with", "书记", "--with", "宣传委员")
    assert "co_owners:" not in item(plan, 2).split("log:")[0]


def test_a_co_owner_not_in_roles_is_refused_with_did_you_mean(plan: Path) -> None:
    result = run(plan, "assign", "1", "--with", "宣传委")
    assert result.exit_code == 1
    assert result.stderr == (
        "plantrack: '宣传委' is not one of this plan's roles; did you mean 宣传委员? "
        "(--new-role adds it to roles)\n"
    )
    assert plan.read_text(encoding="utf-8") == PLAN


def test_the_owner_cannot_also_be_a_co_owner(plan: Path) -> None:
    result = run(plan, "assign", "1", "--to", "书记", "--with", "书记")
    assert result.exit_code == 1
    assert result.stderr == (
        "plantrack: '书记' is given as owner and as co-owner; "
        "an item's owner is not also its co-owner\n"
    )


def test_assign_needs_to_or_with(plan: Path) -> None:
    result = run(plan, "assign", "1")
    assert result.exit_code == 1
    assert result.stderr == "plantrack: give --to OWNER, --with CO-OWNER, or both\n"


def test_new_role_on_a_plan_without_roles_adds_the_list(tmp_path: Path) -> None:
    path = tmp_path / "2022.yaml"
    path.write_text(PLAN.replace(PLAN[PLAN.index("roles:") : PLAN.index("sections:")], ""))
    result = run(path, "assign", "1", "--to", "统战委员", "--new-role")
    assert result.exit_code == 0, result.stderr
    assert "year: 2022\nroles:\n  - 统战委员\nsections:\n" in path.read_text(encoding="utf-8")


def test_status_owner_filter_matches_co_owners(plan: Path) -> None:
    result = view(plan, "status", "--owner", "宣传委员", "--format", "json")
    items = json.loads(result.stdout)["items"]
    assert [(i["number"], i["owner"], i["co_owners"]) for i in items] == [
        (2, "组织委员", ["书记", "宣传委员"])
    ]


def test_show_prints_co_owners(plan: Path) -> None:
    result = view(plan, "show", "2")
    assert result.exit_code == 0, result.stderr
    assert "Co-owners  书记, 宣传委员\n" in result.stdout


def test_lint_names_an_unknown_co_owner(plan: Path) -> None:
    plan.write_text(PLAN.replace("[书记, 宣传委员]", "[书记, 宣传委]"), encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", str(plan)])
    assert result.stdout == (
        f"{plan}:17:25: warning unknown-owner owner '宣传委' is not in the plan's roles; "
        "did you mean 宣传委员?\n"
    )


def test_roles_lists_leads_and_co_owns(plan: Path) -> None:
    result = view(plan, "roles", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "plan": str(plan),
        "has_roles": True,
        "roles": [
            {"name": "书记", "leads": [1], "co_owns": [2]},
            {"name": "组织委员", "leads": [2], "co_owns": []},
            {"name": "宣传委员", "leads": [], "co_owns": [2]},
            {"name": "纪检委员", "leads": [], "co_owns": []},
        ],
        "not_in_roles": [],
    }


def test_roles_table(plan: Path) -> None:
    result = view(plan, "roles")
    rows = [[w for w in line.split() if w != "│"] for line in result.stdout.splitlines()]
    assert ["书记", "1", "1"] in rows and ["宣传委员", "0", "1"] in rows


def test_roles_add_to_a_plan_without_roles(tmp_path: Path) -> None:
    path = tmp_path / "2022.yaml"
    path.write_text(PLAN.replace(PLAN[PLAN.index("roles:") : PLAN.index("sections:")], ""))
    result = run(path, "roles", "add", "书记", "纪检委员")
    assert result.exit_code == 0, result.stderr
    assert "year: 2022\nroles:\n  - 书记\n  - 纪检委员\nsections:\n" in path.read_text()


def test_roles_add_an_existing_role_is_refused(plan: Path) -> None:
    result = run(plan, "roles", "add", "书记")
    assert result.exit_code == 1
    assert result.stderr == "plantrack: '书记' is one of this plan's roles already\n"


def test_roles_remove_is_refused_while_items_name_it(plan: Path) -> None:
    result = run(plan, "roles", "remove", "书记")
    assert result.exit_code == 1
    assert result.stderr == (
        "plantrack: '书记' is named by items 1, 2; assign them to someone else first, "
        "or rename the role\n"
    )
    assert plan.read_text(encoding="utf-8") == PLAN


def test_roles_remove(plan: Path) -> None:
    result = run(plan, "roles", "remove", "纪检委员")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"plantrack: {plan}: role '纪检委员' removed\n"
    assert plan.read_text(encoding="utf-8") == PLAN.replace("  - 纪检委员\n", "")


def test_roles_remove_unknown_says_did_you_mean(plan: Path) -> None:
    result = run(plan, "roles", "remove", "纪检")
    assert (
        result.stderr
        == "plantrack: '纪检' is not one of this plan's roles; did you mean 纪检委员?\n"
    )


def test_roles_rename_renames_owners_and_co_owners_with_one_entry_each(plan: Path) -> None:
    result = run(plan, "roles", "rename", "书记", "党支部书记")
    assert result.exit_code == 0, result.stderr
    text = plan.read_text(encoding="utf-8")
    assert "roles:\n  - 党支部书记\n  - 组织委员\n" in text
    assert "        owner: 党支部书记\n" in item(plan, 1)
    assert "changes: {owner: [书记, 党支部书记]}" in item(plan, 1)
    assert "        co_owners: [党支部书记, 宣传委员]\n" in item(plan, 2)
    assert item(plan, 2).count("- date:") == 1
    assert result.stderr.splitlines()[-1] == f"plantrack: {plan}: role '书记' renamed '党支部书记'"


def test_report_counts_co_owned_items_apart(plan: Path) -> None:
    result = view(plan, "report", "--period", "2022Q1", "--format", "json")
    assert result.exit_code == 0, result.stderr
    owners = json.loads(result.stdout)["plans"][0]["owners"]
    assert [(o["owner"], o["items"], o["co_owned"]) for o in owners] == [
        ("书记", 1, 1),
        ("宣传委员", 0, 1),
        ("组织委员", 1, 0),
    ]


def test_log_owner_filter_matches_co_owners(plan: Path) -> None:
    run(plan, "note", "2", "开会")
    result = view(plan, "log", "--owner", "宣传委员", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [entry["number"] for entry in json.loads(result.stdout)] == [2]


def test_roles_remove_keeps_the_comment_after_roles(plan: Path) -> None:
    plan.write_text(PLAN.replace("roles:\n", "roles:   # who may own items\n"), encoding="utf-8")
    result = run(plan, "roles", "remove", "纪检委员")
    assert result.exit_code == 0, result.stderr
    assert "roles:   # who may own items\n  - 书记\n  - 组织委员\n  - 宣传委员\nsections:" in (
        plan.read_text(encoding="utf-8")
    )


def test_the_ledger_table_names_the_lead_and_then_the_co_owners(
    plan: Path, environment: Environment
) -> None:
    import csv
    import io

    def owners() -> list[str]:
        exported = view(plan, "export", "-f", "csv").stdout.lstrip("\ufeff")
        return [row[4] for row in csv.reader(io.StringIO(exported))][1:]

    assert owners() == ["书记", "组织委员 (with 书记, 宣传委员)"]
    environment(PLANTRACK_LANG="zh")
    assert owners() == ["书记", "组织委员（配合：书记、宣传委员）"]
